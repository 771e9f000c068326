// Elastic Beanstalk deployment policies (reference §4.3-4.4): AllAtOnce, Rolling,
// RollingWithAdditionalBatch, Immutable, TrafficSplitting, and blue/green by CNAME swap, with
// the capacity of each and its failure behaviour. Beanstalk watches the health of the
// instances, not CloudWatch alarms: an injected alarm stands for the environment's health
// turning Severe at that time.

#include "model/rollout/rolloutstrategies.h"

#include <algorithm>

namespace sc {

namespace {

class BeanstalkDeployment {
public:
    BeanstalkDeployment(const Scenario &scenario, RolloutRecorder &recorder)
        : m_s(scenario)
        , m_recorder(recorder)
    {
        const auto &timing = scenario.timing;
        m_drain = scenario.loadBalancer ? timing.seconds(timing::EbConnectionDraining) : 0;
        m_deploy = timing.seconds(timing::EbInstanceDeploy);
        m_health = timing.seconds(timing::EbHealthCheck);
        m_launch = timing.seconds(timing::InstanceLaunch);
        m_timeout = timing.seconds(timing::EbCommandTimeout);
    }

    RolloutOutcome run()
    {
        for (int i = 0; i < m_s.instances; ++i)
            m_original.push_back(m_recorder.addInstance(0, Version::Original, true));
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0,
                         "DeploymentPolicy " + policyName(m_s.strategy.beanstalkPolicy));
        switch (m_s.strategy.beanstalkPolicy) {
        case BeanstalkPolicy::AllAtOnce:
            return finished(rolling(0, m_s.instances, m_original, Version::Replacement, 0, true));
        case BeanstalkPolicy::Rolling:
            return finished(rolling(0, batchSize(), m_original, Version::Replacement, 0, true));
        case BeanstalkPolicy::RollingWithAdditionalBatch: return withAdditionalBatch();
        case BeanstalkPolicy::Immutable: return immutable();
        case BeanstalkPolicy::TrafficSplitting: return trafficSplitting();
        case BeanstalkPolicy::BlueGreen: return blueGreen();
        }
        return {0, DeploymentResult::Failed};
    }

private:
    int batchSize() const
    {
        const auto &st = m_s.strategy;
        // Percentage batches round up (assumption: AWS does not state the rounding) and are
        // never empty.
        const int size = st.batchSizeFixed ? st.batchSize : (m_s.instances * st.batchSize + 99) / 100;
        return std::clamp(size, 1, m_s.instances);
    }

    bool fails(int ordinal) const { return instanceFails(m_s, ordinal); }

    // Instances in batches: detach, deploy, reattach once healthy. AllAtOnce is the same with
    // one batch and no detaching: the application restarts in place. A rollback after
    // AbortEnvironmentUpdate is the same pass deploying the previous version.
    RolloutOutcome rolling(Seconds t, int size, const std::vector<int> &fleet, Version to, int ordinalOffset,
                           bool inject)
    {
        const bool allAtOnce = m_s.strategy.beanstalkPolicy == BeanstalkPolicy::AllAtOnce;
        const int n = static_cast<int>(fleet.size());
        for (int first = 0, batch = 1; first < n; first += size, ++batch) {
            std::vector<int> members(fleet.begin() + first, fleet.begin() + std::min(n, first + size));
            if (!m_recorder.live(t))
                return interrupted(*m_recorder.cutoff());
            m_recorder.event(t, "Batch", (inject ? "Batch " : "Rollback batch ") + std::to_string(batch), "Started",
                             membersLabel(m_recorder, members));
            const Seconds start = t;
            const Seconds drain = allAtOnce ? 0 : m_drain;
            for (int index : members)
                m_recorder.setState(t, index, drain > 0 ? UnitState::Draining : UnitState::Installing);
            if (drain > 0) {
                m_recorder.event(t, "Instance", "DetachFromLoadBalancer", "Succeeded",
                                 membersLabel(m_recorder, members), drain);
                for (int index : members)
                    m_recorder.setState(t + drain, index, UnitState::Installing);
            }
            t += drain;
            m_recorder.event(t, "Instance", "DeployApplicationVersion", "Succeeded",
                             membersLabel(m_recorder, members), m_deploy);
            t += m_deploy;
            std::vector<int> failed;
            for (std::size_t i = 0; i < members.size(); ++i) {
                if (inject && fails(ordinalOffset + first + static_cast<int>(i) + 1))
                    failed.push_back(members[i]);
            }
            const Seconds check = failed.empty() ? m_health : std::max(m_health, m_timeout - (t - start));
            auto broken = [&](int index) { return std::find(failed.begin(), failed.end(), index) != failed.end(); };
            // In time order: every change at t first, then the results of the health check.
            for (int index : members) {
                m_recorder.setVersion(t, index, to);
                const bool serves = allAtOnce && !broken(index);
                m_recorder.setState(t, index, serves ? UnitState::InService : UnitState::Pending);
            }
            for (int index : members) {
                if (!allAtOnce && !broken(index))
                    m_recorder.setInService(t + m_health, index, true);
            }
            for (int index : members) {
                if (broken(index))
                    m_recorder.setState(t + check, index, UnitState::Failed);
            }
            m_recorder.event(t, "Instance", "HealthCheck", failed.empty() ? "Succeeded" : "Failed",
                             membersLabel(m_recorder, members), check,
                             failed.empty() ? std::string() : "instance " + m_recorder.member(failed.front()).id +
                                                                  " does not become healthy");
            if (!failed.empty() && !m_s.ignoreHealthCheck) {
                t = std::max(t + m_health, start + m_timeout);
                if (!m_recorder.live(t))
                    return interrupted(*m_recorder.cutoff());
                m_recorder.event(t, "Deployment", "End", "Failed", {}, 0,
                                 "batch " + std::to_string(batch) +
                                     " was not healthy within the command timeout; completed batches "
                                     "keep the new version (mixed fleet); redeploy by hand");
                return {t, DeploymentResult::Failed};
            }
            t += failed.empty() ? m_health : check;
        }
        return {t, DeploymentResult::Succeeded};
    }

