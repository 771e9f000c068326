// The second part of the engine, each documented fact asserted on a Timeline: ECS's own
// deployments (reference §11), Auto Scaling instance refresh (§12) and lifecycle hooks (§8.2),
// CodeDeploy zonal deployments (§1.3), and the cost of a strategy.
//
// Timing model defaults used below (named assumptions unless said): ecs.taskStart 60 s,
// ecs.taskStop 30 s, lambda.hook 30 s, ecs.hookTimeout 900 s (documented), instance.launch 90 s,
// instance.bootstrap 60 s, elb.healthCheck 150 s and elb.deregistrationDelay 300 s
// (documented), asg.lifecycleAction 60 s, refresh.checkpointDelay 3600 s (documented).

#include "model/rollout/pricetable.h"
#include "rollouttesthelpers.h"

#include <QTest>

using namespace sc;
using namespace sc::test;

namespace {

Scenario ecs(const std::string &strategy, int tasks = 3)
{
    auto s = scenario(Platform::Ecs, strategy, tasks);
    s.loadBalancer = true;
    s.testListener = true;
    return s;
}

Scenario refresh(const std::string &strategy, int instances)
{
    return scenario(Platform::AutoScaling, strategy, instances);
}

// The time the first event of `name` for `unit` starts, or -1.
Seconds unitEvent(const Timeline &t, const std::string &name, const std::string &unit)
{
    for (const auto &e : t.events) {
        if (e.name == name && e.subject == unit)
            return e.t;
    }
    return -1;
}

} // namespace

class TestRolloutNative : public QObject {
    Q_OBJECT

private slots:
    // ECS's own blue/green, canary, linear
    void ecsBlueGreenShiftsAtOnceThenBakes();
    void ecsCanaryDefaults();
    void ecsLinearStepsAndNoBakeAfterTheLastStep();
    void ecsFailedHookAtEveryStageRollsBack_data();
    void ecsFailedHookAtEveryStageRollsBack();
    void ecsHookWithoutStatusRollsBackAfterItsTimeout();
    void ecsAlarmDuringBakeWithAndWithoutRollback();
    void ecsAlarmAtEveryStageReturnsTrafficToBlue_data();
    void ecsAlarmAtEveryStageReturnsTrafficToBlue();
    void ecsRollbackRequestAndRefusedStop();
    // ECS rolling
    void ecsRollingBounds();
    void ecsCircuitBreaker();
    void ecsRollingAlarmRollsBack();
    // Instance refresh and lifecycle hooks
    void refreshCheckpointsPauseAtTheirShare();
    void refreshKeepsMinimumAndMaximum();
    void refreshSkipMatching();
    void refreshFailureAndAlarmRollBack();
    void launchHookDelaysByHeartbeatAndActsOnDefaultResult();
    void terminateHookHoldsInTerminatingWait();
    void hooksInRollingReplacingAndCodeDeployUpdates();
    // Zonal deployments
    void zonalNeverTouchesTheNextZoneBeforeTheMonitorEnds();
    void zonalMinimumHealthyPerZone();
    // Cost
    void costOfABlueGreenDeploymentByHand();
    void priceTable();
};

void TestRolloutNative::ecsBlueGreenShiftsAtOnceThenBakes()
{
    auto s = ecs("BLUE_GREEN");
    s.timing.set(timing::EcsBakeTime, 600);
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    std::vector<std::string> stages;
    for (const auto &e : t.events) {
        if (e.type == "LifecycleEvent")
            stages.push_back(e.name);
    }
    QCOMPARE(stages, (std::vector<std::string>{"PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
                                               "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT",
                                               "POST_PRODUCTION_TRAFFIC_SHIFT", "CLEAN_UP"}));
    // Green is up at 60 s; test traffic and then all production traffic move at once.
    QCOMPARE(newTraffic(t, 59), 0.0);
    QCOMPARE(t.sampleAt(59).testTrafficPercent->replacement, 0.0);
    QCOMPARE(t.sampleAt(60).testTrafficPercent->replacement, 100.0);
    QCOMPARE(newTraffic(t, 60), 100.0);
    // Blue stays for BakeTimeInMinutes, then scales down.
    QCOMPARE(t.sampleAt(659).instances.original, 3);
    QCOMPARE(t.sampleAt(660).healthy.original, 0);
    QCOMPARE(t.sampleAt(689).instances.original, 3);
    QCOMPARE(t.sampleAt(690).instances.original, 0);
    QCOMPARE(highestInstances(t), 6);
    QCOMPARE(t.durationSeconds(), Seconds(690));
}

