// Findings in the real window, offscreen: each finding of the selected resource on the
// inspector row it points at (resource-level ones at the top), its fix as one undo step, the
// rule's explanation one click away (inspector and Problems tab), and a click in the Problems
// tab selecting the card and focusing the property.

#include "windowfixture.h"

#include "model/rules/ruleregistry.h"

#include <QCoreApplication>
#include <functional>
#include <QFile>
#include <QQmlProperty>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using namespace Qt::StringLiterals;
using sc::test::WindowFixture;
using sc::test::findItem;

namespace {

// W5001 on Table's DeletionPolicy (with a fix), E7006 deep in Group's hook list, and on Hook both
// a resource-level W7007 (it points at Properties, which has no row) and E7006 on a property.
const char *const kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Delete
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: id
          AttributeType: S
      KeySchema:
        - AttributeName: id
          KeyType: HASH
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "2"
      AvailabilityZones: [us-east-1a, us-east-1b]
      LaunchTemplate:
        LaunchTemplateId: lt-0123456789abcdef0
        Version: "1"
      LifecycleHookSpecificationList:
        - LifecycleHookName: drain
          LifecycleTransition: autoscaling:EC2_INSTANCE_TERMINATING
          HeartbeatTimeout: 10
          DefaultResult: CONTINUE
  Hook:
    Type: AWS::AutoScaling::LifecycleHook
    Properties:
      AutoScalingGroupName: !Ref Group
      LifecycleTransition: autoscaling:EC2_INSTANCE_LAUNCHING
      HeartbeatTimeout: 9000
)";

const QString kHookList = QStringLiteral("/Resources/Group/Properties/LifecycleHookSpecificationList");

} // namespace

