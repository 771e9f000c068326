#include "app/gui/studycontroller.h"

#include "app/gui/documentcontroller.h"
#include "model/document/document.h"
#include "model/rollout/narration.h"
#include "model/rollout/simulator.h"
#include "model/rules/ruledocs.h"
#include "model/study/lessonsteps.h"
#include "model/study/whatif.h"
#include "model/study/whatiftext.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <cmath>

namespace sc {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QStringList strings(const std::vector<std::string> &v)
{
    QStringList out;
    for (const std::string &s : v)
        out << q(s);
    return out;
}

// The rollout step's timeline as the lines the view steps through: the outcome first, then every
// event at its time, with the share of traffic on the new version then and what AWS does and why.
QStringList timelineLines(const Timeline &timeline)
{
    const TimelineMetrics &m = timeline.metrics;
    QString outcome = QStringLiteral("Duration %1 · lowest healthy %2% · downtime %3")
                          .arg(q(whatiftext::clock(m.durationSeconds)))
                          .arg(std::round(m.minHealthyPercent))
                          .arg(q(whatiftext::clock(m.downtimeSeconds)));
    if (m.peakInstances > 0)
        outcome += QStringLiteral(" · peak %1 running").arg(m.peakInstances);
    QStringList lines{outcome};
    for (const TimelineEvent &e : timeline.events) {
        const TimelineSample &sample = timeline.sampleAt(e.t);
        QString line = QStringLiteral("%1  [new %2%]  %3 %4")
                           .arg(q(whatiftext::clock(e.t)))
                           .arg(sample.trafficPercent.replacement)
                           .arg(q(e.name), q(e.status));
        if (!e.subject.empty())
            line += QStringLiteral(" (%1)").arg(q(e.subject));
        if (const auto n = narrate(timeline.platform, e))
            line += QStringLiteral(" — ") + q(n->text);
        else if (!e.detail.empty())
            line += QStringLiteral(" — ") + q(e.detail);
        lines << line;
    }
    return lines;
}

} // namespace

StudyController::StudyController(QObject *parent)
    : QObject(parent),
      m_quiz(new StudyQuiz([this]() -> ReviewStore & { return store(); }, [this] { saveStore(); }, this))
{
    connect(m_quiz, &StudyQuiz::finished, this, [this](const QString &lesson) {
        const LessonStep *s = currentStep();
        if (lesson == lessonId() && s && s->kind == LessonStep::Kind::Quiz)
            completeStep(m_step);
    });
}

StudyController::~StudyController() = default;

void StudyController::setController(DocumentController *controller)
{
    if (m_controller == controller)
        return;
    m_controller = controller;
    emit controllerChanged();
}

QString StudyController::storePath() const
{
    if (!m_storePath.isEmpty())
        return m_storePath;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/study.json");
}

void StudyController::setStorePath(const QString &path)
{
    if (path == m_storePath)
        return;
    m_storePath = path;
    m_store.reset();
    store();
    emit progressChanged();
}

ReviewStore &StudyController::store()
{
    if (!m_store) {
        m_store = std::make_unique<ReviewStore>(QDir::toNativeSeparators(storePath()).toStdString());
        m_storeError = q(m_store->load());
        emit storeChanged();
    }
    return *m_store;
}

void StudyController::saveStore()
{
    const QString error = q(store().save());
    if (error != m_storeError) {
        m_storeError = error;
        emit storeChanged();
    }
}

QVariantList StudyController::lessons() const
{
    auto &self = const_cast<StudyController &>(*this); // the store loads on first use
    QVariantList out;
    int topic = 0;
    for (const Lesson &l : allLessons()) {
        const bool firstOfTopic = l.topic != topic;
        topic = l.topic;
        out << QVariantMap{{QStringLiteral("id"), q(l.id)},
                           {QStringLiteral("firstOfTopic"), firstOfTopic},
                           {QStringLiteral("title"), q(l.title)},
                           {QStringLiteral("topic"), l.topic},
                           {QStringLiteral("topicName"), q(topicName(l.topic))},
                           {QStringLiteral("subtopic"), q(l.subtopic)},
                           {QStringLiteral("steps"), static_cast<int>(l.steps.size())},
                           {QStringLiteral("completed"),
                            static_cast<int>(self.store().progress(l.id).completedSteps.size())}};
    }
    return out;
}

