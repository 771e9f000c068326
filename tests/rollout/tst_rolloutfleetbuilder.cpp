// Scenarios read from templates for the second part of the engine: ECS services deployed by
// ECS itself, Auto Scaling instance refresh policies and lifecycle hooks, CodeDeploy zonal
// configurations, the price of a fleet, and the errors for what cannot be rehearsed.

#include "model/rollout/pricetable.h"
#include "model/rollout/scenariobuilder.h"
#include "rollouttesthelpers.h"

#include <QTest>

using namespace sc;
using namespace sc::test;

namespace {

Json ref(const std::string &id)
{
    return Json{{"Ref", id}};
}

Json withResources(Json resources)
{
    return Json{{"AWSTemplateFormatVersion", "2010-09-09"}, {"Resources", std::move(resources)}};
}

std::string buildError(const Json &root, const std::string &target, const BuildOptions &options = {})
{
    try {
        ScenarioBuilder(root).build(target, options);
    } catch (const std::invalid_argument &e) {
        return e.what();
    }
    return {};
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

bool noted(const Scenario &s, const std::string &part)
{
    return std::any_of(s.notes.begin(), s.notes.end(), [&](const std::string &n) { return contains(n, part); });
}

// An ECS service deployed by ECS itself, canary, behind listener rules with a test rule.
Json ecsNative()
{
    return withResources(
        {{"Lb", {{"Type", "AWS::ElasticLoadBalancingV2::LoadBalancer"}, {"Properties", Json::object()}}},
         {"Listener", {{"Type", "AWS::ElasticLoadBalancingV2::Listener"}, {"Properties", {{"LoadBalancerArn", ref("Lb")}}}}},
         {"ProdRule", {{"Type", "AWS::ElasticLoadBalancingV2::ListenerRule"}, {"Properties", {{"ListenerArn", ref("Listener")}}}}},
         {"TestRule", {{"Type", "AWS::ElasticLoadBalancingV2::ListenerRule"}, {"Properties", {{"ListenerArn", ref("Listener")}}}}},
         {"Blue", {{"Type", "AWS::ElasticLoadBalancingV2::TargetGroup"},
                   {"Properties", {{"TargetGroupAttributes", Json::array({{{"Key", "deregistration_delay.timeout_seconds"},
                                                                           {"Value", "45"}}})}}}}},
         {"Green", {{"Type", "AWS::ElasticLoadBalancingV2::TargetGroup"}, {"Properties", Json::object()}}},
         {"Task", {{"Type", "AWS::ECS::TaskDefinition"},
                   {"Properties", {{"Cpu", "512"}, {"Memory", "1024"}, {"RequiresCompatibilities", {"FARGATE"}}}}}},
         {"Service",
          {{"Type", "AWS::ECS::Service"},
           {"Properties",
            {{"DesiredCount", 4},
             {"TaskDefinition", ref("Task")},
             {"DeploymentConfiguration",
              {{"Strategy", "CANARY"},
               {"CanaryConfiguration", {{"CanaryPercent", 20}, {"CanaryBakeTimeInMinutes", 3}}},
               {"BakeTimeInMinutes", 15},
               {"Alarms", {{"AlarmNames", {"Errors"}}, {"Enable", true}, {"Rollback", true}}},
               {"LifecycleHooks", Json::array({{{"HookTargetArn", "arn:aws:lambda:us-east-1:123456789012:function:check"},
                                                {"LifecycleStages", {"POST_TEST_TRAFFIC_SHIFT", "PRE_SCALE_UP"}}}})}}},
             {"LoadBalancers",
              Json::array({{{"ContainerName", "web"},
                            {"ContainerPort", 80},
                            {"TargetGroupArn", ref("Blue")},
                            {"AdvancedConfiguration", {{"AlternateTargetGroupArn", ref("Green")},
                                                       {"ProductionListenerRule", ref("ProdRule")},
                                                       {"TestListenerRule", ref("TestRule")},
                                                       {"RoleArn", "arn:aws:iam::123456789012:role/ecs"}}}}})}}}}}});
}

Json fleet(Json updatePolicy)
{
    Json root = withResources(
        {{"Template", {{"Type", "AWS::EC2::LaunchTemplate"},
                       {"Properties", {{"LaunchTemplateData", {{"InstanceType", "t3.micro"}, {"ImageId", "ami-12345678"}}}}}}},
         {"Fleet", {{"Type", "AWS::AutoScaling::AutoScalingGroup"},
                    {"Properties", {{"MinSize", "1"}, {"MaxSize", "10"}, {"DesiredCapacity", "4"},
                                    {"HealthCheckGracePeriod", 120},
                                    {"VPCZoneIdentifier", {"subnet-a", "subnet-b"}},
                                    {"LaunchTemplate", {{"LaunchTemplateId", ref("Template")},
                                                        {"Version", {{"Fn::GetAtt", {"Template", "LatestVersionNumber"}}}}}},
                                    {"LifecycleHookSpecificationList",
                                     Json::array({{{"LifecycleHookName", "Drain"},
                                                   {"LifecycleTransition", "autoscaling:EC2_INSTANCE_TERMINATING"},
                                                   {"HeartbeatTimeout", 300}, {"DefaultResult", "CONTINUE"}}})}}}}},
         {"Warm", {{"Type", "AWS::AutoScaling::LifecycleHook"},
                   {"Properties", {{"AutoScalingGroupName", ref("Fleet")},
                                   {"LifecycleTransition", "autoscaling:EC2_INSTANCE_LAUNCHING"}}}}}});
    if (!updatePolicy.is_null())
        root["Resources"]["Fleet"]["UpdatePolicy"] = std::move(updatePolicy);
    return root;
}

} // namespace

class TestRolloutFleetBuilder : public QObject {
    Q_OBJECT

private slots:
    void ecsNativeCanaryFromTheTemplate();
    void ecsNativeRollingDefaultsAndErrors();
    void instanceRefreshPolicy();
    void instanceRefreshThatCannotRollBack();
    void lifecycleHooksOfTheGroup();
    void zonalConfiguration();
    void prices();
};

void TestRolloutFleetBuilder::ecsNativeCanaryFromTheTemplate()
{
    const auto s = ScenarioBuilder(ecsNative()).build("Service");
    QCOMPARE(s.platform, Platform::Ecs);
    QCOMPARE(s.instances, 4);
    QCOMPARE(s.strategy.ecs.strategy, EcsStrategy::Canary);
    QCOMPARE(s.strategy.ecs.canaryPercent, 20.0);
    QCOMPARE(s.strategy.ecs.canaryBakeMinutes, 3);
    QCOMPARE(s.timing.seconds(timing::EcsBakeTime), Seconds(900));
    QCOMPARE(s.timing.seconds(timing::DeregistrationDelay), Seconds(45)); // the blue target group's
    QVERIFY(s.watchesAlarms());
    QVERIFY(s.rollback.onAlarm);
    QCOMPARE(s.hooks, (std::vector<std::string>{"POST_TEST_TRAFFIC_SHIFT", "PRE_SCALE_UP"}));
    QVERIFY(s.testListener);
    std::vector<std::string> path;
    for (const auto &e : s.trafficPath)
        path.push_back(e.logicalId + (e.test ? " (test)" : ""));
    QCOMPARE(path, (std::vector<std::string>{"Blue", "Green", "ProdRule", "Listener", "Lb", "TestRule (test)",
                                             "Listener (test)", "Lb (test)"}));
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    // PRE_SCALE_UP hook 30 s, green up at 90, the test hook 30 s, then 20 % for 3 minutes.
    QCOMPARE(newTraffic(t, 120), 20.0);
    QCOMPARE(newTraffic(t, 300), 100.0);
    QCOMPARE(t.durationSeconds(), Seconds(300 + 900 + 30));
}

void TestRolloutFleetBuilder::ecsNativeRollingDefaultsAndErrors()
{
    Json root = ecsNative();
    auto &dc = root["Resources"]["Service"]["Properties"]["DeploymentConfiguration"];
    dc = {{"DeploymentCircuitBreaker", {{"Enable", true}, {"Rollback", true}}}, {"MinimumHealthyPercent", 50}};
    auto s = ScenarioBuilder(root).build("Service");
    QCOMPARE(s.strategy.ecs.strategy, EcsStrategy::Rolling);
    QCOMPARE(s.strategy.name, std::string("ROLLING"));
    QCOMPARE(s.strategy.ecs.minimumHealthyPercent, 50);
    QCOMPARE(s.strategy.ecs.maximumPercent, 200);
    QVERIFY(s.strategy.ecs.circuitBreaker && s.strategy.ecs.circuitBreakerRollback);
    // A CodeDeploy configuration does not apply to a service ECS deploys.
    BuildOptions options;
    options.strategy = "CodeDeployDefault.ECSAllAtOnce";
    QVERIFY(contains(buildError(root, "Service", options), "CODE_DEPLOY deployment controller"));
    options.strategy = "ecs-linear:20:2";
    QCOMPARE(ScenarioBuilder(root).build("Service", options).strategy.ecs.stepPercent, 20.0);
    dc = {{"Strategy", "SIDEWAYS"}};
    QVERIFY(contains(buildError(root, "Service"), "not one of ROLLING, BLUE_GREEN, CANARY, LINEAR"));
    dc = {{"Strategy", "LINEAR"}, {"LinearConfiguration", {{"StepPercent", 2}}}};
    QVERIFY(contains(buildError(root, "Service"), "StepPercent must be at least 3"));
    dc = {{"Strategy", "BLUE_GREEN"}};
    QVERIFY(noted(ScenarioBuilder(root).build("Service"), "no BakeTimeInMinutes"));
    // Values far out of range are refused, not wrapped into something that looks valid.
    dc = {{"MinimumHealthyPercent", 99999999999LL}};
    QVERIFY(contains(buildError(root, "Service"), "MinimumHealthyPercent must be 0-100, not 99999999999"));
    dc = {{"MaximumPercent", -5}};
    QVERIFY(contains(buildError(root, "Service"), "MaximumPercent -5 is outside"));
    dc = {{"Strategy", "BLUE_GREEN"}, {"BakeTimeInMinutes", 1000000000000LL}};
    QVERIFY(contains(buildError(root, "Service"), "\"ecs.bakeTime\" of 1000000000000 minutes is above the simulator's limit of 43200 minutes"));
}

void TestRolloutFleetBuilder::instanceRefreshPolicy()
{
    const Json root = fleet({{"AutoScalingInstanceRefresh",
                              {{"Strategy", "Rolling"},
                               {"Preferences", {{"MinHealthyPercentage", 50},
                                                {"MaxHealthyPercentage", 150},
                                                {"CheckpointPercentages", {25, 100}},
                                                {"CheckpointDelay", 600},
                                                {"BakeTime", 900},
                                                {"SkipMatching", true},
                                                {"AlarmSpecification", {{"Alarms", {"HighErrors"}}}}}}}}});
    const auto s = ScenarioBuilder(root).build("Fleet");
    QCOMPARE(s.platform, Platform::AutoScaling);
    QCOMPARE(s.strategy.autoScalingPolicy, AutoScalingPolicy::InstanceRefresh);
    QCOMPARE(s.strategy.refresh.minHealthyPercentage, 50);
    QCOMPARE(s.strategy.refresh.maxHealthyPercentage, 150);
    QCOMPARE(s.strategy.refresh.checkpointPercentages, (std::vector<int>{25, 100}));
    QVERIFY(s.strategy.refresh.skipMatching);
    QCOMPARE(s.timing.seconds(timing::RefreshCheckpointDelay), Seconds(600));
    QCOMPARE(s.timing.seconds(timing::RefreshBakeTime), Seconds(900));
    QCOMPARE(s.timing.seconds(timing::RefreshWarmup), Seconds(120)); // HealthCheckGracePeriod
    QCOMPARE(s.alarms, (std::vector<std::string>{"HighErrors"}));
    QVERIFY(s.watchesAlarms());
    QVERIFY(s.rollbackSupported);
    QCOMPARE(s.zones, 2);
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.eventsNamed("Checkpoint").size(), std::size_t(1));
    QVERIFY(hasEvent(t, "BakeTime"));

