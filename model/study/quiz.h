#pragma once
// Quiz questions: the written bank (model/study/data/questions/*.json, compiled in), scenario
// questions in the style of the exam with three to five choices and exactly one answer, each
// with an explanation and the lesson it belongs to; and prediction questions, generated from
// the simulators (predictions.h), whose answers are the simulators' own results.

#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

struct Question {
    std::string id;
    std::string lesson;
    int topic = 0;
    std::string question;
    std::vector<std::string> choices;
    int answer = 0; // index into choices
    std::string explanation;
    bool prediction = false; // generated from a simulator
    int demoStep = -1;       // a step of the lesson that demonstrates the answer, when one does
    // Prediction questions: what was measured, so that the answer can be checked against the
    // simulator ({"measure": "trafficAt", "t": 180} ...).
    Json basis;
};

// The problems of one question (choice count, duplicate choices, answer out of range, missing
// explanation...); empty when it is well formed.
std::vector<std::string> questionProblems(const Question &question);

Question questionFromJson(const Json &json); // throws std::invalid_argument
Json questionToJson(const Question &question);

// The written bank, parsed once (throws std::invalid_argument on bad data).
const std::vector<Question> &writtenQuestions();

} // namespace sc
