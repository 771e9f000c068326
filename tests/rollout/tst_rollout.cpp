// Each documented AWS deployment fact (reference/aws-deployment-semantics.md) as an assertion
// on the Timeline the simulator writes.

#include "model/rollout/hostbatching.h"
#include "rollouttesthelpers.h"

#include <QTest>

using namespace sc;
using namespace sc::test;

class TestRollout : public QObject {
    Q_OBJECT

private slots:
    // CodeDeploy EC2/On-premises, in place
    void halfAtATimeOnNineDeploysFourFourOneAndNeedsFive();
    void fleetPercent40OnNineDeploysFiveAtATime();
    void hostCountExamplesOnTen();
    void minimum95PercentOnTenFailsWithoutTouchingAnInstance();
    void oneAtATimeLastInstanceFailureStillSucceeds();
    void allAtOnceNeedsOneSuccess();
    void inPlaceLifecycleOrderWithAndWithoutLoadBalancer();
    void inPlaceRollbackRedeploysTheLastGoodRevision();
    void inPlaceHookFailure();
    void alarmStopsOrRollsBack();
    void alarmNotWatchedIsIgnored();
    // CodeDeploy EC2 blue/green
    void blueGreenReplacesTheFleet();
    void blueGreenKeepAlive();
    void blueGreenAlarmDuringTerminationWaitReroutesToOriginals();
    void blueGreenApprovalWaitExpires();
    void blueGreenReplacementInstallFailure();
    // Lambda
    void lambdaCanary10Percent5Minutes();
    void lambdaLinear10PercentEvery3Minutes();
    void lambdaPredefinedConfigurations_data();
    void lambdaPredefinedConfigurations();
    void customCanaryAndLinear();
    void lambdaAlarmMidCanaryReturnsAllTraffic();
    void lambdaHookFailures();
    // ECS
    void ecsWithoutTestListenerHasNoAfterAllowTestTraffic();
    void ecsEventsInOrderAndTerminationWait();
    void ecsFailures();
    // Elastic Beanstalk
    void beanstalkAllAtOnceHasDowntime();
    void beanstalkRollingFixedBatchOfTwo();
    void beanstalkRollingFailureLeavesMixedFleet();
    void beanstalkRollingWithAdditionalBatch();
    void beanstalkImmutable();
    void beanstalkImmutableFailureTerminatesNewInstances();
    void beanstalkTrafficSplittingHoldsNewVersionPercent();
    void beanstalkTrafficSplittingShiftsBackWhenUnhealthy();
    void beanstalkBlueGreenSwapsUrls();
    // Auto Scaling and Route 53
    void autoScalingRollingUpdate();
    void autoScalingRollingUpdateKeepsMinInstancesInService();
    void autoScalingRollingUpdateFailure();
    void autoScalingReplacingUpdate();
    void route53WeightedShift();
    // Timeline
    void timelineJsonShape();
    void deterministic();
    void strategyNames();
};

void TestRollout::halfAtATimeOnNineDeploysFourFourOneAndNeedsFive()
{
    const HostBatching half({MinimumHealthyHosts::Type::FleetPercent, 50}, 9);
    QCOMPARE(half.requiredSuccesses(), 5);
    auto s = scenario(Platform::Server, "CodeDeployDefault.HalfAtATime", 9);
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(waveSizes(t), (std::vector<int>{4, 4, 1}));
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(lowestHealthy(t), 5);

    // Three failures leave six successes: enough.
    for (int k : {1, 2, 3})
        s.failures.push_back(parseFailure("instance:" + std::to_string(k)));
    t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    // A fourth failure: healthy would drop below five, so it stops.
    s.failures.push_back(parseFailure("instance:4"));
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QVERIFY(lowestHealthy(t) >= 5);
}

