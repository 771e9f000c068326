#include "model/geometry/bluegreen.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <iterator>
#include <map>
#include <unordered_map>

namespace sc {

namespace {

constexpr int kReach = 2; // how many references from its seed a half reaches

std::string lower(std::string s)
{
    for (char &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const Json *property(const Json &root, const std::string &id, const char *name)
{
    const auto resources = root.find("Resources");
    if (resources == root.end() || !resources->is_object() || !resources->contains(id))
        return nullptr;
    const Json &resource = (*resources)[id];
    const auto properties = resource.find("Properties");
    if (properties == resource.end() || !properties->is_object() || !properties->contains(name))
        return nullptr;
    return &(*properties)[name];
}

// The logical ID a value names with Ref or GetAtt, or "".
std::string referenced(const Json &value)
{
    if (!value.is_object() || value.size() != 1)
        return {};
    if (const auto ref = value.find("Ref"); ref != value.end() && ref->is_string())
        return ref->get<std::string>();
    if (const auto att = value.find("Fn::GetAtt"); att != value.end()) {
        if (att->is_array() && !att->empty() && (*att)[0].is_string())
            return (*att)[0].get<std::string>();
        if (att->is_string())
            return att->get<std::string>().substr(0, att->get<std::string>().find('.'));
    }
    return {};
}

using Pair = std::pair<std::string, std::string>;

// Two weighted records answering for one name.
void weightedRecords(const Json &root, const Graph &graph, std::vector<Pair> &pairs)
{
    std::map<std::string, std::vector<std::string>> byName;
    for (const GraphNode &node : graph.nodes()) {
        if (node.type != "AWS::Route53::RecordSet" || !property(root, node.id, "Weight"))
            continue;
        if (const Json *name = property(root, node.id, "Name"))
            byName[name->dump()].push_back(node.id);
    }
    for (const auto &[name, records] : byName) {
        if (records.size() == 2)
            pairs.emplace_back(records[0], records[1]);
    }
}

// The target groups a CodeDeploy blue/green deployment shifts traffic between.
void targetGroupPairs(const Json &root, const Graph &graph, std::vector<Pair> &pairs)
{
    for (const GraphNode &node : graph.nodes()) {
        if (node.type != "AWS::CodeDeploy::DeploymentGroup")
            continue;
        const Json *info = property(root, node.id, "LoadBalancerInfo");
        if (!info || !info->is_object() || !info->contains("TargetGroupPairInfoList"))
            continue;
        const Json &list = (*info)["TargetGroupPairInfoList"];
        if (!list.is_array())
            continue;
        for (const Json &pair : list) {
            const Json groups = pair.is_object() ? pair.value("TargetGroups", Json()) : Json();
            if (!groups.is_array() || groups.size() != 2 || !groups[0].is_object() || !groups[1].is_object())
                continue;
            const std::string a = referenced(groups[0].value("Name", Json()));
            const std::string b = referenced(groups[1].value("Name", Json()));
            if (!a.empty() && !b.empty() && a != b && graph.node(a) && graph.node(b))
                pairs.emplace_back(a, b);
        }
    }
}

// BlueX and GreenX of one type.
void namedPairs(const Graph &graph, std::vector<Pair> &pairs)
{
    std::map<std::string, const GraphNode *> byId;
    for (const GraphNode &node : graph.nodes())
        byId[node.id] = &node;
    for (const GraphNode &node : graph.nodes()) {
        const std::string id = lower(node.id);
        const std::size_t at = id.find("blue");
        if (at == std::string::npos)
            continue;
        std::string green = node.id;
        green.replace(at, 4, green.compare(at, 4, "Blue") == 0 ? "Green" : green.compare(at, 4, "BLUE") == 0 ? "GREEN" : "green");
        const auto other = byId.find(green);
        if (other != byId.end() && other->second->type == node.type)
            pairs.emplace_back(node.id, green);
    }
}

class Distances {
public:
    explicit Distances(const Graph &graph)
    {
        for (const GraphEdge &e : graph.edges()) {
            if (e.source == e.target)
                continue;
            m_adjacent[e.source].push_back(e.target);
            m_adjacent[e.target].push_back(e.source);
        }
    }
    std::unordered_map<std::string, int> from(const std::string &seed) const
    {
        std::unordered_map<std::string, int> d{{seed, 0}};
        std::deque<std::string> queue{seed};
        while (!queue.empty()) {
            const std::string at = queue.front();
            queue.pop_front();
            const auto it = m_adjacent.find(at);
            if (it == m_adjacent.end())
                continue;
            for (const std::string &next : it->second) {
                if (d.emplace(next, d[at] + 1).second)
                    queue.push_back(next);
            }
        }
        return d;
    }

private:
    std::unordered_map<std::string, std::vector<std::string>> m_adjacent;
};

BlueGreenSplit splitOf(const Pair &seeds, const Distances &distances)
{
    // Blue is the seed that says so, else the one that does not say green, else the first.
    const bool swap = lower(seeds.first).find("green") != std::string::npos
                      || lower(seeds.second).find("blue") != std::string::npos;
    BlueGreenSplit split;
    split.seeds = swap ? std::array{seeds.second, seeds.first} : std::array{seeds.first, seeds.second};
    const auto d0 = distances.from(split.seeds[0]), d1 = distances.from(split.seeds[1]);
    const auto distance = [](const std::unordered_map<std::string, int> &d, const std::string &id) {
        const auto it = d.find(id);
        return it == d.end() ? 1 << 20 : it->second;
    };
    for (int side = 0; side < 2; ++side) {
        const auto &own = side == 0 ? d0 : d1;
        const auto &other = side == 0 ? d1 : d0;
        for (const auto &[id, d] : own) {
            if (d <= kReach && d < distance(other, id))
                split.halves[static_cast<std::size_t>(side)].insert(id);
        }
    }
    return split;
}

bool meets(const std::set<std::string> &a, const std::set<std::string> &b)
{
    return std::any_of(a.begin(), a.end(), [&](const std::string &id) { return b.count(id) > 0; });
}

} // namespace

std::vector<BlueGreenSplit> findBlueGreenSplits(const Json &root, const Graph &graph)
{
    std::vector<Pair> pairs;
    weightedRecords(root, graph, pairs);
    targetGroupPairs(root, graph, pairs);
    namedPairs(graph, pairs);
    if (pairs.empty())
        return {};
    const Distances distances(graph);
    std::vector<BlueGreenSplit> splits;
    for (const Pair &pair : pairs) {
        BlueGreenSplit next = splitOf(pair, distances);
        // Pairs of one setup (the records, the environments, the versions) make one split.
        auto same = std::find_if(splits.begin(), splits.end(), [&](const BlueGreenSplit &s) {
            return meets(s.halves[0], next.halves[0]) || meets(s.halves[1], next.halves[1]);
        });
        if (same == splits.end()) {
            if (!std::any_of(splits.begin(), splits.end(), [&](const BlueGreenSplit &s) {
                    return meets(s.halves[0], next.halves[1]) || meets(s.halves[1], next.halves[0]);
                }))
                splits.push_back(std::move(next));
            continue;
        }
        for (int side = 0; side < 2; ++side)
            same->halves[static_cast<std::size_t>(side)].insert(next.halves[static_cast<std::size_t>(side)].begin(),
                                                                 next.halves[static_cast<std::size_t>(side)].end());
    }
    // What both halves reach is shared: in neither box.
    for (BlueGreenSplit &split : splits) {
        std::set<std::string> both;
        std::set_intersection(split.halves[0].begin(), split.halves[0].end(), split.halves[1].begin(),
                              split.halves[1].end(), std::inserter(both, both.end()));
        for (auto &half : split.halves)
            for (const std::string &id : both)
                half.erase(id);
    }
    return splits;
}

} // namespace sc
