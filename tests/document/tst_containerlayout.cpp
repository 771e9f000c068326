// VPC and subnet boxes as the automatic layout leaves them: a box covers its own members and no
// other card, boxes of different subnets never overlap, and what spans subnets (a load balancer,
// a fleet across zones) stands in its VPC's box outside theirs. On a small architecture, then on
// every real-world template and example that has a VPC or a subnet.

#include "model/document/document.h"
#include "model/document/documentio.h"
#include "model/geometry/containers.h"
#include "model/template/templatereader.h"

#include <QDirIterator>
#include <QTest>

#include <algorithm>
#include <set>
#include <utility>

namespace {

// The ALB spans both public subnets, the fleet and the database subnet group both private ones;
// the NAT gateway stands in PublicA alone.
const char *const kTwoZones = R"(Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  PublicA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}
  PublicB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}
  PrivateA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}
  PrivateB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24}
  AppA:
    Type: AWS::EC2::Instance
    Properties: {SubnetId: !Ref PrivateA, ImageId: ami-12345678}
  NatIp:
    Type: AWS::EC2::EIP
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {SubnetId: !Ref PublicA, AllocationId: !GetAtt NatIp.AllocationId}
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: {Subnets: [!Ref PublicA, !Ref PublicB]}
  Asg:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: [!Ref PrivateA, !Ref PrivateB]}
  DbSubnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: db, SubnetIds: [!Ref PrivateA, !Ref PrivateB]}
  Queue:
    Type: AWS::SQS::Queue
)";

struct Laid {
    sc::ContainerMembership membership;
    std::vector<sc::ContainerBox> boxes;
};

Laid lay(const sc::Document &document)
{
    Laid laid{sc::ContainerMembership::of(document.root(), document.graph()), {}};
    laid.boxes = sc::containerBoxes(laid.membership, [&](const std::string &id) { return document.footprint(id); });
    return laid;
}

const sc::ContainerBox *box(const Laid &laid, const std::string &id)
{
    for (const sc::ContainerBox &b : laid.boxes)
        if (b.id == id)
            return &b;
    return nullptr;
}

// The cards a VPC or subnet box is drawn for.
std::set<std::string> membersOf(const Laid &laid, const sc::ContainerBox &b)
{
    std::set<std::string> members{b.id};
    if (b.kind == sc::ContainerBox::Kind::Subnet) {
        const auto &own = laid.membership.subnetMembers.at(b.id);
        members.insert(own.begin(), own.end());
        return members;
    }
    const std::set<std::string> &subnets = laid.membership.vpcSubnets.at(b.id);
    for (const std::string &subnet : subnets) {
        members.insert(subnet);
        const auto &own = laid.membership.subnetMembers.at(subnet);
        members.insert(own.begin(), own.end());
    }
    for (const auto &[id, spanned] : laid.membership.spanning)
        for (const std::string &subnet : spanned)
            if (subnets.count(subnet))
                members.insert(id);
    return members;
}

// Every VPC and subnet box holds its members' cards and touches no other card; no two subnet
// boxes overlap. Returns what is wrong, or an empty string.
std::string boxesCoverTheirMembersOnly(const sc::Document &document, const Laid &laid)
{
    std::vector<const sc::ContainerBox *> subnets;
    for (const sc::ContainerBox &b : laid.boxes) {
        if (b.kind != sc::ContainerBox::Kind::Vpc && b.kind != sc::ContainerBox::Kind::Subnet)
            continue;
        const std::set<std::string> members = membersOf(laid, b);
        for (const std::string &id : document.resourceIds()) {
            const QRectF card = document.footprint(id);
            if (members.count(id) && !b.rect.contains(card))
                return "the box of " + b.id + " does not hold " + id;
            if (!members.count(id) && b.rect.intersects(card))
                return "the box of " + b.id + " covers " + id + ", which is not in it";
        }
        if (b.kind == sc::ContainerBox::Kind::Subnet) {
            for (const sc::ContainerBox *other : subnets)
                if (other->rect.intersects(b.rect))
                    return "the boxes of " + other->id + " and " + b.id + " overlap";
            subnets.push_back(&b);
        }
    }
    return {};
}

} // namespace

