#include "model/study/lessonsteps.h"

#include "model/rollout/scenariobuilder.h"

namespace sc {

Scenario lessonScenario(const Json &root, const LessonStep &step)
{
    BuildOptions options;
    options.strategy = step.strategy;
    options.instances = step.instances;
    Scenario scenario = ScenarioBuilder(root).build(step.target, options);
    for (const std::string &spec : step.failures)
        scenario.failures.push_back(parseFailure(spec));
    validateScenario(scenario);
    return scenario;
}

bool recordLessonEdits(EditRecorder &recorder, const LessonStep &step, std::string &error)
{
    for (const LessonEdit &edit : step.edits) {
        try {
            if (edit.kind == LessonEdit::Kind::Set)
                recorder.set(edit.pointer, edit.value);
            else
                recorder.remove(edit.pointer);
        } catch (const std::exception &e) {
            error = "cannot change " + edit.pointer + ": " + e.what();
            return false;
        }
    }
    return true;
}

} // namespace sc