    Json bad = root;
    bad["Resources"]["Fleet"]["UpdatePolicy"]["AutoScalingInstanceRefresh"]["Strategy"] = "ReplaceRootVolume";
    QVERIFY(contains(buildError(bad, "Fleet"), "only Rolling is rehearsed"));
    bad = root;
    bad["Resources"]["Fleet"]["UpdatePolicy"]["AutoScalingInstanceRefresh"]["Preferences"]["CheckpointPercentages"] = {50, 20};
    QVERIFY(contains(buildError(bad, "Fleet"), "ascending order"));
    // The group's InstanceMaintenancePolicy supplies what the refresh leaves out.
    Json maintained = fleet({{"AutoScalingInstanceRefresh", {{"Strategy", "Rolling"}}}});
    maintained["Resources"]["Fleet"]["Properties"]["InstanceMaintenancePolicy"] = {{"MinHealthyPercentage", 100},
                                                                                 {"MaxHealthyPercentage", 110}};
    const auto m = ScenarioBuilder(maintained).build("Fleet");
    QCOMPARE(m.strategy.refresh.minHealthyPercentage, 100);
    QCOMPARE(m.strategy.refresh.maxHealthyPercentage, 110);
}

void TestRolloutFleetBuilder::instanceRefreshThatCannotRollBack()
{
    Json root = fleet({{"AutoScalingInstanceRefresh", {{"Strategy", "Rolling"}}}});
    root["Resources"]["Fleet"]["Properties"]["LaunchTemplate"]["Version"] = "$Latest";
    auto s = ScenarioBuilder(root).build("Fleet");
    QVERIFY(!s.rollbackSupported);
    QVERIFY(noted(s, "cannot roll back"));
    // An AMI from a Systems Manager parameter, by dynamic reference or by parameter type.
    root = fleet({{"AutoScalingInstanceRefresh", {{"Strategy", "Rolling"}}}});
    root["Resources"]["Template"]["Properties"]["LaunchTemplateData"]["ImageId"] =
        "{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}";
    QVERIFY(!ScenarioBuilder(root).build("Fleet").rollbackSupported);
    root["Parameters"] = {{"Ami", {{"Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"}}}};
    root["Resources"]["Template"]["Properties"]["LaunchTemplateData"]["ImageId"] = ref("Ami");
    QVERIFY(!ScenarioBuilder(root).build("Fleet").rollbackSupported);
}