class TestContainerLayout : public QObject {
    Q_OBJECT

private slots:
    void whatSpansSubnetsStandsOutsideTheirBoxes()
    {
        sc::Document document;
        document.reset(sc::readTemplate(kTwoZones, "two-zones.yaml"), "two-zones.yaml");
        const Laid laid = lay(document);

        QCOMPARE(laid.membership.subnetMembers.at("PublicA"), (std::set<std::string>{"Nat"}));
        QCOMPARE(laid.membership.subnetMembers.at("PrivateA"), (std::set<std::string>{"AppA"}));
        QVERIFY(laid.membership.subnetMembers.at("PublicB").empty());
        QCOMPARE(laid.membership.spanning.at("Alb"), (std::set<std::string>{"PublicA", "PublicB"}));
        QCOMPARE(laid.membership.spanning.at("Asg"), (std::set<std::string>{"PrivateA", "PrivateB"}));
        QCOMPARE(laid.membership.spanning.at("DbSubnets"), (std::set<std::string>{"PrivateA", "PrivateB"}));
        QCOMPARE(laid.membership.spanning.size(), std::size_t(3));

        // Boxes for the VPC and the two subnets that hold something of their own.
        QCOMPARE(laid.boxes.size(), std::size_t(3));
        const sc::ContainerBox *vpc = box(laid, "Vpc");
        const sc::ContainerBox *publicA = box(laid, "PublicA");
        const sc::ContainerBox *privateA = box(laid, "PrivateA");
        QVERIFY(vpc && publicA && privateA);
        QVERIFY(!box(laid, "PublicB"));
        for (const char *id : {"Alb", "Asg", "DbSubnets", "PublicB", "PrivateB"}) {
            QVERIFY2(vpc->rect.contains(document.footprint(id)), id);
            QVERIFY2(!publicA->rect.intersects(document.footprint(id)), id);
            QVERIFY2(!privateA->rect.intersects(document.footprint(id)), id);
        }
        for (const char *id : {"Queue", "NatIp"})
            QVERIFY2(!vpc->rect.intersects(document.footprint(id)), id);
        const std::string wrong = boxesCoverTheirMembersOnly(document, laid);
        QVERIFY2(wrong.empty(), wrong.c_str());
    }

    void bothLayoutsKeepBoxesApart()
    {
        sc::Document document;
        document.reset(sc::readTemplate(kTwoZones, "two-zones.yaml"), "two-zones.yaml");
        for (const sc::LayoutMode mode : {sc::LayoutMode::Dependencies, sc::LayoutMode::TrafficFlow}) {
            QVERIFY(document.arrange(mode).ok);
            const std::string wrong = boxesCoverTheirMembersOnly(document, lay(document));
            QVERIFY2(wrong.empty(), wrong.c_str());
        }
    }

    void movingASpanningCardGrowsItsVpcBox()
    {
        sc::Document document;
        document.reset(sc::readTemplate(kTwoZones, "two-zones.yaml"), "two-zones.yaml");
        QVERIFY(lay(document).membership.members().count("Alb"));
        const QRectF before = box(lay(document), "Vpc")->rect;
        QVERIFY(document.moveNodes({{"Alb", before.bottomRight() + QPointF(400, 400)}}).ok);
        const QRectF after = box(lay(document), "Vpc")->rect;
        QVERIFY(after.contains(document.footprint("Alb")));
        QVERIFY(after.height() > before.height());
    }