    RolloutOutcome finished(RolloutOutcome outcome)
    {
        return outcome.result == DeploymentResult::Succeeded ? finish(outcome.end) : outcome;
    }

    RolloutOutcome withAdditionalBatch()
    {
        const int size = batchSize();
        m_extra = launch(0, size);
        const auto &extra = m_extra;
        Seconds t = m_launch + m_deploy;
        m_recorder.event(0, "Instance", "LaunchAdditionalBatch", "Succeeded", membersLabel(m_recorder, extra),
                         m_launch + m_deploy);
        if (auto failed = becomeHealthy(t, extra, 0); failed) {
            t = std::max(t + m_health, m_timeout);
            if (!m_recorder.live(t))
                return interrupted(*m_recorder.cutoff());
            m_recorder.event(t, "Deployment", "End", "Failed", {}, 0,
                             "the additional batch did not become healthy; the original instances were not touched");
            return {t, DeploymentResult::Failed};
        }
        t += m_health;
        auto outcome = rolling(t, size, m_original, Version::Replacement, size, true);
        if (outcome.result != DeploymentResult::Succeeded)
            return outcome;
        // The fleet returns to its size: the additional batch goes.
        t = outcome.end;
        if (!m_recorder.live(t))
            return interrupted(*m_recorder.cutoff());
        enterCleanup(t);
        for (int index : extra)
            m_recorder.setState(t, index, UnitState::Draining);
        for (int index : extra)
            m_recorder.terminate(t + m_drain, index);
        m_recorder.event(t, "Instance", "TerminateAdditionalBatch", "Succeeded",
                         membersLabel(m_recorder, extra), m_drain);
        return finish(t + m_drain);
    }

    RolloutOutcome immutable()
    {
        // One instance first in a temporary Auto Scaling group, then the rest.
        std::vector<int> fresh = launch(0, 1);
        m_recorder.event(0, "Instance", "LaunchFirstInstance", "Succeeded", membersLabel(m_recorder, fresh),
                         m_launch + m_deploy, "temporary Auto Scaling group behind the same load balancer");
        Seconds t = m_launch + m_deploy;
        if (becomeHealthy(t, fresh, 0))
            return discardNew(std::max(t + m_health, m_timeout), "the first new instance did not become healthy");
        t += m_health;
        if (!m_recorder.live(t))
            return interrupted(*m_recorder.cutoff());
        const int rest = m_s.instances - 1;
        if (rest > 0) {
            auto more = launch(t, rest);
            m_recorder.event(t, "Instance", "LaunchRemainingInstances", "Succeeded",
                             membersLabel(m_recorder, more), m_launch + m_deploy);
            const Seconds start = t;
            t += m_launch + m_deploy;
            if (becomeHealthy(t, more, 1))
                return discardNew(std::max(t + m_health, start + m_timeout),
                                  "a new instance did not become healthy");
            t += m_health;
        }
        return retireOriginals(t, "new instances moved into the original Auto Scaling group");
    }

