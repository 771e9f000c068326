// The Rollout tab's controller against the engine: it lists the document's deployable
// resources, plays exactly the Timeline simulate() gives for the scenario it shows, lands on
// event times when stepping, reports the engine's sample and tiles at any time, re-runs the
// engine on every change of strategy, fleet, timing, failure or action, and stores the scenario
// in the template as one undo step that survives save and reopen; compares strategies with the
// engine's metrics; exports the charts (PNG, SVG) and the timeline (the CSV of simulate).

#include "app/gui/documentcontroller.h"
#include "app/gui/rehearsalcomparison.h"
#include "app/gui/rehearsalcontroller.h"
#include "model/undo/undoabledocument.h"
#include "model/document/documentio.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sc;

namespace {

const char *kInPlace = SC_SOURCE_DIR "/examples/codedeploy-inplace-asg/template.yaml";
const char *kLambda = SC_SOURCE_DIR "/examples/lambda-canary/template.yaml";

struct Fixture {
    QTemporaryDir recovery;
    UndoableDocument document;
    std::unique_ptr<DocumentController> documents;
    RehearsalController rehearsal;

    explicit Fixture(const char *path)
    {
        openDocument(document, path);
        documents = std::make_unique<DocumentController>(&document, nullptr, recovery.path());
        rehearsal.setDocumentController(documents.get());
    }

    // What the engine gives for the same scenario, built independently of the controller.
    Timeline expected(const std::string &target, const BuildOptions &options = {},
                      const std::vector<std::string> &failures = {}) const
    {
        Scenario s = ScenarioBuilder(document.root()).build(target, options);
        for (const auto &f : failures)
            s.failures.push_back(parseFailure(f));
        return simulate(s);
    }
};

QStringList targetIds(const RehearsalController &c)
{
    QStringList ids;
    for (const QVariant &t : c.targets())
        ids << t.toMap().value(QStringLiteral("id")).toString();
    return ids;
}

} // namespace

class TestRehearsalController : public QObject {
    Q_OBJECT

private slots:
    void listsTheDocumentsDeployableTargets()
    {
        Fixture f(kInPlace);
        QStringList expected;
        for (const auto &t : ScenarioBuilder(f.document.root()).targets())
            expected << QString::fromStdString(t.logicalId);
        QCOMPARE(targetIds(f.rehearsal), expected);
        QVERIFY(expected.contains(QStringLiteral("DeploymentGroup")));
        QVERIFY(!f.rehearsal.isReady());

        const QString refused = f.rehearsal.rehearse(QStringLiteral("NoSuchThing"));
        QVERIFY2(refused.contains(QStringLiteral("NoSuchThing is not a deployable resource")), qPrintable(refused));
        QVERIFY(!f.rehearsal.isReady());
    }

    void playsTheEnginesTimelineWithTheTemplatesStrategy()
    {
        Fixture f(kInPlace);
        QCOMPARE(f.rehearsal.rehearse(QStringLiteral("DeploymentGroup")), QString());
        QVERIFY(f.rehearsal.isReady());
        QCOMPARE(f.rehearsal.strategy(), QStringLiteral("CodeDeployDefault.HalfAtATime"));
        QCOMPARE(f.rehearsal.templateStrategy(), QStringLiteral("CodeDeployDefault.HalfAtATime"));
        QVERIFY(f.rehearsal.strategies().contains(QStringLiteral("CodeDeployDefault.OneAtATime")));
        const Timeline expected = f.expected("DeploymentGroup");
        QVERIFY(*f.rehearsal.timeline() == expected);
        QCOMPARE(f.rehearsal.duration(), double(expected.durationSeconds()));
        QCOMPARE(f.rehearsal.events().size(), qsizetype(expected.events.size()));
        QCOMPARE(f.rehearsal.result(), QStringLiteral("Succeeded"));
        QCOMPARE(f.rehearsal.metrics().value(QStringLiteral("peakInstances")).toInt(), expected.metrics.peakInstances);
    }

