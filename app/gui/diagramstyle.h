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
};

} // namespace sc
