#include "app/gui/exportcontroller.h"

#include "exporters/diagram/diagramexporter.h"
#include "exporters/exporterregistry.h"
#include "model/document/document.h"

#include <QFileInfo>
#include <QUrl>

namespace sc {

ExportController::ExportController(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    registerDiagramExporters(); // the window offers the diagrams too
}

QVariantList ExportController::formats() const
{
    QVariantList list;
    for (const Exporter *e : ExporterRegistry::instance().all()) {
        list << QVariantMap{{QStringLiteral("id"), QString::fromStdString(e->id())},
                            {QStringLiteral("name"), QString::fromStdString(e->displayName())},
                            {QStringLiteral("extension"), QString::fromStdString(e->fileExtension())},
                            {QStringLiteral("project"), e->writesProject()}};
    }
    return list;
}

QString ExportController::suggestedName(const QString &formatId) const
{
    const Exporter *exporter = ExporterRegistry::instance().find(formatId.toStdString());
    const QString path = QString::fromStdString(m_document->filePath());
    const QString base = path.isEmpty() ? QStringLiteral("template") : QFileInfo(path).completeBaseName();
    if (!exporter)
        return base;
    if (exporter->writesProject())
        return base + QStringLiteral("-cdk");
    const QString suffix = formatId == QLatin1String("svg") || formatId == QLatin1String("png")
                               ? QStringLiteral("-diagram")
                               : formatId == QLatin1String("sam") ? QStringLiteral("-sam") : QString();
    return base + suffix + QLatin1Char('.') + QString::fromStdString(exporter->fileExtension());
}

QString ExportController::exportTo(const QString &formatId, const QString &pathOrUrl, const QVariantMap &options)
{
    const Exporter *exporter = ExporterRegistry::instance().find(formatId.toStdString());
    if (!exporter)
        return QStringLiteral("unknown format '%1'").arg(formatId);
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    if (path.isEmpty())
        return QStringLiteral("choose where to export");

    ExportOptions exportOptions;
    exportOptions.scale = options.value(QStringLiteral("scale"), 1.0).toDouble();
    exportOptions.theme = options.value(QStringLiteral("theme"), QStringLiteral("light")).toString().toStdString();
    exportOptions.serverless = options.value(QStringLiteral("serverless"), false).toBool();
    const QString documentPath = QString::fromStdString(m_document->filePath());
    exportOptions.stackName = (documentPath.isEmpty() ? QFileInfo(path).completeBaseName()
                                                      : QFileInfo(documentPath).completeBaseName()).toStdString();
    if (exportOptions.scale <= 0 || exportOptions.scale > 16)
        return QStringLiteral("the scale must be between 0 and 16");

    const ExportResult result = exporter->write(*m_document, exportOptions);
    if (!result.ok)
        return QString::fromStdString(result.error);
    if (const std::string error = writeExport(*exporter, result, path.toStdString()); !error.empty())
        return QString::fromStdString(error);
    m_notes.clear();
    for (const std::string &note : result.notes)
        m_notes << QString::fromStdString(note);
    emit exported();
    return {};
}

} // namespace sc
