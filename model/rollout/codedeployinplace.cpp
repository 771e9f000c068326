// CodeDeploy in-place deployment on EC2/On-premises instances (reference §1.1-1.2, §2.1, §3):
// waves sized by the minimum healthy hosts, the per-instance lifecycle events, the success
// rules, and the rollback as a new deployment of the last good revision.

#include "model/rollout/hostbatching.h"
#include "model/rollout/rolloutstrategies.h"
#include "model/rollout/serverlifecycle.h"

namespace sc {

namespace {

class InPlaceDeployment {
public:
    InPlaceDeployment(const Scenario &scenario, RolloutRecorder &recorder)
        : m_scenario(scenario)
        , m_recorder(recorder)
        , m_lifecycle(scenario, recorder)
        , m_batching(scenario.strategy.minimumHealthyHosts, scenario.instances)
    {
    }

    RolloutOutcome run()
    {
        const int n = m_scenario.instances;
        for (int i = 0; i < n; ++i)
            m_recorder.addInstance(0, Version::Original, true);
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0, m_batching.describe());
        if (m_batching.failsImmediately()) {
            m_recorder.event(0, "Deployment", "End", "Failed", {}, 0,
                             "the minimum of " + std::to_string(m_batching.minimumHealthy()) +
                                 " healthy instances leaves none to deploy to; no instance was touched");
            return {0, DeploymentResult::Failed};
        }
        // Instances are taken in order: they all start Healthy with the Old revision.
        std::vector<int> members(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i)
            members[static_cast<std::size_t>(i)] = i;
        const auto waves = m_lifecycle.runWaves(0, members, m_batching, inPlaceEvents(m_scenario.loadBalancer),
                                                Version::Replacement, !m_scenario.loadBalancer, "Batch");
        if (waves.interrupted)
            return alarm(waves.end);
        if (waves.failure)
            return fail(waves.end, *waves.failure);
        m_recorder.event(waves.end, "Deployment", "End", "Succeeded", {}, 0,
                         waves.failed.empty() ? "" : "the last instance failed, which OneAtATime tolerates");
        return {waves.end, DeploymentResult::Succeeded};
    }

private:
    RolloutOutcome fail(Seconds t, const std::string &why)
    {
        return failDeployment(m_scenario, m_recorder, t, why, [this](Seconds at) { return rollback(at); });
    }

    RolloutOutcome alarm(Seconds t)
    {
        return stopOnInterruption(m_scenario, m_recorder, t, [this](Seconds at) { return rollback(at); });
    }

    // A rollback is a new deployment of the last good revision to the instances the failed
    // deployment touched, with the same configuration; it is not a restore.
    Seconds rollback(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        std::vector<int> touched;
        for (int i = 0; i < m_recorder.memberCount(); ++i) {
            const auto &m = m_recorder.member(i);
            if (m.running() && (m.version == Version::Replacement || !m.inService()))
                touched.push_back(i);
        }
        m_recorder.event(t, "Rollback", "Deployment", "Started", {}, 0,
                         "new deployment of the last successful revision to " +
                             std::to_string(touched.size()) + " instance(s)");
        const auto events = inPlaceEvents(m_scenario.loadBalancer);
        const int perWave = std::max(1, m_batching.nextBatch(0, static_cast<int>(touched.size())));
        for (std::size_t first = 0; first < touched.size(); first += perWave) {
            ServerLifecycle::Wave wave;
            for (std::size_t i = first; i < touched.size() && i < first + perWave; ++i) {
                wave.members.push_back(touched[i]);
                wave.ordinals.push_back(0);
            }
            t = m_lifecycle.run(t, wave, events, Version::Original, !m_scenario.loadBalancer, false).end;
        }
        m_recorder.event(t, "Rollback", "Deployment", "Succeeded");
        return t;
    }

    const Scenario &m_scenario;
    RolloutRecorder &m_recorder;
    ServerLifecycle m_lifecycle;
    HostBatching m_batching;
};

} // namespace

RolloutOutcome simulateServerInPlace(const Scenario &scenario, RolloutRecorder &recorder)
{
    return InPlaceDeployment(scenario, recorder).run();
}

} // namespace sc
