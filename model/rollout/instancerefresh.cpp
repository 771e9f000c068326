// Auto Scaling instance refresh (UpdatePolicy AutoScalingInstanceRefresh and RefreshPreferences,
// reference §12): instances replaced within MinHealthyPercentage / MaxHealthyPercentage, each
// new one warming up before more are replaced, pauses at the checkpoints, the group's lifecycle
// hooks on every launch and termination, skip matching, a bake time at the end while alarms are
// still watched. A failure or an alarm fails the refresh and CloudFormation rolls the update
// back: the replaced instances are replaced again by the previous configuration, unless the
// group uses a launch template version $Latest or $Default or an AMI from a Systems Manager
// parameter, for which a refresh cannot roll back.

#include "model/rollout/fleetreplacement.h"
#include "model/rollout/rolloutstrategies.h"

#include <algorithm>

namespace sc {

namespace {

class InstanceRefresh {
public:
    InstanceRefresh(const Scenario &scenario, RolloutRecorder &recorder)
        : m_s(scenario)
        , m_recorder(recorder)
        , m_hooks(scenario, recorder)
        , m_prefs(scenario.strategy.refresh)
    {
    }

    RolloutOutcome run()
    {
        const int n = m_s.instances;
        const int matching = std::clamp(m_prefs.matchingInstances, 0, n);
        std::vector<int> old;
        for (int i = 0; i < n; ++i) {
            const bool matches = i < matching;
            const int index = m_recorder.addInstance(0, matches ? Version::Replacement : Version::Original, true);
            if (!matches || !m_prefs.skipMatching)
                old.push_back(index);
        }
        m_initial = n;
        std::string checkpoints;
        for (int p : m_prefs.checkpointPercentages)
            checkpoints += (checkpoints.empty() ? "" : "/") + std::to_string(p);
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0,
                         "MinHealthyPercentage " + std::to_string(m_prefs.minHealthyPercentage) +
                             ", MaxHealthyPercentage " + std::to_string(m_prefs.maxHealthyPercentage) +
                             (checkpoints.empty() ? std::string() : ", checkpoints " + checkpoints + " %") +
                             (matching ? ", " + std::to_string(matching) + " instance(s) already match" +
                                             (m_prefs.skipMatching ? " and are skipped" : " and are replaced too")
                                       : std::string()));
        if (old.empty()) {
            m_recorder.event(0, "Deployment", "End", "Succeeded", {}, 0,
                             "SkipMatching: every instance already has the desired configuration");
            return {0, DeploymentResult::Succeeded};
        }
        FleetReplacement replacement(m_s, m_recorder, &m_hooks);
        const auto r = replacement.run(0, old, Version::Replacement, options(true));
        if (r.interrupted)
            return interrupted(r.end);
        if (r.failed) {
            m_recorder.event(r.end, "Deployment", "End", "Failed", {}, 0,
                             r.stuck ? "MinHealthyPercentage and MaxHealthyPercentage leave no instance to replace"
                                     : "a new instance did not become healthy: the instance refresh fails");
            return rollBack(r.end);
        }
        const Seconds bake = m_s.timing.seconds(timing::RefreshBakeTime);
        Seconds t = r.end;
        if (bake > 0) {
            m_recorder.event(t, "Wait", "BakeTime", "Succeeded", {}, bake,
                             "the refresh waits before it counts as complete; alarms are still watched");
            t += bake;
        }
        if (!m_recorder.live(t))
            return interrupted(*m_recorder.cutoff());
        m_recorder.event(t, "Deployment", "End", "Succeeded");
        return {t, DeploymentResult::Succeeded};
    }

private:
    FleetReplacement::Options options(bool forward) const
    {
        FleetReplacement::Options o;
        const int n = m_s.instances;
        o.minHealthy = (n * m_prefs.minHealthyPercentage + 99) / 100; // rounded up
        o.maxRunning = std::max(n, n * m_prefs.maxHealthyPercentage / 100);
        o.launchSeconds = m_s.timing.seconds(timing::InstanceLaunch);
        o.readySeconds = m_s.timing.seconds(timing::InstanceBootstrap) +
                         (m_s.loadBalancer ? m_s.timing.seconds(timing::HealthCheck) : 0);
        o.warmupSeconds = m_s.timing.seconds(timing::RefreshWarmup);
        o.drainSeconds = m_s.loadBalancer ? m_s.timing.seconds(timing::DeregistrationDelay) : 0;
        if (forward) {
            o.checkpoints = m_prefs.checkpointPercentages;
            o.checkpointDelay = m_s.timing.seconds(timing::RefreshCheckpointDelay);
        }
        o.injectFailures = forward;
        o.failureLimit = forward ? 1 : 1 << 30;
        return o;
    }

