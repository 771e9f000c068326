#include "app/guiapp.h"

#include "app/gui/documentcontroller.h"
#include "app/gui/examples.h"
#include "model/document/document.h"
#include "model/document/documentio.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

namespace sc {

int runGui(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("StackCanvas"));
    QGuiApplication::setOrganizationName(QStringLiteral("StackCanvas"));
    QGuiApplication::setApplicationVersion(QStringLiteral(STACKCANVAS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A visual designer for AWS architectures.\n\n"
        "Subcommands (stackcanvas COMMAND --help for each):\n"
        "  validate FILE...   check templates against the built-in rules\n"
        "  export FILE --to cfn-yaml|cfn-json|sam|cdk-ts|svg|png [-o OUT]\n"
        "  simulate FILE --target LOGICAL_ID   rehearse a rollout\n"
        "  rules              list the rules\n"
        "  lessons [ID]       the study lessons\n"
        "  whatif KIND ...    deletion, stackset, runcommand, drift or import what-ifs\n"
        "  quiz               the quiz questions with their answers"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Template to open; the default example without it."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window offscreen after its first frame, save it to OUT.png and exit."),
                                        QStringLiteral("OUT.png"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for --screenshot (default 1400x860)."),
                                  QStringLiteral("WxH"), QStringLiteral("1400x860"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light or dark."), QStringLiteral("THEME"));
    parser.addOptions({screenshot, size, theme});
    parser.process(app);

    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::fprintf(stderr, "stackcanvas: open one FILE at a time\n");
        return 2;
    }
    const QString themeName = parser.value(theme);
    if (!themeName.isEmpty() && themeName != QLatin1String("light") && themeName != QLatin1String("dark")) {
        std::fprintf(stderr, "stackcanvas: --theme takes light or dark\n");
        return 2;
    }
    int width = 1400, height = 860;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2) {
            width = wh[0].toInt(&okW);
            height = wh[1].toInt(&okH);
        }
        if (!okW || !okH || width < 200 || height < 200 || width > 8000 || height > 8000) {
            std::fprintf(stderr, "stackcanvas: --size takes WxH, for example 1600x1000\n");
            return 2;
        }
    }

    Document document;
    try {
        if (files.isEmpty())
            loadExample(document, defaultExample());
        else
            openDocument(document, files.front().toStdString());
    } catch (const TemplateError &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }

    const QString screenshotPath = parser.value(screenshot);
    const bool interactive = screenshotPath.isEmpty();
    // A screenshot run neither offers nor leaves crash-recovery files.
    QTemporaryDir scratch;
    DocumentController controller(&document, nullptr, interactive ? QString() : scratch.path());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // Qt 6.4 has no colour-scheme hint: a dark system palette is the sign of a dark desktop.
    const bool systemDark = QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
    const bool dark = themeName == QLatin1String("dark") || (themeName.isEmpty() && systemDark);
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)},
                                 {QStringLiteral("darkTheme"), dark},
                                 {QStringLiteral("themeLocked"), !themeName.isEmpty()},
                                 {QStringLiteral("interactive"), interactive}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/StackCanvas/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;

    if (!interactive) {
        window->resize(width, height);
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&, window] {
            static bool taken = false;
            if (taken)
                return;
            taken = true;
            // Let bindings that depend on the first layout settle, then grab.
            QTimer::singleShot(50, &app, [&, window] {
                const QImage image = window->grabWindow();
                if (image.isNull() || !image.save(screenshotPath)) {
                    std::fprintf(stderr, "stackcanvas: cannot write %s\n", qPrintable(screenshotPath));
                    QCoreApplication::exit(2);
                    return;
                }
                QCoreApplication::exit(0);
            });
        });
    }
    if (qEnvironmentVariableIsSet("STACKCANVAS_REPORT_FIRST_FRAME")) {
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&sinceStart] {
            static bool reported = false;
            if (!reported) {
                reported = true;
                std::fprintf(stderr, "first frame after %lld ms\n", static_cast<long long>(sinceStart.elapsed()));
            }
        });
    }
    return app.exec();
}

} // namespace sc
