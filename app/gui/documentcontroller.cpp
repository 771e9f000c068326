#include "app/gui/documentcontroller.h"

#include "app/examples/examples.h"
#include "model/undo/undoabledocument.h"
#include "model/document/documentio.h"
#include "model/template/templateerror.h"

#include <QFileInfo>
#include <map>
#include <QSettings>
#include <QUndoStack>
#include <QUrl>

namespace sc {

namespace {

constexpr int kMaxRecentFiles = 10;
const QString kRecentFilesKey = QStringLiteral("files/recent");

} // namespace

DocumentController::DocumentController(UndoableDocument *document, QObject *parent, const QString &recoveryDirectory)
    : QObject(parent)
    , m_document(document)
    , m_resources(new ResourceModel(document, this))
    , m_canvas(new CanvasController(document, this))
    , m_inspector(new InspectorModel(document, this))
    , m_templateText(new TemplateText(document, this))
    , m_history(new UndoHistory(document->undoStack(), this))
    , m_recovery(new RecoveryManager(document, recoveryDirectory, this))
    , m_problems(new ProblemModel(document, this))
    , m_exporter(new ExportController(document, this))
{
    m_inspector->setProblems(m_problems);
    // Cards show the worst finding about them: those of the document as it was opened too (the
    // problem model validated it before this connection existed).
    connect(m_problems, &ProblemModel::validated, this, &DocumentController::showSeverities);
    showSeverities();
    connect(document, &Document::changed, this, [this](const DocumentChange &change) {
        if (change.reset)
            setSaveNote({}); // another document: the last save's note is not about it
        m_resources->apply(change);
        emit documentChanged();
    });
    connect(document, &Document::modifiedChanged, this, &DocumentController::modifiedChanged);
    QUndoStack *stack = document->undoStack();
    connect(stack, &QUndoStack::indexChanged, this, &DocumentController::undoStateChanged);
    connect(stack, &QUndoStack::cleanChanged, this, &DocumentController::undoStateChanged);
    connect(stack, &QUndoStack::undoTextChanged, this, &DocumentController::undoStateChanged);
    connect(stack, &QUndoStack::redoTextChanged, this, &DocumentController::undoStateChanged);
}

void DocumentController::showSeverities()
{
    std::unordered_map<std::string, QString> worst;
    std::unordered_map<std::string, Severity> levels;
    for (const Finding &finding : m_problems->findings()) {
        if (finding.logicalId.empty())
            continue;
        const auto [it, inserted] = levels.emplace(finding.logicalId, finding.severity);
        if (!inserted && atLeast(finding.severity, it->second))
            it->second = finding.severity;
    }
    for (const auto &[id, severity] : levels) {
        const std::string_view name = severityName(severity);
        worst.emplace(id, QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
    }
    m_resources->setSeverities(std::move(worst));
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
    return static_cast<int>(m_document->resourceCount());
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

bool DocumentController::isModified() const { return m_document->isModified(); }
bool DocumentController::canUndo() const { return m_document->undoStack()->canUndo(); }
bool DocumentController::canRedo() const { return m_document->undoStack()->canRedo(); }
QString DocumentController::undoText() const { return m_document->undoStack()->undoText(); }
QString DocumentController::redoText() const { return m_document->undoStack()->redoText(); }

QPointF DocumentController::position(const QString &logicalId) const
{
    return m_document->position(logicalId.toStdString());
}

void DocumentController::undo()
{
    m_document->undoStack()->undo();
}

void DocumentController::redo()
{
    m_document->undoStack()->redo();
}

void DocumentController::newDocument()
{
    Template empty;
    empty.root = Json{{"AWSTemplateFormatVersion", "2010-09-09"}, {"Resources", Json::object()}};
    m_document->reset(std::move(empty));
    emit documentChanged();
}

QString DocumentController::newFromExample(const QString &folder)
{
    for (const ExampleInfo &example : sc::examples()) {
        if (example.folder != folder)
            continue;
        try {
            loadExample(*m_document, example);
        } catch (const TemplateError &e) {
            return QString::fromStdString(e.what());
        }
        emit documentChanged();
        return {};
    }
    return QStringLiteral("no example named ") + folder;
}

QString DocumentController::openFile(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    try {
        openDocument(*m_document, path.toStdString()); // throws before anything changes
    } catch (const TemplateError &e) {
        return QString::fromStdString(e.what());
    }
    addRecentFile(path);
    emit documentChanged();
    return {};
}

QString DocumentController::save()
{
    if (m_document->filePath().empty())
        return QStringLiteral("the document has no file yet: use Save As");
    return saveAs(filePath());
}

QString DocumentController::saveAs(const QString &pathOrUrl)
{
    const QString path = localPath(pathOrUrl);
    SaveReport report;
    const std::string error = saveDocument(*m_document, path.toStdString(), &report);
    if (!error.empty())
        return QString::fromStdString(error);
    setSaveNote(report.note.empty() ? QString() : QStringLiteral("Whole file rewritten: ") + QString::fromStdString(report.note));
    addRecentFile(path);
    emit documentChanged();
    return {};
}

QStringList DocumentController::recentFiles() const
{
    return QSettings().value(kRecentFilesKey).toStringList();
}

QVariantList DocumentController::examples() const
{
    QVariantList list;
    for (const ExampleInfo &example : sc::examples())
        list << QVariantMap{{QStringLiteral("folder"), example.folder}, {QStringLiteral("title"), example.title}};
    return list;
}

void DocumentController::clearRecentFiles()
{
    QSettings().remove(kRecentFilesKey);
    emit recentFilesChanged();
}

void DocumentController::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(kRecentFilesKey, files);
    emit recentFilesChanged();
}

QString DocumentController::localPath(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    return url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
}

QUrl DocumentController::folderOf(const QString &path)
{
    return path.isEmpty() ? QUrl() : QUrl::fromLocalFile(QFileInfo(path).absolutePath());
}

void DocumentController::setSaveNote(const QString &note)
{
    if (note == m_saveNote)
        return;
    m_saveNote = note;
    emit saveNoteChanged();
}

void DocumentController::closing()
{
    m_recovery->clearOwn();
}

} // namespace sc
