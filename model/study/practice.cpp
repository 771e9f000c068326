#include "model/study/practice.h"

#include <algorithm>
#include <map>

namespace sc {

double topicWeakness(const ReviewStore &store, int topic)
{
    int answered = 0, wrong = 0;
    for (const AnswerRecord &a : store.log()) {
        if (a.topic != topic)
            continue;
        ++answered;
        wrong += a.correct ? 0 : 1;
    }
    return (wrong + 1.0) / (answered + 2.0);
}

std::vector<const Question *> practiceQueue(const std::vector<Question> &questions, const ReviewStore &store,
                                            fsrs::Time now)
{
    std::map<int, double> weakness;
    for (const Question &q : questions) {
        if (!weakness.count(q.topic))
            weakness[q.topic] = topicWeakness(store, q.topic);
    }
    struct Entry {
        const Question *question;
        bool isNew;
        fsrs::Time due;
        std::size_t order;
    };
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < questions.size(); ++i) {
        const fsrs::Card *card = store.card(questions[i].id);
        if (card && card->due > now)
            continue; // not due yet
        entries.push_back({&questions[i], card == nullptr, card ? card->due : 0, i});
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry &a, const Entry &b) {
        if (a.isNew != b.isNew)
            return !a.isNew; // due reviews first
        const double wa = weakness[a.question->topic], wb = weakness[b.question->topic];
        if (wa != wb)
            return wa > wb;
        if (a.due != b.due)
            return a.due < b.due;
        return a.order < b.order;
    });
    std::vector<const Question *> out;
    for (const Entry &e : entries)
        out.push_back(e.question);
    return out;
}

} // namespace sc
