// What the catalog's overlay writes must pass the rules: every deep kind added from the palette
// to an empty document, and every curated connection (both kinds added, then connected the way
// a drag does), validates without an error. A new card should need the user's decisions, never
// a repair.

#include "model/catalog/catalog.h"
#include "model/undo/undoabledocument.h"
#include "model/document/editrecorder.h"
#include "model/document/treeedit.h"
#include "model/rules/ruleregistry.h"

#include <QTest>

#include <map>

using namespace sc;

namespace {

QString errorsOf(const Document &document)
{
    QStringList out;
    for (const Finding &f : validate(document, {Severity::Error, {}, 0, {}}))
        out << QStringLiteral("%1 %2 %3").arg(QString::fromStdString(f.ruleId), QString::fromStdString(f.path),
                                              QString::fromStdString(f.message));
    return out.join(QStringLiteral("; "));
}

} // namespace

class TestCatalogEdits : public QObject {
    Q_OBJECT

private slots:
    void everyDeepKindAloneValidates_data()
    {
        QTest::addColumn<QString>("type");
        for (const KindOverlay *o : Catalog::instance().overlays())
            QTest::newRow(o->type.c_str()) << QString::fromStdString(o->type);
    }

    void everyDeepKindAloneValidates()
    {
        QFETCH(QString, type);
        UndoableDocument document;
        const EditResult added = document.addResource(type.toStdString(), QPointF(0, 0));
        QVERIFY2(added.ok, added.error.c_str());
        const QString errors = errorsOf(document);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    }

    void everyConnectionValidates_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("label");
        std::map<std::string, int> seen;
        for (const ConnectionRule &r : Catalog::instance().curatedConnectionRules()) {
            const std::string key = r.sourceType + " -> " + r.targetType + " (" + r.label + ")";
            if (seen[key]++)
                continue; // rules sharing a label are one connection
            QTest::newRow(key.c_str()) << QString::fromStdString(r.sourceType) << QString::fromStdString(r.targetType)
                                       << QString::fromStdString(r.label);
        }
        QVERIFY2(seen.size() >= 100, qPrintable(QString::number(seen.size())));
    }

    void everyConnectionValidates()
    {
        QFETCH(QString, source);
        QFETCH(QString, target);
        QFETCH(QString, label);
        const Catalog &catalog = Catalog::instance();
        std::vector<ConnectionRule> rules;
        for (const ConnectionRule &r : catalog.connectionRules(source.toStdString(), target.toStdString()))
            if (r.label == label.toStdString())
                rules.push_back(r);
        QVERIFY(!rules.empty());
        UndoableDocument document;
        const EditResult a = document.addResource(source.toStdString(), QPointF(0, 0));
        QVERIFY2(a.ok, a.error.c_str());
        // A name of its own: the palette's conventional name would already satisfy the source's
        // default reference, and there would be nothing left to connect.
        const EditResult b = document.addResource(target.toStdString(), QPointF(300, 0), "ConnectedTarget");
        QVERIFY2(b.ok, b.error.c_str());
        const EditResult connected = document.connect(a.createdId, b.createdId, rules);
        QVERIFY2(connected.ok, connected.error.c_str());
        QVERIFY(document.checkConsistency().empty());
        const QString errors = errorsOf(document);
        QVERIFY2(errors.isEmpty(), qPrintable(errors));
    }

    // SQS requires maxReceiveCount beside deadLetterTargetArn: the connection writes it (5, the
    // least AWS advises when Lambda reads the queue), keeps a count the user chose, and undoing
    // the connection takes both away.
    void deadLetterConnectionWritesMaxReceiveCount()
    {
        const std::vector<ConnectionRule> rules = Catalog::instance().connectionRules("AWS::SQS::Queue", "AWS::SQS::Queue");
        QCOMPARE(rules.size(), std::size_t(1));
        UndoableDocument document;
        QVERIFY(document.addResource("AWS::SQS::Queue", QPointF(0, 0), "Work").ok);
        QVERIFY(document.addResource("AWS::SQS::Queue", QPointF(300, 0), "WorkDlq").ok);
        const std::string before = document.root().dump();
        QVERIFY(document.connect("Work", "WorkDlq", rules).ok);
        const Json *policy = tree::find(document.root(), "/Resources/Work/Properties/RedrivePolicy");
        QVERIFY(policy);
        QCOMPARE(QString::fromStdString(policy->dump()),
                 QStringLiteral(R"({"deadLetterTargetArn":{"Fn::GetAtt":["WorkDlq","Arn"]},"maxReceiveCount":5})"));
        QVERIFY2(errorsOf(document).isEmpty(), qPrintable(errorsOf(document)));
        document.undoStack()->undo();
        QCOMPARE(document.root().dump(), before);

        QVERIFY(document.edit("Set a count", [](EditRecorder &r, std::string &) {
                            r.set("/Resources/Work/Properties", Json{{"RedrivePolicy", {{"maxReceiveCount", 12}}}});
                            return true;
                        }).ok);
        QVERIFY(document.connect("Work", "WorkDlq", rules).ok);
        QCOMPARE(tree::find(document.root(), "/Resources/Work/Properties/RedrivePolicy/maxReceiveCount")->get<int>(), 12);
    }
};

QTEST_GUILESS_MAIN(TestCatalogEdits)
#include "tst_catalogedits.moc"
