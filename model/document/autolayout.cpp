#include "model/document/autolayout.h"

#include "model/document/treeedit.h"
#include "model/geometry/bluegreen.h"
#include "model/geometry/containers.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <tuple>
#include <unordered_set>

namespace sc {

namespace {

// Tiers by type; an Elastic Beanstalk environment depends on its tier (web or worker).
const std::map<std::string, int, std::less<>> &tiers()
{
    static const std::map<std::string, int, std::less<>> table{
        {"AWS::Route53::RecordSet", 0}, {"AWS::Route53::RecordSetGroup", 0}, {"AWS::Route53::HostedZone", 0},
        {"AWS::CloudFront::Distribution", 0}, {"AWS::Lambda::Url", 0},
        {"AWS::GlobalAccelerator::Accelerator", 0},
        {"AWS::ElasticLoadBalancingV2::LoadBalancer", 1}, {"AWS::ElasticLoadBalancing::LoadBalancer", 1},
        {"AWS::ApiGateway::RestApi", 1}, {"AWS::ApiGatewayV2::Api", 1}, {"AWS::Serverless::Api", 1},
        {"AWS::Serverless::HttpApi", 1}, {"AWS::Lambda::Alias", 1},
        {"AWS::ElasticLoadBalancingV2::Listener", 2}, {"AWS::ElasticLoadBalancingV2::ListenerRule", 2},
        {"AWS::ApiGateway::Stage", 2}, {"AWS::ApiGateway::Deployment", 2}, {"AWS::ApiGateway::Resource", 2},
        {"AWS::ApiGateway::Method", 2}, {"AWS::ApiGatewayV2::Stage", 2}, {"AWS::ApiGatewayV2::Route", 2},
        {"AWS::ApiGatewayV2::Integration", 2}, {"AWS::Lambda::Version", 2},
        {"AWS::ElasticLoadBalancingV2::TargetGroup", 3},
        {"AWS::AutoScaling::AutoScalingGroup", 4}, {"AWS::EC2::Instance", 4}, {"AWS::ECS::Service", 4},
        {"AWS::ECS::TaskSet", 4}, {"AWS::Lambda::Function", 4}, {"AWS::Serverless::Function", 4},
        {"AWS::StepFunctions::StateMachine", 4}, {"AWS::Serverless::StateMachine", 4},
        {"AWS::SQS::Queue", 5}, {"AWS::SNS::Topic", 5}, {"AWS::DynamoDB::Table", 5},
        {"AWS::Serverless::SimpleTable", 5}, {"AWS::RDS::DBInstance", 5}, {"AWS::RDS::DBCluster", 5},
        {"AWS::S3::Bucket", 5}, {"AWS::ElastiCache::CacheCluster", 5}, {"AWS::ElastiCache::ReplicationGroup", 5},
        {"AWS::Redshift::Cluster", 5}, {"AWS::EFS::FileSystem", 5}, {"AWS::Kinesis::Stream", 5},
    };
    return table;
}

bool isWorkerEnvironment(const Json &root, const std::string &id)
{
    const Json *tier = tree::find(root, "/Resources/" + id + "/Properties/Tier/Name");
    return tier && tier->is_string() && tier->get<std::string>() == "Worker";
}

// For every node, the nodes that must stand in an earlier column.
std::vector<std::vector<std::size_t>> leftOf(const Json &root, const Graph &graph, LayoutMode mode)
{
    const auto &nodes = graph.nodes();
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::optional<int>> tier(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        index.emplace(nodes[i].id, i);
        if (mode == LayoutMode::TrafficFlow)
            tier[i] = trafficTier(root, nodes[i]);
    }
    std::vector<std::vector<std::size_t>> before(nodes.size());
    std::unordered_set<std::uint64_t> seen;
    for (const GraphEdge &e : graph.edges()) {
        const std::size_t a = index.at(e.source), b = index.at(e.target); // a refers to b
        if (a == b)
            continue;
        std::size_t left = b, right = a; // dependencies: what is referred to stands left
        if (mode == LayoutMode::TrafficFlow) {
            if (tier[a] && tier[b])
                std::tie(left, right) = *tier[a] <= *tier[b] ? std::pair(a, b) : std::pair(b, a);
            else if (tier[a] || tier[b])
                std::tie(left, right) = tier[a] ? std::pair(a, b) : std::pair(b, a); // what serves traffic first
            else
                std::tie(left, right) = std::pair(a, b); // what uses a role or a group stands before it
        }
        if (seen.insert((std::uint64_t(right) << 32) | left).second)
            before[right].push_back(left);
    }
    return before;
}

// Column = the longest chain of nodes that must stand before; a cycle is cut where the walk
// meets a node it is still inside.
std::vector<int> columnsOf(const std::vector<std::vector<std::size_t>> &before)
{
    const std::size_t n = before.size();
    std::vector<int> column(n, -1);
    std::vector<char> onPath(n, 0);
    std::function<int(std::size_t)> depth = [&](std::size_t i) -> int {
        if (column[i] >= 0)
            return column[i];
        onPath[i] = 1;
        int d = 0;
        for (std::size_t j : before[i]) {
            if (!onPath[j])
                d = std::max(d, depth(j) + 1);
        }
        onPath[i] = 0;
        column[i] = d;
        return d;
    };
    for (std::size_t i = 0; i < n; ++i)
        depth(i);
    return column;
}

// Barycenter sweeps: each node moves toward the average row of its neighbours in the column just
// placed, alternating direction; nodes stay in their band.
void orderColumns(std::vector<std::vector<std::size_t>> &layers, const std::vector<std::vector<std::size_t>> &before,
                  const std::vector<int> &band)
{
    const std::size_t n = before.size();
    std::vector<std::vector<std::size_t>> after(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j : before[i])
            after[j].push_back(i);
    std::vector<double> order(n, 0);
    const auto renumber = [&](const std::vector<std::size_t> &layer) {
        for (std::size_t k = 0; k < layer.size(); ++k)
            order[layer[k]] = static_cast<double>(k);
    };
    const auto sweep = [&](std::vector<std::size_t> &layer, const std::vector<std::vector<std::size_t>> &neighbours) {
        std::vector<std::tuple<int, double, std::size_t>> keyed;
        for (std::size_t i : layer) {
            double sum = 0;
            for (std::size_t j : neighbours[i])
                sum += order[j];
            keyed.emplace_back(band[i], neighbours[i].empty() ? order[i] : sum / double(neighbours[i].size()), i);
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
            return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
        });
        for (std::size_t k = 0; k < layer.size(); ++k)
            layer[k] = std::get<2>(keyed[k]);
        renumber(layer);
    };
    for (auto &layer : layers) {
        std::stable_sort(layer.begin(), layer.end(), [&](std::size_t a, std::size_t b) { return band[a] < band[b]; });
        renumber(layer);
    }
    for (int pass = 0; pass < 4; ++pass) {
        for (std::size_t c = 1; c < layers.size(); ++c)
            sweep(layers[c], before);
        for (std::size_t c = layers.size(); c-- > 1;)
            sweep(layers[c - 1], after);
    }
}

// Which band of boxes a node stands in: (VPC, 0, subnet) for a subnet with a box and what it
// holds, (VPC, 1, 0) for the rest of a VPC's box (its card, subnets without a box, what spans
// subnets); VPCs in template order, subnets of no VPC in the template after them, and what
// stands in no box last. Bands keep boxes from overlapping.
using ContainerGroup = std::tuple<std::size_t, int, std::size_t>;

std::vector<ContainerGroup> containerGroups(const ContainerMembership &membership,
                                            const std::unordered_map<std::string, std::size_t> &index, std::size_t n)
{
    const ContainerGroup noBox{n + 1, 0, 0};
    std::vector<ContainerGroup> group(n, noBox);
    std::map<std::size_t, std::size_t> vpcOf; // subnet -> its VPC (node numbers: template order)
    for (const auto &[vpc, subnets] : membership.vpcSubnets) {
        if (subnets.empty())
            continue; // no box
        group[index.at(vpc)] = {index.at(vpc), 1, 0};
        for (const std::string &subnet : subnets) {
            vpcOf.emplace(index.at(subnet), index.at(vpc));
            group[index.at(subnet)] = {index.at(vpc), 1, 0};
        }
    }
    for (const auto &[subnet, members] : membership.subnetMembers) {
        if (members.empty())
            continue;
        const std::size_t s = index.at(subnet);
        const ContainerGroup boxed{vpcOf.count(s) ? vpcOf.at(s) : n, 0, s};
        group[s] = boxed;
        for (const std::string &member : members)
            group[index.at(member)] = boxed;
    }
    for (const auto &[id, subnets] : membership.spanning) {
        for (const std::string &subnet : subnets)
            if (const auto vpc = vpcOf.find(index.at(subnet)); vpc != vpcOf.end()) {
                group[index.at(id)] = {vpc->second, 1, 0}; // in that VPC's box
                break;
            }
    }
    return group;
}

} // namespace

