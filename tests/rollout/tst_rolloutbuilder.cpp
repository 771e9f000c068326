// Scenarios worked out from small inline templates, the errors for targets that cannot be
// deployed, and saved scenarios (Metadata.StackCanvas.scenarios) round-tripped.

#include "model/rollout/scenariobuilder.h"
#include "rollouttesthelpers.h"

#include <QTest>

using namespace sc;
using namespace sc::test;

namespace {

Json withResources(Json resources)
{
    return Json{{"AWSTemplateFormatVersion", "2010-09-09"}, {"Resources", std::move(resources)}};
}

Json ref(const std::string &id)
{
    return Json{{"Ref", id}};
}

Json serverGroup(Json extra = Json::object())
{
    Json props{{"ApplicationName", ref("App")},
               {"ServiceRoleArn", "arn:aws:iam::123456789012:role/cd"},
               {"AutoScalingGroups", Json::array({ref("Fleet")})}};
    for (const auto &[k, v] : extra.items())
        props[k] = v;
    return withResources({{"App", {{"Type", "AWS::CodeDeploy::Application"}, {"Properties", {{"ComputePlatform", "Server"}}}}},
                          {"Fleet", {{"Type", "AWS::AutoScaling::AutoScalingGroup"},
                                     {"Properties", {{"MinSize", "2"}, {"MaxSize", "8"}, {"DesiredCapacity", "4"}}}}},
                          {"Group", {{"Type", "AWS::CodeDeploy::DeploymentGroup"}, {"Properties", props}}}});
}

// The error message of build(), empty when it builds.
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

} // namespace

class TestRolloutBuilder : public QObject {
    Q_OBJECT

private slots:
    void serverDeploymentGroupInPlace();
    void serverDeploymentGroupDefaultsAndCustomConfig();
    void serverFleetFromTagFiltersOrOverride();
    void serverBlueGreenOptions();
    void lambdaAliasUpdatePolicy();
    void samDeploymentPreference();
    void ecsServiceWithDeploymentGroup();
    void ecsServiceWithBlueGreenHook();
    void beanstalkEnvironment();
    void beanstalkUnsupportedPolicies();
    void autoScalingGroupUpdatePolicy();
    void route53WeightedPair();
    void targetsThatCannotBeDeployed();
    void strategyOverride();
    void savedScenarioRoundTrip();
    void failureSpecs();
};

void TestRolloutBuilder::serverDeploymentGroupInPlace()
{
    const Json root = serverGroup({{"DeploymentConfigName", "CodeDeployDefault.HalfAtATime"},
                                   {"DeploymentStyle", {{"DeploymentType", "IN_PLACE"},
                                                        {"DeploymentOption", "WITH_TRAFFIC_CONTROL"}}},
                                   {"LoadBalancerInfo", {{"TargetGroupInfoList", Json::array({{{"Name", "tg"}}})}}},
                                   {"AutoRollbackConfiguration", {{"Enabled", true}, {"Events", {"DEPLOYMENT_FAILURE"}}}},
                                   {"AlarmConfiguration", {{"Enabled", true}, {"Alarms", Json::array({{{"Name", "Errors"}}})}}}});
    const auto s = ScenarioBuilder(root).build("Group");
    QCOMPARE(s.platform, Platform::Server);
    QCOMPARE(s.instances, 4); // DesiredCapacity of the referenced group
    QVERIFY(s.loadBalancer);
    QVERIFY(!s.blueGreen);
    QCOMPARE(s.strategy.name, std::string("CodeDeployDefault.HalfAtATime"));
    QVERIFY(s.rollback.enabled && s.rollback.onFailure && !s.rollback.onAlarm);
    QVERIFY(s.watchesAlarms());
    QCOMPARE(s.alarms, (std::vector<std::string>{"Errors"}));
    QCOMPARE(waveSizes(simulate(s)), (std::vector<int>{2, 2}));
}