    void switchingStrategyAndFleetReRunsTheEngine()
    {
        Fixture f(kInPlace);
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        QCOMPARE(f.rehearsal.setStrategy(QStringLiteral("CodeDeployDefault.OneAtATime")), QString());
        QCOMPARE(f.rehearsal.setInstances(6), QString());
        QCOMPARE(f.rehearsal.instances(), 6);
        QVERIFY(*f.rehearsal.timeline() == f.expected("DeploymentGroup", {"CodeDeployDefault.OneAtATime", 6}));
        QCOMPARE(f.rehearsal.setStrategy(QStringLiteral("min-healthy:50%")), QString());
        QVERIFY(*f.rehearsal.timeline() == f.expected("DeploymentGroup", {"min-healthy:50%", 6}));

        // A longer script hook: the override reaches the engine, and resetting it returns.
        const double before = f.rehearsal.duration();
        QCOMPARE(f.rehearsal.setTiming(QString::fromLatin1(timing::ScriptHook), 600), QString());
        QVERIFY(f.rehearsal.duration() > before);
        QCOMPARE(f.rehearsal.resetTiming(QString::fromLatin1(timing::ScriptHook)), QString());
        QCOMPARE(f.rehearsal.duration(), before);

        const QString bad = f.rehearsal.setStrategy(QStringLiteral("Canary10Percent5Minutes"));
        QVERIFY2(!bad.isEmpty(), "a Lambda strategy on an EC2 deployment group is refused");
        QVERIFY(!f.rehearsal.isReady());
        QCOMPARE(f.rehearsal.error(), bad);
        QCOMPARE(f.rehearsal.setStrategy(QString()), QString()); // back to the template's
        QCOMPARE(f.rehearsal.strategy(), QStringLiteral("CodeDeployDefault.HalfAtATime"));
    }

    void steppingLandsExactlyOnEventTimes()
    {
        Fixture f(kInPlace);
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        std::vector<Seconds> times;
        for (const auto &e : f.rehearsal.timeline()->events)
            times.push_back(e.t);
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        if (times.front() == 0)
            times.erase(times.begin());
        QVERIFY(times.size() > 3);

        std::vector<Seconds> visited;
        for (std::size_t i = 0; i < times.size(); ++i) {
            f.rehearsal.stepNext();
            visited.push_back(static_cast<Seconds>(f.rehearsal.time()));
        }
        QCOMPARE(visited, times);
        f.rehearsal.stepPrevious();
        QCOMPARE(f.rehearsal.time(), double(times[times.size() - 2]));
        // From between two events, "previous" goes to the earlier one.
        f.rehearsal.seek(double(times[1]) + 0.5);
        f.rehearsal.stepPrevious();
        QCOMPARE(f.rehearsal.time(), double(times[1]));
    }

    void theSampleAndTilesAtAnyTimeAreTheEngines()
    {
        Fixture f(kInPlace);
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        const Timeline &t = *f.rehearsal.timeline();
        for (Seconds at : {Seconds(0), t.durationSeconds() / 3, t.durationSeconds() / 2, t.durationSeconds()}) {
            f.rehearsal.seek(double(at));
            const QVariantMap s = f.rehearsal.sample();
            const auto &e = t.sampleAt(at);
            QCOMPARE(s.value(QStringLiteral("instancesOriginal")).toInt(), e.instances.original);
            QCOMPARE(s.value(QStringLiteral("instancesReplacement")).toInt(), e.instances.replacement);
            QCOMPARE(s.value(QStringLiteral("healthyReplacement")).toInt(), e.healthy.replacement);
            QCOMPARE(s.value(QStringLiteral("trafficReplacement")).toDouble(), e.trafficPercent.replacement);
            const auto expectedTiles = tilesAt(t, at);
            const QVariantList tiles = f.rehearsal.tiles();
            QCOMPARE(tiles.size(), qsizetype(expectedTiles.size()));
            for (std::size_t i = 0; i < expectedTiles.size(); ++i) {
                const QVariantMap tile = tiles[qsizetype(i)].toMap();
                QCOMPARE(tile.value(QStringLiteral("count")).toInt(), expectedTiles[i].count);
                QCOMPARE(tile.value(QStringLiteral("state")).toString(), QString::fromStdString(unitStateName(expectedTiles[i].state)));
            }
            const auto phase = phaseAt(t, at);
            QCOMPARE(f.rehearsal.currentEvent(), phase ? int(phase->event) : -1);
        }
        f.rehearsal.seek(1e9);
        QCOMPARE(f.rehearsal.time(), double(t.durationSeconds()));
        f.rehearsal.seek(-5);
        QCOMPARE(f.rehearsal.time(), 0.0);
    }

