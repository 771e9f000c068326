#include "app/gui/recoverymanager.h"

#include "model/undo/undoabledocument.h"
#include "model/document/documentio.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace sc {

namespace {

constexpr int kAutosaveMilliseconds = 30'000;

QString basePath(const QString &directory, qint64 pid)
{
    return directory + QStringLiteral("/session-") + QString::number(pid);
}

} // namespace

RecoveryManager::RecoveryManager(UndoableDocument *document, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory.isEmpty()
                      ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery")
                      : directory)
{
    QDir().mkpath(m_directory);
    // Look for orphans before taking our own lock, so that a reused PID cannot hide one.
    findOrphan();
    m_lock = std::make_unique<QLockFile>(basePath(m_directory, QCoreApplication::applicationPid()) + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);

    m_timer.setInterval(kAutosaveMilliseconds);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryManager::autosaveNow);
    connect(document, &Document::modifiedChanged, this, [this](bool modified) {
        if (modified) {
            m_timer.start();
        } else {
            m_timer.stop();
            clearOwn(); // saved, reverted by undo, or replaced: nothing to recover
        }
    });
    if (document->isModified())
        m_timer.start();
}

RecoveryManager::~RecoveryManager()
{
    clearOwn();
}

QString RecoveryManager::ownFile() const
{
    return basePath(m_directory, QCoreApplication::applicationPid()) + QStringLiteral(".yaml");
}

bool RecoveryManager::autosaveNow()
{
    if (!m_document->isModified())
        return false;
    const QString base = basePath(m_directory, QCoreApplication::applicationPid());
    const QJsonObject meta{{QStringLiteral("path"), QString::fromStdString(m_document->filePath())},
                           {QStringLiteral("format"), m_document->format() == TemplateFormat::Json ? QStringLiteral("json")
                                                                                                 : QStringLiteral("yaml")},
                           {QStringLiteral("time"), QDateTime::currentDateTime().toString(Qt::ISODate)}};
    // The text first: a meta file without its text is ignored.
    if (!writeFileAtomically(base + QStringLiteral(".yaml"), serialize(*m_document, TemplateFormat::Yaml)).empty())
        return false;
    return writeFileAtomically(base + QStringLiteral(".json"), QJsonDocument(meta).toJson()).empty();
}

void RecoveryManager::clearOwn()
{
    const QString base = basePath(m_directory, QCoreApplication::applicationPid());
    QFile::remove(base + QStringLiteral(".yaml"));
    QFile::remove(base + QStringLiteral(".json"));
}

void RecoveryManager::findOrphan()
{
    const QDir dir(m_directory);
    const QStringList metas = dir.entryList({QStringLiteral("session-*.json")}, QDir::Files, QDir::Time);
    for (const QString &meta : metas) {
        const QString base = dir.filePath(QFileInfo(meta).completeBaseName());
        if (!QFile::exists(base + QStringLiteral(".yaml")))
            continue;
        // A lock we can take belongs to a process that is gone.
        auto lock = std::make_unique<QLockFile>(base + QStringLiteral(".lock"));
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0))
            continue;
        QFile file(base + QStringLiteral(".json"));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        m_orphan = base;
        m_orphanLock = std::move(lock);
        m_orphanOriginal = object.value(QStringLiteral("path")).toString();
        m_orphanTime = QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODate)
                           .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        emit recoveryChanged();
        return;
    }
}

QString RecoveryManager::recover()
{
    if (m_orphan.isEmpty())
        return QStringLiteral("nothing to recover");
    QFile metaFile(m_orphan + QStringLiteral(".json"));
    const QJsonObject meta = metaFile.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(metaFile.readAll()).object()
                                                               : QJsonObject();
    try {
        Template content = readTemplateFile((m_orphan + QStringLiteral(".yaml")).toStdString());
        content.format = meta.value(QStringLiteral("format")).toString() == QLatin1String("json") ? TemplateFormat::Json
                                                                                               : TemplateFormat::Yaml;
        m_document->reset(std::move(content), meta.value(QStringLiteral("path")).toString().toStdString());
        // Recovered changes are not on disk: the document stays modified until saved.
        m_document->undoStack()->resetClean();
    } catch (const TemplateError &e) {
        return QString::fromStdString(e.what());
    }
    removeOrphan();
    return {};
}

void RecoveryManager::discardRecovery()
{
    removeOrphan();
}

void RecoveryManager::removeOrphan()
{
    if (m_orphan.isEmpty())
        return;
    QFile::remove(m_orphan + QStringLiteral(".yaml"));
    QFile::remove(m_orphan + QStringLiteral(".json"));
    m_orphanLock.reset(); // unlocks and removes the lock file
    m_orphan.clear();
    m_orphanOriginal.clear();
    m_orphanTime.clear();
    emit recoveryChanged();
    findOrphan(); // another crashed session may be waiting
}

} // namespace sc
