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

std::vector<ContainerBox> containerBoxes(const ContainerMembership &m, const FootprintOf &footprintOf)
{
    return ContainerBoxes(m, footprintOf).boxes();
}

ContainerBoxes::ContainerBoxes(const ContainerMembership &m, const FootprintOf &footprintOf)
{
    std::map<std::string, int> subnetIndex;
    for (const auto &[id, members] : m.subnetMembers) {
        subnetIndex.emplace(id, static_cast<int>(m_subnets.size()));
        m_dependents[id].subnets.push_back(static_cast<int>(m_subnets.size()));
        for (const std::string &member : members)
            m_dependents[member].subnets.push_back(static_cast<int>(m_subnets.size()));
        m_subnets.push_back({id, {members.begin(), members.end()}, {}, -1});
    }
    m_vpcsOfSubnet.resize(m_subnets.size());
    for (const auto &entry : m.vpcSubnets) {
        const std::string &id = entry.first;
        const std::set<std::string> &subnets = entry.second; // named: a lambda below reads it
        if (subnets.empty())
            continue;
        Vpc vpc{id, {}, {}, static_cast<int>(m_boxes.size())};
        const int at = static_cast<int>(m_vpcs.size());
        for (const std::string &subnet : subnets) {
            if (const auto found = subnetIndex.find(subnet); found != subnetIndex.end()) {
                vpc.subnets.push_back(found->second);
                m_vpcsOfSubnet[static_cast<std::size_t>(found->second)].push_back(at);
            } else {
                vpc.cards.push_back(subnet); // not read as a subnet: its card alone
                m_dependents[subnet].vpcs.push_back(at);
            }
        }
        for (const auto &[spanner, spanned] : m.spanning) {
            if (std::any_of(spanned.begin(), spanned.end(), [&](const std::string &s) { return subnets.count(s) != 0; })) {
                vpc.cards.push_back(spanner);
                m_dependents[spanner].vpcs.push_back(at);
            }
        }
        m_dependents[id].vpcs.push_back(at);
        m_boxes.push_back({id, ContainerBox::Kind::Vpc, {}, "VPC  " + id});
        m_vpcs.push_back(std::move(vpc));
    }
    for (Subnet &subnet : m_subnets) {
        if (subnet.members.empty())
            continue;
        subnet.drawn = static_cast<int>(m_boxes.size());
        m_boxes.push_back({subnet.id, ContainerBox::Kind::Subnet, {}, "Subnet  " + subnet.id});
    }
    for (std::size_t i = 0; i < m.splits.size(); ++i) {
        for (int side = 0; side < 2; ++side) {
            const bool blue = side == 0;
            Half half{{m.splits[i].halves[side].begin(), m.splits[i].halves[side].end()}, static_cast<int>(m_boxes.size())};
            for (const std::string &member : half.members)
                m_dependents[member].halves.push_back(static_cast<int>(m_halves.size()));
            m_boxes.push_back({std::string(blue ? "blue" : "green") + std::to_string(i + 1),
                               blue ? ContainerBox::Kind::Blue : ContainerBox::Kind::Green, {}, blue ? "Blue" : "Green"});
            m_halves.push_back(std::move(half));
        }
    }
    for (Subnet &subnet : m_subnets)
        measureSubnet(subnet, footprintOf);
    for (const Vpc &vpc : m_vpcs)
        measureVpc(vpc, footprintOf);
    for (const Half &half : m_halves)
        measureHalf(half, footprintOf);
}

bool ContainerBoxes::update(const std::set<std::string> &moved, const FootprintOf &footprintOf)
{
    std::set<int> subnets, vpcs, halves;
    for (const std::string &id : moved) {
        const auto found = m_dependents.find(id);
        if (found == m_dependents.end())
            continue;
        subnets.insert(found->second.subnets.begin(), found->second.subnets.end());
        vpcs.insert(found->second.vpcs.begin(), found->second.vpcs.end());
        halves.insert(found->second.halves.begin(), found->second.halves.end());
    }
    const std::vector<ContainerBox> before = m_boxes;
    for (const int i : subnets) {
        measureSubnet(m_subnets[static_cast<std::size_t>(i)], footprintOf);
        const std::vector<int> &holding = m_vpcsOfSubnet[static_cast<std::size_t>(i)];
        vpcs.insert(holding.begin(), holding.end());
    }
    for (const int i : vpcs)
        measureVpc(m_vpcs[static_cast<std::size_t>(i)], footprintOf);
    for (const int i : halves)
        measureHalf(m_halves[static_cast<std::size_t>(i)], footprintOf);
    return m_boxes != before;
}

void ContainerBoxes::measureSubnet(Subnet &subnet, const FootprintOf &footprintOf)
{
    QRectF r = footprintOf(subnet.id);
    for (const std::string &member : subnet.members)
        r |= footprintOf(member);
    subnet.box = padded(r, kSubnetPadding);
    if (subnet.drawn >= 0)
        m_boxes[static_cast<std::size_t>(subnet.drawn)].rect = subnet.box;
}

void ContainerBoxes::measureVpc(const Vpc &vpc, const FootprintOf &footprintOf)
{
    QRectF r = footprintOf(vpc.id);
    for (const int subnet : vpc.subnets)
        r |= m_subnets[static_cast<std::size_t>(subnet)].box;
    for (const std::string &id : vpc.cards)
        r |= footprintOf(id);
    m_boxes[static_cast<std::size_t>(vpc.drawn)].rect = padded(r, kVpcPadding);
}

void ContainerBoxes::measureHalf(const Half &half, const FootprintOf &footprintOf)
{
    QRectF r;
    for (const std::string &member : half.members)
        r |= footprintOf(member);
    m_boxes[static_cast<std::size_t>(half.drawn)].rect = padded(r, kHalfPadding);
}

} // namespace sc
