#include "model/rollout/scenario.h"

#include <algorithm>
#include <cstdlib>

namespace sc {

namespace {

bool allDigits(const std::string &s)
{
    return !s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) {
        return c >= '0' && c <= '9';
    });
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

} // namespace

InjectedFailure parseFailure(const std::string &spec)
{
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    const std::string rest = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    InjectedFailure f;
    const bool andLater = !rest.empty() && rest.back() == '+';
    const std::string ordinal = andLater ? rest.substr(0, rest.size() - 1) : rest;
    if (kind == "instance" && allDigits(ordinal) && std::atoi(ordinal.c_str()) >= 1) {
        f.kind = InjectedFailure::Kind::Instance;
        f.instance = std::atoi(ordinal.c_str());
        f.andLater = andLater;
        return f;
    }
    if (kind == "alarm" && allDigits(rest)) {
        f.kind = InjectedFailure::Kind::Alarm;
        f.atSeconds = std::atoll(rest.c_str());
        return f;
    }
    if (kind == "hook" && !rest.empty()) {
        f.kind = InjectedFailure::Kind::Hook;
        f.hook = rest;
        const std::string suffix = ":timeout";
        if (f.hook.size() > suffix.size() &&
            f.hook.compare(f.hook.size() - suffix.size(), suffix.size(), suffix) == 0) {
            f.hook.resize(f.hook.size() - suffix.size());
            f.hookTimesOut = true;
        }
        return f;
    }
    throw std::invalid_argument("bad failure \"" + spec +
                                "\": use instance:K or instance:K+ (K >= 1), hook:NAME[:timeout] or "
                                "alarm:SECONDS");
}

OperatorAction parseAction(const std::string &spec)
{
    const auto colon = spec.find(':');
    const std::string kind = spec.substr(0, colon);
    const std::string rest = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    for (auto k : {OperatorAction::Kind::Stop, OperatorAction::Kind::Rollback, OperatorAction::Kind::Continue}) {
        if (kind == actionName(k) && allDigits(rest))
            return {k, std::atoll(rest.c_str())};
    }
    throw std::invalid_argument("bad action \"" + spec +
                                "\": use stop:SECONDS, rollback:SECONDS or continue:SECONDS");
}

std::string actionName(OperatorAction::Kind kind)
{
    switch (kind) {
    case OperatorAction::Kind::Stop: return "stop";
    case OperatorAction::Kind::Rollback: return "rollback";
    case OperatorAction::Kind::Continue: return "continue";
    }
    return "stop";
}

std::string actionSpec(const OperatorAction &action)
{
    return actionName(action.kind) + ':' + std::to_string(action.atSeconds);
}

std::string failureSpec(const InjectedFailure &failure)
{
    switch (failure.kind) {
    case InjectedFailure::Kind::Instance:
        return "instance:" + std::to_string(failure.instance) + (failure.andLater ? "+" : "");
    case InjectedFailure::Kind::Hook:
        return "hook:" + failure.hook + (failure.hookTimesOut ? ":timeout" : "");
    case InjectedFailure::Kind::Alarm: return "alarm:" + std::to_string(failure.atSeconds);
    }
    return {};
}

bool Scenario::hasHook(const std::string &event) const
{
    return std::find(hooks.begin(), hooks.end(), event) != hooks.end();
}

std::vector<std::string> hookableEvents(const Scenario &scenario)
{
    switch (scenario.platform) {
    case Platform::Server: {
        std::vector<std::string> events = {"ApplicationStop", "BeforeInstall", "AfterInstall",
                                           "ApplicationStart", "ValidateService"};
        if (scenario.loadBalancer || scenario.blueGreen) {
            events.insert(events.begin(), {"BeforeBlockTraffic", "AfterBlockTraffic"});
            events.insert(events.end(), {"BeforeAllowTraffic", "AfterAllowTraffic"});
        }
        for (const auto &hook : scenario.lifecycleHooks)
            events.push_back(hook.name);
        return events;
    }
    case Platform::Lambda: return {"BeforeAllowTraffic", "AfterAllowTraffic"};
    case Platform::Ecs: {
        if (scenario.strategy.ecs.strategy == EcsStrategy::Rolling)
            return {};
        if (scenario.strategy.ecs.strategy != EcsStrategy::CodeDeploy) {
            // RECONCILE_SERVICE runs only when more than one revision is active, which a
            // rehearsal of one deployment never has.
            std::vector<std::string> stages = {"PRE_SCALE_UP", "POST_SCALE_UP"};
            if (scenario.testListener)
                stages.insert(stages.end(), {"TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT"});
            stages.insert(stages.end(), {"PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
                                         "POST_PRODUCTION_TRAFFIC_SHIFT"});
            return stages;
        }
        std::vector<std::string> events = {"BeforeInstall", "AfterInstall"};
        if (scenario.testListener)
            events.push_back("AfterAllowTestTraffic");
        events.insert(events.end(), {"BeforeAllowTraffic", "AfterAllowTraffic"});
        return events;
    }
    case Platform::AutoScaling: {
        std::vector<std::string> names;
        for (const auto &hook : scenario.lifecycleHooks)
            names.push_back(hook.name);
        return names;
    }
    case Platform::ElasticBeanstalk:
    case Platform::Route53: return {};
    }
    return {};
}

