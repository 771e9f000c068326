#pragma once
// The boxes the canvas draws around VPCs, subnets and the halves of a blue/green setup
// (model/geometry/containers), as a list model: a drag that resizes one box updates that row,
// where a plain list would recreate every box's delegate on every frame of the drag.

#include "model/geometry/containers.h"

#include <QAbstractListModel>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace sc {

class ContainerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the CanvasController")
    // The part of the scene the canvas keeps alive: boxes out of it are not drawn, and only the
    // rows that enter or leave it are told when it moves (as ResourceModel's cards).
    Q_PROPERTY(QRectF liveRect READ liveRect WRITE setLiveRect NOTIFY liveRectChanged)

public:
    enum Role { BoxIdRole = Qt::UserRole + 1, KindRole, RectRole, LabelRole, LiveRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const std::vector<ContainerBox> &boxes() const { return m_boxes; }
    // Replaces the boxes; returns whether anything changed. The same boxes in the same order
    // with other rectangles change only those rows.
    bool setBoxes(std::vector<ContainerBox> boxes);

    QRectF liveRect() const { return m_liveRect; }
    void setLiveRect(const QRectF &rect);

signals:
    void liveRectChanged();

private:
    std::vector<ContainerBox> m_boxes;
    QRectF m_liveRect;
};

} // namespace sc
