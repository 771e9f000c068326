// The document's commands: every intent's redo / undo / redo against the full expected tree,
// with checkConsistency() after each step, and refused edits that change nothing.

#include "model/catalog/catalog.h"
#include "model/undo/undoabledocument.h"
#include "model/document/editrecorder.h"
#include "model/template/templatereader.h"

#include <QSignalSpy>
#include <QTest>

using sc::Json;

#define JCOMPARE(actual, expected) \
    QCOMPARE(QString::fromStdString(sc::Json(actual).dump(1)), QString::fromStdString(sc::Json(expected).dump(1)))

namespace {

const char *kBase = R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
  Queue:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    DependsOn: [Queue]
    Properties:
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          QUEUE: !Ref Queue
          ARN: !Sub '${Queue.Arn}/x'
  Role:
    Type: AWS::IAM::Role
Outputs:
  QueueUrl:
    Value: !Ref Queue
  QueueArn:
    Value: !GetAtt Queue.Arn
    Condition: IsProd
)";

} // namespace

class TestDocument : public QObject {
    Q_OBJECT

    sc::UndoableDocument m_doc;

    void load(const char *text = kBase)
    {
        m_doc.reset(sc::readTemplate(text, "base.yaml"), "base.yaml");
    }

    void consistent()
    {
        const auto problems = m_doc.checkConsistency();
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    }

    // Undo must give `before` back exactly, redo `after`, each consistent.
    void checkUndoRedo(const Json &before, const Json &after)
    {
        JCOMPARE(m_doc.root(), after);
        consistent();
        QVERIFY(m_doc.isModified());
        m_doc.undoStack()->undo();
        JCOMPARE(m_doc.root(), before);
        consistent();
        QVERIFY(!m_doc.isModified());
        m_doc.undoStack()->redo();
        JCOMPARE(m_doc.root(), after);
        consistent();
        m_doc.undoStack()->undo();
        JCOMPARE(m_doc.root(), before);
        m_doc.undoStack()->redo();
        JCOMPARE(m_doc.root(), after);
    }

private slots:
    void init() { load(); }

    void graphHasLabelledEdges()
    {
        const sc::Graph &g = m_doc.graph();
        QCOMPARE(g.nodes().size(), std::size_t(5));
        std::vector<std::string> edges;
        for (const auto &e : g.edges())
            edges.push_back(e.source + "->" + e.target + " " + e.label);
        QCOMPARE(edges, (std::vector<std::string>{
                            "SubnetA->Vpc Properties/VpcId",
                            "Fn->Queue DependsOn/0",
                            "Fn->Role Properties/Role",
                            "Fn->Queue Properties/Environment/Variables/QUEUE",
                            "Fn->Queue Properties/Environment/Variables/ARN/Fn::Sub",
                        }));
        QCOMPARE(g.edgesTo("Queue").size(), std::size_t(3));
    }

