// ECS deploying by itself (DeploymentController ECS, reference §11): BLUE_GREEN, CANARY and
// LINEAR through the lifecycle stages, with Lambda hooks that can fail the deployment, test
// traffic on the alternate target group, the production shift and the bake time before blue
// scales down; ROLLING within MinimumHealthyPercent / MaximumPercent, with the deployment
// circuit breaker and CloudWatch alarms, each with or without rollback.

#include "model/rollout/fleetreplacement.h"
#include "model/rollout/rolloutstrategies.h"

#include <algorithm>
#include <cmath>

namespace sc {

namespace {

// Failed tasks before the circuit breaker trips: half the desired count, at least 3 and at most
// 200 (ECS API ServiceDeploymentCircuitBreaker). The rounding of the half is not documented:
// rounded up here.
int circuitBreakerThreshold(int desired)
{
    return std::clamp((desired + 1) / 2, 3, 200);
}

// Without the circuit breaker ECS keeps replacing tasks that fail, and the deployment stays
// IN_PROGRESS; the rehearsal ends after this many failed tasks.
constexpr int kRetriesWithoutBreaker = 10;

class EcsNativeDeployment {
public:
    EcsNativeDeployment(const Scenario &scenario, RolloutRecorder &recorder)
        : m_s(scenario)
        , m_recorder(recorder)
        , m_ecs(scenario.strategy.ecs)
    {
    }

    RolloutOutcome run()
    {
        for (int i = 0; i < m_s.instances; ++i)
            m_blue.push_back(m_recorder.addInstance(0, Version::Original, true));
        m_recorder.event(0, "Deployment", "Start", "Succeeded", {}, 0,
                         "DeploymentConfiguration.Strategy " + ecsStrategyName(m_ecs.strategy));
        return m_ecs.strategy == EcsStrategy::Rolling ? rolling() : blueGreen();
    }

private:
    // ---- BLUE_GREEN, CANARY, LINEAR -------------------------------------------------------

    struct Step {
        Seconds end = 0;
        std::optional<RolloutOutcome> outcome; // set when the deployment ended here
    };

    // A lifecycle stage: its hook runs when one is configured (or a failure is injected); a
    // hook that fails, or returns no hookStatus within ecs.hookTimeout, rolls the deployment back.
    Step stage(Seconds t, const std::string &name, Seconds duration = 0, const std::string &detail = {})
    {
        if (!m_recorder.live(t))
            return {t, interrupted(*m_recorder.cutoff())};
        const InjectedFailure *failure = hookFailure(m_s, name);
        const bool hooked = m_s.hasHook(name) || failure;
        Seconds hook = 0;
        if (hooked)
            hook = failure && failure->hookTimesOut ? m_s.timing.seconds(timing::EcsHookTimeout)
                                                    : m_s.timing.seconds(timing::LambdaHook);
        std::string why = detail;
        if (failure)
            why = failure->hookTimesOut ? "the hook returned no hookStatus" : "the hook returned hookStatus FAILED";
        else if (hooked)
            why += (why.empty() ? "" : "; ") + std::string("the hook returned SUCCEEDED");
        m_recorder.event(t, "LifecycleEvent", name, failure ? "Failed" : "Succeeded", {}, std::max(duration, hook), why);
        const Seconds end = t + std::max(duration, hook);
        if (!m_recorder.live(end))
            return {end, interrupted(*m_recorder.cutoff())};
        if (failure)
            return {end, fail(end, name + " hook failed")};
        return {end, std::nullopt};
    }

