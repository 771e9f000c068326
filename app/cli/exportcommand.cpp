// stackcanvas export FILE --to FORMAT [-o OUT]

#include "app/cli/clicommands.h"
#include "exporters/exporterregistry.h"
#include "model/document/documentio.h"
#include "model/template/templateerror.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

namespace sc::cli {

int runExport(const QStringList &arguments)
{
    const ExporterRegistry &registry = ExporterRegistry::instance();
    QStringList formats;
    for (const std::string &id : registry.ids())
        formats << QString::fromStdString(id);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export a template to another format."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The template to export (YAML or JSON)."));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Output format: %1.").arg(formats.join(QStringLiteral(", "))),
                                QStringLiteral("FORMAT"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to OUT (a directory for project formats) instead of stdout."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption serverless(QStringLiteral("serverless"),
                                        QStringLiteral("sam: turn Lambda + Version + Alias + CodeDeploy into AWS::Serverless::Function."));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("png: scale factor (default 1)."), QStringLiteral("FACTOR"), QStringLiteral("1"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("svg, png: light or dark (default light)."), QStringLiteral("THEME"), QStringLiteral("light"));
    parser.addOptions({to, output, serverless, scale, theme});
    if (!parser.parse(QStringList{QStringLiteral("stackcanvas export")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usageError(QStringLiteral("export takes one FILE (see stackcanvas export --help)"));
    if (!parser.isSet(to))
        return usageError(QStringLiteral("export needs --to FORMAT, one of %1").arg(formats.join(QStringLiteral(", "))));
    const Exporter *exporter = registry.find(parser.value(to).toStdString());
    if (!exporter)
        return usageError(QStringLiteral("unknown format '%1'; use one of %2").arg(parser.value(to), formats.join(QStringLiteral(", "))));

    ExportOptions options;
    options.serverless = parser.isSet(serverless);
    bool scaleOk = false;
    options.scale = parser.value(scale).toDouble(&scaleOk);
    if (!scaleOk || options.scale <= 0 || options.scale > 16)
        return usageError(QStringLiteral("--scale takes a number between 0 and 16"));
    options.theme = parser.value(theme).toStdString();
    if (options.theme != "light" && options.theme != "dark")
        return usageError(QStringLiteral("--theme takes light or dark"));
    options.stackName = QFileInfo(files.front()).completeBaseName().toStdString();

    Document document;
    try {
        openDocument(document, files.front().toStdString());
    } catch (const TemplateError &e) {
        err(QString::fromUtf8(e.what()) + QLatin1Char('\n'));
        return 2;
    }
    const ExportResult result = exporter->write(document, options);
    if (!result.ok) {
        err(QStringLiteral("%1: %2\n").arg(files.front(), QString::fromStdString(result.error)));
        return 2;
    }
    for (const std::string &note : result.notes)
        err(QString::fromStdString(note) + QLatin1Char('\n'));
    if (!parser.isSet(output)) {
        std::fwrite(result.bytes.constData(), 1, static_cast<std::size_t>(result.bytes.size()), stdout);
        return 0;
    }
    if (const std::string error = writeExport(*exporter, result, parser.value(output).toStdString()); !error.empty()) {
        err(QString::fromStdString(error) + QLatin1Char('\n'));
        return 2;
    }
    return 0;
}

} // namespace sc::cli
