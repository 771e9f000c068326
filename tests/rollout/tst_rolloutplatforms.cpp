// Each documented Elastic Beanstalk, Auto Scaling and Route 53 fact
// (reference/aws-deployment-semantics.md §4) as an assertion on the Timeline, plus the
// Timeline's JSON shape (DESIGN §6), determinism and the strategy names.

#include "rollouttesthelpers.h"

#include <QTest>

using namespace sc;
using namespace sc::test;

class TestRolloutPlatforms : public QObject {
    Q_OBJECT

private slots:
    void beanstalkAllAtOnceHasDowntime();
    void beanstalkRollingFixedBatchOfTwo();
    void beanstalkRollingFailureLeavesMixedFleet();
    void beanstalkRollingWithAdditionalBatch();
    void beanstalkImmutable();
    void beanstalkImmutableFailureTerminatesNewInstances();
    void beanstalkTrafficSplittingHoldsNewVersionPercent();
    void beanstalkTrafficSplittingShiftsBackWhenUnhealthy();
    void beanstalkBlueGreenSwapsUrls();
    void autoScalingRollingUpdate();
    void autoScalingRollingUpdateKeepsMinInstancesInService();
    void autoScalingRollingUpdateFailure();
    void autoScalingReplacingUpdate();
    void route53WeightedShift();
    void timelineJsonShape();
    void deterministic();
    void strategyNames();
};

void TestRolloutPlatforms::beanstalkAllAtOnceHasDowntime()
{
    const auto t = simulate(scenario(Platform::ElasticBeanstalk, "AllAtOnce", 4));
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QVERIFY(t.metrics.downtimeSeconds > 0);
    QCOMPARE(t.metrics.downtimeSeconds, Seconds(60)); // eb.instanceDeploy
    QCOMPARE(t.metrics.minHealthyPercent, 0.0);
    QCOMPARE(t.samples.back().healthy.replacement, 4);
}

void TestRolloutPlatforms::beanstalkRollingFixedBatchOfTwo()
{
    auto s = scenario(Platform::ElasticBeanstalk, "Rolling", 6);
    s.loadBalancer = true;
    s.strategy.batchSizeFixed = true;
    s.strategy.batchSize = 2;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(lowestHealthy(t), 4);
    QCOMPARE(highestInstances(t), 6);
    QCOMPARE(t.metrics.downtimeSeconds, Seconds(0));
    QCOMPARE(t.samples.back().healthy.replacement, 6);
    int batches = 0;
    for (const auto &e : t.events)
        batches += e.type == "Batch" ? 1 : 0;
    QCOMPARE(batches, 3);
}

void TestRolloutPlatforms::beanstalkRollingFailureLeavesMixedFleet()
{
    auto s = scenario(Platform::ElasticBeanstalk, "Rolling", 6);
    s.loadBalancer = true;
    s.strategy.batchSizeFixed = true;
    s.strategy.batchSize = 2;
    s.failures = {parseFailure("instance:3")};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Failed);
    const auto &last = t.samples.back();
    QCOMPARE(last.instances.replacement, 4);
    QCOMPARE(last.instances.original, 2);
    QCOMPARE(last.healthy.total(), 5); // the failed instance stays out of service
}

void TestRolloutPlatforms::beanstalkRollingWithAdditionalBatch()
{
    auto s = scenario(Platform::ElasticBeanstalk, "RollingWithAdditionalBatch", 6);
    s.loadBalancer = true;
    s.strategy.batchSizeFixed = true;
    s.strategy.batchSize = 2;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(lowestHealthy(t), 6);
    QCOMPARE(highestInstances(t), 8);
    QCOMPARE(t.samples.back().instances.total(), 6);
    QCOMPARE(t.samples.back().instances.replacement, 6);
}

void TestRolloutPlatforms::beanstalkImmutable()
{
    auto s = scenario(Platform::ElasticBeanstalk, "Immutable", 6);
    s.loadBalancer = true;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(highestInstances(t), 12);
    QCOMPARE(lowestHealthy(t), 6);
    QCOMPARE(t.samples.back().instances.replacement, 6);
    QCOMPARE(t.samples.back().instances.original, 0);
    // One new instance first, then the rest.
    QCOMPARE(t.eventsNamed("LaunchFirstInstance").size(), std::size_t(1));
    const Seconds rest = firstEvent(t, "Instance", "LaunchRemainingInstances");
    QCOMPARE(t.sampleAt(rest - 1).instances.replacement, 1);
    QCOMPARE(t.sampleAt(rest).instances.replacement, 6);
}

