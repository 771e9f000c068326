// Rollout rehearsal frame times: the real window (qml/Main.qml) on the CodeDeploy in-place
// example, its deployment group rehearsed with a fleet of N instances, played at 60× with loop.
//
// Two measures per fleet size:
//   playing   the gaps between frames while the tab really plays (the window's frames drive it);
//   per frame the work of one frame: the time moves one second of the rollout (60× at 60 frames
//             a second), then the window renders; from the move to frameSwapped.
// And the time from "Rehearse" to the first frame that shows the rehearsal, and from "Play" to
// the first frame that has moved. Median and 95th percentile in ms.
//
// The renderer is whatever the platform gives: run it under
// `xvfb-run -a -s '-screen 0 1600x1000x24'` for OpenGL (llvmpipe) and with
// QT_QPA_PLATFORM=offscreen for the software renderer.
//
//   bench_rehearsal [N...]      (default: 100 1000)

#include "tests/bench/benchfigures.h"
#include "app/gui/documentcontroller.h"
#include "app/gui/rehearsalcontroller.h"
#include "model/undo/undoabledocument.h"
#include "model/document/documentio.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using bench::Figures;
using bench::figuresOf;

namespace {

constexpr int kFrames = 240;
constexpr int kWarmup = 10;

double msSince(const QElapsedTimer &clock) { return static_cast<double>(clock.nsecsElapsed()) / 1e6; }

// Waits for the window's next frame; returns ms from `clock`'s start to it.
double nextFrame(QQuickWindow *window, const QElapsedTimer &clock)
{
    QEventLoop loop;
    double at = 0;
    const auto c = QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        at = msSince(clock);
        loop.quit();
    }, Qt::QueuedConnection);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return at;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_UPDATE_IDLE_TIME", "0");
    QTemporaryDir settings; // the window's settings stay out of the user's
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(settings.path()));
    QStandardPaths::setTestModeEnabled(true);
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("StackCanvas"));
    QGuiApplication::setApplicationName(QStringLiteral("StackCanvas"));
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty())
        sizes = {100, 1000};

    bool first = true;
    for (const int n : sizes) {
        UndoableDocument document;
        const QString example = QStringLiteral(SC_SOURCE_DIR "/examples/codedeploy-inplace-asg/template.yaml");
        try {
            openDocument(document, example.toStdString());
        } catch (const std::exception &e) {
            std::fprintf(stderr, "bench_rehearsal: %s\n", e.what());
            return 1;
        }
        QTemporaryDir recovery;
        DocumentController controller(&document, nullptr, recovery.path());
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)},
                                     {QStringLiteral("darkTheme"), false},
                                     {QStringLiteral("themeLocked"), true},
                                     {QStringLiteral("interactive"), false}});
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/StackCanvas/Main.qml")));
        auto *window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        auto *rehearsal = window ? window->findChild<RehearsalController *>(QStringLiteral("rehearsal")) : nullptr;
        if (!rehearsal) {
            std::fprintf(stderr, "bench_rehearsal: the window did not load\n");
            return 1;
        }
        window->resize(1600, 1000);
        window->show();
        QElapsedTimer clock;
        clock.start();
        nextFrame(window, clock);
        if (first) {
            const auto api = window->rendererInterface()->graphicsApi();
            std::printf("renderer: %s, platform: %s; window 1600x1000\n",
                        api == QSGRendererInterface::Software ? "software" : "OpenGL/RHI",
                        qPrintable(QGuiApplication::platformName()));
            std::printf("%9s  %-34s %9s %9s\n", "instances", "measure", "median ms", "p95 ms");
            first = false;
        }
        const auto report = [&](const char *name, const Figures &f) {
            std::printf("%9d  %-34s %9.1f %9.1f\n", n, name, f.median, f.p95);
            std::fflush(stdout);
        };

        // Rehearse: from the call (the template's fleet, then N instances) to the first frame that
        // shows it. Each round rebuilds the scenario from the template.
        std::vector<double> toFirstFrame, toFirstMove;
        for (int i = 0; i < 5; ++i) {
            nextFrame(window, clock);
            const double start = msSince(clock);
            QMetaObject::invokeMethod(window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
            if (!rehearsal->setInstances(n).isEmpty()) {
                std::fprintf(stderr, "bench_rehearsal: a fleet of %d is refused\n", n);
                return 1;
            }
            toFirstFrame.push_back(nextFrame(window, clock) - start);
            rehearsal->setSpeed(60);
            const double play = msSince(clock);
            rehearsal->setPlaying(true);
            // The first frame after the clock has moved the time.
            QEventLoop moved;
            QObject::connect(rehearsal, &RehearsalController::timeChanged, &moved, &QEventLoop::quit);
            QTimer::singleShot(5000, &moved, &QEventLoop::quit);
            moved.exec();
            toFirstMove.push_back(nextFrame(window, clock) - play);
            rehearsal->setPlaying(false);
        }
        report("Rehearse to first frame", figuresOf(toFirstFrame));
        report("Play to first moved frame", figuresOf(toFirstMove));

        // Playing: the gaps between frames at 60×, looping.
        rehearsal->seek(0);
        rehearsal->setLoop(true);
        rehearsal->setSpeed(60);
        std::vector<double> stamps;
        {
            QEventLoop loop;
            const auto c = QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
                stamps.push_back(msSince(clock));
                if (stamps.size() > kFrames + kWarmup)
                    loop.quit();
            }, Qt::QueuedConnection);
            rehearsal->setPlaying(true);
            loop.exec();
            rehearsal->setPlaying(false);
            QObject::disconnect(c);
        }
        std::vector<double> gaps;
        for (std::size_t i = kWarmup + 1; i < stamps.size(); ++i)
            gaps.push_back(stamps[i] - stamps[i - 1]);
        report("playing at 60x: frame interval", figuresOf(gaps));

        // Per frame: one second of the rollout per frame, from the move to the frame.
        std::vector<double> work;
        const double end = rehearsal->duration();
        double t = 0;
        for (int f = 0; f < kFrames + kWarmup; ++f) {
            t = t + 1 >= end ? 0 : t + 1;
            const double start = msSince(clock);
            rehearsal->seek(t);
            window->update();
            const double done = nextFrame(window, clock);
            if (f >= kWarmup)
                work.push_back(done - start);
        }
        report("one second per frame: frame time", figuresOf(work));
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory: %ld MB\n", usage.ru_maxrss / 1024);
    return 0;
}
