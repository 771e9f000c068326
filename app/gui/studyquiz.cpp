#include "app/gui/studyquiz.h"

#include "app/gui/studycontroller.h"
#include "model/rules/ruledocs.h"
#include "model/study/practice.h"
#include "model/study/predictions.h"

#include <QDateTime>

namespace sc {

namespace {

// A practice round over every lesson stops after this many questions, so that a round stays
// short; the rest stay due for the next one.
constexpr std::size_t kRoundLength = 20;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString delayText(fsrs::Time seconds)
{
    const auto plural = [](qint64 n, const char *unit) {
        return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(unit), n == 1 ? QString() : QStringLiteral("s"));
    };
    if (seconds < 3600)
        return plural(std::max<qint64>(1, seconds / 60), "minute");
    if (seconds < 86400)
        return plural(seconds / 3600, "hour");
    return plural(seconds / 86400, "day");
}

} // namespace

StudyQuiz::StudyQuiz(StoreAccess store, std::function<void()> save, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_save(std::move(save))
{
}

const std::vector<Question> &StudyQuiz::questions()
{
    static const std::vector<Question> all = [] {
        std::vector<Question> v = writtenQuestions();
        std::vector<Question> generated = predictionQuestions(allLessons(), embeddedExample);
        v.insert(v.end(), std::make_move_iterator(generated.begin()), std::make_move_iterator(generated.end()));
        return v;
    }();
    return all;
}

const Question *StudyQuiz::current() const
{
    return active() ? m_queue[m_position] : nullptr;
}

QVariantMap StudyQuiz::question() const
{
    const Question *question = current();
    if (!question)
        return {};
    QStringList choices;
    for (const std::string &c : question->choices)
        choices << q(c);
    const Lesson *lesson = findLesson(question->lesson);
    return {{QStringLiteral("id"), q(question->id)},
            {QStringLiteral("text"), q(question->question)},
            {QStringLiteral("choices"), choices},
            {QStringLiteral("prediction"), question->prediction},
            {QStringLiteral("lesson"), lesson ? q(lesson->title) : q(question->lesson)},
            {QStringLiteral("topicName"), q(topicName(question->topic))}};
}

int StudyQuiz::answer() const
{
    const Question *question = current();
    return question && m_chosen >= 0 ? question->answer : -1;
}

QString StudyQuiz::explanation() const
{
    const Question *question = current();
    return question && m_chosen >= 0 ? q(question->explanation) : QString();
}

void StudyQuiz::start(const QString &lesson, bool predictionsOnly)
{
    m_scope = lesson;
    m_queue.clear();
    const std::string id = lesson.toStdString();
    const auto now = QDateTime::currentSecsSinceEpoch();
    // The scope's questions stay alive in `m_pool`: the queue points into them.
    m_pool.clear();
    for (const Question &question : questions()) {
        if ((id.empty() || question.lesson == id) && (question.prediction || !predictionsOnly))
            m_pool.push_back(question);
    }
    m_queue = practiceQueue(m_pool, m_store(), now);
    if (id.empty() && m_queue.size() > kRoundLength)
        m_queue.resize(kRoundLength);
    m_position = 0;
    m_chosen = -1;
    m_correct = 0;
    m_nextReview.clear();
    m_idleNote.clear();
    if (m_queue.empty()) {
        fsrs::Time soonest = 0;
        for (const Question &question : m_pool) {
            if (const fsrs::Card *card = m_store().card(question.id); card && (soonest == 0 || card->due < soonest))
                soonest = card->due;
        }
        m_idleNote = soonest > 0 ? QStringLiteral("Nothing is due. The next question comes back in %1.")
                                       .arg(delayText(soonest - now))
                                 : QStringLiteral("No questions here.");
    }
    emit changed();
}

void StudyQuiz::choose(int index)
{
    const Question *question = current();
    if (!question || m_chosen >= 0 || index < 0 || index >= static_cast<int>(question->choices.size()))
        return;
    m_chosen = index;
    const bool right = index == question->answer;
    m_correct += right ? 1 : 0;
    const auto now = QDateTime::currentSecsSinceEpoch();
    ReviewStore &store = m_store();
    store.recordAnswer(fsrs::Scheduler(), question->id, question->topic,
                       right ? fsrs::Rating::Good : fsrs::Rating::Again, right, now);
    m_save();
    const fsrs::Card *card = store.card(question->id);
    m_nextReview = card ? delayText(card->due - now) : QString();
    emit changed();
}

void StudyQuiz::next()
{
    if (!active() || m_chosen < 0)
        return;
    ++m_position;
    m_chosen = -1;
    m_nextReview.clear();
    emit changed();
    if (!active() && !m_scope.isEmpty())
        emit finished(m_scope);
}

void StudyQuiz::stop()
{
    m_queue.clear();
    m_position = 0;
    m_chosen = -1;
    m_idleNote.clear();
    emit changed();
}

} // namespace sc
