#pragma once
// A layered layout for templates without a saved one: resources in columns by dependency depth
// (what others depend on to the left), ordered in each column to reduce crossings, on a grid
// so that no two cards overlap.

#include "model/document/graph.h"

#include <QPointF>

#include <string>
#include <unordered_map>

namespace sc {

struct AutoLayoutMetrics {
    double cardWidth = 200;
    double cardHeight = 72;
    double columnGap = 96;
    double rowGap = 40;
};

std::unordered_map<std::string, QPointF> autoLayout(const Graph &graph,
                                                    const AutoLayoutMetrics &metrics = {});

} // namespace sc
