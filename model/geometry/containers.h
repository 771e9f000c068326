#pragma once
// The boxes drawn around resources that belong together, for the canvas and the diagram alike:
// a subnet's box holds what refers to that subnet alone; what refers to several (a load
// balancer, a fleet across zones) stands outside their boxes, so that boxes never overlap, and
// inside the VPC's box, which holds its subnets' boxes. The halves of a blue/green setup get a
// box each. Membership comes from the template (only an edit changes it); the rectangles from
// where the member cards stand (a move changes them).

#include "model/document/graph.h"
#include "model/geometry/bluegreen.h"

#include <QRectF>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

struct ContainerBox {
    enum class Kind { Vpc, Subnet, Blue, Green };
    std::string id;    // the VPC or subnet resource; "blue"/"green" and the split's number for halves
    Kind kind = Kind::Subnet;
    QRectF rect;
    std::string label; // "VPC  Network", "Subnet  PublicA", "Blue", "Green"

    friend bool operator==(const ContainerBox &, const ContainerBox &) = default;
};

std::string_view kindName(ContainerBox::Kind kind); // "vpc", "subnet", "blue", "green"

struct ContainerMembership {
    std::map<std::string, std::set<std::string>> subnetMembers; // subnet -> resources in it
    std::map<std::string, std::set<std::string>> vpcSubnets;    // VPC -> its subnets
    std::map<std::string, std::set<std::string>> spanning;      // resource -> its subnets, when several
    std::vector<BlueGreenSplit> splits;

    // A subnet holds what refers to it and to no other subnet (DependsOn aside), a VPC the
    // subnets that refer to it and what spans them.
    static ContainerMembership of(const Json &root, const Graph &graph);
    // Every resource whose move can change a box.
    std::set<std::string> members() const;
};

using FootprintOf = std::function<QRectF(const std::string &)>;

// Boxes, outer before inner (a VPC before its subnets), from each member's footprint (its card
// and what hangs under it). Empty VPCs and subnets get no box.
std::vector<ContainerBox> containerBoxes(const ContainerMembership &membership, const FootprintOf &footprintOf);

// The same boxes, kept between moves: after a move only the boxes that hold a moved resource
// (or hold a box that does) are measured again, so that dragging one card among thousands reads
// a few footprints, not all of them.
class ContainerBoxes {
public:
    ContainerBoxes() = default;
    ContainerBoxes(const ContainerMembership &membership, const FootprintOf &footprintOf);

    // After the resources of `moved` moved or changed size; whether any box changed.
    bool update(const std::set<std::string> &moved, const FootprintOf &footprintOf);
    const std::vector<ContainerBox> &boxes() const { return m_boxes; }

private:
    struct Subnet {
        std::string id;
        std::vector<std::string> members;
        QRectF box;         // padded, whether it is drawn or not: its VPC's box holds it
        int drawn = -1;     // its index in m_boxes, when it has members
    };
    struct Vpc {
        std::string id;
        std::vector<int> subnets;          // into m_subnets
        std::vector<std::string> cards; // what spans its subnets, and any subnet not read as one
        int drawn = -1;
    };
    struct Half {
        std::vector<std::string> members;
        int drawn = -1;
    };
    // What a resource's move makes measure again.
    struct Dependents {
        std::vector<int> subnets, vpcs, halves;
    };

    void measureSubnet(Subnet &subnet, const FootprintOf &footprintOf);
    void measureVpc(const Vpc &vpc, const FootprintOf &footprintOf);
    void measureHalf(const Half &half, const FootprintOf &footprintOf);

    std::vector<Subnet> m_subnets;
    std::vector<Vpc> m_vpcs;
    std::vector<Half> m_halves;
    std::unordered_map<std::string, Dependents> m_dependents;
    std::vector<std::vector<int>> m_vpcsOfSubnet;
    std::vector<ContainerBox> m_boxes;
};

} // namespace sc
