#pragma once
// Practice mode's choice of the next questions: the questions whose FSRS card is due, then new
// ones, each group ordered so that topics answered wrong come first. A topic's weakness is its
// share of wrong answers with a Laplace prior, (wrong + 1) / (answered + 2): an untried topic
// weighs 0.5, one always answered wrong approaches 1, one always right approaches 0.

#include "model/study/fsrs.h"
#include "model/study/quiz.h"
#include "model/study/reviewstore.h"

#include <vector>

namespace sc {

double topicWeakness(const ReviewStore &store, int topic);

// Due and new questions, in the order practice asks them; questions scheduled later are left out.
std::vector<const Question *> practiceQueue(const std::vector<Question> &questions, const ReviewStore &store,
                                            fsrs::Time now);

} // namespace sc