void TestRolloutPlatforms::beanstalkImmutableFailureTerminatesNewInstances()
{
    auto s = scenario(Platform::ElasticBeanstalk, "Immutable", 6);
    s.loadBalancer = true;
    s.failures = {parseFailure("instance:4")};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().healthy.original, 6);
    QCOMPARE(lowestHealthy(t), 6);
}

void TestRolloutPlatforms::beanstalkTrafficSplittingHoldsNewVersionPercent()
{
    auto s = scenario(Platform::ElasticBeanstalk, "TrafficSplitting", 4);
    s.loadBalancer = true;
    s.strategy.newVersionPercent = 15;
    s.strategy.evaluationTimeMinutes = 7;
    const auto t = simulate(s);
    checkInvariants(t);
    const Seconds split = firstEvent(t, "TrafficShift", "TrafficSplitting");
    QVERIFY(split > 0);
    QCOMPARE(newTraffic(t, split - 1), 0.0);
    QCOMPARE(newTraffic(t, split), 15.0);
    QCOMPARE(newTraffic(t, split + 7 * 60 - 1), 15.0);
    QCOMPARE(newTraffic(t, split + 7 * 60), 100.0);
    QCOMPARE(highestInstances(t), 8); // the same count launched again
    QCOMPARE(lowestHealthy(t), 4);
    QCOMPARE(t.samples.back().instances.original, 0);
}

void TestRolloutPlatforms::beanstalkTrafficSplittingShiftsBackWhenUnhealthy()
{
    auto s = scenario(Platform::ElasticBeanstalk, "TrafficSplitting", 4);
    s.loadBalancer = true;
    const Seconds split = firstEvent(simulate(s), "TrafficShift", "TrafficSplitting");
    s.failures = {parseFailure("alarm:" + std::to_string(split + 100))};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(newTraffic(t, split + 99), 10.0);
    QCOMPARE(newTraffic(t, split + 100), 0.0);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().healthy.original, 4);
}

void TestRolloutPlatforms::beanstalkBlueGreenSwapsUrls()
{
    auto s = scenario(Platform::ElasticBeanstalk, "BlueGreen", 3);
    s.loadBalancer = true;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(highestInstances(t), 6);
    const Seconds swap = firstEvent(t, "LifecycleEvent", "SwapEnvironmentURLs");
    QCOMPARE(newTraffic(t, swap + 59), 0.0);
    QCOMPARE(newTraffic(t, swap + 60), 100.0);
    QCOMPARE(t.metrics.downtimeSeconds, Seconds(0));
}

void TestRolloutPlatforms::autoScalingRollingUpdate()
{
    auto s = scenario(Platform::AutoScaling, "AutoScalingRollingUpdate", 6);
    s.strategy.maxBatchSize = 2;
    s.strategy.minInstancesInService = 4;
    s.timing.set(timing::AsgPauseTime, 60);
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(lowestHealthy(t), 4);
    QCOMPARE(highestInstances(t), 6);
    QCOMPARE(t.eventsNamed("PauseTime").size(), std::size_t(3));
    QCOMPARE(t.samples.back().healthy.replacement, 6);
}

void TestRolloutPlatforms::autoScalingRollingUpdateKeepsMinInstancesInService()
{
    auto s = scenario(Platform::AutoScaling, "AutoScalingRollingUpdate", 6);
    s.strategy.maxBatchSize = 2;
    s.strategy.minInstancesInService = 6;
    s.maxInstances = 8;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(lowestHealthy(t), 6);
    QCOMPARE(highestInstances(t), 8);
}

