// ScenarioBuilder: what the template says about ECS's own deployments (reference §11), an Auto
// Scaling group's instance refresh, lifecycle hooks and Availability Zones (§8.2, §12), a
// CodeDeploy configuration's ZonalConfig (§1.3), and the price of one unit of the fleet.

#include "model/rollout/pricetable.h"
#include "model/rollout/scenariobuilder.h"

#include <cmath>

namespace sc {

namespace {

constexpr auto child = &TemplateLookup::child;

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

Scenario ScenarioBuilder::fromEcsNative(const std::string &id) const
{
    Scenario s;
    s.platform = Platform::Ecs;
    if (auto desired = m_lookup.integer(m_lookup.property(id, "DesiredCount"))) {
        s.instances = static_cast<int>(*desired);
    } else {
        s.instances = 1;
        s.notes.push_back("no DesiredCount: 1 task assumed");
    }
    const Json *dc = m_lookup.property(id, "DeploymentConfiguration");
    auto &ecs = s.strategy.ecs;
    const auto strategy = m_lookup.string(child(dc, "Strategy")).value_or("ROLLING");
    if (strategy != "ROLLING" && strategy != "BLUE_GREEN" && strategy != "CANARY" && strategy != "LINEAR")
        throw ScenarioError(id + ": DeploymentConfiguration.Strategy \"" + strategy +
                            "\" is not one of ROLLING, BLUE_GREEN, CANARY, LINEAR");
    s.strategy = parseStrategy(strategy, Platform::Ecs, defaultStrategy(Platform::Ecs));
    if (const Json *c = child(dc, "CanaryConfiguration")) {
        if (auto p = m_lookup.number(child(c, "CanaryPercent")))
            ecs.canaryPercent = *p;
        ecs.canaryBakeMinutes = int(m_lookup.integer(child(c, "CanaryBakeTimeInMinutes")).value_or(ecs.canaryBakeMinutes));
    }
    if (const Json *l = child(dc, "LinearConfiguration")) {
        if (auto p = m_lookup.number(child(l, "StepPercent")))
            ecs.stepPercent = *p;
        ecs.stepBakeMinutes = int(m_lookup.integer(child(l, "StepBakeTimeInMinutes")).value_or(ecs.stepBakeMinutes));
    }
    if (ecs.strategy == EcsStrategy::Linear && ecs.stepPercent < 3)
        throw ScenarioError(id + ": LinearConfiguration.StepPercent must be at least 3");
    if (ecs.strategy == EcsStrategy::Canary && ecs.canaryPercent <= 0)
        throw ScenarioError(id + ": CanaryConfiguration.CanaryPercent must be above 0");
    if (auto bake = m_lookup.integer(child(dc, "BakeTimeInMinutes")))
        s.timing.setMinutes(timing::EcsBakeTime, *bake);
    else if (ecs.strategy != EcsStrategy::Rolling)
        s.notes.push_back("no BakeTimeInMinutes: ecs.bakeTime assumed (change it with --set ecs.bakeTime=SECONDS)");
    // Read whole before narrowing, so a value far out of range is refused rather than wrapped.
    const auto minimum = m_lookup.integer(child(dc, "MinimumHealthyPercent")).value_or(100);
    const auto maximum = m_lookup.integer(child(dc, "MaximumPercent")).value_or(200);
    if (minimum < 0 || minimum > 100)
        throw ScenarioError(id + ": DeploymentConfiguration.MinimumHealthyPercent must be 0-100, not " +
                            std::to_string(minimum));
    if (maximum < 0 || maximum > 1000)
        throw ScenarioError(id + ": DeploymentConfiguration.MaximumPercent " + std::to_string(maximum) +
                            " is outside what the simulator plays (0-1000)");
    ecs.minimumHealthyPercent = int(minimum);
    ecs.maximumPercent = int(maximum);
    const Json *breaker = child(dc, "DeploymentCircuitBreaker");
    ecs.circuitBreaker = m_lookup.boolean(child(breaker, "Enable")).value_or(false);
    ecs.circuitBreakerRollback = m_lookup.boolean(child(breaker, "Rollback")).value_or(false);
    if (const Json *alarms = child(dc, "Alarms")) {
        s.alarmsEnabled = m_lookup.boolean(child(alarms, "Enable")).value_or(false);
        if (const Json *names = child(alarms, "AlarmNames"); names && names->is_array()) {
            for (const auto &a : *names) {
                if (auto name = m_lookup.string(&a))
                    s.alarms.push_back(*name);
                else if (auto alarm = m_lookup.referencedResource(a))
                    s.alarms.push_back(*alarm);
            }
        }
        const bool rollback = m_lookup.boolean(child(alarms, "Rollback")).value_or(false);
        s.rollback = {rollback, false, rollback, false};
    }
    if (const Json *hooks = child(dc, "LifecycleHooks"); hooks && hooks->is_array()) {
        for (const auto &hook : *hooks) {
            if (const Json *stages = child(&hook, "LifecycleStages"); stages && stages->is_array()) {
                for (const auto &stage : *stages) {
                    if (auto name = m_lookup.string(&stage); name && !s.hasHook(*name))
                        s.hooks.push_back(*name);
                }
            }
        }
    }
    if (const Json *lbs = m_lookup.property(id, "LoadBalancers"); lbs && lbs->is_array() && !lbs->empty()) {
        s.loadBalancer = true;
        for (const auto &lb : *lbs)
            s.testListener |= child(child(&lb, "AdvancedConfiguration"), "TestListenerRule") != nullptr;
    }
    s.notes.push_back("deployed by ECS itself (DeploymentController ECS), strategy " + ecsStrategyName(ecs.strategy));
    return s;
}

bool ScenarioBuilder::codeDeployStrategyName(const std::string &name)
{
    return predefinedCodeDeployConfig(name, nullptr, nullptr) || name == "AllAtOnce" || startsWith(name, "canary:") ||
           startsWith(name, "linear:");
}

void ScenarioBuilder::readLifecycleHooks(const std::string &asgId, Scenario &s) const
{
    auto add = [&](const Json *hook, const std::string &fallbackName) {
        LifecycleHookSpec spec;
        spec.name = m_lookup.string(child(hook, "LifecycleHookName")).value_or(fallbackName);
        spec.launching =
            m_lookup.string(child(hook, "LifecycleTransition")).value_or("") == "autoscaling:EC2_INSTANCE_LAUNCHING";
        spec.heartbeatSeconds = m_lookup.integer(child(hook, "HeartbeatTimeout")).value_or(3600);
        spec.defaultContinue = m_lookup.string(child(hook, "DefaultResult")).value_or("ABANDON") == "CONTINUE";
        s.lifecycleHooks.push_back(spec);
    };
    for (const auto &hookId : m_lookup.resourcesOfType("AWS::AutoScaling::LifecycleHook")) {
        const Json *group = m_lookup.property(hookId, "AutoScalingGroupName");
        if (group && m_lookup.mentions(*group, asgId))
            add(child(m_lookup.resource(hookId), "Properties"), hookId);
    }
    if (const Json *list = m_lookup.property(asgId, "LifecycleHookSpecificationList"); list && list->is_array()) {
        for (const auto &hook : *list)
            add(&hook, "hook");
    }
    for (const auto &hook : s.lifecycleHooks)
        s.notes.push_back("lifecycle hook " + hook.name + " (" + (hook.launching ? "launch" : "terminate") +
                          ", HeartbeatTimeout " + std::to_string(hook.heartbeatSeconds) + " s, DefaultResult " +
                          (hook.defaultContinue ? "CONTINUE" : "ABANDON") + ")");
}

int ScenarioBuilder::availabilityZones(const std::string &asgId) const
{
    for (const char *name : {"VPCZoneIdentifier", "AvailabilityZones"}) {
        const Json *list = m_lookup.property(asgId, name);
        if (list && list->is_array() && !list->empty())
            return static_cast<int>(list->size());
    }
    return 0;
}

const Json *ScenarioBuilder::launchTemplateOf(const std::string &asgId, std::string *version) const
{
    const Json *spec = m_lookup.property(asgId, "LaunchTemplate");
    if (!spec)
        spec = child(child(m_lookup.property(asgId, "MixedInstancesPolicy"), "LaunchTemplate"),
                     "LaunchTemplateSpecification");
    if (!spec)
        return nullptr;
    if (version)
        *version = m_lookup.string(child(spec, "Version")).value_or("");
    for (const char *key : {"LaunchTemplateId", "LaunchTemplateName"}) {
        if (const Json *ref = child(spec, key)) {
            if (auto id = m_lookup.referencedResource(*ref))
                return m_lookup.property(*id, "LaunchTemplateData");
        }
    }
    return nullptr;
}

std::optional<std::string> ScenarioBuilder::instanceTypeOf(const std::string &asgId) const
{
    if (const Json *data = launchTemplateOf(asgId, nullptr)) {
        if (auto type = m_lookup.string(child(data, "InstanceType")))
            return type;
    }
    if (const Json *overrides = child(child(m_lookup.property(asgId, "MixedInstancesPolicy"), "LaunchTemplate"), "Overrides");
        overrides && overrides->is_array() && !overrides->empty()) {
        if (auto type = m_lookup.string(child(&(*overrides)[0], "InstanceType")))
            return type;
    }
    if (const Json *config = m_lookup.property(asgId, "LaunchConfigurationName")) {
        if (auto id = m_lookup.referencedResource(*config))
            return m_lookup.string(m_lookup.property(*id, "InstanceType"));
    }
    return std::nullopt;
}

// An instance refresh cannot roll back a group on $Latest or $Default, or whose AMI comes from
// a Systems Manager parameter (RefreshPreferences AutoRollback).
bool ScenarioBuilder::refreshCanRollBack(const std::string &asgId) const
{
    std::string version;
    const Json *data = launchTemplateOf(asgId, &version);
    if (version == "$Latest" || version == "$Default")
        return false;
    const Json *image = child(data, "ImageId");
    if (!image)
        return true;
    if (auto text = m_lookup.string(image); text && (startsWith(*text, "{{resolve:ssm:") || startsWith(*text, "resolve:ssm:")))
        return false;
    if (image->is_object() && image->contains("Ref") && (*image)["Ref"].is_string()) {
        const Json *param = child(child(&m_root, "Parameters"), (*image)["Ref"].get<std::string>().c_str());
        const auto type = m_lookup.string(child(param, "Type")).value_or("");
        if (startsWith(type, "AWS::SSM::Parameter::Value"))
            return false;
    }
    return true;
}

void ScenarioBuilder::readInstanceRefresh(const std::string &id, const Json *policy, Scenario &s) const
{
    s.strategy.name = "InstanceRefresh";
    s.strategy.autoScalingPolicy = AutoScalingPolicy::InstanceRefresh;
    auto &prefs = s.strategy.refresh;
    // The group's InstanceMaintenancePolicy gives the defaults a refresh does not set.
    const Json *maintenance = m_lookup.property(id, "InstanceMaintenancePolicy");
    prefs.minHealthyPercentage = int(m_lookup.integer(child(maintenance, "MinHealthyPercentage")).value_or(90));
    prefs.maxHealthyPercentage = int(m_lookup.integer(child(maintenance, "MaxHealthyPercentage")).value_or(100));
    const auto strategy = m_lookup.string(child(policy, "Strategy")).value_or("Rolling");
    if (policy && strategy != "Rolling")
        throw ScenarioError(id + ": AutoScalingInstanceRefresh Strategy " + strategy +
                            " replaces root volumes in place; only Rolling is rehearsed");
    const Json *p = child(policy, "Preferences");
    prefs.minHealthyPercentage = int(m_lookup.integer(child(p, "MinHealthyPercentage")).value_or(prefs.minHealthyPercentage));
    prefs.maxHealthyPercentage = int(m_lookup.integer(child(p, "MaxHealthyPercentage")).value_or(prefs.maxHealthyPercentage));
    if (prefs.minHealthyPercentage < 0 || prefs.minHealthyPercentage > 100 || prefs.maxHealthyPercentage < 100 ||
        prefs.maxHealthyPercentage > 200 || prefs.maxHealthyPercentage - prefs.minHealthyPercentage > 100)
        throw ScenarioError(id + ": MinHealthyPercentage must be 0-100, MaxHealthyPercentage 100-200, at most 100 apart");
    prefs.skipMatching = m_lookup.boolean(child(p, "SkipMatching")).value_or(false);
    if (const Json *checkpoints = child(p, "CheckpointPercentages"); checkpoints && checkpoints->is_array()) {
        for (const auto &c : *checkpoints) {
            const auto v = m_lookup.integer(&c);
            if (!v || *v < 1 || *v > 100 || (!prefs.checkpointPercentages.empty() && *v <= prefs.checkpointPercentages.back()))
                throw ScenarioError(id + ": CheckpointPercentages must be unique values of 1-100 in ascending order");
            prefs.checkpointPercentages.push_back(int(*v));
        }
    }
    if (auto delay = m_lookup.integer(child(p, "CheckpointDelay")))
        s.timing.set(timing::RefreshCheckpointDelay, *delay);
    if (auto bake = m_lookup.integer(child(p, "BakeTime")))
        s.timing.set(timing::RefreshBakeTime, *bake);
    if (auto warmup = m_lookup.integer(child(p, "InstanceWarmup")))
        s.timing.set(timing::RefreshWarmup, *warmup);
    else if (auto group = m_lookup.integer(m_lookup.property(id, "DefaultInstanceWarmup")))
        s.timing.set(timing::RefreshWarmup, *group);
    else if (auto grace = m_lookup.integer(m_lookup.property(id, "HealthCheckGracePeriod")))
        s.timing.set(timing::RefreshWarmup, *grace);
    if (const Json *alarms = child(child(p, "AlarmSpecification"), "Alarms"); alarms && alarms->is_array()) {
        for (const auto &a : *alarms) {
            if (auto name = m_lookup.string(&a))
                s.alarms.push_back(*name);
            else if (auto alarm = m_lookup.referencedResource(a))
                s.alarms.push_back(*alarm);
        }
        s.alarmsEnabled = !s.alarms.empty();
    }
    s.rollbackSupported = refreshCanRollBack(id);
    if (!s.rollbackSupported)
        s.notes.push_back("launch template version $Latest or $Default, or an AMI from a Systems Manager "
                          "parameter: a failed refresh cannot roll back");
}

void ScenarioBuilder::readPrice(Scenario &s, const BuildOptions &options) const
{
    const PriceTable &table = options.prices ? *options.prices : PriceTable::builtIn();
    const std::string type = m_lookup.type(s.target);
    std::optional<std::string> instanceType;
    if (s.platform == Platform::Lambda) {
        s.price = table.lambdaHook(128);
        return;
    }
    if (s.platform == Platform::Route53)
        return;
    if (type == "AWS::AutoScaling::AutoScalingGroup") {
        instanceType = instanceTypeOf(s.target);
    } else if (type == "AWS::CodeDeploy::DeploymentGroup" && s.platform == Platform::Server) {
        if (const Json *groups = m_lookup.property(s.target, "AutoScalingGroups"); groups && groups->is_array()) {
            for (const auto &g : *groups) {
                if (auto asg = m_lookup.referencedResource(g); asg && !instanceType)
                    instanceType = instanceTypeOf(*asg);
            }
        }
        for (const auto &instance : m_lookup.resourcesOfType("AWS::EC2::Instance")) {
            if (!instanceType)
                instanceType = m_lookup.string(m_lookup.property(instance, "InstanceType"));
        }
    } else if (type == "AWS::ElasticBeanstalk::Environment") {
        const auto options = beanstalkOptions(s.target);
        if (auto it = options.find("aws:autoscaling:launchconfiguration:InstanceType"); it != options.end())
            instanceType = it->second;
        else if (auto types = options.find("aws:ec2:instances:InstanceTypes"); types != options.end())
            instanceType = types->second.substr(0, types->second.find(','));
    } else if (s.platform == Platform::Ecs) {
        std::string service = s.target;
        if (type != "AWS::ECS::Service") {
            for (const auto &candidate : m_lookup.resourcesOfType("AWS::ECS::Service")) {
                const Json *services = m_lookup.property(s.target, "ECSServices");
                if (services && m_lookup.mentions(*services, candidate))
                    service = candidate;
            }
        }
        const Json *taskDef = m_lookup.property(service, "TaskDefinition");
        const auto taskId = taskDef ? m_lookup.referencedResource(*taskDef) : std::nullopt;
        const auto cpu = taskId ? m_lookup.number(m_lookup.property(*taskId, "Cpu")) : std::nullopt;
        const auto memory = taskId ? m_lookup.number(m_lookup.property(*taskId, "Memory")) : std::nullopt;
        const Json *compatibilities = taskId ? m_lookup.property(*taskId, "RequiresCompatibilities") : nullptr;
        const bool fargate = m_lookup.string(m_lookup.property(service, "LaunchType")).value_or("") == "FARGATE" ||
                             (compatibilities && compatibilities->dump().find("FARGATE") != std::string::npos);
        if (fargate && cpu && memory) {
            s.price = table.fargateTask(*cpu / 1024.0, *memory / 1024.0);
            return;
        }
        s.notes.push_back("no cost estimate: tasks priced as Fargate tasks need the task definition's Cpu and Memory");
        return;
    }
    if (!instanceType) {
        s.notes.push_back("no cost estimate: the template does not say which instance type the fleet uses");
        return;
    }
    if (auto price = table.ec2(*instanceType)) {
        s.price = price;
        return;
    }
    s.notes.push_back("no cost estimate: " + *instanceType + " is not in the price table (add it to prices.json)");
}

} // namespace sc
