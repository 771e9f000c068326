#pragma once
// File → Export in the window: every format of the exporter registry (the same objects the
// CLI's `export --to` uses), with their options, written through QSaveFile.

#include <QObject>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace sc {

class Document;

class ExportController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    // [{id, name, extension, project}] in the registry's order.
    Q_PROPERTY(QVariantList formats READ formats CONSTANT)
    Q_PROPERTY(QStringList notes READ notes NOTIFY exported)

public:
    explicit ExportController(Document *document, QObject *parent = nullptr);

    QVariantList formats() const;
    QStringList notes() const { return m_notes; }

    // Exports to `pathOrUrl` (a file, or a folder for project formats). Options: scale (png),
    // theme ("light"/"dark": svg, png), serverless (sam). Returns an empty string or the error.
    Q_INVOKABLE QString exportTo(const QString &formatId, const QString &pathOrUrl, const QVariantMap &options);
    // A file name for the format beside the document, e.g. "app.ts" or "app-diagram.svg".
    Q_INVOKABLE QString suggestedName(const QString &formatId) const;

signals:
    void exported();

private:
    Document *m_document;
    QStringList m_notes;
};

} // namespace sc
