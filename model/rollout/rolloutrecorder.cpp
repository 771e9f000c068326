#include "model/rollout/rolloutrecorder.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace sc {

namespace {

int &slot(VersionCount &c, Version v)
{
    return v == Version::Original ? c.original : c.replacement;
}

bool servesTraffic(const std::optional<VersionShare> &share, Version v)
{
    return share && (v == Version::Original ? share->original : share->replacement) > 0;
}

} // namespace

RolloutRecorder::RolloutRecorder(const Scenario &scenario, Timeline &out)
    : m_scenario(scenario)
    , m_out(out)
    , m_idPrefix(scenario.platform == Platform::Ecs ? "task-" : "i-")
    , m_fleetKind(scenario.platform == Platform::Ecs ? UnitKind::Task : UnitKind::Instance)
{
    m_out.target = scenario.target;
    m_out.platform = platformName(scenario.platform);
    m_out.strategy = scenario.strategy.name;
    m_out.events.clear();
    m_out.samples.clear();
    m_out.units.clear();
    if (scenario.testListener)
        m_testTraffic = 0;
    touch(0);
}

int RolloutRecorder::addInstance(Seconds t, Version version, bool inService)
{
    return addInstance(t, version, inService ? UnitState::InService : UnitState::Pending);
}

int RolloutRecorder::addInstance(Seconds t, Version version, UnitState state)
{
    if (!live(t))
        return -1;
    char id[32];
    std::snprintf(id, sizeof id, "%s%03d", m_idPrefix.c_str(), memberCount() + 1);
    m_fleet.push_back({id, version, state});
    if (state != UnitState::Terminated)
        ++slot(m_running, version);
    if (state == UnitState::InService)
        ++slot(m_healthy, version);
    m_fleetUnits.push_back(m_out.units.size());
    m_out.units.push_back({id, m_fleetKind, {}});
    track(t, m_fleetUnits.back(), version, state);
    touch(t);
    return memberCount() - 1;
}

void RolloutRecorder::setState(Seconds t, int index, UnitState state)
{
    if (!live(t) || index < 0)
        return;
    auto &m = m_fleet[static_cast<std::size_t>(index)];
    if (!m.running() || m.state == state)
        return;
    if (m.inService())
        --slot(m_healthy, m.version);
    if (state == UnitState::InService)
        ++slot(m_healthy, m.version);
    if (state == UnitState::Terminated)
        --slot(m_running, m.version);
    m.state = state;
    track(t, m_fleetUnits[static_cast<std::size_t>(index)], m.version, state);
    touch(t);
}

void RolloutRecorder::setInService(Seconds t, int index, bool inService)
{
    setState(t, index, inService ? UnitState::InService : UnitState::Idle);
}

void RolloutRecorder::setVersion(Seconds t, int index, Version version)
{
    if (!live(t) || index < 0)
        return;
    auto &m = m_fleet[static_cast<std::size_t>(index)];
    if (!m.running() || m.version == version)
        return;
    --slot(m_running, m.version);
    ++slot(m_running, version);
    if (m.inService()) {
        --slot(m_healthy, m.version);
        ++slot(m_healthy, version);
    }
    m.version = version;
    track(t, m_fleetUnits[static_cast<std::size_t>(index)], version, m.state);
    touch(t);
}

void RolloutRecorder::terminate(Seconds t, int index)
{
    setState(t, index, UnitState::Terminated);
}

void RolloutRecorder::setZone(int index, int zone)
{
    if (index >= 0)
        m_out.units[m_fleetUnits[static_cast<std::size_t>(index)]].zone = zone;
}

void RolloutRecorder::addEndpoints(UnitKind kind, const std::string &originalId,
                                   const std::string &replacementId)
{
    m_endpointUnits = {m_out.units.size(), m_out.units.size() + 1};
    m_out.units.push_back({originalId, kind, {{0, Version::Original, UnitState::InService}}});
    m_out.units.push_back({replacementId, kind, {{0, Version::Replacement, UnitState::Idle}}});
    applyEndpointTraffic(0);
}

void RolloutRecorder::failEndpoint(Seconds t, Version version)
{
    if (!live(t) || m_endpointUnits.empty())
        return;
    track(t, m_endpointUnits[version == Version::Original ? 0 : 1], version, UnitState::Failed);
}

void RolloutRecorder::applyEndpointTraffic(Seconds t)
{
    if (m_endpointUnits.empty())
        return;
    const TimelineSample now = current(t);
    for (const Version v : {Version::Original, Version::Replacement}) {
        const std::size_t unit = m_endpointUnits[v == Version::Original ? 0 : 1];
        const auto &last = m_out.units[unit].transitions.back();
        if (last.state == UnitState::Failed)
            continue;
        track(t, unit, v, servesTraffic(now.trafficPercent, v) ? UnitState::InService : UnitState::Idle);
    }
}

void RolloutRecorder::track(Seconds t, std::size_t unit, Version version, UnitState state)
{
    auto &transitions = m_out.units[unit].transitions;
    if (!transitions.empty() && transitions.back().t == t) {
        transitions.back().version = version;
        transitions.back().state = state;
        if (transitions.size() > 1 && transitions[transitions.size() - 2].version == version &&
            transitions[transitions.size() - 2].state == state)
            transitions.pop_back();
        return;
    }
    if (!transitions.empty() && transitions.back().version == version && transitions.back().state == state)
        return;
    transitions.push_back({t, version, state});
}