    RolloutOutcome blueGreen()
    {
        m_recorder.setTraffic(0, 0);
        Seconds t = 0;
        auto next = [&](Step step) {
            t = step.end;
            return step.outcome;
        };
        if (auto o = next(stage(t, "PRE_SCALE_UP")))
            return *o;
        if (auto o = next(scaleUp(t)))
            return *o;
        if (auto o = next(stage(t, "POST_SCALE_UP")))
            return *o;
        if (m_s.testListener) {
            m_recorder.setTestTraffic(t, 100);
            if (auto o = next(stage(t, "TEST_TRAFFIC_SHIFT", 0, "the test listener rule now forwards to the green target group")))
                return *o;
            if (auto o = next(stage(t, "POST_TEST_TRAFFIC_SHIFT")))
                return *o;
        }
        if (auto o = next(productionShift(t)))
            return *o;
        if (auto o = next(stage(t, "POST_PRODUCTION_TRAFFIC_SHIFT")))
            return *o;
        const Seconds bake = m_s.timing.seconds(timing::EcsBakeTime);
        m_recorder.event(t, "Wait", "BAKE_TIME", "Succeeded", {}, bake,
                         "both revisions run; alarms are watched and a rollback still returns traffic to blue");
        t += bake;
        if (!m_recorder.live(t))
            return interrupted(*m_recorder.cutoff());
        const Seconds stop = m_s.timing.seconds(timing::EcsTaskStop);
        for (int index : m_blue)
            m_recorder.setState(t, index, UnitState::Draining);
        for (int index : m_blue)
            m_recorder.terminate(t + stop, index);
        m_recorder.event(t, "LifecycleEvent", "CLEAN_UP", "Succeeded", membersLabel(m_recorder, m_blue), stop,
                         "blue scales down to 0 tasks; green is the production revision");
        m_recorder.event(t + stop, "Deployment", "End", "Succeeded");
        return {t + stop, DeploymentResult::Succeeded};
    }

    Step scaleUp(Seconds t)
    {
        const Seconds start = m_s.timing.seconds(timing::EcsTaskStart);
        for (int i = 0; i < m_s.instances; ++i)
            m_green.push_back(m_recorder.addInstance(t, Version::Replacement, UnitState::Pending));
        bool broken = false;
        for (std::size_t i = 0; i < m_green.size(); ++i) {
            const bool fails = instanceFails(m_s, static_cast<int>(i) + 1);
            broken |= fails;
            m_recorder.setState(t + start, m_green[i], fails ? UnitState::Failed : UnitState::InService);
        }
        m_recorder.event(t, "LifecycleEvent", "SCALE_UP", broken ? "Failed" : "Succeeded",
                         membersLabel(m_recorder, m_green), start,
                         broken ? "a green task never became healthy" : "green tasks start beside blue; no traffic yet");
        if (!m_recorder.live(t + start))
            return {t + start, interrupted(*m_recorder.cutoff())};
        if (broken)
            return {t + start, fail(t + start, "the green revision did not become healthy")};
        return {t + start, std::nullopt};
    }

    // The production listener rule's weights move: all at once (BLUE_GREEN), canary then the
    // rest, or linear steps; the step bake time is not applied after 100 %.
    Step productionShift(Seconds t)
    {
        std::vector<std::pair<double, Seconds>> steps; // percent, bake after it
        switch (m_ecs.strategy) {
        case EcsStrategy::Canary:
            steps = {{m_ecs.canaryPercent, Seconds(m_ecs.canaryBakeMinutes) * 60}, {100, 0}};
            break;
        case EcsStrategy::Linear:
            for (int k = 1;; ++k) {
                const double percent = std::min(100.0, std::round(k * m_ecs.stepPercent * 10) / 10);
                steps.push_back({percent, percent < 100 ? Seconds(m_ecs.stepBakeMinutes) * 60 : 0});
                if (percent >= 100)
                    break;
            }
            break;
        default:
            steps = {{100, 0}};
            break;
        }
        if (steps.front().first >= 100)
            steps = {{100, 0}};
        Seconds total = 0;
        for (const auto &[percent, bake] : steps)
            total += bake;
        m_recorder.event(t, "LifecycleEvent", "PRODUCTION_TRAFFIC_SHIFT", "Succeeded", {}, total,
                         steps.size() == 1 ? "all production traffic moves to green at once"
                                           : std::to_string(steps.size()) + " steps");
        for (const auto &[percent, bake] : steps) {
            if (m_s.hasHook("PRE_PRODUCTION_TRAFFIC_SHIFT") || hookFailure(m_s, "PRE_PRODUCTION_TRAFFIC_SHIFT")) {
                auto pre = stage(t, "PRE_PRODUCTION_TRAFFIC_SHIFT");
                t = pre.end;
                if (pre.outcome)
                    return pre;
            }
            if (!m_recorder.live(t))
                return {t, interrupted(*m_recorder.cutoff())};
            m_recorder.setTraffic(t, percent);
            m_recorder.event(t, "TrafficShift", "PRODUCTION_TRAFFIC_SHIFT", "Succeeded", {}, 0,
                             number(percent) + "% of production traffic to green");
            if (m_s.hasHook("PRODUCTION_TRAFFIC_SHIFT") || hookFailure(m_s, "PRODUCTION_TRAFFIC_SHIFT")) {
                auto hook = stage(t, "PRODUCTION_TRAFFIC_SHIFT");
                if (hook.outcome)
                    return hook;
            }
            t += bake;
        }
        if (!m_recorder.live(t))
            return {t, interrupted(*m_recorder.cutoff())};
        return {t, std::nullopt};
    }

