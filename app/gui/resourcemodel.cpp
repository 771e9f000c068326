#include "app/gui/resourcemodel.h"

#include "app/gui/viewportcontroller.h"

#include "model/catalog/catalog.h"
#include "model/document/document.h"
#include "model/geometry/cardstyle.h"
#include "model/geometry/fleetsummary.h"

#include <QStringList>

#include <utility>

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
    m_rows.clear();
    for (std::size_t i = 0; i < m_ids.size(); ++i)
        m_rows.emplace(m_ids[i], static_cast<int>(i));
    endResetModel();
}

int ResourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int ResourceModel::rowOf(const std::string &id) const
{
    const auto it = m_rows.find(id);
    return it == m_rows.end() ? -1 : it->second;
}

QVariant ResourceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const std::string &id = m_ids[static_cast<std::size_t>(index.row())];
    const Catalog &catalog = Catalog::instance();
    switch (role) {
    case LogicalIdRole:
        return QString::fromStdString(id);
    case TypeRole:
        return QString::fromStdString(m_document->resourceType(id));
    case DisplayNameRole:
        return QString::fromStdString(catalog.displayName(m_document->resourceType(id)));
    case CategoryRole:
        return QString::fromStdString(catalog.category(m_document->resourceType(id)));
    case IconRole:
        return QString::fromStdString(cardIcon(m_document->resourceType(id)));
    case XRole:
        return m_document->position(id).x();
    case YRole:
        return m_document->position(id).y();
    case WidthRole:
        return m_document->cardLayout(id).size.width();
    case HeightRole:
        return m_document->cardLayout(id).size.height();
    case TitleRole: {
        QStringList lines;
        for (const std::string &line : m_document->cardLayout(id).titleLines)
            lines << QString::fromStdString(line);
        return lines.join(QLatin1Char('\n'));
    }
    case SubtitleTopRole:
        return m_document->cardLayout(id).subtitleTop;
    case FleetRole:
        return m_document->resourceType(id) == "AWS::ElasticBeanstalk::Environment"
                   ? QString::fromStdString(fleetSummary(m_document->root(), id)) : QString();
    case SeverityRole:
        return severity(id);
    case LiveRole:
        return ViewportController::meets(liveFootprint(id), m_liveRect);
    default:
        return {};
    }
}

QHash<int, QByteArray> ResourceModel::roleNames() const
{
    return {{LogicalIdRole, "logicalId"}, {TypeRole, "resourceType"}, {DisplayNameRole, "displayName"},
            {CategoryRole, "category"},   {IconRole, "icon"},         {XRole, "posX"},
            {YRole, "posY"},              {WidthRole, "cardWidth"},   {HeightRole, "cardHeight"},
            {TitleRole, "title"},         {SubtitleTopRole, "subtitleTop"}, {FleetRole, "fleet"},
            {SeverityRole, "severity"},   {LiveRole, "live"}};
}

void ResourceModel::refreshRow(int row, const QList<int> &roles)
{
    if (row >= 0)
        emit dataChanged(index(row), index(row), roles);
}

void ResourceModel::apply(const DocumentChange &change)
{
    if (change.reset || !change.added.empty() || !change.removed.empty() || !change.renamed.empty()) {
        reload();
        return;
    }
    bool templatesChanged = false;
    for (const std::string &id : change.modified) {
        refreshRow(rowOf(id));
        templatesChanged = templatesChanged
                           || m_document->resourceType(id) == "AWS::ElasticBeanstalk::ConfigurationTemplate";
    }
    // An environment's fleet follows the configuration template it uses.
    if (templatesChanged) {
        for (std::size_t i = 0; i < m_ids.size(); ++i) {
            if (!change.modified.count(m_ids[i])
                && m_document->resourceType(m_ids[i]) == "AWS::ElasticBeanstalk::Environment")
                refreshRow(static_cast<int>(i), {FleetRole, WidthRole, HeightRole, TitleRole, SubtitleTopRole});
        }
    }
    // A move changes only the position: the delegate need not read its other roles again.
    for (const std::string &id : change.moved) {
        if (!change.modified.count(id))
            refreshRow(rowOf(id), {XRole, YRole, LiveRole});
    }
}

QRectF ResourceModel::liveFootprint(const std::string &id) const
{
    const QSizeF size = m_document->cardLayout(id).size;
    return QRectF(m_document->position(id), QSizeF(size.width(), size.height() + kHang));
}

void ResourceModel::setLiveRect(const QRectF &rect)
{
    if (rect == m_liveRect)
        return;
    const QRectF old = std::exchange(m_liveRect, rect);
    ViewportController::tellLiveChanges(
        *this, [this](int row) { return liveFootprint(m_ids[static_cast<std::size_t>(row)]); }, old, rect, LiveRole);
    emit liveRectChanged();
}

void ResourceModel::setSeverities(std::unordered_map<std::string, QString> severities)
{
    std::swap(m_severities, severities);
    // Rows whose badge appears, changes or goes.
    for (const auto &[id, severity] : m_severities) {
        const auto old = severities.find(id);
        if (old == severities.end() || old->second != severity)
            refreshRow(rowOf(id), {SeverityRole});
    }
    for (const auto &[id, severity] : severities) {
        if (!m_severities.count(id))
            refreshRow(rowOf(id), {SeverityRole});
    }
}

QString ResourceModel::severity(const std::string &id) const
{
    const auto it = m_severities.find(id);
    return it == m_severities.end() ? QString() : it->second;
}

} // namespace sc
