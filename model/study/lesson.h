#pragma once
// A lesson is data (model/study/data/lessons/*.json, compiled in): an example architecture of
// examples/, a summary, and steps the learner walks through on the canvas:
//   read     text, with resources to highlight;
//   rollout  a rehearsal: a target of the example, a strategy and failures (a Scenario);
//   rule     edits that break the example so a rule fires on a resource, then its fix;
//   whatif   a what-if simulator (deletion, stackset, runcommand, drift, import) with options;
//   quiz     the lesson's questions, written and generated.
// Every step may highlight resources. The text is ours, grounded in the reference notes.

#include "model/rules/ruledocs.h"
#include "model/template/json.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sc {

struct LessonEdit {
    enum class Kind { Set, Remove };
    Kind kind = Kind::Set;
    std::string pointer; // JSON pointer into the template
    Json value;          // for Set
};

struct LessonStep {
    enum class Kind { Read, Rollout, Rule, WhatIf, Quiz };
    Kind kind = Kind::Read;
    std::string title;
    std::string text;
    std::vector<std::string> highlight;
    // rollout
    std::string target;
    std::optional<std::string> strategy;
    std::optional<int> instances;
    std::vector<std::string> failures; // --fail forms
    // rule
    std::string rule;
    std::vector<LessonEdit> edits;
    std::string findingResource;
    std::string findingPath; // JSON pointer the finding points at
    bool fixable = false;
    // whatif
    std::string whatif; // deletion, stackset, runcommand, drift, import
    Json options = Json::object();
};

struct Lesson {
    std::string id;
    std::string title;
    int topic = 0;        // TOPICS.md section, 1..8
    std::string subtopic; // its sub-topic, in the outline's words
    std::string example;  // folder of examples/
    std::string summary;
    std::vector<LessonStep> steps;
};

// topicName(int) (model/rules/ruledocs.h) names a topic: "Elastic Beanstalk", ... "Cloud Map".
std::string stepKindName(LessonStep::Kind kind); // read, rollout, rule, whatif, quiz

// Parses one lesson; throws std::invalid_argument naming the lesson and the field.
Lesson lessonFromJson(const Json &json);
Json lessonToJson(const Lesson &lesson);

// Every lesson, in outline order, parsed once from the embedded data (throws on bad data).
const std::vector<Lesson> &allLessons();
const Lesson *findLesson(const std::string &id);

// Reads the template of an example folder: the application reads the embedded copy, tests the
// source tree. Returns nothing when the folder is unknown.
using ExampleReader = std::function<std::optional<std::string>(const std::string &folder)>;
// The example's template tree; throws TemplateError (or std::invalid_argument when missing).
Json exampleTemplate(const ExampleReader &reader, const std::string &folder);

} // namespace sc