std::optional<int> trafficTier(const Json &root, const GraphNode &node)
{
    if (node.type == "AWS::ElasticBeanstalk::Environment")
        return isWorkerEnvironment(root, node.id) ? 4 : 1;
    const auto it = tiers().find(node.type);
    return it == tiers().end() ? std::nullopt : std::optional<int>(it->second);
}

LayoutMode defaultLayoutMode(const Json &root, const Graph &graph)
{
    for (const GraphNode &node : graph.nodes()) {
        if (const auto tier = trafficTier(root, node); tier && *tier <= 1)
            return LayoutMode::TrafficFlow;
    }
    return LayoutMode::Dependencies;
}

std::unordered_map<std::string, QPointF> autoLayout(const Json &root, const Graph &graph, LayoutMode mode,
                                                    const std::function<QSizeF(const std::string &)> &footprintOf,
                                                    const AutoLayoutSpacing &spacing)
{
    const auto &nodes = graph.nodes();
    const std::size_t n = nodes.size();
    const std::vector<std::vector<std::size_t>> before = leftOf(root, graph, mode);
    const std::vector<int> column = columnsOf(before);

    // Bands, top to bottom: the blue halves, what they share, the green halves; in each, what
    // stands in a VPC above what does not, a band per subnet (containerGroups).
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i)
        index.emplace(nodes[i].id, i);
    std::vector<int> half(n, 1);
    if (mode == LayoutMode::TrafficFlow) {
        for (const BlueGreenSplit &split : findBlueGreenSplits(root, graph)) {
            for (int side = 0; side < 2; ++side)
                for (const std::string &id : split.halves[static_cast<std::size_t>(side)])
                    half[index.at(id)] = side == 0 ? 0 : 2;
        }
    }
    const std::vector<ContainerGroup> group = containerGroups(ContainerMembership::of(root, graph), index, n);
    // Dense band numbers, in the order of (half, container group).
    std::map<std::pair<int, ContainerGroup>, int> bandOf;
    for (std::size_t i = 0; i < n; ++i)
        bandOf.emplace(std::pair(half[i], group[i]), 0);
    int bands = 0;
    for (auto &[key, number] : bandOf)
        number = bands++;
    std::vector<int> band(n);
    for (std::size_t i = 0; i < n; ++i)
        band[i] = bandOf.at({half[i], group[i]});
    const bool banded = bands > 1;

    int columns = 0;
    for (int c : column)
        columns = std::max(columns, c + 1);
    std::vector<std::vector<std::size_t>> layers(static_cast<std::size_t>(columns));
    // Start from template order within each column: people group related resources.
    for (std::size_t i = 0; i < n; ++i)
        layers[static_cast<std::size_t>(column[i])].push_back(i);
    orderColumns(layers, before, band);

    std::vector<QSizeF> size(n);
    for (std::size_t i = 0; i < n; ++i)
        size[i] = footprintOf(nodes[i].id);
    // Each band is as tall as its tallest column; without bands, columns are centred on the
    // tallest one.
    const auto bandCount = static_cast<std::size_t>(bands);
    std::vector<double> bandHeight(bandCount, 0);
    std::vector<std::vector<double>> used(layers.size(), std::vector<double>(bandCount, 0));
    for (std::size_t c = 0; c < layers.size(); ++c) {
        for (std::size_t i : layers[c])
            used[c][static_cast<std::size_t>(band[i])] += size[i].height() + spacing.rowGap;
        for (std::size_t b = 0; b < bandCount; ++b)
            bandHeight[b] = std::max(bandHeight[b], used[c][b]);
    }
    std::vector<double> bandTop(bandCount, 0);
    for (std::size_t b = 1; b < bandCount; ++b)
        bandTop[b] = bandTop[b - 1] + bandHeight[b - 1] + spacing.bandGap;
    const auto snap = [&](double v) { return std::round(v / spacing.grid) * spacing.grid; };
    std::unordered_map<std::string, QPointF> positions;
    double x = 0;
    for (std::size_t c = 0; c < layers.size(); ++c) {
        double width = 0;
        std::vector<double> y = bandTop;
        if (!banded) {
            const std::size_t b = static_cast<std::size_t>(band.front());
            y[b] = (bandHeight[b] - used[c][b]) / 2;
        }
        for (std::size_t i : layers[c]) {
            double &at = y[static_cast<std::size_t>(band[i])];
            positions.emplace(nodes[i].id, QPointF(x, snap(at)));
            at += size[i].height() + spacing.rowGap;
            width = std::max(width, size[i].width());
        }
        x = snap(x + width + spacing.columnGap);
    }
    return positions;
}

} // namespace sc
