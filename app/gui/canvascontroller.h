#pragma once
// The canvas's state that is not the document's: which cards are selected, and the canvas
// intents QML calls (select, add from the palette, move, connect, delete). Edits go through the
// Document's intent methods; this class decides nothing about AWS.

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace sc {

class Document;

class CanvasController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    Q_PROPERTY(QStringList selection READ selection NOTIFY selectionChanged)
    Q_PROPERTY(QString currentId READ currentId NOTIFY selectionChanged)

public:
    explicit CanvasController(Document *document, QObject *parent = nullptr);

    QStringList selection() const { return m_selection; }
    // The card the inspector shows: the last one selected.
    QString currentId() const { return m_selection.isEmpty() ? QString() : m_selection.last(); }

    Q_INVOKABLE void select(const QString &logicalId, bool extend = false);
    Q_INVOKABLE void clearSelection();

signals:
    void selectionChanged();

private:
    Document *m_document;
    QStringList m_selection;
};

} // namespace sc
