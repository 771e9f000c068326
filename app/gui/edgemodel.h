#pragma once
// The edges of the canvas: one row per reference between two resources, with the property path
// it is labelled with. Rebuilt from the document's graph when references change.

#include "model/document/documentchange.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace sc {

class Document;

class EdgeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")

public:
    enum Role { SourceRole = Qt::UserRole + 1, TargetRole, LabelRole, KindRole };

    explicit EdgeModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void apply(const DocumentChange &change);

private:
    Document *m_document;
    int m_count = 0;
};

} // namespace sc
