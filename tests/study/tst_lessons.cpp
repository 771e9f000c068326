// Every lesson against the rest of the application: it loads, its example validates without
// errors, every resource it highlights exists, every rollout plays, every what-if runs, and
// every rule step makes its rule fire on the named resource, path and line (and its fix, when
// it has one, removes the finding in one undo step). The outline of TOPICS.md is covered.

#include "model/undo/undoabledocument.h"
#include "model/rollout/simulator.h"
#include "model/rules/ruleregistry.h"
#include "model/study/lessonsteps.h"
#include "model/study/quiz.h"
#include "model/study/whatif.h"
#include "model/template/templatereader.h"
#include "studytesthelpers.h"

#include <QTest>
#include <set>

using namespace sc;

namespace {

std::string where(const Lesson &lesson, std::size_t step)
{
    return lesson.id + " step " + std::to_string(step + 1);
}

const Finding *findingOf(const std::vector<Finding> &findings, const LessonStep &step)
{
    for (const Finding &f : findings) {
        if (f.ruleId == step.rule && f.logicalId == step.findingResource && f.path == step.findingPath)
            return &f;
    }
    return nullptr;
}

std::string describe(const std::vector<Finding> &findings)
{
    std::string out;
    for (const Finding &f : findings)
        out += "\n  " + f.ruleId + " " + f.logicalId + " " + f.path + ": " + f.message;
    return out;
}

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

private slots:
    void everyOutlineTopicHasALesson_data();
    void everyOutlineTopicHasALesson();
    void lessonsLoadWithUniqueIds();
    void everyExampleValidatesWithoutErrors();
    void highlightedResourcesExist();
    void rolloutStepsPlay();
    void whatIfStepsRun();
    void ruleStepsFireAndFix();
    void everyLessonHasQuestions();
    void lessonJsonRoundTrip();
};

void TestLessons::everyOutlineTopicHasALesson_data()
{
    QTest::addColumn<int>("topic");
    QTest::addColumn<QString>("lesson");
    // TOPICS.md: each numbered topic and sub-topic, and the lesson that teaches it.
    const std::vector<std::pair<int, const char *>> outline{
        {1, "beanstalk-architectures"},   // managed service, platforms, three architectures
        {1, "beanstalk-worker-tier"},     // web vs worker, SQS, cron.yaml
        {1, "beanstalk-blue-green"},      // stage environment, weighted records, swap URLs
        {2, "codedeploy-ec2-inplace"},    // appspec.yml, in-place, hooks
        {2, "codedeploy-asg-inplace"},    // ASG in-place
        {2, "codedeploy-asg-blue-green"}, // ASG blue/green
        {2, "codedeploy-lambda"},         // Lambda traffic shifting, hooks, alarms
        {2, "codedeploy-ecs"},            // ECS blue/green, canary
        {3, "cfn-deletion-policy"},       // DeletionPolicy
        {3, "cfn-custom-resources"},      // Lambda-backed custom resources
        {3, "cfn-stacksets"},             // StackSets
        {3, "cfn-drift"},                 // drift
        {3, "cfn-secrets-manager"},       // Secrets Manager integration
        {3, "cfn-resource-import"},       // resource import
        {4, "service-catalog"},           // Service Catalog
        {5, "sam-application"},           // SAM resources, traffic shifting
        {5, "sam-pipeline"},              // SAM CI/CD
        {6, "cdk-fargate"},               // CDK
        {7, "ssm-agent-role"},            // agent and role
        {7, "ssm-run-command"},           // Run Command
        {7, "ssm-lifecycle-hook"},        // terminating hook -> EventBridge -> Automation
        {7, "ssm-patch-manager"},         // Patch Manager
        {7, "ssm-session-manager"},       // Session Manager
        {7, "ssm-opscenter"},             // OpsCenter
        {8, "cloud-map"},                 // Cloud Map
    };
    for (const auto &[topic, lesson] : outline)
        QTest::newRow(lesson) << topic << QString::fromLatin1(lesson);
}

void TestLessons::everyOutlineTopicHasALesson()
{
    QFETCH(int, topic);
    QFETCH(QString, lesson);
    const Lesson *l = findLesson(lesson.toStdString());
    QVERIFY2(l, qPrintable(lesson));
    QCOMPARE(l->topic, topic);
}

void TestLessons::lessonsLoadWithUniqueIds()
{
    const auto &lessons = allLessons();
    QVERIFY(lessons.size() >= 25);
    std::set<std::string> ids;
    for (const Lesson &l : lessons)
        QVERIFY2(ids.insert(l.id).second, l.id.c_str());
    std::set<int> topics;
    for (const Lesson &l : lessons)
        topics.insert(l.topic);
    QCOMPARE(topics, (std::set<int>{1, 2, 3, 4, 5, 6, 7, 8}));
    // Outline order: topics never go back.
    for (std::size_t i = 1; i < lessons.size(); ++i)
        QVERIFY(lessons[i - 1].topic <= lessons[i].topic);
}

void TestLessons::everyExampleValidatesWithoutErrors()
{
    std::set<std::string> seen;
    for (const Lesson &l : allLessons()) {
        if (!seen.insert(l.example).second)
            continue;
        const auto text = test::readSourceExample(l.example);
        QVERIFY2(text, l.example.c_str());
        const Template content = readTemplate(*text, l.example + "/template.yaml");
        ValidateOptions errorsOnly;
        errorsOnly.minSeverity = Severity::Error;
        for (const Finding &f : validate(content, errorsOnly))
            QFAIL((l.example + ": " + f.ruleId + " " + f.path + ": " + f.message).c_str());
    }
}

