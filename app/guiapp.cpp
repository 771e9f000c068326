#include "app/guiapp.h"

#include "app/cli/clicommands.h"
#include "app/cli/scenariooptions.h"
#include "app/gui/rehearsalcomparison.h"
#include "app/gui/rehearsalcontroller.h"
#include "app/gui/documentcontroller.h"
#include "app/examples/examples.h"
#include "model/undo/undoabledocument.h"
#include "model/document/documentio.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <cstdlib>
#include <utility>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

namespace sc {

namespace {

// Qt's own window-system options: QGuiApplication consumes them, so the parse that runs before it
// exists lets them through instead of calling them unknown.
const QStringList kQtValueOptions{
    QStringLiteral("platform"), QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
    QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowtitle"),
    QStringLiteral("qwindowicon"), QStringLiteral("geometry"), QStringLiteral("title"), QStringLiteral("icon"),
    QStringLiteral("session"), QStringLiteral("display"), QStringLiteral("name"), QStringLiteral("style"),
    QStringLiteral("stylesheet")};
const QStringList kQtFlagOptions{QStringLiteral("reverse"), QStringLiteral("nograb"), QStringLiteral("dograb")};

struct GuiArguments {
    QStringList ours;      // what our parser reads
    bool platformOption = false; // -platform NAME was given
};

GuiArguments splitQtOptions(int argc, char **argv)
{
    GuiArguments result;
    for (int i = 0; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        const bool single = arg.startsWith(QLatin1Char('-')) && !arg.startsWith(QLatin1String("--"));
        const QString word = single ? arg.mid(1).section(QLatin1Char('='), 0, 0) : QString();
        if (i > 0 && single && kQtValueOptions.contains(word)) {
            result.platformOption = result.platformOption || word == QLatin1String("platform");
            if (!arg.contains(QLatin1Char('=')))
                ++i; // its value
            continue;
        }
        if (i > 0 && single && (kQtFlagOptions.contains(word) || word == QLatin1String("qmljsdebugger")))
            continue;
        result.ours << arg;
    }
    return result;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// Without a usable window system Qt ends the process with a fatal message (SIGABRT) while the
// QGuiApplication is being built. Turn that into one line and exit code 2; hold Qt's own
// platform chatter until we know whether it matters.
QStringList g_platformMessages;
const char *g_platformFailure = "";

void platformStartupHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtFatalMsg) {
        g_platformMessages << message;
        return;
    }
    const QString reason = g_platformMessages.isEmpty() ? message.section(QLatin1Char('\n'), 0, 0) : g_platformMessages.constFirst();
    std::fprintf(stderr, "stackcanvas: %s: %s\n", g_platformFailure, qPrintable(reason.simplified()));
    std::fflush(stderr);
    std::_Exit(2);
}

int usage(const char *message)
{
    std::fprintf(stderr, "stackcanvas: %s\n", message);
    return 2;
}

// A first argument that is not a file and reads like a word was most likely meant as a command.
bool looksLikeCommand(const QString &argument)
{
    static const QRegularExpression word(QStringLiteral("^[a-z][a-z-]*$"));
    return word.match(argument).hasMatch() && !QFileInfo::exists(argument);
}

// Opens the Rollout tab on a scenario already checked by buildScenario().
void openRehearsal(QQuickWindow *window, const QString &target, const cli::ScenarioRequest &request, double at,
                   const QStringList &compare)
{
    auto *controller = window->findChild<RehearsalController *>(QStringLiteral("rehearsal"));
    if (!controller)
        return;
    QMetaObject::invokeMethod(window, "startRehearsal", Q_ARG(QVariant, target));
    if (request.build.strategy)
        controller->setStrategy(QString::fromStdString(*request.build.strategy));
    if (request.build.instances)
        controller->setInstances(*request.build.instances);
    for (const auto &[name, seconds] : request.timings)
        controller->setTiming(QString::fromStdString(name), static_cast<double>(seconds));
    for (const QString &spec : request.failures)
        controller->addFailure(spec);
    for (const QString &spec : request.actions)
        controller->addAction(spec);
    controller->seek(at);
    // The comparison starts with the rehearsed strategy, as the tab's Compare button does.
    auto *comparison = window->findChild<RehearsalComparison *>(QStringLiteral("rehearsalComparison"));
    if (comparison && !compare.isEmpty()) {
        comparison->add(controller->strategy());
        for (const QString &strategy : compare)
            comparison->add(strategy);
    }
}

} // namespace

