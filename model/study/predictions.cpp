#include "model/study/predictions.h"

#include "model/rollout/simulator.h"
#include "model/study/lessonsteps.h"
#include "model/study/whatif.h"
#include "model/study/whatiftext.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>

namespace sc {

namespace {

struct Choices {
    std::vector<std::string> texts;
    int answer = 0;
};

// A stable number from a text (FNV-1a), so that generated questions never change between runs.
std::uint32_t stableHash(const std::string &text)
{
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text)
        h = (h ^ c) * 16777619u;
    return h;
}

// Four consecutive counts inside [low, high] around the correct one, in ascending order; where
// the correct one sits among them depends on `seed`, so that it is not always the same letter.
Choices numberChoices(int correct, int low, int high, const std::string &noun, const std::string &seed)
{
    high = std::max({high, low + 3, correct});
    const int shift = static_cast<int>(stableHash(seed) % 4);
    int first = std::clamp(correct - shift, low, high - 3);
    first = std::min(first, correct);
    Choices c;
    for (int v = first; v <= first + 3; ++v)
        c.texts.push_back(countText(v, noun));
    c.answer = correct - first;
    return c;
}

std::string capitalized(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

Choices namedChoices(const std::vector<std::string> &names, const std::string &correct)
{
    Choices c{names, 0};
    c.answer = static_cast<int>(std::find(names.begin(), names.end(), correct) - names.begin());
    return c;
}

std::string context(const Lesson &lesson, std::size_t step)
{
    return lesson.title + ", step " + std::to_string(step + 1) + " (" + lesson.steps[step].title + "). ";
}

Question make(const Lesson &lesson, std::size_t step, const std::string &measure, const std::string &text,
              Choices choices, const std::string &explanation, Json basis)
{
    Question q;
    q.id = "p-" + lesson.id + "-s" + std::to_string(step + 1) + "-" + measure;
    if (basis.contains("subject"))
        q.id += "-" + basis["subject"].get<std::string>();
    q.lesson = lesson.id;
    q.topic = lesson.topic;
    q.question = context(lesson, step) + text;
    q.choices = std::move(choices.texts);
    q.answer = choices.answer;
    q.explanation = explanation;
    q.prediction = true;
    q.demoStep = static_cast<int>(step);
    basis["measure"] = measure;
    basis["step"] = step;
    q.basis = std::move(basis);
    return q;
}

std::string describe(const Scenario &s, const LessonStep &step)
{
    std::string text = s.target + " deploys with " + s.strategy.name;
    if (s.instances > 0 && s.platform != Platform::Lambda && s.platform != Platform::Route53)
        text += " on " + countText(s.instances, s.platform == Platform::Ecs ? "task" : "instance");
    for (const std::string &f : step.failures)
        text += ", with the failure " + f;
    return text + ". ";
}

void rolloutQuestions(const Lesson &lesson, std::size_t i, const Json &root, std::vector<Question> &out)
{
    const LessonStep &step = lesson.steps[i];
    const Scenario scenario = lessonScenario(root, step);
    const Timeline t = simulate(scenario);
    const std::string setting = describe(scenario, step);

    // Traffic: the longest stretch where both versions share it, asked at its middle.
    const TimelineSample *best = nullptr;
    Seconds bestLength = 0;
    std::set<long> shares{0, 100};
    for (std::size_t k = 0; k < t.samples.size(); ++k) {
        const auto &s = t.samples[k];
        shares.insert(std::lround(s.trafficPercent.replacement));
        const Seconds end = k + 1 < t.samples.size() ? t.samples[k + 1].t : t.metrics.durationSeconds;
        const double share = s.trafficPercent.replacement;
        if (share > 0 && share < 100 && end - s.t > bestLength) {
            best = &s;
            bestLength = end - s.t;
        }
    }
    if (best && bestLength >= 20) {
        // The middle of the stretch, on a round time when one falls inside it.
        Seconds at = best->t + bestLength / 2;
        for (Seconds round : {Seconds(60), Seconds(30), Seconds(10), Seconds(5)}) {
            const Seconds candidate = at / round * round;
            if (candidate > best->t && candidate < best->t + bestLength) {
                at = candidate;
                break;
            }
        }
        const long correct = std::lround(t.sampleAt(at).trafficPercent.replacement);
        std::vector<long> values(shares.begin(), shares.end());
        std::sort(values.begin(), values.end(), [&](long a, long b) {
            return std::abs(a - correct) != std::abs(b - correct) ? std::abs(a - correct) < std::abs(b - correct)
                                                                  : a < b;
        });
        values.resize(std::min<std::size_t>(values.size(), 4));
        std::sort(values.begin(), values.end());
        Choices c;
        for (long v : values)
            c.texts.push_back(percentText(static_cast<double>(v)));
        c.answer = static_cast<int>(std::find(values.begin(), values.end(), correct) - values.begin());
        if (c.texts.size() >= 3) {
            out.push_back(make(lesson, i, "trafficAt",
                               setting + "What share of the traffic reaches the new version " + whatiftext::clock(at)
                                   + " after the deployment starts?",
                               c,
                               "The rehearsal shows " + percentText(static_cast<double>(correct))
                                   + " on the new version at " + whatiftext::clock(at)
                                   + ": play the step and scrub to that time.",
                               {{"t", at}}));
        }
    }
    if (!step.failures.empty() || t.result != DeploymentResult::Succeeded) {
        out.push_back(make(lesson, i, "result", setting + "How does the deployment end?",
                           namedChoices({"Succeeded", "Failed", "RolledBack", "Stopped"}, resultName(t.result)),
                           "The rehearsal ends " + resultName(t.result)
                               + ": the events show which failure decided it"
                                 " and whether the rollback settings turned it into a rollback.",
                           Json::object()));
    }
    if (t.metrics.peakInstances > 0) {
        const std::string noun = scenario.platform == Platform::Ecs ? "task" : "instance";
        int lowest = t.metrics.peakInstances;
        for (const auto &s : t.samples)
            lowest = std::min(lowest, s.healthy.total());
        if (t.metrics.peakInstances > scenario.instances) {
            out.push_back(make(lesson, i, "peakInstances",
                               setting + "At most how many " + noun + "s run at the same time during the deployment?",
                               numberChoices(t.metrics.peakInstances, 1, 2 * t.metrics.peakInstances, noun,
                                             lesson.id + std::to_string(i) + "peak"),
                               "The strategy adds capacity before it removes any: the rehearsal peaks at "
                                   + countText(t.metrics.peakInstances, noun) + ".",
                               Json::object()));
        } else {
            out.push_back(make(
                lesson, i, "lowestHealthy",
                setting + "What is the lowest number of healthy " + noun + "s serving at any moment of the deployment?",
                numberChoices(lowest, 0, t.metrics.peakInstances, noun, lesson.id + std::to_string(i) + "lowest"),
                lowest == 0 ? "At one point no " + noun
                                  + " is healthy: the strategy takes the whole fleet "
                                    "out of service at once, and the application is down until they come "
                                    "back."
                            : "The lowest healthy count in the rehearsal is " + countText(lowest, noun)
                                  + ": that is the capacity the strategy keeps in service while it works.",
                Json::object()));
        }
    }
}

std::vector<std::string> subjects(const LessonStep &step, const std::vector<std::string> &interesting)
{
    std::vector<std::string> out = step.highlight;
    for (const auto &id : interesting) {
        if (out.size() >= 2)
            break;
        if (std::find(out.begin(), out.end(), id) == out.end())
            out.push_back(id);
    }
    if (out.size() > 2)
        out.resize(2);
    return out;
}

const Json *row(const Json &rows, const std::string &id)
{
    for (const Json &r : rows) {
        if (r.value("logicalId", std::string()) == id)
            return &r;
    }
    return nullptr;
}

void statusQuestions(const Lesson &lesson, std::size_t i, const Json &result, const char *field,
                     const std::vector<std::string> &names, const std::string &question, const std::string &measure,
                     const std::vector<std::string> &skip, std::vector<Question> &out)
{
    const LessonStep &step = lesson.steps[i];
    std::vector<std::string> interesting;
    for (const Json &r : result["resources"]) {
        const std::string value = r[field].get<std::string>();
        if (std::find(skip.begin(), skip.end(), value) == skip.end())
            interesting.push_back(r["logicalId"].get<std::string>());
    }
    for (const std::string &id : subjects(step, interesting)) {
        const Json *r = row(result["resources"], id);
        if (!r)
            throw std::invalid_argument("lesson " + lesson.id + " step " + std::to_string(i + 1) + " highlights " + id
                                        + ", which the what-if does not list");
        const std::string value = (*r)[field].get<std::string>();
        if (std::find(names.begin(), names.end(), value) == names.end())
            continue; // not a status this question offers (a resource not marked for import)
        std::string text = question;
        text.replace(text.find("%1"), 2, id);
        out.push_back(make(lesson, i, measure, text, namedChoices(names, value),
                           id + ": " + value + ". " + capitalized((*r)["reason"].get<std::string>()) + ".",
                           {{"subject", id}}));
    }
}

void stackSetQuestions(const Lesson &lesson, std::size_t i, const StackSetScenario &s, const Json &result,
                       std::vector<Question> &out)
{
    if (s.failures.empty()) {
        const int actual = result["maxActualConcurrency"].get<int>();
        out.push_back(make(
            lesson, i, "maxActualConcurrency",
            "The StackSet operation runs over " + countText(s.accounts, "account") + " in "
                + std::to_string(s.regions.size()) + " Region(s) with MaxConcurrent "
                + s.preferences.maxConcurrent.text() + " and FailureTolerance " + s.preferences.failureTolerance.text()
                + ". At most how many accounts does it act on at once in a Region?",
            numberChoices(actual, 1, std::max(actual + 3, s.accounts), "account",
                          lesson.id + std::to_string(i) + "concurrency"),
            "CloudFormation turns the percentages into counts (" + std::to_string(result["maxConcurrent"].get<int>())
                + " and " + std::to_string(result["failureTolerance"].get<int>()) + ")"
                + (s.preferences.mode == ConcurrencyMode::StrictFailureTolerance
                       ? " and strict failure tolerance starts at the lower of MaxConcurrent and "
                         "FailureTolerance + 1."
                       : "; soft failure tolerance keeps MaxConcurrent."),
            Json::object()));
        return;
    }
    // The last Region that did not succeed: the one that never started, when one did not.
    const Json *asked = nullptr;
    for (const Json &region : result["regions"]) {
        if (region["status"] != "SUCCEEDED")
            asked = &region;
    }
    if (!asked)
        return;
    const std::string name = (*asked)["region"].get<std::string>();
    const std::string status = (*asked)["status"].get<std::string>();
    out.push_back(make(lesson, i, "regionStatus",
                       "The StackSet operation runs over " + countText(s.accounts, "account") + " in "
                           + std::to_string(s.regions.size())
                           + " Region(s) with the failures of this step. How does it end in " + name + "?",
                       namedChoices({"SUCCEEDED", "FAILED", "STOPPED", "NOT_STARTED"}, status),
                       name + ": " + status + ", because " + (*asked)["reason"].get<std::string>() + ".",
                       {{"subject", name}}));
}

void whatIfQuestions(const Lesson &lesson, std::size_t i, const Json &root, std::vector<Question> &out)
{
    const LessonStep &step = lesson.steps[i];
    const Json result = runWhatIf(step.whatif, root, step.options);
    if (step.whatif == "deletion") {
        const bool replacement = step.options.value("replacement", false);
        statusQuestions(lesson, i, result, "outcome", {"Deleted", "Retained", "Snapshotted", "DeleteFails"},
                        replacement ? "What happens to the old physical resource of %1 when an update replaces it?"
                                    : "What happens to %1 when the stack is deleted?",
                        "outcome", {"Deleted"}, out);
    } else if (step.whatif == "drift") {
        statusQuestions(lesson, i, result, "status", {"IN_SYNC", "MODIFIED", "DELETED", "NOT_CHECKED"},
                        "After the changes made outside CloudFormation, what drift status does %1 show?", "driftStatus",
                        {"IN_SYNC"}, out);
    } else if (step.whatif == "import") {
        statusQuestions(lesson, i, result, "status",
                        {"Ready", "MissingIdentifier", "MissingDeletionPolicy", "NotImportable"},
                        "Can %1 be imported as the template stands?", "importStatus", {"NotMarked"}, out);
    } else if (step.whatif == "stackset") {
        stackSetQuestions(lesson, i, stackSetScenario(root, step.options), result, out);
    } else if (step.whatif == "runcommand") {
        const RunCommandScenario s = runCommandScenario(step.options);
        const std::string setting = "Run Command targets " + countText(s.targets, "node") + " with MaxConcurrency "
                                    + s.maxConcurrency.text() + " and MaxErrors " + s.maxErrors.text()
                                    + "; the nodes that fail are " +
                                    [&] {
                                        std::string list;
                                        for (int k : s.failing)
                                            list += (list.empty() ? "" : ", ") + std::to_string(k);
                                        return list.empty() ? std::string("none") : list;
                                    }()
                                    + ". ";
        out.push_back(
            make(lesson, i, "sent", setting + "How many nodes receive the command?",
                 numberChoices(result["sent"].get<int>(), 1, s.targets, "node", lesson.id + std::to_string(i) + "sent"),
                 "The ramp-up sends to 1 node, then 2, then doubles up to "
                 "MaxConcurrency; sending stops when error "
                     + std::to_string(result["maxErrors"].get<int>() + 1) + " arrives.",
                 Json::object()));
        if (result["errors"].get<int>() > 0) {
            out.push_back(make(lesson, i, "errors", setting + "How many errors does the command count in the end?",
                               numberChoices(result["errors"].get<int>(), 0, s.targets, "error",
                                             lesson.id + std::to_string(i) + "errors"),
                               "Invocations already running when the threshold is reached finish "
                               "and can fail too: "
                                   + std::to_string(result["errorsBeyondThreshold"].get<int>())
                                   + " more error(s) here.",
                               Json::object()));
        }
    }
}

} // namespace

std::string percentText(double percent)
{
    char buffer[32];
    if (std::abs(percent - std::round(percent)) < 1e-9)
        std::snprintf(buffer, sizeof buffer, "%.0f%%", percent);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f%%", percent);
    return buffer;
}

std::string countText(int count, const std::string &singular)
{
    return std::to_string(count) + " " + singular + (count == 1 ? "" : "s");
}

std::vector<Question> predictionQuestions(const Lesson &lesson, const Json &root)
{
    std::vector<Question> out;
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        if (lesson.steps[i].kind == LessonStep::Kind::Rollout)
            rolloutQuestions(lesson, i, root, out);
        else if (lesson.steps[i].kind == LessonStep::Kind::WhatIf)
            whatIfQuestions(lesson, i, root, out);
    }
    return out;
}

std::vector<Question> predictionQuestions(const std::vector<Lesson> &lessons, const ExampleReader &reader)
{
    std::vector<Question> out;
    for (const Lesson &lesson : lessons) {
        const bool simulates = std::any_of(lesson.steps.begin(), lesson.steps.end(), [](const LessonStep &s) {
            return s.kind == LessonStep::Kind::Rollout || s.kind == LessonStep::Kind::WhatIf;
        });
        if (!simulates)
            continue;
        for (Question &q : predictionQuestions(lesson, exampleTemplate(reader, lesson.example)))
            out.push_back(std::move(q));
    }
    return out;
}

} // namespace sc