    void narratesTheEventUnderWayWithItsTopic()
    {
        Fixture f(kLambda);
        QCOMPARE(f.rehearsal.rehearse(QStringLiteral("DeploymentGroup")), QString());
        f.rehearsal.stepNext();
        const int index = f.rehearsal.currentEvent();
        QVERIFY(index >= 0);
        const auto &t = *f.rehearsal.timeline();
        const auto expected = narrate(t.platform, t.events[std::size_t(index)]);
        QVERIFY(expected.has_value());
        const QVariantMap n = f.rehearsal.narration();
        QCOMPARE(n.value(QStringLiteral("text")).toString(), QString::fromStdString(expected->text));
        QCOMPARE(n.value(QStringLiteral("topic")).toInt(), expected->topic);
        QCOMPARE(n.value(QStringLiteral("topicName")).toString(), QStringLiteral("CodeDeploy"));
    }

    void playingAdvancesTimeAndStopsAtTheEnd()
    {
        Fixture f(kLambda);
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        f.rehearsal.setSpeed(600);
        QCOMPARE(f.rehearsal.speed(), 600.0);
        f.rehearsal.setSpeed(5000);
        QCOMPARE(f.rehearsal.speed(), 600.0);
        f.rehearsal.setPlaying(true);
        QTRY_VERIFY(f.rehearsal.time() > 0);
        QVERIFY(f.rehearsal.isPlaying());
        f.rehearsal.seek(f.rehearsal.duration() - 1);
        QTRY_VERIFY(!f.rehearsal.isPlaying());
        QCOMPARE(f.rehearsal.time(), f.rehearsal.duration());

        f.rehearsal.setLoop(true);
        f.rehearsal.setPlaying(true); // from the end it starts again at 0
        QVERIFY(f.rehearsal.time() < f.rehearsal.duration());
        f.rehearsal.setPlaying(false);
    }

    void anAlarmRollsBackAndTrafficReturnsToTheOriginal()
    {
        Fixture f(kLambda);
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        QCOMPARE(f.rehearsal.addFailure(QStringLiteral("alarm:120")), QString());
        QCOMPARE(f.rehearsal.failures(), QStringList{QStringLiteral("alarm:120")});
        QVERIFY(*f.rehearsal.timeline() == f.expected("DeploymentGroup", {}, {"alarm:120"}));
        QCOMPARE(f.rehearsal.result(), QStringLiteral("RolledBack"));
        f.rehearsal.seek(f.rehearsal.duration());
        QCOMPARE(f.rehearsal.sample().value(QStringLiteral("trafficOriginal")).toDouble(), 100.0);
        QVERIFY(f.rehearsal.metrics().contains(QStringLiteral("failingVersionRequestPercent")));

        // A malformed spec is refused before the engine runs; the scenario keeps its failure.
        QVERIFY(!f.rehearsal.addFailure(QStringLiteral("alarm:soon")).isEmpty());
        QCOMPARE(f.rehearsal.failures().size(), 1);
        f.rehearsal.removeFailure(0);
        QCOMPARE(f.rehearsal.result(), QStringLiteral("Succeeded"));
    }

