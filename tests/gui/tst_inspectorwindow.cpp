// The inspector in the real window, offscreen, along users' paths: intrinsic functions shown
// and edited in their YAML short form; UpdatePolicy and CreationPolicy added, edited, undone,
// saved and reopened.

#include "windowfixture.h"

#include "app/gui/canvascontroller.h"
#include "app/examples/examples.h"
#include "app/gui/inspectormodel.h"
#include "model/document/documentio.h"
#include "model/template/templatereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QQmlProperty>
#include <QSet>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using sc::test::findItem;
using sc::test::WindowFixture;

namespace {

QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// A text the user cannot read whole: elided, or wider than the room it has without wrapping.
QString cutOffText(QQuickItem *item)
{
    const QString text = item->property("text").toString();
    if (text.isEmpty())
        return {};
    if (item->inherits("QQuickText")) {
        if (item->property("truncated").toBool())
            return QStringLiteral("'%1' is elided").arg(text);
        const bool wraps = item->property("wrapMode").toInt() != 0;
        if (!wraps && item->implicitWidth() > item->width() + 0.5)
            return QStringLiteral("'%1' needs %2 px and has %3 px").arg(text).arg(item->implicitWidth()).arg(item->width());
    }
    return {};
}

// The closed text of a drop-down: its content item shows displayText (a Text or a read-only
// TextField, depending on the style); what does not fit is scrolled away or clipped.
QString cutOffDropDown(QQuickItem *combo)
{
    auto *content = qvariant_cast<QQuickItem *>(combo->property("contentItem"));
    const QString shown = combo->property("displayText").toString();
    if (!content || shown.isEmpty())
        return {};
    const qreal room = content->width() - content->property("leftPadding").toReal()
        - content->property("rightPadding").toReal();
    const qreal needed = content->property("contentWidth").toReal();
    if (needed > room + 0.5)
        return QStringLiteral("drop-down shows '%1' in %2 px, needs %3 px").arg(shown).arg(room).arg(needed);
    return cutOffText(content);
}

// Every visible text and drop-down under `root` that is cut off; drop-downs are also collected.
// Items under `skip` are left out.
void collectCutOff(QQuickItem *root, QStringList &out, QList<QQuickItem *> *combos = nullptr, QQuickItem *skip = nullptr)
{
    if (!root || root == skip || !root->isVisible() || root->opacity() == 0)
        return;
    if (root->inherits("QQuickComboBox")) {
        if (const QString cut = cutOffDropDown(root); !cut.isEmpty())
            out << cut;
        if (combos)
            combos->append(root);
        return; // its own texts are the closed text, checked above
    }
    if (const QString cut = cutOffText(root); !cut.isEmpty())
        out << cut;
    for (QQuickItem *child : root->childItems())
        collectCutOff(child, out, combos, skip);
}

QStringList entriesOf(QQuickItem *combo)
{
    QStringList entries;
    const int count = combo->property("count").toInt();
    for (int i = 0; i < count; ++i) {
        QString text;
        QMetaObject::invokeMethod(combo, "textAt", Q_RETURN_ARG(QString, text), Q_ARG(int, i));
        entries << text;
    }
    return entries;
}

} // namespace

class TestInspectorWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_files;
    std::unique_ptr<WindowFixture> m_f;

    InspectorModel *inspector() const { return m_f->controller->inspector(); }
    QUndoStack *stack() const { return m_f->document.undoStack(); }

    void settle()
    {
        QTest::qWait(20);
        QCoreApplication::processEvents();
        // Delegates made by a scroll lay themselves out at the next polish.
        QVERIFY(QQuickTest::qWaitForPolish(m_f->window));
    }
    // After a scroll: the new delegates laid out, without waiting for anything else.
    void relayout()
    {
        QCoreApplication::processEvents();
        QVERIFY(QQuickTest::qWaitForPolish(m_f->window));
    }
    void select(const QString &id)
    {
        m_f->controller->canvas()->select(id);
        settle();
        QCOMPARE(inspector()->logicalId(), id);
    }
    // The delegate of an inspector row, scrolled into view.
    QQuickItem *rowItem(const QString &pointer)
    {
        auto *list = m_f->item(QStringLiteral("inspectorRows"));
        const int row = inspector()->rowOf(pointer);
        if (!list || row < 0)
            return nullptr;
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row), Q_ARG(int, 1 /* Center */));
        settle();
        return findItem(m_f->window->contentItem(), QStringLiteral("row:") + pointer);
    }
    QString shown(const QString &pointer)
    {
        return inspector()->data(inspector()->index(inspector()->rowOf(pointer)), InspectorModel::ValueRole).toString();
    }
    // Clicks the row's "+ Set" button.
    void setByClick(const QString &pointer)
    {
        QQuickItem *row = rowItem(pointer);
        QVERIFY2(row, qPrintable(pointer));
        QQuickItem *button = findItem(row, QStringLiteral("addButton"));
        QVERIFY2(button && button->isVisible(), qPrintable(pointer + QStringLiteral(": no + Set")));
        m_f->click(button);
        settle();
    }
    // Clicks into the row's text field, selects everything, types `text` and presses Enter.
    void typeInto(const QString &pointer, const QString &fieldName, const QString &text)
    {
        QQuickItem *row = rowItem(pointer);
        QVERIFY2(row, qPrintable(pointer));
        QQuickItem *field = findItem(row, fieldName);
        QVERIFY2(field, qPrintable(pointer + QStringLiteral(": no ") + fieldName));
        m_f->click(field);
        QTRY_VERIFY(field->hasActiveFocus());
        QTest::keyClick(m_f->window, Qt::Key_A, Qt::ControlModifier);
        for (const QChar c : text)
            QTest::keyClick(m_f->window, c.toLatin1());
        QTest::keyClick(m_f->window, Qt::Key_Return);
        settle();
    }
    bool openExample(const QString &id)
    {
        if (!QMetaObject::invokeMethod(m_f->window, "openExample", Q_ARG(QVariant, id)))
            return false;
        settle();
        return !m_f->document.resourceIds().empty();
    }
    bool rowHasFinding(const QString &pointer, const QString &text)
    {
        const QVariantList findings =
            inspector()->data(inspector()->index(inspector()->rowOf(pointer)), InspectorModel::FindingsRole).toList();
        return std::any_of(findings.begin(), findings.end(), [&](const QVariant &f) {
            return f.toMap().value(QStringLiteral("message")).toString().contains(text);
        });
    }

    // Opens a drop-down's list and walks every entry (scrolling the list), then closes it. A list
    // already walked at the same width is not walked again.
    void checkDropDownList(QQuickItem *combo, QSet<QString> &walked, QStringList &cut)
    {
        const QStringList entries = entriesOf(combo);
        const QString key = entries.join(QLatin1Char('\n')) + QLatin1Char('@') + QString::number(combo->width());
        if (entries.isEmpty() || walked.contains(key))
            return;
        walked.insert(key);
        auto *popup = qvariant_cast<QObject *>(combo->property("popup"));
        QVERIFY(popup);
        QMetaObject::invokeMethod(popup, "open");
        QVERIFY(QTest::qWaitFor([&] { return popup->property("opened").toBool(); }));
        auto *list = qvariant_cast<QQuickItem *>(popup->property("contentItem"));
        QVERIFY(list);
        // The list stays inside the window.
        const QPointF topLeft = list->mapToScene(QPointF(0, 0));
        if (topLeft.x() < -0.5 || topLeft.x() + list->width() > m_f->window->width() + 0.5)
            cut << QStringLiteral("the list of '%1' leaves the window (x %2, width %3)")
                       .arg(entries.front())
                       .arg(topLeft.x())
                       .arg(list->width());
        QMetaObject::invokeMethod(list, "positionViewAtBeginning");
        relayout();
        for (;;) {
            collectCutOff(list, cut);
            const qreal y = list->property("contentY").toReal();
            const qreal end = list->property("originY").toReal() + list->property("contentHeight").toReal() - list->height();
            if (y >= end - 0.5)
                break;
            list->setProperty("contentY", std::min(end, y + list->height() * 0.8));
            relayout();
        }
        QMetaObject::invokeMethod(popup, "close");
        QVERIFY(QTest::qWaitFor([&] { return !popup->property("visible").toBool(); }));
    }
    // Walks the inspector from its first row to its last: every text, every drop-down closed and
    // with its list open.
    QStringList cutOffInInspector(QSet<QString> &walkedLists)
    {
        QStringList cut;
        QQuickItem *panel = m_f->item(QStringLiteral("inspector"));
        QQuickItem *rows = m_f->item(QStringLiteral("inspectorRows"));
        if (!panel || !rows)
            return {QStringLiteral("no inspector")};
        QMetaObject::invokeMethod(rows, "positionViewAtBeginning");
        relayout();
        QQuickItem *rowsContent = qvariant_cast<QQuickItem *>(rows->property("contentItem"));
        for (;;) {
            QList<QQuickItem *> combos;
            // The rows the list shows (a delegate it let go of may linger, hidden, until deleted).
            collectCutOff(panel, cut, &combos, rowsContent);
            for (int i = 0; i < inspector()->rowCount(); ++i) {
                QQuickItem *row = nullptr;
                QMetaObject::invokeMethod(rows, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, row), Q_ARG(int, i));
                collectCutOff(row, cut, &combos);
            }
            for (QQuickItem *combo : std::as_const(combos)) {
                checkDropDownList(combo, walkedLists, cut);
                if (QTest::currentTestFailed())
                    return cut;
            }
            const qreal y = rows->property("contentY").toReal();
            const qreal end = rows->property("originY").toReal() + rows->property("contentHeight").toReal() - rows->height();
            if (y >= end - 0.5)
                break;
            rows->setProperty("contentY", std::min(end, y + rows->height() * 0.8));
            relayout();
        }
        cut.removeDuplicates();
        return cut;
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
        QVERIFY(m_f->load(false, QSize(1600, 1000)));
    }
    void cleanup() { m_f.reset(); }

    // Every intrinsic function a template may hold is shown in its short form and reads back to
    // the same value when that text is typed in; Ref, GetAtt and Sub keep their own pickers.
    void everyIntrinsicReadableAndEditable_data()
    {
        QTest::addColumn<QString>("yaml");  // the value as written in the file
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("text");  // what the inspector shows
        const int intrinsic = int(InspectorModel::Kind::Intrinsic);
        QTest::newRow("Ref") << "!Ref Topic" << int(InspectorModel::Kind::Ref) << "";
        QTest::newRow("GetAtt") << "!GetAtt Topic.TopicName" << int(InspectorModel::Kind::GetAtt) << "";
        QTest::newRow("Sub") << "!Sub '${AWS::StackName}-orders'" << int(InspectorModel::Kind::Sub)
                             << "${AWS::StackName}-orders";
        QTest::newRow("GetAZs") << "!GetAZs ''" << intrinsic << "!GetAZs ''";
        QTest::newRow("Select") << "!Select [0, !GetAZs '']" << intrinsic << "!Select [0, !GetAZs '']";
        QTest::newRow("Join") << "!Join ['-', [!Ref AWS::StackName, orders]]" << intrinsic
                              << "!Join [\"-\", [!Ref AWS::StackName, orders]]";
        QTest::newRow("If") << "!If [IsProd, big, small]" << intrinsic << "!If [IsProd, big, small]";
        QTest::newRow("ImportValue") << "!ImportValue SharedQueue" << intrinsic << "!ImportValue SharedQueue";
        QTest::newRow("FindInMap") << "!FindInMap [Names, !Ref AWS::Region, queue]" << intrinsic
                                   << "!FindInMap [Names, !Ref AWS::Region, queue]";
        QTest::newRow("Base64") << "!Base64 hello" << intrinsic << "!Base64 hello";
        QTest::newRow("Split") << "!Select [1, !Split [',', 'a,b']]" << intrinsic << "!Select [1, !Split [\",\", \"a,b\"]]";
        QTest::newRow("Cidr") << "!Select [0, !Cidr [10.0.0.0/16, 4, 8]]" << intrinsic
                              << "!Select [0, !Cidr [10.0.0.0/16, 4, 8]]";
        QTest::newRow("Length") << "!Length [a, b]" << intrinsic << "!Length [a, b]";
        QTest::newRow("ToJsonString") << "!ToJsonString {a: b}" << intrinsic << "!ToJsonString {a: b}";
        QTest::newRow("Condition") << "!If [!Condition IsProd, a, b]" << intrinsic << "!If [!Condition IsProd, a, b]";
    }
    void everyIntrinsicReadableAndEditable()
    {
        QFETCH(QString, yaml);
        QFETCH(int, kind);
        QFETCH(QString, text);
        const QByteArray source = "Conditions:\n  IsProd: !Equals [a, a]\nMappings:\n  Names:\n    us-east-1:\n"
                                  "      queue: q\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n"
                                  "  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "
            + yaml.toUtf8() + "\n";
        QCOMPARE(m_f->controller->openFile(writeFile(m_files.path(), QStringLiteral("i.yaml"), source)), QString());
        select(QStringLiteral("Queue"));
        const QString pointer = QStringLiteral("/Resources/Queue/Properties/QueueName");
        const int row = inspector()->rowOf(pointer);
        QVERIFY(row >= 0);
        QCOMPARE(inspector()->data(inspector()->index(row), InspectorModel::KindRole).toInt(), kind);
        if (!text.isEmpty())
            QCOMPARE(shown(pointer), text);
        if (kind != int(InspectorModel::Kind::Intrinsic))
            return;
        // The shown text, typed in, is the same value; an edited one is one undo step.
        const Json before = m_f->document.root();
        const int steps = stack()->count();
        QVERIFY2(inspector()->setText(row, text), qPrintable(inspector()->lastError()));
        QCOMPARE(m_f->document.root().dump(), before.dump());
        QCOMPARE(stack()->count(), steps);
        QVERIFY2(inspector()->setText(row, QStringLiteral("!Join ['', [") + text + QStringLiteral(", x]]")),
                 qPrintable(inspector()->lastError()));
        QCOMPARE(stack()->count(), steps + 1);
        QCOMPARE(m_f->document.root()["Resources"]["Queue"]["Properties"]["QueueName"]["Fn::Join"][1][0].dump(),
                 before["Resources"]["Queue"]["Properties"]["QueueName"].dump());
        m_f->controller->undo();
        QCOMPARE(m_f->document.root().dump(), before.dump());
    }

    // The user's path: a subnet's zone, !Select [0, !GetAZs ''], is changed to the second zone
    // in the field; bad text is refused with where it went wrong and leaves the document alone.
    void editIntrinsicInTheField()
    {
        QVERIFY(openExample(QStringLiteral("cdk-fargate-service")));
        select(QStringLiteral("PublicSubnet1"));
        const QString pointer = QStringLiteral("/Resources/PublicSubnet1/Properties/AvailabilityZone");
        QCOMPARE(shown(pointer), QStringLiteral("!Select [0, !GetAZs '']"));
        QQuickItem *row = rowItem(pointer);
        QVERIFY(row);
        QQuickItem *field = findItem(row, QStringLiteral("jsonField"));
        QVERIFY(field);
        QCOMPARE(field->property("text").toString(), QStringLiteral("!Select [0, !GetAZs '']"));

        const Json before = m_f->document.root();
        const int steps = stack()->count();
        typeInto(pointer, QStringLiteral("jsonField"), QStringLiteral("!Select [1, !GetAZs '']"));
        const Json &value = m_f->document.root()["Resources"]["PublicSubnet1"]["Properties"]["AvailabilityZone"];
        QCOMPARE(value["Fn::Select"][1].dump(), std::string(R"({"Fn::GetAZs":""})"));
        QVERIFY(value["Fn::Select"][0] == Json(1) || value["Fn::Select"][0] == Json("1"));
        QCOMPARE(stack()->count(), steps + 1);
        QCOMPARE(shown(pointer), QStringLiteral("!Select [1, !GetAZs '']"));

        // Bad text: an unclosed list.
        const Json edited = m_f->document.root();
        typeInto(pointer, QStringLiteral("jsonField"), QStringLiteral("!Select [1, !GetAZs ''"));
        QVERIFY2(inspector()->lastError().startsWith(QStringLiteral("column ")), qPrintable(inspector()->lastError()));
        QCOMPARE(m_f->document.root().dump(), edited.dump());
        QCOMPARE(stack()->count(), steps + 1);

        m_f->controller->undo();
        QCOMPARE(m_f->document.root().dump(), before.dump());
    }

    // Each policy is offered only where CloudFormation takes it, with its own settings.
    void policiesOnlyWhereAccepted()
    {
        const QByteArray source = "Resources:\n"
                                  "  Group:\n    Type: AWS::AutoScaling::AutoScalingGroup\n"
                                  "    Properties: {MinSize: '1', MaxSize: '2'}\n"
                                  "  Server:\n    Type: AWS::EC2::Instance\n"
                                  "  Topic:\n    Type: AWS::SNS::Topic\n";
        QCOMPARE(m_f->controller->openFile(writeFile(m_files.path(), QStringLiteral("p.yaml"), source)), QString());
        select(QStringLiteral("Group"));
        QVERIFY(inspector()->rowOf(QStringLiteral("/Resources/Group/UpdatePolicy")) >= 0);
        QVERIFY(inspector()->rowOf(QStringLiteral("/Resources/Group/CreationPolicy")) >= 0);
        select(QStringLiteral("Server"));
        QCOMPARE(inspector()->rowOf(QStringLiteral("/Resources/Server/UpdatePolicy")), -1);
        const int creation = inspector()->rowOf(QStringLiteral("/Resources/Server/CreationPolicy"));
        QVERIFY(creation >= 0);
        QVERIFY(inspector()->add(creation));
        QVERIFY(inspector()->rowOf(QStringLiteral("/Resources/Server/CreationPolicy/ResourceSignal")) >= 0);
        QCOMPARE(inspector()->rowOf(QStringLiteral("/Resources/Server/CreationPolicy/AutoScalingCreationPolicy")), -1);
        QVERIFY(inspector()->add(inspector()->rowOf(QStringLiteral("/Resources/Server/CreationPolicy/ResourceSignal"))));
        QVERIFY(inspector()->add(inspector()->rowOf(QStringLiteral("/Resources/Server/CreationPolicy/ResourceSignal/Timeout"))));
        QCOMPARE(m_f->document.root()["Resources"]["Server"]["CreationPolicy"].dump(),
                 std::string(R"({"ResourceSignal":{"Timeout":"PT5M"}})"));
        select(QStringLiteral("Topic"));
        QCOMPARE(inspector()->rowOf(QStringLiteral("/Resources/Topic/UpdatePolicy")), -1);
        QCOMPARE(inspector()->rowOf(QStringLiteral("/Resources/Topic/CreationPolicy")), -1);

        // The Lambda alias example: its CodeDeploy update policy, readable and editable.
        QVERIFY(openExample(QStringLiteral("lambda-canary")));
        select(QStringLiteral("LiveAlias"));
        const QString app = QStringLiteral("/Resources/LiveAlias/UpdatePolicy/CodeDeployLambdaAliasUpdate/ApplicationName");
        QCOMPARE(inspector()->data(inspector()->index(inspector()->rowOf(app)), InspectorModel::KindRole).toInt(),
                 int(InspectorModel::Kind::Ref));
        QCOMPARE(inspector()->data(inspector()->index(inspector()->rowOf(app)), InspectorModel::TargetRole).toString(),
                 QStringLiteral("CodeDeployApplication"));
        QVERIFY(inspector()->data(inspector()->index(inspector()->rowOf(app)), InspectorModel::RequiredRole).toBool());
        const int hook = inspector()->rowOf(QStringLiteral("/Resources/LiveAlias/UpdatePolicy/CodeDeployLambdaAliasUpdate/AfterAllowTrafficHook"));
        QVERIFY(inspector()->remove(hook));
        QVERIFY(!m_f->document.root()["Resources"]["LiveAlias"]["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"].contains(
            "AfterAllowTrafficHook"));
        m_f->controller->undo();
        QVERIFY(m_f->document.root()["Resources"]["LiveAlias"]["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"].contains(
            "AfterAllowTrafficHook"));
    }

    // The user's path: open the Auto Scaling example, select the group, add a rolling update,
    // set MaxBatchSize (a finding follows a bad value), undo, save, reopen, see the value.
    void rollingUpdateFromTheInspector()
    {
        QVERIFY(openExample(QStringLiteral("codedeploy-inplace-asg")));
        select(QStringLiteral("AutoScalingGroup"));
        const QString base = QStringLiteral("/Resources/AutoScalingGroup/UpdatePolicy");
        const QString rolling = base + QStringLiteral("/AutoScalingRollingUpdate");
        const QString batch = rolling + QStringLiteral("/MaxBatchSize");
        const int steps = stack()->count();
        setByClick(base);
        setByClick(rolling);
        for (const char *setting : {"MinInstancesInService", "MinSuccessfulInstancesPercent", "PauseTime",
                                    "SuspendProcesses", "WaitOnResourceSignals"})
            QVERIFY2(inspector()->rowOf(rolling + QLatin1Char('/') + QLatin1String(setting)) >= 0, setting);
        typeInto(batch, QStringLiteral("textField"), QStringLiteral("1"));
        QCOMPARE(stack()->count(), steps + 3);
        QCOMPARE(m_f->document.root()["Resources"]["AutoScalingGroup"]["UpdatePolicy"].dump(),
                 std::string(R"({"AutoScalingRollingUpdate":{"MaxBatchSize":1}})"));

        // A value the rules refuse: the finding shows on the row at once, and leaves with the fix.
        typeInto(batch, QStringLiteral("textField"), QStringLiteral("0"));
        QTRY_VERIFY(rowHasFinding(batch, QStringLiteral("MaxBatchSize must be at least 1")));
        typeInto(batch, QStringLiteral("textField"), QStringLiteral("2"));
        QTRY_VERIFY(!rowHasFinding(batch, QStringLiteral("MaxBatchSize must be at least 1")));
        QCOMPARE(m_f->document.root()["Resources"]["AutoScalingGroup"]["UpdatePolicy"]["AutoScalingRollingUpdate"]
                                     ["MaxBatchSize"].dump(), std::string("2"));
        // Everything typed while the field kept the keyboard is one undo step.
        m_f->controller->undo();
        QCOMPARE(shown(batch), QString());
        m_f->controller->redo();
        QCOMPARE(shown(batch), QStringLiteral("2"));

        const QString target = m_files.path() + QStringLiteral("/asg.yaml");
        QCOMPARE(m_f->controller->saveAs(target), QString());
        QCOMPARE(m_f->controller->openFile(target), QString());
        select(QStringLiteral("AutoScalingGroup"));
        QQuickItem *row = rowItem(batch);
        QVERIFY(row);
        QQuickItem *field = findItem(row, QStringLiteral("textField"));
        QVERIFY(field);
        QCOMPARE(field->property("text").toString(), QStringLiteral("2"));
    }

    // The update policies of ElastiCache, OpenSearch (and legacy Elasticsearch) and AppStream,
    // along the user's path: "+ Set" adds the policy switched on, the switch turns it off, the ×
    // removes it, each one undo step; undo, redo, save, reopen, and the value is there.
    void switchPolicies_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("added");   // the policy "+ Set" writes, as JSON
        QTest::addColumn<QString>("setting"); // the switch, under UpdatePolicy
        QTest::addColumn<QString>("off");     // the policy once that switch is off
        QTest::newRow("ElastiCache") << "AWS::ElastiCache::ReplicationGroup" << R"({"UseOnlineResharding":true})"
                                     << "UseOnlineResharding" << R"({"UseOnlineResharding":false})";
        QTest::newRow("OpenSearch") << "AWS::OpenSearchService::Domain" << R"({"EnableVersionUpgrade":true})"
                                    << "EnableVersionUpgrade" << R"({"EnableVersionUpgrade":false})";
        QTest::newRow("Elasticsearch") << "AWS::Elasticsearch::Domain" << R"({"EnableVersionUpgrade":true})"
                                       << "EnableVersionUpgrade" << R"({"EnableVersionUpgrade":false})";
        QTest::newRow("AppStream") << "AWS::AppStream::Fleet"
                                   << R"({"StopBeforeUpdate":{"Type":true},"StartAfterUpdate":{"Type":true}})"
                                   << "StopBeforeUpdate/Type"
                                   << R"({"StopBeforeUpdate":{"Type":false},"StartAfterUpdate":{"Type":true}})";
    }
    void switchPolicies()
    {
        QFETCH(QString, type);
        QFETCH(QString, added);
        QFETCH(QString, setting);
        QFETCH(QString, off);
        const QByteArray source = "Resources:\n  Target:\n    Type: " + type.toUtf8()
            + "\n  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n";
        QCOMPARE(m_f->controller->openFile(writeFile(m_files.path(), QStringLiteral("policy.yaml"), source)), QString());
        // Not offered where CloudFormation does not take it.
        select(QStringLiteral("Cache"));
        QCOMPARE(inspector()->rowOf(QStringLiteral("/Resources/Cache/UpdatePolicy")), -1);

        select(QStringLiteral("Target"));
        const QString policy = QStringLiteral("/Resources/Target/UpdatePolicy");
        const QString toggle = policy + QLatin1Char('/') + setting;
        const auto policyJson = [&] {
            const Json &resource = m_f->document.root()["Resources"]["Target"];
            return QString::fromStdString(resource.contains("UpdatePolicy") ? resource["UpdatePolicy"].dump() : "absent");
        };
        const int start = stack()->count();
        setByClick(policy);
        QCOMPARE(policyJson(), added);
        QCOMPARE(stack()->count(), start + 1);
        QCOMPARE(inspector()->data(inspector()->index(inspector()->rowOf(toggle)), InspectorModel::KindRole).toInt(),
                 int(InspectorModel::Kind::Boolean));

        // Switched off by a click: one step.
        QQuickItem *row = rowItem(toggle);
        QVERIFY(row);
        QQuickItem *toggleSwitch = findItem(row, QStringLiteral("boolSwitch"));
        QVERIFY(toggleSwitch && toggleSwitch->property("checked").toBool());
        m_f->click(toggleSwitch);
        settle();
        QCOMPARE(stack()->count(), start + 2);
        QCOMPARE(policyJson(), off);
        m_f->controller->undo();
        QCOMPARE(policyJson(), added);
        m_f->controller->redo();
        QCOMPARE(policyJson(), off);

        // Removed by its ×: one step, undone.
        QQuickItem *policyRow = rowItem(policy);
        QVERIFY(policyRow);
        QQuickItem *remove = findItem(policyRow, QStringLiteral("removeButton"));
        QVERIFY(remove && remove->isVisible());
        m_f->click(remove);
        settle();
        QCOMPARE(policyJson(), QStringLiteral("absent"));
        QCOMPARE(stack()->count(), start + 3);
        m_f->controller->undo();
        QVERIFY(policyJson() != QStringLiteral("absent"));

        // Saved and opened again: the switch shows the value set.
        const QString target = m_files.path() + QStringLiteral("/saved-policy.yaml");
        QCOMPARE(m_f->controller->saveAs(target), QString());
        QCOMPARE(m_f->controller->openFile(target), QString());
        select(QStringLiteral("Target"));
        QCOMPARE(policyJson(), off);
        row = rowItem(toggle);
        QVERIFY(row);
        toggleSwitch = findItem(row, QStringLiteral("boolSwitch"));
        QVERIFY(toggleSwitch && !toggleSwitch->property("checked").toBool());
    }

    // The help area under the rows grows with the description of the row under the pointer: the
    // longest property description of an Auto Scaling group reads whole at 1400×860.
    void helpShowsTheWholeDescription()
    {
        m_f->window->resize(1400, 860);
        QVERIFY(openExample(QStringLiteral("codedeploy-inplace-asg")));
        select(QStringLiteral("AutoScalingGroup"));
        QString pointer, documentation;
        for (int i = 0; i < inspector()->rowCount(); ++i) {
            const QModelIndex at = inspector()->index(i);
            const QString text = inspector()->data(at, InspectorModel::DocumentationRole).toString();
            if (inspector()->data(at, InspectorModel::KindRole).toInt() != int(InspectorModel::Kind::Section)
                && text.size() > documentation.size()) {
                documentation = text;
                pointer = inspector()->data(at, InspectorModel::PointerRole).toString();
            }
        }
        QVERIFY2(documentation.size() > 200, qPrintable(documentation)); // more than the old three lines
        QQuickItem *row = rowItem(pointer);
        QVERIFY(row);
        QTest::mouseMove(m_f->window, WindowFixture::centreOf(findItem(row, QStringLiteral("rowLabel"))));
        settle();
        QQuickItem *help = m_f->item(QStringLiteral("inspectorHelp"));
        QVERIFY(help);
        QCOMPARE(help->property("text").toString(), documentation);
        QVERIFY2(!help->property("truncated").toBool(), qPrintable(documentation));
    }

    // Nothing in the inspector is cut off at 1400×860: for every resource of every example, each
    // label, each value, each drop-down's shown text and every entry of its list reads in full.
    void nothingCutOff_data()
    {
        QTest::addColumn<QString>("example");
        for (const ExampleInfo &example : examples())
            QTest::newRow(qPrintable(example.folder)) << example.folder;
    }
    // A selected card's edges that run out of the canvas stop at its edge: in the software
    // renderer a chunk of edges outside the part of the canvas being repainted was drawn
    // unclipped, over the inspector (seen selecting the lambda-canary cards one after the other
    // at 1400×860).
    void edgesStayInsideTheCanvas()
    {
        m_f->window->resize(1400, 860);
        QVERIFY(openExample(QStringLiteral("lambda-canary")));
        QQuickItem *panel = m_f->item(QStringLiteral("inspector"));
        QVERIFY(panel);
        const QColor edge(0x21, 0x66, 0xd9); // the light theme's selection colour, the highlighted edges'
        for (const std::string &id : m_f->document.resourceIds()) {
            select(QString::fromStdString(id));
            const QImage shot = m_f->window->grabWindow();
            // The label column of the inspector's top rows: dark text on the panel, never blue.
            const QRect labels = panel->mapRectToScene(QRectF(0, 0, 160, 320)).toAlignedRect() & shot.rect();
            int blue = 0;
            for (int y = labels.top(); y <= labels.bottom(); ++y) {
                for (int x = labels.left(); x <= labels.right(); ++x) {
                    const QColor c = shot.pixelColor(x, y);
                    blue += std::abs(c.red() - edge.red()) < 40 && std::abs(c.green() - edge.green()) < 40
                            && std::abs(c.blue() - edge.blue()) < 40;
                }
            }
            QVERIFY2(blue == 0, qPrintable(QStringLiteral("%1 edge pixels over the inspector with %2 selected")
                                               .arg(blue).arg(QString::fromStdString(id))));
        }
    }

    void nothingCutOff()
    {
        QFETCH(QString, example);
        m_f->window->resize(1400, 860);
        QVERIFY(openExample(example));
        QSet<QString> walkedLists;
        QStringList cut;
        // STACKCANVAS_INSPECTOR_GRABS=DIR keeps a picture of the window for each resource
        // (DIR/EXAMPLE-ID.png), to look at the inspector as a user does.
        const QString grabs = qEnvironmentVariable("STACKCANVAS_INSPECTOR_GRABS");
        for (const std::string &id : m_f->document.resourceIds()) {
            const QString logicalId = QString::fromStdString(id);
            select(logicalId);
            if (!grabs.isEmpty())
                m_f->window->grabWindow().save(grabs + QLatin1Char('/') + example + QLatin1Char('-') + logicalId
                                               + QStringLiteral(".png"));
            for (const QString &what : cutOffInInspector(walkedLists))
                cut << logicalId + QStringLiteral(": ") + what;
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
    }

    // The help line describes a row of the resource shown, never the one inspected before.
    // (Kept with the inspector's other window tests in tst_windowpanels.)

};

QTEST_MAIN(TestInspectorWindow)
#include "tst_inspectorwindow.moc"
