#pragma once
// What-if: Systems Manager Run Command rate control over a fleet (reference §8.1). MaxConcurrency
// (number or percentage of the targets, default 50) bounds the invocations in flight after a
// ramp-up: one target, then two more once it completes, then doubling until the limit.
// MaxErrors (number or percentage, default 0) is the number of errors tolerated: when error
// MaxErrors + 1 arrives, no further target receives the command, but invocations already running
// finish and may fail too, so the final error count can pass the threshold (the overshoot;
// MaxConcurrency 1 prevents it). Percentages round down (AWS does not document the rounding) and
// a concurrency never drops below one.
//
// simulateRunCommand() is pure: every invocation takes `invocationSeconds` (an assumption), so
// invocations started together end together and are counted in target order.

#include "model/rollout/timeline.h"
#include "model/study/countorpercent.h"
#include "model/template/json.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

struct RunCommandScenario {
    int targets = 1;
    CountOrPercent maxConcurrency{50, false}; // SendCommand's default
    CountOrPercent maxErrors{0, false};       // SendCommand's default
    std::vector<int> failing;                 // 1-based targets whose invocation fails
    Seconds invocationSeconds = 30;           // assumption: how long the command runs on a node
};

struct InvocationRun {
    int target = 0;
    std::string status; // Success, Failed, NotSent (the command never reached this node)
    std::optional<Seconds> start;
    std::optional<Seconds> end;
    bool runningAtThreshold = false; // already running when error MaxErrors + 1 arrived
};

// One moment at which the scheduler sends: the ramp-up is visible as growing batches.
struct RunCommandBatch {
    Seconds t = 0;
    std::vector<int> targets;
    int concurrency = 0; // the concurrency the scheduler had reached
};

struct RunCommandResult {
    int targets = 0;
    int maxConcurrency = 0; // as counts
    int maxErrors = 0;
    int sent = 0;
    int succeeded = 0;
    int errors = 0;
    int errorsBeyondThreshold = 0;             // errors after the one that stopped the sending
    std::optional<Seconds> thresholdReachedAt; // when error MaxErrors + 1 arrived
    std::string status;                        // Success, Failed (more errors than MaxErrors), Incomplete (some failed,
                                               // within MaxErrors)
    Seconds durationSeconds = 0;
    std::vector<RunCommandBatch> batches;
    std::vector<InvocationRun> invocations;
    std::vector<std::string> notes;
};

// Throws std::invalid_argument when the scenario cannot run.
RunCommandResult simulateRunCommand(const RunCommandScenario &scenario);

Json runCommandResultToJson(const RunCommandResult &result);
std::string runCommandResultToText(const RunCommandResult &result);

} // namespace sc
