// The rollout rehearsal in the real window (offscreen): started from a card, played, stepped
// and scrubbed with the tab's controls, the fleet's tiles on the canvas equal to the engine's
// sample, timings edited (what AWS documents told from what is assumed), a fleet of 1,000 drawn
// as bars, an alarm that rolls the deployment back, strategies compared side by side with the
// engine's metrics, and the saved scenario after save and reopen.

#include "app/gui/rehearsalcomparison.h"
#include "app/gui/rehearsalcontroller.h"
#include "model/document/documentio.h"
#include "model/rollout/timelinecsv.h"
#include "windowfixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace sc;

namespace {

const char *kInPlace = SC_SOURCE_DIR "/examples/codedeploy-inplace-asg/template.yaml";
const char *kLambda = SC_SOURCE_DIR "/examples/lambda-canary/template.yaml";
const char *kEcsBlueGreen = SC_SOURCE_DIR "/examples/ecs-fargate-blue-green/template.yaml";

QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    for (QQuickItem *child : root->childItems()) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

void findAll(QQuickItem *root, const QString &name, QList<QQuickItem *> &out)
{
    if (!root)
        return;
    if (root->objectName() == name && root->isVisible())
        out << root;
    for (QQuickItem *child : root->childItems())
        findAll(child, name, out);
}

} // namespace

class TestRehearsalWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_settings;
    std::unique_ptr<test::WindowFixture> m_f;

    RehearsalController *rehearsal() const { return m_f->window->findChild<RehearsalController *>(QStringLiteral("rehearsal")); }
    QQuickItem *item(const QString &name) const { return findItem(m_f->window->contentItem(), name); }
    void click(QQuickItem *target)
    {
        QVERIFY(target);
        QTRY_VERIFY(target->isVisible());
        QTest::mouseClick(m_f->window, Qt::LeftButton, Qt::NoModifier,
                          target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }
    void open(const char *path)
    {
        test::isolateSettings(m_settings);
        m_f = std::make_unique<test::WindowFixture>();
        openDocument(m_f->document, path);
        // Wide enough that the whole diagram fits at a readable zoom and every card is on screen.
        QVERIFY(m_f->load(false, QSize(2400, 1400)));
    }

private slots:
    void cleanup() { m_f.reset(); }

    void startsFromTheCard()
    {
        open(kInPlace);
        QVERIFY(rehearsal());
        QVERIFY(!rehearsal()->isReady());
        m_f->controller->canvas()->select(QStringLiteral("DeploymentGroup"));
        click(item(QStringLiteral("rehearseButton-DeploymentGroup")));
        QTRY_VERIFY(rehearsal()->isReady());
        QCOMPARE(rehearsal()->target(), QStringLiteral("DeploymentGroup"));
        QCOMPARE(m_f->find<QQuickItem>(QStringLiteral("bottomTabs"))->property("currentIndex").toInt(), 3);
        QTRY_VERIFY(item(QStringLiteral("rolloutPanel"))->isVisible());
        QVERIFY(item(QStringLiteral("fleetView")));
        // The other cards dim; the traffic path's carry a share.
        QList<QQuickItem *> dimmed, shares;
        findAll(m_f->window->contentItem(), QStringLiteral("rehearsalDim"), dimmed);
        findAll(m_f->window->contentItem(), QStringLiteral("trafficShare"), shares);
        QVERIFY(!dimmed.isEmpty());
        QCOMPARE(shares.size(), rehearsal()->pathShares().size());
        QVERIFY(shares.size() > 0);
    }

    void playingAdvancesTime()
    {
        open(kLambda);
        QCOMPARE(rehearsal()->rehearse(QStringLiteral("DeploymentGroup")), QString());
        QMetaObject::invokeMethod(m_f->window, "showBottomTab", Q_ARG(QVariant, 3));
        click(item(QStringLiteral("rolloutPlay")));
        QTRY_VERIFY(rehearsal()->time() > 0);
        QVERIFY(rehearsal()->isPlaying());
        click(item(QStringLiteral("rolloutPlay")));
        QVERIFY(!rehearsal()->isPlaying());
    }

    void nextLandsExactlyOnEventTimes()
    {
        open(kInPlace);
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        QTRY_VERIFY(item(QStringLiteral("rolloutNext")) && item(QStringLiteral("rolloutNext"))->isVisible());
        std::vector<Seconds> times;
        for (const auto &e : rehearsal()->timeline()->events)
            times.push_back(e.t);
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        times.erase(std::remove(times.begin(), times.end(), Seconds(0)), times.end());
        for (std::size_t i = 0; i < 5; ++i) {
            click(item(QStringLiteral("rolloutNext")));
            QCOMPARE(rehearsal()->time(), double(times[i]));
        }
        click(item(QStringLiteral("rolloutPrevious")));
        QCOMPARE(rehearsal()->time(), double(times[3]));
    }

    void tilesAfterScrubbingEqualTheSample()
    {
        open(kInPlace);
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        QQuickItem *scrubber = item(QStringLiteral("rolloutScrubber"));
        QTRY_VERIFY(scrubber && scrubber->isVisible() && scrubber->width() > 0);
        QTest::qWait(100); // the tab grows to its rehearsal height: let the layout settle
        const Timeline &t = *rehearsal()->timeline();
        for (double fraction : {0.1, 0.35, 0.6, 0.9}) {
            const QPointF at = scrubber->mapToScene(QPointF(scrubber->width() * fraction, scrubber->height() / 2));
            QTest::mouseClick(m_f->window, Qt::LeftButton, Qt::NoModifier, at.toPoint());
            const double expectedTime = std::floor(fraction * t.durationSeconds());
            QVERIFY2(std::abs(rehearsal()->time() - expectedTime) <= t.durationSeconds() / scrubber->width() + 1,
                     qPrintable(QStringLiteral("%1 at %2,%3 width %4 window %5").arg(rehearsal()->time()).arg(at.x()).arg(at.y())
                                .arg(scrubber->width()).arg(m_f->window->width())));
            const auto &sample = t.sampleAt(static_cast<Seconds>(rehearsal()->time()));
            QCoreApplication::processEvents();
            QList<QQuickItem *> tiles;
            findAll(m_f->window->contentItem(), QStringLiteral("unitTile"), tiles);
            std::map<std::pair<QString, QString>, int> counts;
            int running[2] = {0, 0}, healthy[2] = {0, 0};
            for (QQuickItem *tile : tiles) {
                const QString version = tile->property("version").toString();
                const QString state = tile->property("state").toString();
                ++counts[{version, state}];
                const int v = version == QLatin1String("replacement") ? 1 : 0;
                running[v] += state != QLatin1String("Terminated");
                healthy[v] += state == QLatin1String("InService");
            }
            QCOMPARE(running[0], sample.instances.original);
            QCOMPARE(running[1], sample.instances.replacement);
            QCOMPARE(healthy[0], sample.healthy.original);
            QCOMPARE(healthy[1], sample.healthy.replacement);
            for (const auto &c : tilesAt(t, static_cast<Seconds>(rehearsal()->time()))) {
                QCOMPARE((counts[{QString::fromStdString(versionName(c.version)), QString::fromStdString(unitStateName(c.state))}]),
                         c.count);
            }
        }
    }

    void anAlarmShowsTheRollback()
    {
        open(kLambda);
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        rehearsal()->seek(120);
        QQuickItem *field = item(QStringLiteral("rolloutFailureField"));
        QTRY_VERIFY(field && field->isVisible());
        QCOMPARE(field->property("text").toString(), QStringLiteral("alarm:120"));
        click(item(QStringLiteral("rolloutAddFailure")));
        QCOMPARE(rehearsal()->failures(), QStringList{QStringLiteral("alarm:120")});
        QCOMPARE(rehearsal()->result(), QStringLiteral("RolledBack"));
        QTRY_VERIFY(item(QStringLiteral("rolloutResult"))->property("text").toString().endsWith(QStringLiteral("RolledBack")));
        rehearsal()->seek(rehearsal()->duration());
        QCOMPARE(rehearsal()->sample().value(QStringLiteral("trafficOriginal")).toDouble(), 100.0);
        bool rollbackListed = false;
        for (const auto &e : rehearsal()->timeline()->events)
            rollbackListed = rollbackListed || e.type == "Rollback";
        QVERIFY(rollbackListed);
    }

    void savedScenarioSurvivesSaveAndReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("app.yaml"));
        QVERIFY(QFile::copy(QString::fromLatin1(kLambda), path));
        open(qPrintable(path));
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        QCOMPARE(rehearsal()->addFailure(QStringLiteral("alarm:90")), QString());
        QVERIFY(rehearsal()->scenario().has_value());
        const Scenario saved = *rehearsal()->scenario();
        QCOMPARE(rehearsal()->saveScenario(QStringLiteral("alarm drill")), QString());
        QCOMPARE(m_f->controller->save(), QString());
        QVERIFY(rehearsal()->isReady()); // saving keeps the rehearsal open

        open(qPrintable(path));
        QCOMPARE(rehearsal()->savedScenarioNames(), QStringList{QStringLiteral("alarm drill")});
        QCOMPARE(rehearsal()->openSavedScenario(QStringLiteral("alarm drill")), QString());
        QVERIFY(rehearsal()->scenario().has_value());
        QVERIFY(*rehearsal()->scenario() == saved);
    }

    void timingsAreEditableAndSayWhatIsAssumed()
    {
        open(kInPlace);
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        QTRY_VERIFY(rehearsal()->isReady());
        click(item(QStringLiteral("rolloutTimingsButton")));
        QTRY_VERIFY(item(QStringLiteral("timing-codedeploy.install")) && item(QStringLiteral("timing-codedeploy.install"))->isVisible());
        // Each timing says whether AWS documents it or the simulator assumes it.
        const auto kind = [&](const QString &name) {
            for (QQuickItem *child : item(QStringLiteral("timing-") + name)->childItems().constFirst()->childItems()) {
                const QString text = child->property("text").toString();
                if (text == QLatin1String("D") || text == QLatin1String("A"))
                    return text;
            }
            return QString();
        };
        QCOMPARE(kind(QStringLiteral("elb.healthCheck")), QStringLiteral("D"));
        QCOMPARE(kind(QStringLiteral("codedeploy.install")), QStringLiteral("A"));

        // Type a new install time, as a user does: the rehearsal is the engine's with that timing.
        QQuickItem *spin = item(QStringLiteral("timingValue-codedeploy.install"));
        QVERIFY(spin);
        click(spin);
        QTest::keyClick(m_f->window, Qt::Key_A, Qt::ControlModifier);
        for (const char digit : {'1', '0', '0'})
            QTest::keyClick(m_f->window, digit);
        QTest::keyClick(m_f->window, Qt::Key_Return);
        Scenario expected = ScenarioBuilder(m_f->document.root()).build("DeploymentGroup");
        const Seconds before = simulate(expected).durationSeconds();
        expected.timing.set("codedeploy.install", 100);
        const Seconds after = simulate(expected).durationSeconds();
        QVERIFY(after > before);
        QTRY_COMPARE(rehearsal()->duration(), double(after));
        QCOMPARE(item(QStringLiteral("rolloutTimingsButton"))->property("text").toString(), QStringLiteral("Timings… (1 changed)"));
    }

    // Export ▾ → Timeline as CSV…, a file name and Enter: the file is the engine's timeline, as
    // `simulate --format csv` writes it; the charts go to PNG and SVG the same way, each into the
    // folder of the previous export (Qt's dialog alone would fall back to the working directory).
    void exportsFromTheTab()
    {
        open(kLambda);
        QTemporaryDir files;
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        QTRY_VERIFY(rehearsal()->isReady());
        QObject *dialog = m_f->window->findChild<QObject *>(QStringLiteral("rolloutExportDialog"));
        QVERIFY(dialog);
        dialog->setProperty("currentFolder", QUrl::fromLocalFile(files.path()));
        const auto exportVia = [&](const QString &menuItem, const QString &name) {
            click(item(QStringLiteral("rolloutExport")));
            click(item(menuItem));
            QQuickItem *field = nullptr;
            QTRY_VERIFY((field = item(QStringLiteral("fileNameTextField"))) && field->isVisible());
            QTRY_VERIFY(dialog->property("ready").toBool());
            // Typed as a person types it, over the proposed name.
            field->forceActiveFocus();
            QTest::keyClick(m_f->window, Qt::Key_A, Qt::ControlModifier);
            for (const QChar c : name)
                QTest::keyClick(m_f->window, c.toLatin1());
            QCOMPARE(field->property("text").toString(), name);
            QTest::keyClick(m_f->window, Qt::Key_Return);
            QTRY_VERIFY2(QFile::exists(files.filePath(name)),
                         qPrintable(name + QStringLiteral(" was not written; the folder has ")
                                    + QDir(files.path()).entryList(QDir::Files).join(QStringLiteral(", ")) + QStringLiteral("; the tab says ")
                                    + item(QStringLiteral("rolloutMessage"))->property("text").toString()));
            QTRY_VERIFY(!dialog->property("visible").toBool());
        };
        exportVia(QStringLiteral("rolloutExportCsv"), QStringLiteral("timeline.csv"));
        QFile csv(files.filePath(QStringLiteral("timeline.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const Timeline expected = simulate(ScenarioBuilder(m_f->document.root()).build("DeploymentGroup"));
        QCOMPARE(csv.readAll().toStdString(), timelineToCsv(expected));
        exportVia(QStringLiteral("rolloutExportPng"), QStringLiteral("charts.png"));
        QVERIFY(!QImage(files.filePath(QStringLiteral("charts.png"))).isNull());
        exportVia(QStringLiteral("rolloutExportSvg"), QStringLiteral("charts.svg"));
        QFile svg(files.filePath(QStringLiteral("charts.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().startsWith("<?xml"));
    }

    // The traffic path's edges carry the shares: ECS blue/green with ECSCanary10Percent5Minutes
    // sends 10 % to green from the shift at 1:00 until 6:00, then everything.
    void trafficEdgesAreAsWideAsTheirShare()
    {
        open(kEcsBlueGreen);
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("Service")));
        QTRY_VERIFY(rehearsal()->isReady());
        QCOMPARE(rehearsal()->strategy(), QStringLiteral("CodeDeployDefault.ECSCanary10Percent5Minutes"));
        const QString toLoadBalancer = QStringLiteral("trafficEdge-ProductionListener-LoadBalancer");
        const QString toBlue = QStringLiteral("trafficEdge-ProductionListener-BlueTargetGroup");
        const auto prop = [&](const QString &edge, const char *name) {
            QQuickItem *e = item(edge);
            return e ? e->property(name).toDouble() : -1.0;
        };
        rehearsal()->seek(200);
        QTRY_VERIFY(item(toLoadBalancer) && item(toLoadBalancer)->isVisible());
        QCOMPARE(prop(toLoadBalancer, "share"), 100.0);
        QVERIFY(std::abs(prop(toLoadBalancer, "newFraction") - 0.1) < 1e-9);
        QCOMPARE(prop(toBlue, "share"), 90.0);
        QCOMPARE(prop(toBlue, "newFraction"), 0.0);
        rehearsal()->seek(400);
        QTRY_COMPARE(prop(toLoadBalancer, "newFraction"), 1.0);
        QCOMPARE(prop(toBlue, "share"), 0.0);
        QVERIFY(!item(toBlue)->isVisible()); // blue carries nothing: no edge drawn over it
    }

    void aThousandInstancesAggregateIntoBars()
    {
        open(kInPlace);
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        QCOMPARE(rehearsal()->setInstances(1000), QString());
        QCOMPARE(rehearsal()->instances(), 1000);
        const Timeline &t = *rehearsal()->timeline();
        rehearsal()->seek(t.durationSeconds() / 2.0);
        QTRY_VERIFY(item(QStringLiteral("fleetBar-replacement")) && item(QStringLiteral("fleetBar-replacement"))->isVisible());
        QCoreApplication::processEvents();
        QList<QQuickItem *> tiles;
        findAll(m_f->window->contentItem(), QStringLiteral("unitTile"), tiles);
        QCOMPARE(tiles.size(), 0);
        // Each bar's length is its version's running units against the peak fleet.
        std::map<QString, int> running;
        for (const auto &c : tilesAt(t, static_cast<Seconds>(rehearsal()->time()))) {
            if (c.state != UnitState::Terminated)
                running[QString::fromStdString(versionName(c.version))] += c.count;
        }
        QVERIFY(running[QStringLiteral("original")] > 0 && running[QStringLiteral("replacement")] > 0);
        for (const QString &version : {QStringLiteral("original"), QStringLiteral("replacement")}) {
            QQuickItem *bar = item(QStringLiteral("fleetBar-") + version);
            QVERIFY(bar && bar->isVisible());
            double length = 0;
            for (QQuickItem *part : bar->childItems())
                length += part->objectName() == QLatin1String("fleetBarPart") ? part->width() : 0;
            const double expected = bar->width() * running[version] / t.metrics.peakInstances;
            QVERIFY2(std::abs(length - expected) < 1.0,
                     qPrintable(QStringLiteral("%1: %2 px, expected %3").arg(version).arg(length).arg(expected)));
        }
    }

    void comparingTwoStrategiesShowsBothWithTheEnginesMetrics()
    {
        open(kInPlace);
        QMetaObject::invokeMethod(m_f->window, "startRehearsal", Q_ARG(QVariant, QStringLiteral("DeploymentGroup")));
        QTRY_VERIFY(rehearsal()->isReady());
        const QString rehearsed = rehearsal()->strategy();
        click(item(QStringLiteral("rolloutCompare")));
        auto *comparison = m_f->window->findChild<RehearsalComparison *>(QStringLiteral("rehearsalComparison"));
        QVERIFY(comparison);
        QTRY_COMPARE(comparison->strategies(), QStringList{rehearsed});
        const QString other = rehearsed == QLatin1String("CodeDeployDefault.AllAtOnce") ? QStringLiteral("CodeDeployDefault.OneAtATime")
                                                                                      : QStringLiteral("CodeDeployDefault.AllAtOnce");
        QQuickItem *candidate = item(QStringLiteral("comparisonStrategy"));
        QTRY_VERIFY(candidate && candidate->isVisible());
        candidate->setProperty("editText", other);
        click(item(QStringLiteral("comparisonAdd")));
        QTRY_COMPARE(comparison->strategies(), (QStringList{rehearsed, other}));
        QTRY_VERIFY(item(QStringLiteral("comparisonRun-1")) && item(QStringLiteral("comparisonRun-1"))->isVisible());
        QVERIFY(item(QStringLiteral("comparisonTraffic-0"))->isVisible());
        QVERIFY(item(QStringLiteral("comparisonTraffic-1"))->isVisible());

        // The table shows each run's metrics as the engine computed them for that strategy.
        const ScenarioBuilder builder(m_f->document.root());
        for (int row = 0; row < 2; ++row) {
            const std::string name = (row == 0 ? rehearsed : other).toStdString();
            const Timeline expected = simulate(builder.build("DeploymentGroup", {name, std::nullopt}));
            const auto cell = [&](int column) {
                QQuickItem *label = item(QStringLiteral("comparisonCell-%1-%2").arg(row).arg(column));
                return label ? label->property("text").toString() : QStringLiteral("(no cell)");
            };
            QCOMPARE(cell(0), QString::fromStdString(name).remove(QStringLiteral("CodeDeployDefault.")));
            const long long d = expected.durationSeconds();
            const QString clock = QStringLiteral("%1:%2").arg(d / 60).arg(d % 60, 2, 10, QLatin1Char('0'));
            QCOMPARE(item(QStringLiteral("comparisonResult-%1").arg(row))->property("text").toString(),
                     QString::fromStdString(resultName(expected.result)) + QStringLiteral(" · ") + clock);
            QCOMPARE(cell(1), clock);
            QCOMPARE(cell(2), QString::number(expected.metrics.minHealthyPercent, 'f', 0) + QStringLiteral(" %"));
            QCOMPARE(cell(3), QString::number(expected.metrics.peakInstances));
            QCOMPARE(cell(4), QString::number(expected.metrics.instanceMinutes.original + expected.metrics.instanceMinutes.replacement, 'f', 1));
            QCOMPARE(cell(5), QString::number(expected.metrics.extraInstanceMinutes, 'f', 1));
            // The example's fleet is t3.small, in the price table: the cost is the engine's.
            QVERIFY(expected.metrics.estimatedCostUsd && expected.metrics.extraCostUsd);
            const auto money = [](double usd) { return QStringLiteral("$") + QString::number(usd, 'f', usd < 1 ? 3 : 2); };
            QCOMPARE(cell(6), money(*expected.metrics.estimatedCostUsd));
            QCOMPARE(cell(7), money(*expected.metrics.extraCostUsd));
        }
        QVERIFY(!item(QStringLiteral("comparisonPriceNote"))->isVisible());

        // A failure injected in the tab reaches every run, and the table shows its reach.
        QCOMPARE(rehearsal()->addFailure(QStringLiteral("instance:1")), QString());
        for (int row = 0; row < 2; ++row) {
            const auto &metrics = comparison->timeline(row)->metrics;
            QQuickItem *label = item(QStringLiteral("comparisonCell-%1-8").arg(row));
            QVERIFY(label);
            if (metrics.failingVersionRequestPercent)
                QTRY_COMPARE(label->property("text").toString(),
                             QString::number(*metrics.failingVersionRequestPercent, 'f', 2) + QStringLiteral(" %"));
        }
        click(item(QStringLiteral("comparisonClose")));
        QTRY_VERIFY(comparison->strategies().isEmpty());
        QTRY_VERIFY(item(QStringLiteral("rolloutTrafficChart"))->isVisible());
    }
};

QTEST_MAIN(TestRehearsalWindow)
#include "tst_rehearsalwindow.moc"
