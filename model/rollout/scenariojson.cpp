// JSON form of a Scenario, as saved in Metadata.StackCanvas.scenarios. Every field is written so
// that a saved scenario replays exactly; on reading, absent fields take their defaults so that
// a hand-written scenario needs only target, platform and strategy.name.

#include "model/rollout/scenario.h"

namespace sc {

namespace {

const char *kMinTypes[] = {"HOST_COUNT", "FLEET_PERCENT", "MOST_CONCURRENCY"};
const char *kRoutingTypes[] = {"AllAtOnce", "TimeBasedCanary", "TimeBasedLinear"};
const char *kCarries[] = {"both", "original", "replacement"};
const char *kEcsStrategies[] = {"CODE_DEPLOY", "ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"};

template <typename Enum, std::size_t N>
Enum enumFrom(const Json &j, const char *(&names)[N], const char *what)
{
    const auto text = j.get<std::string>();
    for (std::size_t i = 0; i < N; ++i) {
        if (text == names[i])
            return static_cast<Enum>(i);
    }
    throw ScenarioError(std::string("unknown ") + what + " \"" + text + '"');
}

template <typename T>
void read(const Json &object, const char *key, T *out)
{
    if (object.is_object() && object.contains(key))
        *out = object.at(key).get<T>();
}

Json strategyToJson(const Strategy &s)
{
    return Json{
        {"name", s.name},
        {"minimumHealthyHosts",
         {{"type", kMinTypes[static_cast<int>(s.minimumHealthyHosts.type)]},
          {"value", s.minimumHealthyHosts.value}}},
        {"trafficRouting",
         {{"type", kRoutingTypes[static_cast<int>(s.trafficRouting.type)]},
          {"percentage", s.trafficRouting.percentage},
          {"intervalMinutes", s.trafficRouting.intervalMinutes}}},
        {"beanstalk",
         {{"deploymentPolicy", policyName(s.beanstalkPolicy)},
          {"batchSizeType", s.batchSizeFixed ? "Fixed" : "Percentage"},
          {"batchSize", s.batchSize},
          {"newVersionPercent", s.newVersionPercent},
          {"evaluationTime", s.evaluationTimeMinutes}}},
        {"autoScaling",
         {{"policy", s.autoScalingPolicy == AutoScalingPolicy::RollingUpdate     ? "AutoScalingRollingUpdate"
                     : s.autoScalingPolicy == AutoScalingPolicy::ReplacingUpdate ? "AutoScalingReplacingUpdate"
                                                                                 : "InstanceRefresh"},
          {"maxBatchSize", s.maxBatchSize},
          {"minInstancesInService", s.minInstancesInService},
          {"minSuccessfulInstancesPercent", s.minSuccessfulInstancesPercent}}},
        {"instanceRefresh",
         {{"minHealthyPercentage", s.refresh.minHealthyPercentage},
          {"maxHealthyPercentage", s.refresh.maxHealthyPercentage},
          {"checkpointPercentages", s.refresh.checkpointPercentages},
          {"skipMatching", s.refresh.skipMatching},
          {"matchingInstances", s.refresh.matchingInstances}}},
        {"ecs",
         {{"strategy", ecsStrategyName(s.ecs.strategy)},
          {"canaryPercent", s.ecs.canaryPercent},
          {"canaryBakeTimeInMinutes", s.ecs.canaryBakeMinutes},
          {"stepPercent", s.ecs.stepPercent},
          {"stepBakeTimeInMinutes", s.ecs.stepBakeMinutes},
          {"minimumHealthyPercent", s.ecs.minimumHealthyPercent},
          {"maximumPercent", s.ecs.maximumPercent},
          {"circuitBreaker", s.ecs.circuitBreaker},
          {"circuitBreakerRollback", s.ecs.circuitBreakerRollback}}},
        {"zonal",
         {{"enabled", s.zonal.enabled},
          {"monitorDurationInSeconds", s.zonal.monitorSeconds},
          {"firstZoneMonitorDurationInSeconds",
           s.zonal.firstZoneMonitorSeconds ? Json(*s.zonal.firstZoneMonitorSeconds) : Json(nullptr)},
          {"minimumHealthyHostsPerZone",
           {{"type", kMinTypes[static_cast<int>(s.zonal.minimumHealthyHostsPerZone.type)]},
            {"value", s.zonal.minimumHealthyHostsPerZone.value}}}}}};
}

Strategy strategyFromJson(const Json &j)
{
    Strategy s;
    s.name = j.at("name").get<std::string>();
    if (j.contains("minimumHealthyHosts")) {
        const auto &m = j["minimumHealthyHosts"];
        s.minimumHealthyHosts.type =
            enumFrom<MinimumHealthyHosts::Type>(m.at("type"), kMinTypes, "minimum healthy hosts type");
        read(m, "value", &s.minimumHealthyHosts.value);
    }
    if (j.contains("trafficRouting")) {
        const auto &r = j["trafficRouting"];
        s.trafficRouting.type =
            enumFrom<TrafficRouting::Type>(r.at("type"), kRoutingTypes, "traffic routing type");
        read(r, "percentage", &s.trafficRouting.percentage);
        read(r, "intervalMinutes", &s.trafficRouting.intervalMinutes);
    }
    if (j.contains("beanstalk")) {
        const auto &b = j["beanstalk"];
        if (b.contains("deploymentPolicy")) {
            s.beanstalkPolicy = parseStrategy(b["deploymentPolicy"].get<std::string>(),
                                              Platform::ElasticBeanstalk, s)
                                    .beanstalkPolicy;
        }
        s.batchSizeFixed = b.value("batchSizeType", std::string("Percentage")) == "Fixed";
        read(b, "batchSize", &s.batchSize);
        read(b, "newVersionPercent", &s.newVersionPercent);
        read(b, "evaluationTime", &s.evaluationTimeMinutes);
    }
    if (j.contains("autoScaling")) {
        const auto &a = j["autoScaling"];
        const auto policy = a.value("policy", std::string());
        s.autoScalingPolicy = policy == "AutoScalingReplacingUpdate" ? AutoScalingPolicy::ReplacingUpdate
                              : policy == "InstanceRefresh"           ? AutoScalingPolicy::InstanceRefresh
                                                                      : AutoScalingPolicy::RollingUpdate;
        read(a, "maxBatchSize", &s.maxBatchSize);
        read(a, "minInstancesInService", &s.minInstancesInService);
        read(a, "minSuccessfulInstancesPercent", &s.minSuccessfulInstancesPercent);
    }
    if (j.contains("instanceRefresh")) {
        const auto &r = j["instanceRefresh"];
        read(r, "minHealthyPercentage", &s.refresh.minHealthyPercentage);
        read(r, "maxHealthyPercentage", &s.refresh.maxHealthyPercentage);
        read(r, "checkpointPercentages", &s.refresh.checkpointPercentages);
        read(r, "skipMatching", &s.refresh.skipMatching);
        read(r, "matchingInstances", &s.refresh.matchingInstances);
    }
    if (j.contains("ecs")) {
        const auto &e = j["ecs"];
        if (e.contains("strategy"))
            s.ecs.strategy = enumFrom<EcsStrategy>(e["strategy"], kEcsStrategies, "ECS deployment strategy");
        read(e, "canaryPercent", &s.ecs.canaryPercent);
        read(e, "canaryBakeTimeInMinutes", &s.ecs.canaryBakeMinutes);
        read(e, "stepPercent", &s.ecs.stepPercent);
        read(e, "stepBakeTimeInMinutes", &s.ecs.stepBakeMinutes);
        read(e, "minimumHealthyPercent", &s.ecs.minimumHealthyPercent);
        read(e, "maximumPercent", &s.ecs.maximumPercent);
        read(e, "circuitBreaker", &s.ecs.circuitBreaker);
        read(e, "circuitBreakerRollback", &s.ecs.circuitBreakerRollback);
    }
    if (j.contains("zonal")) {
        const auto &z = j["zonal"];
        read(z, "enabled", &s.zonal.enabled);
        read(z, "monitorDurationInSeconds", &s.zonal.monitorSeconds);
        if (z.contains("firstZoneMonitorDurationInSeconds") && !z["firstZoneMonitorDurationInSeconds"].is_null())
            s.zonal.firstZoneMonitorSeconds = z["firstZoneMonitorDurationInSeconds"].get<Seconds>();
        if (z.contains("minimumHealthyHostsPerZone")) {
            const auto &m = z["minimumHealthyHostsPerZone"];
            s.zonal.minimumHealthyHostsPerZone.type =
                enumFrom<MinimumHealthyHosts::Type>(m.at("type"), kMinTypes, "minimum healthy hosts type");
            read(m, "value", &s.zonal.minimumHealthyHostsPerZone.value);
        }
    }
    return s;
}

Json hooksToJson(const std::vector<LifecycleHookSpec> &hooks)
{
    Json out = Json::array();
    for (const auto &h : hooks)
        out.push_back(Json{{"name", h.name},
                           {"transition", h.launching ? "autoscaling:EC2_INSTANCE_LAUNCHING"
                                                      : "autoscaling:EC2_INSTANCE_TERMINATING"},
                           {"heartbeatTimeout", h.heartbeatSeconds},
                           {"defaultResult", h.defaultContinue ? "CONTINUE" : "ABANDON"}});
    return out;
}

} // namespace

Json scenarioToJson(const Scenario &s)
{
    Json timing = Json::object();
    for (const auto &[name, seconds] : s.timing.overrides())
        timing[name] = seconds;
    Json failures = Json::array();
    for (const auto &f : s.failures)
        failures.push_back(failureSpec(f));
    Json actions = Json::array();
    for (const auto &a : s.actions)
        actions.push_back(actionSpec(a));
    Json path = Json::array();
    for (const auto &e : s.trafficPath)
        path.push_back(Json{{"logicalId", e.logicalId}, {"type", e.type}, {"role", e.role},
                            {"carries", kCarries[static_cast<int>(e.carries)]}, {"test", e.test}});
    Json price = nullptr;
    if (s.price)
        price = Json{{"usdPerUnitHour", s.price->usdPerUnitHour}, {"usdPerRequest", s.price->usdPerRequest},
                     {"usdPerInvocationSecond", s.price->usdPerInvocationSecond}, {"basis", s.price->basis}};
    return Json{
        {"target", s.target},
        {"platform", platformName(s.platform)},
        {"strategy", strategyToJson(s.strategy)},
        {"deploymentType", s.blueGreen ? "BLUE_GREEN" : "IN_PLACE"},
        {"instances", s.instances},
        {"maxInstances", s.maxInstances},
        {"loadBalancer", s.loadBalancer},
        {"loadBalancerType", s.loadBalancerType},
        {"testListener", s.testListener},
        {"waitOnResourceSignals", s.waitOnResourceSignals},
        {"ignoreHealthCheck", s.ignoreHealthCheck},
        {"blueGreen",
         {{"greenFleetProvisioning",
           s.blueGreenOptions.copyAutoScalingGroup ? "COPY_AUTO_SCALING_GROUP" : "DISCOVER_EXISTING"},
          {"deploymentReady",
           s.blueGreenOptions.waitForApproval ? "STOP_DEPLOYMENT" : "CONTINUE_DEPLOYMENT"},
          {"blueInstanceTermination", s.blueGreenOptions.terminateOriginals ? "TERMINATE" : "KEEP_ALIVE"}}},
        {"autoRollback",
         {{"enabled", s.rollback.enabled},
          {"onFailure", s.rollback.onFailure},
          {"onAlarm", s.rollback.onAlarm},
          {"onRequest", s.rollback.onRequest}}},
        {"alarms", {{"enabled", s.alarmsEnabled}, {"names", s.alarms}}},
        {"hooks", s.hooks},
        {"lifecycleHooks", hooksToJson(s.lifecycleHooks)},
        {"zones", s.zones},
        {"rollbackSupported", s.rollbackSupported},
        {"timing", std::move(timing)},
        {"failures", std::move(failures)},
        {"actions", std::move(actions)},
        {"trafficPath", std::move(path)},
        {"price", std::move(price)},
        {"notes", s.notes}};
}

Scenario scenarioFromJson(const Json &j)
{
    try {
        if (!j.is_object())
            throw ScenarioError("a saved scenario must be an object");
        Scenario s;
        s.target = j.at("target").get<std::string>();
        s.platform = platformFromString(j.at("platform").get<std::string>());
        s.strategy = strategyFromJson(j.at("strategy"));
        s.blueGreen = j.value("deploymentType", std::string("IN_PLACE")) == "BLUE_GREEN";
        read(j, "instances", &s.instances);
        read(j, "maxInstances", &s.maxInstances);
        read(j, "loadBalancer", &s.loadBalancer);
        read(j, "loadBalancerType", &s.loadBalancerType);
        read(j, "testListener", &s.testListener);
        read(j, "waitOnResourceSignals", &s.waitOnResourceSignals);
        read(j, "ignoreHealthCheck", &s.ignoreHealthCheck);
        if (j.contains("blueGreen")) {
            const auto &b = j["blueGreen"];
            s.blueGreenOptions.copyAutoScalingGroup =
                b.value("greenFleetProvisioning", std::string("COPY_AUTO_SCALING_GROUP")) ==
                "COPY_AUTO_SCALING_GROUP";
            s.blueGreenOptions.waitForApproval =
                b.value("deploymentReady", std::string()) == "STOP_DEPLOYMENT";
            s.blueGreenOptions.terminateOriginals =
                b.value("blueInstanceTermination", std::string("TERMINATE")) == "TERMINATE";
        }
        if (j.contains("autoRollback")) {
            const auto &r = j["autoRollback"];
            read(r, "enabled", &s.rollback.enabled);
            read(r, "onFailure", &s.rollback.onFailure);
            read(r, "onAlarm", &s.rollback.onAlarm);
            read(r, "onRequest", &s.rollback.onRequest);
        }
        if (j.contains("alarms")) {
            read(j["alarms"], "enabled", &s.alarmsEnabled);
            read(j["alarms"], "names", &s.alarms);
        }
        read(j, "hooks", &s.hooks);
        if (j.contains("lifecycleHooks")) {
            for (const auto &h : j["lifecycleHooks"]) {
                LifecycleHookSpec hook;
                hook.name = h.at("name").get<std::string>();
                hook.launching = h.value("transition", std::string("autoscaling:EC2_INSTANCE_LAUNCHING")) ==
                                 "autoscaling:EC2_INSTANCE_LAUNCHING";
                read(h, "heartbeatTimeout", &hook.heartbeatSeconds);
                hook.defaultContinue = h.value("defaultResult", std::string("ABANDON")) == "CONTINUE";
                s.lifecycleHooks.push_back(std::move(hook));
            }
        }
        read(j, "zones", &s.zones);
        read(j, "rollbackSupported", &s.rollbackSupported);
        if (j.contains("timing")) {
            for (const auto &[name, seconds] : j["timing"].items())
                s.timing.set(name, seconds.get<Seconds>());
        }
        if (j.contains("failures")) {
            for (const auto &f : j["failures"])
                s.failures.push_back(parseFailure(f.get<std::string>()));
        }
        if (j.contains("actions")) {
            for (const auto &a : j["actions"])
                s.actions.push_back(parseAction(a.get<std::string>()));
        }
        if (j.contains("trafficPath")) {
            for (const auto &e : j["trafficPath"]) {
                TrafficPathElement element;
                element.logicalId = e.at("logicalId").get<std::string>();
                read(e, "type", &element.type);
                read(e, "role", &element.role);
                if (e.contains("carries"))
                    element.carries = enumFrom<TrafficPathElement::Carries>(e["carries"], kCarries, "traffic path share");
                read(e, "test", &element.test);
                s.trafficPath.push_back(std::move(element));
            }
        }
        if (j.contains("price") && !j["price"].is_null()) {
            const auto &p = j["price"];
            UnitPrice price;
            read(p, "usdPerUnitHour", &price.usdPerUnitHour);
            read(p, "usdPerRequest", &price.usdPerRequest);
            read(p, "usdPerInvocationSecond", &price.usdPerInvocationSecond);
            read(p, "basis", &price.basis);
            s.price = price;
        }
        read(j, "notes", &s.notes);
        return s;
    } catch (const ScenarioError &) {
        throw;
    } catch (const std::exception &e) {
        throw ScenarioError(std::string("saved scenario is not valid: ") + e.what());
    }
}

std::vector<std::pair<std::string, Scenario>> savedScenarios(const Json &root)
{
    std::vector<std::pair<std::string, Scenario>> out;
    const Json::json_pointer where("/Metadata/StackCanvas/scenarios");
    if (!root.is_object() || !root.contains(where) || !root.at(where).is_object())
        return out;
    for (const auto &[name, value] : root.at(where).items())
        out.emplace_back(name, scenarioFromJson(value));
    return out;
}

Json withSavedScenario(Json root, const std::string &name, const Scenario &scenario)
{
    if (!root.is_object())
        root = Json::object();
    Json &metadata = root["Metadata"];
    if (!metadata.is_object())
        metadata = Json::object();
    Json &own = metadata["StackCanvas"];
    if (!own.is_object())
        own = Json::object();
    Json &scenarios = own["scenarios"];
    if (!scenarios.is_object())
        scenarios = Json::object();
    scenarios[name] = scenarioToJson(scenario);
    return root;
}

} // namespace sc
