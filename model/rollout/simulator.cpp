#include "model/rollout/simulator.h"

#include "model/rollout/rolloutstrategies.h"

#include <algorithm>

namespace sc {

std::string membersLabel(const RolloutRecorder &recorder, const std::vector<int> &members)
{
    if (members.empty())
        return {};
    const auto &first = recorder.member(members.front()).id;
    if (members.size() == 1)
        return first;
    return first + " ... " + recorder.member(members.back()).id;
}

bool reactsToAlarms(const Scenario &scenario)
{
    switch (scenario.platform) {
    case Platform::Server:
    case Platform::Lambda:
    case Platform::Ecs: return scenario.watchesAlarms();
    case Platform::ElasticBeanstalk:
    case Platform::Route53: return true;
    case Platform::AutoScaling:
        // CloudFormation's rolling and replacing updates watch no alarm; an instance refresh
        // watches those of its AlarmSpecification.
        return scenario.strategy.autoScalingPolicy == AutoScalingPolicy::InstanceRefresh && scenario.watchesAlarms();
    }
    return false;
}

PhaseResult shiftTraffic(RolloutRecorder &recorder, Seconds t, const TrafficRouting &routing,
                         const std::string &eventName, Seconds delay)
{
    const auto steps = trafficSchedule(routing);
    const Seconds last = steps.back().offset + delay;
    recorder.event(t, "LifecycleEvent", eventName, "Succeeded", {}, last);
    for (const auto &step : steps) {
        const Seconds at = t + step.offset + delay;
        if (!recorder.live(at))
            return {*recorder.cutoff(), true, false};
        recorder.setTraffic(at, step.percent);
        recorder.event(at, "TrafficShift", eventName, "Succeeded", {}, 0,
                       std::to_string(static_cast<int>(step.percent)) + "% to the new version");
    }
    return {t + last, false, false};
}

PhaseResult runHook(const Scenario &scenario, RolloutRecorder &recorder, Seconds t,
                    const std::string &event)
{
    if (!recorder.live(t))
        return {*recorder.cutoff(), true, false};
    const InjectedFailure *failure = hookFailure(scenario, event);
    const bool configured = scenario.hasHook(event) || failure;
    Seconds d = 0;
    if (configured) {
        d = failure && failure->hookTimesOut ? scenario.timing.seconds(timing::LambdaHookTimeout)
                                             : scenario.timing.seconds(timing::LambdaHook);
    }
    std::string detail = configured ? std::string() : "no hook function";
    if (failure)
        detail = failure->hookTimesOut ? "the hook never reported its status" : "the hook reported Failed";
    recorder.event(t, "LifecycleEvent", event, failure ? "Failed" : "Succeeded", {}, d, detail);
    if (d > 0 && !recorder.live(t + d))
        return {*recorder.cutoff(), true, false};
    return {t + d, false, failure != nullptr};
}

std::string operatorControl(const Scenario &scenario, OperatorAction::Kind kind)
{
    if (kind == OperatorAction::Kind::Continue)
        return "ContinueDeployment";
    switch (scenario.platform) {
    case Platform::Server:
    case Platform::Lambda: return "StopDeployment";
    case Platform::Ecs:
        return scenario.strategy.ecs.strategy == EcsStrategy::CodeDeploy ? "StopDeployment" : "StopServiceDeployment";
    case Platform::ElasticBeanstalk: return "AbortEnvironmentUpdate";
    case Platform::AutoScaling:
        if (scenario.strategy.autoScalingPolicy == AutoScalingPolicy::InstanceRefresh)
            return kind == OperatorAction::Kind::Stop ? "CancelInstanceRefresh" : "RollbackInstanceRefresh";
        return "CancelUpdateStack";
    case Platform::Route53: return "ChangeResourceRecordSets";
    }
    return "StopDeployment";
}

bool interrupt(const Scenario &scenario, RolloutRecorder &recorder, Seconds t)
{
    recorder.clearCutoff();
    const auto kind = recorder.interruption() ? recorder.interruption()->kind : Interruption::Kind::Alarm;
    bool rollBack = false;
    switch (kind) {
    case Interruption::Kind::Alarm:
        recorder.event(t, "Alarm", scenario.alarms.empty() ? "Alarm" : scenario.alarms.front(), "ALARM", {}, 0,
                       "a watched alarm entered ALARM: the deployment stops");
        rollBack = scenario.rollback.enabled && scenario.rollback.onAlarm;
        break;
    case Interruption::Kind::StopRequest:
        rollBack = scenario.rollback.enabled && scenario.rollback.onRequest;
        recorder.event(t, "Operator", operatorControl(scenario, OperatorAction::Kind::Stop), "Succeeded", {}, 0,
                       rollBack ? "the operator stopped the deployment; DEPLOYMENT_STOP_ON_REQUEST rolls it back"
                                : "the operator stopped the deployment; what was deployed stays as it is");
        break;
    case Interruption::Kind::RollbackRequest:
        rollBack = true;
        recorder.event(t, "Operator", operatorControl(scenario, OperatorAction::Kind::Rollback), "Succeeded", {},
                       0, "the operator asked for a rollback");
        break;
    }
    recorder.event(t, "Deployment", "End", "Stopped");
    return rollBack;
}

std::optional<Seconds> continueDuring(const Scenario &scenario, RolloutRecorder &recorder, Seconds start,
                                      Seconds limit, const std::string &waitType)
{
    const auto at = continueAt(scenario, start);
    if (!at || *at > start + limit || !recorder.live(*at))
        return std::nullopt;
    recorder.event(*at, "Operator", "ContinueDeployment", "Succeeded", {}, 0,
                   "deploymentWaitType " + waitType);
    return at;
}

namespace {

// The earliest of: a watched alarm (where the platform reacts to one), a stop request, a
// rollback request.
std::optional<Interruption> firstInterruption(const Scenario &scenario)
{
    std::optional<Interruption> first;
    auto consider = [&](Interruption::Kind kind, Seconds at) {
        if (!first || at < first->at)
            first = Interruption{kind, at};
    };
    if (const auto alarm = alarmTime(scenario); alarm && reactsToAlarms(scenario))
        consider(Interruption::Kind::Alarm, *alarm);
    if (const auto *stop = firstAction(scenario, OperatorAction::Kind::Stop))
        consider(Interruption::Kind::StopRequest, stop->atSeconds);
    if (const auto *rollback = firstAction(scenario, OperatorAction::Kind::Rollback))
        consider(Interruption::Kind::RollbackRequest, rollback->atSeconds);
    return first;
}

void insertInOrder(std::vector<TimelineEvent> &events, TimelineEvent e)
{
    const auto at = std::upper_bound(events.begin(), events.end(), e.t,
                                     [](Seconds t, const TimelineEvent &x) { return t < x.t; });
    events.insert(at, std::move(e));
}

bool hasEventAt(const Timeline &timeline, const std::string &type, const std::string &name, Seconds t)
{
    return std::any_of(timeline.events.begin(), timeline.events.end(), [&](const TimelineEvent &e) {
        return e.type == type && e.name == name && e.t == t;
    });
}

// Failures and actions that never took effect are said so on the timeline.
void recordIgnored(const Scenario &scenario, Timeline &timeline, bool alarmReacts)
{
    const auto alarm = alarmTime(scenario);
    const bool handled = std::any_of(timeline.events.begin(), timeline.events.end(),
                                     [](const TimelineEvent &e) { return e.type == "Alarm"; });
    if (alarm && !handled) {
        insertInOrder(timeline.events,
                      {*alarm, "Alarm", "Alarm", "Ignored", {}, 0,
                       !alarmReacts ? (scenario.platform == Platform::AutoScaling
                                           ? "CloudFormation watches alarms only through the stack's "
                                             "RollbackConfiguration, which is not in the template"
                                           : "the deployment group watches no alarms (AlarmConfiguration)")
                                    : "the deployment had already ended"});
    }
    for (const auto &a : scenario.actions) {
        const std::string control = operatorControl(scenario, a.kind);
        if (hasEventAt(timeline, "Operator", control, a.atSeconds))
            continue;
        insertInOrder(timeline.events,
                      {a.atSeconds, "Operator", control, "Ignored", {}, 0,
                       a.kind == OperatorAction::Kind::Continue
                           ? "no ready or termination wait was under way"
                           : a.atSeconds >= timeline.metrics.durationSeconds
                                 ? "the deployment had already ended"
                                 : "the deployment was already stopping, or past the point where it can be stopped"});
    }
}

} // namespace

Timeline simulate(const Scenario &scenario)
{
    validateScenario(scenario);
    Timeline timeline;
    RolloutRecorder recorder(scenario, timeline);
    recorder.setInterruption(firstInterruption(scenario));

    RolloutOutcome outcome;
    switch (scenario.platform) {
    case Platform::Server:
        outcome = scenario.blueGreen ? simulateServerBlueGreen(scenario, recorder)
                                     : simulateServerInPlace(scenario, recorder);
        break;
    case Platform::Lambda: outcome = simulateLambda(scenario, recorder); break;
    case Platform::Ecs:
        outcome = scenario.strategy.ecs.strategy == EcsStrategy::CodeDeploy ? simulateEcs(scenario, recorder)
                                                                             : simulateEcsNative(scenario, recorder);
        break;
    case Platform::ElasticBeanstalk: outcome = simulateBeanstalk(scenario, recorder); break;
    case Platform::AutoScaling:
        outcome = scenario.strategy.autoScalingPolicy == AutoScalingPolicy::InstanceRefresh
                      ? simulateInstanceRefresh(scenario, recorder)
                      : simulateAutoScaling(scenario, recorder);
        break;
    case Platform::Route53: outcome = simulateRoute53(scenario, recorder); break;
    }
    recorder.clearCutoff();
    recorder.finish(outcome.end, outcome.result);
    recordIgnored(scenario, timeline, reactsToAlarms(scenario));
    return timeline;
}

} // namespace sc
