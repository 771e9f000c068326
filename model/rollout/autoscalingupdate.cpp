// CloudFormation UpdatePolicy on an AWS::AutoScaling::AutoScalingGroup: AutoScalingRollingUpdate
// (MaxBatchSize, MinInstancesInService, PauseTime, MinSuccessfulInstancesPercent,
// WaitOnResourceSignals) and AutoScalingReplacingUpdate (a new group, the old one deleted once
// the new one is complete). A failed update makes CloudFormation roll the stack back.
// Without WaitOnResourceSignals CloudFormation cannot see a broken instance: the update
// succeeds and the instance stays unhealthy.

#include "model/rollout/rolloutstrategies.h"

#include <algorithm>

namespace sc {

namespace {

class AutoScalingUpdate {
public:
    AutoScalingUpdate(const Scenario &scenario, RolloutRecorder &recorder)
        : m_s(scenario)
        , m_recorder(recorder)
    {
        const auto &timing = scenario.timing;
        m_ready = timing.seconds(timing::InstanceLaunch) + timing.seconds(timing::InstanceBootstrap) +
                  (scenario.loadBalancer ? timing.seconds(timing::HealthCheck) : 0);
        m_drain = scenario.loadBalancer ? timing.seconds(timing::DeregistrationDelay) : 0;
        m_pause = timing.seconds(timing::AsgPauseTime);
        const int n = scenario.instances;
        m_allowedFailures = n - (n * scenario.strategy.minSuccessfulInstancesPercent + 99) / 100;
    }

    RolloutOutcome run()
    {
        for (int i = 0; i < m_s.instances; ++i)
            m_recorder.addInstance(0, Version::Original, true);
        const auto &st = m_s.strategy;
        if (st.autoScalingPolicy == AutoScalingPolicy::ReplacingUpdate)
            return replacing();
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0,
                         "MaxBatchSize " + std::to_string(st.maxBatchSize) + ", MinInstancesInService " +
                             std::to_string(st.minInstancesInService) + ", PauseTime " +
                             std::to_string(m_pause) + " s" +
                             (m_s.waitOnResourceSignals ? ", waiting on signals" : ""));
        const auto rolled = roll(0, Version::Original, Version::Replacement, true);
        if (rolled.interrupted) {
            cancelled(rolled.end);
        } else if (!rolled.failed) {
            m_recorder.event(rolled.end, "Deployment", "End", "Succeeded");
            return {rolled.end, DeploymentResult::Succeeded};
        } else {
            m_recorder.event(rolled.end, "Deployment", "End", "Failed", {}, 0,
                             "fewer instances signalled success than MinSuccessfulInstancesPercent");
        }
        m_recorder.markRollbackStart(rolled.end);
        m_recorder.event(rolled.end, "Rollback", "UPDATE_ROLLBACK_IN_PROGRESS", "Started", {}, 0,
                         "CloudFormation rolls the group back to the previous launch configuration");
        const auto back = roll(rolled.end, Version::Replacement, Version::Original, false);
        m_recorder.event(back.end, "Rollback", "UPDATE_ROLLBACK_COMPLETE", "Succeeded");
        return {back.end, DeploymentResult::RolledBack};
    }

private:
    struct Rolled {
        Seconds end = 0;
        bool failed = false;
        bool interrupted = false; // CancelUpdateStack came at `end`
    };

    // CancelUpdateStack: CloudFormation stops where it is and rolls the update back. Instances
    // that were being removed when it came are counted as gone from then on (the rollback's
    // later steps are recorded in time order after it).
    void cancelled(Seconds t)
    {
        m_recorder.clearCutoff();
        m_recorder.event(t, "Operator", "CancelUpdateStack", "Succeeded", {}, 0,
                         "the operator cancels the stack update; CloudFormation rolls it back");
        m_recorder.event(t, "Deployment", "End", "Stopped");
        for (int i = 0; i < m_recorder.memberCount(); ++i) {
            if (m_recorder.member(i).state == UnitState::Draining)
                m_recorder.terminate(t, i);
        }
    }

    int inService() const
    {
        int count = 0;
        for (int i = 0; i < m_recorder.memberCount(); ++i)
            count += m_recorder.member(i).inService() ? 1 : 0;
        return count;
    }

    int running() const
    {
        int count = 0;
        for (int i = 0; i < m_recorder.memberCount(); ++i)
            count += m_recorder.member(i).running() ? 1 : 0;
        return count;
    }

    std::vector<int> runningWith(Version version) const
    {
        std::vector<int> out;
        for (int i = 0; i < m_recorder.memberCount(); ++i) {
            if (m_recorder.member(i).running() && m_recorder.member(i).version == version)
                out.push_back(i);
        }
        return out;
    }

