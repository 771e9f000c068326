#include "app/gui/containermodel.h"

#include <QVariantMap>

namespace sc {

int ContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_boxes.size());
}

QVariant ContainerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Box &box = m_boxes[static_cast<std::size_t>(index.row())];
    switch (role) {
    case BoxIdRole:
        return box.id;
    case KindRole:
        return box.kind;
    case RectRole:
        return box.rect;
    default:
        return {};
    }
}

QHash<int, QByteArray> ContainerModel::roleNames() const
{
    return {{BoxIdRole, "boxId"}, {KindRole, "kind"}, {RectRole, "rect"}};
}

bool ContainerModel::setBoxes(std::vector<Box> boxes)
{
    if (boxes == m_boxes)
        return false;
    const bool sameRows = boxes.size() == m_boxes.size()
                          && std::equal(boxes.begin(), boxes.end(), m_boxes.begin(), [](const Box &a, const Box &b) {
                                 return a.id == b.id && a.kind == b.kind;
                             });
    if (!sameRows) {
        beginResetModel();
        m_boxes = std::move(boxes);
        endResetModel();
        return true;
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (boxes[i].rect != m_boxes[i].rect) {
            m_boxes[i].rect = boxes[i].rect;
            const QModelIndex at = index(static_cast<int>(i));
            emit dataChanged(at, at, {RectRole});
        }
    }
    return true;
}

QVariantList ContainerModel::toVariantList() const
{
    QVariantList list;
    for (const Box &box : m_boxes)
        list << QVariantMap{{QStringLiteral("id"), box.id}, {QStringLiteral("kind"), box.kind}, {QStringLiteral("rect"), box.rect}};
    return list;
}

} // namespace sc