void TestRolloutNative::ecsCanaryDefaults()
{
    // CanaryConfiguration defaults: 5 % for 10 minutes.
    const auto t = simulate(ecs("CANARY"));
    checkInvariants(t);
    QCOMPARE(newTraffic(t, 60), 5.0);
    QCOMPARE(newTraffic(t, 659), 5.0);
    QCOMPARE(newTraffic(t, 660), 100.0);
    QCOMPARE(t.metrics.secondsToFullShift, std::optional<Seconds>(600));
    // Tenths of a percent are kept.
    const auto tenths = simulate(ecs("ecs-canary:0.5:1"));
    QCOMPARE(newTraffic(tenths, 60), 0.5);
    QCOMPARE(newTraffic(tenths, 120), 100.0);
}

void TestRolloutNative::ecsLinearStepsAndNoBakeAfterTheLastStep()
{
    // LinearConfiguration defaults: 10 % every 6 minutes; ten shifts, nine bakes.
    auto t = simulate(ecs("LINEAR"));
    checkInvariants(t);
    for (int k = 0; k < 10; ++k)
        QCOMPARE(newTraffic(t, 60 + k * 360), 10.0 * (k + 1));
    QCOMPARE(newTraffic(t, 60 + 9 * 360 - 1), 90.0);
    // The step bake time is not applied after 100 %: blue goes right after the last shift
    // (bake time 0 here).
    QCOMPARE(t.durationSeconds(), Seconds(60 + 9 * 360 + 30));
    t = simulate(ecs("ecs-linear:30:2"));
    QCOMPARE(newTraffic(t, 60), 30.0);
    QCOMPARE(newTraffic(t, 180), 60.0);
    QCOMPARE(newTraffic(t, 300), 90.0);
    QCOMPARE(newTraffic(t, 420), 100.0);
}

void TestRolloutNative::ecsFailedHookAtEveryStageRollsBack_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<bool>("greenStarted");
    QTest::addColumn<double>("trafficBefore");
    for (const char *stage : {"PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
                              "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"}) {
        const std::string s = stage;
        const double before = s == "PRODUCTION_TRAFFIC_SHIFT" ? 5 : s == "POST_PRODUCTION_TRAFFIC_SHIFT" ? 100 : 0;
        QTest::newRow(stage) << QString::fromLatin1(stage) << (s != "PRE_SCALE_UP") << before;
    }
}

void TestRolloutNative::ecsFailedHookAtEveryStageRollsBack()
{
    QFETCH(QString, stage);
    QFETCH(bool, greenStarted);
    QFETCH(double, trafficBefore);
    auto s = ecs("CANARY");
    s.failures = {parseFailure("hook:" + stage.toStdString())};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QVERIFY(hasEvent(t, stage.toStdString(), "Failed"));
    const Seconds failedAt = firstEvent(t, "Rollback", "TrafficBackToBlue");
    // A failed hook takes lambda.hook (30 s); traffic was where the stage left it, then returns.
    QCOMPARE(newTraffic(t, failedAt - 1), trafficBefore);
    QCOMPARE(newTraffic(t, failedAt), 0.0);
    QCOMPARE(t.samples.back().testTrafficPercent->replacement, 0.0);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().healthy.original, 3);
    QCOMPARE(highestInstances(t), greenStarted ? 6 : 3);
}

