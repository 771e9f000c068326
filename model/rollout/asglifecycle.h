#pragma once
// Auto Scaling lifecycle hooks on the instances a deployment launches or terminates (reference
// §8.2): a launching instance waits in Pending:Wait, a terminating one (already deregistered
// from the load balancer) in Terminating:Wait, until every hook of that transition is done.
// A hook's handler completes after asg.lifecycleAction; an injected hook:NAME reports ABANDON,
// hook:NAME:timeout never answers, so HeartbeatTimeout passes and DefaultResult applies. An
// abandoned launch terminates the new instance. An injected failure strikes the first instance
// through that hook only.

#include "model/rollout/rolloutrecorder.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sc {

// Steps collected first and applied in time order: with lifecycle hooks the instances of one
// batch leave their wait states at different times, and the recorder takes changes in order.
class TimedSteps {
public:
    void at(Seconds t, std::function<void()> step) { m_steps.emplace_back(t, std::move(step)); }
    void apply()
    {
        std::stable_sort(m_steps.begin(), m_steps.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &[t, step] : m_steps)
            step();
        m_steps.clear();
    }

private:
    std::vector<std::pair<Seconds, std::function<void()>>> m_steps;
};


class AsgLifecycle {
public:
    AsgLifecycle(const Scenario &scenario, RolloutRecorder &recorder);

    bool hasHooks(bool launching) const;
    // Holds the instance in Pending:Wait from t; returns when it leaves the wait (back to
    // Pending) and whether it was abandoned (then it is terminated at that time).
    struct Launch {
        Seconds end = 0;
        bool abandoned = false;
    };
    Launch launch(Seconds t, int index);
    // Holds the instance in Terminating:Wait from t and terminates it when the hooks are done;
    // returns that time. Without terminate hooks it is terminated at t.
    Seconds terminate(Seconds t, int index);

    // For callers that run their own clock: the outcome of the hooks for one instance, and the
    // wait state and event at t (the caller applies the end of the wait when its time comes).
    struct Pass {
        Seconds wait = 0;
        bool abandoned = false;
        std::string detail;
    };
    Pass pass(bool launching);
    void enterWait(Seconds t, int index, bool launching, const Pass &pass);

private:

    const Scenario &m_scenario;
    RolloutRecorder &m_recorder;
    std::set<std::string> m_failureUsed;
};

} // namespace sc
