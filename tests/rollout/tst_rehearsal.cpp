// What the rehearsal view plays back, asserted on Timelines: unit tracks that agree with the
// samples on every platform and strategy, the phase and narration of every event, operator
// controls where AWS has them, the traffic path read from the template, the CSV export and the
// list of deployable targets a picker offers.

#include "model/rollout/narration.h"
#include "model/rollout/scenariobuilder.h"
#include "model/rollout/timelinecsv.h"
#include "model/rollout/trafficpath.h"
#include "rollouttesthelpers.h"

#include <QTest>

using namespace sc;
using namespace sc::test;

namespace {

struct Case {
    std::string label;
    Scenario scenario;
};

Scenario withFailure(Scenario s, const std::string &spec)
{
    s.failures.push_back(parseFailure(spec));
    return s;
}

Scenario withAction(Scenario s, const std::string &spec)
{
    s.actions.push_back(parseAction(spec));
    return s;
}

// Every platform and strategy, each plain, with an instance failure, an alarm and (where AWS
// has the control) a rollback request.
std::vector<Case> everyStrategy()
{
    std::vector<Case> cases;
    auto add = [&](const std::string &label, Scenario s) {
        s.target = label;
        s.rollback = {true, true, true, true};
        s.alarmsEnabled = true;
        s.alarms = {"Errors"};
        cases.push_back({label, s});
        if (s.instances > 0)
            cases.push_back({label + " instance:2", withFailure(s, "instance:2")});
        cases.push_back({label + " alarm:200", withFailure(s, "alarm:200")});
        cases.push_back({label + " rollback:400", withAction(s, "rollback:400")});
    };
    for (const char *name : {"CodeDeployDefault.OneAtATime", "CodeDeployDefault.HalfAtATime", "CodeDeployDefault.AllAtOnce"}) {
        for (bool lb : {false, true}) {
            auto s = scenario(Platform::Server, name, 4);
            s.loadBalancer = lb;
            add(std::string(name) + (lb ? " lb" : ""), s);
        }
        auto bg = scenario(Platform::Server, name, 4);
        bg.blueGreen = bg.loadBalancer = true;
        add(std::string(name) + " blue/green", bg);
        bg.blueGreenOptions.terminateOriginals = false;
        add(std::string(name) + " blue/green keep alive", bg);
    }
    for (const auto &name : predefinedStrategyNames(Platform::Lambda))
        add(name, scenario(Platform::Lambda, name, 0));
    for (const auto &name : predefinedStrategyNames(Platform::Ecs)) {
        auto s = scenario(Platform::Ecs, name, 3);
        s.testListener = true;
        add(name, s);
    }
    for (const auto &name : predefinedStrategyNames(Platform::ElasticBeanstalk)) {
        auto s = scenario(Platform::ElasticBeanstalk, name, 4);
        s.loadBalancer = true;
        s.strategy.batchSizeFixed = true;
        s.strategy.batchSize = 2;
        add("Beanstalk " + name, s);
    }
    auto rolling = scenario(Platform::AutoScaling, "AutoScalingRollingUpdate", 4);
    rolling.strategy.maxBatchSize = 2;
    rolling.loadBalancer = true;
    add("AutoScalingRollingUpdate", rolling);
    rolling.strategy.minInstancesInService = 4;
    rolling.maxInstances = 6;
    add("AutoScalingRollingUpdate surge", rolling);
    auto replacing = scenario(Platform::AutoScaling, "AutoScalingReplacingUpdate", 3);
    replacing.waitOnResourceSignals = true;
    add("AutoScalingReplacingUpdate", replacing);
    add("Route 53 linear", scenario(Platform::Route53, "linear:25:5", 0));
    for (const char *name : {"BLUE_GREEN", "CANARY", "LINEAR", "ecs-canary:12.5:3", "ROLLING", "ecs-rolling:50:100"}) {
        auto s = scenario(Platform::Ecs, name, 4);
        s.loadBalancer = true;
        s.testListener = std::string(name).find("ROLLING") == std::string::npos &&
                         std::string(name).find("rolling") == std::string::npos;
        s.hooks = {"PRE_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"};
        s.timing.set(timing::EcsBakeTime, 600);
        s.strategy.ecs.circuitBreaker = s.strategy.ecs.circuitBreakerRollback = true;
        add(std::string("ECS ") + name, s);
    }
    for (const char *name : {"InstanceRefresh", "refresh:min=50:max=150:checkpoints=50/100", "AutoScalingRollingUpdate",
                             "AutoScalingReplacingUpdate"}) {
        auto s = scenario(Platform::AutoScaling, name, 4);
        s.loadBalancer = true;
        s.waitOnResourceSignals = true;
        s.lifecycleHooks = {{"LaunchHook", true, 600, false}, {"DrainHook", false, 300, true}};
        add(std::string("hooks ") + name, s);
    }
    auto zonal = scenario(Platform::Server, "zonal:300:900", 6);
    zonal.zones = 3;
    zonal.loadBalancer = true;
    add("zonal", zonal);
    auto copy = scenario(Platform::Server, "CodeDeployDefault.HalfAtATime", 4);
    copy.blueGreen = copy.loadBalancer = true;
    copy.lifecycleHooks = {{"LaunchHook", true, 600, true}, {"DrainHook", false, 300, true}};
    add("blue/green copied group with hooks", copy);
    return cases;
}

Json withResources(Json resources)
{
    return Json{{"AWSTemplateFormatVersion", "2010-09-09"}, {"Resources", std::move(resources)}};
}

Json ref(const std::string &id)
{
    return Json{{"Ref", id}};
}

// The ECS example's shape: two target groups, a production and a test listener.
Json ecsBlueGreen(const std::string &lbType = "application")
{
    auto forward = [](const char *tg) { return Json::array({{{"Type", "forward"}, {"TargetGroupArn", {{"Ref", tg}}}}}); };
    return withResources(
        {{"Lb", {{"Type", "AWS::ElasticLoadBalancingV2::LoadBalancer"}, {"Properties", {{"Type", lbType}}}}},
         {"Blue", {{"Type", "AWS::ElasticLoadBalancingV2::TargetGroup"}, {"Properties", Json::object()}}},
         {"Green", {{"Type", "AWS::ElasticLoadBalancingV2::TargetGroup"}, {"Properties", Json::object()}}},
         {"Prod", {{"Type", "AWS::ElasticLoadBalancingV2::Listener"},
                   {"Properties", {{"LoadBalancerArn", ref("Lb")}, {"DefaultActions", forward("Blue")}}}}},
         {"Test", {{"Type", "AWS::ElasticLoadBalancingV2::Listener"},
                   {"Properties", {{"LoadBalancerArn", ref("Lb")}, {"DefaultActions", forward("Green")}}}}},
         {"Service", {{"Type", "AWS::ECS::Service"},
                      {"Properties", {{"DesiredCount", 2}, {"DeploymentController", {{"Type", "CODE_DEPLOY"}}}}}}},
         {"Group", {{"Type", "AWS::CodeDeploy::DeploymentGroup"},
                    {"Properties",
                     {{"ApplicationName", "app"},
                      {"DeploymentConfigName", "CodeDeployDefault.ECSCanary10Percent5Minutes"},
                      {"ECSServices", Json::array({{{"ClusterName", "c"}, {"ServiceName", {{"Fn::GetAtt", {"Service", "Name"}}}}}})},
                      {"LoadBalancerInfo",
                       {{"TargetGroupPairInfoList",
                         Json::array({{{"TargetGroups", Json::array({{{"Name", {{"Fn::GetAtt", {"Blue", "TargetGroupName"}}}}},
                                                                     {{"Name", {{"Fn::GetAtt", {"Green", "TargetGroupName"}}}}}})},
                                       {"ProdTrafficRoute", {{"ListenerArns", Json::array({ref("Prod")})}}},
                                       {"TestTrafficRoute", {{"ListenerArns", Json::array({ref("Test")})}}}}})}}}}}}},
         {"Bucket", {{"Type", "AWS::S3::Bucket"}}}});
}

std::vector<std::pair<Seconds, UnitState>> statesOf(const Timeline &t, const std::string &id)
{
    std::vector<std::pair<Seconds, UnitState>> out;
    for (const auto &tr : t.unit(id)->transitions)
        out.emplace_back(tr.t, tr.state);
    return out;
}

} // namespace

