// CodeDeploy blue/green deployment of an ECS service (reference §1.5, §2.4, §3): the eight
// events from BeforeInstall to AfterAllowTraffic (the test-traffic pair only with a test
// listener), production traffic shifted by the configuration, then the original task set
// removed after the termination wait, during which a rollback is still possible.

#include "model/rollout/rolloutstrategies.h"

namespace sc {

namespace {

class CodeDeployEcsDeployment {
public:
    CodeDeployEcsDeployment(const Scenario &scenario, RolloutRecorder &recorder)
        : m_s(scenario)
        , m_recorder(recorder)
    {
    }

    RolloutOutcome run()
    {
        const int n = m_s.instances;
        for (int i = 0; i < n; ++i)
            m_original.push_back(m_recorder.addInstance(0, Version::Original, true));
        m_recorder.setTraffic(0, 0);
        m_recorder.event(0, "Deployment", "Start", "Succeeded");
        Seconds t = 0;

        auto before = runHook(m_s, m_recorder, t, "BeforeInstall");
        if (before.interrupted)
            return alarm(before.end);
        t = before.end;
        if (before.failed) {
            // The replacement task set does not exist yet: there is nothing to roll back.
            m_recorder.event(t, "Deployment", "End", "Failed", {}, 0,
                             "BeforeInstall hook failed; rollback is not possible at this point");
            return {t, DeploymentResult::Failed};
        }

        if (auto r = install(t); r.end < 0)
            return *r.outcome;
        else
            t = r.end;

        // Without a test listener the AllowTestTraffic and AfterAllowTestTraffic steps do not run.
        for (const auto &hook : {"AfterInstall", "AllowTestTraffic", "AfterAllowTestTraffic",
                                 "BeforeAllowTraffic"}) {
            const std::string name = hook;
            if (!m_s.testListener && (name == "AllowTestTraffic" || name == "AfterAllowTestTraffic"))
                continue;
            if (name == "AllowTestTraffic") {
                if (!m_recorder.live(t))
                    return alarm(t);
                m_recorder.setTestTraffic(t, 100);
                m_recorder.event(t, "LifecycleEvent", name, "Succeeded", {}, 0,
                                 "the test listener routes to the replacement task set");
                continue;
            }
            auto r = runHook(m_s, m_recorder, t, name);
            if (r.interrupted)
                return alarm(r.end);
            t = r.end;
            if (r.failed)
                return fail(t, name + " hook failed");
        }

        if (m_s.blueGreenOptions.waitForApproval) {
            // STOP_DEPLOYMENT (CDK's deploymentApprovalWaitTime): production traffic moves only
            // after ContinueDeployment; without one within WaitTimeInMinutes the deployment stops.
            const Seconds wait = m_s.timing.seconds(timing::ReadyWait);
            std::optional<Seconds> approval;
            if (firstAction(m_s, OperatorAction::Kind::Continue))
                approval = continueDuring(m_s, m_recorder, t, wait, "READY_WAIT");
            else if (const Seconds assumed = m_s.timing.seconds(timing::ManualApproval); assumed <= wait)
                approval = t + assumed;
            m_recorder.event(t, "Wait", "READY_WAIT", approval ? "Succeeded" : "Stopped", {},
                             approval ? *approval - t : wait,
                             approval ? "production traffic moves after ContinueDeployment"
                                      : "no ContinueDeployment within WaitTimeInMinutes");
            const Seconds until = approval ? *approval : t + wait;
            if (!m_recorder.live(until))
                return alarm(*m_recorder.cutoff());
            if (!approval) {
                m_recorder.event(until, "Deployment", "End", "Stopped", {}, 0,
                                 "STOP_DEPLOYMENT: the wait for approval expired; production traffic never moved");
                return {until, DeploymentResult::Stopped};
            }
            t = until;
        }

        auto shift = shiftTraffic(m_recorder, t, m_s.strategy.trafficRouting, "AllowTraffic");
        if (shift.interrupted)
            return alarm(shift.end);
        t = shift.end;

        auto after = runHook(m_s, m_recorder, t, "AfterAllowTraffic");
        if (after.interrupted)
            return alarm(after.end);
        t = after.end;
        if (after.failed)
            return fail(t, "AfterAllowTraffic hook failed");

        Seconds wait = m_s.timing.seconds(timing::TerminationWait);
        if (auto at = continueDuring(m_s, m_recorder, t, wait, "TERMINATION_WAIT"))
            wait = *at - t;
        m_recorder.event(t, "Wait", "TERMINATION_WAIT", "Succeeded", {}, wait,
                         "the original task set is kept; alarms are watched and rollback is possible");
        t += wait;
        if (!m_recorder.live(t))
            return alarm(*m_recorder.cutoff());
        for (int index : m_original)
            m_recorder.terminate(t, index);
        m_recorder.event(t, "Instance", "TerminateOriginalTaskSet", "Succeeded",
                         membersLabel(m_recorder, m_original));
        m_recorder.event(t, "Deployment", "End", "Succeeded");
        return {t, DeploymentResult::Succeeded};
    }

private:
    struct Step {
        Seconds end = -1;
        std::optional<RolloutOutcome> outcome;
    };

    Step install(Seconds t)
    {
        const Seconds d = m_s.timing.seconds(timing::EcsTaskStart);
        const auto k = firstFailingInstance(m_s);
        for (int i = 0; i < m_s.instances; ++i)
            m_replacement.push_back(m_recorder.addInstance(t, Version::Replacement, false));
        m_recorder.event(t, "LifecycleEvent", "Install", k ? "Failed" : "Succeeded",
                         membersLabel(m_recorder, m_replacement), d,
                         k ? "task " + std::to_string(*k) + " of the replacement task set never became healthy"
                           : "replacement task set created and attached to the second target group");
        for (std::size_t i = 0; i < m_replacement.size(); ++i) {
            const bool broken = instanceFails(m_s, static_cast<int>(i) + 1);
            m_recorder.setState(t + d, m_replacement[i], broken ? UnitState::Failed : UnitState::InService);
        }
        if (!m_recorder.live(t + d))
            return {-1, alarm(*m_recorder.cutoff())};
        if (k)
            return {-1, fail(t + d, "the replacement task set did not become healthy")};
        return {t + d, std::nullopt};
    }

    RolloutOutcome fail(Seconds t, const std::string &why)
    {
        return failDeployment(m_s, m_recorder, t, why, [this](Seconds at) { return rollback(at); });
    }

    RolloutOutcome alarm(Seconds t)
    {
        return stopOnInterruption(m_s, m_recorder, t, [this](Seconds at) { return rollback(at); });
    }

    // Traffic returns to the original task set; the replacement task set is removed.
    Seconds rollback(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        m_recorder.setTraffic(t, 0);
        if (m_s.testListener)
            m_recorder.setTestTraffic(t, 0);
        for (int index : m_replacement)
            m_recorder.terminate(t, index);
        m_recorder.event(t, "Rollback", "TrafficToOriginalTaskSet", "Succeeded",
                         membersLabel(m_recorder, m_replacement), 0,
                         "production traffic back on the original task set; replacement task set deleted");
        return t;
    }

    const Scenario &m_s;
    RolloutRecorder &m_recorder;
    std::vector<int> m_original;
    std::vector<int> m_replacement;
};

} // namespace

RolloutOutcome simulateEcs(const Scenario &scenario, RolloutRecorder &recorder)
{
    return CodeDeployEcsDeployment(scenario, recorder).run();
}

} // namespace sc
