// The quiz: at least 80 written questions, each well formed (three to five distinct choices,
// one answer, an explanation, an existing lesson of the same topic, a demonstrating step that
// simulates something), and at least 20 prediction questions whose answers are re-derived here
// from the simulators' JSON output, independently of the generator.

#include "model/rollout/simulator.h"
#include "model/study/lessonsteps.h"
#include "model/study/predictions.h"
#include "model/study/whatif.h"
#include "studytesthelpers.h"

#include <QTest>
#include <map>
#include <set>

using namespace sc;

namespace {

const Json *resourceRow(const Json &rows, const std::string &id)
{
    for (const Json &r : rows)
        if (r["logicalId"] == id)
            return &r;
    return nullptr;
}

// What the simulator says for a prediction question, as the text of the right choice.
std::string expectedAnswer(const Question &q)
{
    const Lesson *lesson = findLesson(q.lesson);
    const std::size_t stepIndex = q.basis.at("step").get<std::size_t>();
    const LessonStep &step = lesson->steps.at(stepIndex);
    const Json root = exampleTemplate(test::sourceExamples(), lesson->example);
    const std::string measure = q.basis.at("measure").get<std::string>();
    if (step.kind == LessonStep::Kind::Rollout) {
        const Json t = timelineToJson(simulate(lessonScenario(root, step)));
        const std::string noun = t["platform"] == "ECS" ? "task" : "instance";
        if (measure == "trafficAt") {
            const Seconds at = q.basis.at("t").get<Seconds>();
            double share = 0;
            for (const Json &s : t["samples"])
                if (s["t"].get<Seconds>() <= at)
                    share = s["trafficPercent"]["replacement"].get<double>();
            return percentText(std::round(share));
        }
        if (measure == "result")
            return t["result"].get<std::string>();
        if (measure == "peakInstances")
            return countText(t["metrics"]["peakInstances"].get<int>(), noun);
        if (measure == "lowestHealthy") {
            int lowest = 1 << 30;
            for (const Json &s : t["samples"])
                lowest = std::min(lowest, s["healthy"]["original"].get<int>() + s["healthy"]["replacement"].get<int>());
            return countText(lowest, noun);
        }
    } else {
        const Json r = runWhatIf(step.whatif, root, step.options);
        const std::string subject = q.basis.value("subject", std::string());
        if (measure == "outcome")
            return (*resourceRow(r["resources"], subject))["outcome"].get<std::string>();
        if (measure == "driftStatus" || measure == "importStatus")
            return (*resourceRow(r["resources"], subject))["status"].get<std::string>();
        if (measure == "maxActualConcurrency")
            return countText(r["maxActualConcurrency"].get<int>(), "account");
        if (measure == "regionStatus") {
            for (const Json &region : r["regions"])
                if (region["region"] == subject)
                    return region["status"].get<std::string>();
        }
        if (measure == "sent")
            return countText(r["sent"].get<int>(), "node");
        if (measure == "errors")
            return countText(r["errors"].get<int>(), "error");
    }
    throw std::invalid_argument("unknown measure " + measure);
}

} // namespace

class TestQuiz : public QObject
{
    Q_OBJECT

private slots:
    void writtenBankIsLargeAndWellFormed();
    void writtenQuestionsBelongToTheirLessons();
    void everyTopicIsAsked();
    void predictionsAgreeWithTheSimulators();
    void predictionsCoverRolloutsAndWhatIfs();
    void malformedQuestionsAreReported();
};

void TestQuiz::writtenBankIsLargeAndWellFormed()
{
    const auto &bank = writtenQuestions();
    QVERIFY2(bank.size() >= 80, std::to_string(bank.size()).c_str());
    std::set<std::string> ids;
    std::map<int, int> answerPositions;
    for (const Question &q : bank) {
        QVERIFY2(ids.insert(q.id).second, q.id.c_str());
        const auto problems = questionProblems(q);
        QVERIFY2(problems.empty(), (q.id + ": " + (problems.empty() ? "" : problems.front())).c_str());
        QVERIFY(!q.prediction);
        ++answerPositions[q.answer];
    }
    // The right answer is not always in the same place.
    for (int position = 0; position < 3; ++position)
        QVERIFY2(answerPositions[position] >= 10, std::to_string(position).c_str());
}

