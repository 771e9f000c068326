#pragma once
// What the learner did, kept on their machine: the FSRS card of every quiz question answered,
// the answer log (which topics go wrong), and lesson progress. One JSON file, by default
// "study.json" in the application data folder; the path is given, so tests use a temporary
// directory. Writes go through QSaveFile: a failed save leaves the previous file whole.
//
// load() reports a damaged file as "FILE:LINE:COLUMN: message" and starts empty; the damaged
// file is then kept as FILE.broken before the first save replaces it.

#include "model/study/fsrs.h"
#include "model/template/json.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sc {

struct AnswerRecord {
    std::string question;
    int topic = 0;
    fsrs::Rating rating = fsrs::Rating::Good;
    bool correct = false;
    fsrs::Time at = 0;
};

struct LessonProgress {
    std::set<int> completedSteps;
    bool operator==(const LessonProgress &) const = default;
};

class ReviewStore
{
public:
    explicit ReviewStore(std::string path);

    const std::string &path() const { return m_path; }
    // Reads the file; a missing file is an empty store. Returns an empty string or the error.
    std::string load();
    // Writes the file (creating its folder). Returns an empty string or the error.
    std::string save();

    const std::map<std::string, fsrs::Card> &cards() const { return m_cards; }
    const fsrs::Card *card(const std::string &question) const;
    const std::vector<AnswerRecord> &log() const { return m_log; }
    // Schedules the question's card with `rating` and logs the answer.
    void recordAnswer(const fsrs::Scheduler &scheduler, const std::string &question, int topic, fsrs::Rating rating,
                      bool correct, fsrs::Time now);

    const LessonProgress &progress(const std::string &lesson) const;
    void completeStep(const std::string &lesson, int step);
    void resetLesson(const std::string &lesson);

    Json toJson() const;
    void fromJson(const Json &json); // throws std::invalid_argument on a wrong shape

private:
    std::string m_path;
    std::map<std::string, fsrs::Card> m_cards;
    std::vector<AnswerRecord> m_log;
    std::map<std::string, LessonProgress> m_progress;
    bool m_keepBroken = false;
};

} // namespace sc