    RolloutOutcome trafficSplitting()
    {
        m_recorder.setTraffic(0, 0);
        auto fresh = launch(0, m_s.instances);
        m_recorder.event(0, "Instance", "LaunchNewFleet", "Succeeded", membersLabel(m_recorder, fresh),
                         m_launch + m_deploy, "full-size fleet in a temporary Auto Scaling group");
        Seconds t = m_launch + m_deploy;
        if (becomeHealthy(t, fresh, 0))
            return discardNew(std::max(t + m_health, m_timeout), "a new instance did not become healthy");
        t += m_health;
        const auto &st = m_s.strategy;
        TrafficRouting canary{TrafficRouting::Type::TimeBasedCanary, st.newVersionPercent,
                              st.evaluationTimeMinutes};
        if (st.newVersionPercent >= 100)
            canary = {TrafficRouting::Type::AllAtOnce, 100, 0};
        auto shift = shiftTraffic(m_recorder, t, canary, "TrafficSplitting");
        if (shift.interrupted)
            return interrupted(shift.end);
        return retireOriginals(shift.end, "all traffic on the new instances");
    }

    RolloutOutcome blueGreen()
    {
        m_recorder.setTraffic(0, 0);
        auto green = launch(0, m_s.instances);
        m_recorder.event(0, "Instance", "CreateGreenEnvironment", "Succeeded", membersLabel(m_recorder, green),
                         m_launch + m_deploy, "a second environment runs the new version");
        Seconds t = m_launch + m_deploy;
        if (becomeHealthy(t, green, 0)) {
            t = std::max(t + m_health, m_timeout);
            if (!m_recorder.live(t))
                return interrupted(*m_recorder.cutoff());
            m_recorder.event(t, "Deployment", "End", "Failed", {}, 0,
                             "the new environment is not healthy; URLs not swapped");
            return {t, DeploymentResult::Failed};
        }
        t += m_health;
        const Seconds propagation = m_s.timing.seconds(timing::EbCnameSwap);
        auto swap = shiftTraffic(m_recorder, t, {}, "SwapEnvironmentURLs", propagation);
        if (swap.interrupted)
            return interrupted(swap.end);
        m_recorder.event(swap.end, "Instance", "KeepBlueEnvironment", "Succeeded",
                         membersLabel(m_recorder, m_original), 0,
                         "terminate the old environment once its DNS records have expired");
        return finish(swap.end);
    }

    std::vector<int> launch(Seconds t, int count)
    {
        std::vector<int> members;
        for (int i = 0; i < count; ++i)
            members.push_back(m_recorder.addInstance(t, Version::Replacement, false));
        return members;
    }

    // Brings launched instances into service after the health check at t; returns whether one
    // of them is the injected failure.
    bool becomeHealthy(Seconds t, const std::vector<int> &members, int ordinalOffset)
    {
        bool failed = false;
        for (std::size_t i = 0; i < members.size(); ++i) {
            const bool broken = fails(ordinalOffset + static_cast<int>(i) + 1);
            failed |= broken;
            m_recorder.setState(t + m_health, members[i], broken ? UnitState::Failed : UnitState::InService);
        }
        m_recorder.event(t, "Instance", "HealthCheck", failed ? "Failed" : "Succeeded",
                         membersLabel(m_recorder, members), m_health);
        return failed;
    }

    // The cleanup phase: once it starts, an update can no longer be cancelled, and health
    // problems of the old instances being removed no longer matter.
    void enterCleanup(Seconds t)
    {
        if (m_recorder.cutoff() && *m_recorder.cutoff() >= t)
            m_recorder.clearCutoff();
    }

    RolloutOutcome retireOriginals(Seconds t, const std::string &why)
    {
        if (!m_recorder.live(t))
            return interrupted(*m_recorder.cutoff());
        enterCleanup(t);
        for (int index : m_original)
            m_recorder.setState(t, index, UnitState::Draining);
        for (int index : m_original)
            m_recorder.terminate(t + m_drain, index);
        m_recorder.event(t, "Instance", "TerminateOldInstances", "Succeeded",
                         membersLabel(m_recorder, m_original), m_drain, why);
        return finish(t + m_drain);
    }

    RolloutOutcome finish(Seconds t)
    {
        if (!m_recorder.live(t))
            return interrupted(*m_recorder.cutoff());
        m_recorder.event(t, "Deployment", "End", "Succeeded");
        return {t, DeploymentResult::Succeeded};
    }