void TestRolloutNative::ecsHookWithoutStatusRollsBackAfterItsTimeout()
{
    auto s = ecs("BLUE_GREEN");
    s.failures = {parseFailure("hook:POST_SCALE_UP:timeout")};
    const auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(firstEvent(t, "Rollback", "TrafficBackToBlue"), Seconds(60 + 900));
    for (const auto &sample : t.samples)
        QCOMPARE(sample.trafficPercent.replacement, 0.0);
}

void TestRolloutNative::ecsAlarmDuringBakeWithAndWithoutRollback()
{
    auto s = ecs("BLUE_GREEN");
    s.timing.set(timing::EcsBakeTime, 600);
    s.alarmsEnabled = true;
    s.alarms = {"5xx"};
    s.rollback = {true, false, true, false}; // DeploymentAlarms.Rollback
    s.failures = {parseFailure("alarm:300")};
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(newTraffic(t, 299), 100.0);
    QCOMPARE(newTraffic(t, 300), 0.0);
    QCOMPARE(t.samples.back().healthy.original, 3);
    QCOMPARE(*t.metrics.failingVersionRequestPercent, 100.0 * (300 - 60) / 300);
    // Rollback false: the deployment fails where it is; traffic stays on green, blue stays up.
    s.rollback = {};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QCOMPARE(t.samples.back().trafficPercent.replacement, 100.0);
    QCOMPARE(t.samples.back().instances.original, 3);
    // Alarms off: ignored.
    s.alarmsEnabled = false;
    QVERIFY(hasEvent(simulate(s), "Alarm", "Ignored"));
}

void TestRolloutNative::ecsAlarmAtEveryStageReturnsTrafficToBlue_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<int>("alarmAt");
    QTest::addColumn<double>("trafficBefore");
    // Green tasks start for 60 s, test traffic moves at once (no hook), production traffic
    // shifts from 60 s: CANARY 5 % for 10 minutes, LINEAR 10 % every 6 minutes, BLUE_GREEN all at
    // once; then the 300 s bake.
    QTest::newRow("CANARY while green scales up") << "CANARY" << 30 << 0.0;
    QTest::newRow("CANARY during the canary bake") << "CANARY" << 400 << 5.0;
    QTest::newRow("CANARY during the final bake") << "CANARY" << 800 << 100.0;
    QTest::newRow("LINEAR at the second step") << "LINEAR" << 500 << 20.0;
    QTest::newRow("BLUE_GREEN while green scales up") << "BLUE_GREEN" << 30 << 0.0;
    QTest::newRow("BLUE_GREEN during the bake") << "BLUE_GREEN" << 200 << 100.0;
}

// With DeploymentAlarms.Rollback, an alarm at any stage sends all production and test traffic
// back to blue at once, and green scales in.
void TestRolloutNative::ecsAlarmAtEveryStageReturnsTrafficToBlue()
{
    QFETCH(QString, strategy);
    QFETCH(int, alarmAt);
    QFETCH(double, trafficBefore);
    auto s = ecs(strategy.toStdString());
    s.timing.set(timing::EcsBakeTime, 300);
    s.alarmsEnabled = true;
    s.alarms = {"5xx"};
    s.rollback = {true, false, true, false};
    s.failures = {parseFailure("alarm:" + std::to_string(alarmAt))};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(newTraffic(t, alarmAt - 1), trafficBefore);
    QCOMPARE(newTraffic(t, alarmAt), 0.0);
    QCOMPARE(t.samples.back().trafficPercent.replacement, 0.0);
    QCOMPARE(t.samples.back().testTrafficPercent->replacement, 0.0);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().healthy.original, 3);
    QCOMPARE(highestInstances(t), 6); // green had started beside blue
}