    void offersOnlyTheControlsAwsHas()
    {
        Fixture f(kLambda);
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        QCOMPARE(f.rehearsal.availableControls(), (QStringList{QStringLiteral("stop"), QStringLiteral("rollback")}));
        const QString refused = f.rehearsal.addAction(QStringLiteral("continue:60"));
        QVERIFY2(refused.contains(QStringLiteral("ContinueDeployment")), qPrintable(refused));
        QVERIFY(f.rehearsal.actions().isEmpty());
        QVERIFY(f.rehearsal.isReady());
        QCOMPARE(f.rehearsal.addAction(QStringLiteral("rollback:120")), QString());
        QCOMPARE(f.rehearsal.result(), QStringLiteral("RolledBack"));
    }

    void clickingATileNamesItsFailure()
    {
        Fixture f(kInPlace);
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        const auto &t = *f.rehearsal.timeline();
        // The first unit to install the new revision is instance:1, the second instance:2.
        const auto installs = t.eventsNamed("Install");
        QVERIFY(installs.size() >= 2);
        QCOMPARE(f.rehearsal.failureSpecForUnit(QString::fromStdString(installs[0]->subject)), QStringLiteral("instance:1"));
        QCOMPARE(f.rehearsal.failureSpecForUnit(QString::fromStdString(installs[1]->subject)), QStringLiteral("instance:2"));
        // Injecting it makes that unit the failing one in the engine's run.
        QCOMPARE(f.rehearsal.addFailure(f.rehearsal.failureSpecForUnit(QString::fromStdString(installs[1]->subject))), QString());
        QVERIFY(*f.rehearsal.timeline() == f.expected("DeploymentGroup", {}, {"instance:2"}));
        const UnitTrack *failing = f.rehearsal.timeline()->unit(installs[1]->subject);
        QVERIFY(failing);
        QVERIFY(std::any_of(failing->transitions.begin(), failing->transitions.end(),
                            [](const UnitTransition &tr) { return tr.state == UnitState::Failed; }));
        QCOMPARE(f.rehearsal.failureSpecForUnit(QStringLiteral("not-a-unit")), QString());
    }

    void savedScenarioIsOneUndoStepAndSurvivesReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.yaml"));
        QVERIFY(QFile::copy(QString::fromLatin1(kLambda), path));
        Fixture f(qPrintable(path));
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        f.rehearsal.setStrategy(QStringLiteral("CodeDeployDefault.LambdaLinear10PercentEvery1Minute"));
        f.rehearsal.addFailure(QStringLiteral("alarm:180"));
        const Scenario saved = *f.rehearsal.scenario();
        const int steps = f.document.undoStack()->count();
        QSignalSpy listed(&f.rehearsal, &RehearsalController::targetsChanged);
        QCOMPARE(f.rehearsal.saveScenario(QStringLiteral("linear with alarm")), QString());
        QCOMPARE(f.document.undoStack()->count(), steps + 1);
        QVERIFY(listed.count() > 0);
        QCOMPARE(f.rehearsal.savedScenarioNames(), QStringList{QStringLiteral("linear with alarm")});
        QVERIFY(f.document.checkConsistency().empty());
        f.document.undoStack()->undo();
        QVERIFY(f.rehearsal.savedScenarioNames().isEmpty());
        f.document.undoStack()->redo();
        QVERIFY(!f.rehearsal.saveScenario(QStringLiteral("a/b")).isEmpty());
        QCOMPARE(QString::fromStdString(saveDocument(f.document, path.toStdString())), QString());

