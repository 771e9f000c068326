#pragma once
// What a lesson's steps do to the example, shared by the window, the CLI and the tests: the
// rehearsal Scenario of a rollout step, and the edits of a rule step recorded into one undo
// command. Pure functions of the template.

#include "model/document/editrecorder.h"
#include "model/rollout/scenario.h"
#include "model/study/lesson.h"

#include <string>

namespace sc {

// The Scenario a rollout step rehearses: built from the template for the step's target with its
// strategy and fleet size, plus its failures. Throws ScenarioError / StrategyError.
Scenario lessonScenario(const Json &root, const LessonStep &step);

// Records the step's edits; false with `error` when one cannot apply (nothing is kept then:
// Document::edit rolls the recorder back).
bool recordLessonEdits(EditRecorder &recorder, const LessonStep &step, std::string &error);

} // namespace sc
