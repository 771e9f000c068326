#pragma once
// The two halves of a blue/green setup, so that the layout keeps each half together and the
// canvas and the diagram draw a labelled box around each. A split is found where the template
// offers two alternatives for the same traffic: two weighted Route 53 records of one name, the
// target-group pair of a CodeDeploy blue/green deployment, or two resources of one type whose
// logical IDs differ only by "Blue" and "Green". Each half is its seed and what lies within two
// references of it and closer to it than to the other seed; what both halves use belongs to
// neither.

#include "model/document/graph.h"

#include <array>
#include <set>
#include <string>
#include <vector>

namespace sc {

struct BlueGreenSplit {
    std::array<std::string, 2> seeds;           // blue, green
    std::array<std::set<std::string>, 2> halves; // blue, green (each with its seed)
};

std::vector<BlueGreenSplit> findBlueGreenSplits(const Json &root, const Graph &graph);

} // namespace sc