void TestRolloutBuilder::serverDeploymentGroupDefaultsAndCustomConfig()
{
    auto s = ScenarioBuilder(serverGroup()).build("Group");
    QCOMPARE(s.strategy.name, std::string("CodeDeployDefault.OneAtATime"));
    QVERIFY(!s.loadBalancer);

    Json root = serverGroup({{"DeploymentConfigName", ref("Config")}});
    root["Resources"]["Config"] = {{"Type", "AWS::CodeDeploy::DeploymentConfig"},
                                   {"Properties", {{"ComputePlatform", "Server"},
                                                   {"MinimumHealthyHosts", {{"Type", "HOST_COUNT"}, {"Value", 3}}}}}};
    s = ScenarioBuilder(root).build("Group");
    QCOMPARE(s.strategy.minimumHealthyHosts.type, MinimumHealthyHosts::Type::HostCount);
    QCOMPARE(s.strategy.minimumHealthyHosts.value, 3);
    QCOMPARE(waveSizes(simulate(s)), (std::vector<int>{1, 1, 1, 1}));

    root = serverGroup({{"DeploymentConfigName", "CodeDeployDefault.LambdaAllAtOnce"}});
    QVERIFY(contains(buildError(root, "Group"), "Lambda configuration"));
    root = serverGroup({{"DeploymentConfigName", "MyMissingConfig"}});
    QVERIFY(contains(buildError(root, "Group"), "neither predefined nor defined"));
}

void TestRolloutBuilder::serverFleetFromTagFiltersOrOverride()
{
    Json root = withResources(
        {{"Web1", {{"Type", "AWS::EC2::Instance"}, {"Properties", {{"Tags", Json::array({{{"Key", "Role"}, {"Value", "web"}}})}}}}},
         {"Web2", {{"Type", "AWS::EC2::Instance"}, {"Properties", {{"Tags", Json::array({{{"Key", "Role"}, {"Value", "web"}}})}}}}},
         {"Db", {{"Type", "AWS::EC2::Instance"}, {"Properties", {{"Tags", Json::array({{{"Key", "Role"}, {"Value", "db"}}})}}}}},
         {"Group", {{"Type", "AWS::CodeDeploy::DeploymentGroup"},
                    {"Properties", {{"ApplicationName", "app"},
                                    {"Ec2TagFilters", Json::array({{{"Key", "Role"}, {"Value", "web"}, {"Type", "KEY_AND_VALUE"}}})}}}}}});
    QCOMPARE(ScenarioBuilder(root).build("Group").instances, 2);

    root["Resources"]["Group"]["Properties"].erase("Ec2TagFilters");
    const auto error = buildError(root, "Group");
    QVERIFY2(contains(error, "--instances"), error.c_str());
    BuildOptions options;
    options.instances = 5;
    QCOMPARE(ScenarioBuilder(root).build("Group", options).instances, 5);
}