void TestRolloutFleetBuilder::lifecycleHooksOfTheGroup()
{
    const auto s = ScenarioBuilder(fleet({{"AutoScalingRollingUpdate", {{"MaxBatchSize", 2}}}})).build("Fleet");
    QCOMPARE(s.strategy.autoScalingPolicy, AutoScalingPolicy::RollingUpdate);
    QCOMPARE(s.lifecycleHooks.size(), std::size_t(2));
    const auto &warm = s.lifecycleHooks[0];
    QCOMPARE(warm.name, std::string("Warm")); // no LifecycleHookName: the logical ID
    QVERIFY(warm.launching);
    QCOMPARE(warm.heartbeatSeconds, Seconds(3600)); // AWS's default
    QVERIFY(!warm.defaultContinue);                 // ABANDON, the API default
    QVERIFY((s.lifecycleHooks[1] == LifecycleHookSpec{"Drain", false, 300, true}));
    QCOMPARE(hookableEvents(s), (std::vector<std::string>{"Warm", "Drain"}));
    auto failing = s;
    failing.failures = {parseFailure("hook:Warm:timeout")};
    const auto t = simulate(failing);
    QVERIFY(hasEvent(t, "Pending:Wait", "ABANDON"));
    // Without an UpdatePolicy: an instance refresh, with the same hooks.
    const auto plain = ScenarioBuilder(fleet(nullptr)).build("Fleet");
    QCOMPARE(plain.strategy.autoScalingPolicy, AutoScalingPolicy::InstanceRefresh);
    QCOMPARE(plain.lifecycleHooks.size(), std::size_t(2));
}

