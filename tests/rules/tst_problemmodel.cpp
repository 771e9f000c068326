// The Problems panel model: rows follow the document after each edit (coalesced into one
// validation per event-loop turn), counts are per severity, and applyFix is one undo step.

#include "app/gui/problemmodel.h"
#include "model/undo/undoabledocument.h"
#include "model/template/templatereader.h"

#include <QSignalSpy>
#include <QTest>

using namespace sc;

class TestProblemModel : public QObject {
    Q_OBJECT

private slots:
    void followsEditsAndFixes();
    void judgesTheTemplateSizeAsTheCommandLineDoes();
};

namespace {

int rowsOf(const ProblemModel &model, const QString &ruleId)
{
    int rows = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        rows += model.data(model.index(row), ProblemModel::RuleIdRole).toString() == ruleId ? 1 : 0;
    return rows;
}

} // namespace

// A template over the 51,200 bytes CloudFormation takes inline (W1023) is reported in the window
// as `stackcanvas validate` reports it, and the text as it would be saved after an edit is what
// is judged: removing queues brings it under the quota, undoing brings it back.
void TestProblemModel::judgesTheTemplateSizeAsTheCommandLineDoes()
{
    std::string text = "Resources:\n";
    for (int i = 0; i < 330; ++i)
        text += "  Queue" + std::to_string(i) + ":\n    Type: AWS::SQS::Queue\n    DeletionPolicy: Retain\n"
                "    Properties:\n      QueueName: " + std::string(70, 'q') + "\n";
    QVERIFY(text.size() > 51200 && text.size() < 51200 * 1.25);
    UndoableDocument document;
    document.reset(readTemplate(text, "big.yaml"));
    QCOMPARE(document.textBytes(), text.size());
    ProblemModel model(&document);
    QCOMPARE(rowsOf(model, QStringLiteral("W1023")), 1);

    std::vector<std::string> removed;
    for (int i = 0; i < 100; ++i)
        removed.push_back("Queue" + std::to_string(i));
    QVERIFY(document.removeResources(removed).ok);
    QVERIFY(document.textBytes() < 51200);
    QTRY_COMPARE(rowsOf(model, QStringLiteral("W1023")), 0);
    document.undoStack()->undo();
    QCOMPARE(document.textBytes(), text.size());
    QTRY_COMPARE(rowsOf(model, QStringLiteral("W1023")), 1);
}

void TestProblemModel::followsEditsAndFixes()
{
    UndoableDocument document;
    document.reset(readTemplate("Resources:\n"
                                "  Logs:\n"
                                "    Type: AWS::S3::Bucket\n"
                                "  Queue:\n"
                                "    Type: AWS::SQS::Queue\n",
                                "p.yaml"));
    ProblemModel model(&document);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0), ProblemModel::RuleIdRole).toString(), QStringLiteral("W5005"));
    QCOMPARE(model.data(model.index(0), ProblemModel::LogicalIdRole).toString(), QStringLiteral("Logs"));
    QCOMPARE(model.data(model.index(0), ProblemModel::LineRole).toInt(), 2);
    QCOMPARE(model.data(model.index(0), ProblemModel::HasFixRole).toBool(), true);
    QVERIFY(!model.data(model.index(0), ProblemModel::ExplanationRole).toString().isEmpty());
    QCOMPARE(model.errors(), 0);
    QCOMPARE(model.warnings(), 1);

    // Two edits in one turn: one validation.
    QSignalSpy validated(&model, &ProblemModel::validated);
    QVERIFY(document.setValue("/Resources/Queue/Properties", Json{{"DelaySeconds", "soon"}}).ok);
    QVERIFY(document.setValue("/Resources/Queue/Properties/VisibilityTimout", 30).ok);
    QCOMPARE(validated.count(), 0);
    QTRY_COMPARE(validated.count(), 1);
    QCOMPARE(model.errors(), 2);
    QCOMPARE(model.rowCount(), 3);

    const int undoBefore = document.undoStack()->count();
    int fixRow = -1;
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), ProblemModel::RuleIdRole).toString() == QStringLiteral("W5005"))
            fixRow = row;
    QVERIFY(fixRow >= 0);
    QVERIFY(model.applyFix(fixRow));
    QCOMPARE(document.undoStack()->count(), undoBefore + 1);
    QCOMPARE(model.warnings(), 0);
    QCOMPARE(document.root()["Resources"]["Logs"]["DeletionPolicy"].get<std::string>(), std::string("Retain"));
    QVERIFY(!model.applyFix(0)); // an E3001/E3003 row has no fix
    document.undoStack()->undo();
    QTRY_COMPARE(model.warnings(), 1);
}

QTEST_GUILESS_MAIN(TestProblemModel)
#include "tst_problemmodel.moc"