    // Immutable, TrafficSplitting: the new instances go, traffic stays on (or returns to) the
    // originals.
    RolloutOutcome discardNew(Seconds t, const std::string &why)
    {
        if (!m_recorder.live(t))
            return interrupted(*m_recorder.cutoff());
        m_recorder.event(t, "Deployment", "End", "Failed", {}, 0, why);
        return undo(t);
    }

    RolloutOutcome undo(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        const auto policy = m_s.strategy.beanstalkPolicy;
        if (policy == BeanstalkPolicy::TrafficSplitting || policy == BeanstalkPolicy::BlueGreen)
            m_recorder.setTraffic(t, 0);
        std::vector<int> fresh;
        for (int i = 0; i < m_recorder.memberCount(); ++i) {
            if (m_recorder.member(i).version == Version::Replacement && m_recorder.member(i).running())
                fresh.push_back(i);
        }
        if (policy != BeanstalkPolicy::BlueGreen) {
            for (int index : fresh)
                m_recorder.terminate(t, index);
        }
        m_recorder.event(t, "Rollback", policy == BeanstalkPolicy::BlueGreen ? "SwapEnvironmentURLsBack"
                                                                              : "TerminateNewInstances",
                         "Succeeded", membersLabel(m_recorder, fresh), 0,
                         policy == BeanstalkPolicy::TrafficSplitting
                             ? "traffic shifted back to the old instances; new instances terminated"
                             : std::string());
        return {t, DeploymentResult::RolledBack};
    }

    // Beanstalk reacts to its instances' health, not to CloudWatch alarms: an alarm stands for
    // the health turning Severe. AbortEnvironmentUpdate rolls back the way the update deployed.
    RolloutOutcome interrupted(Seconds t)
    {
        m_recorder.clearCutoff();
        const auto policy = m_s.strategy.beanstalkPolicy;
        const bool replacesFleet = policy == BeanstalkPolicy::Immutable ||
                                   policy == BeanstalkPolicy::TrafficSplitting ||
                                   policy == BeanstalkPolicy::BlueGreen;
        const bool aborted = m_recorder.interruption() &&
                             m_recorder.interruption()->kind == Interruption::Kind::RollbackRequest;
        if (!aborted) {
            m_recorder.event(t, "Alarm", "EnvironmentHealth", "ALARM", {}, 0, "environment health turned Severe");
            if (replacesFleet) {
                m_recorder.event(t, "Deployment", "End", "Failed");
                return undo(t);
            }
            m_recorder.event(t, "Deployment", "End", "Failed", {}, 0,
                             "instances keep the version they have (mixed fleet); redeploy by hand");
            return {t, DeploymentResult::Failed};
        }
        m_recorder.event(t, "Operator", "AbortEnvironmentUpdate", "Succeeded", {}, 0,
                         "the operator cancels the update; Elastic Beanstalk rolls it back");
        m_recorder.event(t, "Deployment", "End", "Stopped");
        if (replacesFleet)
            return undo(t);
        return rollBackInPlace(t);
    }

    // Instances that already run the new version get the previous one again, in batches of the
    // same size; an additional batch is removed.
    RolloutOutcome rollBackInPlace(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        std::vector<int> updated;
        for (int index : m_original) {
            if (m_recorder.member(index).running() && m_recorder.member(index).version == Version::Replacement)
                updated.push_back(index);
        }
        const bool allAtOnce = m_s.strategy.beanstalkPolicy == BeanstalkPolicy::AllAtOnce;
        t = rolling(t, allAtOnce ? m_s.instances : batchSize(), updated, Version::Original, 0, false).end;
        for (int index : m_original) {
            if (m_recorder.member(index).running() && !m_recorder.member(index).inService())
                m_recorder.setInService(t, index, true);
        }
        for (int index : m_extra)
            m_recorder.terminate(t, index);
        m_recorder.event(t, "Rollback", "PreviousVersionRedeployed", "Succeeded", membersLabel(m_recorder, updated));
        return {t, DeploymentResult::RolledBack};
    }

    const Scenario &m_s;
    RolloutRecorder &m_recorder;
    std::vector<int> m_original;
    std::vector<int> m_extra; // RollingWithAdditionalBatch
    Seconds m_drain = 0;
    Seconds m_deploy = 0;
    Seconds m_health = 0;
    Seconds m_launch = 0;
    Seconds m_timeout = 0;
};

} // namespace

RolloutOutcome simulateBeanstalk(const Scenario &scenario, RolloutRecorder &recorder)
{
    return BeanstalkDeployment(scenario, recorder).run();
}

} // namespace sc