class TestRehearsal : public QObject {
    Q_OBJECT

private slots:
    void tilesAgreeWithSamplesEverywhere();
    void everyEventIsNarratedAndPhased();
    void inPlaceUnitWalksThroughItsStates();
    void failedInstanceTileAndFunctionVersions();
    void thousandUnitsCostTransitionsNotCopies();
    void phaseUnderWayAtTime();
    void narrationsTeachWhy();
    void stopAndRollbackRequests();
    void continueAfterBlueGreenWaits();
    void controlsOnlyWhereAwsHasThem();
    void trafficPathSharesFromTheTemplate();
    void csvHasOneRowPerSample();
    void targetsForAPicker();
    void savedScenarioKeepsActionsPathAndPrice();
};

void TestRehearsal::tilesAgreeWithSamplesEverywhere()
{
    const auto cases = everyStrategy();
    QVERIFY(cases.size() > 100);
    for (const auto &c : cases) {
        Timeline t;
        try {
            t = simulate(c.scenario);
        } catch (const std::exception &e) {
            QFAIL((c.label + ": " + e.what()).c_str());
        }
        checkInvariants(t);
        if (QTest::currentTestFailed())
            QFAIL(("tiles differ from samples for " + c.label).c_str());
        int fleetUnits = 0;
        for (const auto &u : t.units)
            fleetUnits += u.countsInFleet() ? 1 : 0;
        QVERIFY2(fleetUnits >= c.scenario.instances, c.label.c_str());
    }
}