    // Replaces every running `from` instance by a `to` instance, batch by batch.
    Rolled roll(Seconds t, Version from, Version to, bool inject)
    {
        const auto &st = m_s.strategy;
        auto old = runningWith(from);
        std::size_t next = 0;
        int ordinal = 0;
        int failures = 0;
        for (int batch = 1; next < old.size(); ++batch) {
            if (!m_recorder.live(t))
                return {*m_recorder.cutoff(), false, true};
            int size = std::min<int>(std::max(1, st.maxBatchSize), static_cast<int>(old.size() - next));
            // Keeping MinInstancesInService may need new instances first, up to MaxSize.
            const bool surge = inService() - size < st.minInstancesInService;
            if (surge) {
                const int room = m_s.maxInstances > 0 ? m_s.maxInstances - running() : size;
                size = std::min(size, std::max(room, inService() - st.minInstancesInService));
                if (size <= 0) {
                    m_recorder.event(t, "Batch", "Batch " + std::to_string(batch), "Failed", {}, 0,
                                     "MinInstancesInService and MaxSize leave no instance to replace");
                    return {t, true};
                }
            }
            std::vector<int> leaving(old.begin() + static_cast<long>(next),
                                     old.begin() + static_cast<long>(next) + size);
            next += static_cast<std::size_t>(size);
            m_recorder.event(t, "Batch", "Batch " + std::to_string(batch), "Started",
                             membersLabel(m_recorder, leaving), 0,
                             surge ? "new instances first, to keep MinInstancesInService" : "");
            Seconds launchAt = t;
            Seconds leaveAt = t;
            if (surge)
                leaveAt = t + m_ready;
            else
                launchAt = t + m_drain;
            if (!surge)
                retire(leaveAt, leaving);
            std::vector<int> fresh;
            bool batchFailed = false;
            for (int i = 0; i < size; ++i)
                fresh.push_back(m_recorder.addInstance(launchAt, to, false));
            for (int index : fresh) {
                const bool broken = inject && instanceFails(m_s, ++ordinal);
                m_recorder.setState(launchAt + m_ready, index, broken ? UnitState::Failed : UnitState::InService);
                batchFailed |= broken && m_s.waitOnResourceSignals;
            }
            m_recorder.event(launchAt, "Instance", "LaunchInstances", "Succeeded",
                             membersLabel(m_recorder, fresh), m_ready);
            if (surge)
                retire(leaveAt, leaving);
            Seconds end = std::max(launchAt + m_ready, surge ? leaveAt + m_drain : launchAt);
            if (batchFailed) {
                // No signal arrives: CloudFormation gives up when PauseTime runs out.
                const Seconds deadline = launchAt + m_pause;
                m_recorder.event(deadline, "Instance", "ResourceSignal", "Failed",
                                 m_recorder.member(fresh.back()).id, 0, "no SUCCESS signal within PauseTime");
                end = std::max(end, deadline);
                if (++failures > m_allowedFailures)
                    return {end, true};
            } else if (!m_s.waitOnResourceSignals && m_pause > 0) {
                m_recorder.event(end, "Wait", "PauseTime", "Succeeded", {}, m_pause);
                end += m_pause;
            }
            t = end;
        }
        if (!m_recorder.live(t))
            return {*m_recorder.cutoff(), false, true};
        return {t, false};
    }

    void retire(Seconds t, const std::vector<int> &leaving)
    {
        for (int index : leaving)
            m_recorder.setState(t, index, UnitState::Draining);
        for (int index : leaving)
            m_recorder.terminate(t + m_drain, index);
        m_recorder.event(t, "Instance", "TerminateInstances", "Succeeded", membersLabel(m_recorder, leaving),
                         m_drain);
    }

    RolloutOutcome replacing()
    {
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0,
                         "WillReplace: a new Auto Scaling group replaces the old one");
        std::vector<int> fresh;
        int failures = 0;
        for (int i = 0; i < m_s.instances; ++i)
            fresh.push_back(m_recorder.addInstance(0, Version::Replacement, false));
        for (int i = 0; i < m_s.instances; ++i) {
            const bool broken = instanceFails(m_s, i + 1);
            failures += broken && m_s.waitOnResourceSignals ? 1 : 0;
            m_recorder.setState(m_ready, fresh[static_cast<std::size_t>(i)],
                                broken ? UnitState::Failed : UnitState::InService);
        }
        m_recorder.event(0, "Instance", "CreateNewAutoScalingGroup", "Succeeded",
                         membersLabel(m_recorder, fresh), m_ready);
        const bool cancel = !m_recorder.live(m_ready);
        if (cancel || failures > m_allowedFailures) {
            Seconds t = std::max(m_ready, m_pause);
            if (cancel) {
                t = *m_recorder.cutoff();
                cancelled(t);
            } else {
                m_recorder.event(t, "Deployment", "End", "Failed", {}, 0,
                                 "the new group did not receive enough SUCCESS signals");
            }
            m_recorder.markRollbackStart(t);
            for (int index : fresh)
                m_recorder.terminate(t, index);
            m_recorder.event(t, "Rollback", "DeleteNewAutoScalingGroup", "Succeeded",
                             membersLabel(m_recorder, fresh), 0, "the old group keeps serving");
            return {t, DeploymentResult::RolledBack};
        }
        // Deleting the old group is cleanup: a cancel can no longer roll the update back.
        m_recorder.clearCutoff();
        const auto old = runningWith(Version::Original);
        retire(m_ready, old);
        const Seconds end = m_ready + m_drain;
        m_recorder.event(end, "Deployment", "End", "Succeeded", {}, 0,
                         "the old group is deleted in the cleanup phase");
        return {end, DeploymentResult::Succeeded};
    }

    const Scenario &m_s;
    RolloutRecorder &m_recorder;
    Seconds m_ready = 0;
    Seconds m_drain = 0;
    Seconds m_pause = 0;
    int m_allowedFailures = 0;
};

} // namespace

RolloutOutcome simulateAutoScaling(const Scenario &scenario, RolloutRecorder &recorder)
{
    return AutoScalingUpdate(scenario, recorder).run();
}

} // namespace sc
