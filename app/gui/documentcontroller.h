#pragma once
// What QML sees of the open document: the card model, the inspector, the template
// text, the problems, the undo history, crash recovery, files (new, open, save, recent), and intent methods.
// Thin: every decision about the template is the model's.

#include "app/gui/canvascontroller.h"
#include "app/gui/exportcontroller.h"
#include "app/gui/inspectormodel.h"
#include "app/gui/problemmodel.h"
#include "app/gui/recoverymanager.h"
#include "app/gui/resourcemodel.h"
#include "app/gui/templatetext.h"
#include "app/gui/undohistory.h"
#include "model/undo/undoabledocument.h"

#include <QObject>
#include <QPointF>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace sc {

class DocumentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(sc::ResourceModel *resources READ resources CONSTANT)
    Q_PROPERTY(sc::CanvasController *canvas READ canvas CONSTANT)
    Q_PROPERTY(sc::InspectorModel *inspector READ inspector CONSTANT)
    Q_PROPERTY(sc::TemplateText *templateText READ templateText CONSTANT)
    Q_PROPERTY(sc::UndoHistory *history READ history CONSTANT)
    Q_PROPERTY(sc::RecoveryManager *recovery READ recovery CONSTANT)
    Q_PROPERTY(sc::ProblemModel *problems READ problems CONSTANT)
    Q_PROPERTY(sc::ExportController *exporter READ exporter CONSTANT)
    Q_PROPERTY(QString fileName READ fileName NOTIFY documentChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY documentChanged)
    Q_PROPERTY(int resourceCount READ resourceCount NOTIFY documentChanged)
    Q_PROPERTY(int edgeCount READ edgeCount NOTIFY documentChanged)
    Q_PROPERTY(QString description READ description NOTIFY documentChanged)
    Q_PROPERTY(bool modified READ isModified NOTIFY modifiedChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(QVariantList examples READ examples CONSTANT)
    // Empty after a save that changed only the edited lines; otherwise why the whole file was
    // written anew (shown in the status bar).
    Q_PROPERTY(QString saveNote READ saveNote NOTIFY saveNoteChanged)

public:
    // `recoveryDirectory` empty: the application's data location.
    explicit DocumentController(UndoableDocument *document, QObject *parent = nullptr, const QString &recoveryDirectory = {});

    ResourceModel *resources() const { return m_resources; }
    CanvasController *canvas() const { return m_canvas; }
    InspectorModel *inspector() const { return m_inspector; }
    TemplateText *templateText() const { return m_templateText; }
    UndoHistory *history() const { return m_history; }
    RecoveryManager *recovery() const { return m_recovery; }
    ProblemModel *problems() const { return m_problems; }
    ExportController *exporter() const { return m_exporter; }
    QString fileName() const;
    QString filePath() const;
    int resourceCount() const;
    int edgeCount() const;
    QString description() const;
    bool isModified() const;
    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    QStringList recentFiles() const;
    QVariantList examples() const;
    QString saveNote() const { return m_saveNote; }
    UndoableDocument *document() const { return m_document; }

    Q_INVOKABLE QPointF position(const QString &logicalId) const;
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    // Files. Paths may be given as local paths or file: URLs. Each returns an empty string or the
    // error; on error the open document is untouched.
    Q_INVOKABLE void newDocument();
    Q_INVOKABLE QString newFromExample(const QString &folder);
    Q_INVOKABLE QString openFile(const QString &pathOrUrl);
    Q_INVOKABLE QString save();
    Q_INVOKABLE QString saveAs(const QString &pathOrUrl);
    Q_INVOKABLE void clearRecentFiles();
    Q_INVOKABLE static QString localPath(const QString &pathOrUrl);
    Q_INVOKABLE static QUrl folderOf(const QString &path);
    // Called on a normal exit: the recovery file is no longer needed.
    Q_INVOKABLE void closing();

signals:
    void documentChanged();
    void modifiedChanged();
    void undoStateChanged();
    void recentFilesChanged();
    void saveNoteChanged();

private:
    void addRecentFile(const QString &path);
    // Gives each card the severity of its worst finding.
    void showSeverities();
    void setSaveNote(const QString &note);

    UndoableDocument *m_document;
    ResourceModel *m_resources;
    CanvasController *m_canvas;
    InspectorModel *m_inspector;
    TemplateText *m_templateText;
    UndoHistory *m_history;
    RecoveryManager *m_recovery;
    ProblemModel *m_problems;
    ExportController *m_exporter;
    QString m_saveNote;
};

} // namespace sc
