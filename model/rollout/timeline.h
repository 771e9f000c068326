#pragma once
// The result of one simulated rollout: what happened when (events), the state of the fleet and
// of the traffic after every change (samples), one track per unit (instance, task, function
// version, weighted record) with its version and state over time, and the figures a user
// compares strategies by (metrics). The GUI plays a Timeline back; it never runs the simulator
// while playing. timelineToJson() writes the shape documented for
// `stackcanvas simulate --format json` (unit tracks only on request).

#include "model/template/json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

using Seconds = std::int64_t;

// The version a unit runs: the one in service before the deployment, or the new one.
enum class Version { Original, Replacement };

// What a unit is. Instances and tasks make up the fleet counted in every sample; a Lambda
// function version and a Route 53 weighted record are endpoints that only receive traffic.
enum class UnitKind { Instance, Task, FunctionVersion, Record };

// The life of a unit, in the words of the platforms: Pending (launching, starting, or
// registering with the load balancer until its health checks pass), Pending:Wait and
// Terminating:Wait (held by an Auto Scaling lifecycle hook), Installing (receiving the new
// revision, out of service), Idle (running, deregistered or not yet registered, receiving
// nothing), InService (healthy and serving), Draining (deregistering: in-flight requests
// finish), Terminated, Failed (running, never became healthy with the new revision).
enum class UnitState { Pending, PendingWait, Installing, Idle, InService, Draining, TerminatingWait,
                       Terminated, Failed };

std::string unitStateName(UnitState state); // Pending, Pending:Wait, ..., Terminated, Failed
std::string unitKindName(UnitKind kind);    // Instance, Task, FunctionVersion, Record
std::string versionName(Version version);   // original, replacement

struct UnitTransition {
    Seconds t = 0;
    Version version = Version::Original;
    UnitState state = UnitState::InService;
    bool operator==(const UnitTransition &) const = default;
};

// One unit over time: a transition at each change (the first is its creation), so 1,000
// instances cost a few thousand transitions, not a copy per sample.
struct UnitTrack {
    std::string id;
    UnitKind kind = UnitKind::Instance;
    std::vector<UnitTransition> transitions;
    int zone = 0; // Availability Zone, 1-based, when a zonal deployment places it; 0 otherwise

    // The state in force at t; nullptr before the unit exists.
    const UnitTransition *at(Seconds t) const;
    bool countsInFleet() const { return kind == UnitKind::Instance || kind == UnitKind::Task; }
    bool operator==(const UnitTrack &) const = default;
};

enum class DeploymentResult { Succeeded, Failed, RolledBack, Stopped };

std::string resultName(DeploymentResult result);
DeploymentResult deploymentResultFromString(const std::string &text);

struct TimelineEvent {
    Seconds t = 0;
    std::string type;   // LifecycleEvent, Deployment, Batch, Instance, TrafficShift, Wait, Alarm,
                        // Rollback, Operator
    std::string name;   // e.g. BeforeAllowTraffic, Batch 2, LaunchInstances
    std::string status; // Succeeded, Failed, Skipped, Stopped, Started, InProgress, ALARM, Ignored...
    std::string subject; // instance or task id, batch members; empty for deployment-wide events
    Seconds durationSeconds = 0;
    std::string detail; // why, in the user's words
    bool operator==(const TimelineEvent &) const = default;
};

struct VersionShare {
    double original = 0;
    double replacement = 0;
    bool operator==(const VersionShare &) const = default;
};

struct VersionCount {
    int original = 0;
    int replacement = 0;
    int total() const { return original + replacement; }
    bool operator==(const VersionCount &) const = default;
};

// The state from time t until the next sample.
struct TimelineSample {
    Seconds t = 0;
    VersionShare trafficPercent;
    VersionCount healthy;   // in service and passing health checks
    VersionCount instances; // running (instances, or tasks for ECS)
    // Where the test listener (ECS) sends test traffic; absent without a test route.
    std::optional<VersionShare> testTrafficPercent;
    bool operator==(const TimelineSample &) const = default;
};

struct TimelineMetrics {
    Seconds durationSeconds = 0;
    Seconds downtimeSeconds = 0;   // time with no healthy capacity serving requests
    double minHealthyPercent = 100; // lowest healthy count against the fleet size before the deployment
    int peakInstances = 0;
    // Running time of the fleet during the deployment, per version (tasks for ECS).
    VersionShare instanceMinutes;
    double extraInstanceMinutes = 0; // instance-minutes above the fleet size: the strategy's cost
    // From the price table (see pricetable.h): the whole fleet during the deployment, and the
    // part above the steady fleet. Absent when the scenario has no price.
    std::optional<double> estimatedCostUsd;
    std::optional<double> extraCostUsd;
    // From the first request sent to the new version until it receives all of them.
    std::optional<Seconds> secondsToFullShift;
    // With a failure injected: share of all requests served by the new (failing) version from
    // the start until the rollback began (or the end, without a rollback).
    std::optional<double> failingVersionRequestPercent;
    bool operator==(const TimelineMetrics &) const = default;
};

struct Timeline {
    std::string target;
    std::string platform;
    std::string strategy;
    DeploymentResult result = DeploymentResult::Succeeded;
    std::vector<TimelineEvent> events;
    std::vector<TimelineSample> samples;
    std::vector<UnitTrack> units;
    TimelineMetrics metrics;

    Seconds durationSeconds() const { return metrics.durationSeconds; }
    // The sample in force at time t (the last one at or before t).
    const TimelineSample &sampleAt(Seconds t) const;
    const UnitTrack *unit(const std::string &id) const;
    std::vector<const TimelineEvent *> eventsNamed(const std::string &name) const;
    bool operator==(const Timeline &) const = default;
};

// How many units of one version are in one state at a time: what a view draws as tiles, or as
// bars once the fleet is too large for tiles.
struct TileCount {
    UnitKind kind = UnitKind::Instance;
    Version version = Version::Original;
    UnitState state = UnitState::InService;
    int count = 0;
    bool operator==(const TileCount &) const = default;
};
std::vector<TileCount> tilesAt(const Timeline &timeline, Seconds t);

struct TimelineJsonOptions {
    bool units = false; // add "units": [{id, kind, transitions: [{t, version, state}]}]
};
Json timelineToJson(const Timeline &timeline, const TimelineJsonOptions &options = {});
Timeline timelineFromJson(const Json &json); // throws std::invalid_argument on a wrong shape

} // namespace sc