void TestRollout::fleetPercent40OnNineDeploysFiveAtATime()
{
    const HostBatching forty({MinimumHealthyHosts::Type::FleetPercent, 40}, 9);
    QCOMPARE(forty.minimumHealthy(), 4); // 3.6 rounds up
    QCOMPARE(forty.requiredSuccesses(), 4);
    auto t = simulate(scenario(Platform::Server, "min-healthy:40%", 9));
    QCOMPARE(waveSizes(t), (std::vector<int>{5, 4}));
    QCOMPARE(t.result, DeploymentResult::Succeeded);

    t = simulate(scenario(Platform::Server, "min-healthy:6", 9));
    QCOMPARE(waveSizes(t), (std::vector<int>{3, 3, 3}));
    QCOMPARE(HostBatching({MinimumHealthyHosts::Type::HostCount, 6}, 9).requiredSuccesses(), 6);
}

void TestRollout::hostCountExamplesOnTen()
{
    QCOMPARE(waveSizes(simulate(scenario(Platform::Server, "min-healthy:9", 10))), std::vector<int>(10, 1));
    QCOMPARE(waveSizes(simulate(scenario(Platform::Server, "min-healthy:8", 10))), std::vector<int>(5, 2));
    QCOMPARE(waveSizes(simulate(scenario(Platform::Server, "min-healthy:0", 10))), (std::vector<int>{10}));
}

void TestRollout::minimum95PercentOnTenFailsWithoutTouchingAnInstance()
{
    const auto t = simulate(scenario(Platform::Server, "min-healthy:95%", 10));
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QCOMPARE(t.durationSeconds(), Seconds(0));
    for (const auto &e : t.events)
        QVERIFY(e.type != "LifecycleEvent");
    QCOMPARE(t.samples.back().healthy.original, 10);
    QCOMPARE(t.samples.back().instances.replacement, 0);
}

void TestRollout::oneAtATimeLastInstanceFailureStillSucceeds()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 5);
    s.failures = {parseFailure("instance:5")};
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(waveSizes(t), std::vector<int>(5, 1));

    // Any earlier failure fails the deployment at once: instances 4 and 5 are never touched.
    s.failures = {parseFailure("instance:3")};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QCOMPARE(waveSizes(t).size(), std::size_t(3));

    // A single-instance group succeeds only if that instance does.
    s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 1);
    s.failures = {parseFailure("instance:1")};
    QCOMPARE(simulate(s).result, DeploymentResult::Failed);
}

void TestRollout::allAtOnceNeedsOneSuccess()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 4);
    QCOMPARE(waveSizes(simulate(s)), (std::vector<int>{4}));
    s.failures = {parseFailure("instance:1"), parseFailure("instance:2"), parseFailure("instance:3")};
    QCOMPARE(simulate(s).result, DeploymentResult::Succeeded);
    s.failures.push_back(parseFailure("instance:4"));
    QCOMPARE(simulate(s).result, DeploymentResult::Failed);
}

void TestRollout::inPlaceLifecycleOrderWithAndWithoutLoadBalancer()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 2);
    s.loadBalancer = true;
    auto t = simulate(s);
    std::vector<std::string> order;
    for (const auto &e : t.events) {
        if (e.type == "LifecycleEvent" && e.subject == "i-001")
            order.push_back(e.name);
    }
    const std::vector<std::string> expected = {
        "BeforeBlockTraffic", "BlockTraffic", "AfterBlockTraffic", "ApplicationStop", "DownloadBundle",
        "BeforeInstall", "Install", "AfterInstall", "ApplicationStart", "ValidateService",
        "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"};
    QCOMPARE(order, expected);
    // BlockTraffic drains for the target group's documented 300 s deregistration delay.
    QCOMPARE(t.eventsNamed("BlockTraffic").front()->durationSeconds, Seconds(300));
    QCOMPARE(lowestHealthy(t), 1);
    QCOMPARE(t.metrics.downtimeSeconds, Seconds(0));

    s.loadBalancer = false;
    t = simulate(s);
    QVERIFY(!hasEvent(t, "BlockTraffic"));
    QVERIFY(!hasEvent(t, "AllowTraffic"));
    QCOMPARE(waveSizes(t, "ValidateService"), (std::vector<int>{1, 1}));
}

