#pragma once
// The entry point of the rollout engine: a pure, deterministic function from a Scenario to its
// Timeline. Throws ScenarioError when the scenario cannot be played (see validateScenario).

#include "model/rollout/scenario.h"
#include "model/rollout/timeline.h"

namespace sc {

Timeline simulate(const Scenario &scenario);

} // namespace sc
