// CodeDeploy blue/green deployment on EC2 (reference §1.1, §2.1-2.2, §3): a replacement fleet
// (copied Auto Scaling group or discovered instances) receives the revision by the deployment
// configuration, traffic is rerouted to it by the same configuration, the originals are
// deregistered all at once and then terminated after the termination wait or kept alive.
// Until they are terminated, a rollback re-registers the originals.

#include "model/rollout/asglifecycle.h"
#include "model/rollout/hostbatching.h"
#include "model/rollout/rolloutstrategies.h"
#include "model/rollout/serverlifecycle.h"

#include <set>

namespace sc {

namespace {

class BlueGreenDeployment {
public:
    BlueGreenDeployment(const Scenario &scenario, RolloutRecorder &recorder)
        : m_scenario(scenario)
        , m_recorder(recorder)
        , m_lifecycle(scenario, recorder)
        , m_batching(scenario.strategy.minimumHealthyHosts, scenario.instances)
        , m_hooks(scenario, recorder)
    {
    }

    RolloutOutcome run()
    {
        const int n = m_scenario.instances;
        const auto &options = m_scenario.blueGreenOptions;
        for (int i = 0; i < n; ++i)
            m_originals.push_back(m_recorder.addInstance(0, Version::Original, true));
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0, m_batching.describe());
        if (m_batching.failsImmediately()) {
            m_recorder.event(0, "Deployment", "End", "Failed", {}, 0,
                             "the minimum healthy hosts equals the replacement fleet");
            return {0, DeploymentResult::Failed};
        }

        // Provision the replacement fleet.
        Seconds t = 0;
        const Seconds launch = options.copyAutoScalingGroup
                                   ? m_scenario.timing.seconds(timing::InstanceLaunch)
                                   : 0;
        for (int i = 0; i < n; ++i)
            m_replacements.push_back(
                m_recorder.addInstance(0, Version::Replacement, launch > 0 ? UnitState::Pending : UnitState::Idle));
        // The copied group's launch hooks hold each new instance in Pending:Wait.
        TimedSteps steps;
        Seconds launched = launch;
        for (int index : m_replacements) {
            if (!options.copyAutoScalingGroup || !m_hooks.hasHooks(true)) {
                steps.at(launch, [=, this] { m_recorder.setState(launch, index, UnitState::Idle); });
                continue;
            }
            const auto pass = m_hooks.pass(true);
            steps.at(launch, [=, this] { m_hooks.enterWait(launch, index, true, pass); });
            steps.at(launch + pass.wait, [=, this] {
                if (pass.abandoned)
                    m_recorder.terminate(launch + pass.wait, index);
                else
                    m_recorder.setState(launch + pass.wait, index, UnitState::Idle);
            });
            if (pass.abandoned)
                m_failed.insert(index);
            launched = std::max(launched, launch + pass.wait);
        }
        m_recorder.event(0, "Instance", "ProvisionReplacementFleet", "Succeeded",
                         membersLabel(m_recorder, m_replacements), launch,
                         options.copyAutoScalingGroup
                             ? "COPY_AUTO_SCALING_GROUP: a copy of the Auto Scaling group launches " +
                                   std::to_string(n) + " instances"
                             : "DISCOVER_EXISTING: instances provisioned beforehand");
        steps.apply();
        t = launched;

        // Install on the replacement instances, batch by batch.
        if (auto r = waves(t, installEvents(), true); r.result)
            return *r.result;
        else
            t = r.end;

        if (options.waitForApproval) {
            if (auto r = readyWait(t); r.result)
                return *r.result;
            else
                t = r.end;
        }

        // Reroute traffic to the replacements by the deployment configuration.
        if (auto r = waves(t, allowTrafficEvents(), false); r.result)
            return *r.result;
        else
            t = r.end;

        // The originals are deregistered all at once, whatever the configuration.
        ServerLifecycle::Wave originals;
        for (int index : m_originals) {
            originals.members.push_back(index);
            originals.ordinals.push_back(0);
        }
        m_recorder.event(t, "Batch", "DeregisterOriginals", "Started", membersLabel(m_recorder, m_originals));
        const auto blocked = m_lifecycle.run(t, originals, blockTrafficEvents(), Version::Original,
                                             false, true);
        if (blocked.interrupted)
            return alarm(*m_recorder.cutoff());
        t = blocked.end;
        for (bool f : blocked.failed) {
            if (f)
                return fail(t, "an original instance failed to deregister from the load balancer");
        }

        if (options.terminateOriginals) {
            Seconds wait = m_scenario.timing.seconds(timing::TerminationWait);
            if (auto at = continueDuring(m_scenario, m_recorder, t, wait, "TERMINATION_WAIT"))
                wait = *at - t;
            m_recorder.event(t, "Wait", "TERMINATION_WAIT", "Succeeded", {}, wait,
                             "originals kept for TerminationWaitTimeInMinutes; rollback still possible");
            t += wait;
            if (!m_recorder.live(t))
                return alarm(*m_recorder.cutoff());
            m_recorder.event(t, "Instance", "TerminateOriginals", "Succeeded",
                             membersLabel(m_recorder, m_originals));
            // The original group's terminate hooks hold each instance in Terminating:Wait.
            TimedSteps gone;
            Seconds end = t;
            for (int index : m_originals) {
                if (!m_hooks.hasHooks(false)) {
                    gone.at(t, [=, this] { m_recorder.terminate(t, index); });
                    continue;
                }
                const auto pass = m_hooks.pass(false);
                gone.at(t, [=, this] { m_hooks.enterWait(t, index, false, pass); });
                gone.at(t + pass.wait, [=, this] { m_recorder.terminate(t + pass.wait, index); });
                end = std::max(end, t + pass.wait);
            }
            gone.apply();
            t = end;
        } else {
            m_recorder.event(t, "Instance", "KeepOriginalsAlive", "Succeeded",
                             membersLabel(m_recorder, m_originals), 0,
                             "KEEP_ALIVE: deregistered and removed from the deployment group, still running");
        }
        m_recorder.event(t, "Deployment", "End", "Succeeded");
        return {t, DeploymentResult::Succeeded};
    }

private:
    struct Phase {
        Seconds end = 0;
        std::optional<RolloutOutcome> result; // set when the deployment ended in this phase
    };

