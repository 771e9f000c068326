#include "model/rollout/strategy.h"

#include <cstdlib>
#include <string_view>

namespace sc {

namespace {

struct Predefined {
    const char *name;
    Platform platform;
    MinimumHealthyHosts::Type minType;
    int minValue;
    TrafficRouting::Type routing;
    int percentage;
    int minutes;
};

using MH = MinimumHealthyHosts::Type;
using TR = TrafficRouting::Type;

// Reference §1.1, §1.4, §1.5. Note the singular "Every1Minute" for Lambda and the plural
// "Every1Minutes" for ECS: both are AWS's spelling.
constexpr Predefined kPredefined[] = {
    {"CodeDeployDefault.OneAtATime", Platform::Server, MH::OneAtATime, 1, TR::AllAtOnce, 100, 0},
    {"CodeDeployDefault.HalfAtATime", Platform::Server, MH::FleetPercent, 50, TR::AllAtOnce, 100, 0},
    {"CodeDeployDefault.AllAtOnce", Platform::Server, MH::HostCount, 0, TR::AllAtOnce, 100, 0},
    {"CodeDeployDefault.LambdaCanary10Percent5Minutes", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedCanary, 10, 5},
    {"CodeDeployDefault.LambdaCanary10Percent10Minutes", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedCanary, 10, 10},
    {"CodeDeployDefault.LambdaCanary10Percent15Minutes", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedCanary, 10, 15},
    {"CodeDeployDefault.LambdaCanary10Percent30Minutes", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedCanary, 10, 30},
    {"CodeDeployDefault.LambdaLinear10PercentEvery1Minute", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedLinear, 10, 1},
    {"CodeDeployDefault.LambdaLinear10PercentEvery2Minutes", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedLinear, 10, 2},
    {"CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedLinear, 10, 3},
    {"CodeDeployDefault.LambdaLinear10PercentEvery10Minutes", Platform::Lambda, MH::HostCount, 0, TR::TimeBasedLinear, 10, 10},
    {"CodeDeployDefault.LambdaAllAtOnce", Platform::Lambda, MH::HostCount, 0, TR::AllAtOnce, 100, 0},
    {"CodeDeployDefault.ECSLinear10PercentEvery1Minutes", Platform::Ecs, MH::HostCount, 0, TR::TimeBasedLinear, 10, 1},
    {"CodeDeployDefault.ECSLinear10PercentEvery3Minutes", Platform::Ecs, MH::HostCount, 0, TR::TimeBasedLinear, 10, 3},
    {"CodeDeployDefault.ECSCanary10Percent5Minutes", Platform::Ecs, MH::HostCount, 0, TR::TimeBasedCanary, 10, 5},
    {"CodeDeployDefault.ECSCanary10Percent15Minutes", Platform::Ecs, MH::HostCount, 0, TR::TimeBasedCanary, 10, 15},
    {"CodeDeployDefault.ECSAllAtOnce", Platform::Ecs, MH::HostCount, 0, TR::AllAtOnce, 100, 0},
};

constexpr std::string_view kLambdaPrefix = "CodeDeployDefault.Lambda";

const char *kBeanstalkNames[] = {"AllAtOnce", "Rolling", "RollingWithAdditionalBatch",
                                 "Immutable", "TrafficSplitting", "BlueGreen"};

const char *kEcsNames[] = {"CODE_DEPLOY", "ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"};

// A percentage with at most one decimal (ECS takes multiples of 0.1).
bool parseTenths(const std::string &text, double *out)
{
    const auto dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string tenth = dot == std::string::npos ? std::string() : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 3 || (dot != std::string::npos && tenth.size() != 1))
        return false;
    for (char c : whole + tenth) {
        if (c < '0' || c > '9')
            return false;
    }
    *out = std::atoi(whole.c_str()) + (tenth.empty() ? 0.0 : (tenth[0] - '0') / 10.0);
    return true;
}

bool parseInt(const std::string &text, int *out)
{
    if (text.empty() || text.size() > 9)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    *out = std::atoi(text.c_str());
    return true;
}

std::vector<std::string> split(const std::string &text, char sep)
{
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    for (;;) {
        auto pos = text.find(sep, start);
        parts.push_back(text.substr(start, pos - start));
        if (pos == std::string::npos)
            return parts;
        start = pos + 1;
    }
}

std::string acceptedForms(Platform platform)
{
    switch (platform) {
    case Platform::Server:
        return "CodeDeployDefault.OneAtATime, CodeDeployDefault.HalfAtATime, "
               "CodeDeployDefault.AllAtOnce, min-healthy:COUNT or min-healthy:PERCENT%, "
               "zonal:MONITOR_SECONDS[:FIRST_ZONE_SECONDS]";
    case Platform::Lambda:
        return "CodeDeployDefault.Lambda* names, SAM names such as Canary10Percent5Minutes, "
               "AllAtOnce, canary:PERCENT:MINUTES or linear:PERCENT:MINUTES";
    case Platform::Ecs:
        return "CodeDeployDefault.ECS* names, AllAtOnce, canary:PERCENT:MINUTES or "
               "linear:PERCENT:MINUTES (CODE_DEPLOY controller); ROLLING, BLUE_GREEN, CANARY, LINEAR, "
               "ecs-canary:PERCENT:MINUTES, ecs-linear:PERCENT:MINUTES or ecs-rolling:MIN%:MAX% (ECS controller)";
    case Platform::Route53:
        return "AllAtOnce, canary:PERCENT:MINUTES or linear:PERCENT:MINUTES";
    case Platform::ElasticBeanstalk:
        return "AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable, TrafficSplitting, BlueGreen";
    case Platform::AutoScaling:
        return "AutoScalingRollingUpdate, AutoScalingReplacingUpdate, InstanceRefresh or "
               "refresh[:min=PERCENT][:max=PERCENT][:checkpoints=P/P/...][:skip-matching][:matching=K]";
    }
    return {};
}

// ECS controller strategies: the four names, and custom canary, linear and rolling forms with
// the ranges ECS documents (reference §11).
bool parseEcsStrategy(const std::string &name, const std::vector<std::string> &parts, Strategy *s)
{
    for (auto strategy : {EcsStrategy::Rolling, EcsStrategy::BlueGreen, EcsStrategy::Canary, EcsStrategy::Linear}) {
        if (name == ecsStrategyName(strategy)) {
            s->ecs.strategy = strategy;
            return true;
        }
    }
    if (parts.size() != 3)
        return false;
    double percent = 0;
    int minutes = 0;
    if (parts[0] == "ecs-canary" || parts[0] == "ecs-linear") {
        const bool canary = parts[0] == "ecs-canary";
        if (!parseTenths(parts[1], &percent) || !parseInt(parts[2], &minutes) || minutes > 1440 ||
            percent < (canary ? 0.1 : 3.0) || percent > 100)
            throw StrategyError("strategy \"" + name + "\" needs " +
                                (canary ? "a CanaryPercent of 0.1-100" : "a StepPercent of 3-100") +
                                " (multiples of 0.1) and a bake time of 0-1440 whole minutes");
        s->ecs.strategy = canary ? EcsStrategy::Canary : EcsStrategy::Linear;
        (canary ? s->ecs.canaryPercent : s->ecs.stepPercent) = percent;
        (canary ? s->ecs.canaryBakeMinutes : s->ecs.stepBakeMinutes) = minutes;
        return true;
    }
    if (parts[0] == "ecs-rolling") {
        std::string min = parts[1];
        std::string max = parts[2];
        for (auto *v : {&min, &max}) {
            if (!v->empty() && v->back() == '%')
                v->pop_back();
        }
        int lo = 0;
        int hi = 0;
        if (!parseInt(min, &lo) || !parseInt(max, &hi) || lo > 100 || hi < 100 || hi > 200)
            throw StrategyError("strategy \"" + name + "\" needs MinimumHealthyPercent 0-100 and MaximumPercent "
                                "100-200: ecs-rolling:MIN%:MAX%");
        s->ecs.strategy = EcsStrategy::Rolling;
        s->ecs.minimumHealthyPercent = lo;
        s->ecs.maximumPercent = hi;
        return true;
    }
    return false;
}

// refresh[:min=P][:max=P][:checkpoints=P/P/...][:skip-matching][:matching=K], with the ranges of
// RefreshPreferences.
bool parseRefreshTokens(const std::vector<std::string> &parts, InstanceRefreshPreferences *r)
{
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto &token = parts[i];
        const auto eq = token.find('=');
        const std::string key = token.substr(0, eq);
        const std::string value = eq == std::string::npos ? std::string() : token.substr(eq + 1);
        int n = 0;
        if (token == "skip-matching") {
            r->skipMatching = true;
        } else if (key == "min" && parseInt(value, &n) && n <= 100) {
            r->minHealthyPercentage = n;
        } else if (key == "max" && parseInt(value, &n) && n >= 100 && n <= 200) {
            r->maxHealthyPercentage = n;
        } else if (key == "matching" && parseInt(value, &n)) {
            r->matchingInstances = n;
        } else if (key == "checkpoints" && !value.empty()) {
            r->checkpointPercentages.clear();
            for (const auto &p : split(value, '/')) {
                if (!parseInt(p, &n) || n < 1 || n > 100 ||
                    (!r->checkpointPercentages.empty() && n <= r->checkpointPercentages.back()))
                    return false;
                r->checkpointPercentages.push_back(n);
            }
        } else {
            return false;
        }
    }
    return r->maxHealthyPercentage - r->minHealthyPercentage <= 100;
}

[[noreturn]] void reject(const std::string &name, Platform platform, const std::string &why)
{
    throw StrategyError("strategy \"" + name + "\" " + why + " for a " + platformName(platform) +
                        " target; use " + acceptedForms(platform));
}

} // namespace

