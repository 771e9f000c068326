#include "app/gui/canvascontroller.h"

#include "model/document/document.h"

namespace sc {

CanvasController::CanvasController(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    // A selected card that disappears (delete, undo of an add) leaves the selection.
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        QStringList kept;
        for (const QString &id : m_selection) {
            QString current = id;
            for (const auto &[from, to] : change.renamed) {
                if (id.toStdString() == from)
                    current = QString::fromStdString(to);
            }
            if (m_document->resource(current.toStdString()))
                kept << current;
        }
        if (kept != m_selection) {
            m_selection = kept;
            emit selectionChanged();
        }
    });
}

void CanvasController::select(const QString &logicalId, bool extend)
{
    QStringList next = extend ? m_selection : QStringList();
    next.removeAll(logicalId);
    if (!logicalId.isEmpty() && m_document->resource(logicalId.toStdString()))
        next << logicalId;
    if (next != m_selection) {
        m_selection = next;
        emit selectionChanged();
    }
}

void CanvasController::clearSelection()
{
    if (m_selection.isEmpty())
        return;
    m_selection.clear();
    emit selectionChanged();
}

} // namespace sc
