// stackcanvas validate FILE... [--format text|json|sarif] [--min-severity error|warning|info]
// stackcanvas validate FILE... --fix [-o OUT]

#include "app/cli/clicommands.h"
#include "model/document/documentio.h"
#include "model/rules/fixall.h"
#include "model/rules/ruledocs.h"
#include "model/rules/ruleregistry.h"
#include "model/template/templatereader.h"

#include <QCommandLineParser>

#include <limits>
#include <map>
#include <optional>
#include <tuple>

namespace sc::cli {

namespace {

struct FileReport {
    QString path;
    std::size_t resources = 0;
    std::vector<Finding> findings;
    std::vector<std::string> fixed; // with --fix: the fixes applied, in order
};

// DESIGN §6 writes paths without the leading slash: "Resources/Api/Properties/Role".
std::string displayPath(const std::string &pointer)
{
    return pointer.empty() ? std::string() : pointer.substr(1);
}

QString textReport(const std::vector<FileReport> &reports)
{
    QString text;
    int counts[3] = {0, 0, 0};
    for (const FileReport &report : reports) {
        for (const std::string &label : report.fixed)
            text += QStringLiteral("%1: fixed: %2\n").arg(report.path, QString::fromStdString(label));
        for (const Finding &f : report.findings) {
            ++counts[static_cast<int>(f.severity)];
            QString where = QString::fromStdString(displayPath(f.path));
            if (!f.logicalId.empty())
                where = QString::fromStdString(f.logicalId) + QLatin1Char(' ') + where;
            text += QStringLiteral("%1:%2:%3: %4 %5 %6%7\n")
                        .arg(report.path)
                        .arg(std::max(f.line, 1))
                        .arg(std::max(f.column, 1))
                        .arg(QString::fromUtf8(severityName(f.severity).data()), QString::fromStdString(f.ruleId),
                             QString::fromStdString(f.message),
                             where.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(where));
        }
    }
    text += QStringLiteral("%1 file(s): %2 error(s), %3 warning(s), %4 info\n")
                .arg(reports.size())
                .arg(counts[0])
                .arg(counts[1])
                .arg(counts[2]);
    return text;
}

Json jsonReport(const std::vector<FileReport> &reports)
{
    Json files = Json::array();
    for (const FileReport &report : reports) {
        Json findings = Json::array();
        for (const Finding &f : report.findings) {
            Json finding = {{"rule", f.ruleId},
                            {"severity", std::string(severityName(f.severity))},
                            {"resource", f.logicalId},
                            {"path", displayPath(f.path)},
                            {"line", f.line},
                            {"column", f.column},
                            {"message", f.message}};
            if (f.fix)
                finding["fix"] = f.fix->label;
            findings.push_back(std::move(finding));
        }
        Json file = {{"path", report.path.toStdString()}, {"resources", report.resources}, {"findings", findings}};
        if (!report.fixed.empty())
            file["fixed"] = report.fixed;
        files.push_back(std::move(file));
    }
    return Json{{"version", STACKCANVAS_VERSION}, {"files", files}};
}

// SARIF 2.1.0 (OASIS): one run, the rule registry as the driver's rules.
Json sarifReport(const std::vector<FileReport> &reports)
{
    const std::vector<Rule> &rules = RuleRegistry::instance().rules();
    auto level = [](Severity s) { return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note"; };
    Json driverRules = Json::array();
    std::map<std::string, std::size_t> ruleIndex;
    for (const Rule &r : rules) {
        ruleIndex[r.id] = driverRules.size();
        driverRules.push_back({{"id", r.id},
                               {"name", r.title},
                               {"shortDescription", {{"text", r.title}}},
                               {"fullDescription", {{"text", r.explanation}}},
                               {"defaultConfiguration", {{"level", level(r.severity())}}},
                               {"properties", {{"topic", topicName(r.topic)}, {"family", r.family()}}}});
    }
    Json results = Json::array();
    for (const FileReport &report : reports)
        for (const Finding &f : report.findings) {
            Json physical = {{"artifactLocation", {{"uri", report.path.toStdString()}}}};
            if (f.line > 0)
                physical["region"] = {{"startLine", f.line}, {"startColumn", std::max(f.column, 1)}};
            Json location = {{"physicalLocation", physical}};
            if (!f.path.empty()) {
                Json logical = {{"fullyQualifiedName", displayPath(f.path)}, {"kind", "resource"}};
                if (!f.logicalId.empty())
                    logical["name"] = f.logicalId;
                location["logicalLocations"] = Json::array({logical});
            }
            results.push_back({{"ruleId", f.ruleId},
                               {"ruleIndex", ruleIndex[f.ruleId]},
                               {"level", level(f.severity)},
                               {"message", {{"text", f.message}}},
                               {"locations", Json::array({location})}});
        }
    Json driver = {{"name", "StackCanvas"},
                   {"version", STACKCANVAS_VERSION},
                   {"rules", driverRules}};
    return Json{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Json::array({Json{{"tool", {{"driver", driver}}}, {"results", results}}})}};
}

// Applies the fixes and writes the result (all or nothing, through QSaveFile) when anything
// changed or another file was asked for. Returns the fixed tree, the fixes and what remains;
// nullopt (the error printed) when the file cannot be written.
std::optional<std::tuple<Json, std::vector<std::string>, std::vector<Finding>>>
fixFile(const QString &path, const QString &target, Template content, const ValidateOptions &options)
{
    Document document;
    document.reset(std::move(content), path.toStdString());
    const FixReport fixes = applyAllFixes(document, options);
    for (const std::string &failure : fixes.failed)
        err(QStringLiteral("%1: a fix was refused: %2\n").arg(path, QString::fromStdString(failure)));
    if (!fixes.applied.empty() || target != path) {
        // The file's own text with the fixes made in place: comments and layout elsewhere stay.
        const SaveText text = renderForSave(document, document.format());
        if (!text.note.empty())
            err(QStringLiteral("%1: %2\n").arg(target, QString::fromStdString(text.note)));
        const std::string error = writeFileAtomically(target, QByteArray::fromStdString(text.bytes));
        if (!error.empty()) {
            err(QStringLiteral("%1:1:1: cannot write the fixed template: %2\n").arg(target, QString::fromStdString(error)));
            return std::nullopt;
        }
    }
    return std::tuple{document.root(), fixes.applied, validate(document, options)};
}

} // namespace

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check templates against the validation rules."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Templates to check (YAML or JSON)."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default), json or sarif."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption minSeverity(QStringLiteral("min-severity"),
                                         QStringLiteral("Report findings at least this severe: error, warning or info (default)."),
                                         QStringLiteral("SEVERITY"), QStringLiteral("info"));
    const QCommandLineOption fix(QStringLiteral("fix"),
                                 QStringLiteral("Apply every one-click fix (each as the window would), save, then report what remains."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("With --fix and one FILE: write the fixed template here instead of over FILE."),
                                    QStringLiteral("OUT"));
    parser.addOptions({format, minSeverity, fix, output});
    if (const auto done = parseCommandLine(parser, "validate", arguments))
        return *done;
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json") && fmt != QLatin1String("sarif"))
        return usageError(QStringLiteral("--format takes text, json or sarif, not '%1'").arg(fmt));
    const auto severity = parseSeverity(parser.value(minSeverity).toStdString());
    if (!severity)
        return usageError(QStringLiteral("--min-severity takes error, warning or info, not '%1'").arg(parser.value(minSeverity)));
    const QStringList files = parser.positionalArguments();
    if (const auto bad = checkFiles("validate", files, 1, std::numeric_limits<qsizetype>::max()))
        return *bad;
    const bool fixing = parser.isSet(fix);
    if (parser.isSet(output) && !fixing)
        return usageError(QStringLiteral("validate: -o is only used with --fix"));
    if (parser.isSet(output) && files.size() != 1)
        return usageError(QStringLiteral("validate: -o takes the fixed template of one FILE, not %1").arg(files.size()));
    if (parser.isSet(output) && parser.value(output).isEmpty())
        return usageError(QStringLiteral("validate: -o needs a file name"));

    reserveToRead(files.front());
    const std::jthread catalogLoad = loadCatalogAhead(files.front());
    bool unreadable = false;
    bool errors = false;
    std::vector<FileReport> reports;
    for (const QString &path : files) {
        std::string bytes;
        Template content;
        try {
            bytes = readTemplateBytes(path.toStdString()); // bounded: pipes and devices too
            content = readTemplate(bytes, path.toStdString(),
                                   path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                                       ? std::optional<TemplateFormat>(TemplateFormat::Json)
                                       : std::nullopt);
        } catch (const TemplateError &e) {
            err(QString::fromUtf8(e.what()) + QLatin1Char('\n'));
            unreadable = true;
            continue;
        }
        ValidateOptions options;
        options.minSeverity = *severity;
        options.templateBytes = static_cast<std::size_t>(bytes.size());
        FileReport report{path, 0, {}, {}};
        if (fixing) {
            content.source = std::make_shared<SourceText>(bytes, content.format); // saved in place
            const auto fixed = fixFile(path, parser.isSet(output) ? parser.value(output) : path, std::move(content), options);
            if (!fixed) {
                unreadable = true;
                continue;
            }
            std::tie(content.root, report.fixed, report.findings) = std::move(*fixed);
        } else {
            report.findings = validate(content, options);
        }
        if (const auto it = content.root.find("Resources"); it != content.root.end() && it->is_object())
            report.resources = it->size();
        for (const Finding &f : report.findings)
            errors = errors || f.severity == Severity::Error;
        reports.push_back(std::move(report));
        if (&path == &files.back())
            keepUntilExit(std::make_shared<Template>(std::move(content)));
    }
    if (fmt == QLatin1String("json"))
        out(QString::fromStdString(jsonReport(reports).dump(1)) + QLatin1Char('\n'));
    else if (fmt == QLatin1String("sarif"))
        out(QString::fromStdString(sarifReport(reports).dump(1)) + QLatin1Char('\n'));
    else
        out(textReport(reports));
    return unreadable ? 2 : errors ? 1 : 0;
}

} // namespace sc::cli