void TestRehearsal::everyEventIsNarratedAndPhased()
{
    for (const auto &c : everyStrategy()) {
        const Timeline t = simulate(c.scenario);
        for (const auto &e : t.events) {
            const auto n = narrate(t.platform, e);
            QVERIFY2(n, (c.label + ": no narration for " + e.type + " " + e.name + " " + e.status).c_str());
            QVERIFY(n->text.size() > 40);
            QVERIFY(n->topic >= 1 && n->topic <= 8);
            QVERIFY(!n->reference.empty());
        }
        // The sweep and the single query agree at every sample.
        PhaseCursor cursor(t);
        for (const auto &s : t.samples) {
            const auto a = cursor.at(s.t);
            const auto b = phaseAt(t, s.t);
            QVERIFY(a && b);
            QCOMPARE(a->event, b->event);
        }
    }
}

void TestRehearsal::inPlaceUnitWalksThroughItsStates()
{
    // One at a time behind a load balancer, with the documented 300 s deregistration delay and
    // 150 s of health checks; scripts 5 s, download and install 10 s each (named assumptions).
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 2);
    s.loadBalancer = true;
    const auto t = simulate(s);
    using U = UnitState;
    // Install ends at 310 + 5 + 10 + 5 + 10 = 340: the version changes there, still out of service.
    const std::vector<std::pair<Seconds, UnitState>> first = {
        {0, U::InService},    {5, U::Draining}, {305, U::Idle},       {310, U::Installing},
        {340, U::Installing}, {355, U::Pending}, {510, U::InService}};
    QCOMPARE(statesOf(t, "i-001"), first);
    QCOMPARE(t.unit("i-001")->at(339)->version, Version::Original);
    QCOMPARE(t.unit("i-001")->at(340)->version, Version::Replacement);
    QCOMPARE(t.unit("i-001")->at(340)->state, U::Installing);
    // The second instance waits until the first is back.
    QCOMPARE(t.unit("i-002")->at(519)->state, U::InService); // BeforeBlockTraffic from 515
    QCOMPARE(t.unit("i-002")->at(520)->state, U::Draining);
    const auto tiles = tilesAt(t, 400);
    QCOMPARE(tiles.size(), std::size_t(2));
    QVERIFY((tiles[0] == TileCount{UnitKind::Instance, Version::Original, U::InService, 1}));
    QVERIFY((tiles[1] == TileCount{UnitKind::Instance, Version::Replacement, U::Pending, 1}));
}

