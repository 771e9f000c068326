// stackcanvas export FILE --to FORMAT [-o OUT]

#include "app/cli/clicommands.h"
#include "app/cli/windowhandoff.h"
#include "exporters/exporterregistry.h"
#include "model/document/documentio.h"
#include "model/template/templateerror.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <memory>
#include <utility>

#include <cstdio>

namespace sc::cli {

int runExport(const QStringList &arguments)
{
    const ExporterRegistry &registry = ExporterRegistry::instance();
    QStringList formats;
    for (const std::string &id : registry.ids())
        formats << QString::fromStdString(id);
    for (const std::string_view id : kDiagramFormats) {
        if (!registry.find(std::string(id)))
            formats << QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size()));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export a template to another format."));
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
    if (const auto done = parseCommandLine(parser, "export", arguments))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (const auto bad = checkFiles("export", files, 1, 1))
        return *bad;
    if (!parser.isSet(to))
        return usageError(QStringLiteral("export needs --to FORMAT, one of %1").arg(formats.join(QStringLiteral(", "))));
    const Exporter *exporter = registry.find(parser.value(to).toStdString());
    if (!exporter && formats.contains(parser.value(to)))
        return runInWindowExecutable(QCoreApplication::arguments()); // a diagram: drawn there
    if (!exporter)
        return usageError(QStringLiteral("unknown format '%1'; use one of %2").arg(parser.value(to), formats.join(QStringLiteral(", "))));
    const QString format = parser.value(to);
    if (parser.isSet(output) && parser.value(output).isEmpty())
        return usageError(QStringLiteral("export: -o needs a file name"));

    // An option that does not apply to the format is a mistake worth saying, not a silent no-op.
    const auto onlyFor = [&](const QCommandLineOption &option, const QStringList &applies) -> std::optional<int> {
        if (parser.isSet(option) && !applies.contains(format))
            return usageError(QStringLiteral("--%1 applies to --to %2 only").arg(option.names().constFirst(), applies.join(QStringLiteral(" or "))));
        return std::nullopt;
    };
    for (const auto &[option, applies] : {std::pair{serverless, QStringList{QStringLiteral("sam")}},
                                          std::pair{scale, QStringList{QStringLiteral("png")}},
                                          std::pair{theme, QStringList{QStringLiteral("svg"), QStringLiteral("png")}}})
        if (const auto bad = onlyFor(option, applies))
            return *bad;

    ExportOptions options;
    options.serverless = parser.isSet(serverless);
    bool scaleOk = false;
    options.scale = parser.value(scale).toDouble(&scaleOk);
    if (!scaleOk || !(options.scale > 0) || options.scale > 16)
        return usageError(QStringLiteral("--scale takes a number above 0 and at most 16, not '%1'").arg(parser.value(scale)));
    options.theme = parser.value(theme).toStdString();
    if (options.theme != "light" && options.theme != "dark")
        return usageError(QStringLiteral("--theme takes light or dark, not '%1'").arg(parser.value(theme)));
    options.stackName = QFileInfo(files.front()).completeBaseName().toStdString();

    reserveToRead(files.front());
    const std::jthread catalogLoad = loadCatalogAhead(files.front());
    const auto kept = std::make_shared<Document>();
    keepUntilExit(kept);
    Document &document = *kept;
    try {
        // An export names no line of the file, so the file is read without noting where each
        // node stands; an exporter that asks anyway has it found then.
        ReadLimits reading;
        reading.positionsOnDemand = true;
        openDocument(document, files.front().toStdString(), reading);
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
