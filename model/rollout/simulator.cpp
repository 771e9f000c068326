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
    case Platform::AutoScaling: return false;
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

bool stopOnAlarm(const Scenario &scenario, RolloutRecorder &recorder, Seconds t)
{
    recorder.clearCutoff();
    const std::string name = scenario.alarms.empty() ? "Alarm" : scenario.alarms.front();
    recorder.event(t, "Alarm", name, "ALARM", {}, 0, "a watched alarm entered ALARM: the deployment stops");
    recorder.event(t, "Deployment", "End", "Stopped");
    return scenario.rollback.enabled && scenario.rollback.onAlarm;
}

Timeline simulate(const Scenario &scenario)
{
    validateScenario(scenario);
    Timeline timeline;
    RolloutRecorder recorder(scenario, timeline);
    const auto alarm = alarmTime(scenario);
    const bool reacts = alarm && reactsToAlarms(scenario);
    if (reacts)
        recorder.setCutoff(alarm);

    RolloutOutcome outcome;
    switch (scenario.platform) {
    case Platform::Server:
        outcome = scenario.blueGreen ? simulateServerBlueGreen(scenario, recorder)
                                     : simulateServerInPlace(scenario, recorder);
        break;
    case Platform::Lambda: outcome = simulateLambda(scenario, recorder); break;
    case Platform::Ecs: outcome = simulateEcs(scenario, recorder); break;
    case Platform::ElasticBeanstalk: outcome = simulateBeanstalk(scenario, recorder); break;
    case Platform::AutoScaling: outcome = simulateAutoScaling(scenario, recorder); break;
    case Platform::Route53: outcome = simulateRoute53(scenario, recorder); break;
    }
    recorder.clearCutoff();

    const bool handled = std::any_of(timeline.events.begin(), timeline.events.end(),
                                     [](const TimelineEvent &e) { return e.type == "Alarm"; });
    if (alarm && !handled) {
        TimelineEvent e{*alarm, "Alarm", "Alarm", "Ignored", {}, 0,
                        !reacts ? (scenario.platform == Platform::AutoScaling
                                       ? "CloudFormation watches alarms only through the stack's "
                                         "RollbackConfiguration, which is not in the template"
                                       : "the deployment group watches no alarms (AlarmConfiguration)")
                                : "the deployment had already ended"};
        auto &events = timeline.events;
        const auto at = std::upper_bound(events.begin(), events.end(), e.t,
                                         [](Seconds t, const TimelineEvent &x) { return t < x.t; });
        events.insert(at, std::move(e));
    }
    recorder.finish(outcome.end, outcome.result);
    return timeline;
}

} // namespace sc
