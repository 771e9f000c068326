// stackcanvas: the window, or a headless subcommand (validate, export, simulate, rules).
// Subcommands never load QML, so they run on machines without a display.

#include "app/cli/clicommands.h"
#include "app/guiapp.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    if (argc > 1) {
        if (const sc::cli::Command *command = sc::cli::findCommand(QString::fromLocal8Bit(argv[1]))) {
            QCoreApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("stackcanvas"));
            QCoreApplication::setApplicationVersion(QStringLiteral(STACKCANVAS_VERSION));
            return command->run(QCoreApplication::arguments().mid(2));
        }
    }
    return sc::runGui(argc, argv);
}