    static std::string number(double percent)
    {
        const double rounded = std::round(percent);
        if (std::fabs(percent - rounded) < 1e-9)
            return std::to_string(static_cast<int>(rounded));
        return std::to_string(static_cast<int>(percent)) + '.' +
               std::to_string(static_cast<int>(std::lround(percent * 10)) % 10);
    }

    // A failed hook or green tasks that never become healthy roll the deployment back.
    RolloutOutcome fail(Seconds t, const std::string &why)
    {
        m_recorder.event(t, "Deployment", "End", "Failed", {}, 0, why + "; ECS rolls back to the last successful revision");
        return {rollBackToBlue(t), DeploymentResult::RolledBack};
    }

    RolloutOutcome interrupted(Seconds t)
    {
        m_recorder.clearCutoff();
        const bool requested = m_recorder.interruption() &&
                               m_recorder.interruption()->kind == Interruption::Kind::RollbackRequest;
        if (requested) {
            m_recorder.event(t, "Operator", "StopServiceDeployment", "Succeeded", {}, 0,
                             "stopType ROLLBACK: back to the previous service revision");
        } else {
            m_recorder.event(t, "Alarm", m_s.alarms.empty() ? "Alarm" : m_s.alarms.front(), "ALARM", {}, 0,
                             "a DeploymentAlarms alarm entered ALARM: the deployment fails");
            if (!(m_s.rollback.enabled && m_s.rollback.onAlarm)) {
                m_recorder.event(t, "Deployment", "End", "Failed", {}, 0,
                                 "DeploymentAlarms.Rollback is false: the service stays as it is");
                return {t, DeploymentResult::Failed};
            }
        }
        m_recorder.event(t, "Deployment", "End", requested ? "Stopped" : "Failed");
        if (m_ecs.strategy == EcsStrategy::Rolling)
            return {rollBackRolling(t), DeploymentResult::RolledBack};
        return {rollBackToBlue(t), DeploymentResult::RolledBack};
    }

    Seconds rollBackToBlue(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        m_recorder.setTraffic(t, 0);
        if (m_s.testListener)
            m_recorder.setTestTraffic(t, 0);
        const Seconds stop = m_s.timing.seconds(timing::EcsTaskStop);
        for (int index : m_green)
            m_recorder.setState(t, index, UnitState::Draining);
        for (int index : m_green)
            m_recorder.terminate(t + stop, index);
        m_recorder.event(t, "Rollback", "TrafficBackToBlue", "Succeeded", membersLabel(m_recorder, m_green), stop,
                         "production and test traffic return to blue; green scales down");
        return t + stop;
    }

    // ---- ROLLING ---------------------------------------------------------------------------

