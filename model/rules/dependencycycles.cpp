#include "model/rules/dependencycycles.h"

#include <algorithm>
#include <deque>
#include <string_view>

namespace sc {

namespace {

// Properties of SAM resources whose references the transform moves into generated resources.
// Sources: AWS SAM Developer Guide, "Generated CloudFormation resources for AWS SAM" (function:
// CodeDeploy deployment group, permissions and event source mappings; GraphQL API: data
// sources, functions, resolvers, API keys, domain name and cache are resources of their own).
struct MovedProperty {
    std::string_view type;
    std::string_view property;
};
constexpr MovedProperty kMoved[] = {
    {"AWS::Serverless::Function", "DeploymentPreference"}, {"AWS::Serverless::Function", "Events"},
    {"AWS::Serverless::StateMachine", "Events"},           {"AWS::Serverless::GraphQLApi", "DataSources"},
    {"AWS::Serverless::GraphQLApi", "Functions"},          {"AWS::Serverless::GraphQLApi", "Resolvers"},
    {"AWS::Serverless::GraphQLApi", "ApiKeys"},            {"AWS::Serverless::GraphQLApi", "DomainName"},
    {"AWS::Serverless::GraphQLApi", "Cache"},
};

bool isSam(const ResourceView &r)
{
    return r.type.rfind("AWS::Serverless::", 0) == 0;
}

bool moved(const ResourceView &from, const Reference &ref)
{
    if (!isSam(from))
        return false;
    const std::string properties = from.pointer + "/Properties/";
    if (ref.pointer.compare(0, properties.size(), properties) != 0)
        return false;
    const std::string_view rest = std::string_view(ref.pointer).substr(properties.size());
    const std::string_view property = rest.substr(0, rest.find('/'));
    return std::any_of(std::begin(kMoved), std::end(kMoved),
                       [&](const MovedProperty &m) { return m.type == from.type && m.property == property; });
}

using Graph = std::vector<std::vector<std::size_t>>;

// Tarjan's strongly connected components without recursion (a 10,000-long chain must not
// exhaust the stack). Components with a cycle only: more than one member, or a self-edge.
std::vector<std::vector<std::size_t>> cyclicComponents(const Graph &graph)
{
    const std::size_t n = graph.size();
    constexpr std::size_t unvisited = std::size_t(-1);
    std::vector<std::size_t> index(n, unvisited), low(n, 0);
    std::vector<bool> onStack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::size_t, std::size_t>> work; // node, next edge to look at
    std::vector<std::vector<std::size_t>> out;
    std::size_t counter = 0;
    for (std::size_t root = 0; root < n; ++root) {
        if (index[root] != unvisited)
            continue;
        work.push_back({root, 0});
        while (!work.empty()) {
            auto &[v, next] = work.back();
            if (next == 0 && index[v] == unvisited) {
                index[v] = low[v] = counter++;
                stack.push_back(v);
                onStack[v] = true;
            }
            if (next < graph[v].size()) {
                const std::size_t w = graph[v][next++];
                if (index[w] == unvisited)
                    work.push_back({w, 0});
                else if (onStack[w])
                    low[v] = std::min(low[v], index[w]);
                continue;
            }
            const std::size_t done = v;
            work.pop_back();
            if (!work.empty())
                low[work.back().first] = std::min(low[work.back().first], low[done]);
            if (low[done] != index[done])
                continue;
            std::vector<std::size_t> component;
            std::size_t w = 0;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[w] = false;
                component.push_back(w);
            } while (w != done);
            const bool selfEdge = std::find(graph[done].begin(), graph[done].end(), done) != graph[done].end();
            if (component.size() > 1 || selfEdge)
                out.push_back(std::move(component));
        }
    }
    return out;
}

// The shortest cycle through `start` inside its component (breadth-first, linear).
std::vector<std::size_t> shortestCycle(const Graph &graph, std::size_t start, const std::vector<bool> &inComponent)
{
    std::vector<std::size_t> parent(graph.size(), std::size_t(-1));
    std::deque<std::size_t> queue{start};
    std::vector<bool> seen(graph.size(), false);
    seen[start] = true;
    while (!queue.empty()) {
        const std::size_t v = queue.front();
        queue.pop_front();
        for (std::size_t w : graph[v]) {
            if (w == start) {
                std::vector<std::size_t> path{v};
                while (path.back() != start)
                    path.push_back(parent[path.back()]);
                std::reverse(path.begin(), path.end());
                return path;
            }
            if (inComponent[w] && !seen[w]) {
                seen[w] = true;
                parent[w] = v;
                queue.push_back(w);
            }
        }
    }
    return {start};
}

DependencyCycle cycleOf(const RuleContext &c, const Graph &graph, std::vector<std::size_t> component, bool certain)
{
    std::sort(component.begin(), component.end()); // template order
    std::vector<bool> inComponent(graph.size(), false);
    for (std::size_t v : component)
        inComponent[v] = true;
    DependencyCycle cycle;
    cycle.members = component.size();
    cycle.certain = certain;
    for (std::size_t v : shortestCycle(graph, component.front(), inComponent))
        cycle.path.push_back(c.resources()[v].id);
    return cycle;
}

// 9990 -> "9,990"
std::string withThousands(std::size_t n)
{
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

std::vector<DependencyCycle> dependencyCycles(const RuleContext &c)
{
    const std::vector<ResourceView> &resources = c.resources();
    // Without a SAM resource every edge is certain, and the second pass could find nothing new.
    const bool anySam = std::any_of(resources.begin(), resources.end(), isSam);
    Graph certain(resources.size()), all(anySam ? resources.size() : 0);
    for (std::size_t i = 0; i < resources.size(); ++i) {
        for (const Reference &ref : c.referencesFrom(resources[i].id)) {
            const ResourceView *target = c.resource(ref.target);
            if (!target || moved(resources[i], ref))
                continue;
            const std::size_t j = std::size_t(target - resources.data());
            if (anySam)
                all[i].push_back(j);
            if (!isSam(resources[i]))
                certain[i].push_back(j);
        }
        for (Graph *g : {&certain, &all}) {
            if (g->empty())
                continue;
            std::vector<std::size_t> &edges = (*g)[i];
            std::sort(edges.begin(), edges.end());
            edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
        }
    }
    std::vector<DependencyCycle> out;
    std::vector<bool> reported(resources.size(), false);
    for (std::vector<std::size_t> &component : cyclicComponents(certain)) {
        for (std::size_t v : component)
            reported[v] = true;
        out.push_back(cycleOf(c, certain, std::move(component), true));
    }
    for (std::vector<std::size_t> &component : cyclicComponents(all))
        if (std::none_of(component.begin(), component.end(), [&](std::size_t v) { return reported[v]; }))
            out.push_back(cycleOf(c, all, std::move(component), false));
    std::sort(out.begin(), out.end(), [&](const DependencyCycle &a, const DependencyCycle &b) {
        return c.resource(a.path.front()) < c.resource(b.path.front());
    });
    return out;
}

std::string describeCycle(const DependencyCycle &cycle)
{
    constexpr std::size_t kShown = 6; // names at each end of a long cycle
    const std::vector<std::string> &p = cycle.path;
    std::string out;
    auto append = [&](const std::string &id) { out += id + " -> "; };
    if (p.size() <= 2 * kShown) {
        for (const std::string &id : p)
            append(id);
    } else {
        for (std::size_t i = 0; i < kShown; ++i)
            append(p[i]);
        out += "... " + withThousands(p.size() - 2 * kShown) + " more ... -> ";
        for (std::size_t i = p.size() - kShown; i < p.size(); ++i)
            append(p[i]);
    }
    return out + p.front();
}

} // namespace sc