void TestRolloutNative::ecsRollbackRequestAndRefusedStop()
{
    auto s = ecs("LINEAR");
    s.actions = {parseAction("rollback:500")};
    const auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QVERIFY(hasEvent(t, "StopServiceDeployment", "Succeeded"));
    QCOMPARE(newTraffic(t, 499), 20.0);
    QCOMPARE(newTraffic(t, 500), 0.0);
    s.actions = {parseAction("stop:500")};
    QVERIFY_THROWS_EXCEPTION(ScenarioError, validateScenario(s));
}

void TestRolloutNative::ecsRollingBounds()
{
    // 100 / 200: four new tasks first (up to 8 running), then the old ones go; never below 4.
    auto s = ecs("ROLLING", 4);
    s.testListener = false;
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(highestInstances(t), 8);
    QCOMPARE(lowestHealthy(t), 4);
    QCOMPARE(t.sampleAt(60).healthy.replacement, 4);
    QCOMPARE(t.durationSeconds(), Seconds(60 + 300 + 30)); // start, drain, stop
    // 50 / 100: two old tasks stop first (rounded up: 2 of 4 stay), never more than 4 run.
    t = simulate(ecs("ecs-rolling:50:100", 4));
    checkInvariants(t);
    QCOMPARE(highestInstances(t), 4);
    QCOMPARE(lowestHealthy(t), 2);
    QCOMPARE(t.samples.back().healthy.replacement, 4);
    // 75 % of 2 is 1.5, rounded up to 2: nothing may stop; 100 % max: nothing may start.
    t = simulate(ecs("ecs-rolling:75:100", 2));
    QCOMPARE(t.result, DeploymentResult::Failed);
    QCOMPARE(t.durationSeconds(), Seconds(0));
}

void TestRolloutNative::ecsCircuitBreaker()
{
    auto s = ecs("ecs-rolling:50:100", 4);
    s.testListener = false;
    s.failures = {parseFailure("instance:1+")}; // a bad revision: every new task fails
    s.strategy.ecs.circuitBreaker = true;
    s.strategy.ecs.circuitBreakerRollback = true;
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    // Half of 4 is 2, below the minimum threshold of 3.
    QVERIFY(t.eventsNamed("DeploymentCircuitBreaker").front()->detail.find("threshold of 3") != std::string::npos);
    QCOMPARE(t.samples.back().instances.original, 4);
    QCOMPARE(t.samples.back().healthy.original, 4);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    // Without rollback: FAILED, the service keeps what it runs (two old tasks).
    s.strategy.ecs.circuitBreakerRollback = false;
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QVERIFY(hasEvent(t, "DeploymentCircuitBreaker", "TRIGGERED"));
    QCOMPARE(t.samples.back().healthy.original, 2);
    // Without the breaker ECS keeps replacing failed tasks; the rehearsal stops after ten.
    s.strategy.ecs.circuitBreaker = false;
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QCOMPARE(static_cast<int>(t.eventsNamed("HealthCheck").size()), 10);
    // One failed task is replaced and the deployment goes on.
    s.failures = {parseFailure("instance:2")};
    s.strategy.ecs.circuitBreaker = true;
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(t.samples.back().healthy.replacement, 4);
}

void TestRolloutNative::ecsRollingAlarmRollsBack()
{
    auto s = ecs("ROLLING", 2);
    s.testListener = false;
    s.alarmsEnabled = true;
    s.alarms = {"Latency"};
    s.rollback = {true, false, true, false};
    s.failures = {parseFailure("alarm:100")};
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().healthy.original, 2);
    QCOMPARE(t.samples.back().instances.replacement, 0);
}