void TestRolloutBuilder::serverBlueGreenOptions()
{
    Json root = serverGroup(
        {{"DeploymentStyle", {{"DeploymentType", "BLUE_GREEN"}, {"DeploymentOption", "WITH_TRAFFIC_CONTROL"}}},
         {"LoadBalancerInfo", {{"TargetGroupInfoList", Json::array({{{"Name", "tg"}}})}}},
         {"BlueGreenDeploymentConfiguration",
          {{"GreenFleetProvisioningOption", {{"Action", "COPY_AUTO_SCALING_GROUP"}}},
           {"DeploymentReadyOption", {{"ActionOnTimeout", "STOP_DEPLOYMENT"}, {"WaitTimeInMinutes", 30}}},
           {"TerminateBlueInstancesOnDeploymentSuccess", {{"Action", "TERMINATE"}, {"TerminationWaitTimeInMinutes", 5}}}}}});
    const auto s = ScenarioBuilder(root).build("Group");
    QVERIFY(s.blueGreen);
    QVERIFY(s.blueGreenOptions.copyAutoScalingGroup);
    QVERIFY(s.blueGreenOptions.waitForApproval);
    QVERIFY(s.blueGreenOptions.terminateOriginals);
    QCOMPARE(s.timing.seconds(timing::TerminationWait), Seconds(300));
    QCOMPARE(s.timing.seconds(timing::ReadyWait), Seconds(1800));
    const auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(firstEvent(t, "Instance", "TerminateOriginals") - firstEvent(t, "Wait", "TERMINATION_WAIT"),
             Seconds(300));

    // Waits past the simulator's 30 days are refused by name, however many digits they have
    // (2^63 - 1 minutes overflowed when multiplied into seconds).
    auto &bg = root["Resources"]["Group"]["Properties"]["BlueGreenDeploymentConfiguration"];
    for (const Json &minutes : {Json(43201), Json(9223372036854775807LL), Json("15000000000000000000000000"), Json(1e300)}) {
        bg["TerminateBlueInstancesOnDeploymentSuccess"]["TerminationWaitTimeInMinutes"] = minutes;
        const auto error = buildError(root, "Group");
        QVERIFY2(contains(error, "\"bluegreen.terminationWait\" of ") && contains(error, " minutes is above the simulator's limit of 43200 minutes"),
                 (minutes.dump() + ": " + error).c_str());
    }
    bg["TerminateBlueInstancesOnDeploymentSuccess"]["TerminationWaitTimeInMinutes"] = 43200;
    QCOMPARE(ScenarioBuilder(root).build("Group").timing.seconds(timing::TerminationWait), Seconds(43200 * 60));
    bg["DeploymentReadyOption"]["WaitTimeInMinutes"] = -9223372036854775807LL;
    QVERIFY(contains(buildError(root, "Group"), "\"bluegreen.readyWait\" cannot be negative"));
    bg["DeploymentReadyOption"]["WaitTimeInMinutes"] = 30;

    root["Resources"]["Group"]["Properties"].erase("LoadBalancerInfo");
    QVERIFY(contains(buildError(root, "Group"), "LoadBalancerInfo"));
}

void TestRolloutBuilder::lambdaAliasUpdatePolicy()
{
    const Json root = withResources(
        {{"App", {{"Type", "AWS::CodeDeploy::Application"}, {"Properties", {{"ComputePlatform", "Lambda"}}}}},
         {"Group", {{"Type", "AWS::CodeDeploy::DeploymentGroup"},
                    {"Properties", {{"ApplicationName", ref("App")},
                                    {"DeploymentConfigName", "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes"},
                                    {"AutoRollbackConfiguration", {{"Enabled", true}, {"Events", {"DEPLOYMENT_STOP_ON_ALARM"}}}},
                                    {"AlarmConfiguration", {{"Enabled", true}, {"Alarms", Json::array({{{"Name", "Errors"}}})}}}}}}},
         {"Live", {{"Type", "AWS::Lambda::Alias"},
                   {"Properties", {{"FunctionName", ref("Fn")}, {"FunctionVersion", "1"}, {"Name", "live"}}},
                   {"UpdatePolicy", {{"CodeDeployLambdaAliasUpdate", {{"ApplicationName", ref("App")},
                                                                      {"DeploymentGroupName", ref("Group")},
                                                                      {"BeforeAllowTrafficHook", "PreHook"}}}}}}},
         {"Plain", {{"Type", "AWS::Lambda::Alias"}, {"Properties", {{"Name", "plain"}}}}}});
    const auto s = ScenarioBuilder(root).build("Live");
    QCOMPARE(s.platform, Platform::Lambda);
    QCOMPARE(s.strategy.trafficRouting.intervalMinutes, 2);
    QCOMPARE(s.hooks, (std::vector<std::string>{"BeforeAllowTraffic"}));
    QVERIFY(s.rollback.onAlarm);
    QVERIFY(s.watchesAlarms());
    QCOMPARE(ScenarioBuilder(root).build("Group").target, std::string("Group"));
    QVERIFY(contains(buildError(root, "Plain"), "UpdatePolicy.CodeDeployLambdaAliasUpdate"));
}

