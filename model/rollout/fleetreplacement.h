#pragma once
// Replaces a fleet inside a healthy envelope: at least minHealthy units stay in service, at
// most maxRunning units run. Old units are stopped while the healthy count allows it, new ones
// are launched while the running count allows it, and the clock moves to the next unit that
// becomes ready, finishes warming up or finishes stopping. This is how an ECS rolling update
// replaces tasks (MinimumHealthyPercent / MaximumPercent, reference §11) and how an Auto
// Scaling instance refresh replaces instances (MinHealthyPercentage / MaxHealthyPercentage,
// instance warmup, checkpoints, lifecycle hooks; reference §12).
//
// Every state change is applied in time order from an event queue, so the recorder's samples
// and unit tracks stay consistent however launches and stops interleave.

#include "model/rollout/asglifecycle.h"
#include "model/rollout/rolloutrecorder.h"

#include <string>
#include <vector>

namespace sc {

class FleetReplacement {
public:
    struct Options {
        std::string unit = "instance"; // for the events: "task" or "instance"
        int minHealthy = 0;            // units in service (and warmed up) that must remain
        int maxRunning = 0;            // units that may run at once
        Seconds launchSeconds = 0;     // from launch to the launch lifecycle hooks
        Seconds readySeconds = 0;      // from the end of the hooks to in service
        Seconds warmupSeconds = 0;     // in service, not yet counted as healthy capacity
        Seconds drainSeconds = 0;      // deregistration before a unit stops
        Seconds stopSeconds = 0;       // stopping after it is out of the load balancer
        std::vector<int> checkpoints;  // replaced-unit counts to pause at, ascending
        Seconds checkpointDelay = 0;
        int failureLimit = 1;          // failed new units that fail the replacement
        bool injectFailures = true;    // instance:K strikes the K-th new unit
    };
    struct Result {
        Seconds end = 0;
        bool interrupted = false; // the recorder's cutoff came first
        bool failed = false;
        bool stuck = false;       // the envelope allows neither a stop nor a launch
        int failures = 0;
    };

    FleetReplacement(const Scenario &scenario, RolloutRecorder &recorder, AsgLifecycle *hooks);

    // Replaces `old` (recorder indices, all running) by as many units of version `to`, plus
    // `grow` more (to bring a fleet that lost units back to its size).
    Result run(Seconds t, const std::vector<int> &old, Version to, const Options &options, int grow = 0);

private:
    const Scenario &m_scenario;
    RolloutRecorder &m_recorder;
    AsgLifecycle *m_hooks;
};

} // namespace sc
