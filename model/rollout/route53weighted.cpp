// Blue/green by Route 53 weighted records (reference §4.4): the weights move along a schedule
// (canary, linear or all at once, in percent of the total weight); clients follow a change once
// the DNS TTL has passed. Rolling back is reweighting to the original record.

#include "model/rollout/rolloutstrategies.h"

namespace sc {

RolloutOutcome simulateRoute53(const Scenario &s, RolloutRecorder &recorder)
{
    const Seconds ttl = s.timing.seconds(timing::DnsTtl);
    recorder.setTraffic(0, 0);
    recorder.addEndpoints(UnitKind::Record, "original-record", "new-record");
    recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0,
                   "weights change on the records; clients follow after the " + std::to_string(ttl) +
                       " s TTL");
    const auto shift = shiftTraffic(recorder, 0, s.strategy.trafficRouting, "UpdateWeights", ttl);
    Seconds t = shift.end;
    if (!shift.interrupted && recorder.live(t)) {
        recorder.event(t, "Deployment", "End", "Succeeded");
        return {t, DeploymentResult::Succeeded};
    }
    t = *recorder.cutoff();
    recorder.clearCutoff();
    const bool requested = recorder.interruption() &&
                           recorder.interruption()->kind == Interruption::Kind::RollbackRequest;
    if (requested)
        recorder.event(t, "Operator", operatorControl(s, OperatorAction::Kind::Rollback), "Succeeded", {}, 0,
                       "the operator sets the original record's weight back");
    else
        recorder.event(t, "Alarm", s.alarms.empty() ? "Alarm" : s.alarms.front(), "ALARM", {}, 0,
                       "the new version misbehaves: its record goes back to weight 0");
    recorder.markRollbackStart(t);
    recorder.failEndpoint(t, Version::Replacement);
    recorder.event(t, "Rollback", "UpdateWeights", "Succeeded", {}, ttl,
                   "original record weight restored; clients follow after the TTL");
    recorder.setTraffic(t + ttl, 0);
    return {t + ttl, DeploymentResult::RolledBack};
}

} // namespace sc