void TestRollout::inPlaceRollbackRedeploysTheLastGoodRevision()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 3);
    s.loadBalancer = true;
    s.rollback = {true, true, false, false};
    s.failures = {parseFailure("instance:2")};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QVERIFY(hasEvent(t, "Deployment", "Started"));
    const auto &last = t.samples.back();
    QCOMPARE(last.instances.original, 3);
    QCOMPARE(last.healthy.original, 3);
    QCOMPARE(last.trafficPercent.original, 100.0);
    QVERIFY(t.metrics.failingVersionRequestPercent.has_value());
    QVERIFY(*t.metrics.failingVersionRequestPercent > 0);
    QVERIFY(*t.metrics.failingVersionRequestPercent < 50);

    s.rollback = {};
    const auto failed = simulate(s);
    QCOMPARE(failed.result, DeploymentResult::Failed);
    QCOMPARE(failed.samples.back().instances.replacement, 2); // the first and the failed one
}

void TestRollout::inPlaceHookFailure()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 3);
    s.failures = {parseFailure("hook:AfterInstall")};
    const auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QVERIFY(hasEvent(t, "AfterInstall", "Failed"));
    QVERIFY(hasEvent(t, "ApplicationStart", "Skipped"));
    s.failures = {parseFailure("hook:BeforeAllowTraffic")}; // no load balancer: no such event
    QVERIFY_THROWS_EXCEPTION(ScenarioError, simulate(s));
}

void TestRollout::alarmStopsOrRollsBack()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 4);
    s.alarmsEnabled = true;
    s.alarms = {"HighErrors"};
    s.failures = {parseFailure("alarm:100")};
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Stopped);
    QCOMPARE(t.durationSeconds(), Seconds(100));
    QVERIFY(hasEvent(t, "HighErrors", "ALARM"));

    s.rollback = {true, false, true, false};
    t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().healthy.original, 4);
    QCOMPARE(t.samples.back().instances.replacement, 0);
}

void TestRollout::alarmNotWatchedIsIgnored()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 2);
    s.failures = {parseFailure("alarm:10")};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QVERIFY(hasEvent(t, "Alarm", "Ignored"));
}

void TestRollout::blueGreenReplacesTheFleet()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 4);
    s.blueGreen = true;
    s.loadBalancer = true;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(highestInstances(t), 8);
    QCOMPARE(lowestHealthy(t), 4);
    QCOMPARE(t.metrics.downtimeSeconds, Seconds(0));
    // The originals are deregistered all at once.
    QCOMPARE(waveSizes(t, "BlockTraffic"), (std::vector<int>{4}));
    // They are terminated after the termination wait (an UNCONFIRMED 1 h default).
    const Seconds wait = firstEvent(t, "Wait", "TERMINATION_WAIT");
    QCOMPARE(firstEvent(t, "Instance", "TerminateOriginals"), wait + 3600);
    QCOMPARE(t.samples.back().instances.original, 0);
    QCOMPARE(t.samples.back().instances.replacement, 4);
    QCOMPARE(t.samples.back().trafficPercent.replacement, 100.0);
    QVERIFY(t.metrics.extraInstanceMinutes > 4 * 60);

    // Replacement instances run only install and allow-traffic events.
    for (const auto &e : t.events) {
        if (e.subject == "i-005")
            QVERIFY(e.name.find("Block") == std::string::npos);
    }
    // HalfAtATime reroutes two replacements at a time.
    s.strategy = parseStrategy("CodeDeployDefault.HalfAtATime", Platform::Server, s.strategy);
    QCOMPARE(waveSizes(simulate(s), "AllowTraffic"), (std::vector<int>{2, 2}));
}

void TestRollout::blueGreenKeepAlive()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 3);
    s.blueGreen = true;
    s.loadBalancer = true;
    s.blueGreenOptions.terminateOriginals = false;
    const auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(t.samples.back().instances.original, 3);
    QCOMPARE(t.samples.back().healthy.original, 0);
    QVERIFY(!hasEvent(t, "TERMINATION_WAIT"));
}

void TestRollout::blueGreenAlarmDuringTerminationWaitReroutesToOriginals()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 3);
    s.blueGreen = true;
    s.loadBalancer = true;
    s.alarmsEnabled = true;
    s.alarms = {"Errors"};
    s.rollback = {true, true, true, false};
    const Seconds waitStart = firstEvent(simulate(s), "Wait", "TERMINATION_WAIT");
    s.failures = {parseFailure("alarm:" + std::to_string(waitStart + 600))};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().healthy.original, 3);
    QCOMPARE(t.samples.back().trafficPercent.original, 100.0);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QVERIFY(hasEvent(t, "AllowTraffic")); // the originals are registered again
}