void TestRolloutBuilder::samDeploymentPreference()
{
    Json root = withResources({{"Fn", {{"Type", "AWS::Serverless::Function"},
                                       {"Properties", {{"Handler", "index.handler"},
                                                       {"AutoPublishAlias", "live"},
                                                       {"DeploymentPreference",
                                                        {{"Type", "Canary10Percent5Minutes"},
                                                         {"Alarms", Json::array({ref("ErrorsAlarm")})},
                                                         {"Hooks", {{"PreTraffic", ref("Pre")}, {"PostTraffic", ref("Post")}}}}}}}}},
                               {"ErrorsAlarm", {{"Type", "AWS::CloudWatch::Alarm"}, {"Properties", Json::object()}}}});
    root["Transform"] = "AWS::Serverless-2016-10-31";
    const auto s = ScenarioBuilder(root).build("Fn");
    QCOMPARE(s.strategy.name, std::string("CodeDeployDefault.LambdaCanary10Percent5Minutes"));
    QVERIFY((s.rollback == RollbackConfig{true, true, true, true}));
    QCOMPARE(s.alarms, (std::vector<std::string>{"ErrorsAlarm"}));
    QCOMPARE(s.hooks, (std::vector<std::string>{"BeforeAllowTraffic", "AfterAllowTraffic"}));

    root["Resources"]["Fn"]["Properties"].erase("AutoPublishAlias");
    QVERIFY(contains(buildError(root, "Fn"), "requires AutoPublishAlias"));
    // Globals supply it.
    root["Globals"] = {{"Function", {{"AutoPublishAlias", "live"}}}};
    QVERIFY(buildError(root, "Fn").empty());
    root["Resources"]["Fn"]["Properties"].erase("DeploymentPreference");
    QVERIFY(contains(buildError(root, "Fn"), "no DeploymentPreference"));
}

void TestRolloutBuilder::ecsServiceWithDeploymentGroup()
{
    Json root = withResources(
        {{"Service", {{"Type", "AWS::ECS::Service"},
                      {"Properties", {{"DesiredCount", 3}, {"DeploymentController", {{"Type", "CODE_DEPLOY"}}}}}}},
         {"Lb", {{"Type", "AWS::ElasticLoadBalancingV2::LoadBalancer"}, {"Properties", {{"Type", "application"}}}}},
         {"Prod", {{"Type", "AWS::ElasticLoadBalancingV2::Listener"}, {"Properties", {{"LoadBalancerArn", ref("Lb")}}}}},
         {"Test", {{"Type", "AWS::ElasticLoadBalancingV2::Listener"}, {"Properties", {{"LoadBalancerArn", ref("Lb")}}}}},
         {"Group", {{"Type", "AWS::CodeDeploy::DeploymentGroup"},
                    {"Properties", {{"ApplicationName", "app"},
                                    {"DeploymentConfigName", "CodeDeployDefault.ECSCanary10Percent15Minutes"},
                                    {"ECSServices", Json::array({{{"ClusterName", "c"},
                                                                  {"ServiceName", {{"Fn::GetAtt", {"Service", "Name"}}}}}})},
                                    {"LoadBalancerInfo", {{"TargetGroupPairInfoList", Json::array({
                                        {{"ProdTrafficRoute", {{"ListenerArns", Json::array({ref("Prod")})}}},
                                         {"TestTrafficRoute", {{"ListenerArns", Json::array({ref("Test")})}}}}})}}}}}}}});
    auto s = ScenarioBuilder(root).build("Service");
    QCOMPARE(s.platform, Platform::Ecs);
    QCOMPARE(s.instances, 3);
    QVERIFY(s.testListener);
    QCOMPARE(s.loadBalancerType, std::string("application"));
    QCOMPARE(s.strategy.trafficRouting.intervalMinutes, 15);
    QCOMPARE(ScenarioBuilder(root).build("Group").platform, Platform::Ecs);
    QVERIFY(hasEvent(simulate(s), "AfterAllowTestTraffic"));

    // A Network Load Balancer supports only ECSAllAtOnce.
    root["Resources"]["Lb"]["Properties"]["Type"] = "network";
    QVERIFY(contains(buildError(root, "Service"), "Network Load Balancer"));

    // A strategy of the other controller does not apply: the controller is the service's.
    root["Resources"]["Lb"]["Properties"]["Type"] = "application";
    BuildOptions native;
    native.strategy = "CANARY";
    QVERIFY(contains(buildError(root, "Service", native), "changing DeploymentController replaces the service"));
    root["Resources"]["Service"]["Properties"]["DeploymentController"]["Type"] = "ECS";
    QCOMPARE(ScenarioBuilder(root).build("Service").strategy.ecs.strategy, EcsStrategy::Rolling);
    root["Resources"]["Service"]["Properties"]["DeploymentController"]["Type"] = "EXTERNAL";
    QVERIFY(contains(buildError(root, "Service"), "third-party"));
}

