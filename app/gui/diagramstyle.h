#pragma once
// The colours the model decides (model/geometry/cardstyle), for QML: cards ask here, so the
// canvas, the minimap and the exported diagram use one table.

#include <QColor>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace sc {

class DiagramStyle : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;
    Q_INVOKABLE QColor categoryColor(const QString &category, bool dark) const;
    // A card zoomed out: a block of its category's colour laid over the card's at 55 %. Asked by
    // every card at each crossing of the level of detail, so it is worked out here rather than
    // in script.
    Q_INVOKABLE QColor blockColor(const QString &category, const QColor &card, bool dark) const;
};

} // namespace sc
