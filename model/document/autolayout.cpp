#include "model/document/autolayout.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace sc {

std::unordered_map<std::string, QPointF> autoLayout(const Graph &graph, const AutoLayoutMetrics &metrics)
{
    const auto &nodes = graph.nodes();
    const std::size_t n = nodes.size();
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i)
        index.emplace(nodes[i].id, i);

    // Dependencies: i -> j when i refers to j. Parallel edges collapse to one.
    std::vector<std::vector<std::size_t>> dependsOn(n), dependents(n);
    {
        std::unordered_set<std::uint64_t> seen;
        for (const GraphEdge &e : graph.edges()) {
            const std::size_t s = index.at(e.source), t = index.at(e.target);
            if (s == t || !seen.insert((std::uint64_t(s) << 32) | t).second)
                continue;
            dependsOn[s].push_back(t);
            dependents[t].push_back(s);
        }
    }

    // Column = longest chain of dependencies below a node; a cycle is cut where the walk meets
    // a node it is still inside.
    std::vector<int> column(n, -1);
    std::vector<char> onPath(n, 0);
    std::function<int(std::size_t)> depth = [&](std::size_t i) -> int {
        if (column[i] >= 0)
            return column[i];
        onPath[i] = 1;
        int d = 0;
        for (std::size_t j : dependsOn[i]) {
            if (!onPath[j])
                d = std::max(d, depth(j) + 1);
        }
        onPath[i] = 0;
        column[i] = d;
        return d;
    };
    for (std::size_t i = 0; i < n; ++i)
        depth(i);

    int columns = 0;
    for (int c : column)
        columns = std::max(columns, c + 1);
    std::vector<std::vector<std::size_t>> layers(static_cast<std::size_t>(columns));
    // Start from template order within each column: people group related resources.
    for (std::size_t i = 0; i < n; ++i)
        layers[static_cast<std::size_t>(column[i])].push_back(i);

    std::vector<double> order(n, 0);
    auto renumber = [&](const std::vector<std::size_t> &layer) {
        for (std::size_t k = 0; k < layer.size(); ++k)
            order[layer[k]] = static_cast<double>(k);
    };
    for (const auto &layer : layers)
        renumber(layer);

    // Barycenter sweeps: each node moves toward the average row of its neighbours in the
    // column just placed, alternating direction.
    auto sweep = [&](std::size_t c, const std::vector<std::vector<std::size_t>> &neighbours) {
        auto &layer = layers[c];
        std::vector<std::pair<double, std::size_t>> keyed;
        for (std::size_t i : layer) {
            double sum = 0;
            int count = 0;
            for (std::size_t j : neighbours[i]) {
                sum += order[j];
                ++count;
            }
            keyed.emplace_back(count ? sum / count : order[i], i);
        }
        std::stable_sort(keyed.begin(), keyed.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (std::size_t k = 0; k < layer.size(); ++k)
            layer[k] = keyed[k].second;
        renumber(layer);
    };
    for (int pass = 0; pass < 4; ++pass) {
        for (std::size_t c = 1; c < layers.size(); ++c)
            sweep(c, dependsOn);
        for (std::size_t c = layers.size(); c-- > 1;)
            sweep(c - 1, dependents);
    }

    // Columns are centred on the tallest one so that short columns sit in the middle.
    std::size_t tallest = 0;
    for (const auto &layer : layers)
        tallest = std::max(tallest, layer.size());
    const double rowPitch = metrics.cardHeight + metrics.rowGap;
    const double columnPitch = metrics.cardWidth + metrics.columnGap;
    std::unordered_map<std::string, QPointF> positions;
    for (std::size_t c = 0; c < layers.size(); ++c) {
        const double offset = (static_cast<double>(tallest) - static_cast<double>(layers[c].size())) * rowPitch / 2;
        for (std::size_t k = 0; k < layers[c].size(); ++k) {
            const double y = std::round((offset + static_cast<double>(k) * rowPitch) / 8) * 8;
            positions.emplace(nodes[layers[c][k]].id, QPointF(static_cast<double>(c) * columnPitch, y));
        }
    }
    return positions;
}

} // namespace sc
