#include "app/gui/resourcemodel.h"

#include "model/catalog/catalog.h"
#include "model/document/document.h"

namespace sc {

ResourceModel::ResourceModel(Document *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{
    reload();
}

void ResourceModel::reload()
{
    beginResetModel();
    m_ids = m_document->resourceIds();
    endResetModel();
}

int ResourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int ResourceModel::rowOf(const std::string &id) const
{
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
        if (m_ids[i] == id)
            return static_cast<int>(i);
    }
    return -1;
}

QVariant ResourceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const std::string &id = m_ids[static_cast<std::size_t>(index.row())];
    const std::string type = m_document->resourceType(id);
    const Catalog &catalog = Catalog::instance();
    switch (role) {
    case LogicalIdRole:
        return QString::fromStdString(id);
    case TypeRole:
        return QString::fromStdString(type);
    case DisplayNameRole:
        return QString::fromStdString(catalog.displayName(type));
    case CategoryRole:
        return QString::fromStdString(catalog.category(type));
    case IconRole: {
        const KindOverlay *overlay = catalog.overlay(type);
        return QString::fromStdString(overlay ? overlay->icon : std::string());
    }
    case XRole:
        return m_document->position(id).x();
    case YRole:
        return m_document->position(id).y();
    default:
        return {};
    }
}

QHash<int, QByteArray> ResourceModel::roleNames() const
{
    return {{LogicalIdRole, "logicalId"}, {TypeRole, "resourceType"}, {DisplayNameRole, "displayName"},
            {CategoryRole, "category"},   {IconRole, "icon"},         {XRole, "posX"},
            {YRole, "posY"}};
}

void ResourceModel::apply(const DocumentChange &change)
{
    if (change.reset || !change.added.empty() || !change.removed.empty() || !change.renamed.empty()) {
        reload();
        return;
    }
    for (const std::string &id : change.modified) {
        if (const int row = rowOf(id); row >= 0)
            emit dataChanged(index(row), index(row));
    }
    // A move changes only the position: the delegate need not read its other roles again.
    for (const std::string &id : change.moved) {
        if (const int row = rowOf(id); row >= 0 && !change.modified.count(id))
            emit dataChanged(index(row), index(row), {XRole, YRole});
    }
}

} // namespace sc