class TestFindings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_files;
    std::unique_ptr<WindowFixture> m_f;

    InspectorModel *inspector() const { return m_f->controller->inspector(); }

    void select(const QString &logicalId)
    {
        m_f->controller->canvas()->select(logicalId);
        QCOMPARE(inspector()->logicalId(), logicalId);
    }
    // Every finding the inspector shows, as "rowPointer=ruleId" ("=ruleId" at the top), in row order.
    QStringList shownFindings() const
    {
        QStringList shown;
        for (const QVariant &f : inspector()->resourceFindings())
            shown << QLatin1Char('=') + f.toMap().value(QStringLiteral("ruleId")).toString();
        for (int row = 0; row < inspector()->rowCount(); ++row) {
            const QModelIndex at = inspector()->index(row);
            for (const QVariant &f : at.data(InspectorModel::FindingsRole).toList())
                shown << at.data(InspectorModel::PointerRole).toString() + QLatin1Char('=')
                        + f.toMap().value(QStringLiteral("ruleId")).toString();
        }
        return shown;
    }
    // The delegate of an inspector row, scrolled into view.
    QQuickItem *rowItem(const QString &pointer)
    {
        auto *list = m_f->find(QStringLiteral("inspectorRows"));
        const int row = inspector()->rowOf(pointer);
        if (!list || row < 0)
            return nullptr;
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 1 /* Center */));
        QCoreApplication::processEvents();
        return findItem(m_f->window->contentItem(), QStringLiteral("row:") + pointer);
    }
    void click(QQuickItem *item, qreal x = -1)
    {
        QVERIFY(item);
        QVERIFY(item->isVisible());
        const QPointF at = item->mapToScene(QPointF(x < 0 ? item->width() / 2 : x, item->height() / 2));
        QTest::mouseClick(m_f->window, Qt::LeftButton, Qt::NoModifier, at.toPoint());
    }
    static QString explanationOf(const char *ruleId)
    {
        const Rule *rule = RuleRegistry::instance().find(ruleId);
        return rule ? QString::fromStdString(rule->explanation) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        sc::test::isolateSettings(m_files);
    }
    void init()
    {
        m_f = std::make_unique<WindowFixture>();
        QVERIFY(m_f->load());
        const QString path = m_files.filePath(QStringLiteral("findings.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kTemplate);
        file.close();
        QCOMPARE(m_f->controller->openFile(path), QString());
        m_f->controller->problems()->refresh();
    }
    void cleanup() { m_f.reset(); }

    void findingsOnTheirRows_data()
    {
        QTest::addColumn<QString>("logicalId");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("attribute") << u"Table"_s << QStringList{u"/Resources/Table/DeletionPolicy=W5001"_s};
        QTest::newRow("inside a list item") << u"Group"_s << QStringList{kHookList + u"/0/HeartbeatTimeout=E7006"_s};
        QTest::newRow("resource level and property")
            << u"Hook"_s << QStringList{u"=W7007"_s, u"/Resources/Hook/Properties/HeartbeatTimeout=E7006"_s};
    }
    void findingsOnTheirRows()
    {
        QFETCH(QString, logicalId);
        QFETCH(QStringList, expected);
        select(logicalId);
        QCOMPARE(shownFindings(), expected);
        // And the delegates show them: the property's on its row, the resource's at the top.
        for (const QString &entry : expected) {
            const QString pointer = entry.section(QLatin1Char('='), 0, 0);
            const QString name = QStringLiteral("finding:") + entry.section(QLatin1Char('='), 1);
            QQuickItem *container = pointer.isEmpty() ? m_f->find(QStringLiteral("resourceFindings")) : rowItem(pointer);
            QVERIFY2(container, qPrintable(entry));
            QQuickItem *note = findItem(container, name);
            QVERIFY2(note && note->isVisible(), qPrintable(entry));
        }
    }

    void collapsedValueCarriesTheFindingsBelowIt()
    {
        select(QStringLiteral("Group"));
        inspector()->toggle(inspector()->rowOf(kHookList));
        QCOMPARE(shownFindings(), QStringList{kHookList + u"=E7006"_s});
        // Revealing the finding opens the list again and focuses the row it points at.
        const QString pointer = kHookList + u"/0/HeartbeatTimeout"_s;
        const int revealed = inspector()->reveal(QStringLiteral("Group"), pointer);
        QVERIFY(revealed >= 0);
        QCOMPARE(revealed, inspector()->rowOf(pointer));
        QCOMPARE(inspector()->focusedRow(), revealed);
        QCOMPARE(shownFindings(), QStringList{pointer + u"=E7006"_s});
    }

    void fixFromInspectorIsOneUndoStep()
    {
        select(QStringLiteral("Table"));
        const std::string before = m_f->document.root().dump();
        const int steps = m_f->document.undoStack()->count();
        QQuickItem *row = rowItem(QStringLiteral("/Resources/Table/DeletionPolicy"));
        QVERIFY(row);
        QQuickItem *fix = findItem(findItem(row, QStringLiteral("finding:W5001")), QStringLiteral("fixButton"));
        QVERIFY(fix);
        QCOMPARE(fix->property("text").toString(), QStringLiteral("Retain Table on deletion and replacement"));
        click(fix);

        Json expected = Json::parse(before);
        expected["Resources"]["Table"]["DeletionPolicy"] = "Retain";
        QCOMPARE(m_f->document.root().dump(), expected.dump());
        QCOMPARE(m_f->document.undoStack()->count(), steps + 1);
        QVERIFY(m_f->document.checkConsistency().empty());
        QCOMPARE(shownFindings(), QStringList{});

        m_f->controller->undo();
        QCOMPARE(m_f->document.root().dump(), before);
        m_f->controller->problems()->refresh();
        QCOMPARE(shownFindings(), QStringList{u"/Resources/Table/DeletionPolicy=W5001"_s});
        m_f->controller->redo();
        QCOMPARE(m_f->document.root().dump(), expected.dump());
    }

    void explanationOneClickAwayInInspector()
    {
        select(QStringLiteral("Hook"));
        QQuickItem *note = findItem(rowItem(QStringLiteral("/Resources/Hook/Properties/HeartbeatTimeout")),
                                    QStringLiteral("finding:E7006"));
        QVERIFY(note);
        QQuickItem *explanation = findItem(note, QStringLiteral("explanation"));
        QVERIFY(explanation);
        QVERIFY(!explanation->isVisible());
        click(findItem(note, QStringLiteral("explainButton")));
        QTRY_VERIFY(explanation->isVisible());
        QQuickItem *text = findItem(note, QStringLiteral("explanationText"));
        QVERIFY(text);
        QVERIFY(!explanationOf("E7006").isEmpty());
        QCOMPARE(text->property("text").toString(), explanationOf("E7006"));
    }

    void problemsTabSelectsCardAndFocusesProperty()
    {
        QQmlProperty::write(m_f->find<QObject>(QStringLiteral("bottomTabs")), QStringLiteral("currentIndex"), 1);
        select(QStringLiteral("Table"));
        // A hidden inspector comes back for the finding.
        QQuickItem *inspectorPanel = m_f->find(QStringLiteral("inspector"));
        QVERIFY(inspectorPanel);
        inspectorPanel->setVisible(false);
        QQuickItem *problem = nullptr;
        QTRY_VERIFY((problem = findItem(m_f->window->contentItem(), QStringLiteral("problem:E7006:Hook"))));
        click(problem, 120); // on the logical ID, clear of the buttons
        QCOMPARE(m_f->controller->canvas()->currentId(), QStringLiteral("Hook"));
        QVERIFY(inspectorPanel->isVisible());
        const QString pointer = QStringLiteral("/Resources/Hook/Properties/HeartbeatTimeout");
        QCOMPARE(inspector()->focusedRow(), inspector()->rowOf(pointer));
        QQuickItem *row = findItem(m_f->window->contentItem(), QStringLiteral("row:") + pointer);
        QVERIFY(row);
        QQuickItem *field = findItem(row, QStringLiteral("textField"));
        QVERIFY(field);
        QTRY_VERIFY(field->hasActiveFocus());

        // The rule's explanation is one click away there too.
        QQuickItem *explanation = findItem(problem, QStringLiteral("explanation"));
        QVERIFY(explanation && !explanation->isVisible());
        click(findItem(problem, QStringLiteral("explainButton")));
        QTRY_VERIFY(explanation->isVisible());
        QCOMPARE(findItem(problem, QStringLiteral("explanationText"))->property("text").toString(), explanationOf("E7006"));
        // Expanding the explanation did not select anything else.
        QCOMPARE(m_f->controller->canvas()->currentId(), QStringLiteral("Hook"));
    }

    // A deployment group's automatic rollback switched off and on again in the inspector: the
    // finding about it comes and goes in the inspector, the Problems tab and the card's badge.
    void findingFollowsAnInspectorSwitch()
    {
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, QStringLiteral("lambda-canary"))));
        QTRY_VERIFY(m_f->document.resourceType("DeploymentGroup") == "AWS::CodeDeploy::DeploymentGroup");
        m_f->controller->problems()->refresh();
        const QString enabled = QStringLiteral("/Resources/DeploymentGroup/Properties/AutoRollbackConfiguration/Enabled");
        const auto problemsAbout = [&](const char *ruleId) {
            QStringList messages;
            ProblemModel *problems = m_f->controller->problems();
            for (int row = 0; row < problems->rowCount(); ++row) {
                const QModelIndex at = problems->index(row);
                if (at.data(ProblemModel::RuleIdRole).toString() == QLatin1String(ruleId))
                    messages << at.data(ProblemModel::MessageRole).toString();
            }
            return messages;
        };
        const auto badge = [&] {
            QQuickItem *card = m_f->item(QStringLiteral("card-DeploymentGroup"));
            return card ? card->property("severity").toString() : QStringLiteral("no card");
        };
        select(QStringLiteral("DeploymentGroup"));
        QVERIFY(problemsAbout("W4011").isEmpty());
        const QString before = badge();

        // The user clicks the row's switch.
        const auto clickSwitch = [&] {
            QQuickItem *row = rowItem(enabled);
            QVERIFY(row);
            QQuickItem *toggle = findItem(row, QStringLiteral("boolSwitch"));
            QVERIFY(toggle);
            click(toggle);
        };
        clickSwitch();
        QTRY_COMPARE(problemsAbout("W4011").size(), 1);
        QVERIFY(problemsAbout("W4011").front().contains(QStringLiteral("automatic rollback is off")));
        QTRY_VERIFY(shownFindings().join(QLatin1Char(' ')).contains(QStringLiteral("W4011")));
        QTRY_COMPARE(badge(), QStringLiteral("warning"));

        clickSwitch();
        QTRY_VERIFY(problemsAbout("W4011").isEmpty());
        QTRY_VERIFY2(!shownFindings().join(QLatin1Char(' ')).contains(QStringLiteral("W4011")),
                     qPrintable(shownFindings().join(QLatin1Char(' '))));
        QTRY_COMPARE(badge(), before);
        // What the inspector draws, not only its model: no note of the rule is left on screen.
        QStringList texts;
        std::function<void(QQuickItem *)> collect = [&](QQuickItem *item) {
            if (item->isVisible() && item->inherits("QQuickText"))
                texts << item->property("text").toString();
            for (QQuickItem *child : item->childItems())
                collect(child);
        };
        collect(m_f->window->contentItem());
        QVERIFY2(!texts.join(QLatin1Char('\n')).contains(QStringLiteral("automatic rollback is off")),
                 qPrintable(texts.filter(QStringLiteral("rollback")).join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestFindings)
#include "tst_findings.moc"
