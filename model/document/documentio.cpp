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

TemplateFormat formatForPath(const std::string &path)
{
    const QString suffix = QFileInfo(QString::fromStdString(path)).suffix().toLower();
    return suffix == QLatin1String("json") ? TemplateFormat::Json : TemplateFormat::Yaml;
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

std::string saveDocument(Document &document, const std::string &path)
{
    const TemplateFormat format = formatForPath(path);
    if (!document.isModified() && path == document.filePath() && format == document.format())
        return {}; // nothing changed since it was read or saved: leave the file alone
    const std::string error = writeFileAtomically(QString::fromStdString(path), serialize(document, format));
    if (!error.empty())
        return error;
    document.setFilePath(path);
    document.setFormat(format);
    document.markSaved();
    return {};
}

} // namespace sc