void TestRolloutPlatforms::autoScalingRollingUpdateFailure()
{
    auto s = scenario(Platform::AutoScaling, "AutoScalingRollingUpdate", 4);
    s.failures = {parseFailure("instance:2")};
    // Without signals CloudFormation does not notice: the update succeeds, one instance is broken.
    auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(t.samples.back().healthy.total(), 3);
    // With signals and MinSuccessfulInstancesPercent 100 it fails and rolls back.
    s.waitOnResourceSignals = true;
    s.timing.set(timing::AsgPauseTime, 300);
    t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().instances.original, 4);
    QVERIFY(hasEvent(t, "ResourceSignal", "Failed"));
    // MinSuccessfulInstancesPercent 75 tolerates one failure in four.
    s.strategy.minSuccessfulInstancesPercent = 75;
    QCOMPARE(simulate(s).result, DeploymentResult::Succeeded);
}

void TestRolloutPlatforms::autoScalingReplacingUpdate()
{
    auto s = scenario(Platform::AutoScaling, "AutoScalingReplacingUpdate", 3);
    s.loadBalancer = true;
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(highestInstances(t), 6);
    QCOMPARE(lowestHealthy(t), 3);
    s.waitOnResourceSignals = true;
    s.failures = {parseFailure("instance:1")};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().instances.original, 3);
    QCOMPARE(t.samples.back().instances.replacement, 0);
}

void TestRolloutPlatforms::route53WeightedShift()
{
    auto s = scenario(Platform::Route53, "linear:25:5", 0);
    s.timing.set(timing::DnsTtl, 60);
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(newTraffic(t, 59), 0.0);
    QCOMPARE(newTraffic(t, 60), 25.0);
    QCOMPARE(newTraffic(t, 60 + 300), 50.0);
    QCOMPARE(newTraffic(t, 60 + 900), 100.0);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    s.failures = {parseFailure("alarm:400")};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(newTraffic(t, 459), 50.0);
    QCOMPARE(newTraffic(t, 460), 0.0); // reweighted, then the TTL passes
}

void TestRolloutPlatforms::timelineJsonShape()
{
    auto s = scenario(Platform::Lambda, "CodeDeployDefault.LambdaCanary10Percent5Minutes", 0);
    s.target = "LiveAlias";
    s.hooks = {"BeforeAllowTraffic"};
    const auto t = simulate(s);
    const Json j = timelineToJson(t);
    std::vector<std::string> keys;
    for (const auto &[k, v] : j.items())
        keys.push_back(k);
    QCOMPARE(keys, (std::vector<std::string>{"target", "platform", "strategy", "result", "durationSeconds",
                                             "events", "samples", "metrics"}));
    QVERIFY(j["target"] == "LiveAlias");
    QVERIFY(j["platform"] == "Lambda");
    QVERIFY(j["strategy"] == "CodeDeployDefault.LambdaCanary10Percent5Minutes");
    QVERIFY(j["result"] == "Succeeded");
    QVERIFY(j["durationSeconds"].is_number_integer());
    const Json &e = j["events"][0];
    for (const char *k : {"t", "type", "name", "status"})
        QVERIFY2(e.contains(k), k);
    const Json &first = j["samples"][0];
    QVERIFY(first["t"] == 0);
    for (const char *k : {"trafficPercent", "healthy", "instances"}) {
        QVERIFY(first[k].contains("original"));
        QVERIFY(first[k].contains("replacement"));
    }
    QVERIFY(first["trafficPercent"]["original"] == 100);
    for (const char *k : {"minHealthyPercent", "peakInstances", "downtimeSeconds", "secondsToFullShift"})
        QVERIFY2(j["metrics"].contains(k), k);
    QVERIFY(j["metrics"]["secondsToFullShift"] == 300);
    QVERIFY(timelineToJson(timelineFromJson(j)) == j);
}

void TestRolloutPlatforms::deterministic()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.HalfAtATime", 20);
    s.loadBalancer = true;
    s.failures = {parseFailure("instance:7")};
    QVERIFY(simulate(s) == simulate(s));
}