std::string ecsStrategyName(EcsStrategy strategy)
{
    return kEcsNames[static_cast<int>(strategy)];
}

std::string platformName(Platform platform)
{
    switch (platform) {
    case Platform::Server: return "Server";
    case Platform::Lambda: return "Lambda";
    case Platform::Ecs: return "ECS";
    case Platform::ElasticBeanstalk: return "ElasticBeanstalk";
    case Platform::AutoScaling: return "AutoScaling";
    case Platform::Route53: return "Route53";
    }
    return "Server";
}

Platform platformFromString(const std::string &text)
{
    for (auto p : {Platform::Server, Platform::Lambda, Platform::Ecs, Platform::ElasticBeanstalk,
                   Platform::AutoScaling, Platform::Route53}) {
        if (platformName(p) == text)
            return p;
    }
    throw std::invalid_argument("unknown platform \"" + text + '"');
}

std::string policyName(BeanstalkPolicy policy)
{
    return kBeanstalkNames[static_cast<int>(policy)];
}

bool predefinedCodeDeployConfig(const std::string &name, Platform *platform, Strategy *strategy)
{
    for (const auto &p : kPredefined) {
        if (name != p.name)
            continue;
        if (platform)
            *platform = p.platform;
        if (strategy) {
            strategy->name = p.name;
            strategy->ecs.strategy = EcsStrategy::CodeDeploy;
            strategy->minimumHealthyHosts = {p.minType, p.minValue};
            strategy->trafficRouting = {p.routing, p.percentage, p.minutes};
        }
        return true;
    }
    return false;
}

