// Canvas frame times: the real CanvasView on a synthetic template of N resources (~1.6 edges
// each), driven one step per frame, timed as the gap between consecutive frameSwapped signals.
// Scenarios: pan with the whole graph in view, pan at 100 %, zoom in and out across the level-
// of-detail switch, drag the hub card (the VPC, which every subnet and security group refers
// to) and drag a card with one or two edges. Prints median and 95th percentile per scenario,
// the 95th percentile of the step alone (the gesture's work on the GUI thread, before any
// rendering), and the process's peak memory. The renderer is whatever the platform gives: run it under
// `xvfb-run -a -s '-screen 0 1600x1000x24'` for OpenGL (llvmpipe) and with
// QT_QPA_PLATFORM=offscreen for the software renderer.
//
//   bench_canvas [N...]        (default: 100 500 2000)
//
// For profiling a single scenario under valgrind: BENCH_SCENARIOS=zoom,drag (any of pan-all,
// pan-100, zoom, drag, drag-card) and BENCH_FRAMES=40. BENCH_SHOTS=DIR saves the last frame of
// each scenario there; BENCH_TRACE=1 prints every frame's gap and step.

#include "benchfigures.h"
#include "benchtemplates.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/documentcontroller.h"
#include "model/undo/undoabledocument.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSGRendererInterface>
#include <QtQml/qqmlextensionplugin.h>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using bench::Figures;
using bench::figuresOf;

namespace {

int kFrames = 150;
constexpr int kWarmup = 10;

bool wanted(const char *scenario)
{
    const QByteArray list = qgetenv("BENCH_SCENARIOS");
    return list.isEmpty() || list.split(',').contains(QByteArray(scenario));
}

struct Run {
    std::vector<double> gaps;  // between frames, ms
    std::vector<double> steps; // the step alone, ms
};

// Runs `step(frame)` once per frame for kFrames frames; returns the frame gaps and step times.
Run drive(QQuickView &view, const std::function<void(int)> &step)
{
    std::vector<double> stamps, steps;
    std::mutex mutex;
    QElapsedTimer clock;
    clock.start();
    int frame = 0;
    QEventLoop loop;
    const auto connection = QObject::connect(&view, &QQuickWindow::frameSwapped, &view, [&] {
        {
            std::lock_guard lock(mutex);
            stamps.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        }
        QMetaObject::invokeMethod(&view, [&] {
            if (++frame > kFrames + kWarmup) {
                loop.quit();
                return;
            }
            QElapsedTimer stepClock;
            stepClock.start();
            step(frame);
            if (frame > kWarmup)
                steps.push_back(static_cast<double>(stepClock.nsecsElapsed()) / 1e6);
            view.update();
        }, Qt::QueuedConnection);
    }, Qt::DirectConnection);
    step(0);
    view.update();
    loop.exec();
    QObject::disconnect(connection);
    Run run;
    const bool trace = qEnvironmentVariableIsSet("BENCH_TRACE");
    for (std::size_t i = kWarmup + 1; i < stamps.size(); ++i) {
        run.gaps.push_back(stamps[i] - stamps[i - 1]);
        if (trace) // every frame: its number, its gap and its step
            std::printf("  frame %3zu  %6.1f ms  step %5.1f ms\n", i - kWarmup, run.gaps.back(),
                        i - kWarmup - 1 < steps.size() ? steps[i - kWarmup - 1] : 0.0);
    }
    run.steps = std::move(steps);
    return run;
}

// The canvas's setZoomAt(zoom, x, y), as the wheel calls it.
void zoomAt(QObject *root, double zoom, double x, double y)
{
    QMetaObject::invokeMethod(root, "setZoomAt", Q_ARG(QVariant, zoom), Q_ARG(QVariant, x), Q_ARG(QVariant, y));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_UPDATE_IDLE_TIME", "0");
    QGuiApplication app(argc, argv);
    if (const int frames = qEnvironmentVariableIntValue("BENCH_FRAMES"); frames > 0)
        kFrames = frames;
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty())
        sizes = {100, 500, 2000};

