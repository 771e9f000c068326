// CodeDeploy deployment of a Lambda alias (reference §1.4, §2.3, §3): BeforeAllowTraffic hook,
// AllowTraffic shifting the alias weights by the configuration, AfterAllowTraffic hook. A
// rollback points the alias back at the original version.

#include "model/rollout/rolloutstrategies.h"

namespace sc {

namespace {

RolloutOutcome rollBack(RolloutRecorder &recorder, Seconds t, DeploymentResult otherwise, bool wanted)
{
    if (!wanted)
        return {t, otherwise};
    recorder.markRollbackStart(t);
    recorder.setTraffic(t, 0);
    recorder.event(t, "Rollback", "AliasToOriginalVersion", "Succeeded", {}, 0,
                   "the alias sends all traffic to the original version again");
    return {t, DeploymentResult::RolledBack};
}

} // namespace

RolloutOutcome simulateLambda(const Scenario &s, RolloutRecorder &recorder)
{
    recorder.setTraffic(0, 0);
    recorder.event(0, "Deployment", "Start", "Succeeded");
    const bool rollbackOnFailure = s.rollback.enabled && s.rollback.onFailure;
    Seconds t = 0;

    auto before = runHook(s, recorder, t, "BeforeAllowTraffic");
    if (before.interrupted)
        return rollBack(recorder, before.end, DeploymentResult::Stopped,
                        stopOnAlarm(s, recorder, before.end));
    t = before.end;
    if (before.failed) {
        recorder.event(t, "Deployment", "End", "Failed", {}, 0, "BeforeAllowTraffic hook failed");
        return rollBack(recorder, t, DeploymentResult::Failed, rollbackOnFailure);
    }

    auto shift = shiftTraffic(recorder, t, s.strategy.trafficRouting, "AllowTraffic");
    if (shift.interrupted)
        return rollBack(recorder, shift.end, DeploymentResult::Stopped,
                        stopOnAlarm(s, recorder, shift.end));
    t = shift.end;

    auto after = runHook(s, recorder, t, "AfterAllowTraffic");
    if (after.interrupted)
        return rollBack(recorder, after.end, DeploymentResult::Stopped,
                        stopOnAlarm(s, recorder, after.end));
    t = after.end;
    if (after.failed) {
        recorder.event(t, "Deployment", "End", "Failed", {}, 0, "AfterAllowTraffic hook failed");
        return rollBack(recorder, t, DeploymentResult::Failed, rollbackOnFailure);
    }
    if (!recorder.live(t))
        return rollBack(recorder, t, DeploymentResult::Stopped, stopOnAlarm(s, recorder, t));
    recorder.event(t, "Deployment", "End", "Succeeded");
    return {t, DeploymentResult::Succeeded};
}

} // namespace sc