std::vector<std::string> predefinedStrategyNames(Platform platform)
{
    std::vector<std::string> names;
    for (const auto &p : kPredefined) {
        if (p.platform == platform)
            names.emplace_back(p.name);
    }
    if (platform == Platform::ElasticBeanstalk)
        names.assign(std::begin(kBeanstalkNames), std::end(kBeanstalkNames));
    if (platform == Platform::AutoScaling)
        names = {"AutoScalingRollingUpdate", "AutoScalingReplacingUpdate", "InstanceRefresh"};
    if (platform == Platform::Ecs)
        names.insert(names.end(), {"ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"});
    return names;
}

std::vector<std::string> customStrategyForms(Platform platform)
{
    switch (platform) {
    case Platform::Server: return {"min-healthy:COUNT", "min-healthy:PERCENT%", "zonal:MONITOR_SECONDS[:FIRST_ZONE_SECONDS]"};
    case Platform::Ecs:
        return {"canary:PERCENT:MINUTES", "linear:PERCENT:MINUTES", "ecs-canary:PERCENT:MINUTES",
                "ecs-linear:PERCENT:MINUTES", "ecs-rolling:MIN%:MAX%"};
    case Platform::Lambda:
    case Platform::Route53: return {"canary:PERCENT:MINUTES", "linear:PERCENT:MINUTES"};
    case Platform::ElasticBeanstalk: return {};
    case Platform::AutoScaling:
        return {"refresh[:min=PERCENT][:max=PERCENT][:checkpoints=P/P/...][:skip-matching][:matching=K]"};
    }
    return {};
}