    bool first = true;
    for (const int n : sizes) {
        UndoableDocument document;
        Template content;
        content.root = bench::makeTemplate(n);
        document.reset(std::move(content));
        DocumentController controller(&document);

        QQuickView view;
        view.engine()->addImportPath(QStringLiteral("qrc:/qt/qml"));
        view.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
        view.setResizeMode(QQuickView::SizeRootObjectToView);
        view.resize(1400, 860);
        view.setSource(QUrl(QStringLiteral("qrc:/qt/qml/StackCanvas/canvas/CanvasView.qml")));
        if (!view.rootObject()) {
            std::fprintf(stderr, "bench_canvas: the canvas did not load\n");
            return 1;
        }
        QQuickItem *root = view.rootObject();
        QElapsedTimer shown;
        shown.start();
        view.show();
        QEventLoop firstFrame;
        QObject::connect(&view, &QQuickWindow::frameSwapped, &firstFrame, &QEventLoop::quit, Qt::QueuedConnection);
        firstFrame.exec();
        if (first) {
            const auto api = view.rendererInterface()->graphicsApi();
            std::printf("renderer: %s, platform: %s\n",
                        api == QSGRendererInterface::Software ? "software" : "OpenGL/RHI",
                        qPrintable(QGuiApplication::platformName()));
            std::printf("%6s  %-30s %9s %9s %12s\n", "cards", "scenario", "median ms", "p95 ms", "step p95 ms");
            first = false;
        }
        const auto report = [&](const std::string &name, const Run &run) {
            const Figures f = figuresOf(run.gaps);
            std::printf("%6d  %-30s %9.1f %9.1f %12.1f\n", n, name.c_str(), f.median, f.p95, figuresOf(run.steps).p95);
            std::fflush(stdout);
            // What the scenario ended on, to see what the frames drew: BENCH_SHOTS=DIR.
            if (const QString shots = qEnvironmentVariable("BENCH_SHOTS"); !shots.isEmpty())
                view.grabWindow().save(QStringLiteral("%1/%2-%3.png").arg(shots).arg(n).arg(QString::fromStdString(name).section(QLatin1Char(' '), 0, 2).replace(QLatin1Char(' '), QLatin1Char('-'))));
        };

        // The whole diagram in view, as zooming out with the wheel shows it (the canvas's own
        // Fit stops at the zoom where titles are still read, which shows a part of 2,000 cards).
        const QRectF bounds = controller.canvas()->bounds();
        const double minZoom = root->property("minZoom").toDouble();
        const double fitZoom = std::clamp(std::min((root->width() - 96) / bounds.width(),
                                                   (root->height() - 96) / bounds.height()), minZoom, 1.0);
        const double fitPanX = root->width() / 2 - bounds.center().x() * fitZoom;
        const double fitPanY = root->height() / 2 - bounds.center().y() * fitZoom;
        const auto showAll = [&] {
            root->setProperty("zoom", fitZoom);
            root->setProperty("panX", fitPanX);
            root->setProperty("panY", fitPanY);
        };
        showAll();
        std::printf("%6d  (all in view at %.0f %%)\n", n, fitZoom * 100);
        if (wanted("pan-all"))
            report("pan, all in view", drive(view, [&](int f) {
                root->setProperty("panX", fitPanX + ((f / 40) % 2 ? -1 : 1) * (f % 40) * 3.0);
            }));

        root->setProperty("zoom", 1.0);
        root->setProperty("panX", 0.0);
        root->setProperty("panY", 0.0);
        if (wanted("pan-100"))
            report("pan at 100 %", drive(view, [&](int f) {
                root->setProperty("panX", -f * 12.0);
                root->setProperty("panY", -f * 4.0);
            }));

        showAll();
        if (wanted("zoom"))
            report("zoom", drive(view, [&](int f) {
                // From the whole diagram to 100 % and back, through the level-of-detail switch.
                const double t = std::abs(((f % 60) / 30.0) - 1.0);
                const double z = std::exp(std::log(fitZoom) * t);
                zoomAt(root, z, 700.0, 430.0);
            }));

        // Drag a card at 100 %, one model move per frame as CanvasController's drag does, merged
        // into one gesture: the hub (the first resource) and the first card with one or two edges.
        std::map<std::string, int> degree;
        for (const GraphEdge &e : document.graph().edges())
            ++degree[e.source], ++degree[e.target];
        const std::vector<std::string> ids = document.resourceIds();
        const std::string hub = ids.front();
        const auto leaf = std::find_if(ids.begin(), ids.end(), [&](const std::string &id) {
            return degree[id] >= 1 && degree[id] <= 2;
        });
        for (const std::string &id : {hub, leaf == ids.end() ? hub : *leaf}) {
            const QPointF at = document.position(id);
            root->setProperty("zoom", 1.0);
            root->setProperty("panX", 200 - at.x());
            root->setProperty("panY", 200 - at.y());
            controller.canvas()->select(QString::fromStdString(id));
            const std::string name = "drag " + std::string(id == hub ? "the hub" : "a card") + " ("
                                     + std::to_string(degree[id]) + " edges)";
            if (wanted(id == hub ? "drag" : "drag-card"))
                report(name, drive(view, [&](int f) {
                    document.moveNodes({{id, at + QPointF(f * 6.0, std::sin(f / 10.0) * 80)}}, id == hub ? 4242 : 4243);
                }));
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak memory: %.0f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