        Fixture reopened(qPrintable(path));
        QCOMPARE(reopened.rehearsal.savedScenarioNames(), QStringList{QStringLiteral("linear with alarm")});
        QCOMPARE(reopened.rehearsal.openSavedScenario(QStringLiteral("linear with alarm")), QString());
        QCOMPARE(reopened.rehearsal.strategy(), QStringLiteral("CodeDeployDefault.LambdaLinear10PercentEvery1Minute"));
        QCOMPARE(reopened.rehearsal.failures(), QStringList{QStringLiteral("alarm:180")});
        QVERIFY(*reopened.rehearsal.scenario() == saved);
        QVERIFY(!reopened.rehearsal.openSavedScenario(QStringLiteral("missing")).isEmpty());
    }

    void exportsTheTimelineAsCsv()
    {
        Fixture f(kLambda);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("timeline.csv"));
        QVERIFY(!f.rehearsal.exportCsv(path).isEmpty()); // nothing rehearsed yet
        f.rehearsal.rehearse(QStringLiteral("DeploymentGroup"));
        QCOMPARE(f.rehearsal.exportCsv(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().toStdString(), timelineToCsv(*f.rehearsal.timeline()));
        QVERIFY(!f.rehearsal.exportCsv(dir.filePath(QStringLiteral("missing/dir/t.csv"))).isEmpty());
    }

    void exportsTheSameCsvAsTheCommandLine()
    {
        Fixture f(kInPlace);
        QCOMPARE(f.rehearsal.rehearse(QStringLiteral("DeploymentGroup")), QString());
        QCOMPARE(f.rehearsal.setStrategy(QStringLiteral("CodeDeployDefault.HalfAtATime")), QString());
        QCOMPARE(f.rehearsal.addFailure(QStringLiteral("instance:2")), QString());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("timeline.csv"));
        QCOMPARE(f.rehearsal.exportCsv(QUrl::fromLocalFile(path).toString()), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));

        const QString app = qEnvironmentVariable("SC_STACKCANVAS");
        QVERIFY2(!app.isEmpty(), "SC_STACKCANVAS names the application");
        QProcess cli;
        cli.start(app, {QStringLiteral("simulate"), QString::fromLatin1(kInPlace), QStringLiteral("--target"),
                        QStringLiteral("DeploymentGroup"), QStringLiteral("--strategy"),
                        QStringLiteral("CodeDeployDefault.HalfAtATime"), QStringLiteral("--fail"),
                        QStringLiteral("instance:2"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray fromCli = cli.readAllStandardOutput();
        QVERIFY(fromCli.count('\n') > 3);
        QCOMPARE(file.readAll(), fromCli);
    }

    void exportsTheChartsAsPngAndSvg()
    {
        Fixture f(kInPlace);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("charts.png"));
        QVERIFY(!f.rehearsal.exportCharts(png).isEmpty()); // nothing rehearsed yet
        QVERIFY(!QFile::exists(png));
        QCOMPARE(f.rehearsal.rehearse(QStringLiteral("DeploymentGroup")), QString());
        QCOMPARE(f.rehearsal.exportCharts(png), QString());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000 && image.height() >= 150);
        // The new version's line (green) is drawn: the traffic moves during the deployment.
        bool green = false;
        for (int y = 0; y < image.height() && !green; ++y) {
            for (int x = 0; x < image.width() && !green; ++x)
                green = image.pixel(x, y) == qRgb(0x16, 0xa3, 0x4a);
        }
        QVERIFY(green);

        const QString svg = dir.filePath(QStringLiteral("charts.svg"));
        QCOMPARE(f.rehearsal.exportCharts(QUrl::fromLocalFile(svg).toString()), QString());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("<path"));
        QVERIFY(text.contains("DeploymentGroup"));
        QVERIFY(text.contains("#16a34a"));

        QVERIFY(f.rehearsal.exportCharts(dir.filePath(QStringLiteral("charts.gif"))).contains(QStringLiteral(".svg")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("charts.gif"))));
        QVERIFY(!f.rehearsal.exportCharts(dir.filePath(QStringLiteral("missing/dir/c.png"))).isEmpty());
    }

    void comparesStrategiesWithTheEnginesMetrics()
    {
        Fixture f(kInPlace);
        RehearsalComparison comparison;
        comparison.setRehearsal(&f.rehearsal);
        QVERIFY(!comparison.add(QStringLiteral("CodeDeployDefault.AllAtOnce")).isEmpty()); // nothing rehearsed
        QCOMPARE(f.rehearsal.rehearse(QStringLiteral("DeploymentGroup")), QString());
        const QString one = QStringLiteral("CodeDeployDefault.OneAtATime");
        const QString all = QStringLiteral("CodeDeployDefault.AllAtOnce");
        QCOMPARE(comparison.add(one), QString());
        QCOMPARE(comparison.add(all), QString());
        QVERIFY(!comparison.add(all).isEmpty());
        QVERIFY(!comparison.add(QStringLiteral("NoSuchConfig")).isEmpty());
        QCOMPARE(comparison.strategies(), (QStringList{one, all}));

        const Timeline oneRun = f.expected("DeploymentGroup", {one.toStdString(), std::nullopt});
        const Timeline allRun = f.expected("DeploymentGroup", {all.toStdString(), std::nullopt});
        QVERIFY(*comparison.timeline(0) == oneRun);
        QVERIFY(*comparison.timeline(1) == allRun);
        const QVariantList rows = comparison.rows();
        QCOMPARE(rows.size(), 2);
        const QVariantMap m0 = rows[0].toMap().value(QStringLiteral("metrics")).toMap();
        const QVariantMap m1 = rows[1].toMap().value(QStringLiteral("metrics")).toMap();
        QCOMPARE(m0.value(QStringLiteral("duration")).toDouble(), double(oneRun.metrics.durationSeconds));
        QCOMPARE(m0.value(QStringLiteral("minHealthyPercent")).toDouble(), oneRun.metrics.minHealthyPercent);
        QCOMPARE(m1.value(QStringLiteral("minHealthyPercent")).toDouble(), allRun.metrics.minHealthyPercent);
        QCOMPARE(m1.value(QStringLiteral("peakInstances")).toInt(), allRun.metrics.peakInstances);
        QCOMPARE(m1.value(QStringLiteral("extraInstanceMinutes")).toDouble(), allRun.metrics.extraInstanceMinutes);
        QCOMPARE(m0.contains(QStringLiteral("extraCostUsd")), oneRun.metrics.extraCostUsd.has_value());
        // In place, all at once takes every instance out of service; one at a time keeps the rest.
        QCOMPARE(allRun.metrics.minHealthyPercent, 0.0);
        QVERIFY(oneRun.metrics.minHealthyPercent > 0);
        // One time axis: the longer run's duration; one capacity scale: the larger fleet.
        QCOMPARE(comparison.duration(), double(std::max(oneRun.durationSeconds(), allRun.durationSeconds())));
        const QVariantList shorter = comparison.chartPoints(oneRun.durationSeconds() < allRun.durationSeconds() ? 0 : 1,
                                                            QStringLiteral("healthy"), 500, 100);
        QVERIFY(!shorter.isEmpty());
        QVERIFY(shorter.constLast().toPointF().x() < 500);

        // A failure in the rehearsal's scenario is injected into every run.
        QCOMPARE(f.rehearsal.addFailure(QStringLiteral("instance:1")), QString());
        const Timeline failed = f.expected("DeploymentGroup", {one.toStdString(), std::nullopt}, {"instance:1"});
        QVERIFY(*comparison.timeline(0) == failed);
        QCOMPARE(comparison.rows()[0].toMap().value(QStringLiteral("result")).toString(),
                 QString::fromStdString(resultName(failed.result)));

        QVERIFY(comparison.add(QStringLiteral("CodeDeployDefault.HalfAtATime")).isEmpty());
        QVERIFY(comparison.add(QStringLiteral("min-healthy:1")).isEmpty());
        QVERIFY(!comparison.add(QStringLiteral("min-healthy:2")).isEmpty()); // at most four
        comparison.remove(0);
        QCOMPARE(comparison.strategies().size(), 3);

        QTemporaryDir dir;
        QCOMPARE(comparison.exportCharts(dir.filePath(QStringLiteral("compare.png"))), QString());
        const QImage picture(dir.filePath(QStringLiteral("compare.png")));
        QCOMPARE(picture.width(), 1200);
        QVERIFY(picture.height() > 3 * 150); // one row per strategy

        // Starting the same rehearsal again keeps the comparison.
        QCOMPARE(f.rehearsal.rehearse(QStringLiteral("DeploymentGroup")), QString());
        QCOMPARE(comparison.strategies().size(), 3);
    }
};

QTEST_MAIN(TestRehearsalController)
#include "tst_rehearsalcontroller.moc"
