// Each documented CodeDeploy fact (reference/aws-deployment-semantics.md §1-3) as an assertion
// on the Timeline the simulator writes: EC2/On-premises in place and blue/green, Lambda, ECS.

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

QTEST_APPLESS_MAIN(TestRollout)
#include "tst_rollout.moc"