void TestRehearsal::failedInstanceTileAndFunctionVersions()
{
    auto s = scenario(Platform::ElasticBeanstalk, "Rolling", 4);
    s.loadBalancer = true;
    s.strategy.batchSizeFixed = true;
    s.strategy.batchSize = 2;
    s.failures = {parseFailure("instance:2")};
    auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Failed);
    const auto &last = t.unit("i-002")->transitions.back();
    QCOMPARE(last.state, UnitState::Failed);
    QCOMPARE(last.version, Version::Replacement);
    QCOMPARE(t.unit("i-003")->transitions.back().state, UnitState::InService); // never touched
    QCOMPARE(t.unit("i-003")->transitions.back().version, Version::Original);

    // Lambda: two function versions, serving while they receive traffic; not fleet.
    auto lambda = scenario(Platform::Lambda, "CodeDeployDefault.LambdaCanary10Percent5Minutes", 0);
    t = simulate(lambda);
    QCOMPARE(t.units.size(), std::size_t(2));
    QVERIFY(!t.units[0].countsInFleet());
    QCOMPARE(t.unit("new-version")->at(0)->state, UnitState::InService);
    QCOMPARE(t.unit("original-version")->at(299)->state, UnitState::InService);
    QCOMPARE(t.unit("original-version")->at(300)->state, UnitState::Idle);
    lambda.rollback = {true, true, true, true};
    lambda.alarmsEnabled = true;
    lambda.alarms = {"Errors"};
    lambda.failures = {parseFailure("alarm:60")};
    t = simulate(lambda);
    QCOMPARE(t.unit("new-version")->at(60)->state, UnitState::Failed);
    QCOMPARE(t.unit("original-version")->at(60)->state, UnitState::InService);
}

void TestRehearsal::thousandUnitsCostTransitionsNotCopies()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.HalfAtATime", 1000);
    s.loadBalancer = true;
    const auto t = simulate(s);
    QCOMPARE(t.units.size(), std::size_t(1000));
    std::size_t transitions = 0;
    for (const auto &u : t.units)
        transitions += u.transitions.size();
    QCOMPARE(transitions, std::size_t(7 * 1000)); // six states and a version each, however many samples
    QVERIFY(t.samples.size() < 20);
    checkTilesAgreeWithSamples(t);
}

void TestRehearsal::phaseUnderWayAtTime()
{
    auto s = scenario(Platform::Lambda, "CodeDeployDefault.LambdaCanary10Percent5Minutes", 0);
    s.hooks = {"BeforeAllowTraffic", "AfterAllowTraffic"};
    const auto t = simulate(s); // hooks 30 s each: shift at 30, full at 330, end at 360
    auto name = [&](Seconds at) { return t.events[phaseAt(t, at)->event].name; };
    QCOMPARE(name(0), std::string("BeforeAllowTraffic"));
    QCOMPARE(name(29), std::string("BeforeAllowTraffic"));
    QCOMPARE(name(30), std::string("AllowTraffic"));
    QCOMPARE(name(200), std::string("AllowTraffic"));
    QCOMPARE(phaseAt(t, 200)->start, Seconds(30));
    QCOMPARE(phaseAt(t, 200)->end, Seconds(330));
    QCOMPARE(name(331), std::string("AfterAllowTraffic"));
    QCOMPARE(name(360), std::string("End"));
    QCOMPARE(name(100000), std::string("End"));
}

void TestRehearsal::narrationsTeachWhy()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 1);
    s.loadBalancer = true;
    auto t = simulate(s);
    const auto block = narrate(t.platform, *t.eventsNamed("BlockTraffic").front());
    QVERIFY(block->text.find("in-flight") != std::string::npos);
    QVERIFY(block->text.find("deregistration delay") != std::string::npos);
    QCOMPARE(block->topic, 2);
    QCOMPARE(block->reference, std::string("reference §2.1"));

    auto eb = scenario(Platform::ElasticBeanstalk, "Immutable", 2);
    eb.loadBalancer = true;
    t = simulate(eb);
    const auto first = narrate(t.platform, *t.eventsNamed("LaunchFirstInstance").front());
    QVERIFY(first->text.find("second, temporary Auto Scaling group") != std::string::npos);
    QCOMPARE(first->topic, 1);
    // Status makes a difference: a failed deployment is not narrated as a success.
    const TimelineEvent failed{10, "Deployment", "End", "Failed", {}, 0, {}};
    QVERIFY(narrate("Server", failed)->text.find("failed") != std::string::npos);
    QVERIFY(!narrate("Server", TimelineEvent{0, "Nonsense", "Nothing", "Succeeded", {}, 0, {}}));
}