void TestRolloutNative::refreshCheckpointsPauseAtTheirShare()
{
    // 10 instances, MinHealthyPercentage 90: one at a time. Checkpoints at 20 % and 50 %.
    auto s = refresh("refresh:checkpoints=20/50/100", 10);
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    const auto checkpoints = t.eventsNamed("Checkpoint");
    QCOMPARE(checkpoints.size(), std::size_t(2));
    for (const auto &[event, replaced] : {std::pair{checkpoints[0], 2}, std::pair{checkpoints[1], 5}}) {
        QCOMPARE(event->durationSeconds, Seconds(3600));
        QCOMPARE(t.sampleAt(event->t).healthy.replacement, replaced);
        // Nothing is replaced during the pause.
        QCOMPARE(t.sampleAt(event->t + 3599).instances.replacement, replaced);
        QCOMPARE(t.sampleAt(event->t + 3599).instances.original, 10 - replaced);
    }
    // Each new instance: launch 90 + bootstrap 60 = 150 s, then 300 s of warmup before the next.
    QCOMPARE(checkpoints[0]->t, Seconds(2 * 450));
    QCOMPARE(t.samples.back().healthy.replacement, 10);
    // Checkpoints that stop short of 100 % leave the rest.
    const auto partial = simulate(refresh("refresh:checkpoints=30", 10));
    QCOMPARE(partial.result, DeploymentResult::Succeeded);
    QCOMPARE(partial.samples.back().instances.replacement, 3);
    QCOMPARE(partial.samples.back().instances.original, 7);
}

void TestRolloutNative::refreshKeepsMinimumAndMaximum()
{
    // Max 150 %: two new instances launch before old ones go; min 100 %: none goes first.
    auto t = simulate(refresh("refresh:min=100:max=150", 4));
    checkInvariants(t);
    QCOMPARE(highestInstances(t), 6);
    QCOMPARE(lowestHealthy(t), 4);
    QCOMPARE(t.samples.back().healthy.replacement, 4);
    t = simulate(refresh("refresh:min=50", 4));
    QCOMPARE(highestInstances(t), 4);
    QCOMPARE(lowestHealthy(t), 2);
}

void TestRolloutNative::refreshSkipMatching()
{
    auto t = simulate(refresh("refresh:min=50:skip-matching:matching=3", 4));
    checkInvariants(t);
    QCOMPARE(t.units.size(), std::size_t(5)); // one instance replaced, the three matching skipped
    QCOMPARE(t.samples.back().healthy.replacement, 4);
    t = simulate(refresh("refresh:min=50:matching=3", 4));
    QCOMPARE(t.units.size(), std::size_t(8)); // without SkipMatching every instance is replaced
    t = simulate(refresh("refresh:skip-matching:matching=4", 4));
    QCOMPARE(t.durationSeconds(), Seconds(0));
    QCOMPARE(t.result, DeploymentResult::Succeeded);
}

void TestRolloutNative::refreshFailureAndAlarmRollBack()
{
    auto s = refresh("refresh:min=50", 4);
    s.failures = {parseFailure("instance:3")};
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().healthy.original, 4);
    // A launch template on $Latest: the refresh cannot roll back; replaced instances stay.
    s.rollbackSupported = false;
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    QVERIFY(hasEvent(t, "RollbackInstanceRefresh", "Failed"));
    // Two at a time: the first pair, and the healthy half of the second (the third failed).
    QCOMPARE(t.samples.back().healthy.replacement, 3);
    // An alarm of the AlarmSpecification during the bake time rolls back too.
    s = refresh("InstanceRefresh", 2);
    s.timing.set(timing::RefreshBakeTime, 1800);
    s.alarmsEnabled = true;
    s.alarms = {"Errors"};
    const Seconds bake = firstEvent(simulate(s), "Wait", "BakeTime");
    s.failures = {parseFailure("alarm:" + std::to_string(bake + 60))};
    t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().healthy.original, 2);
    // CancelInstanceRefresh: replaced instances keep the new configuration.
    s.failures = {};
    s.actions = {parseAction("stop:500")};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Stopped);
    QCOMPARE(t.samples.back().healthy.replacement, 1);     // replaced at 0, in service at 150
    QCOMPARE(t.samples.back().instances.replacement, 2);   // the second was launching at 450
    QCOMPARE(t.samples.back().instances.original, 0);
}

