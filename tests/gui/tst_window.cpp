// The window shell driven for real, offscreen: the inspector's editors (typing into its fields,
// its intents for pickers), undo and redo back to the exact document, files and recovery.

#include "windowfixture.h"
#include "model/undo/undoabledocument.h"

#include "app/gui/recoverymanager.h"
#include "model/document/documentio.h"
#include "model/template/templatereader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlProperty>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdlib>
#include <functional>

Q_IMPORT_QML_PLUGIN(StackCanvasPlugin)

using namespace sc;
using sc::test::WindowFixture;
using sc::test::findItem;

namespace {

const char *const kTemplate = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders
      DelaySeconds: 5
      FifoQueue: false
      Custom: {a: 1}
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${Queue}-topic"
  Subscription:
    Type: AWS::SNS::Subscription
    DependsOn: Queue
    Properties:
      TopicArn: !Ref Topic
      Endpoint: !GetAtt Queue.Arn
      Protocol: sqs
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/fn
      Code:
        ZipFile: exports.handler = async () => 1
      Handler: index.handler
      Runtime: nodejs20.x
      Environment:
        Variables:
          QUEUE: !Ref Queue
      Layers:
        - arn:aws:lambda:us-east-1:123456789012:layer:a:1
Outputs:
  QueueUrl:
    Value: !Ref Queue
)";

std::string dump(const Document &d)
{
    return d.root().dump();
}

