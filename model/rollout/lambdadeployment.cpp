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
    recorder.failEndpoint(t, Version::Replacement);
    recorder.event(t, "Rollback", "AliasToOriginalVersion", "Succeeded", {}, 0,
                   "the alias sends all traffic to the original version again");
    return {t, DeploymentResult::RolledBack};
}

RolloutOutcome interrupted(const Scenario &s, RolloutRecorder &recorder, Seconds t)
{
    return rollBack(recorder, t, DeploymentResult::Stopped, interrupt(s, recorder, t));
}

RolloutOutcome hookFailed(const Scenario &s, RolloutRecorder &recorder, Seconds t, const std::string &hook)
{
    recorder.failEndpoint(t, Version::Replacement);
    recorder.event(t, "Deployment", "End", "Failed", {}, 0, hook + " hook failed");
    return rollBack(recorder, t, DeploymentResult::Failed, s.rollback.enabled && s.rollback.onFailure);
}

} // namespace

RolloutOutcome simulateLambda(const Scenario &s, RolloutRecorder &recorder)
{
    recorder.setTraffic(0, 0);
    recorder.addEndpoints(UnitKind::FunctionVersion, "original-version", "new-version");
    recorder.event(0, "Deployment", "Start", "Succeeded");
    Seconds t = 0;

    auto before = runHook(s, recorder, t, "BeforeAllowTraffic");
    if (before.interrupted)
        return interrupted(s, recorder, before.end);
    t = before.end;
    if (before.failed)
        return hookFailed(s, recorder, t, "BeforeAllowTraffic");

    auto shift = shiftTraffic(recorder, t, s.strategy.trafficRouting, "AllowTraffic");
    if (shift.interrupted)
        return interrupted(s, recorder, shift.end);
    t = shift.end;

    auto after = runHook(s, recorder, t, "AfterAllowTraffic");
    if (after.interrupted)
        return interrupted(s, recorder, after.end);
    t = after.end;
    if (after.failed)
        return hookFailed(s, recorder, t, "AfterAllowTraffic");
    if (!recorder.live(t))
        return interrupted(s, recorder, t);
    recorder.event(t, "Deployment", "End", "Succeeded");
    return {t, DeploymentResult::Succeeded};
}

} // namespace sc
