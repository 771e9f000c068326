// The scenario builder on any template the reader accepts, for every deployable target, with
// the strategy names and fleet sizes `simulate` takes: a Scenario or a ScenarioError (a
// StrategyError for a name that does not apply), never a crash. The scenarios saved in the
// template's metadata are read the same way.

#include "tests/fuzz/fuzzsupport.h"

#include "model/rollout/scenariobuilder.h"

#include <fuzzer/FuzzedDataProvider.h>

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
        if (choices.ConsumeBool())
            options.instances = choices.ConsumeIntegralInRange(1, sc::fuzz::kMaxFuzzInstances);
        try {
            sc::validateScenario(builder.build(target, options));
        } catch (const std::invalid_argument &) {
            // ScenarioError, StrategyError: the builder saying why, which is its job.
        }
    }
    try {
        for (const auto &[name, scenario] : sc::savedScenarios(content->root))
            sc::validateScenario(scenario);
    } catch (const std::invalid_argument &) {
    }
    return 0;
}