void TestRolloutBuilder::ecsServiceWithBlueGreenHook()
{
    Json root = withResources({{"Service", {{"Type", "AWS::ECS::Service"},
                                            {"Properties", {{"DesiredCount", 2}, {"DeploymentController", {{"Type", "CODE_DEPLOY"}}}}}}}});
    root["Hooks"] = {{"CodeDeployBlueGreenHook",
                      {{"Type", "AWS::CodeDeploy::BlueGreen"},
                       {"Properties", {{"TrafficRoutingConfig", {{"Type", "TimeBasedCanary"},
                                                                  {"TimeBasedCanary", {{"StepPercentage", 20}}}}},
                                       {"AdditionalOptions", {{"TerminationWaitTimeInMinutes", 10}}},
                                       {"Applications", Json::array({{{"Target", {{"Type", "AWS::ECS::Service"}, {"LogicalID", "Service"}}},
                                                                       {"ECSAttributes", {{"TrafficRouting", {{"ProdTrafficRoute", Json::object()}}}}}}})}}}}}};
    const auto s = ScenarioBuilder(root).build("Service");
    QCOMPARE(s.strategy.trafficRouting.type, TrafficRouting::Type::TimeBasedCanary);
    QCOMPARE(s.strategy.trafficRouting.percentage, 20);
    QCOMPARE(s.strategy.trafficRouting.intervalMinutes, 5); // BakeTimeMins default
    QCOMPARE(s.timing.seconds(timing::TerminationWait), Seconds(600));
    QVERIFY(!s.testListener);
    root.erase("Hooks");
    QVERIFY(contains(buildError(root, "Service"), "ECSServices"));
}

void TestRolloutBuilder::beanstalkEnvironment()
{
    auto option = [](const char *ns, const char *name, const char *value) {
        return Json{{"Namespace", ns}, {"OptionName", name}, {"Value", value}};
    };
    const Json root = withResources(
        {{"Config", {{"Type", "AWS::ElasticBeanstalk::ConfigurationTemplate"},
                     {"Properties", {{"OptionSettings", Json::array({option("aws:autoscaling:asg", "MinSize", "6"),
                                                                     option("aws:autoscaling:asg", "MaxSize", "8"),
                                                                     option("aws:elasticbeanstalk:command", "DeploymentPolicy", "AllAtOnce")})}}}}},
         {"Env", {{"Type", "AWS::ElasticBeanstalk::Environment"},
                  {"Properties", {{"TemplateName", ref("Config")},
                                  {"OptionSettings", Json::array({option("aws:elasticbeanstalk:command", "DeploymentPolicy", "Rolling"),
                                                                  option("aws:elasticbeanstalk:command", "BatchSizeType", "Fixed"),
                                                                  option("aws:elasticbeanstalk:command", "BatchSize", "2"),
                                                                  option("aws:elasticbeanstalk:command", "Timeout", "900")})}}}}},
         {"Quiet", {{"Type", "AWS::ElasticBeanstalk::Environment"}, {"Properties", Json::object()}}}});
    const auto s = ScenarioBuilder(root).build("Env");
    QCOMPARE(s.platform, Platform::ElasticBeanstalk);
    QCOMPARE(s.instances, 6);       // MinSize from the configuration template
    QCOMPARE(s.maxInstances, 8);
    QCOMPARE(s.strategy.beanstalkPolicy, BeanstalkPolicy::Rolling); // the environment's own option wins
    QVERIFY(s.strategy.batchSizeFixed);
    QCOMPARE(s.strategy.batchSize, 2);
    QCOMPARE(s.timing.seconds(timing::EbCommandTimeout), Seconds(1140));
    QCOMPARE(lowestHealthy(simulate(s)), 4);

    // MinSize above the default MaxSize of 4 is refused, as Elastic Beanstalk refuses it.
    Json tooSmall = root;
    tooSmall["Resources"]["Config"]["Properties"]["OptionSettings"].erase(1);
    QVERIFY(contains(buildError(tooSmall, "Env"), "MaxSize 4 is below the fleet size 6"));

    const auto quiet = ScenarioBuilder(root).build("Quiet");
    QCOMPARE(quiet.strategy.beanstalkPolicy, BeanstalkPolicy::AllAtOnce);
    QCOMPARE(quiet.instances, 1);
    QCOMPARE(quiet.maxInstances, 4);
}