    // Kept boxes measured again after each move equal boxes measured whole, and a move reads
    // only the footprints of the boxes that hold what moved.
    void keptBoxesFollowMovesAsAWholeMeasureDoes_data() { realTemplatesGetBoxesThatCoverTheirMembersOnly_data(); }
    void keptBoxesFollowMovesAsAWholeMeasureDoes()
    {
        QFETCH(QString, path);
        sc::Document document;
        try {
            sc::openDocument(document, path.toStdString());
        } catch (const sc::TemplateError &e) {
            QSKIP(e.what());
        }
        const sc::ContainerMembership membership = sc::ContainerMembership::of(document.root(), document.graph());
        int reads = 0;
        const sc::FootprintOf footprintOf = [&](const std::string &id) {
            ++reads;
            return document.footprint(id);
        };
        sc::ContainerBoxes kept(membership, footprintOf);
        const int wholeReads = std::exchange(reads, 0);
        QCOMPARE(kept.boxes(), sc::containerBoxes(membership, footprintOf));
        const std::set<std::string> inBoxes = membership.members();
        int changed = 0, step = 0;
        for (const std::string &id : document.resourceIds()) {
            ++step;
            QVERIFY(document.moveNodes({{id, document.position(id) + QPointF(37 * step % 500, -23 * step % 300)}}).ok);
            reads = 0;
            const bool moved = kept.update({id}, footprintOf);
            QVERIFY2(reads <= wholeReads, id.c_str());
            if (!inBoxes.count(id))
                QVERIFY2(!moved && reads == 0, id.c_str()); // nothing holds it
            changed += moved;
            QCOMPARE(kept.boxes(), sc::containerBoxes(membership, footprintOf));
        }
        QVERIFY(changed > 0 || kept.boxes().empty()); // a template whose subnets are parameters has none
    }

    // Moving the NAT gateway measures PublicA (its subnet card and members) and the VPC (its card
    // and what spans its subnets), nothing else.
    void aMoveReadsOnlyTheBoxesThatHoldIt()
    {
        sc::Document document;
        document.reset(sc::readTemplate(kTwoZones, "two-zones.yaml"), "two-zones.yaml");
        const sc::ContainerMembership membership = sc::ContainerMembership::of(document.root(), document.graph());
        std::vector<std::string> read;
        const sc::FootprintOf footprintOf = [&](const std::string &id) {
            read.push_back(id);
            return document.footprint(id);
        };
        sc::ContainerBoxes kept(membership, footprintOf);
        read.clear();
        QVERIFY(document.moveNodes({{"Nat", document.position("Nat") + QPointF(0, 300)}}).ok);
        QVERIFY(kept.update({"Nat"}, footprintOf));
        std::sort(read.begin(), read.end());
        QCOMPARE(read, (std::vector<std::string>{"Alb", "Asg", "DbSubnets", "Nat", "PublicA", "Vpc"}));
        QCOMPARE(kept.boxes(), sc::containerBoxes(membership, footprintOf));
        read.clear();
        QVERIFY(!kept.update({"Queue"}, footprintOf));
        QVERIFY(read.empty());
    }

    void realTemplatesGetBoxesThatCoverTheirMembersOnly_data()
    {
        QTest::addColumn<QString>("path");
        int withBoxes = 0;
        for (const char *dir : {SC_SOURCE_DIR "/tests/data/realworld", SC_SOURCE_DIR "/examples"}) {
            QDirIterator it(QString::fromUtf8(dir), {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray text = file.readAll();
                if (!text.contains("AWS::EC2::Subnet") && !text.contains("AWS::EC2::VPC"))
                    continue;
                QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
                ++withBoxes;
            }
        }
        QVERIFY2(withBoxes >= 20, qPrintable(QString::number(withBoxes)));
    }

    void realTemplatesGetBoxesThatCoverTheirMembersOnly()
    {
        QFETCH(QString, path);
        sc::Document document;
        try {
            sc::openDocument(document, path.toStdString());
        } catch (const sc::TemplateError &e) {
            QSKIP(e.what()); // not a template this layout is for (the reader's tests cover it)
        }
        const std::string wrong = boxesCoverTheirMembersOnly(document, lay(document));
        QVERIFY2(wrong.empty(), wrong.c_str());
    }
};

QTEST_GUILESS_MAIN(TestContainerLayout)
#include "tst_containerlayout.moc"