void TestRolloutPlatforms::strategyNames()
{
    QVERIFY_THROWS_EXCEPTION(StrategyError,
                             parseStrategy("CodeDeployDefault.LambdaAllAtOnce", Platform::Server, {}));
    QVERIFY_THROWS_EXCEPTION(StrategyError, parseStrategy("canary:0:5", Platform::Lambda, {}));
    QVERIFY_THROWS_EXCEPTION(StrategyError, parseStrategy("min-healthy:120%", Platform::Server, {}));
    QVERIFY_THROWS_EXCEPTION(StrategyError, parseStrategy("Rolling", Platform::Lambda, {}));
    const auto ecs = parseStrategy("CodeDeployDefault.ECSLinear10PercentEvery1Minutes", Platform::Ecs, {});
    QCOMPARE(ecs.trafficRouting.intervalMinutes, 1);
    // Lambda's singular "Minute" is not ECS's plural "Minutes".
    QVERIFY_THROWS_EXCEPTION(StrategyError, parseStrategy("CodeDeployDefault.LambdaLinear10PercentEvery1Minutes",
                                                          Platform::Lambda, {}));
    QCOMPARE(parseStrategy("Canary10Percent30Minutes", Platform::Lambda, {}).name,
             std::string("CodeDeployDefault.LambdaCanary10Percent30Minutes"));
    // The names a strategy picker offers: every predefined configuration, each one parsable.
    QCOMPARE(predefinedStrategyNames(Platform::Server).size(), std::size_t(3));
    QCOMPARE(predefinedStrategyNames(Platform::Lambda).size(), std::size_t(9));
    QCOMPARE(predefinedStrategyNames(Platform::Ecs).size(), std::size_t(9)); // 5 CodeDeploy, 4 ECS's own
    QCOMPARE(predefinedStrategyNames(Platform::AutoScaling).size(), std::size_t(3));
    QCOMPARE(predefinedStrategyNames(Platform::ElasticBeanstalk).size(), std::size_t(6));
    for (auto platform : {Platform::Server, Platform::Lambda, Platform::Ecs, Platform::ElasticBeanstalk,
                          Platform::AutoScaling}) {
        for (const auto &name : predefinedStrategyNames(platform))
            QCOMPARE(parseStrategy(name, platform, defaultStrategy(platform)).name, name);
    }
    // ECS's own custom forms, with the ranges ECS documents.
    const auto canary = parseStrategy("ecs-canary:2.5:15", Platform::Ecs, {});
    QCOMPARE(canary.ecs.strategy, EcsStrategy::Canary);
    QCOMPARE(canary.ecs.canaryPercent, 2.5);
    QCOMPARE(canary.ecs.canaryBakeMinutes, 15);
    for (const char *bad : {"ecs-canary:0:5", "ecs-canary:5.55:5", "ecs-linear:2.9:5", "ecs-linear:10:1441",
                            "ecs-rolling:50:99", "ecs-rolling:101:200", "refresh:min=101", "refresh:max=99",
                            "refresh:checkpoints=50/20", "refresh:min=0:max=150", "refresh:bogus"}) {
        const Platform platform = std::string(bad).rfind("refresh", 0) == 0 ? Platform::AutoScaling : Platform::Ecs;
        QVERIFY_THROWS_EXCEPTION(StrategyError, parseStrategy(bad, platform, {}));
    }
    const auto refresh = parseStrategy("refresh:min=50:max=150:checkpoints=20/50/100:skip-matching:matching=2",
                                       Platform::AutoScaling, {});
    QCOMPARE(refresh.autoScalingPolicy, AutoScalingPolicy::InstanceRefresh);
    QCOMPARE(refresh.refresh.checkpointPercentages, (std::vector<int>{20, 50, 100}));
    QVERIFY(refresh.refresh.skipMatching);
    QCOMPARE(refresh.refresh.matchingInstances, 2);
    const auto zonal = parseStrategy("zonal:600:1800", Platform::Server, defaultStrategy(Platform::Server));
    QVERIFY(zonal.zonal.enabled);
    QCOMPARE(zonal.zonal.monitorSeconds, Seconds(600));
    QCOMPARE(*zonal.zonal.firstZoneMonitorSeconds, Seconds(1800));
    const auto min = parseStrategy("min-healthy:75%", Platform::Server, {});
    QCOMPARE(min.minimumHealthyHosts.type, MinimumHealthyHosts::Type::FleetPercent);
    QCOMPARE(min.minimumHealthyHosts.value, 75);
}

QTEST_APPLESS_MAIN(TestRolloutPlatforms)
#include "tst_rolloutplatforms.moc"