    RolloutOutcome interrupted(Seconds t)
    {
        m_recorder.clearCutoff();
        const auto kind = m_recorder.interruption() ? m_recorder.interruption()->kind : Interruption::Kind::Alarm;
        if (kind == Interruption::Kind::StopRequest) {
            m_recorder.event(t, "Operator", "CancelInstanceRefresh", "Succeeded", {}, 0,
                             "the refresh stops; instances already replaced keep the new configuration");
            m_recorder.event(t, "Deployment", "End", "Stopped");
            return {t, DeploymentResult::Stopped};
        }
        if (kind == Interruption::Kind::RollbackRequest)
            m_recorder.event(t, "Operator", "RollbackInstanceRefresh", "Succeeded", {}, 0,
                             "the operator rolls the refresh back");
        else
            m_recorder.event(t, "Alarm", m_s.alarms.empty() ? "Alarm" : m_s.alarms.front(), "ALARM", {}, 0,
                             "an alarm of the AlarmSpecification entered ALARM: the instance refresh fails");
        m_recorder.event(t, "Deployment", "End", kind == Interruption::Kind::Alarm ? "Failed" : "Stopped");
        return rollBack(t);
    }

    // Instances the refresh launched are replaced by the previous configuration, with the same
    // preferences; instances being removed when it failed are terminated.
    RolloutOutcome rollBack(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        if (!m_s.rollbackSupported) {
            m_recorder.event(t, "Rollback", "RollbackInstanceRefresh", "Failed", {}, 0,
                             "a refresh cannot roll back a group on launch template version $Latest or $Default, or "
                             "whose AMI comes from a Systems Manager parameter: replaced instances keep the new "
                             "configuration");
            return {t, DeploymentResult::Failed};
        }
        std::vector<int> launched;
        int running = 0;
        for (int i = 0; i < m_recorder.memberCount(); ++i) {
            const auto &m = m_recorder.member(i);
            if (m.running() && (m.state == UnitState::Draining || m.state == UnitState::TerminatingWait)) {
                m_recorder.terminate(t, i);
                continue;
            }
            running += m.running() ? 1 : 0;
            if (i >= m_initial && m.running() && m.version == Version::Replacement)
                launched.push_back(i);
        }
        m_recorder.event(t, "Rollback", "RollbackInstanceRefresh", "Started", membersLabel(m_recorder, launched), 0,
                         "the previous launch template replaces the instances the refresh launched");
        FleetReplacement back(m_s, m_recorder, &m_hooks);
        const auto r = back.run(t, launched, Version::Original, options(false), std::max(0, m_s.instances - running));
        m_recorder.event(r.end, "Rollback", "RollbackInstanceRefresh", "Succeeded");
        return {r.end, DeploymentResult::RolledBack};
    }

    const Scenario &m_s;
    RolloutRecorder &m_recorder;
    AsgLifecycle m_hooks;
    const InstanceRefreshPreferences &m_prefs;
    int m_initial = 0;
};

} // namespace

RolloutOutcome simulateInstanceRefresh(const Scenario &scenario, RolloutRecorder &recorder)
{
    return InstanceRefresh(scenario, recorder).run();
}

} // namespace sc