Strategy defaultStrategy(Platform platform)
{
    Strategy s;
    switch (platform) {
    case Platform::Server: // a deployment group that names no configuration
        predefinedCodeDeployConfig("CodeDeployDefault.OneAtATime", nullptr, &s);
        break;
    case Platform::Lambda:
        predefinedCodeDeployConfig("CodeDeployDefault.LambdaAllAtOnce", nullptr, &s);
        break;
    case Platform::Ecs: // CDK's EcsDeploymentGroup default
        predefinedCodeDeployConfig("CodeDeployDefault.ECSAllAtOnce", nullptr, &s);
        break;
    case Platform::ElasticBeanstalk: // aws:elasticbeanstalk:command DeploymentPolicy default
        s.name = "AllAtOnce";
        s.beanstalkPolicy = BeanstalkPolicy::AllAtOnce;
        break;
    case Platform::AutoScaling:
        s.name = "AutoScalingRollingUpdate";
        break;
    case Platform::Route53: // AWS defines no schedule for weighted records: our assumption
        s.name = "linear:10:5";
        s.trafficRouting = {TrafficRouting::Type::TimeBasedLinear, 10, 5};
        break;
    }
    return s;
}

Strategy parseStrategy(const std::string &name, Platform platform, const Strategy &base)
{
    Strategy s = base;
    s.name = name;
    Platform predefinedPlatform;
    if (predefinedCodeDeployConfig(name, &predefinedPlatform, &s)) {
        if (predefinedPlatform != platform)
            reject(name, platform, "is a " + platformName(predefinedPlatform) + " configuration, not valid");
        return s;
    }
    const bool traffic = platform == Platform::Lambda || platform == Platform::Ecs ||
                         platform == Platform::Route53;
    if (platform == Platform::Lambda) {
        // SAM's DeploymentPreference Type: rewritten to CodeDeployDefault.Lambda<Type>.
        const std::string full = std::string(kLambdaPrefix) + name;
        if (predefinedCodeDeployConfig(full, nullptr, &s))
            return s;
    }
    if (traffic && name == "AllAtOnce") {
        s.trafficRouting = {TrafficRouting::Type::AllAtOnce, 100, 0};
        return s;
    }
    const auto parts = split(name, ':');
    if (traffic && parts.size() == 3 && (parts[0] == "canary" || parts[0] == "linear")) {
        int percent = 0;
        int minutes = 0;
        if (!parseInt(parts[1], &percent) || !parseInt(parts[2], &minutes) || percent < 1 ||
            percent > 100 || (parts[0] == "canary" && percent > 99))
            reject(name, platform, "needs a percentage of 1-100 (canary 1-99) and whole minutes,");
        s.trafficRouting = {parts[0] == "canary" ? TrafficRouting::Type::TimeBasedCanary
                                                 : TrafficRouting::Type::TimeBasedLinear,
                            percent, minutes};
        return s;
    }
    if (platform == Platform::Server && parts.size() == 2 && parts[0] == "min-healthy") {
        std::string value = parts[1];
        const bool percent = !value.empty() && value.back() == '%';
        if (percent)
            value.pop_back();
        int n = 0;
        if (!parseInt(value, &n) || (percent && n > 100))
            reject(name, platform, "needs a whole COUNT or a PERCENT% of 0-100,");
        s.minimumHealthyHosts = {percent ? MinimumHealthyHosts::Type::FleetPercent
                                         : MinimumHealthyHosts::Type::HostCount,
                                 n};
        return s;
    }
    if (platform == Platform::ElasticBeanstalk) {
        for (int i = 0; i < 6; ++i) {
            if (name == kBeanstalkNames[i]) {
                s.beanstalkPolicy = static_cast<BeanstalkPolicy>(i);
                return s;
            }
        }
    }
    if (platform == Platform::Ecs && parseEcsStrategy(name, parts, &s))
        return s;
    if (platform == Platform::Server && parts.size() >= 2 && parts.size() <= 3 && parts[0] == "zonal") {
        int monitor = 0;
        int first = 0;
        if (!parseInt(parts[1], &monitor) || (parts.size() == 3 && !parseInt(parts[2], &first)))
            reject(name, platform, "needs whole seconds: zonal:MONITOR_SECONDS[:FIRST_ZONE_SECONDS],");
        s.zonal.enabled = true;
        s.zonal.monitorSeconds = monitor;
        s.zonal.firstZoneMonitorSeconds = parts.size() == 3 ? std::optional<Seconds>(first) : std::nullopt;
        return s;
    }
    if (platform == Platform::AutoScaling && (name == "InstanceRefresh" || name == "AutoScalingInstanceRefresh" ||
                                              parts[0] == "refresh")) {
        s.name = name == "AutoScalingInstanceRefresh" ? "InstanceRefresh" : name;
        s.autoScalingPolicy = AutoScalingPolicy::InstanceRefresh;
        if (parts[0] == "refresh" && !parseRefreshTokens(parts, &s.refresh))
            reject(name, platform, "has a token it does not know or a value out of range,");
        return s;
    }
    if (platform == Platform::AutoScaling) {
        if (name == "AutoScalingRollingUpdate" || name == "RollingUpdate") {
            s.name = "AutoScalingRollingUpdate";
            s.autoScalingPolicy = AutoScalingPolicy::RollingUpdate;
            return s;
        }
        if (name == "AutoScalingReplacingUpdate" || name == "ReplacingUpdate") {
            s.name = "AutoScalingReplacingUpdate";
            s.autoScalingPolicy = AutoScalingPolicy::ReplacingUpdate;
            return s;
        }
    }
    reject(name, platform, "is not known");
}

std::vector<TrafficStep> trafficSchedule(const TrafficRouting &routing)
{
    std::vector<TrafficStep> steps;
    const Seconds interval = Seconds(routing.intervalMinutes) * 60;
    switch (routing.type) {
    case TrafficRouting::Type::AllAtOnce:
        steps.push_back({0, 100});
        break;
    case TrafficRouting::Type::TimeBasedCanary:
        steps.push_back({0, double(routing.percentage)});
        steps.push_back({interval, 100});
        break;
    case TrafficRouting::Type::TimeBasedLinear: {
        const int p = routing.percentage < 1 ? 1 : routing.percentage;
        int k = 0;
        for (int percent = p;; percent += p, ++k) {
            steps.push_back({interval * k, double(percent > 100 ? 100 : percent)});
            if (percent >= 100)
                break;
        }
        break;
    }
    }
    return steps;
}

} // namespace sc