void TestRolloutFleetBuilder::zonalConfiguration()
{
    Json root = fleet(nullptr);
    root["Resources"]["App"] = {{"Type", "AWS::CodeDeploy::Application"}, {"Properties", {{"ComputePlatform", "Server"}}}};
    root["Resources"]["Zonal"] = {{"Type", "AWS::CodeDeploy::DeploymentConfig"},
                                  {"Properties", {{"ComputePlatform", "Server"},
                                                  {"MinimumHealthyHosts", {{"Type", "FLEET_PERCENT"}, {"Value", 50}}},
                                                  {"ZonalConfig", {{"MonitorDurationInSeconds", 600},
                                                                   {"FirstZoneMonitorDurationInSeconds", 1800},
                                                                   {"MinimumHealthyHostsPerZone",
                                                                    {{"Type", "HOST_COUNT"}, {"Value", 1}}}}}}}};
    root["Resources"]["Group"] = {{"Type", "AWS::CodeDeploy::DeploymentGroup"},
                                  {"Properties", {{"ApplicationName", ref("App")},
                                                  {"DeploymentConfigName", ref("Zonal")},
                                                  {"AutoScalingGroups", Json::array({ref("Fleet")})}}}};
    const auto s = ScenarioBuilder(root).build("Group");
    QVERIFY(s.strategy.zonal.enabled);
    QCOMPARE(s.strategy.zonal.monitorSeconds, Seconds(600));
    QCOMPARE(*s.strategy.zonal.firstZoneMonitorSeconds, Seconds(1800));
    QVERIFY((s.strategy.zonal.minimumHealthyHostsPerZone == MinimumHealthyHosts{MinimumHealthyHosts::Type::HostCount, 1}));
    QCOMPARE(s.zones, 2); // two subnets
    QCOMPARE(s.lifecycleHooks.size(), std::size_t(2)); // the group's hooks reach CodeDeploy scenarios too
    const auto t = simulate(s);
    checkInvariants(t);
    QVERIFY(hasEvent(t, "ZoneMonitor"));
    QCOMPARE(t.eventsNamed("ZoneMonitor").front()->durationSeconds, Seconds(1800));
    // Without subnets or zones in the template, three zones are assumed and said so.
    root["Resources"]["Fleet"]["Properties"].erase("VPCZoneIdentifier");
    const auto assumed = ScenarioBuilder(root).build("Group");
    QCOMPARE(assumed.zones, 3);
    QVERIFY(noted(assumed, "3 assumed"));
}

