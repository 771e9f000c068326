#pragma once
// The cards of the canvas: one row per resource with what a card shows (its text as the model
// sets it, its icon, size, fleet strip and problem badge) and where it stands. Updated from the
// document's change events row by row and role by role: a move touches the position only, new
// findings the badges whose severity changed only.

#include "model/document/documentchange.h"

#include <QAbstractListModel>
#include <QHash>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

class Document;

class ResourceModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    Q_PROPERTY(QRectF liveRect READ liveRect WRITE setLiveRect NOTIFY liveRectChanged)

public:
    enum Role {
        LogicalIdRole = Qt::UserRole + 1,
        TypeRole,
        DisplayNameRole,
        CategoryRole,
        IconRole,     // an icon of icons/ without ".svg": the kind's own, else its category's
        XRole,
        YRole,
        WidthRole,
        HeightRole,
        TitleRole,       // the logical ID in the lines the card sets it in ("\n" between them)
        SubtitleTopRole, // where the display name goes
        FleetRole,       // an Elastic Beanstalk environment's fleet summary, else ""
        SeverityRole,    // the worst finding about the resource: "error", "warning", "info" or ""
        LiveRole         // whether the card (and what hangs under it) meets the live rectangle
    };

    explicit ResourceModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const std::string &id) const;
    void apply(const DocumentChange &change);
    // The part of the scene the canvas keeps alive (ViewportController::cullRect): only the rows
    // whose card enters or leaves it are told, so that a canvas of thousands of cards does not
    // evaluate a binding per card each time the rectangle moves. A null rectangle keeps all.
    QRectF liveRect() const { return m_liveRect; }
    void setLiveRect(const QRectF &rect);
    // Below a card, its fleet strip and badges hang this far: they count as the card's.
    static constexpr qreal kHang = 28;
    // The worst severity per logical ID; only the badges that change are told.
    void setSeverities(std::unordered_map<std::string, QString> severities);
    QString severity(const std::string &id) const;

signals:
    void liveRectChanged();

private:
    void reload();
    // The card and what hangs under it, as the live rectangle judges it.
    QRectF liveFootprint(const std::string &id) const;
    void refreshRow(int row, const QList<int> &roles = {});

    Document *m_document;
    std::vector<std::string> m_ids;
    std::unordered_map<std::string, int> m_rows;
    std::unordered_map<std::string, QString> m_severities;
    QRectF m_liveRect;
};

} // namespace sc
