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
        if (m_scenario.strategy.zonal.enabled)
            return zonal();
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
    // ZonalConfig (reference §1.3): the Availability Zones one after another, each in waves that
    // respect both the fleet's minimum healthy hosts and the zone's own minimum, with the
    // monitor duration (the first zone's own, if set) before the next zone starts. Instances are
    // spread over the zones in turn, as Auto Scaling balances a group.
    RolloutOutcome zonal()
    {
        const auto &z = m_scenario.strategy.zonal;
        const int n = m_scenario.instances;
        const int zones = std::max(1, std::min(m_scenario.zones, n));
        std::vector<std::vector<int>> byZone(static_cast<std::size_t>(zones));
        for (int i = 0; i < n; ++i) {
            byZone[static_cast<std::size_t>(i % zones)].push_back(i);
            m_recorder.setZone(i, i % zones + 1);
        }
        const auto events = inPlaceEvents(m_scenario.loadBalancer);
        Seconds t = 0;
        int succeeded = 0;
        int failed = 0;
        int pending = n;
        int ordinal = 0;
        bool lastFailed = false;
        for (int zone = 0; zone < zones; ++zone) {
            const auto &members = byZone[static_cast<std::size_t>(zone)];
            const HostBatching inZone(z.minimumHealthyHostsPerZone, static_cast<int>(members.size()));
            int zoneFailed = 0;
            for (std::size_t next = 0, wave = 1; next < members.size(); ++wave) {
                const int size = std::min(m_batching.nextBatch(failed, pending),
                                          inZone.nextBatch(zoneFailed, static_cast<int>(members.size() - next)));
                if (size <= 0)
                    return fail(t, "zone " + std::to_string(zone + 1) +
                                       ": the fleet's or the zone's minimum healthy hosts leaves no instance to deploy to");
                ServerLifecycle::Wave w;
                for (int i = 0; i < size; ++i, ++next) {
                    w.members.push_back(members[next]);
                    w.ordinals.push_back(++ordinal);
                }
                m_recorder.event(t, "Batch", "Zone " + std::to_string(zone + 1) + " wave " + std::to_string(wave),
                                 "Started", membersLabel(m_recorder, w.members), 0,
                                 std::to_string(size) + (size == 1 ? " instance" : " instances"));
                const auto result = m_lifecycle.run(t, w, events, Version::Replacement, !m_scenario.loadBalancer, true);
                t = result.end;
                if (result.interrupted)
                    return alarm(t);
                pending -= size;
                for (std::size_t i = 0; i < w.members.size(); ++i) {
                    if (result.failed[i]) {
                        ++failed;
                        ++zoneFailed;
                        lastFailed = w.ordinals[i] == n;
                    } else {
                        ++succeeded;
                    }
                }
                if (m_batching.mustStop(succeeded, failed, pending, lastFailed))
                    return fail(t, std::to_string(failed) + " instance(s) failed; " + m_batching.describe());
            }
            if (zone + 1 < zones) {
                const Seconds monitor = zone == 0 && z.firstZoneMonitorSeconds ? *z.firstZoneMonitorSeconds
                                                                               : z.monitorSeconds;
                m_recorder.event(t, "Wait", "ZoneMonitor", "Succeeded", {}, monitor,
                                 "zone " + std::to_string(zone + 1) + " done: " +
                                     (zone == 0 && z.firstZoneMonitorSeconds ? "FirstZoneMonitorDurationInSeconds"
                                                                             : "MonitorDurationInSeconds") +
                                     " before zone " + std::to_string(zone + 2));
                t += monitor;
                if (!m_recorder.live(t))
                    return alarm(*m_recorder.cutoff());
            }
        }
        if (!m_batching.succeeded(succeeded, failed, lastFailed && failed == 1))
            return fail(t, std::to_string(succeeded) + " of " + std::to_string(n) + " instances succeeded; " +
                               m_batching.describe());
        m_recorder.event(t, "Deployment", "End", "Succeeded");
        return {t, DeploymentResult::Succeeded};
    }

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