void TestQuiz::writtenQuestionsBelongToTheirLessons()
{
    for (const Question &q : writtenQuestions()) {
        const Lesson *lesson = findLesson(q.lesson);
        QVERIFY2(lesson, (q.id + ": no lesson " + q.lesson).c_str());
        QCOMPARE(q.topic, lesson->topic);
        if (q.demoStep >= 0) {
            QVERIFY2(q.demoStep < static_cast<int>(lesson->steps.size()), q.id.c_str());
            const auto kind = lesson->steps[static_cast<std::size_t>(q.demoStep)].kind;
            QVERIFY2(kind == LessonStep::Kind::Rollout || kind == LessonStep::Kind::WhatIf
                         || kind == LessonStep::Kind::Rule,
                     (q.id + ": its demonstration step shows nothing").c_str());
        }
    }
}

void TestQuiz::everyTopicIsAsked()
{
    std::map<int, int> perTopic;
    for (const Question &q : writtenQuestions())
        ++perTopic[q.topic];
    for (int topic = 1; topic <= 8; ++topic)
        QVERIFY2(perTopic[topic] >= 4, topicName(topic).c_str());
}

void TestQuiz::predictionsAgreeWithTheSimulators()
{
    const auto predictions = predictionQuestions(allLessons(), test::sourceExamples());
    QVERIFY2(predictions.size() >= 20, std::to_string(predictions.size()).c_str());
    std::set<std::string> ids;
    for (const Question &q : writtenQuestions())
        ids.insert(q.id);
    for (const Question &q : predictions) {
        QVERIFY2(ids.insert(q.id).second, q.id.c_str());
        const auto problems = questionProblems(q);
        QVERIFY2(problems.empty(), (q.id + ": " + (problems.empty() ? "" : problems.front())).c_str());
        QVERIFY(q.prediction);
        QCOMPARE(q.choices[static_cast<std::size_t>(q.answer)], expectedAnswer(q));
        QCOMPARE(q.demoStep, q.basis["step"].get<int>());
        QCOMPARE(q.topic, findLesson(q.lesson)->topic);
    }
}

void TestQuiz::predictionsCoverRolloutsAndWhatIfs()
{
    std::set<std::string> measures;
    for (const Question &q : predictionQuestions(allLessons(), test::sourceExamples()))
        measures.insert(q.basis["measure"].get<std::string>());
    for (const char *m : {"trafficAt", "result", "lowestHealthy", "peakInstances", "outcome", "maxActualConcurrency",
                          "regionStatus", "sent", "errors", "driftStatus", "importStatus"})
        QVERIFY2(measures.count(m), m);
}

void TestQuiz::malformedQuestionsAreReported()
{
    Question q;
    q.id = "x";
    q.lesson = "cloud-map";
    q.topic = 8;
    q.question = "?";
    q.explanation = "because";
    q.choices = {"a", "b"};
    QCOMPARE(questionProblems(q).size(), std::size_t(1)); // two choices
    q.choices = {"a", "b", "a"};
    QCOMPARE(questionProblems(q).size(), std::size_t(1)); // duplicate choice: two right answers
    q.choices = {"a", "b", "c"};
    q.answer = 3;
    QCOMPARE(questionProblems(q).size(), std::size_t(1));
    q.answer = 0;
    QVERIFY(questionProblems(q).empty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, questionFromJson(Json{{"id", "y"}}));
}

QTEST_GUILESS_MAIN(TestQuiz)
#include "tst_quiz.moc"
