#include "app/cli/clicommands.h"

#include "app/cli/simulatecommand.h"
#include "model/catalog/catalog.h"
#include "model/template/processheap.h"
#include "model/template/template.h"
#include "model/template/templatereader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>

namespace sc::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> list{
        {"export", "Export a template as cfn-yaml, cfn-json, sam, cdk-ts, svg or png", &runExport},
        {"validate", "Check templates against the validation rules (text, json or sarif)", &runValidate},
        {"rules", "Print the rule reference (markdown or json)", &runRules},
        {"simulate", "Rehearse the rollout of one target as a timeline (text or json)", &runSimulateCommand},
        {"edit", "Edit a template headlessly, keeping its text: only the edited lines change", &runEdit},
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

int runCommand(const Command &command)
{
    QCoreApplication::setApplicationName(QStringLiteral("stackcanvas"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STACKCANVAS_VERSION));
    return command.run(QCoreApplication::arguments().mid(2));
}

int printVersion()
{
    std::printf("StackCanvas %s\n", STACKCANVAS_VERSION);
    return 0;
}

int runHeadless(const Command &command, int argc, char **argv)
{
    processheap::keepForProcessLifetime(); // a command lives for milliseconds
    const QCoreApplication app(argc, argv);
    return runCommand(command);
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

std::optional<int> parseCommandLine(QCommandLineParser &parser, const char *command, const QStringList &arguments,
                                    const QStringList &repeatable, const QString &helpEpilogue)
{
    const QString name = QStringLiteral("stackcanvas %1").arg(QLatin1String(command));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Displays this help."));
    parser.addOption(help);
    if (!parser.parse(QStringList{name} + arguments))
        return usageError(QStringLiteral("%1: %2").arg(QLatin1String(command), parser.errorText()));
    if (parser.isSet(help)) {
        // Qt names the executable by its path; the help names the command as it is typed.
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: ") + name);
        out(text + helpEpilogue);
        return 0;
    }
    for (const QString &option : parser.optionNames()) {
        if (repeatable.contains(option) || option == QLatin1String("h") || option == QLatin1String("help"))
            continue;
        if (parser.values(option).size() > 1)
            return usageError(QStringLiteral("%1: %2%3 is given more than once")
                                  .arg(QLatin1String(command), option.size() == 1 ? QStringLiteral("-") : QStringLiteral("--"), option));
    }
    return std::nullopt;
}

std::optional<int> checkFiles(const char *command, const QStringList &files, qsizetype min, qsizetype max)
{
    const QString name = QLatin1String(command);
    if (files.size() < min)
        return usageError(QStringLiteral("%1 needs %2 (see stackcanvas %1 --help)")
                              .arg(name, max == 1 ? QStringLiteral("a FILE") : QStringLiteral("at least one FILE")));
    if (files.size() > max)
        return usageError(max == 0 ? QStringLiteral("%1 takes no FILE; unexpected argument '%2'").arg(name, files.at(max))
                                   : QStringLiteral("%1 takes one FILE; unexpected argument '%2'").arg(name, files.at(max)));
    for (const QString &file : files)
        if (file.isEmpty())
            return usageError(QStringLiteral("%1: a FILE argument is empty").arg(name));
    return std::nullopt;
}

namespace {

bool isNameCharacter(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Every "AWS::<Service>::<Name>" the text holds, wherever it is: the resource types of a
// template among them. Others (a parameter type, a type in a description) are looked up for
// nothing, which costs less than finding out where each one is.
std::vector<std::string_view> awsTypesNamedIn(std::string_view text)
{
    std::vector<std::string_view> types;
    constexpr std::string_view prefix = "AWS::";
    for (std::size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
        std::size_t end = at + prefix.size();
        const auto skipName = [&] { // true when there was one
            const std::size_t begin = end;
            while (end < text.size() && isNameCharacter(text[end]))
                ++end;
            return end > begin;
        };
        if (!skipName() || text.substr(end, 2) != "::")
            continue;
        end += 2;
        if (skipName())
            types.push_back(text.substr(at, end - at));
    }
    std::sort(types.begin(), types.end());
    types.erase(std::unique(types.begin(), types.end()), types.end());
    return types;
}

// The bytes of a regular file no larger than a template may be; nothing for anything else (a
// pipe or a device is read once, by the command).
std::string smallRegularFile(const std::string &path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)
        || std::filesystem::file_size(path, error) > ReadLimits{}.maxFileBytes || error)
        return {};
    return readTemplateBytes(path);
}

} // namespace

void keepUntilExit(std::shared_ptr<const void> value)
{
    static auto *const kept = new std::vector<std::shared_ptr<const void>>;
    kept->push_back(std::move(value));
}

void reserveToRead(const QString &file)
{
    // Reading a template takes about ten times its size in memory (2 MB was enough for a 233 KB
    // JSON template exported to CDK).
    std::error_code error;
    const std::string path = file.toStdString();
    if (!std::filesystem::is_regular_file(path, error))
        return;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    if (!error)
        processheap::reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(size * 10, 64 << 20)));
}

std::jthread loadCatalogAhead(const QString &file)
{
    return std::jthread([path = file.toStdString()] {
        processheap::reserve(1 << 20); // the catalog's types and specifications take about a megabyte
        try {
            const Catalog &catalog = Catalog::instance();
            const std::string text = smallRegularFile(path);
            for (std::string_view type : awsTypesNamedIn(text))
                catalog.find(type);
        } catch (...) {
            // Left to the command's own first use, which reports it.
        }
    });
}

} // namespace sc::cli
