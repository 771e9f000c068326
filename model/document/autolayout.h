#pragma once
// The automatic layout: where cards go when a template has no saved layout, and what the
// Arrange command writes. Resources stand in columns, ordered in each column to reduce crossings,
// without overlaps (each card's footprint, its fleet strip included, gets its own row).
//
// Two ways of choosing the columns:
//  - traffic flow (the default for an architecture with an entry point): requests read left to
//    right, from DNS names, load balancers and aliases through listeners and target groups to
//    the fleets and their data; what those use (roles, security groups, launch templates,
//    alarms) stands to the right of what uses it. The halves of a blue/green setup are kept in
//    bands of their own, blue above green.
// In both, what stands in a VPC is kept in rows above what does not, so a VPC's box covers its
// members only.
//  - dependencies: what others depend on to the left, each resource one column right of the
//    deepest thing it refers to.

#include "model/document/graph.h"

#include <QPointF>
#include <QSizeF>

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

namespace sc {

enum class LayoutMode { TrafficFlow, Dependencies };

// Where requests enter, for the traffic-flow columns: 0 DNS and URLs, 1 load balancers, APIs,
// aliases and web environments, 2 listeners, stages and versions, 3 target groups, 4 fleets and
// functions, 5 data. Other resources have no tier.
std::optional<int> trafficTier(const Json &root, const GraphNode &node);
// Traffic flow when something in the template takes requests (a tier 0 or 1 resource).
LayoutMode defaultLayoutMode(const Json &root, const Graph &graph);

struct AutoLayoutSpacing {
    double columnGap = 96;
    double rowGap = 40;
    double bandGap = 96; // room for the boxes' padding between bands
    double grid = 16;
};

// Top-left corners of every resource's card; `footprintOf` gives each card's size with what
// hangs under it.
std::unordered_map<std::string, QPointF> autoLayout(const Json &root, const Graph &graph, LayoutMode mode,
                                                    const std::function<QSizeF(const std::string &)> &footprintOf,
                                                    const AutoLayoutSpacing &spacing = {});

} // namespace sc