void TestRollout::blueGreenApprovalWaitExpires()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 2);
    s.blueGreen = true;
    s.loadBalancer = true;
    s.blueGreenOptions.waitForApproval = true;
    s.timing.set(timing::ReadyWait, 300);
    auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Stopped);
    for (const auto &sample : t.samples)
        QCOMPARE(sample.trafficPercent.replacement, 0.0);
    s.timing.set(timing::ReadyWait, 3600);
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QVERIFY(hasEvent(t, "READY_WAIT", "Succeeded"));
}

void TestRollout::blueGreenReplacementInstallFailure()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 3);
    s.blueGreen = true;
    s.loadBalancer = true;
    s.rollback = {true, true, false, false};
    s.failures = {parseFailure("instance:1")};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    for (const auto &sample : t.samples)
        QCOMPARE(sample.healthy.original, 3); // the originals never stopped serving
}

void TestRollout::lambdaCanary10Percent5Minutes()
{
    const auto t = simulate(scenario(Platform::Lambda, "CodeDeployDefault.LambdaCanary10Percent5Minutes", 0));
    checkInvariants(t);
    const Seconds first = firstEvent(t, "TrafficShift", "AllowTraffic");
    QCOMPARE(newTraffic(t, first), 10.0);
    QCOMPARE(newTraffic(t, first + 299), 10.0);
    QCOMPARE(newTraffic(t, first + 300), 100.0);
    QCOMPARE(t.metrics.secondsToFullShift, std::optional<Seconds>(300));
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QVERIFY(firstEvent(t, "LifecycleEvent", "BeforeAllowTraffic") <= first);
    QVERIFY(firstEvent(t, "LifecycleEvent", "AfterAllowTraffic") >= first + 300);
}

void TestRollout::lambdaLinear10PercentEvery3Minutes()
{
    const auto t = simulate(scenario(Platform::Lambda, "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", 0));
    checkInvariants(t);
    const Seconds first = firstEvent(t, "TrafficShift", "AllowTraffic");
    for (int step = 0; step < 10; ++step) {
        QCOMPARE(newTraffic(t, first + step * 180), 10.0 * (step + 1));
        if (step < 9)
            QCOMPARE(newTraffic(t, first + step * 180 + 179), 10.0 * (step + 1));
    }
    QCOMPARE(newTraffic(t, first + 27 * 60 - 1), 90.0);
    QCOMPARE(newTraffic(t, first + 27 * 60), 100.0);
    QCOMPARE(t.metrics.secondsToFullShift, std::optional<Seconds>(27 * 60));
}

void TestRollout::lambdaPredefinedConfigurations_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("firstPercent");
    QTest::addColumn<int>("secondsToFull");
    QTest::addColumn<int>("shifts");
    QTest::newRow("c5") << "CodeDeployDefault.LambdaCanary10Percent5Minutes" << 10 << 300 << 2;
    QTest::newRow("c10") << "CodeDeployDefault.LambdaCanary10Percent10Minutes" << 10 << 600 << 2;
    QTest::newRow("c15") << "CodeDeployDefault.LambdaCanary10Percent15Minutes" << 10 << 900 << 2;
    QTest::newRow("c30") << "CodeDeployDefault.LambdaCanary10Percent30Minutes" << 10 << 1800 << 2;
    QTest::newRow("l1") << "CodeDeployDefault.LambdaLinear10PercentEvery1Minute" << 10 << 540 << 10;
    QTest::newRow("l2") << "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes" << 10 << 1080 << 10;
    QTest::newRow("l3") << "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes" << 10 << 1620 << 10;
    QTest::newRow("l10") << "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes" << 10 << 5400 << 10;
    QTest::newRow("all") << "CodeDeployDefault.LambdaAllAtOnce" << 100 << 0 << 1;
    QTest::newRow("sam") << "Linear10PercentEvery1Minute" << 10 << 540 << 10;
}

