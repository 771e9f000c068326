#include "model/document/documentio.h"

#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace sc {

void openDocument(Document &document, const std::string &path, const ReadLimits &limits)
{
    Template content = readTemplateFile(path, limits); // throws before anything changes
    document.reset(std::move(content), path);
}

QByteArray serialize(const Document &document, TemplateFormat format)
{
    const std::string text =
        format == TemplateFormat::Json ? writeJson(document.root()) : writeYaml(document.root());
    return QByteArray::fromStdString(text);
}

SaveText renderForSave(const Document &document, TemplateFormat format)
{
    const std::shared_ptr<const SourceText> &source = document.source();
    if (source && source->format() == format)
        return source->render(document.root(), document.filePath());
    return SourceText::write(document.root(), format, document.filePath());
}

TemplateFormat formatForPath(const std::string &path)
{
    const QString suffix = QFileInfo(QString::fromStdString(path)).suffix().toLower();
    return suffix == QLatin1String("json") ? TemplateFormat::Json : TemplateFormat::Yaml;
}

TemplateFormat formatForSave(const std::string &path, TemplateFormat current)
{
    const QString suffix = QFileInfo(QString::fromStdString(path)).suffix().toLower();
    if (suffix == QLatin1String("json"))
        return TemplateFormat::Json;
    if (suffix == QLatin1String("yaml") || suffix == QLatin1String("yml"))
        return TemplateFormat::Yaml;
    return current;
}

namespace {

// The staging file of a write is ".NAME.PID.stackcanvas-save" beside NAME. QSaveFile fills it
// through an unnamed temporary file and gives it its name only once it is complete; one rename
// then replaces NAME. A process killed between those two steps leaves the staging file, under a
// name that says whose it is, and the next write into the same directory removes it once that
// process is gone (the next session's autosave writes other names than the killed one's).
// QSaveFile alone, replacing an existing file, leaves "NAME.XXXXXX" in that moment, under a
// random name that no later write can tell from a user's file.
const QLatin1String kStagingSuffix(".stackcanvas-save");

QString stagingName(const QString &fileName, qint64 pid)
{
    return QLatin1Char('.') + fileName + QLatin1Char('.') + QString::number(pid) + kStagingSuffix;
}

bool processIsGone(qint64 pid)
{
#ifdef Q_OS_UNIX
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(pid);
    return false;
#endif
}

void removeStaleStagingFiles(const QDir &dir)
{
    // Matched by hand: a name filter is compiled to a regular expression on every call.
    const QStringList found = dir.entryList(QDir::Files | QDir::Hidden);
    for (const QString &entry : found) {
        if (!entry.startsWith(QLatin1Char('.')) || !entry.endsWith(kStagingSuffix))
            continue;
        const QString stem = entry.chopped(kStagingSuffix.size());
        bool isPid = false;
        const qint64 pid = stem.mid(stem.lastIndexOf(QLatin1Char('.')) + 1).toLongLong(&isPid);
        if (isPid && pid > 0 && (pid == QCoreApplication::applicationPid() || processIsGone(pid)))
            QFile::remove(dir.filePath(entry));
    }
}

} // namespace

std::string writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    // Write through a symbolic link to the file it names, as an editor does.
    const QFileInfo target(QFileInfo(path).isSymLink() ? QFileInfo(path).symLinkTarget() : path);
    const QDir dir = target.absoluteDir();
    removeStaleStagingFiles(dir);
    const QString staging = dir.filePath(stagingName(target.fileName(), QCoreApplication::applicationPid()));

    QSaveFile file(staging);
    if (!file.open(QIODevice::WriteOnly))
        return path.toStdString() + ": cannot write: " + file.errorString().toStdString();
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return path.toStdString() + ": write failed: " + file.errorString().toStdString();
    }
    if (!file.commit())
        return path.toStdString() + ": could not save: " + file.errorString().toStdString();
    if (target.exists())
        QFile::setPermissions(staging, target.permissions()); // a replaced file keeps its mode
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(staging).constData(),
                            QFile::encodeName(target.absoluteFilePath()).constData(), error);
    if (error) {
        QFile::remove(staging);
        return path.toStdString() + ": could not save: " + error.message();
    }
    return {};
}

std::string saveDocument(Document &document, const std::string &path, SaveReport *report)
{
    SaveReport ignored;
    SaveReport &out = report ? *report : ignored;
    out = {};
    const TemplateFormat format = formatForSave(path, document.format());
    const bool samePlace = path == document.filePath() && format == document.format();
    if (!document.isModified() && samePlace)
        return {}; // nothing changed since it was read or saved: leave the file alone
    SaveText text = renderForSave(document, format);
    out.mode = text.mode;
    out.note = text.note;
    // Undoing back to what was saved gives back the same bytes: the file already holds them.
    if (!(samePlace && text.mode == SaveMode::Unchanged)) {
        const std::string error = writeFileAtomically(QString::fromStdString(path), QByteArray::fromStdString(text.bytes));
        if (!error.empty())
            return error;
        out.written = true;
    }
    document.setFilePath(path);
    document.adoptSavedText(std::move(text.reread));
    document.markSaved();
    return {};
}

} // namespace sc