void TestLessons::highlightedResourcesExist()
{
    for (const Lesson &l : allLessons()) {
        const Json root = exampleTemplate(test::sourceExamples(), l.example);
        for (std::size_t i = 0; i < l.steps.size(); ++i) {
            for (const std::string &id : l.steps[i].highlight) {
                QVERIFY2(root["Resources"].contains(id), (where(l, i) + " highlights " + id).c_str());
            }
        }
    }
}

void TestLessons::rolloutStepsPlay()
{
    int played = 0;
    for (const Lesson &l : allLessons()) {
        const Json root = exampleTemplate(test::sourceExamples(), l.example);
        for (std::size_t i = 0; i < l.steps.size(); ++i) {
            const LessonStep &s = l.steps[i];
            if (s.kind != LessonStep::Kind::Rollout)
                continue;
            try {
                const Scenario scenario = lessonScenario(root, s);
                const Timeline t = simulate(scenario);
                QVERIFY2(t.durationSeconds() > 0, where(l, i).c_str());
                QVERIFY2(!t.samples.empty(), where(l, i).c_str());
                if (s.strategy)
                    QVERIFY2(!scenario.strategy.name.empty(), where(l, i).c_str());
                ++played;
            } catch (const std::exception &e) {
                QFAIL((where(l, i) + ": " + e.what()).c_str());
            }
        }
    }
    QVERIFY(played >= 12);
}

void TestLessons::whatIfStepsRun()
{
    std::set<std::string> kinds;
    for (const Lesson &l : allLessons()) {
        const Json root = exampleTemplate(test::sourceExamples(), l.example);
        for (std::size_t i = 0; i < l.steps.size(); ++i) {
            const LessonStep &s = l.steps[i];
            if (s.kind != LessonStep::Kind::WhatIf)
                continue;
            try {
                const Json result = runWhatIf(s.whatif, root, s.options);
                QVERIFY2(!result.empty(), where(l, i).c_str());
                QVERIFY2(!runWhatIfText(s.whatif, root, s.options).empty(), where(l, i).c_str());
                kinds.insert(s.whatif);
            } catch (const std::exception &e) {
                QFAIL((where(l, i) + ": " + e.what()).c_str());
            }
        }
    }
    // Every what-if is taught somewhere.
    QCOMPARE(kinds, std::set<std::string>(whatIfKinds().begin(), whatIfKinds().end()));
}

void TestLessons::ruleStepsFireAndFix()
{
    int steps = 0, fixed = 0;
    for (const Lesson &l : allLessons()) {
        for (std::size_t i = 0; i < l.steps.size(); ++i) {
            const LessonStep &s = l.steps[i];
            if (s.kind != LessonStep::Kind::Rule)
                continue;
            ++steps;
            const std::string at = where(l, i);
            QVERIFY2(RuleRegistry::instance().find(s.rule), (at + ": no rule " + s.rule).c_str());
            UndoableDocument document;
            document.reset(readTemplate(*test::readSourceExample(l.example), l.example + "/template.yaml"));
            const Json original = document.root();
            QVERIFY2(!findingOf(validate(document), s), (at + ": the rule fires before the change").c_str());

            const EditResult edit = document.edit(
                s.title, [&s](EditRecorder &r, std::string &error) { return recordLessonEdits(r, s, error); });
            QVERIFY2(edit.ok, (at + ": " + edit.error).c_str());
            QVERIFY(document.checkConsistency().empty());
            const auto findings = validate(document);
            const Finding *f = findingOf(findings, s);
            QVERIFY2(f, (at + ": " + s.rule + " does not fire on " + s.findingResource + " at " + s.findingPath
                         + "; findings:" + describe(findings))
                            .c_str());
            const auto position = document.positions().find(s.findingPath);
            QVERIFY2(f->line > 0 && f->line == position.line, at.c_str());

            if (s.fixable) {
                QVERIFY2(f->fix, (at + ": the finding has no fix").c_str());
                const EditResult applied = f->fix->apply(document);
                QVERIFY2(applied.ok, (at + ": " + applied.error).c_str());
                QVERIFY2(!findingOf(validate(document), s),
                         (at + ": the fix leaves the finding; findings:" + describe(validate(document))).c_str());
                document.undoStack()->undo();
                ++fixed;
            }
            document.undoStack()->undo();
            QVERIFY2(document.root() == original, (at + ": undo does not restore the example").c_str());
            QVERIFY(document.checkConsistency().empty());
        }
    }
    QVERIFY(steps >= 15);
    QVERIFY(fixed >= 4);
}

void TestLessons::everyLessonHasQuestions()
{
    for (const Lesson &l : allLessons()) {
        int count = 0;
        for (const Question &q : writtenQuestions())
            count += q.lesson == l.id;
        QVERIFY2(count >= 2, (l.id + " has " + std::to_string(count) + " written questions").c_str());
    }
}

void TestLessons::lessonJsonRoundTrip()
{
    for (const Lesson &l : allLessons()) {
        const Json json = lessonToJson(l);
        QCOMPARE(json["id"].get<std::string>(), l.id);
        QCOMPARE(json["topic"].get<std::string>(), topicName(l.topic));
        QCOMPARE(json["steps"].size(), l.steps.size());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lessonFromJson(Json{{"id", "x"}}));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        lessonFromJson(Json::parse(
            R"({"id":"x","title":"t","topic":9,"subtopic":"s","example":"e","summary":"s","steps":[{"kind":"read","title":"t","text":"t"}]})")));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        lessonFromJson(Json::parse(
            R"({"id":"x","title":"t","topic":1,"subtopic":"s","example":"e","summary":"s","steps":[{"kind":"rule","title":"t","text":"t","rule":"W5001","resource":"A","path":"/Resources/A"}]})")));
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