void TestRolloutBuilder::beanstalkUnsupportedPolicies()
{
    auto env = [](Json options) {
        return withResources({{"Env", {{"Type", "AWS::ElasticBeanstalk::Environment"},
                                       {"Properties", {{"OptionSettings", std::move(options)}}}}}});
    };
    auto option = [](const char *ns, const char *name, const char *value) {
        return Json{{"Namespace", ns}, {"OptionName", name}, {"Value", value}};
    };
    const Json single = env(Json::array({option("aws:elasticbeanstalk:environment", "EnvironmentType", "SingleInstance"),
                                         option("aws:elasticbeanstalk:command", "DeploymentPolicy", "Rolling")}));
    QVERIFY(contains(buildError(single, "Env"), "single-instance"));
    const Json classic = env(Json::array({option("aws:elasticbeanstalk:command", "DeploymentPolicy", "TrafficSplitting")}));
    QVERIFY(contains(buildError(classic, "Env"), "Application Load Balancer"));
    const Json alb = env(Json::array({option("aws:elasticbeanstalk:command", "DeploymentPolicy", "TrafficSplitting"),
                                      option("aws:elasticbeanstalk:environment", "LoadBalancerType", "application"),
                                      option("aws:elasticbeanstalk:trafficsplitting", "NewVersionPercent", "20"),
                                      option("aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", "3")}));
    const auto s = ScenarioBuilder(alb).build("Env");
    QCOMPARE(s.strategy.newVersionPercent, 20);
    QCOMPARE(s.strategy.evaluationTimeMinutes, 3);
}

