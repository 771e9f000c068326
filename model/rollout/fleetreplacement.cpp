#include "model/rollout/fleetreplacement.h"

#include "model/rollout/rolloutstrategies.h"

#include <algorithm>
#include <deque>
#include <queue>
#include <unordered_map>

namespace sc {

namespace {

enum class Step { HooksStart, HooksEnd, Ready, Warmed, Drained, Stopped };

struct Due {
    Seconds t = 0;
    long order = 0; // first scheduled, first applied among equal times
    Step step = Step::Ready;
    int index = 0;
    bool operator>(const Due &other) const { return t != other.t ? t > other.t : order > other.order; }
};

} // namespace

FleetReplacement::FleetReplacement(const Scenario &scenario, RolloutRecorder &recorder, AsgLifecycle *hooks)
    : m_scenario(scenario)
    , m_recorder(recorder)
    , m_hooks(hooks)
{
}

FleetReplacement::Result FleetReplacement::run(Seconds t, const std::vector<int> &old, Version to,
                                               const Options &o, int grow)
{
    Result r;
    const int n = static_cast<int>(old.size());
    std::priority_queue<Due, std::vector<Due>, std::greater<Due>> due;
    long order = 0;
    auto schedule = [&](Seconds at, Step step, int index) { due.push({at, order++, step, index}); };

    int running = 0;
    int healthy = 0;
    for (int i = 0; i < m_recorder.memberCount(); ++i) {
        running += m_recorder.member(i).running() ? 1 : 0;
        healthy += m_recorder.member(i).inService() ? 1 : 0;
    }
    std::deque<int> waiting(old.begin(), old.end());
    std::unordered_map<int, int> ordinal;        // new unit -> launch order, 1-based
    std::unordered_map<int, bool> abandoned;     // new unit -> its launch hook abandoned it
    std::unordered_map<int, bool> isOld;
    for (int index : old)
        isOld[index] = true;
    int launched = 0;
    int active = 0;  // launched, not failed
    int warming = 0;
    int ready = 0;   // new units in service and warmed up
    int stopping = 0;
    int stopped = 0; // old units gone
    std::size_t checkpoint = 0;
    Seconds pausedUntil = t;
    Seconds lastWarmup = -1;
    auto checkpointCount = [&](std::size_t i) { return (n * o.checkpoints[i] + 99) / 100; };
    // Checkpoints that stop short of 100 % leave the rest of the fleet as it is.
    const int finalCount = o.checkpoints.empty() || o.checkpoints.back() >= 100 ? n
                                                                                : checkpointCount(o.checkpoints.size() - 1);
    auto target = [&] { return checkpoint < o.checkpoints.size() ? checkpointCount(checkpoint) : finalCount; };
    auto launchTarget = [&] { return target() + (target() == n ? grow : 0); };
    const bool launchHooks = m_hooks && m_hooks->hasHooks(true);
    const bool terminateHooks = m_hooks && m_hooks->hasHooks(false);

    auto apply = [&](const Due &d) {
        const int i = d.index;
        switch (d.step) {
        case Step::HooksStart: {
            const auto pass = m_hooks->pass(true);
            m_hooks->enterWait(d.t, i, true, pass);
            abandoned[i] = pass.abandoned;
            schedule(d.t + pass.wait, Step::HooksEnd, i);
            break;
        }
        case Step::HooksEnd:
            if (abandoned[i]) {
                m_recorder.terminate(d.t, i);
                --running;
                --active;
                ++r.failures;
            } else {
                m_recorder.setState(d.t, i, UnitState::Pending);
                schedule(d.t + o.readySeconds, Step::Ready, i);
            }
            break;
        case Step::Ready:
            if (o.injectFailures && instanceFails(m_scenario, ordinal[i])) {
                m_recorder.setState(d.t, i, UnitState::Failed);
                m_recorder.event(d.t, "Instance", "HealthCheck", "Failed", m_recorder.member(i).id, 0,
                                 "the new " + o.unit + " never became healthy");
                --active;
                ++r.failures;
                schedule(d.t + o.stopSeconds, Step::Stopped, i);
                break;
            }
            m_recorder.setInService(d.t, i, true);
            ++healthy;
            if (o.warmupSeconds > 0) {
                ++warming;
                schedule(d.t + o.warmupSeconds, Step::Warmed, i);
                if (d.t != lastWarmup)
                    m_recorder.event(d.t, "Wait", "InstanceWarmup", "Succeeded", m_recorder.member(i).id,
                                     o.warmupSeconds, "in service; not counted as healthy capacity until warmed up");
                lastWarmup = d.t;
            } else {
                ++ready;
            }
            break;
        case Step::Warmed:
            --warming;
            ++ready;
            break;
        case Step::Drained:
            if (terminateHooks) {
                const auto pass = m_hooks->pass(false);
                m_hooks->enterWait(d.t, i, false, pass);
                schedule(d.t + pass.wait, Step::Stopped, i);
            } else {
                schedule(d.t + o.stopSeconds, Step::Stopped, i);
            }
            break;
        case Step::Stopped:
            m_recorder.terminate(d.t, i);
            --running;
            if (isOld[i]) {
                --stopping;
                ++stopped;
            }
            break;
        }
    };

    for (;;) {
        if (!m_recorder.live(t)) {
            r.interrupted = true;
            r.end = *m_recorder.cutoff();
            return r;
        }
        while (!due.empty() && due.top().t <= t) {
            const Due d = due.top();
            due.pop();
            apply(d);
        }
        if (r.failures >= o.failureLimit) {
            r.failed = true;
            r.end = t;
            return r;
        }
        // A checkpoint: the replaced share reached it; pause before going on (reaching 100 % is
        // the end, not a pause).
        if (checkpoint < o.checkpoints.size() && t >= pausedUntil && ready >= target() && stopped >= target()) {
            if (o.checkpoints[checkpoint] < 100) {
                m_recorder.event(t, "Wait", "Checkpoint", "Succeeded", {}, o.checkpointDelay,
                                 std::to_string(o.checkpoints[checkpoint]) + "% of the " + o.unit + "s replaced");
                pausedUntil = t + o.checkpointDelay;
            }
            ++checkpoint;
        }
        if (ready >= finalCount + (finalCount == n ? grow : 0) && stopped >= finalCount && due.empty() &&
            t >= pausedUntil) {
            r.end = t;
            return r;
        }
        if (t >= pausedUntil) {
            std::vector<int> stops;
            std::vector<int> starts;
            // Stop old units while the healthy capacity allows (a unit out of service is free).
            while (!waiting.empty() && stopping + stopped < target()) {
                const int i = waiting.front();
                const bool serving = m_recorder.member(i).inService();
                if (serving && healthy - warming - 1 < o.minHealthy)
                    break;
                waiting.pop_front();
                if (serving)
                    --healthy;
                ++stopping;
                m_recorder.setState(t, i, UnitState::Draining);
                schedule(t + o.drainSeconds, Step::Drained, i);
                stops.push_back(i);
            }
            // Launch new units while the running count allows.
            while (active < launchTarget() && running < o.maxRunning) {
                const int i = m_recorder.addInstance(t, to, UnitState::Pending);
                ordinal[i] = ++launched;
                isOld[i] = false;
                ++active;
                ++running;
                if (launchHooks)
                    schedule(t + o.launchSeconds, Step::HooksStart, i);
                else
                    schedule(t + o.launchSeconds + o.readySeconds, Step::Ready, i);
                starts.push_back(i);
            }
            if (!stops.empty())
                m_recorder.event(t, "Instance", o.unit == "task" ? "StopTasks" : "TerminateInstances", "Succeeded",
                                 membersLabel(m_recorder, stops), o.drainSeconds,
                                 std::to_string(stops.size()) + " old " + o.unit + (stops.size() == 1 ? "" : "s") +
                                     " leave the load balancer and stop");
            if (!starts.empty())
                m_recorder.event(t, "Instance", o.unit == "task" ? "StartTasks" : "LaunchInstances", "Succeeded",
                                 membersLabel(m_recorder, starts), o.launchSeconds + o.readySeconds,
                                 std::to_string(starts.size()) + " new " + o.unit + (starts.size() == 1 ? "" : "s"));
        }
        Seconds next = due.empty() ? -1 : due.top().t;
        if (pausedUntil > t && (next < 0 || pausedUntil < next))
            next = pausedUntil;
        if (next < 0) {
            r.stuck = true;
            r.failed = true;
            r.end = t;
            return r;
        }
        t = next;
    }
}

} // namespace sc
