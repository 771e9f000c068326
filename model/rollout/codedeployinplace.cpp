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
        const auto events = inPlaceEvents(m_scenario.loadBalancer);
        Seconds t = 0;
        int next = 0; // instances are taken in order: all start Healthy with the Old revision
        int succeeded = 0;
        int failed = 0;
        bool lastFailed = false;
        for (int batch = 1; next < n; ++batch) {
            const int size = m_batching.nextBatch(failed, n - next);
            if (size == 0)
                return fail(t, "too few healthy instances remain to respect the minimum");
            ServerLifecycle::Wave wave;
            for (int i = 0; i < size; ++i, ++next) {
                wave.members.push_back(next);
                wave.ordinals.push_back(next + 1);
            }
            m_recorder.event(t, "Batch", "Batch " + std::to_string(batch), "Started",
                             membersLabel(m_recorder, wave.members), 0,
                             std::to_string(size) + (size == 1 ? " instance" : " instances"));
            const auto result = m_lifecycle.run(t, wave, events, Version::Replacement,
                                                !m_scenario.loadBalancer, true);
            t = result.end;
            if (result.interrupted)
                return alarm(*m_recorder.cutoff());
            for (std::size_t i = 0; i < wave.members.size(); ++i) {
                if (result.failed[i]) {
                    ++failed;
                    lastFailed = wave.ordinals[i] == n;
                } else {
                    ++succeeded;
                }
            }
            if (m_batching.mustStop(succeeded, failed, n - next, lastFailed))
                return fail(t, std::to_string(failed) + " instance(s) failed; " +
                                   m_batching.describe());
        }
        if (!m_batching.succeeded(succeeded, failed, lastFailed && failed == 1))
            return fail(t, std::to_string(succeeded) + " of " + std::to_string(n) +
                               " instances succeeded; " + m_batching.describe());
        m_recorder.event(t, "Deployment", "End", "Succeeded", {}, 0,
                         failed ? "the last instance failed, which OneAtATime tolerates" : "");
        return {t, DeploymentResult::Succeeded};
    }

private:
    RolloutOutcome fail(Seconds t, const std::string &why)
    {
        m_recorder.event(t, "Deployment", "End", "Failed", {}, 0, why);
        if (m_scenario.rollback.enabled && m_scenario.rollback.onFailure)
            return {rollback(t), DeploymentResult::RolledBack};
        return {t, DeploymentResult::Failed};
    }

    RolloutOutcome alarm(Seconds t)
    {
        if (stopOnAlarm(m_scenario, m_recorder, t))
            return {rollback(t), DeploymentResult::RolledBack};
        return {t, DeploymentResult::Stopped};
    }

    // A rollback is a new deployment of the last good revision to the instances the failed
    // deployment touched, with the same configuration; it is not a restore.
    Seconds rollback(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        std::vector<int> touched;
        for (int i = 0; i < m_recorder.memberCount(); ++i) {
            const auto &m = m_recorder.member(i);
            if (m.running && (m.version == Version::Replacement || !m.inService))
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