const Lesson *StudyController::current() const
{
    return m_lesson.empty() ? nullptr : findLesson(m_lesson);
}

const LessonStep *StudyController::currentStep() const
{
    const Lesson *l = current();
    return l && m_step < static_cast<int>(l->steps.size()) ? &l->steps[static_cast<std::size_t>(m_step)] : nullptr;
}

QString StudyController::lessonId() const
{
    return q(m_lesson);
}

QVariantMap StudyController::lesson() const
{
    const Lesson *l = current();
    if (!l)
        return {};
    return {{QStringLiteral("id"), q(l->id)},           {QStringLiteral("title"), q(l->title)},
            {QStringLiteral("topicName"), q(topicName(l->topic))}, {QStringLiteral("subtopic"), q(l->subtopic)},
            {QStringLiteral("summary"), q(l->summary)}, {QStringLiteral("example"), q(l->example)}};
}

QVariantList StudyController::steps() const
{
    const Lesson *l = current();
    if (!l)
        return {};
    const auto &done = const_cast<StudyController &>(*this).store().progress(l->id).completedSteps;
    QVariantList out;
    for (std::size_t i = 0; i < l->steps.size(); ++i)
        out << QVariantMap{{QStringLiteral("kind"), q(stepKindName(l->steps[i].kind))},
                           {QStringLiteral("title"), q(l->steps[i].title)},
                           {QStringLiteral("done"), done.count(static_cast<int>(i)) > 0}};
    return out;
}

QVariantMap StudyController::step() const
{
    const LessonStep *s = currentStep();
    if (!s)
        return {};
    return {{QStringLiteral("kind"), q(stepKindName(s->kind))},
            {QStringLiteral("title"), q(s->title)},
            {QStringLiteral("text"), q(s->text)},
            {QStringLiteral("highlight"), strings(s->highlight)},
            {QStringLiteral("rule"), q(s->rule)},
            {QStringLiteral("resource"), q(s->findingResource)},
            {QStringLiteral("fixable"), s->fixable},
            {QStringLiteral("whatif"), q(s->whatif)},
            {QStringLiteral("target"), q(s->target)}};
}

QString StudyController::fail(const QString &message)
{
    m_message = message;
    emit messageChanged();
    return message;
}

QString StudyController::openLesson(const QString &id)
{
    const Lesson *l = findLesson(id.toStdString());
    if (!l)
        return fail(QStringLiteral("no lesson named ") + id);
    if (!m_controller)
        return fail(QStringLiteral("no document to open the lesson in"));
    if (const QString error = m_controller->newFromExample(q(l->example)); !error.isEmpty())
        return fail(error);
    m_quiz->stop();
    m_lesson = l->id;
    emit lessonChanged();
    emit progressChanged();
    goToStep(0);
    return fail({});
}

void StudyController::closeLesson()
{
    m_quiz->stop();
    m_lesson.clear();
    m_step = 0;
    setOutput({}, {});
    setRuleState({});
    emit lessonChanged();
    emit progressChanged();
    emit stepChanged();
}

void StudyController::goToStep(int index)
{
    const Lesson *l = current();
    if (!l || index < 0 || index >= static_cast<int>(l->steps.size()))
        return;
    // Reading a step is doing it; the others are done when their action ran.
    if (const LessonStep *left = currentStep(); left && index != m_step && left->kind == LessonStep::Kind::Read)
        completeStep(m_step);
    m_step = index;
    m_quiz->stop();
    setOutput({}, {});
    setRuleState(currentStep()->kind == LessonStep::Kind::Rule && ruleFires() ? QStringLiteral("firing") : QString());
    fail({});
    emit stepChanged();
    highlight();
    if (currentStep()->kind == LessonStep::Kind::Quiz)
        startLessonQuiz();
}

void StudyController::next()
{
    const Lesson *l = current();
    if (!l)
        return;
    if (m_step + 1 < static_cast<int>(l->steps.size()))
        goToStep(m_step + 1);
    else if (currentStep()->kind == LessonStep::Kind::Read)
        completeStep(m_step);
}

void StudyController::previous()
{
    goToStep(m_step - 1);
}

void StudyController::highlight()
{
    const LessonStep *s = currentStep();
    if (!s || !m_controller)
        return;
    CanvasController *canvas = m_controller->canvas();
    canvas->clearSelection();
    const Json &resources = m_controller->document()->root().value("Resources", Json::object());
    for (const std::string &id : s->highlight) {
        if (resources.contains(id))
            canvas->select(q(id), true);
    }
}

