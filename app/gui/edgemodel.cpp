#include "app/gui/edgemodel.h"

#include "model/document/document.h"

namespace sc {

EdgeModel::EdgeModel(Document *document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
    , m_count(static_cast<int>(document->graph().edges().size()))
{
}

int EdgeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

QVariant EdgeModel::data(const QModelIndex &index, int role) const
{
    const auto &edges = m_document->graph().edges();
    if (!index.isValid() || index.row() >= static_cast<int>(edges.size()))
        return {};
    const GraphEdge &e = edges[static_cast<std::size_t>(index.row())];
    switch (role) {
    case SourceRole:
        return QString::fromStdString(e.source);
    case TargetRole:
        return QString::fromStdString(e.target);
    case LabelRole:
        return QString::fromStdString(e.label);
    case KindRole:
        return static_cast<int>(e.kind);
    default:
        return {};
    }
}

QHash<int, QByteArray> EdgeModel::roleNames() const
{
    return {{SourceRole, "source"}, {TargetRole, "target"}, {LabelRole, "label"}, {KindRole, "kind"}};
}

void EdgeModel::apply(const DocumentChange &change)
{
    // Only a change to a resource can change references; moves and layout do not.
    if (!change.reset && change.added.empty() && change.removed.empty() && change.modified.empty()
        && change.renamed.empty())
        return;
    beginResetModel();
    m_count = static_cast<int>(m_document->graph().edges().size());
    endResetModel();
}

} // namespace sc
