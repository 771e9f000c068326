#include "model/rollout/scenariobuilder.h"

#include <algorithm>

namespace sc {

namespace {

constexpr auto child = &TemplateLookup::child;

const std::vector<std::string> kDeployableTypes = {
    "AWS::CodeDeploy::DeploymentGroup", "AWS::Lambda::Alias", "AWS::Serverless::Function",
    "AWS::ECS::Service", "AWS::ElasticBeanstalk::Environment", "AWS::AutoScaling::AutoScalingGroup",
    "AWS::Route53::RecordSet"};

} // namespace

ScenarioBuilder::ScenarioBuilder(const Json &templateRoot)
    : m_root(templateRoot)
    , m_lookup(templateRoot)
{
}

std::vector<std::string> ScenarioBuilder::deployableTargets() const
{
    std::vector<std::string> out;
    auto resources = m_root.find("Resources");
    if (!m_root.is_object() || resources == m_root.end() || !resources->is_object())
        return out;
    for (const auto &[id, value] : resources->items()) {
        const auto type = m_lookup.type(id);
        if (std::find(kDeployableTypes.begin(), kDeployableTypes.end(), type) != kDeployableTypes.end())
            out.push_back(id);
    }
    return out;
}

std::vector<DeployableTarget> ScenarioBuilder::targets() const
{
    std::vector<DeployableTarget> out;
    for (const auto &id : deployableTargets()) {
        DeployableTarget target{id, m_lookup.type(id), std::nullopt, {}, {}, {}, {}};
        try {
            const Scenario s = build(id);
            target.platform = s.platform;
            target.strategy = s.strategy.name;
            std::vector<std::string> names = predefinedStrategyNames(s.platform);
            for (const auto &config : m_lookup.resourcesOfType("AWS::CodeDeploy::DeploymentConfig")) {
                const auto platform = m_lookup.string(m_lookup.property(config, "ComputePlatform")).value_or("Server");
                if (platform == platformName(s.platform) || (platform == "ECS" && s.platform == Platform::Ecs))
                    names.push_back(m_lookup.string(m_lookup.property(config, "DeploymentConfigName")).value_or(config));
            }
            for (const auto &name : names) {
                BuildOptions options;
                options.strategy = name;
                try {
                    build(id, options);
                    target.strategies.push_back(name);
                } catch (const std::invalid_argument &) {
                    // A configuration this target cannot take (an NLB, a single instance...).
                }
            }
            for (const auto &form : customStrategyForms(s.platform)) {
                const bool native = form.compare(0, 4, "ecs-") == 0;
                if (s.platform != Platform::Ecs || native == (s.strategy.ecs.strategy != EcsStrategy::CodeDeploy))
                    target.customForms.push_back(form);
            }
        } catch (const std::invalid_argument &e) {
            target.error = e.what();
        }
        out.push_back(std::move(target));
    }
    return out;
}

Scenario ScenarioBuilder::build(const std::string &target, const BuildOptions &options) const
{
    if (!m_lookup.resource(target))
        throw ScenarioError("no resource \"" + target + "\" in the template");
    const auto type = m_lookup.type(target);
    Scenario s;
    if (type == "AWS::CodeDeploy::DeploymentGroup")
        s = fromDeploymentGroup(target, options);
    else if (type == "AWS::Lambda::Alias")
        s = fromAlias(target);
    else if (type == "AWS::Serverless::Function")
        s = fromServerlessFunction(target);
    else if (type == "AWS::ECS::Service")
        s = fromEcsService(target);
    else if (type == "AWS::ElasticBeanstalk::Environment")
        s = fromBeanstalkEnvironment(target);
    else if (type == "AWS::AutoScaling::AutoScalingGroup")
        s = fromAutoScalingGroup(target);
    else if (type == "AWS::Route53::RecordSet")
        s = fromRecordSet(target);
    else
        throw ScenarioError(target + " (" + type +
                            ") cannot be deployed: pick a CodeDeploy deployment group, a Lambda alias or "
                            "SAM function with a DeploymentPreference, an ECS service, an Elastic "
                            "Beanstalk environment, an Auto Scaling group with an UpdatePolicy or a "
                            "weighted Route 53 record");
    s.target = target;
    readTrafficPath(s);
    applyOptions(s, options);
    if (s.platform == Platform::Server && s.strategy.zonal.enabled && s.zones == 0) {
        s.zones = 3;
        s.notes.push_back("zonal deployment: the template does not say how many Availability Zones the "
                          "fleet spans; 3 assumed");
    }
    readPrice(s, options);
    checkSupported(s);
    validateScenario(s);
    return s;
}

void ScenarioBuilder::applyOptions(Scenario &s, const BuildOptions &options) const
{
    if (options.instances) {
        s.instances = *options.instances;
        if (s.maxInstances != 0 && s.maxInstances < s.instances)
            s.maxInstances = s.instances;
        s.notes.push_back("fleet size set to " + std::to_string(s.instances));
    }
    if (options.strategy) {
        const bool codeDeployController = s.strategy.ecs.strategy == EcsStrategy::CodeDeploy;
        if (auto own = templateDeploymentConfig(*options.strategy, s.platform))
            s.strategy = *own;
        else
            s.strategy = parseStrategy(*options.strategy, s.platform, s.strategy);
        // The controller is the service's DeploymentController, which CloudFormation changes only by
        // replacing the service: a strategy of the other controller does not apply.
        if (s.platform == Platform::Ecs &&
            (codeDeployController != (s.strategy.ecs.strategy == EcsStrategy::CodeDeploy) ||
             (!codeDeployController && codeDeployStrategyName(*options.strategy))))
            throw ScenarioError("strategy \"" + *options.strategy + "\" belongs to the " +
                                (codeDeployController ? "ECS" : "CODE_DEPLOY") + " deployment controller, but " +
                                s.target + " uses " + (codeDeployController ? "CODE_DEPLOY" : "ECS") +
                                " (changing DeploymentController replaces the service)");
    }
}

void ScenarioBuilder::checkSupported(const Scenario &s) const
{
    if (s.platform == Platform::Ecs && s.loadBalancerType == "network" &&
        s.strategy.trafficRouting.type != TrafficRouting::Type::AllAtOnce)
        throw ScenarioError(s.target + " is behind a Network Load Balancer: only "
                                       "CodeDeployDefault.ECSAllAtOnce is supported");
    if (s.platform != Platform::ElasticBeanstalk)
        return;
    const auto policy = s.strategy.beanstalkPolicy;
    const std::string name = policyName(policy);
    const bool singleInstance = !s.loadBalancer && s.maxInstances == 1;
    if (singleInstance && (policy == BeanstalkPolicy::Rolling ||
                           policy == BeanstalkPolicy::RollingWithAdditionalBatch ||
                           policy == BeanstalkPolicy::TrafficSplitting))
        throw ScenarioError(s.target + " is a single-instance environment: " + name +
                            " needs a load-balanced environment (use AllAtOnce or Immutable)");
    if (!s.loadBalancer && policy == BeanstalkPolicy::RollingWithAdditionalBatch)
        throw ScenarioError(s.target + " has no load balancer: " + name + " needs one");
    if (policy == BeanstalkPolicy::TrafficSplitting && s.loadBalancerType != "application")
        throw ScenarioError(s.target + ": TrafficSplitting needs an Application Load Balancer "
                                       "(aws:elasticbeanstalk:environment LoadBalancerType application)");
}

std::optional<Strategy> ScenarioBuilder::templateDeploymentConfig(const std::string &name,
                                                                  Platform platform) const
{
    for (const auto &id : m_lookup.resourcesOfType("AWS::CodeDeploy::DeploymentConfig")) {
        const auto ownName = m_lookup.string(m_lookup.property(id, "DeploymentConfigName"));
        if (id == name || (ownName && *ownName == name)) {
            Json ref{{"Ref", id}};
            return deploymentConfig(&ref, platform, id);
        }
    }
    return std::nullopt;
}

Strategy ScenarioBuilder::deploymentConfig(const Json *value, Platform platform,
                                           const std::string &where) const
{
    if (!value)
        return defaultStrategy(platform);
    if (auto id = m_lookup.referencedResource(*value);
        id && m_lookup.type(*id) == "AWS::CodeDeploy::DeploymentConfig") {
        Strategy s = defaultStrategy(platform);
        s.name = m_lookup.string(m_lookup.property(*id, "DeploymentConfigName")).value_or(*id);
        if (const Json *min = m_lookup.property(*id, "MinimumHealthyHosts")) {
            const auto type = m_lookup.string(child(min, "Type")).value_or("HOST_COUNT");
            s.minimumHealthyHosts = {type == "FLEET_PERCENT" ? MinimumHealthyHosts::Type::FleetPercent
                                                             : MinimumHealthyHosts::Type::HostCount,
                                     static_cast<int>(m_lookup.integer(child(min, "Value")).value_or(0))};
        }
        if (const Json *zonal = m_lookup.property(*id, "ZonalConfig")) {
            s.zonal.enabled = true;
            s.zonal.monitorSeconds = m_lookup.integer(child(zonal, "MonitorDurationInSeconds")).value_or(0);
            if (auto first = m_lookup.integer(child(zonal, "FirstZoneMonitorDurationInSeconds")))
                s.zonal.firstZoneMonitorSeconds = *first;
            if (const Json *perZone = child(zonal, "MinimumHealthyHostsPerZone")) {
                const auto type = m_lookup.string(child(perZone, "Type")).value_or("FLEET_PERCENT");
                s.zonal.minimumHealthyHostsPerZone = {
                    type == "HOST_COUNT" ? MinimumHealthyHosts::Type::HostCount : MinimumHealthyHosts::Type::FleetPercent,
                    static_cast<int>(m_lookup.integer(child(perZone, "Value")).value_or(0))};
            }
        }
        if (const Json *routing = m_lookup.property(*id, "TrafficRoutingConfig")) {
            const auto type = m_lookup.string(child(routing, "Type")).value_or("AllAtOnce");
            if (type == "TimeBasedCanary") {
                const Json *c = child(routing, "TimeBasedCanary");
                s.trafficRouting = {TrafficRouting::Type::TimeBasedCanary,
                                    int(m_lookup.integer(child(c, "CanaryPercentage")).value_or(10)),
                                    int(m_lookup.integer(child(c, "CanaryInterval")).value_or(0))};
            } else if (type == "TimeBasedLinear") {
                const Json *l = child(routing, "TimeBasedLinear");
                s.trafficRouting = {TrafficRouting::Type::TimeBasedLinear,
                                    int(m_lookup.integer(child(l, "LinearPercentage")).value_or(10)),
                                    int(m_lookup.integer(child(l, "LinearInterval")).value_or(0))};
            } else {
                s.trafficRouting = {TrafficRouting::Type::AllAtOnce, 100, 0};
            }
        }
        return s;
    }
    const auto name = m_lookup.string(value);
    if (!name)
        throw ScenarioError(where + ": DeploymentConfigName cannot be resolved before deployment");
    if (auto own = templateDeploymentConfig(*name, platform))
        return *own;
    Platform configPlatform;
    Strategy s;
    if (!predefinedCodeDeployConfig(*name, &configPlatform, &s))
        throw ScenarioError(where + ": deployment configuration \"" + *name +
                            "\" is neither predefined nor defined in this template");
    if (configPlatform != platform)
        throw ScenarioError(where + ": " + *name + " is a " + platformName(configPlatform) +
                            " configuration but the deployment group deploys to " + platformName(platform));
    return s;
}

int ScenarioBuilder::autoScalingCapacity(const std::string &asgId) const
{
    if (auto desired = m_lookup.integer(m_lookup.property(asgId, "DesiredCapacity")))
        return static_cast<int>(*desired);
    return static_cast<int>(m_lookup.integer(m_lookup.property(asgId, "MinSize")).value_or(0));
}

int ScenarioBuilder::serverFleet(const std::string &groupId, std::string *how, Scenario *scenario) const
{
    int total = 0;
    if (const Json *groups = m_lookup.property(groupId, "AutoScalingGroups"); groups && groups->is_array()) {
        for (const auto &g : *groups) {
            if (auto id = m_lookup.referencedResource(g)) {
                total += autoScalingCapacity(*id);
                if (scenario) {
                    scenario->zones = std::max(scenario->zones, availabilityZones(*id));
                    readLifecycleHooks(*id, *scenario);
                }
                *how += (how->empty() ? "" : ", ") + std::string("Auto Scaling group ") + *id;
            }
        }
    }
    // EC2 tag filters: count the instances of this template whose tags match one filter.
    std::vector<const Json *> filters;
    if (const Json *f = m_lookup.property(groupId, "Ec2TagFilters"); f && f->is_array()) {
        for (const auto &item : *f)
            filters.push_back(&item);
    }
    if (const Json *set = m_lookup.property(groupId, "Ec2TagSet")) {
        if (const Json *list = child(set, "Ec2TagSetList"); list && list->is_array()) {
            for (const auto &group : *list) {
                if (const Json *g = child(&group, "Ec2TagGroup"); g && g->is_array()) {
                    for (const auto &item : *g)
                        filters.push_back(&item);
                }
            }
        }
    }
    if (!filters.empty()) {
        for (const auto &id : m_lookup.resourcesOfType("AWS::EC2::Instance")) {
            const Json *tags = m_lookup.property(id, "Tags");
            if (!tags || !tags->is_array())
                continue;
            const bool match = std::any_of(filters.begin(), filters.end(), [&](const Json *f) {
                const auto key = m_lookup.string(child(f, "Key"));
                const auto value = m_lookup.string(child(f, "Value"));
                return std::any_of(tags->begin(), tags->end(), [&](const Json &tag) {
                    return m_lookup.string(child(&tag, "Key")) == key &&
                           (!value || m_lookup.string(child(&tag, "Value")) == value);
                });
            });
            if (match) {
                ++total;
                *how += (how->empty() ? "" : ", ") + std::string("instance ") + id;
            }
        }
    }
    return total;
}

void ScenarioBuilder::readDeploymentGroup(const std::string &groupId, Scenario &s) const
{
    s.strategy = deploymentConfig(m_lookup.property(groupId, "DeploymentConfigName"), s.platform, groupId);
    if (!m_lookup.property(groupId, "DeploymentConfigName"))
        s.notes.push_back("no DeploymentConfigName: AWS's default " + s.strategy.name);
    if (const Json *rollback = m_lookup.property(groupId, "AutoRollbackConfiguration")) {
        s.rollback.enabled = m_lookup.boolean(child(rollback, "Enabled")).value_or(false);
        if (const Json *events = child(rollback, "Events"); events && events->is_array()) {
            for (const auto &e : *events) {
                const auto name = m_lookup.string(&e).value_or("");
                s.rollback.onFailure |= name == "DEPLOYMENT_FAILURE";
                s.rollback.onAlarm |= name == "DEPLOYMENT_STOP_ON_ALARM";
                s.rollback.onRequest |= name == "DEPLOYMENT_STOP_ON_REQUEST";
            }
        }
    }
    if (const Json *alarms = m_lookup.property(groupId, "AlarmConfiguration")) {
        s.alarmsEnabled = m_lookup.boolean(child(alarms, "Enabled")).value_or(false);
        if (const Json *list = child(alarms, "Alarms"); list && list->is_array()) {
            for (const auto &a : *list) {
                if (auto name = m_lookup.string(child(&a, "Name")))
                    s.alarms.push_back(*name);
                else if (auto id = m_lookup.referencedResource(child(&a, "Name") ? a["Name"] : a))
                    s.alarms.push_back(*id);
            }
        }
    }
    const Json *bg = m_lookup.property(groupId, "BlueGreenDeploymentConfiguration");
    if (const Json *term = child(bg, "TerminateBlueInstancesOnDeploymentSuccess")) {
        s.blueGreenOptions.terminateOriginals =
            m_lookup.string(child(term, "Action")).value_or("TERMINATE") == "TERMINATE";
        if (auto minutes = m_lookup.integer(child(term, "TerminationWaitTimeInMinutes")))
            s.timing.setMinutes(timing::TerminationWait, *minutes);
    }
    if (const Json *ready = child(bg, "DeploymentReadyOption")) {
        s.blueGreenOptions.waitForApproval =
            m_lookup.string(child(ready, "ActionOnTimeout")).value_or("CONTINUE_DEPLOYMENT") == "STOP_DEPLOYMENT";
        if (auto minutes = m_lookup.integer(child(ready, "WaitTimeInMinutes")))
            s.timing.setMinutes(timing::ReadyWait, *minutes);
    }
    if (const Json *green = child(bg, "GreenFleetProvisioningOption")) {
        s.blueGreenOptions.copyAutoScalingGroup =
            m_lookup.string(child(green, "Action")).value_or("DISCOVER_EXISTING") == "COPY_AUTO_SCALING_GROUP";
    }
}

Scenario ScenarioBuilder::fromDeploymentGroup(const std::string &id, const BuildOptions &options) const
{
    std::string computePlatform = "Server";
    if (const Json *app = m_lookup.property(id, "ApplicationName")) {
        if (auto appId = m_lookup.referencedResource(*app))
            computePlatform = m_lookup.string(m_lookup.property(*appId, "ComputePlatform")).value_or("Server");
    }
    if (m_lookup.property(id, "ECSServices"))
        computePlatform = "ECS";
    if (computePlatform == "Lambda") {
        for (const auto &alias : m_lookup.resourcesOfType("AWS::Lambda::Alias")) {
            const Json *r = m_lookup.resource(alias);
            if (r->contains("UpdatePolicy") && m_lookup.mentions((*r)["UpdatePolicy"], id))
                return fromAlias(alias);
        }
        Scenario s;
        s.platform = Platform::Lambda;
        s.instances = 0;
        readDeploymentGroup(id, s);
        s.notes.push_back("no alias in this template names " + id + " in its UpdatePolicy");
        return s;
    }
    if (computePlatform == "ECS") {
        const Json *services = m_lookup.property(id, "ECSServices");
        if (services && services->is_array()) {
            for (const auto &svc : *services) {
                for (const auto &candidate : m_lookup.resourcesOfType("AWS::ECS::Service")) {
                    if (m_lookup.mentions(svc, candidate))
                        return fromEcsService(candidate);
                }
            }
        }
        throw ScenarioError(id + ": ECSServices names no AWS::ECS::Service of this template");
    }

    Scenario s;
    s.platform = Platform::Server;
    readDeploymentGroup(id, s);
    const Json *style = m_lookup.property(id, "DeploymentStyle");
    s.blueGreen = m_lookup.string(child(style, "DeploymentType")).value_or("IN_PLACE") == "BLUE_GREEN";
    const bool trafficControl =
        m_lookup.string(child(style, "DeploymentOption")).value_or("WITHOUT_TRAFFIC_CONTROL") ==
        "WITH_TRAFFIC_CONTROL";
    const Json *lb = m_lookup.property(id, "LoadBalancerInfo");
    s.loadBalancer = lb != nullptr && (trafficControl || s.blueGreen);
    if (s.blueGreen && !lb)
        throw ScenarioError(id + ": a BLUE_GREEN deployment group needs LoadBalancerInfo to reroute traffic");
    if (lb && !s.loadBalancer)
        s.notes.push_back("LoadBalancerInfo is set but DeploymentOption is WITHOUT_TRAFFIC_CONTROL: "
                          "no traffic events");
    std::string how;
    s.instances = serverFleet(id, &how, &s);
    if (s.instances == 0 && !options.instances)
        throw ScenarioError(id + ": cannot tell how many instances it deploys to: its AutoScalingGroups "
                                 "and Ec2TagFilters/Ec2TagSet match nothing in this template "
                                 "(on-premises instances are not in templates); give the fleet size "
                                 "with --instances N");
    if (!how.empty())
        s.notes.push_back("fleet of " + std::to_string(s.instances) + " from " + how);
    if (s.blueGreen && !m_lookup.property(id, "AutoScalingGroups"))
        s.blueGreenOptions.copyAutoScalingGroup = false;
    return s;
}

Scenario ScenarioBuilder::fromAlias(const std::string &id) const
{
    const Json *r = m_lookup.resource(id);
    const Json *update = child(child(r, "UpdatePolicy"), "CodeDeployLambdaAliasUpdate");
    if (!update)
        throw ScenarioError(id + " has no UpdatePolicy.CodeDeployLambdaAliasUpdate: CloudFormation "
                                 "would move the alias at once, without CodeDeploy");
    Scenario s;
    s.platform = Platform::Lambda;
    s.instances = 0;
    const Json *group = child(update, "DeploymentGroupName");
    const auto groupId = group ? m_lookup.referencedResource(*group) : std::nullopt;
    if (!groupId)
        throw ScenarioError(id + ": UpdatePolicy.CodeDeployLambdaAliasUpdate.DeploymentGroupName does "
                                 "not refer to a deployment group of this template");
    readDeploymentGroup(*groupId, s);
    if (child(update, "BeforeAllowTrafficHook"))
        s.hooks.push_back("BeforeAllowTraffic");
    if (child(update, "AfterAllowTrafficHook"))
        s.hooks.push_back("AfterAllowTraffic");
    return s;
}

Scenario ScenarioBuilder::fromServerlessFunction(const std::string &id) const
{
    // Globals.Function supplies what the function leaves out.
    const Json *globals = child(child(&m_root, "Globals"), "Function");
    auto prop = [&](const char *name) -> const Json * {
        if (const Json *own = m_lookup.property(id, name))
            return own;
        return child(globals, name);
    };
    const Json *preference = prop("DeploymentPreference");
    if (!preference)
        throw ScenarioError(id + " has no DeploymentPreference: SAM would switch its alias at once");
    if (!prop("AutoPublishAlias"))
        throw ScenarioError(id + ": DeploymentPreference requires AutoPublishAlias");
    if (!m_lookup.boolean(child(preference, "Enabled")).value_or(true))
        throw ScenarioError(id + ": DeploymentPreference.Enabled is false, so SAM creates no deployment");
    Scenario s;
    s.platform = Platform::Lambda;
    s.instances = 0;
    const Json *type = child(preference, "Type");
    if (!type)
        throw ScenarioError(id + ": DeploymentPreference.Type is required");
    // SAM rewrites its short names to CodeDeployDefault.Lambda<Type>; any other value is a
    // deployment configuration name passed through.
    Strategy predefined;
    const auto typeName = m_lookup.string(type);
    if (typeName && predefinedCodeDeployConfig("CodeDeployDefault.Lambda" + *typeName, nullptr, &predefined))
        s.strategy = predefined;
    else
        s.strategy = deploymentConfig(type, Platform::Lambda, id);
    // SAM always enables rollback on failure, on alarm and on request.
    s.rollback = {true, true, true, true};
    if (const Json *alarms = child(preference, "Alarms"); alarms && alarms->is_array()) {
        for (const auto &a : *alarms) {
            if (auto name = m_lookup.string(&a))
                s.alarms.push_back(*name);
            else if (auto alarmId = m_lookup.referencedResource(a))
                s.alarms.push_back(*alarmId);
        }
    }
    s.alarmsEnabled = !s.alarms.empty();
    const Json *hooks = child(preference, "Hooks");
    if (child(hooks, "PreTraffic"))
        s.hooks.push_back("BeforeAllowTraffic");
    if (child(hooks, "PostTraffic"))
        s.hooks.push_back("AfterAllowTraffic");
    return s;
}

} // namespace sc
