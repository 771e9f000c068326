// CloudFormation UpdatePolicy on an AWS::AutoScaling::AutoScalingGroup: AutoScalingRollingUpdate
// (MaxBatchSize, MinInstancesInService, PauseTime, MinSuccessfulInstancesPercent,
// WaitOnResourceSignals) and AutoScalingReplacingUpdate (a new group, the old one deleted once
// the new one is complete). A failed update makes CloudFormation roll the stack back.
// Without WaitOnResourceSignals CloudFormation cannot see a broken instance: the update
// succeeds and the instance stays unhealthy.

#include "model/rollout/asglifecycle.h"
#include "model/rollout/rolloutstrategies.h"

#include <algorithm>

namespace sc {

namespace {


class AutoScalingUpdate {
public:
    AutoScalingUpdate(const Scenario &scenario, RolloutRecorder &recorder)
        : m_s(scenario)
        , m_recorder(recorder)
        , m_hooks(scenario, recorder)
    {
        const auto &timing = scenario.timing;
        m_launch = timing.seconds(timing::InstanceLaunch);
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
            TimedSteps steps;
            Seconds end = t;
            Seconds launchAt = t;
            if (!surge)
                launchAt = retire(steps, t, leaving, &end);
            std::vector<int> fresh;
            bool batchFailed = false;
            const Seconds readyAt = launch(steps, launchAt, size, to, inject, &ordinal, &fresh, &batchFailed);
            end = std::max(end, readyAt);
            if (surge)
                retire(steps, readyAt, leaving, &end);
            if (batchFailed) {
                // No signal arrives: CloudFormation gives up when PauseTime runs out.
                const Seconds deadline = launchAt + m_pause;
                steps.at(deadline, [=, this, &fresh] {
                    m_recorder.event(deadline, "Instance", "ResourceSignal", "Failed",
                                     m_recorder.member(fresh.back()).id, 0, "no SUCCESS signal within PauseTime");
                });
                end = std::max(end, deadline);
            }
            steps.apply();
            if (batchFailed) {
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

    // Deregistered first, drained, held by the terminate hooks, terminated. Returns when the
    // last one is gone; `end` grows to it.
    Seconds retire(TimedSteps &steps, Seconds t, const std::vector<int> &leaving, Seconds *end)
    {
        Seconds gone = t + m_drain;
        steps.at(t, [=, this] {
            for (int index : leaving)
                m_recorder.setState(t, index, UnitState::Draining);
            m_recorder.event(t, "Instance", "TerminateInstances", "Succeeded", membersLabel(m_recorder, leaving),
                             m_drain);
        });
        for (int index : leaving) {
            if (!m_hooks.hasHooks(false)) {
                steps.at(t + m_drain, [=, this] { m_recorder.terminate(t + m_drain, index); });
                continue;
            }
            const auto pass = m_hooks.pass(false);
            steps.at(t + m_drain, [=, this] { m_hooks.enterWait(t + m_drain, index, false, pass); });
            steps.at(t + m_drain + pass.wait, [=, this] { m_recorder.terminate(t + m_drain + pass.wait, index); });
            gone = std::max(gone, t + m_drain + pass.wait);
        }
        *end = std::max(*end, gone);
        return gone;
    }

    // New instances: launched, held by the launch hooks (an abandoned one is terminated and
    // sends no signal), then in service or broken. Returns when the last one is ready.
    Seconds launch(TimedSteps &steps, Seconds t, int count, Version to, bool inject, int *ordinal,
                   std::vector<int> *fresh, bool *batchFailed)
    {
        Seconds ready = t + m_ready;
        steps.at(t, [=, this] {
            for (int i = 0; i < count; ++i)
                fresh->push_back(m_recorder.addInstance(t, to, UnitState::Pending));
            m_recorder.event(t, "Instance", "LaunchInstances", "Succeeded", membersLabel(m_recorder, *fresh), m_ready);
        });
        for (int k = 0; k < count; ++k) {
            const bool broken = inject && instanceFails(m_s, ++*ordinal);
            Seconds wait = 0;
            bool abandoned = false;
            if (m_hooks.hasHooks(true)) {
                const auto pass = m_hooks.pass(true);
                wait = pass.wait;
                abandoned = pass.abandoned;
                steps.at(t + m_launch, [=, this] { m_hooks.enterWait(t + m_launch, (*fresh)[k], true, pass); });
                steps.at(t + m_launch + wait, [=, this] {
                    if (abandoned)
                        m_recorder.terminate(t + m_launch + wait, (*fresh)[k]);
                    else
                        m_recorder.setState(t + m_launch + wait, (*fresh)[k], UnitState::Pending);
                });
            }
            if (!abandoned)
                steps.at(t + m_ready + wait, [=, this] {
                    m_recorder.setState(t + m_ready + wait, (*fresh)[k], broken ? UnitState::Failed : UnitState::InService);
                });
            *batchFailed |= (broken || abandoned) && m_s.waitOnResourceSignals;
            ready = std::max(ready, t + m_ready + wait);
        }
        return ready;
    }

    RolloutOutcome replacing()
    {
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0,
                         "WillReplace: a new Auto Scaling group replaces the old one");
        // The new group copies the old one's properties, lifecycle hooks included.
        std::vector<int> fresh;
        int ordinal = 0;
        bool anyFailed = false;
        TimedSteps steps;
        const Seconds ready = launch(steps, 0, m_s.instances, Version::Replacement, true, &ordinal, &fresh, &anyFailed);
        steps.at(0, [&, ready] {
            m_recorder.event(0, "Instance", "CreateNewAutoScalingGroup", "Succeeded", membersLabel(m_recorder, fresh),
                             ready);
        });
        steps.apply();
        int failures = 0;
        for (int index : fresh) {
            const auto state = m_recorder.member(index).state;
            failures += m_s.waitOnResourceSignals && state != UnitState::InService ? 1 : 0;
        }
        const bool cancel = !m_recorder.live(ready);
        if (cancel || failures > m_allowedFailures) {
            Seconds t = std::max(ready, m_pause);
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
        Seconds end = ready;
        retire(steps, ready, old, &end);
        steps.apply();
        m_recorder.event(end, "Deployment", "End", "Succeeded", {}, 0,
                         "the old group is deleted in the cleanup phase");
        return {end, DeploymentResult::Succeeded};
    }

    const Scenario &m_s;
    RolloutRecorder &m_recorder;
    AsgLifecycle m_hooks;
    Seconds m_launch = 0;
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
