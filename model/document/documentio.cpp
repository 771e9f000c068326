#include "model/document/documentio.h"

#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QFileInfo>
#include <QSaveFile>

namespace sc {

void openDocument(Document &document, const std::string &path)
{
    Template content = readTemplateFile(path); // throws before anything changes
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

std::string writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path.toStdString() + ": cannot write: " + file.errorString().toStdString();
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return path.toStdString() + ": write failed: " + file.errorString().toStdString();
    }
    if (!file.commit())
        return path.toStdString() + ": could not save: " + file.errorString().toStdString();
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
