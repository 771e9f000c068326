#include "app/gui/containermodel.h"

#include "app/gui/viewportcontroller.h"

#include <utility>

namespace sc {

int ContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_boxes.size());
}

QVariant ContainerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ContainerBox &box = m_boxes[static_cast<std::size_t>(index.row())];
    switch (role) {
    case BoxIdRole:
        return QString::fromStdString(box.id);
    case KindRole: {
        const std::string_view kind = kindName(box.kind);
        return QString::fromLatin1(kind.data(), static_cast<qsizetype>(kind.size()));
    }
    case RectRole:
        return box.rect;
    case LabelRole:
        return QString::fromStdString(box.label);
    case LiveRole:
        return ViewportController::meets(box.rect, m_liveRect);
    default:
        return {};
    }
}

QHash<int, QByteArray> ContainerModel::roleNames() const
{
    return {{BoxIdRole, "boxId"}, {KindRole, "kind"}, {RectRole, "rect"}, {LabelRole, "label"}, {LiveRole, "live"}};
}

bool ContainerModel::setBoxes(std::vector<ContainerBox> boxes)
{
    if (boxes == m_boxes)
        return false;
    const bool sameRows = boxes.size() == m_boxes.size()
                          && std::equal(boxes.begin(), boxes.end(), m_boxes.begin(), [](const ContainerBox &a, const ContainerBox &b) {
                                 return a.id == b.id && a.kind == b.kind && a.label == b.label;
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
            emit dataChanged(at, at, {RectRole, LiveRole});
        }
    }
    return true;
}

void ContainerModel::setLiveRect(const QRectF &rect)
{
    if (rect == m_liveRect)
        return;
    const QRectF old = std::exchange(m_liveRect, rect);
    ViewportController::tellLiveChanges(
        *this, [this](int row) { return m_boxes[static_cast<std::size_t>(row)].rect; }, old, rect, LiveRole);
    emit liveRectChanged();
}

} // namespace sc
