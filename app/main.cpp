// stackcanvas: the window, or a headless subcommand (validate, export, simulate, rules).
// Subcommands never load QML, so they run on machines without a display.

#include "app/cli/clicommands.h"
#include "app/guiapp.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char **argv)
{
    if (argc > 1) {
        if (const sc::cli::Command *command = sc::cli::findCommand(QString::fromLocal8Bit(argv[1]))) {
            // A PNG export draws text, which needs fonts: give it an offscreen GUI application.
            bool png = false;
            for (int i = 2; i < argc; ++i)
                png = png || qstrcmp(argv[i], "png") == 0 || qstrcmp(argv[i], "--to=png") == 0;
            std::unique_ptr<QCoreApplication> app;
            if (qstrcmp(argv[1], "export") == 0 && png) {
                if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                    qputenv("QT_QPA_PLATFORM", "offscreen");
                app = sc::startGuiApplication(argc, argv, true, "cannot draw the PNG (no Qt platform plugin)");
            } else {
                app = std::make_unique<QCoreApplication>(argc, argv);
            }
            QCoreApplication::setApplicationName(QStringLiteral("stackcanvas"));
            QCoreApplication::setApplicationVersion(QStringLiteral(STACKCANVAS_VERSION));
            return command->run(QCoreApplication::arguments().mid(2));
        }
    }
    return sc::runGui(argc, argv);
}
