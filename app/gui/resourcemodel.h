#pragma once
// The cards of the canvas: one row per resource with what a card shows and where it stands.
// Updated from the document's change events row by row, never rebuilt on a move.

#include "model/document/documentchange.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <vector>

namespace sc {

class Document;

class ResourceModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")

public:
    enum Role { LogicalIdRole = Qt::UserRole + 1, TypeRole, DisplayNameRole, CategoryRole, IconRole, XRole, YRole };

    explicit ResourceModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const std::string &id) const;
    void apply(const DocumentChange &change);

private:
    void reload();

    Document *m_document;
    std::vector<std::string> m_ids;
};

} // namespace sc
