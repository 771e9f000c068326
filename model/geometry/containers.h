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

// Boxes, outer before inner (a VPC before its subnets), from each member's footprint (its card
// and what hangs under it). Empty VPCs and subnets get no box.
std::vector<ContainerBox> containerBoxes(const ContainerMembership &membership,
                                         const std::function<QRectF(const std::string &)> &footprintOf);

} // namespace sc