void TestRollout::lambdaPredefinedConfigurations()
{
    QFETCH(QString, name);
    QFETCH(int, firstPercent);
    QFETCH(int, secondsToFull);
    QFETCH(int, shifts);
    const auto t = simulate(scenario(Platform::Lambda, name.toStdString(), 0));
    checkInvariants(t);
    const Seconds first = firstEvent(t, "TrafficShift", "AllowTraffic");
    QCOMPARE(newTraffic(t, first), double(firstPercent));
    QCOMPARE(t.metrics.secondsToFullShift, std::optional<Seconds>(secondsToFull));
    int count = 0;
    for (const auto &e : t.events)
        count += e.type == "TrafficShift" ? 1 : 0;
    QCOMPARE(count, shifts);
}

void TestRollout::customCanaryAndLinear()
{
    auto t = simulate(scenario(Platform::Lambda, "canary:25:7", 0));
    Seconds first = firstEvent(t, "TrafficShift", "AllowTraffic");
    QCOMPARE(newTraffic(t, first + 419), 25.0);
    QCOMPARE(newTraffic(t, first + 420), 100.0);
    t = simulate(scenario(Platform::Lambda, "linear:30:2", 0));
    first = firstEvent(t, "TrafficShift", "AllowTraffic");
    QCOMPARE(newTraffic(t, first), 30.0);
    QCOMPARE(newTraffic(t, first + 120), 60.0);
    QCOMPARE(newTraffic(t, first + 240), 90.0);
    QCOMPARE(newTraffic(t, first + 360), 100.0);
}

void TestRollout::lambdaAlarmMidCanaryReturnsAllTraffic()
{
    auto s = scenario(Platform::Lambda, "CodeDeployDefault.LambdaCanary10Percent5Minutes", 0);
    s.alarmsEnabled = true;
    s.alarms = {"Errors"};
    s.rollback = {true, true, true, true};
    s.failures = {parseFailure("alarm:120")};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(newTraffic(t, 119), 10.0);
    QCOMPARE(newTraffic(t, 120), 0.0);
    QCOMPARE(t.samples.back().trafficPercent.original, 100.0);
    QVERIFY(!t.metrics.secondsToFullShift);
    // 10 % of the requests went to the new version for the 120 s before the rollback.
    QCOMPARE(*t.metrics.failingVersionRequestPercent, 10.0);

    s.rollback.onAlarm = false;
    const auto stopped = simulate(s);
    QCOMPARE(stopped.result, DeploymentResult::Stopped);
}

void TestRollout::lambdaHookFailures()
{
    auto s = scenario(Platform::Lambda, "CodeDeployDefault.LambdaAllAtOnce", 0);
    s.rollback = {true, true, true, true};
    s.failures = {parseFailure("hook:AfterAllowTraffic")};
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().trafficPercent.replacement, 0.0);

    // BeforeAllowTraffic never reports: the deployment fails after one hour, no traffic moved.
    s.failures = {parseFailure("hook:BeforeAllowTraffic:timeout")};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.durationSeconds(), Seconds(3600));
    for (const auto &sample : t.samples)
        QCOMPARE(sample.trafficPercent.replacement, 0.0);

    s.failures = {parseFailure("instance:1")};
    QVERIFY_THROWS_EXCEPTION(ScenarioError, simulate(s));
}

void TestRollout::ecsWithoutTestListenerHasNoAfterAllowTestTraffic()
{
    auto s = scenario(Platform::Ecs, "CodeDeployDefault.ECSAllAtOnce", 2);
    const auto t = simulate(s);
    checkInvariants(t);
    QVERIFY(!hasEvent(t, "AfterAllowTestTraffic"));
    QVERIFY(!hasEvent(t, "AllowTestTraffic"));
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    s.failures = {parseFailure("hook:AfterAllowTestTraffic")};
    QVERIFY_THROWS_EXCEPTION(ScenarioError, simulate(s));
}

