#pragma once
// Prediction questions, generated from the simulators so that their answers always agree with
// them: for every rollout step of a lesson, the rollout engine's Timeline (traffic share at a
// time, how the deployment ends, the lowest healthy count, the peak of running instances); for
// every what-if step, its result (a resource's deletion outcome, the StackSet's actual
// concurrency and Region statuses, how many nodes Run Command reaches and how many errors it
// counts, a resource's drift or import status). Each question records what it measured in
// `basis`, and its choices are the correct value and the nearest plausible others.

#include "model/study/lesson.h"
#include "model/study/quiz.h"

#include <string>
#include <vector>

namespace sc {

// Throws when a lesson's example or step cannot be simulated (a data error the tests catch).
std::vector<Question> predictionQuestions(const std::vector<Lesson> &lessons, const ExampleReader &reader);
std::vector<Question> predictionQuestions(const Lesson &lesson, const Json &exampleRoot);

// The answer texts the questions use.
std::string percentText(double percent);                       // "10%", "12.5%"
std::string countText(int count, const std::string &singular); // "1 instance", "3 instances"

} // namespace sc
