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
RolloutOutcome simulateEcsNative(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateInstanceRefresh(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateBeanstalk(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateAutoScaling(const Scenario &scenario, RolloutRecorder &recorder);
RolloutOutcome simulateRoute53(const Scenario &scenario, RolloutRecorder &recorder);

// Whether the platform reacts to an injected alarm (CodeDeploy watches the deployment group's
// alarms; Beanstalk its health; a Route 53 shift is reweighted back by its operator).
bool reactsToAlarms(const Scenario &scenario);
// The AWS control an operator uses to stop or roll back on this platform (StopDeployment,
// AbortEnvironmentUpdate, CancelUpdateStack...).
std::string operatorControl(const Scenario &scenario, OperatorAction::Kind kind);

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
// Records what interrupted the deployment at the cutoff (the alarm, or the operator's stop or
// rollback request), clears the cutoff and says whether to roll back: on an alarm when the
// group rolls back on DEPLOYMENT_STOP_ON_ALARM, on a stop request with
// DEPLOYMENT_STOP_ON_REQUEST, always on a rollback request.
bool interrupt(const Scenario &scenario, RolloutRecorder &recorder, Seconds t);
// A ContinueDeployment during a wait from `start` for at most `limit` seconds: when it comes,
// recorded as an operator event (nullopt when none comes in time).
std::optional<Seconds> continueDuring(const Scenario &scenario, RolloutRecorder &recorder, Seconds start,
                                      Seconds limit, const std::string &waitType);

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

// How a CodeDeploy deployment ends when it is interrupted at t (an alarm, a stop or rollback
// request): Stopped, or RolledBack (see interrupt()).
template<typename Rollback>
RolloutOutcome stopOnInterruption(const Scenario &scenario, RolloutRecorder &recorder, Seconds t,
                                  Rollback &&rollback)
{
    if (interrupt(scenario, recorder, t))
        return {rollback(t), DeploymentResult::RolledBack};
    return {t, DeploymentResult::Stopped};
}

} // namespace sc