QString writeFile(const QString &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_files;
    std::unique_ptr<WindowFixture> m_f;

    InspectorModel *inspector() const { return m_f->controller->inspector(); }
    QUndoStack *stack() const { return m_f->document.undoStack(); }

    void openTemplate()
    {
        const QString path = writeFile(m_files.path(), QStringLiteral("app.yaml"), QByteArray(kTemplate));
        QCOMPARE(m_f->controller->openFile(path), QString());
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
    QQuickItem *editorIn(QQuickItem *row, const QString &name)
    {
        return findItem(row, name);
    }
    // Clicks into a text field, selects everything and types `text` as a user would.
    void typeInto(QQuickItem *field, const QString &text, bool pressEnter = false)
    {
        QVERIFY(field);
        const QPointF centre = field->mapToScene(QPointF(field->width() / 2, field->height() / 2));
        QTest::mouseClick(m_f->window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        QTRY_VERIFY(field->hasActiveFocus());
        QTest::keyClick(m_f->window, Qt::Key_A, Qt::ControlModifier);
        for (const QChar c : text)
            QTest::keyClick(m_f->window, c.toLatin1());
        if (pressEnter)
            QTest::keyClick(m_f->window, Qt::Key_Return);
    }
    // Checks the edit changed exactly `pointer` to `expected` (absent: removed), that it is one
    // undo step, and that undo and redo give back the exact documents.
    void checkEdit(const std::string &before, const std::string &pointer, const std::optional<Json> &expected,
                   int stepsBefore)
    {
        Json expectedRoot = Json::parse(before);
        const Json::json_pointer at(pointer);
        if (expected)
            expectedRoot[at] = *expected;
        else
            expectedRoot[at.parent_pointer()].erase(at.back());
        const std::string after = dump(m_f->document);
        QCOMPARE(after, expectedRoot.dump());
        QCOMPARE(stack()->count(), stepsBefore + 1);
        QVERIFY(m_f->document.checkConsistency().empty());
        m_f->controller->undo();
        QCOMPARE(dump(m_f->document), before);
        QVERIFY(m_f->document.checkConsistency().empty());
        m_f->controller->redo();
        QCOMPARE(dump(m_f->document), after);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        // Settings (recent files, layout) go to a scratch location.
        sc::test::isolateSettings(m_files);
    }
    void init()
    {
        m_f = std::make_unique<WindowFixture>();
        QVERIFY(m_f->load());
        openTemplate();
    }
    void cleanup() { m_f.reset(); }

    void renameFromInspectorRewritesReferences()
    {
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        QCOMPARE(inspector()->logicalId(), QStringLiteral("Queue"));
        const std::string before = dump(m_f->document);
        QQuickItem *row = rowItem(QStringLiteral("/Resources/Queue"));
        typeInto(editorIn(row, QStringLiteral("logicalIdField")), QStringLiteral("Orders"), true);

        const Json &root = m_f->document.root();
        QVERIFY(!root["Resources"].contains("Queue"));
        QCOMPARE(root["Resources"]["Orders"]["Type"].get<std::string>(), std::string("AWS::SQS::Queue"));
        QCOMPARE(root["Resources"]["Topic"]["Properties"]["TopicName"].dump(), std::string(R"({"Fn::Sub":"${Orders}-topic"})"));
        QCOMPARE(root["Resources"]["Subscription"]["DependsOn"].dump(), std::string(R"("Orders")"));
        QCOMPARE(root["Resources"]["Subscription"]["Properties"]["Endpoint"].dump(), std::string(R"({"Fn::GetAtt":["Orders","Arn"]})"));
        QCOMPARE(root["Resources"]["Fn"]["Properties"]["Environment"]["Variables"]["QUEUE"].dump(), std::string(R"({"Ref":"Orders"})"));
        QCOMPARE(root["Outputs"]["QueueUrl"]["Value"].dump(), std::string(R"({"Ref":"Orders"})"));
        // Key order is kept: Orders stands where Queue stood.
        QCOMPARE(m_f->document.resourceIds().front(), std::string("Orders"));
        // The selection and the inspector follow the new name.
        QCOMPARE(m_f->controller->canvas()->currentId(), QStringLiteral("Orders"));
        QCOMPARE(inspector()->logicalId(), QStringLiteral("Orders"));
        QCOMPARE(stack()->count(), 1);
        const std::string after = dump(m_f->document);
        m_f->controller->undo();
        QCOMPARE(dump(m_f->document), before);
        m_f->controller->redo();
        QCOMPARE(dump(m_f->document), after);
        QVERIFY(m_f->document.checkConsistency().empty());
    }

    void renameRefusesTakenId()
    {
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        const std::string before = dump(m_f->document);
        QVERIFY(!inspector()->rename(QStringLiteral("Topic")));
        QCOMPARE(inspector()->lastError(), QStringLiteral("the logical ID 'Topic' is already used"));
        QCOMPARE(dump(m_f->document), before);
        QCOMPARE(stack()->count(), 0);
    }

    // Typing into string, number and Sub fields: each field's typing is one undo step.
    void typedEdits_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // JSON
        QTest::newRow("string") << "Queue" << "/Resources/Queue/Properties/QueueName" << "invoices" << R"("invoices")";
        QTest::newRow("number") << "Queue" << "/Resources/Queue/Properties/DelaySeconds" << "30" << "30";
        QTest::newRow("Fn::Sub") << "Topic" << "/Resources/Topic/Properties/TopicName" << "${Queue}-${AWS::Region}"
                                 << R"({"Fn::Sub":"${Queue}-${AWS::Region}"})";
        QTest::newRow("nested property type") << "Fn" << "/Resources/Fn/Properties/Code/ZipFile" << "exports.x = 2"
                                              << R"("exports.x = 2")";
        QTest::newRow("list item") << "Fn" << "/Resources/Fn/Properties/Layers/0" << "arn:l"
                                   << R"("arn:l")";
    }
    void typedEdits()
    {
        QFETCH(QString, resource);
        QFETCH(QString, pointer);
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        m_f->controller->canvas()->select(resource);
        const std::string before = dump(m_f->document);
        typeInto(editorIn(rowItem(pointer), QStringLiteral("textField")), typed);
        checkEdit(before, pointer.toStdString(), Json::parse(expected.toStdString()), 0);
    }

    void typingInvalidNumberChangesNothing()
    {
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        const int row = inspector()->rowOf(QStringLiteral("/Resources/Queue/Properties/DelaySeconds"));
        const std::string before = dump(m_f->document);
        QVERIFY(!inspector()->setText(row, QStringLiteral("five")));
        QCOMPARE(inspector()->lastError(), QStringLiteral("'five' is not a number"));
        QCOMPARE(dump(m_f->document), before);
    }

    void booleanSwitch()
    {
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        const std::string before = dump(m_f->document);
        QQuickItem *toggle = editorIn(rowItem(QStringLiteral("/Resources/Queue/Properties/FifoQueue")), QStringLiteral("boolSwitch"));
        QVERIFY(toggle);
        QTest::mouseClick(m_f->window, Qt::LeftButton, Qt::NoModifier,
                          toggle->mapToScene(QPointF(toggle->width() / 2, toggle->height() / 2)).toPoint());
        checkEdit(before, "/Resources/Queue/Properties/FifoQueue", Json(true), 0);
    }

    // Pickers and structural edits through the intents the delegates call.
    void intentEdits_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("pointer");   // the row
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("changed");   // the node that changes
        QTest::addColumn<QString>("expected");  // JSON; empty: removed
        QTest::newRow("enumeration (DeletionPolicy)") << "Queue" << "/Resources/Queue/DeletionPolicy" << "choice" << "Retain"
                                                      << "/Resources/Queue/DeletionPolicy" << R"("Retain")";
        QTest::newRow("UpdateReplacePolicy") << "Queue" << "/Resources/Queue/UpdateReplacePolicy" << "choice" << "Snapshot"
                                             << "/Resources/Queue/UpdateReplacePolicy" << R"("Snapshot")";
        QTest::newRow("Condition") << "Queue" << "/Resources/Queue/Condition" << "choice" << "IsProd"
                                   << "/Resources/Queue/Condition" << R"("IsProd")";
        QTest::newRow("DependsOn target") << "Subscription" << "/Resources/Subscription/DependsOn" << "choice" << "Topic"
                                          << "/Resources/Subscription/DependsOn" << R"("Topic")";
        QTest::newRow("Ref target") << "Subscription" << "/Resources/Subscription/Properties/TopicArn" << "ref" << "Env"
                                    << "/Resources/Subscription/Properties/TopicArn" << R"({"Ref":"Env"})";
        QTest::newRow("GetAtt attribute") << "Subscription" << "/Resources/Subscription/Properties/Endpoint" << "getatt"
                                          << "Queue.QueueName" << "/Resources/Subscription/Properties/Endpoint"
                                          << R"({"Fn::GetAtt":["Queue","QueueName"]})";
        QTest::newRow("string becomes Ref") << "Queue" << "/Resources/Queue/Properties/QueueName" << "mode" << "Ref"
                                            << "/Resources/Queue/Properties/QueueName" << R"({"Ref":"Topic"})";
        QTest::newRow("string becomes Sub") << "Queue" << "/Resources/Queue/Properties/QueueName" << "mode" << "Sub"
                                            << "/Resources/Queue/Properties/QueueName" << R"({"Fn::Sub":"orders"})";
        QTest::newRow("Ref becomes plain value") << "Subscription" << "/Resources/Subscription/Properties/TopicArn" << "mode"
                                                 << "value" << "/Resources/Subscription/Properties/TopicArn" << R"("")";
        QTest::newRow("list: add item") << "Fn" << "/Resources/Fn/Properties/Layers" << "addItem" << ""
                                        << "/Resources/Fn/Properties/Layers"
                                        << R"(["arn:aws:lambda:us-east-1:123456789012:layer:a:1",""])";
        QTest::newRow("list: remove item") << "Fn" << "/Resources/Fn/Properties/Layers/0" << "remove" << ""
                                           << "/Resources/Fn/Properties/Layers" << R"([])";
        QTest::newRow("map: add entry") << "Fn" << "/Resources/Fn/Properties/Environment/Variables" << "addEntry" << "STAGE"
                                        << "/Resources/Fn/Properties/Environment/Variables/STAGE" << R"("")";
        QTest::newRow("map: remove entry") << "Fn" << "/Resources/Fn/Properties/Environment/Variables/QUEUE" << "remove" << ""
                                           << "/Resources/Fn/Properties/Environment/Variables/QUEUE" << "";
        QTest::newRow("JSON value") << "Queue" << "/Resources/Queue/Properties/Custom" << "text" << R"({"a": [1, "x"]})"
                                    << "/Resources/Queue/Properties/Custom" << R"({"a":[1,"x"]})";
        QTest::newRow("remove property") << "Queue" << "/Resources/Queue/Properties/DelaySeconds" << "remove" << ""
                                         << "/Resources/Queue/Properties/DelaySeconds" << "";
    }
    void intentEdits()
    {
        QFETCH(QString, resource);
        QFETCH(QString, pointer);
        QFETCH(QString, action);
        QFETCH(QString, argument);
        QFETCH(QString, changed);
        QFETCH(QString, expected);
        m_f->controller->canvas()->select(resource);
        const int row = inspector()->rowOf(pointer);
        QVERIFY2(row >= 0, qPrintable(pointer));
        const std::string before = dump(m_f->document);
        bool ok = false;
        if (action == QLatin1String("choice"))
            ok = inspector()->setChoice(row, argument);
        else if (action == QLatin1String("ref"))
            ok = inspector()->setRef(row, argument);
        else if (action == QLatin1String("getatt"))
            ok = inspector()->setGetAtt(row, argument.section(QLatin1Char('.'), 0, 0), argument.section(QLatin1Char('.'), 1));
        else if (action == QLatin1String("mode"))
            ok = inspector()->setMode(row, argument);
        else if (action == QLatin1String("addItem"))
            ok = inspector()->addItem(row);
        else if (action == QLatin1String("addEntry"))
            ok = inspector()->addEntry(row, argument);
        else if (action == QLatin1String("remove"))
            ok = inspector()->remove(row);
        else if (action == QLatin1String("text"))
            ok = inspector()->setText(row, argument);
        QVERIFY2(ok, qPrintable(inspector()->lastError()));
        checkEdit(before, changed.toStdString(),
                  expected.isEmpty() ? std::nullopt : std::optional<Json>(Json::parse(expected.toStdString())), 0);
    }

    void requiredAndDocumentationShown()
    {
        m_f->controller->canvas()->select(QStringLiteral("Subscription"));
        const QModelIndex protocol = inspector()->index(inspector()->rowOf(QStringLiteral("/Resources/Subscription/Properties/Protocol")));
        QCOMPARE(protocol.data(InspectorModel::RequiredRole).toBool(), true);
        QVERIFY(!protocol.data(InspectorModel::DocumentationRole).toString().isEmpty());
        const QModelIndex endpoint = inspector()->index(inspector()->rowOf(QStringLiteral("/Resources/Subscription/Properties/Endpoint")));
        QCOMPARE(endpoint.data(InspectorModel::RequiredRole).toBool(), false);
        QCOMPARE(endpoint.data(InspectorModel::KindRole).toInt(), int(InspectorModel::Kind::GetAtt));
        QCOMPARE(endpoint.data(InspectorModel::TargetRole).toString(), QStringLiteral("Queue"));
        QCOMPARE(endpoint.data(InspectorModel::AttributeRole).toString(), QStringLiteral("Arn"));
    }

    void historyViewGoesBackAndForth()
    {
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        const std::string original = dump(m_f->document);
        QVERIFY(inspector()->setChoice(inspector()->rowOf(QStringLiteral("/Resources/Queue/DeletionPolicy")), QStringLiteral("Retain")));
        const std::string one = dump(m_f->document);
        QVERIFY(inspector()->setText(inspector()->rowOf(QStringLiteral("/Resources/Queue/Properties/QueueName")), QStringLiteral("x")));
        UndoHistory *history = m_f->controller->history();
        QCOMPARE(history->rowCount(), 3);
        QCOMPARE(history->index(0).data(UndoHistory::TextRole).toString(), QStringLiteral("Opened"));
        QCOMPARE(history->currentIndex(), 2);
        history->setCurrentIndex(0);
        QCOMPARE(dump(m_f->document), original);
        QVERIFY(!m_f->controller->isModified());
        history->setCurrentIndex(1);
        QCOMPARE(dump(m_f->document), one);
        QVERIFY(m_f->controller->isModified());
    }

    void templateTabHighlightsSelection()
    {
        TemplateText *text = m_f->controller->templateText();
        m_f->controller->canvas()->select(QStringLiteral("Topic"));
        const QStringList lines = text->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.indexOf(QStringLiteral("  Topic:")) + 1, text->highlightFirst());
        QCOMPARE(lines.indexOf(QStringLiteral("  Subscription:")), text->highlightLast());
        // Live: an edit shows at once.
        QVERIFY(inspector()->setText(inspector()->rowOf(QStringLiteral("/Resources/Topic/Properties/TopicName")),
                                     QStringLiteral("alerts")));
        QVERIFY(text->text().contains(QStringLiteral("      TopicName: !Sub alerts\n")));
        text->setFormat(QStringLiteral("cfn-json"));
        const QStringList json = text->text().split(QLatin1Char('\n'));
        QCOMPARE(json.indexOf(QStringLiteral("    \"Topic\": {")) + 1, text->highlightFirst());
        QCOMPARE(json.indexOf(QStringLiteral("    \"Subscription\": {")), text->highlightLast());
    }

    void openEditSaveReopen_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("YAML") << "saved.yaml";
        QTest::newRow("JSON") << "saved.json";
    }
    void openEditSaveReopen()
    {
        QFETCH(QString, name);
        const QString source = m_f->controller->filePath();
        const QByteArray sourceBytes = QFile(source).exists() ? QByteArray(kTemplate) : QByteArray();
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        QVERIFY(inspector()->setText(inspector()->rowOf(QStringLiteral("/Resources/Queue/Properties/QueueName")),
                                     QStringLiteral("invoices")));
        QVERIFY(inspector()->setChoice(inspector()->rowOf(QStringLiteral("/Resources/Queue/DeletionPolicy")),
                                       QStringLiteral("Retain")));
        QVERIFY(m_f->controller->isModified());
        const std::string edited = dump(m_f->document);
        const QString target = m_files.path() + QLatin1Char('/') + name;
        QCOMPARE(m_f->controller->saveAs(target), QString());
        QVERIFY(!m_f->controller->isModified());
        QCOMPARE(m_f->controller->fileName(), name);
        QCOMPARE(m_f->controller->recentFiles().front(), QFileInfo(target).absoluteFilePath());
        // The source was never written.
        QFile original(source);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), sourceBytes);

        UndoableDocument reopened;
        openDocument(reopened, target.toStdString());
        QCOMPARE(dump(reopened), edited);
        QCOMPARE(int(reopened.format()), int(name.endsWith(QLatin1String(".json")) ? TemplateFormat::Json : TemplateFormat::Yaml));

        // Saving again without a change writes nothing (the file removed behind our back stays
        // removed).
        QFile::remove(target);
        QCOMPARE(m_f->controller->save(), QString());
        QVERIFY(!QFile::exists(target));
    }

    void failedOpenLeavesDocumentUntouched()
    {
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        QVERIFY(inspector()->setText(inspector()->rowOf(QStringLiteral("/Resources/Queue/Properties/QueueName")),
                                     QStringLiteral("edited")));
        const std::string before = dump(m_f->document);
        const QString path = m_f->controller->filePath();
        const int steps = stack()->count();
        const QString broken = writeFile(m_files.path(), QStringLiteral("broken.yaml"),
                                         QByteArray("Resources:\n  A:\n    Type: [unclosed\n"));
        // Through the window: the error dialog names file, line and column.
        QVERIFY(QMetaObject::invokeMethod(m_f->window, "openPath", Q_ARG(QVariant, broken)));
        auto *dialog = m_f->window->findChild<QObject *>(QStringLiteral("errorDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("visible").toBool());
        const QString message = dialog->property("message").toString();
        QVERIFY2(message.startsWith(broken + QStringLiteral(":4:1: ")) || message.startsWith(broken + QStringLiteral(":3:")),
                 qPrintable(message));
        QCOMPARE(dump(m_f->document), before);
        QCOMPARE(m_f->controller->filePath(), path);
        QCOMPARE(stack()->count(), steps);
        QVERIFY(m_f->controller->isModified());
        QCOMPARE(m_f->controller->openFile(m_files.path() + QStringLiteral("/missing.yaml")).isEmpty(), false);
        QCOMPARE(dump(m_f->document), before);
    }

    void autosaveRecoveryAfterCrash()
    {
        const QString dir = m_files.path() + QStringLiteral("/recovery-crash");
        QProcess writer;
        writer.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--crash-writer"), dir, m_f->controller->filePath()});
        QVERIFY(writer.waitForFinished(20000));
        QCOMPARE(writer.exitCode(), 3); // it died without cleaning up
        QVERIFY(QDir(dir).entryList({QStringLiteral("session-*.yaml")}, QDir::Files).size() == 1);

        // What the crashed process had: the template with its edit.
        UndoableDocument expected;
        openDocument(expected, m_f->controller->filePath().toStdString());
        QVERIFY(expected.setValue("/Resources/Queue/Properties/QueueName", Json("recovered")).ok);

        UndoableDocument next;
        RecoveryManager recovery(&next, dir);
        QVERIFY(recovery.hasRecovery());
        QCOMPARE(recovery.recoveryPath(), m_f->controller->filePath());
        QCOMPARE(recovery.recover(), QString());
        QCOMPARE(dump(next), dump(expected));
        QVERIFY(next.isModified()); // not on disk yet
        QCOMPARE(QString::fromStdString(next.filePath()), m_f->controller->filePath());
        QVERIFY(!recovery.hasRecovery());
        QVERIFY(QDir(dir).entryList({QStringLiteral("session-*.yaml")}, QDir::Files).isEmpty());

        // A live session's recovery file is not offered to another one.
        UndoableDocument live;
        openDocument(live, m_f->controller->filePath().toStdString());
        RecoveryManager own(&live, dir);
        QVERIFY(live.setValue("/Resources/Queue/Properties/QueueName", Json("x")).ok);
        QVERIFY(own.autosaveNow());
        UndoableDocument other;
        RecoveryManager second(&other, dir);
        QVERIFY(!second.hasRecovery());
    }

    void recoveryFileFollowsModifiedState()
    {
        RecoveryManager *recovery = m_f->controller->recovery();
        QVERIFY(!recovery->autosaveNow()); // unmodified: nothing to write
        QVERIFY(!QFile::exists(recovery->ownFile()));
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        QVERIFY(inspector()->setText(inspector()->rowOf(QStringLiteral("/Resources/Queue/Properties/QueueName")),
                                     QStringLiteral("y")));
        QVERIFY(recovery->autosaveNow());
        QVERIFY(QFile::exists(recovery->ownFile()));
        m_f->controller->undo(); // back to the saved state: nothing to recover
        QVERIFY(!QFile::exists(recovery->ownFile()));
    }

    void windowTitleAndStatus()
    {
        QCOMPARE(m_f->window->title(), QStringLiteral("app.yaml — StackCanvas"));
        m_f->controller->canvas()->select(QStringLiteral("Queue"));
        QVERIFY(inspector()->setText(inspector()->rowOf(QStringLiteral("/Resources/Queue/Properties/QueueName")),
                                     QStringLiteral("z")));
        QCOMPARE(m_f->window->title(), QStringLiteral("app.yaml * — StackCanvas"));
        auto *counts = m_f->window->findChild<QObject *>(QStringLiteral("statusCounts"));
        QVERIFY(counts);
        QCOMPARE(counts->property("text").toString(), QStringLiteral("4 resources · %1 connections · 1 selected")
                                                          .arg(m_f->document.graph().edges().size()));
        m_f->controller->newDocument();
        QCOMPARE(m_f->window->title(), QStringLiteral("Untitled — StackCanvas"));
        QCOMPARE(m_f->controller->resourceCount(), 0);
    }
};

// Stands in for a session that dies: edits, lets the 30-second autosave (shortened) run, and
// exits without any cleanup.
static int crashWriter(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    UndoableDocument document;
    openDocument(document, argv[3]);
    RecoveryManager recovery(&document, QString::fromLocal8Bit(argv[2]));
    recovery.setInterval(50);
    if (!document.setValue("/Resources/Queue/Properties/QueueName", Json("recovered")).ok)
        return 1;
    QElapsedTimer waited;
    waited.start();
    while (!QFile::exists(recovery.ownFile()) && waited.elapsed() < 10000)
        QTest::qWait(20);
    QTest::qWait(100); // the meta file follows the text
    std::_Exit(3);
}

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--crash-writer") == 0)
        return crashWriter(argc, argv);
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("StackCanvasTest"));
    QGuiApplication::setApplicationName(QStringLiteral("tst_window"));
    TestWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window.moc"
