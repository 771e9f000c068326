// Copy and paste of resources: fresh logical IDs, references inside the fragment remapped,
// references outside kept, one undo step back to the exact previous document.

#include "model/document/clipboard.h"
#include "model/undo/undoabledocument.h"
#include "model/template/templatereader.h"

#include <QTest>

using namespace sc;

namespace {

const char *kTemplate = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Queue:
    Type: AWS::SQS::Queue
  Queue2:
    Type: AWS::SQS::Queue
    Properties:
      RedrivePolicy: {deadLetterTargetArn: !GetAtt Queue.Arn, maxReceiveCount: 3}
  Handler:
    Type: AWS::Lambda::Function
    DependsOn: [Queue2]
    Properties:
      Role: !Sub 'arn:aws:iam::${AWS::AccountId}:role/x'
      Environment:
        Variables: {URL: !Sub '${Queue2}', DLQ: !Sub '${Queue.Arn}', VPC: !Ref Vpc}
Metadata:
  StackCanvas:
    layout:
      Vpc: {x: 0, y: 0}
      Queue: {x: 100, y: 0}
      Queue2: {x: 100, y: 100}
      Handler: {x: 400, y: 100}
)";

} // namespace

class TestClipboard : public QObject {
    Q_OBJECT
private slots:
    void pasteRemapsInternalReferences()
    {
        UndoableDocument doc;
        doc.reset(readTemplate(kTemplate, "t.yaml"));
        const std::string before = doc.root().dump();
        const Json fragment = copyResources(doc, {"Queue", "Queue2", "Handler"});
        QVERIFY(isFragment(fragment));
        std::vector<std::string> created;
        QVERIFY(pasteFragment(doc, fragment, QPointF(32, 32), &created).ok);
        QCOMPARE(created, (std::vector<std::string>{"Queue3", "Queue4", "Handler2"}));
        QVERIFY2(doc.checkConsistency().empty(), "consistency");
        const Json &r = doc.root()["Resources"];
        QCOMPARE(r["Queue4"]["Properties"]["RedrivePolicy"]["deadLetterTargetArn"].dump(),
                 std::string(R"({"Fn::GetAtt":["Queue3","Arn"]})"));
        QCOMPARE(r["Handler2"]["DependsOn"].dump(), std::string(R"(["Queue4"])"));
        QCOMPARE(r["Handler2"]["Properties"]["Environment"]["Variables"].dump(),
                 std::string(R"({"URL":{"Fn::Sub":"${Queue4}"},"DLQ":{"Fn::Sub":"${Queue3.Arn}"},"VPC":{"Ref":"Vpc"}})"));
        // The originals are untouched.
        QCOMPARE(r["Queue2"]["Properties"]["RedrivePolicy"]["deadLetterTargetArn"].dump(),
                 std::string(R"({"Fn::GetAtt":["Queue","Arn"]})"));
        QCOMPARE(doc.root()["Metadata"]["StackCanvas"]["layout"]["Handler2"].dump(), std::string(R"({"x":432,"y":132})"));
        QCOMPARE(doc.undoStack()->count(), 1);
        const std::string after = doc.root().dump();
        doc.undoStack()->undo();
        QCOMPARE(doc.root().dump(), before);
        doc.undoStack()->redo();
        QCOMPARE(doc.root().dump(), after);
    }

    void newIdsNeverCaptureAnotherCopiedId()
    {
        // Queue was deleted after the copy: the copy of Queue2 must not become "Queue" while
        // the copy of Queue becomes something else, or references would cross.
        UndoableDocument doc;
        doc.reset(readTemplate(kTemplate, "t.yaml"));
        const Json fragment = copyResources(doc, {"Queue", "Queue2"});
        QVERIFY(doc.removeResources({"Queue"}).ok);
        std::vector<std::string> created;
        QVERIFY(pasteFragment(doc, fragment, QPointF(), &created).ok);
        QCOMPARE(created, (std::vector<std::string>{"Queue3", "Queue4"}));
        QCOMPARE(doc.root()["Resources"]["Queue4"]["Properties"]["RedrivePolicy"]["deadLetterTargetArn"].dump(),
                 std::string(R"({"Fn::GetAtt":["Queue3","Arn"]})"));
    }

    void refusesWhatIsNotAFragment_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain text") << QStringLiteral(R"("hello")");
        QTest::newRow("no marker") << QStringLiteral(R"({"Resources": {"A": {"Type": "AWS::SQS::Queue"}}})");
        QTest::newRow("no resources") << QStringLiteral(R"({"StackCanvasFragment": 1, "Resources": {}})");
        QTest::newRow("no type") << QStringLiteral(R"({"StackCanvasFragment": 1, "Resources": {"A": {}}})");
        QTest::newRow("bad id") << QStringLiteral(R"({"StackCanvasFragment": 1, "Resources": {"a-b": {"Type": "X"}}})");
    }
    void refusesWhatIsNotAFragment()
    {
        QFETCH(QString, text);
        UndoableDocument doc;
        doc.reset(readTemplate(kTemplate, "t.yaml"));
        const std::string before = doc.root().dump();
        const EditResult result = pasteFragment(doc, Json::parse(text.toStdString()), QPointF());
        QVERIFY(!result.ok);
        QCOMPARE(result.error, std::string("the clipboard holds no StackCanvas resources"));
        QCOMPARE(doc.root().dump(), before);
        QCOMPARE(doc.undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestClipboard)
#include "tst_clipboard.moc"
