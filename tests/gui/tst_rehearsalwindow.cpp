// The rollout rehearsal in the real window (offscreen): started from a card, played, stepped
// and scrubbed with the tab's controls, the fleet's tiles on the canvas equal to the engine's
// sample, an alarm that rolls the deployment back, and the saved scenario after save and reopen.

#include "app/gui/rehearsalcontroller.h"
#include "model/document/documentio.h"
#include "windowfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace sc;

namespace {

const char *kInPlace = SC_SOURCE_DIR "/examples/codedeploy-inplace-asg/template.yaml";
const char *kLambda = SC_SOURCE_DIR "/examples/lambda-canary/template.yaml";

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
};

QTEST_MAIN(TestRehearsalWindow)
#include "tst_rehearsalwindow.moc"