void TestRehearsal::stopAndRollbackRequests()
{
    // StopDeployment in place: Stopped, what was deployed stays.
    auto s = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 3);
    s.actions = {parseAction("stop:100")};
    auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Stopped);
    QCOMPARE(t.durationSeconds(), Seconds(100));
    QVERIFY(hasEvent(t, "StopDeployment", "Succeeded"));
    QCOMPARE(t.samples.back().instances.replacement, 2); // i-003 was still downloading
    // With DEPLOYMENT_STOP_ON_REQUEST the same stop rolls back.
    s.rollback = {true, false, false, true};
    t = simulate(s);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(t.samples.back().instances.replacement, 0);

    // A rollback request on a Lambda canary at 120 s: the alias goes back at once.
    auto lambda = scenario(Platform::Lambda, "CodeDeployDefault.LambdaCanary10Percent5Minutes", 0);
    lambda.actions = {parseAction("rollback:120")};
    t = simulate(lambda);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QCOMPARE(newTraffic(t, 119), 10.0);
    QCOMPARE(newTraffic(t, 120), 0.0);
    QCOMPARE(*t.metrics.failingVersionRequestPercent, 10.0);

    // Elastic Beanstalk AbortEnvironmentUpdate on a rolling deployment: updated instances get
    // the previous version again, batch by batch.
    auto eb = scenario(Platform::ElasticBeanstalk, "Rolling", 4);
    eb.loadBalancer = true;
    eb.strategy.batchSizeFixed = true;
    eb.strategy.batchSize = 2;
    const Seconds secondBatch = firstEvent(simulate(eb), "Batch", "Batch 2");
    eb.actions = {parseAction("rollback:" + std::to_string(secondBatch + 30))};
    t = simulate(eb);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QVERIFY(hasEvent(t, "AbortEnvironmentUpdate", "Succeeded"));
    QVERIFY(hasEvent(t, "Rollback batch 1", "Started"));
    QCOMPARE(t.samples.back().instances.original, 4);
    QCOMPARE(t.samples.back().healthy.original, 4);

    // CloudFormation CancelUpdateStack during a rolling update.
    auto asg = scenario(Platform::AutoScaling, "AutoScalingRollingUpdate", 4);
    asg.actions = {parseAction("rollback:200")};
    t = simulate(asg);
    checkInvariants(t);
    QCOMPARE(t.result, DeploymentResult::RolledBack);
    QVERIFY(hasEvent(t, "CancelUpdateStack", "Succeeded"));
    QCOMPARE(t.samples.back().instances.replacement, 0);
    QCOMPARE(t.samples.back().healthy.original, 4);

    // A request after the end changes nothing and says so.
    lambda.actions = {parseAction("rollback:5000")};
    t = simulate(lambda);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QVERIFY(hasEvent(t, "StopDeployment", "Ignored"));
}

void TestRehearsal::continueAfterBlueGreenWaits()
{
    auto s = scenario(Platform::Server, "CodeDeployDefault.AllAtOnce", 2);
    s.blueGreen = s.loadBalancer = true;
    s.blueGreenOptions.waitForApproval = true;
    s.timing.set(timing::ReadyWait, 3600);
    const Seconds waitStart = firstEvent(simulate(s), "Wait", "READY_WAIT");
    s.actions = {parseAction("continue:" + std::to_string(waitStart + 1200))};
    auto t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(t.eventsNamed("READY_WAIT").front()->durationSeconds, Seconds(1200));
    QCOMPARE(firstEvent(t, "Operator", "ContinueDeployment"), waitStart + 1200);
    QCOMPARE(newTraffic(t, waitStart + 1199), 0.0);
    // Nobody continues within WaitTimeInMinutes: Stopped, traffic never moved.
    s.actions = {parseAction("continue:" + std::to_string(waitStart + 3700))};
    t = simulate(s);
    QCOMPARE(t.result, DeploymentResult::Stopped);
    QVERIFY(hasEvent(t, "ContinueDeployment", "Ignored"));

    // ContinueDeployment during the termination wait terminates the originals at once.
    s.blueGreenOptions.waitForApproval = false;
    s.actions = {};
    const Seconds termination = firstEvent(simulate(s), "Wait", "TERMINATION_WAIT");
    s.actions = {parseAction("continue:" + std::to_string(termination + 60))};
    t = simulate(s);
    QCOMPARE(firstEvent(t, "Instance", "TerminateOriginals"), termination + 60);
    QCOMPARE(t.durationSeconds(), termination + 60);

    // ECS with an approval wait (deploymentApprovalWaitTime).
    auto ecs = scenario(Platform::Ecs, "CodeDeployDefault.ECSAllAtOnce", 2);
    ecs.blueGreenOptions.waitForApproval = true;
    ecs.timing.set(timing::ReadyWait, 900);
    ecs.actions = {parseAction("continue:300")};
    t = simulate(ecs);
    QCOMPARE(t.result, DeploymentResult::Succeeded);
    QCOMPARE(newTraffic(t, 299), 0.0);
    QCOMPARE(newTraffic(t, 300), 100.0);
}