void StudyController::completeStep(int index)
{
    const Lesson *l = current();
    if (!l || store().progress(l->id).completedSteps.count(index))
        return;
    store().completeStep(l->id, index);
    saveStore();
    emit progressChanged();
}

void StudyController::setOutput(const QString &title, const QStringList &lines)
{
    m_outputTitle = title;
    m_output = lines;
    emit outputChanged();
}

void StudyController::setRuleState(const QString &state)
{
    if (state == m_ruleState)
        return;
    m_ruleState = state;
    emit ruleStateChanged();
}

QString StudyController::run()
{
    const LessonStep *s = currentStep();
    if (!s || !m_controller)
        return fail(QStringLiteral("no lesson step to run"));
    const Json &root = m_controller->document()->root();
    try {
        if (s->kind == LessonStep::Kind::Rollout) {
            const Timeline timeline = simulate(lessonScenario(root, *s));
            setOutput(QStringLiteral("Rollout of %1").arg(q(s->target)), timelineLines(timeline));
        } else if (s->kind == LessonStep::Kind::WhatIf) {
            setOutput(QStringLiteral("What-if: %1").arg(q(s->whatif)),
                      q(runWhatIfText(s->whatif, root, s->options)).split(QLatin1Char('\n'), Qt::SkipEmptyParts));
        } else {
            return fail(QStringLiteral("this step has nothing to run"));
        }
    } catch (const std::exception &e) {
        // The learner may have edited the example so that it no longer fits the step.
        return fail(q(e.what()));
    }
    completeStep(m_step);
    return fail({});
}

bool StudyController::ruleFires() const
{
    const LessonStep *s = currentStep();
    if (!s || !m_controller)
        return false;
    ProblemModel *problems = m_controller->problems();
    problems->refresh();
    for (const Finding &f : problems->findings()) {
        if (f.ruleId == s->rule && f.logicalId == s->findingResource && f.path == s->findingPath)
            return true;
    }
    return false;
}

QString StudyController::breakExample()
{
    const LessonStep *s = currentStep();
    if (!s || s->kind != LessonStep::Kind::Rule || !m_controller)
        return fail(QStringLiteral("this step has no rule to see fire"));
    const EditResult result = m_controller->document()->edit(
        s->title, [s](EditRecorder &r, std::string &error) { return recordLessonEdits(r, *s, error); });
    if (!result.ok)
        return fail(q(result.error));
    if (!ruleFires())
        return fail(QStringLiteral("%1 does not report %2: the example was edited since the lesson opened")
                        .arg(q(s->rule), q(s->findingResource)));
    setRuleState(QStringLiteral("firing"));
    emit problemsWanted();
    return fail({});
}

QString StudyController::applyFix()
{
    const LessonStep *s = currentStep();
    if (!s || s->kind != LessonStep::Kind::Rule || !m_controller)
        return fail(QStringLiteral("this step has no rule to fix"));
    ProblemModel *problems = m_controller->problems();
    problems->refresh();
    const auto &findings = problems->findings();
    for (std::size_t row = 0; row < findings.size(); ++row) {
        const Finding &f = findings[row];
        if (f.ruleId != s->rule || f.logicalId != s->findingResource || f.path != s->findingPath)
            continue;
        if (!problems->applyFix(static_cast<int>(row)))
            return fail(QStringLiteral("the finding has no fix to apply"));
        if (ruleFires())
            return fail(QStringLiteral("%1 still reports %2 after the fix").arg(q(s->rule), q(s->findingResource)));
        setRuleState(QStringLiteral("fixed"));
        completeStep(m_step);
        return fail({});
    }
    return fail(QStringLiteral("%1 does not report %2 now").arg(q(s->rule), q(s->findingResource)));
}

void StudyController::startLessonQuiz()
{
    m_quiz->start(lessonId());
    // A lesson whose questions are all scheduled later is done for now.
    if (!m_quiz->active() && currentStep() && currentStep()->kind == LessonStep::Kind::Quiz)
        completeStep(m_step);
}

void StudyController::resetProgress(const QString &id)
{
    store().resetLesson(id.toStdString());
    saveStore();
    emit progressChanged();
}

} // namespace sc
