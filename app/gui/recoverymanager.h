#pragma once
// Crash recovery. While the document is modified, its text is written every 30 seconds to a
// recovery file of this process (session-PID.yaml beside a session-PID.json naming the original
// file), next to a lock file held for the process's lifetime. A clean save, a new document and a
// normal exit remove the recovery file. On the next start, a recovery file whose lock is stale
// (its process died) is offered for recovery.

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace sc {

class UndoableDocument;

class RecoveryManager : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    Q_PROPERTY(bool hasRecovery READ hasRecovery NOTIFY recoveryChanged)
    Q_PROPERTY(QString recoveryPath READ recoveryPath NOTIFY recoveryChanged)
    Q_PROPERTY(QString recoveryTime READ recoveryTime NOTIFY recoveryChanged)

public:
    // `directory` empty: the application's data location.
    explicit RecoveryManager(UndoableDocument *document, const QString &directory = {}, QObject *parent = nullptr);
    ~RecoveryManager() override;

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    QString directory() const { return m_directory; }
    QString ownFile() const;

    // A recovery file left by a process that died, if any.
    bool hasRecovery() const { return !m_orphan.isEmpty(); }
    QString recoveryPath() const { return m_orphanOriginal; }
    QString recoveryTime() const { return m_orphanTime; }

    // Writes the recovery file now if the document is modified; returns whether it wrote.
    Q_INVOKABLE bool autosaveNow();
    // Loads the orphaned recovery into the document (modified, with the original path), then
    // removes the orphan. Returns an empty string or the error (document untouched).
    Q_INVOKABLE QString recover();
    Q_INVOKABLE void discardRecovery();
    // Removes this process's recovery file (after a save, on a normal exit).
    void clearOwn();

signals:
    void recoveryChanged();

private:
    void findOrphan();
    void removeOrphan();

    UndoableDocument *m_document;
    QString m_directory;
    QTimer m_timer;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QLockFile> m_orphanLock;
    QString m_orphan; // the orphan's base path without extension
    QString m_orphanOriginal;
    QString m_orphanTime;
};

} // namespace sc