std::string actionUnavailable(const Scenario &s, OperatorAction::Kind kind)
{
    using K = OperatorAction::Kind;
    const bool ecsNative = s.platform == Platform::Ecs && s.strategy.ecs.strategy != EcsStrategy::CodeDeploy;
    const bool codeDeployBlueGreen = (s.platform == Platform::Server && s.blueGreen) ||
                                     (s.platform == Platform::Ecs && !ecsNative);
    if (ecsNative) {
        if (kind == K::Stop)
            return "ECS's StopServiceDeployment takes stopType ROLLBACK only: use rollback:SECONDS";
        if (kind == K::Continue)
            return "an ECS deployment by the ECS controller has no wait to continue";
        return {};
    }
    switch (s.platform) {
    case Platform::Server:
    case Platform::Lambda:
    case Platform::Ecs:
        if (kind == K::Continue && !codeDeployBlueGreen)
            return "ContinueDeployment applies to CodeDeploy blue/green deployments (a ready or "
                   "termination wait); this deployment has no wait to continue";
        return {};
    case Platform::ElasticBeanstalk:
        if (kind == K::Stop)
            return "Elastic Beanstalk's AbortEnvironmentUpdate always rolls the update back: use rollback:SECONDS";
        if (kind == K::Continue)
            return "an Elastic Beanstalk deployment has no wait to continue";
        return {};
    case Platform::AutoScaling:
        if (kind == K::Stop && s.strategy.autoScalingPolicy != AutoScalingPolicy::InstanceRefresh)
            return "CloudFormation's CancelUpdateStack always rolls the update back: use rollback:SECONDS";
        if (kind == K::Continue)
            return "a CloudFormation update of an Auto Scaling group has no wait to continue";
        return {};
    case Platform::Route53:
        if (kind != K::Rollback)
            return "a weighted-record shift is a series of record changes you make yourself; the only "
                   "control is to set the weights back: use rollback:SECONDS";
        return {};
    }
    return {};
}