void TestRolloutBuilder::autoScalingGroupUpdatePolicy()
{
    Json root = withResources({{"Fleet", {{"Type", "AWS::AutoScaling::AutoScalingGroup"},
                                          {"Properties", {{"MinSize", "2"}, {"MaxSize", "10"}, {"DesiredCapacity", "6"},
                                                          {"TargetGroupARNs", Json::array({ref("Tg")})}}},
                                          {"UpdatePolicy", {{"AutoScalingRollingUpdate",
                                                             {{"MaxBatchSize", 2}, {"MinInstancesInService", 4},
                                                              {"PauseTime", "PT2M30S"}}}}}}},
                               {"Tg", {{"Type", "AWS::ElasticLoadBalancingV2::TargetGroup"}, {"Properties", Json::object()}}}});
    auto s = ScenarioBuilder(root).build("Fleet");
    QCOMPARE(s.platform, Platform::AutoScaling);
    QCOMPARE(s.instances, 6);
    QCOMPARE(s.maxInstances, 10);
    QVERIFY(s.loadBalancer);
    QCOMPARE(s.strategy.maxBatchSize, 2);
    QCOMPARE(s.strategy.minInstancesInService, 4);
    QCOMPARE(s.timing.seconds(timing::AsgPauseTime), Seconds(150));
    QCOMPARE(lowestHealthy(simulate(s)), 4);

    // A pause of more digits than a 64-bit count holds is refused, not wrapped.
    root["Resources"]["Fleet"]["UpdatePolicy"]["AutoScalingRollingUpdate"]["PauseTime"] = "PT99999999999999999999999M";
    QVERIFY(contains(buildError(root, "Fleet"), "\"asg.pauseTime\" of 2592001 s is above the simulator's limit"));
    root["Resources"]["Fleet"]["UpdatePolicy"]["AutoScalingRollingUpdate"]["PauseTime"] = "PT2M30S";

    root["Resources"]["Fleet"]["UpdatePolicy"]["AutoScalingReplacingUpdate"] = {{"WillReplace", true}};
    s = ScenarioBuilder(root).build("Fleet");
    QCOMPARE(s.strategy.autoScalingPolicy, AutoScalingPolicy::ReplacingUpdate); // WillReplace wins

    // Without an UpdatePolicy nothing replaces running instances: an instance refresh is what a
    // user starts, with AWS's default preferences.
    root["Resources"]["Fleet"].erase("UpdatePolicy");
    s = ScenarioBuilder(root).build("Fleet");
    QCOMPARE(s.strategy.autoScalingPolicy, AutoScalingPolicy::InstanceRefresh);
    QCOMPARE(s.strategy.refresh.minHealthyPercentage, 90);
    QVERIFY(contains(s.notes.front(), "no UpdatePolicy"));
}

void TestRolloutBuilder::route53WeightedPair()
{
    auto record = [](const char *id, int weight) {
        return Json{{"Type", "AWS::Route53::RecordSet"},
                    {"Properties", {{"Name", "app.example.com."}, {"Type", "CNAME"}, {"SetIdentifier", id},
                                    {"Weight", weight}, {"TTL", "30"}}}};
    };
    Json root = withResources({{"Blue", record("blue", 100)}, {"Green", record("green", 0)}});
    const auto s = ScenarioBuilder(root).build("Green");
    QCOMPARE(s.platform, Platform::Route53);
    QCOMPARE(s.timing.seconds(timing::DnsTtl), Seconds(30));
    QCOMPARE(newTraffic(simulate(s), 30), 10.0);
    root["Resources"].erase("Blue");
    QVERIFY(contains(buildError(root, "Green"), "same Name and Type"));
}

void TestRolloutBuilder::targetsThatCannotBeDeployed()
{
    const Json root = withResources({{"Bucket", {{"Type", "AWS::S3::Bucket"}}}});
    QVERIFY(contains(buildError(root, "Bucket"), "cannot be deployed"));
    QVERIFY(contains(buildError(root, "Nope"), "no resource \"Nope\""));
    const Json group = serverGroup();
    QCOMPARE(ScenarioBuilder(group).deployableTargets(), (std::vector<std::string>{"Fleet", "Group"}));
}

void TestRolloutBuilder::strategyOverride()
{
    Json root = serverGroup();
    root["Resources"]["Custom"] = {{"Type", "AWS::CodeDeploy::DeploymentConfig"},
                                   {"Properties", {{"DeploymentConfigName", "TwoAtATime"},
                                                   {"MinimumHealthyHosts", {{"Type", "HOST_COUNT"}, {"Value", 2}}}}}};
    BuildOptions options;
    options.strategy = "CodeDeployDefault.AllAtOnce";
    QCOMPARE(ScenarioBuilder(root).build("Group", options).strategy.minimumHealthyHosts.value, 0);
    options.strategy = "TwoAtATime"; // a configuration of the template, by name
    QCOMPARE(ScenarioBuilder(root).build("Group", options).strategy.minimumHealthyHosts.value, 2);
    options.strategy = "CodeDeployDefault.LambdaAllAtOnce";
    QVERIFY(contains(buildError(root, "Group", options), "Lambda configuration"));
}

