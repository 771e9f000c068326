#include "app/cli/clicommands.h"

#include "app/cli/simulatecommand.h"

#include <QTextStream>

#include <cstdio>

namespace sc::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list{
        {"export", "Export a template as cfn-yaml, cfn-json, sam, cdk-ts, svg or png", &runExport},
        {"validate", "Check templates against the validation rules (text, json or sarif)", &runValidate},
        {"rules", "Print the rule reference (markdown or json)", &runRules},
        {"simulate", "Rehearse the rollout of one target as a timeline (text or json)", &runSimulateCommand},
        {"lessons", "List the study lessons, or show one lesson's steps (text or json)", &runLessonsCommand},
        {"whatif", "What-if: deletion, stackset, runcommand, drift or import (text or json)", &runWhatIfCommand},
        {"quiz", "Print the quiz, written and prediction questions with answers (text or json)", &runQuizCommand},
    };
    return list;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name))
            return &c;
    }
    return nullptr;
}

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &message)
{
    err(QStringLiteral("stackcanvas: %1\n").arg(message));
    return 2;
}

} // namespace sc::cli
