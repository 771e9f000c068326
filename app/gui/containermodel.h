#pragma once
// The VPC and subnet boxes the canvas draws around what they hold, as a list model: a drag that
// resizes one box updates that row, where a plain list would recreate every box's delegate on
// every frame of the drag.

#include <QAbstractListModel>
#include <QRectF>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace sc {

class ContainerModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the CanvasController")

public:
    struct Box {
        QString id;
        QString kind; // "vpc" or "subnet"
        QRectF rect;
        bool operator==(const Box &) const = default;
    };
    enum Role { BoxIdRole = Qt::UserRole + 1, KindRole, RectRole };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    const std::vector<Box> &boxes() const { return m_boxes; }
    // Replaces the boxes; returns whether anything changed. The same boxes in the same order
    // with other rectangles change only those rows.
    bool setBoxes(std::vector<Box> boxes);
    // Each box as {id, kind, rect}.
    QVariantList toVariantList() const;

private:
    std::vector<Box> m_boxes;
};

} // namespace sc
