// stackcanvas whatif deletion|stackset|runcommand|drift|import [FILE] [options] [--format
// text|json]

#include "app/cli/clicommands.h"
#include "model/study/whatif.h"
#include "model/template/sourcemap.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"

#include <QCommandLineParser>
#include <map>

namespace sc::cli {

namespace {

struct Flag {
    const char *name;
    const char *valueName; // nullptr: a switch
    const char *description;
    std::vector<const char *> kinds;
};

const std::vector<Flag> &flags()
{
    static const std::vector<Flag> list{
        {"replacement",
         nullptr,
         "deletion: the outcome when an update replaces each resource (UpdateReplacePolicy).",
         {"deletion"}},
        {"empty-buckets", nullptr, "deletion: assume every bucket is already empty.", {"deletion"}},
        {"target", "LOGICAL_ID", "stackset: the AWS::CloudFormation::StackSet to operate.", {"stackset"}},
        {"accounts", "N", "stackset: accounts per Region (required when the StackSet targets OUs).", {"stackset"}},
        {"regions", "R1,R2", "stackset: Regions instead of the template's.", {"stackset"}},
        {"max-concurrent", "N|P%", "stackset: MaxConcurrentCount or MaxConcurrentPercentage.", {"stackset"}},
        {"failure-tolerance", "N|P%", "stackset: FailureToleranceCount or FailureTolerancePercentage.", {"stackset"}},
        {"mode",
         "strict|soft",
         "stackset: concurrency mode (STRICT_FAILURE_TOLERANCE is AWS's default).",
         {"stackset"}},
        {"region-concurrency", "sequential|parallel", "stackset: RegionConcurrencyType.", {"stackset"}},
        {"region-order", "R1,R2", "stackset: RegionOrder.", {"stackset"}},
        {"stop-at", "SECONDS", "stackset: StopStackSetOperation at that time.", {"stackset"}},
        {"targets", "N", "runcommand: number of target nodes.", {"runcommand"}},
        {"max-concurrency", "N|P%", "runcommand: MaxConcurrency (default 50).", {"runcommand"}},
        {"max-errors", "N|P%", "runcommand: MaxErrors (default 0).", {"runcommand"}},
        {"fail",
         "SPEC",
         "stackset: K or K@REGION (account K, 1-based); runcommand: K (node K fails). Repeatable.",
         {"stackset", "runcommand"}},
        {"set",
         "ID.PROP=JSON",
         "drift: change a property of the live copy (ID.Tags.0.Value=...). Repeatable.",
         {"drift"}},
        {"unset", "ID.PROP", "drift: remove a property from the live copy. Repeatable.", {"drift"}},
        {"delete", "ID", "drift: the resource was deleted outside CloudFormation. Repeatable.", {"drift"}},
        {"automatic",
         nullptr,
         "import: automatic import during create or update instead of an IMPORT change set.",
         {"import"}},
    };
    return list;
}

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << item.trimmed();
    return out;
}

Json toJsonList(const QStringList &items)
{
    Json list = Json::array();
    for (const QString &item : items)
        list.push_back(item.toStdString());
    return list;
}

// The what-if's options from the flags; throws std::invalid_argument on a bad value.
Json optionsFromFlags(const QCommandLineParser &parser, const std::string &kind)
{
    Json o = Json::object();
    const auto value = [&](const char *name) { return parser.value(QLatin1String(name)); };
    const auto isSet = [&](const char *name) { return parser.isSet(QLatin1String(name)); };
    const auto integer = [&](const char *name, const char *key) {
        bool ok = false;
        const long long n = value(name).toLongLong(&ok);
        if (!ok || n < 0)
            throw std::invalid_argument(std::string("--") + name + " takes a whole number, not \""
                                        + value(name).toStdString() + "\"");
        o[key] = n;
    };
    if (isSet("replacement"))
        o["replacement"] = true;
    if (isSet("empty-buckets"))
        o["emptyBuckets"] = true;
    if (isSet("automatic"))
        o["automatic"] = true;
    if (isSet("target"))
        o["target"] = value("target").toStdString();
    if (isSet("accounts"))
        integer("accounts", "accounts");
    if (isSet("targets"))
        integer("targets", "targets");
    if (isSet("stop-at"))
        integer("stop-at", "stopAt");
    if (isSet("regions"))
        o["regions"] = toJsonList(splitList(value("regions")));
    if (isSet("region-order"))
        o["regionOrder"] = toJsonList(splitList(value("region-order")));
    for (const auto &[flag, key] : std::map<std::string, std::string>{{"max-concurrent", "maxConcurrent"},
                                                                      {"failure-tolerance", "failureTolerance"},
                                                                      {"mode", "mode"},
                                                                      {"region-concurrency", "regionConcurrency"},
                                                                      {"max-concurrency", "maxConcurrency"},
                                                                      {"max-errors", "maxErrors"}}) {
        if (isSet(flag.c_str()))
            o[key] = value(flag.c_str()).toStdString();
    }
    for (const char *repeated : {"set", "unset", "delete"}) {
        if (isSet(repeated))
            o[repeated] = toJsonList(parser.values(QLatin1String(repeated)));
    }
    if (isSet("fail")) {
        if (kind == "runcommand") {
            Json nodes = Json::array();
            for (const QString &spec : parser.values(QStringLiteral("fail"))) {
                bool ok = false;
                const int k = spec.toInt(&ok);
                if (!ok || k < 1)
                    throw std::invalid_argument("--fail takes a node number K (1-based), not \"" + spec.toStdString()
                                                + "\"");
                nodes.push_back(k);
            }
            o["fail"] = nodes;
        } else {
            o["fail"] = toJsonList(parser.values(QStringLiteral("fail")));
        }
    }
    return o;
}

// 0 when the operation goes through, 1 when the what-if shows it would not.
int outcome(const std::string &kind, const Json &r)
{
    if (kind == "deletion") {
        for (const Json &row : r["resources"])
            if (row["outcome"] == "DeleteFails")
                return 1;
        return 0;
    }
    if (kind == "stackset")
        return r["status"] == "SUCCEEDED" ? 0 : 1;
    if (kind == "runcommand")
        return r["status"] == "Success" ? 0 : 1;
    if (kind == "drift")
        return r["stackDriftStatus"] == "IN_SYNC" ? 0 : 1;
    return r["ready"].get<bool>() ? 0 : 1;
}

QString helpAppendix()
{
    return QStringLiteral("\nWhat-ifs:\n"
                          "  deletion FILE     every resource's outcome when the stack is deleted (or, with "
                          "--replacement,\n"
                          "                    when an update replaces it): Deleted, Retained, Snapshotted or "
                          "DeleteFails\n"
                          "  stackset FILE --target ID [--accounts N]   a StackSet operation across accounts and "
                          "Regions\n"
                          "  runcommand --targets N [--max-concurrency X[%]] [--max-errors Y[%]] [--fail K]...\n"
                          "  drift FILE [--set|--unset|--delete]...   drift detection against an edited live copy\n"
                          "  import FILE       what can be imported, with which identifiers (resources to import "
                          "are\n"
                          "                    marked with Metadata.StackCanvas.import)\n"
                          "\nAssumptions (not documented by AWS): a stack instance operation takes 60 s, a Run "
                          "Command\n"
                          "invocation 30 s; Run Command percentages round down.\n"
                          "\nExit codes: 0 the operation goes through (deleted cleanly, SUCCEEDED, Success, IN_SYNC, "
                          "ready);\n"
                          "1 the what-if shows it would not; 2 bad usage or unreadable input.\n");
}

} // namespace

int runWhatIfCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run a what-if simulator on a template (or, for runcommand, a fleet)."));
    parser.addPositionalArgument(QStringLiteral("KIND"),
                                 QStringLiteral("deletion, stackset, runcommand, drift or import."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("CloudFormation or SAM template (all but runcommand)."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    parser.addOptions({format, help});
    for (const Flag &f : flags()) {
        if (f.valueName)
            parser.addOption(
                QCommandLineOption(QLatin1String(f.name), QLatin1String(f.description), QLatin1String(f.valueName)));
        else
            parser.addOption(QCommandLineOption(QLatin1String(f.name), QLatin1String(f.description)));
    }
    if (!parser.parse(QStringList{QStringLiteral("stackcanvas whatif")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out(parser.helpText() + helpAppendix());
        return 0;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usageError(QStringLiteral("--format takes text or json, not '%1'").arg(fmt));
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("whatif needs a KIND: deletion, stackset, runcommand, drift or import"));
    const std::string kind = positional.takeFirst().toStdString();
    const auto &kinds = whatIfKinds();
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
        return usageError(QStringLiteral("unknown what-if '%1' (deletion, stackset, runcommand, drift or import)")
                              .arg(QString::fromStdString(kind)));
    for (const Flag &f : flags()) {
        if (parser.isSet(QLatin1String(f.name)) && std::find(f.kinds.begin(), f.kinds.end(), kind) == f.kinds.end())
            return usageError(QStringLiteral("--%1 does not apply to the %2 what-if")
                                  .arg(QLatin1String(f.name), QString::fromStdString(kind)));
    }
    const bool readsTemplate = whatIfReadsTemplate(kind);
    if (readsTemplate && positional.size() != 1)
        return usageError(QStringLiteral("whatif %1 takes exactly one FILE").arg(QString::fromStdString(kind)));
    if (!readsTemplate && !positional.isEmpty())
        return usageError(QStringLiteral("whatif runcommand takes no FILE"));

    Template document;
    if (readsTemplate) {
        try {
            document = readTemplateFile(positional.front().toStdString());
        } catch (const TemplateError &e) {
            err(QString::fromUtf8(e.what()) + QLatin1Char('\n'));
            return 2;
        } catch (const std::exception &e) {
            return usageError(QStringLiteral("%1: %2").arg(positional.front(), QString::fromUtf8(e.what())));
        }
    }
    Json options;
    try {
        options = optionsFromFlags(parser, kind);
        const Json result = runWhatIf(kind, document.root, options);
        out(fmt == QLatin1String("json") ? QString::fromStdString(result.dump(2)) + QLatin1Char('\n')
                                         : QString::fromStdString(runWhatIfText(kind, document.root, options)));
        return outcome(kind, result);
    } catch (const std::invalid_argument &e) {
        // A problem with the StackSet the template defines points at it, as editors understand.
        const std::string target = options.value("target", std::string());
        const auto pos = document.positions.find("/Resources/" + SourceMap::escape(target));
        if (!target.empty() && pos.isValid() && document.root.contains("Resources")
            && document.root["Resources"].contains(target)) {
            err(QStringLiteral("%1:%2:%3: %4\n")
                    .arg(positional.front())
                    .arg(pos.line)
                    .arg(pos.column)
                    .arg(QString::fromUtf8(e.what())));
            return 2;
        }
        return usageError(QString::fromUtf8(e.what()));
    }
}

} // namespace sc::cli
