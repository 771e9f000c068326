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
};

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
