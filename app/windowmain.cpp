// stackcanvas-window: the window (app/guiapp.h), and the subcommands when they draw (export --to
// svg or png). The `stackcanvas` command starts it in its own place; run directly, it takes the
// same arguments.

#include "app/cli/clicommands.h"
#include "app/guiapp.h"
#include "exporters/diagram/diagramexporter.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char **argv)
{
    sc::registerDiagramExporters();
    if (argc > 1) {
        if (const sc::cli::Command *command = sc::cli::findCommand(QString::fromLocal8Bit(argv[1]))) {
            // A PNG export draws text, which needs fonts: give it an offscreen GUI application.
            bool png = false;
            for (int i = 2; i < argc; ++i)
                png = png || qstrcmp(argv[i], "png") == 0 || qstrcmp(argv[i], "--to=png") == 0;
            if (qstrcmp(argv[1], "export") != 0 || !png)
                return sc::cli::runHeadless(*command, argc, argv);
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            const std::unique_ptr<QGuiApplication> app =
                sc::startGuiApplication(argc, argv, true, "cannot draw the PNG (no Qt platform plugin)");
            return sc::cli::runCommand(*command);
        }
    }
    return sc::runGui(argc, argv);
}
