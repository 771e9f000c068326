#pragma once
// The result of one simulated rollout: what happened when (events), the state of the fleet and
// of the traffic after every change (samples), and the figures a user compares strategies by
// (metrics). The GUI plays a Timeline back; it never runs the simulator while playing.
// timelineToJson() writes the shape documented for `stackcanvas simulate --format json`.

#include "model/template/json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

using Seconds = std::int64_t;

enum class DeploymentResult { Succeeded, Failed, RolledBack, Stopped };

std::string resultName(DeploymentResult result);
DeploymentResult deploymentResultFromString(const std::string &text);

struct TimelineEvent {
    Seconds t = 0;
    std::string type;   // LifecycleEvent, Deployment, Batch, Instance, TrafficShift, Wait, Alarm, Rollback
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
    bool operator==(const TimelineSample &) const = default;
};

struct TimelineMetrics {
    Seconds durationSeconds = 0;
    Seconds downtimeSeconds = 0;   // time with no healthy capacity serving requests
    double minHealthyPercent = 100; // lowest healthy count against the fleet size before the deployment
    int peakInstances = 0;
    double extraInstanceMinutes = 0; // instance-minutes above the fleet size: the strategy's cost
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
    TimelineMetrics metrics;

    Seconds durationSeconds() const { return metrics.durationSeconds; }
    // The sample in force at time t (the last one at or before t).
    const TimelineSample &sampleAt(Seconds t) const;
    std::vector<const TimelineEvent *> eventsNamed(const std::string &name) const;
    bool operator==(const Timeline &) const = default;
};

Json timelineToJson(const Timeline &timeline);
Timeline timelineFromJson(const Json &json); // throws std::invalid_argument on a wrong shape

} // namespace sc