void TestRolloutBuilder::savedScenarioRoundTrip()
{
    auto s = scenario(Platform::Server, "min-healthy:40%", 9);
    s.target = "Group";
    s.blueGreen = true;
    s.loadBalancer = true;
    s.loadBalancerType = "application";
    s.blueGreenOptions = {false, true, false};
    s.rollback = {true, true, false, true};
    s.alarmsEnabled = true;
    s.alarms = {"A", "B"};
    s.timing.set(timing::TerminationWait, 120);
    s.timing.set(timing::HealthCheck, 30);
    s.failures = {parseFailure("instance:3"), parseFailure("alarm:500")};
    s.notes = {"from a test"};
    QVERIFY(scenarioFromJson(scenarioToJson(s)) == s);

    auto eb = scenario(Platform::ElasticBeanstalk, "TrafficSplitting", 4);
    eb.strategy.newVersionPercent = 30;
    eb.strategy.evaluationTimeMinutes = 9;
    eb.ignoreHealthCheck = true;
    QVERIFY(scenarioFromJson(scenarioToJson(eb)) == eb);

    auto lambda = scenario(Platform::Lambda, "linear:20:4", 0);
    lambda.hooks = {"AfterAllowTraffic"};
    lambda.failures = {parseFailure("hook:AfterAllowTraffic:timeout")};
    QVERIFY(scenarioFromJson(scenarioToJson(lambda)) == lambda);

    auto asg = scenario(Platform::AutoScaling, "AutoScalingReplacingUpdate", 3);
    asg.strategy.minSuccessfulInstancesPercent = 50;
    asg.waitOnResourceSignals = true;
    QVERIFY(scenarioFromJson(scenarioToJson(asg)) == asg);

    // Stored in the template, beside what is already there, and read back.
    Json root = serverGroup();
    root["Metadata"] = {{"StackCanvas", {{"layout", {{"Group", {{"x", 1}}}}}}}};
    root = withSavedScenario(root, "half fleet fails", s);
    root = withSavedScenario(root, "canary", lambda);
    QVERIFY(root["Metadata"]["StackCanvas"]["layout"]["Group"]["x"] == 1);
    const auto saved = savedScenarios(root);
    QCOMPARE(saved.size(), std::size_t(2));
    QCOMPARE(saved[0].first, std::string("half fleet fails"));
    QVERIFY(saved[0].second == s);
    QVERIFY(saved[1].second == lambda);
    QVERIFY(simulate(saved[0].second) == simulate(s));

    QVERIFY_THROWS_EXCEPTION(ScenarioError, scenarioFromJson(Json{{"target", "X"}}));
    QVERIFY_THROWS_EXCEPTION(ScenarioError,
                             scenarioFromJson(Json{{"target", "X"}, {"platform", "Server"},
                                                   {"strategy", {{"name", "x"}}}, {"timing", {{"nope", 1}}}}));
}

void TestRolloutBuilder::failureSpecs()
{
    QCOMPARE(parseFailure("instance:3").instance, 3);
    QCOMPARE(parseFailure("alarm:90").atSeconds, Seconds(90));
    const auto hook = parseFailure("hook:AfterInstall:timeout");
    QCOMPARE(hook.hook, std::string("AfterInstall"));
    QVERIFY(hook.hookTimesOut);
    for (const char *bad : {"instance:0", "instance:x", "alarm:", "hook:", "boom:1", "instance"})
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseFailure(bad));
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 3);
    s.failures = {parseFailure("instance:4")};
    QVERIFY_THROWS_EXCEPTION(ScenarioError, validateScenario(s));
    s.failures = {parseFailure("hook:Install")}; // reserved for the agent
    QVERIFY_THROWS_EXCEPTION(ScenarioError, validateScenario(s));
}

QTEST_APPLESS_MAIN(TestRolloutBuilder)
#include "tst_rolloutbuilder.moc"
