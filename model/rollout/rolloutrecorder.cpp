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

} // namespace

RolloutRecorder::RolloutRecorder(const Scenario &scenario, Timeline &out)
    : m_scenario(scenario)
    , m_out(out)
    , m_idPrefix(scenario.platform == Platform::Ecs ? "task-" : "i-")
{
    m_out.target = scenario.target;
    m_out.platform = platformName(scenario.platform);
    m_out.strategy = scenario.strategy.name;
    m_out.events.clear();
    m_out.samples.clear();
    touch(0);
}

int RolloutRecorder::addInstance(Seconds t, Version version, bool inService)
{
    if (!live(t))
        return -1;
    char id[32];
    std::snprintf(id, sizeof id, "%s%03d", m_idPrefix.c_str(), memberCount() + 1);
    m_fleet.push_back({id, version, true, inService});
    ++slot(m_running, version);
    if (inService)
        ++slot(m_healthy, version);
    touch(t);
    return memberCount() - 1;
}

void RolloutRecorder::setInService(Seconds t, int index, bool inService)
{
    if (!live(t) || index < 0)
        return;
    auto &m = m_fleet[static_cast<std::size_t>(index)];
    if (!m.running || m.inService == inService)
        return;
    m.inService = inService;
    slot(m_healthy, m.version) += inService ? 1 : -1;
    touch(t);
}

void RolloutRecorder::setVersion(Seconds t, int index, Version version)
{
    if (!live(t) || index < 0)
        return;
    auto &m = m_fleet[static_cast<std::size_t>(index)];
    if (!m.running || m.version == version)
        return;
    --slot(m_running, m.version);
    ++slot(m_running, version);
    if (m.inService) {
        --slot(m_healthy, m.version);
        ++slot(m_healthy, version);
    }
    m.version = version;
    touch(t);
}

void RolloutRecorder::terminate(Seconds t, int index)
{
    if (!live(t) || index < 0)
        return;
    auto &m = m_fleet[static_cast<std::size_t>(index)];
    if (!m.running)
        return;
    if (m.inService)
        --slot(m_healthy, m.version);
    --slot(m_running, m.version);
    m.running = false;
    m.inService = false;
    touch(t);
}

void RolloutRecorder::setTraffic(Seconds t, double replacementPercent)
{
    if (!live(t))
        return;
    m_explicitTraffic = std::clamp(replacementPercent, 0.0, 100.0);
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
    const int baseline = m_scenario.platform == Platform::Lambda ||
                                 m_scenario.platform == Platform::Route53
                             ? 0
                             : m_scenario.instances;
    const auto &samples = m_out.samples;
    std::optional<Seconds> firstShift;
    double servedByNew = 0;
    const Seconds window = m_rollbackStart ? *m_rollbackStart : end;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto &s = samples[i];
        const Seconds until = i + 1 < samples.size() ? samples[i + 1].t : std::max(end, s.t);
        const Seconds dt = until - s.t;
        m.peakInstances = std::max(m.peakInstances, s.instances.total());
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
    if (!m_scenario.failures.empty())
        m.failingVersionRequestPercent = window > 0 ? servedByNew / double(window) : 0.0;
}

} // namespace sc
