#include "app/gui/diagramstyle.h"

#include "model/geometry/cardstyle.h"

namespace sc {

QColor DiagramStyle::categoryColor(const QString &category, bool dark) const
{
    return QColor::fromString(sc::categoryColor(category.toStdString(), dark));
}

QColor DiagramStyle::blockColor(const QString &category, const QColor &card, bool dark) const
{
    constexpr float kCover = 0x8c / 255.0f;
    const QColor over = categoryColor(category, dark);
    const auto mix = [&](float under, float top) { return top * kCover + under * (1 - kCover); };
    return QColor::fromRgbF(mix(card.redF(), over.redF()), mix(card.greenF(), over.greenF()),
                            mix(card.blueF(), over.blueF()), card.alphaF());
}

} // namespace sc
