#include "app/gui/diagramstyle.h"

#include "model/geometry/cardstyle.h"

namespace sc {

QColor DiagramStyle::categoryColor(const QString &category, bool dark) const
{
    return QColor::fromString(sc::categoryColor(category.toStdString(), dark));
}

} // namespace sc