void TestRehearsal::controlsOnlyWhereAwsHasThem()
{
    auto refused = [](Scenario s, const std::string &action, const std::string &says) {
        s.actions = {parseAction(action)};
        try {
            validateScenario(s);
        } catch (const ScenarioError &e) {
            return std::string(e.what()).find(says) != std::string::npos;
        }
        return false;
    };
    QVERIFY(refused(scenario(Platform::ElasticBeanstalk, "Rolling", 2), "stop:10", "AbortEnvironmentUpdate always rolls"));
    QVERIFY(refused(scenario(Platform::AutoScaling, "AutoScalingRollingUpdate", 2), "stop:10", "CancelUpdateStack"));
    QVERIFY(refused(scenario(Platform::Lambda, "AllAtOnce", 0), "continue:10", "ContinueDeployment applies"));
    QVERIFY(refused(scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 2), "continue:10", "no wait"));
    QVERIFY(refused(scenario(Platform::Route53, "linear:10:5", 0), "stop:10", "rollback:SECONDS"));
    for (const char *bad : {"stop", "stop:", "stop:-1", "pause:10", "rollback:1x", "continue:99999999999"})
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseAction(bad));
    QCOMPARE(actionSpec(parseAction("rollback:90")), std::string("rollback:90"));
    // What a view offers as buttons: the same answers without building an action.
    using K = OperatorAction::Kind;
    const auto beanstalk = scenario(Platform::ElasticBeanstalk, "Rolling", 2);
    QVERIFY(actionUnavailable(beanstalk, K::Rollback).empty());
    QVERIFY(actionUnavailable(beanstalk, K::Stop).find("AbortEnvironmentUpdate") != std::string::npos);
    auto blueGreen = scenario(Platform::Server, "CodeDeployDefault.OneAtATime", 2);
    blueGreen.blueGreen = blueGreen.loadBalancer = true;
    QVERIFY(actionUnavailable(blueGreen, K::Continue).empty());
    QVERIFY(actionUnavailable(blueGreen, K::Stop).empty());
}

