#pragma once
// The subcommands of `stackcanvas` (DESIGN §6). Each runs headless: no QML is loaded.
// A command gets the arguments after its name and returns the process exit code:
// 0 success, 1 findings / a rollout that did not succeed, 2 bad usage or unreadable input.

#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <optional>
#include <thread>

#include <vector>

namespace sc::cli {

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const std::vector<Command> &commands();
const Command *findCommand(const QString &name);

// Runs `command` with the arguments after its name (argv[2] on) in a QCoreApplication made here.
int runHeadless(const Command &command, int argc, char **argv);
// "StackCanvas VERSION" on stdout, for --version (exit code 0).
int printVersion();
// The same in the application that exists already (a QGuiApplication, for a PNG export).
int runCommand(const Command &command);

// Shared by the commands: print to stdout / stderr (UTF-8), and report bad usage (exit 2).
void out(const QString &text);
void err(const QString &text);
int usageError(const QString &message);

// The first steps of every subcommand: parse `arguments` for `command`, print the help for
// --help, refuse an unknown option, a missing value and a single-valued option given twice.
// Returns the exit code when the command is already done (0 after --help, 2 on bad usage).
// `helpEpilogue` is printed after the options in --help.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const char *command, const QStringList &arguments,
                                    const QStringList &repeatable = {}, const QString &helpEpilogue = {});
// Refuses too few or too many FILE arguments and empty ones, naming the argument at fault.
std::optional<int> checkFiles(const char *command, const QStringList &files, qsizetype min, qsizetype max);
// Loads the catalog on another thread, for a command that reads a template first and needs the
// catalog as soon as it has: the two overlap. When `file` is a regular file, the specifications
// of the resource types it names are parsed there, while the command reads the template. (The
// curated overlay is left to its first use: a command needs it only for a few findings.) Keep
// the thread until the command ends.
std::jthread loadCatalogAhead(const QString &file);
// Populates the memory that reading `file` will fill, when it is a regular file (processheap).
void reserveToRead(const QString &file);

// Keeps `value` until the process ends, never destroying it: a command that is about to exit
// would otherwise free a large template's tree node by node (3% of a `validate`), work the
// kernel does at once with the process's memory. It stays reachable, so a leak checker does not
// report it.
void keepUntilExit(std::shared_ptr<const void> value);

int runExport(const QStringList &arguments);
int runValidate(const QStringList &arguments);
int runRules(const QStringList &arguments);
int runEdit(const QStringList &arguments);
// Study mode (model/study).
int runLessonsCommand(const QStringList &arguments);
int runWhatIfCommand(const QStringList &arguments);
int runQuizCommand(const QStringList &arguments);

} // namespace sc::cli
