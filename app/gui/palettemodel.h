#pragma once
// The palette's list: every resource type of the catalog, the deep kinds first, grouped by the
// catalog's categories, filtered by what the user types (type name, service, display name and
// the overlay's keywords). Read-only: adding a resource is the CanvasController's job.

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace sc {

class PaletteModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount CONSTANT)

public:
    enum Role { TypeRole = Qt::UserRole + 1, DisplayNameRole, CategoryRole, IconRole, DeepRole, SectionRole, ServiceRole };

    explicit PaletteModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int totalCount() const { return static_cast<int>(m_all.size()); }

    // The type shown in a row ("" when out of range), for tests and keyboard activation.
    Q_INVOKABLE QString typeAt(int row) const;
    // The icon file for a type: the overlay's icon for deep kinds, else its category's.
    Q_INVOKABLE static QString iconFor(const QString &type);
    Q_INVOKABLE static QString categoryIcon(const QString &category);

signals:
    void filterChanged();
    void countChanged();

private:
    struct Entry {
        QString type, displayName, category, icon, service, section;
        QString haystack; // lower-case words searched by the filter
        bool deep = false;
        int categoryRank = 0;
    };
    void applyFilter();

    std::vector<Entry> m_all; // in display order
    std::vector<int> m_rows;  // indexes into m_all that pass the filter
    QString m_filter;
};

} // namespace sc
