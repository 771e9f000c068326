#pragma once
// The share of each version on every resource of the traffic path at a time: what a view
// writes on the edges from the load balancer, listener, target groups, alias or records to the
// fleet. The path itself is read from the template by the scenario builder
// (Scenario::trafficPath); the shares come from the Timeline's samples.

#include "model/rollout/scenario.h"
#include "model/rollout/timeline.h"

#include <vector>

namespace sc {

struct TrafficPathShare {
    const TrafficPathElement *element = nullptr;
    // Percent of the route's traffic (production, or test for a test route) that passes through
    // this element to each version: a listener carries both, the original's target group only
    // the original's share.
    VersionShare percent;
};

std::vector<TrafficPathShare> trafficPathShares(const Scenario &scenario, const Timeline &timeline, Seconds t);

} // namespace sc
