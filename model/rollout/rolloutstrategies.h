#pragma once
// The strategy families, one source file each, behind one signature: play the scenario into
// the recorder and say when it ended and how. simulate() picks the family.

#include "model/rollout/rolloutrecorder.h"

namespace sc {

struct RolloutOutcome {
    Seconds end = 0;
    DeploymentResult result = DeploymentResult::Succeeded;
};

RolloutOutcome simulateServerInPlace(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateServerBlueGreen(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateLambda(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateEcs(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateBeanstalk(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateAutoScaling(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateRoute53(const Scenario &scenario, RolloutRecorder &recorder);

// Whether the platform reacts to an injected alarm (CodeDeploy watches the deployment group's
// alarms; Beanstalk its health; a Route 53 shift is reweighted back by its operator).
bool reactsToAlarms(const Scenario &scenario);

// "i-001" or "i-001 ... i-004": how a batch is named in events.
std::string membersLabel(const RolloutRecorder &recorder, const std::vector<int> &members);

} // namespace sc

namespace sc {

// Moves traffic along a schedule starting at t (taking effect `delay` later, e.g. a DNS TTL).
struct PhaseResult {
    Seconds end = 0;
    bool interrupted = false; // the alarm cutoff was reached
    bool failed = false;
};
PhaseResult shiftTraffic(RolloutRecorder &recorder, Seconds t, const TrafficRouting &routing,
                         const std::string &eventName, Seconds delay = 0);
// A Lambda or ECS lifecycle hook: takes lambda.hook when a function is configured (or a
// failure is injected), reports Failed when hook:NAME is injected, and never reports with
// hook:NAME:timeout, which fails it after lambda.hookTimeout.
PhaseResult runHook(const Scenario &scenario, RolloutRecorder &recorder, Seconds t,
                    const std::string &event);
// Records the alarm at the cutoff, clears the cutoff and says whether to roll back.
bool stopOnAlarm(const Scenario &scenario, RolloutRecorder &recorder, Seconds t);

// How a CodeDeploy deployment ends when it fails at t: Failed, or RolledBack through the
// platform's `rollback(t)` (which returns when the rollback ends) when the group rolls back
// on failure.
template<typename Rollback>
RolloutOutcome failDeployment(const Scenario &scenario, RolloutRecorder &recorder, Seconds t,
                              const std::string &why, Rollback &&rollback)
{
    recorder.event(t, "Deployment", "End", "Failed", {}, 0, why);
    if (scenario.rollback.enabled && scenario.rollback.onFailure)
        return {rollback(t), DeploymentResult::RolledBack};
    return {t, DeploymentResult::Failed};
}

// How a CodeDeploy deployment ends when a watched alarm fires at t: Stopped, or RolledBack
// when the group rolls back on alarm.
template<typename Rollback>
RolloutOutcome stopDeploymentOnAlarm(const Scenario &scenario, RolloutRecorder &recorder, Seconds t,
                                     Rollback &&rollback)
{
    if (stopOnAlarm(scenario, recorder, t))
        return {rollback(t), DeploymentResult::RolledBack};
    return {t, DeploymentResult::Stopped};
}

} // namespace sc
