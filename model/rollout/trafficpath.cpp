#include "model/rollout/trafficpath.h"

namespace sc {

std::vector<TrafficPathShare> trafficPathShares(const Scenario &scenario, const Timeline &timeline, Seconds t)
{
    std::vector<TrafficPathShare> out;
    if (timeline.samples.empty())
        return out;
    const TimelineSample &sample = timeline.sampleAt(t);
    for (const auto &element : scenario.trafficPath) {
        // A test route without test traffic on the timeline still serves the original.
        const VersionShare route = element.test ? sample.testTrafficPercent.value_or(VersionShare{100, 0})
                                                : sample.trafficPercent;
        VersionShare share = route;
        if (element.carries == TrafficPathElement::Carries::Original)
            share.replacement = 0;
        else if (element.carries == TrafficPathElement::Carries::Replacement)
            share.original = 0;
        out.push_back({&element, share});
    }
    return out;
}

} // namespace sc