void RolloutRecorder::setTraffic(Seconds t, double replacementPercent)
{
    if (!live(t))
        return;
    m_explicitTraffic = std::clamp(replacementPercent, 0.0, 100.0);
    applyEndpointTraffic(t);
    touch(t);
}

void RolloutRecorder::setTestTraffic(Seconds t, double replacementPercent)
{
    if (!live(t))
        return;
    m_testTraffic = std::clamp(replacementPercent, 0.0, 100.0);
    touch(t);
}

void RolloutRecorder::event(Seconds t, const std::string &type, const std::string &name,
                            const std::string &status, const std::string &subject, Seconds duration,
                            const std::string &detail)
{
    if (!live(t))
        return;
    TimelineEvent e{t, type, name, status, subject, duration, detail};
    if (m_cutoff && t + duration > *m_cutoff) {
        e.status = "Stopped";
        e.durationSeconds = *m_cutoff - t;
    }
    m_out.events.push_back(std::move(e));
}

void RolloutRecorder::setInterruption(std::optional<Interruption> interruption)
{
    m_interruption = interruption;
    m_cutoff = interruption ? std::optional<Seconds>(interruption->at) : std::nullopt;
}

void RolloutRecorder::markRollbackStart(Seconds t)
{
    if (!m_rollbackStart)
        m_rollbackStart = t;
}

TimelineSample RolloutRecorder::current(Seconds t) const
{
    TimelineSample s;
    s.t = t;
    s.healthy = m_healthy;
    s.instances = m_running;
    if (m_explicitTraffic) {
        s.trafficPercent = {100.0 - *m_explicitTraffic, *m_explicitTraffic};
    } else if (m_healthy.total() > 0) {
        const double total = m_healthy.total();
        s.trafficPercent = {100.0 * m_healthy.original / total, 100.0 * m_healthy.replacement / total};
    } else if (m_scenario.platform == Platform::Lambda || m_scenario.platform == Platform::Route53) {
        s.trafficPercent = {100, 0}; // serverless and DNS targets start on the original
    }
    if (m_testTraffic)
        s.testTrafficPercent = VersionShare{100.0 - *m_testTraffic, *m_testTraffic};
    return s;
}

void RolloutRecorder::touch(Seconds t)
{
    auto &samples = m_out.samples;
    if (!samples.empty() && t < samples.back().t)
        throw std::logic_error("rollout state changed out of time order at t=" + std::to_string(t));
    TimelineSample s = current(t);
    if (!samples.empty() && samples.back().t == t)
        samples.pop_back();
    if (!samples.empty()) {
        TimelineSample previous = samples.back();
        previous.t = t;
        if (previous == s)
            return;
    }
    samples.push_back(s);
}

void RolloutRecorder::finish(Seconds end, DeploymentResult result)
{
    m_out.result = result;
    auto &m = m_out.metrics;
    m = TimelineMetrics{};
    m.durationSeconds = end;
    const bool fleet = m_scenario.platform != Platform::Lambda && m_scenario.platform != Platform::Route53;
    const int baseline = fleet ? m_scenario.instances : 0;
    const auto &samples = m_out.samples;
    std::optional<Seconds> firstShift;
    double servedByNew = 0;
    const Seconds window = m_rollbackStart ? *m_rollbackStart : end;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto &s = samples[i];
        const Seconds until = i + 1 < samples.size() ? samples[i + 1].t : std::max(end, s.t);
        const Seconds dt = until - s.t;
        m.peakInstances = std::max(m.peakInstances, s.instances.total());
        m.instanceMinutes.original += s.instances.original * double(dt) / 60.0;
        m.instanceMinutes.replacement += s.instances.replacement * double(dt) / 60.0;
        if (baseline > 0) {
            m.minHealthyPercent =
                std::min(m.minHealthyPercent, 100.0 * s.healthy.total() / baseline);
            if (s.healthy.total() == 0)
                m.downtimeSeconds += dt;
            m.extraInstanceMinutes += std::max(0, s.instances.total() - baseline) * double(dt) / 60.0;
        }
        if (!firstShift && s.trafficPercent.replacement > 0)
            firstShift = s.t;
        if (firstShift && !m.secondsToFullShift && s.trafficPercent.replacement >= 100 - 1e-9)
            m.secondsToFullShift = s.t - *firstShift;
        const Seconds inWindow = std::max<Seconds>(0, std::min(until, window) - s.t);
        servedByNew += s.trafficPercent.replacement * double(inWindow);
    }
    if (const auto &price = m_scenario.price) {
        if (fleet) {
            const double minutes = m.instanceMinutes.original + m.instanceMinutes.replacement;
            m.estimatedCostUsd = minutes / 60.0 * price->usdPerUnitHour;
            m.extraCostUsd = m.extraInstanceMinutes / 60.0 * price->usdPerUnitHour;
        } else {
            // Serverless: shifting traffic costs nothing extra; the deployment's own cost is its
            // hook functions, one invocation each for the time it ran.
            double cost = 0;
            for (const auto &e : m_out.events) {
                if (e.type == "LifecycleEvent" && m_scenario.hasHook(e.name))
                    cost += price->usdPerRequest + double(e.durationSeconds) * price->usdPerInvocationSecond;
            }
            m.estimatedCostUsd = cost;
            m.extraCostUsd = cost;
        }
    }
    if (!m_scenario.failures.empty() || !m_scenario.actions.empty())
        m.failingVersionRequestPercent = window > 0 ? servedByNew / double(window) : 0.0;
}

} // namespace sc
