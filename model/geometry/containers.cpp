#include "model/geometry/containers.h"

#include <algorithm>

namespace sc {

namespace {

constexpr double kSubnetPadding = 20;
constexpr double kVpcPadding = 28;
constexpr double kHalfPadding = 16;
constexpr double kLabelHeight = 24; // the label sits in the box's top band

QRectF padded(const QRectF &r, double pad)
{
    return r.adjusted(-pad, -pad - kLabelHeight, pad, pad);
}

} // namespace

std::string_view kindName(ContainerBox::Kind kind)
{
    switch (kind) {
    case ContainerBox::Kind::Vpc: return "vpc";
    case ContainerBox::Kind::Subnet: return "subnet";
    case ContainerBox::Kind::Blue: return "blue";
    case ContainerBox::Kind::Green: return "green";
    }
    return {};
}

ContainerMembership ContainerMembership::of(const Json &root, const Graph &graph)
{
    ContainerMembership m;
    std::map<std::string, std::string> types;
    for (const GraphNode &node : graph.nodes()) {
        types[node.id] = node.type;
        if (node.type == "AWS::EC2::Subnet")
            m.subnetMembers[node.id];
        else if (node.type == "AWS::EC2::VPC")
            m.vpcSubnets[node.id];
    }
    std::map<std::string, std::set<std::string>> subnetsOf; // resource -> the subnets it refers to
    for (const GraphEdge &e : graph.edges()) {
        if (e.kind == Reference::Kind::DependsOn || e.source == e.target)
            continue;
        const std::string &sourceType = types[e.source];
        if (m.subnetMembers.count(e.target) && sourceType != "AWS::EC2::Subnet" && sourceType != "AWS::EC2::VPC")
            subnetsOf[e.source].insert(e.target);
        if (m.vpcSubnets.count(e.target) && sourceType == "AWS::EC2::Subnet")
            m.vpcSubnets[e.target].insert(e.source);
    }
    for (auto &[id, subnets] : subnetsOf) {
        if (subnets.size() == 1)
            m.subnetMembers[*subnets.begin()].insert(id);
        else
            m.spanning.emplace(id, std::move(subnets));
    }
    m.splits = findBlueGreenSplits(root, graph);
    return m;
}

std::set<std::string> ContainerMembership::members() const
{
    std::set<std::string> all;
    for (const auto &[subnet, members] : subnetMembers) {
        all.insert(subnet);
        all.insert(members.begin(), members.end());
    }
    for (const auto &[vpc, subnets] : vpcSubnets) {
        all.insert(vpc);
        all.insert(subnets.begin(), subnets.end());
    }
    for (const auto &[id, subnets] : spanning)
        all.insert(id);
    for (const BlueGreenSplit &split : splits) {
        for (const auto &half : split.halves)
            all.insert(half.begin(), half.end());
    }
    return all;
}

std::vector<ContainerBox> containerBoxes(const ContainerMembership &m,
                                         const std::function<QRectF(const std::string &)> &footprintOf)
{
    std::vector<ContainerBox> boxes;
    std::map<std::string, QRectF> subnetBoxes;
    for (const auto &[subnet, members] : m.subnetMembers) {
        QRectF r = footprintOf(subnet);
        for (const std::string &member : members)
            r |= footprintOf(member);
        subnetBoxes[subnet] = padded(r, kSubnetPadding);
    }
    for (const auto &[vpc, subnets] : m.vpcSubnets) {
        if (subnets.empty())
            continue;
        QRectF r = footprintOf(vpc);
        for (const std::string &subnet : subnets)
            r |= subnetBoxes.count(subnet) ? subnetBoxes[subnet] : footprintOf(subnet);
        const std::set<std::string> &inVpc = subnets;
        for (const auto &[id, spanned] : m.spanning)
            if (std::any_of(spanned.begin(), spanned.end(), [&inVpc](const std::string &s) { return inVpc.count(s) != 0; }))
                r |= footprintOf(id);
        boxes.push_back({vpc, ContainerBox::Kind::Vpc, padded(r, kVpcPadding), "VPC  " + vpc});
    }
    for (const auto &[subnet, members] : m.subnetMembers) {
        if (!members.empty())
            boxes.push_back({subnet, ContainerBox::Kind::Subnet, subnetBoxes[subnet], "Subnet  " + subnet});
    }
    for (std::size_t i = 0; i < m.splits.size(); ++i) {
        const BlueGreenSplit &split = m.splits[i];
        for (int side = 0; side < 2; ++side) {
            QRectF r;
            for (const std::string &member : split.halves[side])
                r |= footprintOf(member);
            const bool blue = side == 0;
            boxes.push_back({std::string(blue ? "blue" : "green") + std::to_string(i + 1),
                             blue ? ContainerBox::Kind::Blue : ContainerBox::Kind::Green, padded(r, kHalfPadding),
                             blue ? "Blue" : "Green"});
        }
    }
    return boxes;
}

} // namespace sc