void TestRolloutNative::launchHookDelaysByHeartbeatAndActsOnDefaultResult()
{
    auto s = refresh("refresh:min=50", 2);
    s.lifecycleHooks = {{"Bootstrap", true, 900, false}};
    // The handler completes in asg.lifecycleAction: 60 s in Pending:Wait after the 90 s launch.
    auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.unit("i-003")->at(89)->state, UnitState::Pending);
    QCOMPARE(t.unit("i-003")->at(90)->state, UnitState::PendingWait);
    QCOMPARE(t.unit("i-003")->at(150)->state, UnitState::Pending);
    QCOMPARE(t.unit("i-003")->at(210)->state, UnitState::InService);
    // No answer: HeartbeatTimeout (900 s), then DefaultResult ABANDON terminates the instance
    // and the refresh fails.
    s.failures = {parseFailure("hook:Bootstrap:timeout")};
    t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.unit("i-003")->at(989)->state, UnitState::PendingWait);
    QCOMPARE(t.unit("i-003")->at(990)->state, UnitState::Terminated);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    // DefaultResult CONTINUE: the instance goes into service after the heartbeat.
    s.lifecycleHooks[0].defaultContinue = true;
    t = simulate(s);
    QCOMPARE(t.unit("i-003")->at(990)->state, UnitState::Pending);
    QCOMPARE(t.unit("i-003")->at(1050)->state, UnitState::InService);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    // ABANDON reported by the handler: terminated after the action time.
    s.failures = {parseFailure("hook:Bootstrap")};
    t = simulate(s);
    QCOMPARE(t.unit("i-003")->at(150)->state, UnitState::Terminated);
}

void TestRolloutNative::terminateHookHoldsInTerminatingWait()
{
    auto s = refresh("refresh:min=50", 2);
    s.loadBalancer = true;
    s.lifecycleHooks = {{"Logs", false, 300, true}};
    const auto t = simulate(s);
    checkInvariants(t);
    // Deregistered first (300 s of draining), then held 60 s, then terminated.
    QCOMPARE(t.unit("i-001")->at(0)->state, UnitState::Draining);
    QCOMPARE(t.unit("i-001")->at(300)->state, UnitState::TerminatingWait);
    QCOMPARE(t.unit("i-001")->at(359)->state, UnitState::TerminatingWait);
    QCOMPARE(t.unit("i-001")->at(360)->state, UnitState::Terminated);
    QCOMPARE(t.eventsNamed("Terminating:Wait").size(), std::size_t(2));
}

