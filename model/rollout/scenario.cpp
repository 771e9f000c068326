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
    if (kind == "instance" && allDigits(rest) && std::atoi(rest.c_str()) >= 1) {
        f.kind = InjectedFailure::Kind::Instance;
        f.instance = std::atoi(rest.c_str());
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
                                "\": use instance:K (K >= 1), hook:NAME[:timeout] or alarm:SECONDS");
}

std::string failureSpec(const InjectedFailure &failure)
{
    switch (failure.kind) {
    case InjectedFailure::Kind::Instance: return "instance:" + std::to_string(failure.instance);
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
        return events;
    }
    case Platform::Lambda: return {"BeforeAllowTraffic", "AfterAllowTraffic"};
    case Platform::Ecs: {
        std::vector<std::string> events = {"BeforeInstall", "AfterInstall"};
        if (scenario.testListener)
            events.push_back("AfterAllowTestTraffic");
        events.insert(events.end(), {"BeforeAllowTraffic", "AfterAllowTraffic"});
        return events;
    }
    case Platform::ElasticBeanstalk:
    case Platform::AutoScaling:
    case Platform::Route53: return {};
    }
    return {};
}

void validateScenario(const Scenario &s)
{
    const bool hasFleet = s.platform != Platform::Lambda && s.platform != Platform::Route53;
    if (hasFleet && s.instances < 1)
        throw ScenarioError(s.target + ": the fleet needs at least one instance");
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
            if (f.hookTimesOut && s.platform == Platform::Server)
                throw ScenarioError("hook:NAME:timeout applies to Lambda and ECS hook functions");
            break;
        }
        case InjectedFailure::Kind::Alarm:
            if (f.atSeconds < 0)
                throw ScenarioError("an alarm time cannot be negative");
            break;
        }
    }
}

} // namespace sc

namespace sc {

bool instanceFails(const Scenario &scenario, int ordinal)
{
    for (const auto &f : scenario.failures) {
        if (f.kind == InjectedFailure::Kind::Instance && f.instance == ordinal)
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
