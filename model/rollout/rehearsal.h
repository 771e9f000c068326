#pragma once
// Everything a rehearsal view needs from the rollout engine, in one include. The view plays a
// Timeline back; it computes nothing about AWS itself.
//
// 1. Pick a target: ScenarioBuilder(root).targets() lists every deployable resource with its
//    platform, the strategy the template configures, every predefined or template configuration
//    it can switch to (only those build() accepts for it) and the custom forms
//    (canary:PERCENT:MINUTES...); a target that cannot be deployed carries the reason.
// 2. Build and adjust: build(id, {strategy, instances}) gives a Scenario; change its timings
//    (TimingModel, with each default's source in timingDefinitions()), failures
//    (parseFailure: instance:K, instance:K+, hook:NAME[:timeout], alarm:SECONDS) and operator
//    actions (parseAction: stop:SECONDS, rollback:SECONDS, continue:SECONDS; validateScenario
//    refuses a control AWS does not have on that platform and says which it has). Save it with
//    withSavedScenario().
// 3. Play: simulate(scenario) gives the Timeline:
//    - samples: traffic per version (and test traffic for an ECS test listener), healthy and
//      running units per version, at every change point; sampleAt(t) is O(log n).
//    - units: one UnitTrack per instance, task, Lambda function version or weighted record, with
//      its version and UnitState over time (Pending, Pending:Wait, Installing, Idle, InService,
//      Draining, Terminating:Wait, Terminated, Failed). tilesAt(t) counts them per kind, version
//      and state, for tiles or, for large fleets, bars; for instances and tasks the counts always
//      equal the sample in force (running = not Terminated, healthy = InService).
//    - events, each narrated by narrate(platform, event): a sentence on what AWS does and why,
//      the study topic and the reference section; phaseAt(t) (or a PhaseCursor while playing
//      forward) names the event under way, for the target's card.
//    - metrics: duration, downtime, minimum healthy, peak, instance-minutes per version, extra
//      instance-minutes, estimated cost, requests served by a failing version.
// 4. Traffic on the diagram: trafficPathShares(scenario, timeline, t) gives, for every resource
//    of Scenario::trafficPath (load balancer, listener or listener rule, target groups, alias,
//    function, weighted records, Beanstalk environment URL), the percent of each version's
//    traffic through it at t.
// 5. Export: timelineToCsv(timeline) gives the CSV that `simulate --format csv` prints (header in
//    timelinecsv.h); write it through QSaveFile.

#include "model/rollout/narration.h"
#include "model/rollout/scenariobuilder.h"
#include "model/rollout/simulator.h"
#include "model/rollout/timelinecsv.h"
#include "model/rollout/trafficpath.h"
