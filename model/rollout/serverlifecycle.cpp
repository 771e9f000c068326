#include "model/rollout/serverlifecycle.h"

#include "model/rollout/rolloutstrategies.h"

#include <algorithm>

namespace sc {

std::vector<std::string> installEvents()
{
    return {"ApplicationStop", "DownloadBundle", "BeforeInstall", "Install", "AfterInstall",
            "ApplicationStart", "ValidateService"};
}

std::vector<std::string> allowTrafficEvents()
{
    return {"BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"};
}

std::vector<std::string> blockTrafficEvents()
{
    return {"BeforeBlockTraffic", "BlockTraffic", "AfterBlockTraffic"};
}

std::vector<std::string> inPlaceEvents(bool loadBalancer)
{
    // The six traffic events run only when the deployment group has a load balancer.
    std::vector<std::string> events;
    if (loadBalancer)
        events = blockTrafficEvents();
    const auto install = installEvents();
    events.insert(events.end(), install.begin(), install.end());
    if (loadBalancer) {
        const auto allow = allowTrafficEvents();
        events.insert(events.end(), allow.begin(), allow.end());
    }
    return events;
}

ServerLifecycle::ServerLifecycle(const Scenario &scenario, RolloutRecorder &recorder)
    : m_scenario(scenario)
    , m_recorder(recorder)
{
}

Seconds ServerLifecycle::duration(const std::string &event) const
{
    const auto &timing = m_scenario.timing;
    if (event == "DownloadBundle")
        return timing.seconds(timing::DownloadBundle);
    if (event == "Install")
        return timing.seconds(timing::Install);
    if (event == "BlockTraffic")
        return timing.seconds(timing::DeregistrationDelay);
    if (event == "AllowTraffic")
        return timing.seconds(timing::HealthCheck);
    return timing.seconds(timing::ScriptHook);
}

bool ServerLifecycle::failsAt(int ordinal, const std::string &event,
                              const std::vector<std::string> &events)
{
    // instance:K strikes only in a run that installs the revision.
    const bool installs = std::find(events.begin(), events.end(), "Install") != events.end();
    if (installs && instanceFails(m_scenario, ordinal)) {
        // A bad revision shows when the instance validates it; without ValidateService in this
        // run, the last event run is where it fails.
        const bool hasValidate =
            std::find(events.begin(), events.end(), "ValidateService") != events.end();
        if (event == (hasValidate ? std::string("ValidateService") : events.back()))
            return true;
    }
    if (!m_hookFailureUsed && hookFailure(m_scenario, event)) {
        m_hookFailureUsed = true;
        return true;
    }
    return false;
}

ServerLifecycle::Result ServerLifecycle::run(Seconds t, const Wave &wave,
                                             const std::vector<std::string> &events,
                                             Version installs, bool servesAfterStart,
                                             bool injectFailures)
{
    Result result;
    const std::size_t n = wave.members.size();
    result.failed.assign(n, false);
    std::vector<std::string> status(n);
    for (const auto &event : events) {
        if (!m_recorder.live(t)) {
            result.interrupted = true;
            break;
        }
        const Seconds d = duration(event);
        for (std::size_t i = 0; i < n; ++i) {
            const int index = wave.members[i];
            const auto &id = m_recorder.member(index).id;
            if (result.failed[i]) {
                m_recorder.event(t, "LifecycleEvent", event, "Skipped", id);
                status[i].clear();
                continue;
            }
            const bool fails = injectFailures && failsAt(wave.ordinals[i], event, events);
            status[i] = fails ? "Failed" : "Succeeded";
            enterEvent(t, index, event);
            m_recorder.event(t, "LifecycleEvent", event, status[i], id, d,
                             fails ? "injected failure" : std::string());
        }
        const Seconds end = t + d;
        for (std::size_t i = 0; i < n; ++i) {
            const int index = wave.members[i];
            if (status[i] == "Failed") {
                result.failed[i] = true;
                // An instance still registered keeps serving its old revision.
                if (!m_recorder.member(index).inService())
                    m_recorder.setState(end, index, UnitState::Failed);
                continue;
            }
            if (status[i] != "Succeeded")
                continue;
            if (event == "Install")
                m_recorder.setVersion(end, index, installs);
            else if (event == "BlockTraffic")
                m_recorder.setState(end, index, UnitState::Idle);
            else if (event == "AllowTraffic" || (event == "ApplicationStart" && servesAfterStart))
                m_recorder.setInService(end, index, true);
        }
        t = end;
    }
    // Installed but not registered: running, receiving nothing until traffic is rerouted.
    for (std::size_t i = 0; i < n; ++i) {
        const int index = wave.members[i];
        if (!result.failed[i] && m_recorder.member(index).state == UnitState::Installing)
            m_recorder.setState(t, index, UnitState::Idle);
    }
    // Effects at or after the cutoff were dropped, so a wave that ends there did not finish.
    if (!m_recorder.live(t))
        result.interrupted = true;
    result.end = result.interrupted && m_recorder.cutoff() ? *m_recorder.cutoff() : t;
    return result;
}

void ServerLifecycle::enterEvent(Seconds t, int index, const std::string &event)
{
    if (event == "BlockTraffic")
        m_recorder.setState(t, index, UnitState::Draining);
    else if (event == "ApplicationStop")
        m_recorder.setState(t, index, UnitState::Installing);
    else if ((event == "BeforeAllowTraffic" || event == "AllowTraffic") && !m_recorder.member(index).inService())
        m_recorder.setState(t, index, UnitState::Pending);
}

ServerLifecycle::Waves ServerLifecycle::runWaves(Seconds t, const std::vector<int> &members,
                                                 const HostBatching &batching,
                                                 const std::vector<std::string> &events, Version installs,
                                                 bool servesAfterStart, const std::string &batchName)
{
    Waves waves;
    const int n = static_cast<int>(members.size());
    int next = 0;
    int succeeded = 0;
    bool lastFailed = false;
    for (int batch = 1; next < n; ++batch) {
        const int failed = static_cast<int>(waves.failed.size());
        const int size = batching.nextBatch(failed, n - next);
        if (size == 0) {
            waves.failure = "too few healthy instances remain to respect the minimum";
            break;
        }
        Wave wave;
        for (int i = 0; i < size; ++i, ++next) {
            wave.members.push_back(members[static_cast<std::size_t>(next)]);
            wave.ordinals.push_back(next + 1);
        }
        m_recorder.event(t, "Batch", batchName + ' ' + std::to_string(batch), "Started",
                         membersLabel(m_recorder, wave.members), 0,
                         std::to_string(size) + (size == 1 ? " instance" : " instances"));
        const auto result = run(t, wave, events, installs, servesAfterStart, true);
        t = result.end;
        if (result.interrupted) {
            waves.interrupted = true;
            break;
        }
        for (std::size_t i = 0; i < wave.members.size(); ++i) {
            if (result.failed[i]) {
                waves.failed.push_back(wave.members[i]);
                lastFailed = wave.ordinals[i] == n;
            } else {
                ++succeeded;
            }
        }
        if (batching.mustStop(succeeded, static_cast<int>(waves.failed.size()), n - next, lastFailed)) {
            waves.failure = std::to_string(waves.failed.size()) + " instance(s) failed; " + batching.describe();
            break;
        }
    }
    if (!waves.interrupted && !waves.failure &&
        !batching.succeeded(succeeded, static_cast<int>(waves.failed.size()),
                            lastFailed && waves.failed.size() == 1))
        waves.failure = std::to_string(succeeded) + " of " + std::to_string(n) + " instances succeeded; " +
                        batching.describe();
    waves.end = t;
    return waves;
}

} // namespace sc