void TestRehearsal::trafficPathSharesFromTheTemplate()
{
    auto s = ScenarioBuilder(ecsBlueGreen()).build("Service");
    std::vector<std::string> ids;
    for (const auto &e : s.trafficPath)
        ids.push_back(e.logicalId + (e.test ? " (test)" : ""));
    QCOMPARE(ids, (std::vector<std::string>{"Blue", "Green", "Prod", "Lb", "Test (test)", "Lb (test)"}));
    const auto t = simulate(s); // Install 0-60, test traffic at 60, canary 10 % at 60, rest at 360
    auto share = [&](Seconds at, const std::string &id, bool test = false) {
        for (const auto &p : trafficPathShares(s, t, at)) {
            if (p.element->logicalId == id && p.element->test == test)
                return p.percent;
        }
        return VersionShare{-1, -1};
    };
    QVERIFY((share(30, "Blue") == VersionShare{100, 0}));
    QVERIFY((share(30, "Green") == VersionShare{0, 0}));
    QVERIFY((share(30, "Test", true) == VersionShare{100, 0}));
    QVERIFY((share(60, "Test", true) == VersionShare{0, 100}));
    QVERIFY((share(60, "Blue") == VersionShare{90, 0}));
    QVERIFY((share(60, "Green") == VersionShare{0, 10}));
    QVERIFY((share(60, "Prod") == VersionShare{90, 10}));
    QVERIFY((share(360, "Green") == VersionShare{0, 100}));

    // An Auto Scaling group behind a target group: target group, listener and load balancer.
    Json asg = withResources(
        {{"Lb", {{"Type", "AWS::ElasticLoadBalancingV2::LoadBalancer"}, {"Properties", Json::object()}}},
         {"Tg", {{"Type", "AWS::ElasticLoadBalancingV2::TargetGroup"}, {"Properties", Json::object()}}},
         {"Listener", {{"Type", "AWS::ElasticLoadBalancingV2::Listener"},
                       {"Properties", {{"LoadBalancerArn", ref("Lb")},
                                       {"DefaultActions", Json::array({{{"Type", "forward"}, {"TargetGroupArn", ref("Tg")}}})}}}}},
         {"Fleet", {{"Type", "AWS::AutoScaling::AutoScalingGroup"},
                    {"Properties", {{"MinSize", "2"}, {"MaxSize", "4"}, {"TargetGroupARNs", Json::array({ref("Tg")})}}},
                    {"UpdatePolicy", {{"AutoScalingRollingUpdate", {{"MaxBatchSize", 1}}}}}}}});
    s = ScenarioBuilder(asg).build("Fleet");
    QCOMPARE(s.trafficPath.size(), std::size_t(3));
    QCOMPARE(s.trafficPath[0].role, std::string("target group"));
    QCOMPARE(s.trafficPath[1].logicalId, std::string("Listener"));
    QCOMPARE(s.trafficPath[2].logicalId, std::string("Lb"));

    // A Lambda deployment group shifts the alias whose CodeDeployLambdaAliasUpdate names it; the
    // function URL on the alias is where requests enter. Canary10Percent5Minutes: 10 % on the
    // new version from the first shift, all of it 5 minutes later.
    Json lambda = withResources(
        {{"Fn", {{"Type", "AWS::Lambda::Function"}, {"Properties", Json::object()}}},
         {"Version", {{"Type", "AWS::Lambda::Version"}, {"Properties", {{"FunctionName", ref("Fn")}}}}},
         {"Live", {{"Type", "AWS::Lambda::Alias"},
                   {"UpdatePolicy", {{"CodeDeployLambdaAliasUpdate", {{"ApplicationName", ref("App")}, {"DeploymentGroupName", ref("Group")}}}}},
                   {"Properties", {{"FunctionName", ref("Fn")}, {"FunctionVersion", "1"}, {"Name", "live"}}}}},
         {"Other", {{"Type", "AWS::Lambda::Alias"}, {"Properties", {{"FunctionName", ref("Fn")}, {"FunctionVersion", "1"}, {"Name", "other"}}}}},
         {"Url", {{"Type", "AWS::Lambda::Url"}, {"Properties", {{"TargetFunctionArn", ref("Live")}, {"AuthType", "NONE"}}}}},
         {"App", {{"Type", "AWS::CodeDeploy::Application"}, {"Properties", {{"ComputePlatform", "Lambda"}}}}},
         {"Group", {{"Type", "AWS::CodeDeploy::DeploymentGroup"},
                    {"Properties", {{"ApplicationName", ref("App")},
                                    {"DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes"},
                                    {"DeploymentStyle", {{"DeploymentType", "BLUE_GREEN"}, {"DeploymentOption", "WITH_TRAFFIC_CONTROL"}}}}}}}});
    s = ScenarioBuilder(lambda).build("Group");
    QCOMPARE(s.platform, Platform::Lambda);
    ids.clear();
    for (const auto &e : s.trafficPath)
        ids.push_back(e.logicalId);
    QCOMPARE(ids, (std::vector<std::string>{"Url", "Live", "Fn"}));
    const auto lt = simulate(s);
    const auto shift = std::find_if(lt.events.begin(), lt.events.end(), [](const TimelineEvent &e) { return e.type == "TrafficShift"; });
    QVERIFY(shift != lt.events.end());
    const Seconds firstShift = shift->t;
    auto aliasShare = [&](Seconds at) {
        for (const auto &p : trafficPathShares(s, lt, at)) {
            if (p.element->logicalId == "Live")
                return p.percent;
        }
        return VersionShare{-1, -1};
    };
    if (firstShift > 0)
        QVERIFY((aliasShare(firstShift - 1) == VersionShare{100, 0}));
    QVERIFY((aliasShare(firstShift + 180) == VersionShare{90, 10}));
    QVERIFY((aliasShare(firstShift + 300) == VersionShare{0, 100}));
}

