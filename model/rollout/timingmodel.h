#pragma once
// How long each step of a rollout takes. Every duration has a name, a default and a note of
// where the default comes from: a value AWS documents, or a named assumption where AWS
// documents none (an EC2 launch, a script run). A scenario overrides any of them by name,
// the template fills in what it configures (termination wait, pause time...), and
// `stackcanvas simulate --set NAME=SECONDS` overrides them again.

#include "model/rollout/timeline.h"

#include <map>
#include <string>
#include <vector>

namespace sc {

struct TimingDefinition {
    std::string name;
    Seconds defaultSeconds = 0;
    bool documented = false; // false: a named assumption the user may want to change
    std::string source;      // the document, or why we assume the value
    std::string description;
};

namespace timing {
inline constexpr const char *InstanceLaunch = "instance.launch";
inline constexpr const char *InstanceBootstrap = "instance.bootstrap";
inline constexpr const char *ScriptHook = "codedeploy.scriptHook";
inline constexpr const char *DownloadBundle = "codedeploy.downloadBundle";
inline constexpr const char *Install = "codedeploy.install";
inline constexpr const char *DeregistrationDelay = "elb.deregistrationDelay";
inline constexpr const char *HealthCheck = "elb.healthCheck";
inline constexpr const char *TerminationWait = "bluegreen.terminationWait";
inline constexpr const char *ManualApproval = "bluegreen.manualApproval";
inline constexpr const char *ReadyWait = "bluegreen.readyWait";
inline constexpr const char *LambdaHook = "lambda.hook";
inline constexpr const char *LambdaHookTimeout = "lambda.hookTimeout";
inline constexpr const char *EcsTaskStart = "ecs.taskStart";
inline constexpr const char *EbInstanceDeploy = "eb.instanceDeploy";
inline constexpr const char *EbHealthCheck = "eb.healthCheck";
inline constexpr const char *EbConnectionDraining = "eb.connectionDraining";
inline constexpr const char *EbCommandTimeout = "eb.commandTimeout";
inline constexpr const char *EbCnameSwap = "eb.cnameSwapPropagation";
inline constexpr const char *AsgPauseTime = "asg.pauseTime";
inline constexpr const char *DnsTtl = "route53.ttl";
inline constexpr const char *EcsBakeTime = "ecs.bakeTime";
inline constexpr const char *EcsHookTimeout = "ecs.hookTimeout";
inline constexpr const char *EcsTaskStop = "ecs.taskStop";
inline constexpr const char *RefreshWarmup = "refresh.instanceWarmup";
inline constexpr const char *RefreshCheckpointDelay = "refresh.checkpointDelay";
inline constexpr const char *RefreshBakeTime = "refresh.bakeTime";
inline constexpr const char *LifecycleAction = "asg.lifecycleAction";
} // namespace timing

// The longest any one timing may be: 30 days, past every wait AWS allows (a blue/green
// termination wait of 2 days, a bake time of 1 day), and small enough that a whole rollout of
// the largest fleet still counts its seconds without overflow.
inline constexpr Seconds kMaxTimingSeconds = 30 * 24 * 3600;

// Every known duration, in a stable order (the order `simulate --help` prints).
const std::vector<TimingDefinition> &timingDefinitions();
const TimingDefinition *findTimingDefinition(const std::string &name);

class TimingModel {
public:
    Seconds seconds(const std::string &name) const; // throws std::out_of_range on an unknown name
    void set(const std::string &name, Seconds value); // throws std::invalid_argument
    // A timing a template gives in minutes: a count past the limit is refused in minutes, before
    // it is multiplied into seconds (a 64-bit count of minutes does not fit in seconds).
    void setMinutes(const std::string &name, long long minutes); // throws std::invalid_argument
    bool isOverridden(const std::string &name) const { return m_overrides.count(name) != 0; }
    const std::map<std::string, Seconds> &overrides() const { return m_overrides; }
    bool operator==(const TimingModel &) const = default;

private:
    std::map<std::string, Seconds> m_overrides;
};

} // namespace sc
