#include "model/rollout/asglifecycle.h"

#include <algorithm>

namespace sc {

AsgLifecycle::AsgLifecycle(const Scenario &scenario, RolloutRecorder &recorder)
    : m_scenario(scenario)
    , m_recorder(recorder)
{
}

bool AsgLifecycle::hasHooks(bool launching) const
{
    return std::any_of(m_scenario.lifecycleHooks.begin(), m_scenario.lifecycleHooks.end(),
                       [&](const LifecycleHookSpec &h) { return h.launching == launching; });
}

AsgLifecycle::Pass AsgLifecycle::pass(bool launching)
{
    Pass p;
    const Seconds action = m_scenario.timing.seconds(timing::LifecycleAction);
    for (const auto &hook : m_scenario.lifecycleHooks) {
        if (hook.launching != launching)
            continue;
        const InjectedFailure *failure = hookFailure(m_scenario, hook.name);
        if (failure && !m_failureUsed.insert(hook.name).second)
            failure = nullptr;
        Seconds wait = action;
        std::string result = "CONTINUE";
        if (failure && failure->hookTimesOut) {
            wait = hook.heartbeatSeconds;
            result = hook.defaultContinue ? "CONTINUE" : "ABANDON";
            p.detail += (p.detail.empty() ? "" : "; ") + hook.name + ": no answer within HeartbeatTimeout " +
                        std::to_string(hook.heartbeatSeconds) + " s, DefaultResult " + result;
        } else if (failure) {
            result = "ABANDON";
            p.detail += (p.detail.empty() ? "" : "; ") + hook.name + " completed with ABANDON";
        } else {
            p.detail += (p.detail.empty() ? "" : "; ") + hook.name + " completed with CONTINUE";
        }
        p.wait = std::max(p.wait, wait);
        p.abandoned |= result == "ABANDON";
    }
    return p;
}

void AsgLifecycle::enterWait(Seconds t, int index, bool launching, const Pass &p)
{
    m_recorder.setState(t, index, launching ? UnitState::PendingWait : UnitState::TerminatingWait);
    m_recorder.event(t, "LifecycleHook", launching ? "Pending:Wait" : "Terminating:Wait",
                     p.abandoned ? "ABANDON" : "CONTINUE", m_recorder.member(index).id, p.wait, p.detail);
}

AsgLifecycle::Launch AsgLifecycle::launch(Seconds t, int index)
{
    if (!hasHooks(true) || index < 0)
        return {t, false};
    const Pass p = pass(true);
    enterWait(t, index, true, p);
    if (p.abandoned)
        m_recorder.terminate(t + p.wait, index);
    else
        m_recorder.setState(t + p.wait, index, UnitState::Pending);
    return {t + p.wait, p.abandoned};
}

Seconds AsgLifecycle::terminate(Seconds t, int index)
{
    if (!hasHooks(false) || index < 0) {
        m_recorder.terminate(t, index);
        return t;
    }
    const Pass p = pass(false);
    enterWait(t, index, false, p);
    m_recorder.terminate(t + p.wait, index);
    return t + p.wait;
}

} // namespace sc
