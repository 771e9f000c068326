#include "app/gui/palettemodel.h"

#include "model/catalog/catalog.h"

#include <algorithm>

namespace sc {

namespace {

QString slug(QString text)
{
    text = text.toLower();
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out += c;
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

} // namespace

PaletteModel::PaletteModel(QObject *parent)
    : QAbstractListModel(parent)
{
    const Catalog &catalog = Catalog::instance();
    const std::vector<std::string> categories = catalog.categories();
    const auto rankOf = [&](const std::string &category) {
        const auto it = std::find(categories.begin(), categories.end(), category);
        return static_cast<int>(it - categories.begin());
    };
    for (const std::string &type : catalog.typeNames()) {
        Entry e;
        e.type = QString::fromStdString(type);
        e.displayName = QString::fromStdString(catalog.displayName(type));
        e.category = QString::fromStdString(catalog.category(type));
        e.categoryRank = rankOf(catalog.category(type));
        const KindOverlay *overlay = catalog.overlay(type);
        // Custom:: types answer with the custom resource's overlay but are not a deep kind of their own.
        e.deep = overlay && overlay->type == type;
        e.icon = iconFor(e.type);
        const QStringList parts = e.type.split(QStringLiteral("::"));
        e.service = parts.size() > 1 ? parts[1] : e.type;
        e.section = e.deep ? e.category : QStringLiteral("All types · ") + e.category;
        QStringList words{e.type, e.displayName, e.service, e.category};
        if (e.deep) {
            for (const std::string &k : overlay->keywords)
                words << QString::fromStdString(k);
        }
        e.haystack = words.join(QLatin1Char(' ')).toLower();
        m_all.push_back(std::move(e));
    }
    std::stable_sort(m_all.begin(), m_all.end(), [](const Entry &a, const Entry &b) {
        if (a.deep != b.deep)
            return a.deep;
        if (a.categoryRank != b.categoryRank)
            return a.categoryRank < b.categoryRank;
        return a.displayName.compare(b.displayName, Qt::CaseInsensitive) < 0;
    });
    applyFilter();
}

QString PaletteModel::iconFor(const QString &type)
{
    const Catalog &catalog = Catalog::instance();
    const std::string t = type.toStdString();
    if (const KindOverlay *overlay = catalog.overlay(t); overlay && !overlay->icon.empty())
        return QStringLiteral("qrc:/icons/") + QString::fromStdString(overlay->icon) + QStringLiteral(".svg");
    return categoryIcon(QString::fromStdString(catalog.category(t)));
}

QString PaletteModel::categoryIcon(const QString &category)
{
    return QStringLiteral("qrc:/icons/category-") + slug(category) + QStringLiteral(".svg");
}

void PaletteModel::setFilter(const QString &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    beginResetModel();
    applyFilter();
    endResetModel();
    emit filterChanged();
    emit countChanged();
}

void PaletteModel::applyFilter()
{
    m_rows.clear();
    const QStringList terms = m_filter.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::vector<std::pair<int, int>> ranked; // (relevance, index in display order)
    for (std::size_t i = 0; i < m_all.size(); ++i) {
        const Entry &e = m_all[i];
        const bool all = std::all_of(terms.begin(), terms.end(),
                                     [&](const QString &term) { return e.haystack.contains(term); });
        if (!all)
            continue;
        // A type named after the last word typed ("queue" -> AWS::SQS::Queue) comes before one
        // that merely contains it (QueuePolicy); deep kinds stay ahead of the generic types.
        const QString name = e.type.section(QStringLiteral("::"), -1).toLower();
        int relevance = 2;
        if (!terms.isEmpty() && name == terms.last())
            relevance = 0;
        else if (!terms.isEmpty() && (name.startsWith(terms.last()) || e.displayName.toLower().endsWith(terms.last())))
            relevance = 1;
        ranked.emplace_back((e.deep ? 0 : 10) + relevance, static_cast<int>(i));
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[relevance, index] : ranked)
        m_rows.push_back(index);
}

int PaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString PaletteModel::typeAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return m_all[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(row)])].type;
}

QVariant PaletteModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry &e = m_all[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(index.row())])];
    switch (role) {
    case TypeRole:
        return e.type;
    case DisplayNameRole:
        return e.displayName;
    case CategoryRole:
        return e.category;
    case IconRole:
        return e.icon;
    case DeepRole:
        return e.deep;
    case SectionRole:
        return e.section;
    case ServiceRole:
        return e.service;
    default:
        return {};
    }
}

QHash<int, QByteArray> PaletteModel::roleNames() const
{
    return {{TypeRole, "resourceType"}, {DisplayNameRole, "displayName"}, {CategoryRole, "category"},
            {IconRole, "icon"},         {DeepRole, "deep"},               {SectionRole, "section"},
            {ServiceRole, "service"}};
}

} // namespace sc