void TestRolloutNative::hooksInRollingReplacingAndCodeDeployUpdates()
{
    const std::vector<LifecycleHookSpec> hooks = {{"Bootstrap", true, 900, false}, {"Logs", false, 300, true}};
    // AutoScalingRollingUpdate, one at a time: each batch waits 60 s more on each side.
    auto rolling = refresh("AutoScalingRollingUpdate", 2);
    const Seconds plain = simulate(rolling).durationSeconds();
    rolling.lifecycleHooks = hooks;
    auto t = simulate(rolling);
    checkInvariants(t);
    QCOMPARE(t.durationSeconds(), plain + 2 * (60 + 60));
    QCOMPARE(t.eventsNamed("Pending:Wait").size(), std::size_t(2));
    // A launch hook that times out with ABANDON breaks the update when it waits on signals.
    rolling.waitOnResourceSignals = true;
    rolling.timing.set(timing::AsgPauseTime, 1200);
    rolling.failures = {parseFailure("hook:Bootstrap:timeout")};
    t = simulate(rolling);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    // AutoScalingReplacingUpdate: the new group has the hooks too.
    auto replacing = refresh("AutoScalingReplacingUpdate", 2);
    replacing.lifecycleHooks = hooks;
    t = simulate(replacing);
    checkInvariants(t);
    QCOMPARE(t.eventsNamed("Pending:Wait").size(), std::size_t(2));
    QCOMPARE(t.eventsNamed("Terminating:Wait").size(), std::size_t(2));
    // CodeDeploy blue/green copying the group: launch hooks on the replacements, terminate
    // hooks on the originals after the termination wait.
    auto bg = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 2);
    bg.blueGreen = bg.loadBalancer = true;
    bg.lifecycleHooks = hooks;
    t = simulate(bg);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(unitEvent(t, "Pending:Wait", "i-003"), Seconds(90));
    QCOMPARE(unitEvent(t, "ApplicationStop", "i-003"), Seconds(150));
    const Seconds terminate = firstEvent(t, "Instance", "TerminateOriginals");
    QCOMPARE(unitEvent(t, "Terminating:Wait", "i-001"), terminate);
    QCOMPARE(t.durationSeconds(), terminate + 60);
    // A lifecycle hook can be named by a failure on a CodeDeploy target.
    bg.failures = {parseFailure("hook:Bootstrap:timeout")};
    t = simulate(bg);
    QCOMPARE(unitEvent(t, "ApplicationStop", "i-003"), -1); // abandoned: never installed
}

void TestRolloutNative::zonalNeverTouchesTheNextZoneBeforeTheMonitorEnds()
{
    auto s = scenario(Platform::Server, "zonal:300:900", 6);
    s.zones = 3;
    s.loadBalancer = true;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    // The first and last lifecycle event of each zone's instances.
    std::map<int, std::pair<Seconds, Seconds>> span;
    for (const auto &e : t.events) {
        const UnitTrack *u = e.type == "LifecycleEvent" ? t.unit(e.subject) : nullptr;
        if (!u)
            continue;
        QVERIFY(u->zone >= 1 && u->zone <= 3);
        auto &[first, last] = span.try_emplace(u->zone, e.t, e.t + e.durationSeconds).first->second;
        first = std::min(first, e.t);
        last = std::max(last, e.t + e.durationSeconds);
    }
    QCOMPARE(span.size(), std::size_t(3));
    QVERIFY(span[2].first >= span[1].second + 900); // FirstZoneMonitorDurationInSeconds
    QVERIFY(span[3].first >= span[2].second + 300); // MonitorDurationInSeconds
    QCOMPARE(span[2].first, span[1].second + 900);
    // An alarm during the first zone's monitor stops the deployment before zone 2.
    s.alarmsEnabled = true;
    s.alarms = {"Errors"};
    s.failures = {parseFailure("alarm:" + std::to_string(span[1].second + 100))};
    const auto stopped = simulate(s);
    QCOMPARE(stopped.result, DeploymentResult::Stopped);
    for (const auto &u : stopped.units) {
        if (u.zone == 2)
            QCOMPARE(u.transitions.size(), std::size_t(1)); // never touched
    }
}

void TestRolloutNative::zonalMinimumHealthyPerZone()
{
    // AllAtOnce fleet-wide, but half of each zone must stay healthy: one instance at a time in
    // zones of two.
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 4);
    s.strategy.zonal = {true, 0, std::nullopt, {MinimumHealthyHosts::Type::FleetPercent, 50}};
    s.zones = 2;
    const auto t = simulate(s);
    checkInvariants(t);
    QCOMPARE(waveSizes(t), (std::vector<int>{1, 1, 1, 1}));
    // Without a per-zone minimum a zone goes all at once.
    s.strategy.zonal.minimumHealthyHostsPerZone = {MinimumHealthyHosts::Type::FleetPercent, 0};
    QCOMPARE(waveSizes(simulate(s)), (std::vector<int>{2, 2}));
}

