// simulate on every scenario the builder makes from any template the reader accepts, with
// injected failures and timing overrides from the input: a Timeline whose samples are in time
// order, inside the rollout, with traffic shares that are percentages; never a crash.

#include "tests/fuzz/fuzzsupport.h"

#include "model/rollout/scenariobuilder.h"
#include "model/rollout/simulator.h"

#include <fuzzer/FuzzedDataProvider.h>

namespace {

void checkTimeline(const sc::Timeline &timeline)
{
    sc::Seconds previous = 0;
    for (const sc::TimelineSample &sample : timeline.samples) {
        if (sample.t < previous || sample.t > timeline.metrics.durationSeconds)
            sc::fuzz::fail("a sample out of time order:", sc::timelineToJson(timeline).dump(1));
        previous = sample.t;
        const double original = sample.trafficPercent.original, replacement = sample.trafficPercent.replacement;
        if (original < 0 || replacement < 0 || original + replacement > 100.0001)
            sc::fuzz::fail("traffic shares that are not percentages:", sc::timelineToJson(timeline).dump(1));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto content = sc::fuzz::read(sc::fuzz::text(data, size), std::nullopt);
    if (!content)
        return 0;
    FuzzedDataProvider choices(data, size);
    const sc::ScenarioBuilder builder(content->root);
    for (const std::string &target : builder.deployableTargets()) {
        sc::BuildOptions options;
        if (choices.ConsumeBool())
            options.strategy = sc::fuzz::strategyName(choices);
        options.instances = choices.ConsumeIntegralInRange(1, sc::fuzz::kMaxFuzzInstances);
        sc::Scenario scenario;
        try {
            scenario = builder.build(target, options);
            const int failures = choices.ConsumeIntegralInRange(0, 2);
            for (int i = 0; i < failures; ++i)
                scenario.failures.push_back(sc::parseFailure(sc::fuzz::failureSpec(choices)));
            if (choices.ConsumeBool())
                scenario.timing.set(sc::fuzz::timingName(choices), choices.ConsumeIntegralInRange<sc::Seconds>(0, 7200));
            sc::validateScenario(scenario);
        } catch (const std::invalid_argument &) {
            continue; // the builder or the parsers saying why, which is their job
        }
        checkTimeline(sc::simulate(scenario));
    }
    return 0;
}