    void addResourceUsesOverlayDefaults()
    {
        const Json before = m_doc.root();
        QSignalSpy spy(&m_doc, &sc::Document::changed);
        const sc::EditResult r = m_doc.addResource("AWS::SQS::Queue", QPointF(120, 40));
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.createdId, std::string("Queue2"));
        Json after = before;
        Json queue = {{"Type", "AWS::SQS::Queue"}};
        if (const auto *o = sc::Catalog::instance().overlay("AWS::SQS::Queue"); o && !o->defaults.empty())
            queue["Properties"] = o->defaults;
        after["Resources"]["Queue2"] = queue;
        after["Metadata"]["StackCanvas"]["layout"]["Queue2"] = {{"x", 120}, {"y", 40}};
        checkUndoRedo(before, after);
        QCOMPARE(spy.count(), 5); // push, undo, redo, undo, redo
        const auto change = spy.at(0).at(0).value<sc::DocumentChange>();
        QVERIFY(change.added.count("Queue2"));
        QCOMPARE(m_doc.position("Queue2"), QPointF(120, 40));
    }

    void addResourceRefusesTakenOrInvalidIds()
    {
        const Json before = m_doc.root();
        QCOMPARE(m_doc.addResource("AWS::SQS::Queue", {}, "Queue").error,
                 std::string("the logical ID 'Queue' is already used"));
        QCOMPARE(m_doc.addResource("AWS::SQS::Queue", {}, "Env").error,
                 std::string("the logical ID 'Env' is already used"));
        QCOMPARE(m_doc.addResource("AWS::SQS::Queue", {}, "my-queue").error,
                 std::string("a logical ID has only letters A-Z, a-z and digits 0-9"));
        JCOMPARE(m_doc.root(), before);
        QCOMPARE(m_doc.undoStack()->count(), 0);
        consistent();
    }

    void removeResourcesCutsPlainReferences()
    {
        const Json before = m_doc.root();
        QVERIFY(m_doc.removeResources({"Queue"}).ok);
        Json after = before;
        after["Resources"].erase("Queue");
        after["Resources"]["Fn"].erase("DependsOn");
        after["Resources"]["Fn"]["Properties"]["Environment"]["Variables"].erase("QUEUE");
        // References outside the resources, and inside Fn::Sub text, stay for the rules to flag.
        checkUndoRedo(before, after);
    }

    // Cards are set once and kept while they only move; an edit of what a card shows (its ID,
    // its type), its undo and a reload set it again.
    void aCardIsSetAgainWhenWhatItShowsChanges()
    {
        const auto joined = [](const sc::CardLayout &l) {
            std::string all;
            for (const std::string &line : l.titleLines)
                all += line;
            return all;
        };
        const sc::CardLayout queue = m_doc.cardLayout("Queue");
        QCOMPARE(joined(queue), std::string("Queue"));
        QVERIFY(!queue.hasFleet);
        QVERIFY(m_doc.moveNodes({{"Queue", QPointF(400, 20)}}, 3).ok);
        QCOMPARE(m_doc.footprint("Queue"), queue.footprint(QPointF(400, 20)));

        const std::string longId = "QueueForTheNightlyReconciliationOfEveryRegionalLedger";
        QVERIFY(m_doc.renameLogicalId("Queue", longId).ok);
        const sc::CardLayout renamed = m_doc.cardLayout(longId);
        QCOMPARE(joined(renamed), longId);
        QVERIFY(renamed.titleLines.size() > 1);
        QVERIFY(renamed.size.height() > queue.size.height());
        m_doc.undoStack()->undo();
        QCOMPARE(joined(m_doc.cardLayout("Queue")), std::string("Queue"));
        QCOMPARE(m_doc.cardLayout("Queue").size, queue.size);

        QVERIFY(m_doc.setValue("/Resources/Queue/Type", "AWS::ElasticBeanstalk::Environment").ok);
        QVERIFY(m_doc.cardLayout("Queue").hasFleet);
        QVERIFY(m_doc.footprint("Queue").height() > queue.footprint({}).height());
        m_doc.undoStack()->undo();
        QVERIFY(!m_doc.cardLayout("Queue").hasFleet);

        load("Resources:\n  Queue:\n    Type: AWS::ElasticBeanstalk::Environment\n");
        QVERIFY(m_doc.cardLayout("Queue").hasFleet);
    }

    // Where a card stands follows every kind of edit of the saved layout: a move and its undo,
    // a rename, a paste-like set of one entry, an entry made invalid, the whole layout replaced
    // or removed, and a reload.
    void savedPositionsFollowEveryEdit()
    {
        QCOMPARE(m_doc.savedPosition("Queue"), std::nullopt);
        QVERIFY(m_doc.moveNodes({{"Queue", QPointF(400, 20)}, {"Vpc", QPointF(0, 0)}}, 3).ok);
        QCOMPARE(m_doc.savedPosition("Queue"), std::optional<QPointF>(QPointF(400, 20)));
        QVERIFY(m_doc.moveNodes({{"Queue", QPointF(480, 60)}}, 4).ok);
        QCOMPARE(m_doc.position("Queue"), QPointF(480, 60));
        m_doc.undoStack()->undo();
        QCOMPARE(m_doc.position("Queue"), QPointF(400, 20));
        m_doc.undoStack()->redo();
        QCOMPARE(m_doc.position("Queue"), QPointF(480, 60));

        QVERIFY(m_doc.renameLogicalId("Queue", "Jobs").ok);
        QCOMPARE(m_doc.savedPosition("Queue"), std::nullopt);
        QCOMPARE(m_doc.savedPosition("Jobs"), std::optional<QPointF>(QPointF(480, 60)));
        m_doc.undoStack()->undo();
        QCOMPARE(m_doc.savedPosition("Jobs"), std::nullopt);
        QCOMPARE(m_doc.position("Queue"), QPointF(480, 60));

        QVERIFY(m_doc.setValue("/Metadata/StackCanvas/layout/Queue/x", Json(720)).ok);
        QCOMPARE(m_doc.position("Queue"), QPointF(720, 60));
        QVERIFY(m_doc.setValue("/Metadata/StackCanvas/layout/Queue/y", Json("high")).ok);
        QCOMPARE(m_doc.savedPosition("Queue"), std::nullopt);
        m_doc.undoStack()->undo();
        QCOMPARE(m_doc.savedPosition("Queue"), std::optional<QPointF>(QPointF(720, 60)));

        QVERIFY(m_doc.setValue("/Metadata/StackCanvas/layout", Json::parse(R"({"Queue": {"x": 8, "y": 16}})")).ok);
        QCOMPARE(m_doc.savedPosition("Queue"), std::optional<QPointF>(QPointF(8, 16)));
        QCOMPARE(m_doc.savedPosition("Vpc"), std::nullopt);
        QVERIFY(m_doc.removeValue("/Metadata").ok);
        QCOMPARE(m_doc.savedPosition("Queue"), std::nullopt);
        m_doc.undoStack()->undo();
        QCOMPARE(m_doc.savedPosition("Queue"), std::optional<QPointF>(QPointF(8, 16)));

        load("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
             "Metadata:\n  StackCanvas:\n    layout:\n      Queue: {x: 32, y: 64}\n");
        QCOMPARE(m_doc.savedPosition("Queue"), std::optional<QPointF>(QPointF(32, 64)));
    }

    void moveNodesMergesOneGesture()
    {
        const Json before = m_doc.root();
        QVERIFY(m_doc.moveNodes({{"Vpc", QPointF(10, 10)}, {"Queue", QPointF(300, 10)}}, 7).ok);
        QVERIFY(m_doc.moveNodes({{"Vpc", QPointF(20, 30)}, {"Queue", QPointF(310, 30)}}, 7).ok);
        QVERIFY(m_doc.moveNodes({{"Vpc", QPointF(40, 50)}, {"Queue", QPointF(330, 50)}}, 7).ok);
        QCOMPARE(m_doc.undoStack()->count(), 1);
        Json after = before;
        after["Metadata"]["StackCanvas"]["layout"]["Queue"] = {{"x", 330}, {"y", 50}};
        after["Metadata"]["StackCanvas"]["layout"]["Vpc"] = {{"x", 40}, {"y", 50}};
        checkUndoRedo(before, after);
        QVERIFY(m_doc.moveNodes({{"Vpc", QPointF(0, 0)}}, 8).ok);
        QCOMPARE(m_doc.undoStack()->count(), 2);
    }

    void setAndRemoveValuesAndAttributes_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("value"); // JSON; empty = remove
        QTest::newRow("new property") << "/Resources/Queue/Properties" << R"({"DelaySeconds": 5})";
        QTest::newRow("nested property") << "/Resources/Fn/Properties/Environment/Variables/QUEUE" << R"({"Fn::GetAtt": ["Queue", "QueueName"]})";
        QTest::newRow("DeletionPolicy") << "/Resources/Queue/DeletionPolicy" << R"("Retain")";
        QTest::newRow("UpdateReplacePolicy") << "/Resources/Vpc/UpdateReplacePolicy" << R"("Retain")";
        QTest::newRow("DependsOn") << "/Resources/SubnetA/DependsOn" << R"(["Role"])";
        QTest::newRow("Condition") << "/Resources/Queue/Condition" << R"("IsProd")";
        QTest::newRow("Metadata") << "/Resources/Queue/Metadata" << R"({"Owner": "team"})";
        QTest::newRow("remove property") << "/Resources/Vpc/Properties/CidrBlock" << "";
        QTest::newRow("remove DependsOn") << "/Resources/Fn/DependsOn" << "";
        QTest::newRow("list item") << "/Resources/Fn/DependsOn/0" << R"("Role")";
    }

    void setAndRemoveValuesAndAttributes()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        const Json before = m_doc.root();
        Json after = before;
        const Json::json_pointer p(pointer.toStdString());
        if (value.isEmpty()) {
            QVERIFY(m_doc.removeValue(pointer.toStdString()).ok);
            after[p.parent_pointer()].erase(p.back());
        } else {
            const Json v = Json::parse(value.toStdString());
            const sc::EditResult r = m_doc.setValue(pointer.toStdString(), v);
            QVERIFY2(r.ok, r.error.c_str());
            after[p] = v;
        }
        checkUndoRedo(before, after);
    }

    void removedKeyReturnsToItsPlace()
    {
        QVERIFY(m_doc.removeValue("/Resources/SubnetA/Properties/VpcId").ok);
        m_doc.undoStack()->undo();
        const Json &props = m_doc.root()["Resources"]["SubnetA"]["Properties"];
        QCOMPARE(props.begin().key(), std::string("VpcId"));
    }

    void renameRewritesEveryReference()
    {
        const Json before = m_doc.root();
        QVERIFY(m_doc.moveNodes({{"Queue", QPointF(5, 5)}}).ok);
        const Json moved = m_doc.root();
        QSignalSpy spy(&m_doc, &sc::Document::changed);
        const sc::EditResult r = m_doc.renameLogicalId("Queue", "Jobs");
        QVERIFY2(r.ok, r.error.c_str());
        const Json &after = m_doc.root();
        // Same place in Resources.
        std::vector<std::string> order;
        for (const auto &[k, v] : after["Resources"].items())
            order.push_back(k);
        QCOMPARE(order, (std::vector<std::string>{"Vpc", "SubnetA", "Jobs", "Fn", "Role"}));
        JCOMPARE(after["Resources"]["Fn"]["DependsOn"], Json::parse(R"(["Jobs"])"));
        JCOMPARE(after["Resources"]["Fn"]["Properties"]["Environment"]["Variables"],
                 Json::parse(R"({"QUEUE": {"Ref": "Jobs"}, "ARN": {"Fn::Sub": "${Jobs.Arn}/x"}})"));
        JCOMPARE(after["Outputs"]["QueueUrl"]["Value"], Json::parse(R"({"Ref": "Jobs"})"));
        JCOMPARE(after["Outputs"]["QueueArn"]["Value"], Json::parse(R"({"Fn::GetAtt": ["Jobs", "Arn"]})"));
        JCOMPARE(after["Metadata"]["StackCanvas"]["layout"]["Jobs"], Json::parse(R"({"x": 5, "y": 5})"));
        QVERIFY(!after["Metadata"]["StackCanvas"]["layout"].contains("Queue"));
        const auto change = spy.at(0).at(0).value<sc::DocumentChange>();
        QCOMPARE(change.renamed.size(), std::size_t(1));
        QVERIFY(change.added.empty() && change.removed.empty());
        const Json renamed = m_doc.root();
        m_doc.undoStack()->undo();
        JCOMPARE(m_doc.root(), moved);
        consistent();
        m_doc.undoStack()->redo();
        JCOMPARE(m_doc.root(), renamed);
        consistent();
        m_doc.undoStack()->undo();
        m_doc.undoStack()->undo();
        JCOMPARE(m_doc.root(), before);
    }

    void renameParameterRewritesConditions()
    {
        QVERIFY(m_doc.renameLogicalId("Env", "Stage").ok);
        JCOMPARE(m_doc.root()["Conditions"]["IsProd"], Json::parse(R"({"Fn::Equals": [{"Ref": "Stage"}, "prod"]})"));
        QVERIFY(m_doc.root()["Parameters"].contains("Stage"));
        consistent();
    }

    void renameRefusals()
    {
        const Json before = m_doc.root();
        QCOMPARE(m_doc.renameLogicalId("Queue", "Fn").error, std::string("the logical ID 'Fn' is already used"));
        QCOMPARE(m_doc.renameLogicalId("Nope", "X").error, std::string("no resource or parameter named 'Nope'"));
        QVERIFY(!m_doc.renameLogicalId("Queue", "bad id").ok);
        JCOMPARE(m_doc.root(), before);
        QCOMPARE(m_doc.undoStack()->count(), 0);
    }

    void connectWritesTheRulesIntrinsic()
    {
        const Json before = m_doc.root();
        sc::ConnectionRule list{"AWS::Lambda::Function", "AWS::EC2::Subnet", "VpcConfig/SubnetIds/-", "Ref", "Runs in subnet", {}};
        QVERIFY(m_doc.connect("Fn", "SubnetA", list).ok);
        Json after = before;
        after["Resources"]["Fn"]["Properties"]["VpcConfig"] = Json::parse(R"({"SubnetIds": [{"Ref": "SubnetA"}]})");
        checkUndoRedo(before, after);
        QCOMPARE(m_doc.connect("Fn", "SubnetA", list).error,
                 std::string("Fn is already connected to SubnetA (Runs in subnet)"));

        load();
        sc::ConnectionRule nested{"AWS::SQS::Queue", "AWS::Lambda::Function", "RedrivePolicy/-/Arn", "GetAtt:Arn", "x", {}};
        QVERIFY(m_doc.connect("Queue", "Fn", nested).ok);
        JCOMPARE(m_doc.root()["Resources"]["Queue"]["Properties"],
                 Json::parse(R"({"RedrivePolicy": [{"Arn": {"Fn::GetAtt": ["Fn", "Arn"]}}]})"));
        consistent();
        QCOMPARE(m_doc.graph().edgesFrom("Queue").size(), std::size_t(1));
        QCOMPARE(m_doc.graph().edgesFrom("Queue")[0]->label, std::string("Properties/RedrivePolicy/0/Arn"));

        sc::ConnectionRule wrongTypes{"AWS::EC2::VPC", "AWS::EC2::Subnet", "X", "Ref", "bad", {}};
        QVERIFY(!m_doc.connect("Fn", "SubnetA", wrongTypes).ok);
    }

    void disconnectRemovesTheReferenceAndEmptyContainers()
    {
        sc::ConnectionRule list{"AWS::Lambda::Function", "AWS::EC2::Subnet", "VpcConfig/SubnetIds/-", "Ref", "Runs in subnet", {}};
        QVERIFY(m_doc.connect("Fn", "SubnetA", list).ok);
        const Json connected = m_doc.root();
        const sc::GraphEdge edge = *m_doc.graph().edgesFrom("Fn").back();
        QCOMPARE(edge.label, std::string("Properties/VpcConfig/SubnetIds/0"));
        QVERIFY(m_doc.disconnect(edge).ok);
        Json after = connected;
        after["Resources"]["Fn"]["Properties"].erase("VpcConfig");
        JCOMPARE(m_doc.root(), after);
        consistent();
        m_doc.undoStack()->undo();
        JCOMPARE(m_doc.root(), connected);
        consistent();

        const sc::GraphEdge subEdge = *m_doc.graph().edgesFrom("Fn")[3];
        QCOMPARE(subEdge.kind, sc::Reference::Kind::Sub);
        QVERIFY(!m_doc.disconnect(subEdge).ok);
        JCOMPARE(m_doc.root(), connected);
    }

    void macroEditIsAllOrNothing()
    {
        const Json before = m_doc.root();
        const sc::EditResult r = m_doc.edit("two steps", [](sc::EditRecorder &rec, std::string &error) {
            rec.set("/Resources/Queue/DeletionPolicy", "Retain");
            error = "second step refused";
            return false;
        });
        QCOMPARE(r.error, std::string("second step refused"));
        JCOMPARE(m_doc.root(), before);
        QCOMPARE(m_doc.undoStack()->count(), 0);
        consistent();
    }

    void autoLayoutPlacesDependenciesLeftWithoutOverlap()
    {
        const QPointF vpc = m_doc.position("Vpc");
        const QPointF subnet = m_doc.position("SubnetA");
        const QPointF fn = m_doc.position("Fn");
        QVERIFY(vpc.x() < subnet.x());
        QVERIFY(m_doc.position("Queue").x() < fn.x());
        std::vector<QPointF> all;
        for (const auto &id : m_doc.resourceIds())
            all.push_back(m_doc.position(id));
        for (std::size_t i = 0; i < all.size(); ++i)
            for (std::size_t j = i + 1; j < all.size(); ++j)
                QVERIFY(std::abs(all[i].x() - all[j].x()) >= 200 || std::abs(all[i].y() - all[j].y()) >= 72);
    }

    void positionsFollowTheTextAsSaved()
    {
        QCOMPARE(m_doc.positions().exact("/Resources/Queue").line, 17);
        QVERIFY(m_doc.removeResources({"Vpc"}).ok);
        // Now the text as it would be saved: SubnetA moved up.
        QVERIFY(m_doc.positions().exact("/Resources/SubnetA").line < 13);
    }
};

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
