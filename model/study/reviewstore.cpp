#include "model/study/reviewstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <stdexcept>

namespace sc {

namespace {

fsrs::Rating ratingFromName(const std::string &name)
{
    for (fsrs::Rating r : {fsrs::Rating::Again, fsrs::Rating::Hard, fsrs::Rating::Good, fsrs::Rating::Easy}) {
        if (fsrs::ratingName(r) == name)
            return r;
    }
    throw std::invalid_argument("unknown rating \"" + name + "\"");
}

Json optional(const std::optional<double> &v)
{
    return v ? Json(*v) : Json(nullptr);
}

} // namespace

ReviewStore::ReviewStore(std::string path)
    : m_path(std::move(path))
{}

const fsrs::Card *ReviewStore::card(const std::string &question) const
{
    const auto it = m_cards.find(question);
    return it == m_cards.end() ? nullptr : &it->second;
}

void ReviewStore::recordAnswer(const fsrs::Scheduler &scheduler, const std::string &question, int topic,
                               fsrs::Rating rating, bool correct, fsrs::Time now)
{
    const fsrs::Card *existing = card(question);
    fsrs::Card fresh;
    fresh.due = now;
    m_cards[question] = scheduler.review(existing ? *existing : fresh, rating, now);
    m_log.push_back({question, topic, rating, correct, now});
}

const LessonProgress &ReviewStore::progress(const std::string &lesson) const
{
    static const LessonProgress none;
    const auto it = m_progress.find(lesson);
    return it == m_progress.end() ? none : it->second;
}

void ReviewStore::completeStep(const std::string &lesson, int step)
{
    m_progress[lesson].completedSteps.insert(step);
}

void ReviewStore::resetLesson(const std::string &lesson)
{
    m_progress.erase(lesson);
}

Json ReviewStore::toJson() const
{
    Json cards = Json::object();
    for (const auto &[id, c] : m_cards) {
        cards[id] = {{"state", fsrs::stateName(c.state)},
                     {"step", c.step ? Json(*c.step) : Json(nullptr)},
                     {"stability", optional(c.stability)},
                     {"difficulty", optional(c.difficulty)},
                     {"due", c.due},
                     {"lastReview", c.lastReview ? Json(*c.lastReview) : Json(nullptr)}};
    }
    Json log = Json::array();
    for (const auto &a : m_log) {
        log.push_back({{"question", a.question},
                       {"topic", a.topic},
                       {"rating", fsrs::ratingName(a.rating)},
                       {"correct", a.correct},
                       {"at", a.at}});
    }
    Json lessons = Json::object();
    for (const auto &[id, p] : m_progress)
        lessons[id] = {{"completedSteps", p.completedSteps}};
    return {{"version", 1}, {"cards", std::move(cards)}, {"answers", std::move(log)}, {"lessons", std::move(lessons)}};
}

void ReviewStore::fromJson(const Json &json)
{
    try {
        if (!json.is_object() || json.value("version", 0) != 1)
            throw std::invalid_argument("not a StackCanvas study file (version 1 expected)");
        std::map<std::string, fsrs::Card> cards;
        for (const auto &[id, c] : json.at("cards").items()) {
            fsrs::Card card;
            card.state = fsrs::stateFromName(c.at("state").get<std::string>());
            card.step = c.at("step").is_null() ? std::nullopt : std::optional<int>(c.at("step").get<int>());
            if (!c.at("stability").is_null())
                card.stability = c.at("stability").get<double>();
            if (!c.at("difficulty").is_null())
                card.difficulty = c.at("difficulty").get<double>();
            card.due = c.at("due").get<fsrs::Time>();
            if (!c.at("lastReview").is_null())
                card.lastReview = c.at("lastReview").get<fsrs::Time>();
            cards[id] = card;
        }
        std::vector<AnswerRecord> log;
        for (const Json &a : json.at("answers")) {
            log.push_back({a.at("question").get<std::string>(), a.at("topic").get<int>(),
                           ratingFromName(a.at("rating").get<std::string>()), a.at("correct").get<bool>(),
                           a.at("at").get<fsrs::Time>()});
        }
        std::map<std::string, LessonProgress> progress;
        for (const auto &[id, p] : json.at("lessons").items())
            progress[id].completedSteps = p.at("completedSteps").get<std::set<int>>();
        m_cards = std::move(cards);
        m_log = std::move(log);
        m_progress = std::move(progress);
    } catch (const Json::exception &e) {
        throw std::invalid_argument(std::string("unexpected content: ") + e.what());
    }
}

std::string ReviewStore::load()
{
    QFile file(QString::fromStdString(m_path));
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return m_path + ": " + file.errorString().toStdString();
    const QByteArray bytes = file.readAll();
    std::string error;
    try {
        fromJson(Json::parse(bytes.toStdString()));
        return {};
    } catch (const Json::parse_error &e) {
        // Turn the byte offset into a line and column, as editors show them.
        int line = 1, column = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < static_cast<std::size_t>(bytes.size()); ++i) {
            if (bytes[static_cast<qsizetype>(i)] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        error = m_path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": not valid JSON";
    } catch (const std::invalid_argument &e) {
        error = m_path + ":1:1: " + e.what();
    }
    m_keepBroken = true;
    return error + " (starting afresh; the file is kept as " + m_path + ".broken)";
}

std::string ReviewStore::save()
{
    const QString path = QString::fromStdString(m_path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return m_path + ": cannot create its folder";
    if (m_keepBroken) {
        QFile::remove(path + QStringLiteral(".broken"));
        if (!QFile::copy(path, path + QStringLiteral(".broken")))
            return m_path + ": cannot keep the damaged file as " + m_path + ".broken";
        m_keepBroken = false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return m_path + ": " + file.errorString().toStdString();
    const std::string text = toJson().dump(1) + "\n";
    file.write(text.data(), static_cast<qint64>(text.size()));
    if (!file.commit())
        return m_path + ": " + file.errorString().toStdString();
    return {};
}

} // namespace sc
