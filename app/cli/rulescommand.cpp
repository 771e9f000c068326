// stackcanvas rules [--format markdown|json]

#include "app/cli/clicommands.h"
#include "model/rules/ruledocs.h"

#include <QCommandLineParser>

namespace sc::cli {

int runRules(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the rule reference (docs/rules.md is this output)."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("markdown (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("markdown"));
    parser.addOption(format);
    if (const auto done = parseCommandLine(parser, "rules", arguments))
        return *done;
    if (const auto bad = checkFiles("rules", parser.positionalArguments(), 0, 0))
        return *bad;
    const QString fmt = parser.value(format);
    if (fmt == QLatin1String("markdown"))
        out(QString::fromStdString(rulesMarkdown()));
    else if (fmt == QLatin1String("json"))
        out(QString::fromStdString(rulesJson().dump(1)) + QLatin1Char('\n'));
    else
        return usageError(QStringLiteral("--format takes markdown or json, not '%1'").arg(fmt));
    return 0;
}

} // namespace sc::cli