void validateScenario(const Scenario &s)
{
    const bool hasFleet = s.platform != Platform::Lambda && s.platform != Platform::Route53;
    if (hasFleet && s.instances < 1)
        throw ScenarioError(s.target + ": the fleet needs at least one instance");
    if (s.instances > kMaxFleet)
        throw ScenarioError(s.target + ": a fleet of " + std::to_string(s.instances) +
                            " is above the simulator's limit of " + std::to_string(kMaxFleet) +
                            " instances or tasks; rehearse a smaller fleet (simulate --instances N)");
    for (const auto &[name, seconds] : s.timing.overrides()) {
        if (seconds < 0 || seconds > kMaxTimingSeconds)
            throw ScenarioError("timing \"" + name + "\" of " + std::to_string(seconds) +
                                " s is outside 0 to " + std::to_string(kMaxTimingSeconds) + " s (30 days)");
    }
    const auto &ecs = s.strategy.ecs;
    const int maxMinutes = int(kMaxTimingSeconds / 60);
    if (ecs.canaryBakeMinutes < 0 || ecs.canaryBakeMinutes > maxMinutes || ecs.stepBakeMinutes < 0 ||
        ecs.stepBakeMinutes > maxMinutes)
        throw ScenarioError(s.target + ": a canary or linear bake time outside 0 to " + std::to_string(maxMinutes) +
                            " minutes");
    if (!(ecs.canaryPercent >= 0 && ecs.canaryPercent <= 100) || !(ecs.stepPercent > 0 && ecs.stepPercent <= 100))
        throw ScenarioError(s.target + ": a canary or step percentage outside 0 to 100");
    if (s.maxInstances != 0 && s.maxInstances < s.instances)
        throw ScenarioError(s.target + ": MaxSize " + std::to_string(s.maxInstances) +
                            " is below the fleet size " + std::to_string(s.instances));
    for (const auto &f : s.failures) {
        switch (f.kind) {
        case InjectedFailure::Kind::Instance:
            if (!hasFleet)
                throw ScenarioError("instance failures do not apply to a " + platformName(s.platform) +
                                    " target (it has no instances); use hook:NAME or alarm:SECONDS");
            if (f.instance > s.instances)
                throw ScenarioError("instance:" + std::to_string(f.instance) + " is beyond the fleet of " +
                                    std::to_string(s.instances));
            break;
        case InjectedFailure::Kind::Hook: {
            const auto events = hookableEvents(s);
            if (std::find(events.begin(), events.end(), f.hook) == events.end()) {
                throw ScenarioError(
                    "hook:" + f.hook + " does not apply to this " + platformName(s.platform) + " target" +
                    (events.empty() ? std::string(": it has no lifecycle hooks")
                                    : "; its hooks are " + joined(events)));
            }
            const bool lifecycleHook = std::any_of(s.lifecycleHooks.begin(), s.lifecycleHooks.end(),
                                                   [&](const LifecycleHookSpec &h) { return h.name == f.hook; });
            if (f.hookTimesOut && s.platform == Platform::Server && !lifecycleHook)
                throw ScenarioError("hook:NAME:timeout applies to Lambda and ECS hook functions and to Auto "
                                    "Scaling lifecycle hooks, not to AppSpec scripts");
            break;
        }
        case InjectedFailure::Kind::Alarm:
            if (f.atSeconds < 0)
                throw ScenarioError("an alarm time cannot be negative");
            break;
        }
    }
    for (const auto &a : s.actions) {
        if (a.atSeconds < 0)
            throw ScenarioError("an action time cannot be negative");
        if (const auto why = actionUnavailable(s, a.kind); !why.empty())
            throw ScenarioError(actionSpec(a) + " does not apply to this " + platformName(s.platform) +
                                " target: " + why);
    }
}

} // namespace sc

namespace sc {

bool instanceFails(const Scenario &scenario, int ordinal)
{
    for (const auto &f : scenario.failures) {
        if (f.kind == InjectedFailure::Kind::Instance &&
            (f.instance == ordinal || (f.andLater && ordinal >= f.instance)))
            return true;
    }
    return false;
}

std::optional<int> firstFailingInstance(const Scenario &scenario)
{
    std::optional<int> k;
    for (const auto &f : scenario.failures) {
        if (f.kind == InjectedFailure::Kind::Instance && (!k || f.instance < *k))
            k = f.instance;
    }
    return k;
}

const InjectedFailure *hookFailure(const Scenario &scenario, const std::string &event)
{
    for (const auto &f : scenario.failures) {
        if (f.kind == InjectedFailure::Kind::Hook && f.hook == event)
            return &f;
    }
    return nullptr;
}

const OperatorAction *firstAction(const Scenario &scenario, OperatorAction::Kind kind)
{
    const OperatorAction *first = nullptr;
    for (const auto &a : scenario.actions) {
        if (a.kind == kind && (!first || a.atSeconds < first->atSeconds))
            first = &a;
    }
    return first;
}

std::optional<Seconds> continueAt(const Scenario &scenario, Seconds from)
{
    std::optional<Seconds> at;
    for (const auto &a : scenario.actions) {
        if (a.kind == OperatorAction::Kind::Continue && a.atSeconds >= from && (!at || a.atSeconds < *at))
            at = a.atSeconds;
    }
    return at;
}

std::optional<Seconds> alarmTime(const Scenario &scenario)
{
    std::optional<Seconds> t;
    for (const auto &f : scenario.failures) {
        if (f.kind == InjectedFailure::Kind::Alarm && (!t || f.atSeconds < *t))
            t = f.atSeconds;
    }
    return t;
}

} // namespace sc
