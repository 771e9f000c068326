// stackcanvas: a headless subcommand (validate, export, simulate, rules, ...) runs here with Qt
// Core only; the window and everything that draws run in stackcanvas-window (app/windowmain.cpp),
// which this process becomes (app/cli/windowhandoff.h).

#include "app/cli/clicommands.h"
#include "app/cli/windowhandoff.h"

#include <cstring>

int main(int argc, char **argv)
{
    if (argc == 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-v") == 0))
        return sc::cli::printVersion();
    if (argc > 1) {
        if (const sc::cli::Command *command = sc::cli::findCommand(QString::fromLocal8Bit(argv[1])))
            return sc::cli::runHeadless(*command, argc, argv);
    }
    return sc::cli::runInWindowExecutable(argv);
}