void TestRolloutNative::costOfABlueGreenDeploymentByHand()
{
    // Two t3.medium instances ($0.0416/h) replaced blue/green, AllAtOnce, behind a load
    // balancer, originals terminated at once (termination wait 0):
    //   provision 90 + install 45 (5+10+5+10+5+5+5) + reroute 160 (5+150+5) + deregister 310
    //   (5+300+5) = 605 s, two originals and two replacements running the whole time.
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 2);
    s.blueGreen = s.loadBalancer = true;
    s.timing.set(timing::TerminationWait, 0);
    s.price = PriceTable::builtIn().ec2("t3.medium");
    const auto t = simulate(s);
    QCOMPARE(t.durationSeconds(), Seconds(605));
    QCOMPARE(t.metrics.instanceMinutes.original, 2 * 605 / 60.0);
    QCOMPARE(t.metrics.instanceMinutes.replacement, 2 * 605 / 60.0);
    QCOMPARE(t.metrics.extraInstanceMinutes, 2 * 605 / 60.0);
    // 4 × 605 s = 40.33 instance-minutes = 0.6722 h × $0.0416 = $0.02796.
    QVERIFY(std::abs(*t.metrics.estimatedCostUsd - 0.0279644) < 1e-6);
    QVERIFY(std::abs(*t.metrics.extraCostUsd - 0.0139822) < 1e-6);
    const Json j = timelineToJson(t);
    QVERIFY(j["metrics"]["estimatedCostUsd"] == 0.028);
    QVERIFY(j["metrics"]["extraCostUsd"] == 0.014);
    QVERIFY(j["metrics"]["instanceMinutes"]["original"] == 20.17);
    // Lambda: only the hook functions cost anything, one 30 s invocation each at 128 MB.
    auto lambda = scenario(Platform::Lambda, "CodeDeployDefault.LambdaCanary10Percent5Minutes", 0);
    lambda.hooks = {"BeforeAllowTraffic", "AfterAllowTraffic"};
    lambda.price = PriceTable::builtIn().lambdaHook(128);
    const auto lt = simulate(lambda);
    QVERIFY(std::abs(*lt.metrics.estimatedCostUsd - 2 * (0.0000002 + 30 * 0.125 * 0.0000166667)) < 1e-12);
}

void TestRolloutNative::priceTable()
{
    const auto &table = PriceTable::builtIn();
    QCOMPARE(table.region(), std::string("us-east-1"));
    QCOMPARE(table.readOn(), std::string("2026-12-05"));
    QCOMPARE(table.ec2("t3.micro")->usdPerUnitHour, 0.0104);
    QVERIFY(!table.ec2("x9.nothing"));
    const auto task = table.fargateTask(0.25, 0.5);
    QVERIFY(std::abs(task.usdPerUnitHour - (0.25 * 0.04048 + 0.5 * 0.004445)) < 1e-12);
    QVERIFY(task.basis.find("prices read 2026-12-05") != std::string::npos);
    const Json own = {{"region", "eu-west-1"}, {"readOn", "2027-01-01"},
                      {"ec2LinuxPerHour", {{"t3.medium", {{"usd", 0.0456}}}}},
                      {"fargateLinuxX86", {{"usdPerVcpuHour", 0.04}, {"usdPerGbHour", 0.004}}},
                      {"lambdaX86", {{"usdPerGbSecond", 0.00001}, {"usdPerRequest", 0.0000002}}}};
    QCOMPARE(PriceTable::fromJson(own).ec2("t3.medium")->usdPerUnitHour, 0.0456);
    Json broken = own;
    broken["fargateLinuxX86"].erase("usdPerGbHour");
    try {
        PriceTable::fromJson(broken);
        QFAIL("a table without a Fargate memory price was accepted");
    } catch (const std::invalid_argument &e) {
        QVERIFY(std::string(e.what()).find("fargateLinuxX86 needs \"usdPerGbHour\"") != std::string::npos);
    }
}

QTEST_APPLESS_MAIN(TestRolloutNative)
#include "tst_rolloutnative.moc"