    // DeploymentReadyOption STOP_DEPLOYMENT: traffic moves only after ContinueDeployment; the
    // deployment is Stopped when WaitTimeInMinutes passes first. Without a continue action the
    // operator is assumed to continue after bluegreen.manualApproval.
    Phase readyWait(Seconds t)
    {
        const Seconds wait = m_scenario.timing.seconds(timing::ReadyWait);
        std::optional<Seconds> approval;
        if (!m_scenario.actions.empty() && firstAction(m_scenario, OperatorAction::Kind::Continue))
            approval = continueDuring(m_scenario, m_recorder, t, wait, "READY_WAIT");
        else if (const Seconds assumed = m_scenario.timing.seconds(timing::ManualApproval); assumed <= wait)
            approval = t + assumed;
        if (!approval) {
            m_recorder.event(t, "Wait", "READY_WAIT", "Stopped", {}, wait,
                             "no ContinueDeployment within WaitTimeInMinutes");
            if (!m_recorder.live(t + wait))
                return {*m_recorder.cutoff(), alarm(*m_recorder.cutoff())};
            m_recorder.event(t + wait, "Deployment", "End", "Stopped", {}, 0,
                             "STOP_DEPLOYMENT: the wait for approval expired; traffic never moved");
            return {t + wait, RolloutOutcome{t + wait, DeploymentResult::Stopped}};
        }
        m_recorder.event(t, "Wait", "READY_WAIT", "Succeeded", {}, *approval - t,
                         "STOP_DEPLOYMENT: traffic is rerouted after ContinueDeployment");
        if (!m_recorder.live(*approval))
            return {*m_recorder.cutoff(), alarm(*m_recorder.cutoff())};
        return {*approval, std::nullopt};
    }

    // Replacements that failed their install are not rerouted to; each phase counts its own
    // instances for the minimum healthy hosts.
    Phase waves(Seconds t, const std::vector<std::string> &events, bool install)
    {
        std::vector<int> members;
        for (int index : m_replacements) {
            if (!m_failed.count(index))
                members.push_back(index);
        }
        const HostBatching batching(m_scenario.strategy.minimumHealthyHosts, static_cast<int>(members.size()));
        const auto waves = m_lifecycle.runWaves(t, members, batching, events, Version::Replacement, false,
                                                install ? "Install" : "Reroute");
        m_failed.insert(waves.failed.begin(), waves.failed.end());
        if (waves.interrupted)
            return {waves.end, alarm(waves.end)};
        if (waves.failure)
            return {waves.end, fail(waves.end, "replacement fleet: " + *waves.failure)};
        return {waves.end, std::nullopt};
    }

    RolloutOutcome fail(Seconds t, const std::string &why)
    {
        return failDeployment(m_scenario, m_recorder, t, why, [this](Seconds at) { return rollback(at); });
    }

    RolloutOutcome alarm(Seconds t)
    {
        return stopOnInterruption(m_scenario, m_recorder, t, [this](Seconds at) { return rollback(at); });
    }

    // Traffic goes back to the originals (they run AllowTraffic events), the replacements are
    // deregistered (BlockTraffic events) and then terminated.
    Seconds rollback(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        m_recorder.event(t, "Rollback", "Deployment", "Started", {}, 0,
                         "reroute traffic to the original instances");
        ServerLifecycle::Wave back;
        ServerLifecycle::Wave away;
        for (int index : m_originals) {
            if (m_recorder.member(index).running() && !m_recorder.member(index).inService()) {
                back.members.push_back(index);
                back.ordinals.push_back(0);
            }
        }
        for (int index : m_replacements) {
            if (m_recorder.member(index).inService()) {
                away.members.push_back(index);
                away.ordinals.push_back(0);
            }
        }
        if (!back.members.empty())
            t = m_lifecycle.run(t, back, allowTrafficEvents(), Version::Original, false, false).end;
        if (!away.members.empty())
            t = m_lifecycle.run(t, away, blockTrafficEvents(), Version::Replacement, false, false).end;
        for (int index : m_replacements)
            m_recorder.terminate(t, index);
        m_recorder.event(t, "Instance", "TerminateReplacements", "Succeeded",
                         membersLabel(m_recorder, m_replacements), 0,
                         "assumed: the replacement fleet is removed after the rollback");
        m_recorder.event(t, "Rollback", "Deployment", "Succeeded");
        return t;
    }

    const Scenario &m_scenario;
    RolloutRecorder &m_recorder;
    ServerLifecycle m_lifecycle;
    HostBatching m_batching;
    AsgLifecycle m_hooks;
    std::vector<int> m_originals;
    std::vector<int> m_replacements;
    std::set<int> m_failed; // replacements that failed their install: never rerouted to
};

} // namespace

RolloutOutcome simulateServerBlueGreen(const Scenario &scenario, RolloutRecorder &recorder)
{
    return BlueGreenDeployment(scenario, recorder).run();
}

} // namespace sc
