#include "app/gui/documentcontroller.h"

#include "model/document/document.h"

#include <QFileInfo>

namespace sc {

DocumentController::DocumentController(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_resources(new ResourceModel(document, this))
    , m_edges(new EdgeModel(document, this))
    , m_canvas(new CanvasController(document, this))
{
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        m_resources->apply(change);
        m_edges->apply(change);
        emit documentChanged();
    });
}

QString DocumentController::fileName() const
{
    const QString path = filePath();
    return path.isEmpty() ? QStringLiteral("Untitled") : QFileInfo(path).fileName();
}

QString DocumentController::filePath() const
{
    return QString::fromStdString(m_document->filePath());
}

int DocumentController::resourceCount() const
{
    return static_cast<int>(m_document->resourceIds().size());
}

int DocumentController::edgeCount() const
{
    return static_cast<int>(m_document->graph().edges().size());
}

QString DocumentController::description() const
{
    const auto it = m_document->root().find("Description");
    return it != m_document->root().end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                             : QString();
}

QPointF DocumentController::position(const QString &logicalId) const
{
    return m_document->position(logicalId.toStdString());
}

} // namespace sc
