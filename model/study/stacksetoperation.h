#pragma once
// What-if: one StackSet operation (create, update or delete of stack instances) across accounts
// and Regions, with the operation preferences of AWS's StackSetOperationPreferences
// (reference §6.3 and §13): MaxConcurrent and FailureTolerance as a count or a percentage of the
// accounts (a percentage rounds down; a concurrency never rounds to 0), STRICT_FAILURE_TOLERANCE
// (the default: start at min(MaxConcurrent, FailureTolerance + 1) and lower the concurrency as
// accounts fail) or SOFT_FAILURE_TOLERANCE (keep MaxConcurrent), sequential or parallel Regions
// in RegionOrder. Tolerance counts per Region: a Region past it stops, and in sequential mode no
// later Region starts. StopStackSetOperation is modelled by `stopAt`.
//
// simulateStackSet() is pure and deterministic: every stack instance operation takes the same
// time (a named assumption, `instanceSeconds`), so the result is a timeline of whole steps.

#include "model/rollout/timeline.h"
#include "model/study/countorpercent.h"
#include "model/template/json.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

enum class ConcurrencyMode { StrictFailureTolerance, SoftFailureTolerance };

struct StackSetPreferences {
    // AWS's service-side default of 1 is UNCONFIRMED (reference §10.6); the template usually says.
    CountOrPercent maxConcurrent{1, false};
    CountOrPercent failureTolerance{0, false};
    ConcurrencyMode mode = ConcurrencyMode::StrictFailureTolerance;
    bool parallelRegions = false; // RegionConcurrencyType PARALLEL; SEQUENTIAL (default, UNCONFIRMED) otherwise
    std::vector<std::string> regionOrder;
    bool operator==(const StackSetPreferences &) const = default;
};

struct StackSetFailure {
    int account = 1;    // 1-based, of the scenario's accounts
    std::string region; // empty: the account fails in every Region
    bool operator==(const StackSetFailure &) const = default;
};

struct StackSetScenario {
    std::string stackSet; // logical ID, for display
    int accounts = 1;
    std::vector<std::string> regions; // the operation's Regions, as the template lists them
    StackSetPreferences preferences;
    std::vector<StackSetFailure> failures;
    Seconds instanceSeconds = 60;   // assumption: one stack instance operation
    std::optional<Seconds> stopAt;  // StopStackSetOperation at this time
    std::vector<std::string> notes; // what was read from the template or assumed
};

// Statuses as StackCanvas shows them: SUCCEEDED, FAILED, STOPPED, NOT_STARTED (Regions),
// CANCELLED (an account the operation never ran in).
struct StackInstanceRun {
    int account = 0;
    std::string status;
    std::optional<Seconds> start;
    std::optional<Seconds> end;
};

struct StackSetRegionRun {
    std::string region;
    std::string status;
    std::string reason; // why it stopped, failed or never started; empty when it succeeded
    int failures = 0;
    int maxInFlight = 0;
    std::vector<StackInstanceRun> accounts;
};

struct StackSetResult {
    std::string stackSet;
    std::string status;         // SUCCEEDED, FAILED or STOPPED
    int maxConcurrent = 0;      // MaxConcurrent as a count
    int failureTolerance = 0;   // FailureTolerance as a count
    int initialConcurrency = 0; // what the mode starts at
    int maxActualConcurrency = 0;
    Seconds durationSeconds = 0;
    std::vector<StackSetRegionRun> regions; // in the order CloudFormation uses
    std::vector<std::string> notes;
};

// Throws std::invalid_argument when the scenario cannot run (no account, no Region...).
StackSetResult simulateStackSet(const StackSetScenario &scenario);

// The Regions in the order the operation visits them: RegionOrder first, then the others in
// the order given. Names in RegionOrder that the operation does not deploy to are reported.
std::vector<std::string> orderedRegions(const std::vector<std::string> &regions,
                                        const std::vector<std::string> &regionOrder,
                                        std::vector<std::string> *notes = nullptr);

// Reads the StackSet `logicalId` of a template: OperationPreferences, the Regions of its
// StackInstancesGroup (literal lists or a parameter's Default) and, when the deployment targets
// list accounts, their number. Throws std::invalid_argument saying what is missing.
StackSetScenario stackSetScenarioFromTemplate(const Json &root, const std::string &logicalId);
// "K" or "K@REGION" (throws std::invalid_argument).
StackSetFailure parseStackSetFailure(const std::string &spec);

Json stackSetResultToJson(const StackSetResult &result);
std::string stackSetResultToText(const StackSetResult &result);

} // namespace sc