void TestRollout::ecsEventsInOrderAndTerminationWait()
{
    auto s = scenario(Platform::Ecs, "CodeDeployDefault.ECSCanary10Percent5Minutes", 3);
    s.testListener = true;
    s.timing.set(timing::TerminationWait, 600);
    const auto t = simulate(s);
    checkInvariants(t);
    std::vector<std::string> order;
    for (const auto &e : t.events) {
        if (e.type == "LifecycleEvent")
            order.push_back(e.name);
    }
    const std::vector<std::string> expected = {"BeforeInstall", "Install", "AfterInstall",
                                               "AllowTestTraffic", "AfterAllowTestTraffic",
                                               "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"};
    QCOMPARE(order, expected);
    QCOMPARE(highestInstances(t), 6);
    const Seconds shiftEnd = firstEvent(t, "Wait", "TERMINATION_WAIT");
    QCOMPARE(t.samples.back().t, shiftEnd + 600);
    QCOMPARE(t.samples.back().instances.original, 0);
    QCOMPARE(t.sampleAt(shiftEnd + 599).instances.original, 3);
    QCOMPARE(t.metrics.secondsToFullShift, std::optional<Seconds>(300));
}

void TestRollout::ecsFailures()
{
    auto s = scenario(Platform::Ecs, "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", 2);
    s.testListener = true;
    s.rollback = {true, true, true, false};
    s.failures = {parseFailure("hook:AfterAllowTestTraffic")};
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().trafficPercent.original, 100.0);

    s.failures = {parseFailure("hook:BeforeInstall")}; // too early to roll back
    QCOMPARE(simulate(s).result, DeploymentResult::Failed);

    s.failures = {parseFailure("instance:2")};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QVERIFY(hasEvent(t, "Install", "Failed"));

    // An alarm during the termination wait still rolls back.
    s.failures = {};
    s.alarmsEnabled = true;
    s.alarms = {"Latency"};
    const Seconds wait = firstEvent(simulate(s), "Wait", "TERMINATION_WAIT");
    s.failures = {parseFailure("alarm:" + std::to_string(wait + 60))};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().trafficPercent.original, 100.0);
    QCOMPARE(t.samples.back().instances.original, 2);
}

void TestRollout::beanstalkAllAtOnceHasDowntime()
{
    const auto t = simulate(scenario(Platform::ElasticBeanstalk, "AllAtOnce", 4));
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QVERIFY(t.metrics.downtimeSeconds > 0);
    QCOMPARE(t.metrics.downtimeSeconds, Seconds(60)); // eb.instanceDeploy
    QCOMPARE(t.metrics.minHealthyPercent, 0.0);
    QCOMPARE(t.samples.back().healthy.replacement, 4);
}

void TestRollout::beanstalkRollingFixedBatchOfTwo()
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

void TestRollout::beanstalkRollingFailureLeavesMixedFleet()
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

void TestRollout::beanstalkRollingWithAdditionalBatch()
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

void TestRollout::beanstalkImmutable()
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

void TestRollout::beanstalkImmutableFailureTerminatesNewInstances()
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

void TestRollout::beanstalkTrafficSplittingHoldsNewVersionPercent()
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

void TestRollout::beanstalkTrafficSplittingShiftsBackWhenUnhealthy()
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

void TestRollout::beanstalkBlueGreenSwapsUrls()
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

void TestRollout::autoScalingRollingUpdate()
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

void TestRollout::autoScalingRollingUpdateKeepsMinInstancesInService()
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

void TestRollout::autoScalingRollingUpdateFailure()
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

void TestRollout::autoScalingReplacingUpdate()
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

void TestRollout::route53WeightedShift()
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

void TestRollout::timelineJsonShape()
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

void TestRollout::deterministic()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.HalfAtATime", 20);
    s.loadBalancer = true;
    s.failures = {parseFailure("instance:7")};
    QVERIFY(simulate(s) == simulate(s));
}

void TestRollout::strategyNames()
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
    const auto min = parseStrategy("min-healthy:75%", Platform::Server, {});
    QCOMPARE(min.minimumHealthyHosts.type, MinimumHealthyHosts::Type::FleetPercent);
    QCOMPARE(min.minimumHealthyHosts.value, 75);
}

QTEST_APPLESS_MAIN(TestRollout)
#include "tst_rollout.moc"