    FleetReplacement::Options rollingOptions(bool forward) const
    {
        FleetReplacement::Options o;
        o.unit = "task";
        const int n = m_s.instances;
        o.minHealthy = (n * m_ecs.minimumHealthyPercent + 99) / 100; // rounded up
        o.maxRunning = n * m_ecs.maximumPercent / 100;                // rounded down
        o.readySeconds = m_s.timing.seconds(timing::EcsTaskStart);
        o.drainSeconds = m_s.loadBalancer ? m_s.timing.seconds(timing::DeregistrationDelay) : 0;
        o.stopSeconds = m_s.timing.seconds(timing::EcsTaskStop);
        o.injectFailures = forward;
        o.failureLimit = !forward ? 1 << 30
                         : m_ecs.circuitBreaker ? circuitBreakerThreshold(n)
                                                : kRetriesWithoutBreaker;
        return o;
    }

    RolloutOutcome rolling()
    {
        const auto o = rollingOptions(true);
        FleetReplacement replacement(m_s, m_recorder, nullptr);
        const auto r = replacement.run(0, m_blue, Version::Replacement, o);
        if (r.interrupted)
            return interrupted(r.end);
        if (r.stuck) {
            m_recorder.event(r.end, "Deployment", "End", "Failed", {}, 0,
                             "MinimumHealthyPercent " + std::to_string(m_ecs.minimumHealthyPercent) +
                                 " and MaximumPercent " + std::to_string(m_ecs.maximumPercent) +
                                 " allow neither stopping an old task nor starting a new one");
            return {r.end, DeploymentResult::Failed};
        }
        if (!r.failed) {
            m_recorder.event(r.end, "Deployment", "End", "Succeeded", {}, 0, "the service reached a steady state");
            return {r.end, DeploymentResult::Succeeded};
        }
        if (!m_ecs.circuitBreaker) {
            m_recorder.event(r.end, "Deployment", "End", "Failed", {}, 0,
                             std::to_string(r.failures) + " tasks failed: without the circuit breaker ECS keeps "
                             "replacing them and the deployment stays IN_PROGRESS (the rehearsal stops here)");
            return {r.end, DeploymentResult::Failed};
        }
        m_recorder.event(r.end, "Alarm", "DeploymentCircuitBreaker", "TRIGGERED", {}, 0,
                         std::to_string(r.failures) + " failed tasks reached the threshold of " +
                             std::to_string(o.failureLimit));
        if (!m_ecs.circuitBreakerRollback) {
            m_recorder.event(r.end, "Deployment", "End", "Failed", {}, 0,
                             "the deployment stops launching tasks; the service keeps what it runs");
            return {r.end, DeploymentResult::Failed};
        }
        m_recorder.event(r.end, "Deployment", "End", "Failed", {}, 0, "rollback to the last completed deployment");
        return {rollBackRolling(r.end), DeploymentResult::RolledBack};
    }

    // A rollback is a rolling deployment of the previous revision within the same bounds.
    Seconds rollBackRolling(Seconds t)
    {
        m_recorder.markRollbackStart(t);
        std::vector<int> green;
        for (int i = 0; i < m_recorder.memberCount(); ++i) {
            const auto &m = m_recorder.member(i);
            if (m.running() && m.version == Version::Replacement)
                green.push_back(i);
            else if (m.running() && m.state == UnitState::Draining)
                m_recorder.terminate(t, i); // was stopping when the deployment failed
        }
        m_recorder.event(t, "Rollback", "RollingBackToPreviousRevision", "Started", membersLabel(m_recorder, green));
        // The failed deployment may have left fewer tasks than desired: start the missing ones too.
        int running = 0;
        for (int i = 0; i < m_recorder.memberCount(); ++i)
            running += m_recorder.member(i).running() ? 1 : 0;
        FleetReplacement back(m_s, m_recorder, nullptr);
        const auto r = back.run(t, green, Version::Original, rollingOptions(false), std::max(0, m_s.instances - running));
        m_recorder.event(r.end, "Rollback", "RollingBackToPreviousRevision", "Succeeded");
        return r.end;
    }

    const Scenario &m_s;
    RolloutRecorder &m_recorder;
    const EcsDeployment &m_ecs;
    std::vector<int> m_blue;
    std::vector<int> m_green;
};

} // namespace

RolloutOutcome simulateEcsNative(const Scenario &scenario, RolloutRecorder &recorder)
{
    return EcsNativeDeployment(scenario, recorder).run();
}

} // namespace sc