void TestRehearsal::csvHasOneRowPerSample()
{
    auto s = ScenarioBuilder(ecsBlueGreen()).build("Service");
    const auto t = simulate(s);
    const std::string csv = timelineToCsv(t);
    QVERIFY(csv.rfind(timelineCsvHeader() + "\r\n", 0) == 0);
    std::vector<std::string> rows;
    for (std::size_t start = 0, end; (end = csv.find("\r\n", start)) != std::string::npos; start = end + 2)
        rows.push_back(csv.substr(start, end - start));
    QCOMPARE(rows.size(), t.samples.size() + 1);
    QCOMPARE(rows[0], std::string("t,trafficOriginalPercent,trafficReplacementPercent,testTrafficOriginalPercent,"
                                  "testTrafficReplacementPercent,healthyOriginal,healthyReplacement,"
                                  "instancesOriginal,instancesReplacement,phase"));
    QCOMPARE(rows[1], std::string("0,100,0,100,0,2,0,2,2,Install"));
    QCOMPARE(rows[2], std::string("60,90,10,0,100,2,2,2,2,AllowTraffic"));
    // A fleet without a test route leaves those columns empty; fractions keep two decimals (one
    // new instance in service beside two old ones: a third of the requests).
    auto asg = scenario(Platform::AutoScaling, "AutoScalingRollingUpdate", 3);
    asg.strategy.maxBatchSize = 1;
    asg.strategy.minInstancesInService = 3;
    asg.maxInstances = 4;
    const std::string asgCsv = timelineToCsv(simulate(asg));
    QVERIFY2(asgCsv.find("\r\n0,100,0,,,3,0,3,1,") != std::string::npos, asgCsv.c_str());
    QVERIFY2(asgCsv.find(",66.67,33.33,,,2,1,") != std::string::npos, asgCsv.c_str());
}

void TestRehearsal::targetsForAPicker()
{
    const auto targets = ScenarioBuilder(ecsBlueGreen()).targets();
    QCOMPARE(targets.size(), std::size_t(2)); // the service and its deployment group
    QCOMPARE(targets[0].logicalId, std::string("Service"));
    QCOMPARE(*targets[0].platform, Platform::Ecs);
    QCOMPARE(targets[0].strategy, std::string("CodeDeployDefault.ECSCanary10Percent5Minutes"));
    QCOMPARE(targets[0].strategies.size(), std::size_t(5));
    QCOMPARE(targets[0].customForms, (std::vector<std::string>{"canary:PERCENT:MINUTES", "linear:PERCENT:MINUTES"}));
    QVERIFY(targets[0].error.empty());
    // Behind a Network Load Balancer only ECSAllAtOnce remains.
    const auto nlb = ScenarioBuilder(ecsBlueGreen("network")).targets();
    QVERIFY(!nlb[0].platform);
    QVERIFY(nlb[0].error.find("Network Load Balancer") != std::string::npos);
    Json root = ecsBlueGreen("network");
    root["Resources"]["Group"]["Properties"]["DeploymentConfigName"] = "CodeDeployDefault.ECSAllAtOnce";
    const auto allAtOnce = ScenarioBuilder(root).targets();
    QCOMPARE(allAtOnce[0].strategies, (std::vector<std::string>{"CodeDeployDefault.ECSAllAtOnce"}));
}

void TestRehearsal::savedScenarioKeepsActionsPathAndPrice()
{
    auto s = ScenarioBuilder(ecsBlueGreen()).build("Service");
    s.actions = {parseAction("stop:40"), parseAction("continue:90")};
    s.failures = {parseFailure("instance:2+")};
    s.price = UnitPrice{0.0123, 0, 0, "0.25 vCPU, 0.5 GB Fargate task"};
    QVERIFY(scenarioFromJson(scenarioToJson(s)) == s);
    QVERIFY(!s.trafficPath.empty());
}

QTEST_APPLESS_MAIN(TestRehearsal)
#include "tst_rehearsal.moc"