std::unique_ptr<QGuiApplication> startGuiApplication(int &argc, char **argv, bool quiet, const char *failure)
{
    g_platformFailure = failure;
    const QtMessageHandler previous = qInstallMessageHandler(platformStartupHandler);
    auto app = std::make_unique<QGuiApplication>(argc, argv);
    qInstallMessageHandler(previous);
    const QStringList held = std::exchange(g_platformMessages, {});
    if (!quiet) {
        for (const QString &message : held)
            qWarning("%s", qPrintable(message));
    }
    return app;
}

int runGui(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication::setApplicationName(QStringLiteral("StackCanvas"));
    QGuiApplication::setOrganizationName(QStringLiteral("StackCanvas"));
    QGuiApplication::setApplicationVersion(QStringLiteral(STACKCANVAS_VERSION));

    // Everything up to opening the file runs before the QGuiApplication exists, so --help,
    // --version, usage errors and unreadable files never need a display.
    const GuiArguments arguments = splitQtOptions(argc, argv);
    QCommandLineParser parser;
    // The commands come from the CLI's registry, so the help (and the man page made from it)
    // always lists every one.
    QString description = QStringLiteral(
        "A visual designer for AWS architectures: draw, check, rehearse rollouts and export\n"
        "CloudFormation, SAM and CDK. Without a COMMAND, opens FILE (or the default example) in\n"
        "the window.\n\n"
        "Commands (stackcanvas COMMAND --help for each; none needs a display):\n");
    for (const cli::Command &c : cli::commands())
        description += QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(c.name).leftJustified(10), QLatin1String(c.summary));
    description += QStringLiteral(
        "\nExit codes: 0 success; 1 validate found errors, simulate did not succeed or a\n"
        "what-if shows the operation would not go through; 2 bad usage or unreadable input\n"
        "(reported as FILE:LINE:COLUMN: message).");
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Displays help on commandline options."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Displays version information."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Template to open; the default example without it."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window offscreen after its first frame, save it to OUT.png and exit."),
                                        QStringLiteral("OUT.png"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for --screenshot (default 1400x860)."),
                                  QStringLiteral("WxH"), QStringLiteral("1400x860"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light or dark."), QStringLiteral("THEME"));
    // The window with a rollout rehearsal open (the options of `simulate`).
    const QCommandLineOption rehearse(QStringLiteral("rehearse"),
                                      QStringLiteral("Open the Rollout tab rehearsing this resource."),
                                      QStringLiteral("LOGICAL_ID"));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("With --rehearse: the moment shown, in seconds."),
                                QStringLiteral("SECONDS"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     QStringLiteral("With --rehearse: compare with this strategy too (up to three times)."),
                                     QStringLiteral("STRATEGY"));
    const cli::ScenarioOptions scenarioOptions;
    parser.addOptions({help, version, screenshot, size, theme, rehearse, at, compare});
    parser.addOptions(scenarioOptions.options());
    if (!parser.parse(arguments.ours))
        return usage(qPrintable(parser.errorText()));
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: stackcanvas"));
        std::fputs(qPrintable(text), stdout);
        return 0;
    }
    if (parser.isSet(version))
        return cli::printVersion();

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty() && looksLikeCommand(files.front())) {
        QStringList names;
        for (const cli::Command &c : cli::commands())
            names << QLatin1String(c.name);
        std::fprintf(stderr, "stackcanvas: '%s' is neither a command (%s) nor a file; see stackcanvas --help\n",
                     qPrintable(files.front()), qPrintable(names.join(QStringLiteral(", "))));
        return 2;
    }
    if (files.size() > 1)
        return usage("open one FILE at a time");
    const QString themeName = parser.value(theme);
    if (!themeName.isEmpty() && themeName != QLatin1String("light") && themeName != QLatin1String("dark"))
        return usage("--theme takes light or dark");
    int width = 1400, height = 860;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2) {
            width = wh[0].toInt(&okW);
            height = wh[1].toInt(&okH);
        }
        if (!okW || !okH || width < 200 || height < 200 || width > 8000 || height > 8000)
            return usage("--size takes WxH from 200x200 to 8000x8000, for example 1600x1000");
    }

    UndoableDocument document;
    try {
        if (files.isEmpty())
            loadExample(document, defaultExample());
        else
            openDocument(document, files.front().toStdString());
    } catch (const TemplateError &e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }

    // A rehearsal is checked here, before any window exists: a wrong target or time is a usage
    // error even without a display.
    cli::ScenarioRequest rehearsal;
    double rehearseAt = 0;
    if (parser.isSet(rehearse)) {
        if (const QString error = scenarioOptions.read(parser, rehearsal); !error.isEmpty())
            return usage(qPrintable(error));
        bool ok = true;
        if (parser.isSet(at))
            rehearseAt = parser.value(at).toDouble(&ok);
        if (!ok || rehearseAt < 0)
            return usage("--at takes a number of seconds from 0");
        try {
            const Timeline timeline = simulate(cli::buildScenario(document.root(), parser.value(rehearse).toStdString(), rehearsal));
            if (rehearseAt > static_cast<double>(timeline.durationSeconds())) {
                std::fprintf(stderr, "stackcanvas: --at %s is past the end of the rehearsal of %s (%lld s)\n",
                             qPrintable(parser.value(at)), qPrintable(parser.value(rehearse)),
                             static_cast<long long>(timeline.durationSeconds()));
                return 2;
            }
        } catch (const std::invalid_argument &e) {
            std::fprintf(stderr, "stackcanvas: --rehearse %s: %s\n", qPrintable(parser.value(rehearse)), e.what());
            return 2;
        }
        if (parser.values(compare).size() > RehearsalComparison::maxRuns - 1)
            return usage("--compare: at most three strategies beside the rehearsed one");
        for (const QString &strategy : parser.values(compare)) {
            cli::ScenarioRequest other = rehearsal;
            other.build.strategy = strategy.toStdString();
            try {
                simulate(cli::buildScenario(document.root(), parser.value(rehearse).toStdString(), other));
            } catch (const std::invalid_argument &e) {
                std::fprintf(stderr, "stackcanvas: --compare %s: %s\n", qPrintable(strategy), e.what());
                return 2;
            }
        }
    } else if (parser.isSet(at) || parser.isSet(compare)) {
        return usage(parser.isSet(at) ? "--at needs --rehearse LOGICAL_ID" : "--compare needs --rehearse LOGICAL_ID");
    }

    const QString screenshotPath = parser.value(screenshot);
    const bool interactive = screenshotPath.isEmpty();
    const bool platformChosen = arguments.platformOption || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!interactive && !platformChosen && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a screenshot needs no screen
    if (interactive && !platformChosen && !hasDisplay())
        return usage("cannot open the window: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                     "subcommands and --screenshot need no display");

    const auto application = startGuiApplication(
        argc, argv, false, "cannot open the window (subcommands and --screenshot need no display)");
    QGuiApplication &app = *application;

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

    if (parser.isSet(rehearse))
        openRehearsal(window, parser.value(rehearse), rehearsal, rehearseAt, parser.values(compare));

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
