#include "exporters/exporterregistry.h"

#include "exporters/cdktsexporter.h"
#include "exporters/cloudformationexporter.h"
#include "exporters/samexporter.h"
#include "model/document/documentio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sc {

namespace {

// Whether `path` already holds exactly `bytes`. Such a file is left as it is: its time stamp
// stays, so the build tools and watchers of an exported project see only what changed, and a
// repeated export costs no write to disk.
bool alreadyHolds(const QString &path, const QByteArray &bytes)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.size() != bytes.size())
        return false;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.readAll() == bytes;
}

std::string writeUnlessUnchanged(const QString &path, const QByteArray &bytes)
{
    return alreadyHolds(path, bytes) ? std::string() : writeFileAtomically(path, bytes);
}

} // namespace

ExporterRegistry::ExporterRegistry()
{
    m_exporters.push_back(std::make_unique<CloudFormationExporter>(TemplateFormat::Yaml));
    m_exporters.push_back(std::make_unique<CloudFormationExporter>(TemplateFormat::Json));
    m_exporters.push_back(std::make_unique<SamExporter>());
    m_exporters.push_back(std::make_unique<CdkTsExporter>());
}

ExporterRegistry &ExporterRegistry::registry()
{
    static ExporterRegistry registry;
    return registry;
}

const ExporterRegistry &ExporterRegistry::instance()
{
    return registry();
}

void ExporterRegistry::add(std::unique_ptr<Exporter> exporter)
{
    ExporterRegistry &r = registry();
    if (!r.find(exporter->id()))
        r.m_exporters.push_back(std::move(exporter));
}

const Exporter *ExporterRegistry::find(const std::string &id) const
{
    for (const auto &e : m_exporters) {
        if (e->id() == id)
            return e.get();
    }
    return nullptr;
}

std::vector<const Exporter *> ExporterRegistry::all() const
{
    std::vector<const Exporter *> out;
    for (const auto &e : m_exporters)
        out.push_back(e.get());
    return out;
}

std::vector<std::string> ExporterRegistry::ids() const
{
    std::vector<std::string> out;
    for (const auto &e : m_exporters)
        out.push_back(e->id());
    return out;
}

std::string writeExport(const Exporter &exporter, const ExportResult &result, const std::string &path)
{
    const QString target = QString::fromStdString(path);
    if (!exporter.writesProject())
        return writeUnlessUnchanged(target, result.bytes);
    QDir dir(target);
    if (!dir.exists() && !QDir().mkpath(target))
        return path + ": cannot create the directory";
    for (const auto &[relative, bytes] : result.files) {
        const QString file = dir.filePath(QString::fromStdString(relative));
        if (!QDir().mkpath(QFileInfo(file).absolutePath()))
            return file.toStdString() + ": cannot create the directory";
        if (std::string error = writeUnlessUnchanged(file, bytes); !error.empty())
            return error;
    }
    return {};
}

} // namespace sc