void TestRolloutFleetBuilder::prices()
{
    auto s = ScenarioBuilder(fleet(nullptr)).build("Fleet");
    QVERIFY(s.price);
    QCOMPARE(s.price->usdPerUnitHour, 0.0104); // t3.micro
    QVERIFY(contains(s.price->basis, "t3.micro"));
    QVERIFY(simulate(s).metrics.estimatedCostUsd);
    // Fargate: 512 CPU units and 1024 MiB.
    s = ScenarioBuilder(ecsNative()).build("Service");
    QVERIFY(std::abs(s.price->usdPerUnitHour - (0.5 * 0.04048 + 1.0 * 0.004445)) < 1e-12);
    // An instance type the table does not have: no estimate, and a note saying why.
    Json root = fleet(nullptr);
    root["Resources"]["Template"]["Properties"]["LaunchTemplateData"]["InstanceType"] = "u-24tb1.metal";
    s = ScenarioBuilder(root).build("Fleet");
    QVERIFY(!s.price);
    QVERIFY(noted(s, "u-24tb1.metal is not in the price table"));
    QVERIFY(!simulate(s).metrics.estimatedCostUsd);
    // A table of the user's own replaces the built-in one.
    PriceTable own = PriceTable::fromJson({{"region", "eu-west-1"}, {"readOn", "2027-01-01"},
                                           {"ec2LinuxPerHour", {{"t3.micro", {{"usd", 0.0114}}}}},
                                           {"fargateLinuxX86", {{"usdPerVcpuHour", 0.04}, {"usdPerGbHour", 0.004}}},
                                           {"lambdaX86", {{"usdPerGbSecond", 0.00001}, {"usdPerRequest", 0.0000002}}}});
    BuildOptions options;
    options.prices = &own;
    s = ScenarioBuilder(fleet(nullptr)).build("Fleet", options);
    QCOMPARE(s.price->usdPerUnitHour, 0.0114);
    QVERIFY(contains(s.price->basis, "eu-west-1"));
}

QTEST_APPLESS_MAIN(TestRolloutFleetBuilder)
#include "tst_rolloutfleetbuilder.moc"
