#include "model/study/fsrs.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sc::fsrs {

namespace {

constexpr double kMinStability = 0.001;
constexpr double kMinDifficulty = 1.0;
constexpr double kMaxDifficulty = 10.0;
constexpr Time kDay = 86400;

double clampDifficulty(double d)
{
    return std::clamp(d, kMinDifficulty, kMaxDifficulty);
}

double clampStability(double s)
{
    return std::max(s, kMinStability);
}

int value(Rating r)
{
    return static_cast<int>(r);
}

} // namespace

std::string ratingName(Rating rating)
{
    switch (rating) {
    case Rating::Again:
        return "Again";
    case Rating::Hard:
        return "Hard";
    case Rating::Good:
        return "Good";
    case Rating::Easy:
        return "Easy";
    }
    return {};
}

std::string stateName(State state)
{
    switch (state) {
    case State::Learning:
        return "Learning";
    case State::Review:
        return "Review";
    case State::Relearning:
        return "Relearning";
    }
    return {};
}

State stateFromName(const std::string &name)
{
    for (State s : {State::Learning, State::Review, State::Relearning}) {
        if (stateName(s) == name)
            return s;
    }
    throw std::invalid_argument("unknown card state \"" + name + "\"");
}

const std::vector<double> &defaultParameters()
{
    // FSRS-6 defaults (py-fsrs DEFAULT_PARAMETERS; w20 is the decay).
    static const std::vector<double> w{0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                       0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                       1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
    return w;
}

Scheduler::Scheduler()
    : Scheduler(defaultParameters(), 0.9, {60, 600}, {600}, 36500)
{}

Scheduler::Scheduler(std::vector<double> parameters, double desiredRetention, std::vector<Time> learningSteps,
                     std::vector<Time> relearningSteps, int maximumIntervalDays)
    : m_w(std::move(parameters))
    , m_retention(desiredRetention)
    , m_learningSteps(std::move(learningSteps))
    , m_relearningSteps(std::move(relearningSteps))
    , m_maximumInterval(maximumIntervalDays)
{
    if (m_w.size() != 21)
        throw std::invalid_argument("FSRS-6 takes 21 parameters");
    if (m_retention <= 0 || m_retention > 1)
        throw std::invalid_argument("the desired retention lies in (0, 1]");
    m_decay = -m_w[20];
    m_factor = std::pow(0.9, 1.0 / m_decay) - 1;
}

double Scheduler::retrievability(const Card &card, Time now) const
{
    if (!card.lastReview || !card.stability)
        return 0;
    const double elapsedDays = static_cast<double>(std::max<Time>(0, (now - *card.lastReview) / kDay));
    return std::pow(1 + m_factor * elapsedDays / *card.stability, m_decay);
}

double Scheduler::initialStability(Rating rating) const
{
    return clampStability(m_w[static_cast<std::size_t>(value(rating) - 1)]);
}

double Scheduler::initialDifficulty(Rating rating, bool clamp) const
{
    const double d = m_w[4] - std::exp(m_w[5] * (value(rating) - 1)) + 1;
    return clamp ? clampDifficulty(d) : d;
}

double Scheduler::nextDifficulty(double difficulty, Rating rating) const
{
    const double delta = -(m_w[6] * (value(rating) - 3));
    const double damped = difficulty + (10.0 - difficulty) * delta / 9.0;                            // linear damping
    const double reverted = m_w[7] * initialDifficulty(Rating::Easy, false) + (1 - m_w[7]) * damped; // mean reversion
    return clampDifficulty(reverted);
}

double Scheduler::shortTermStability(double stability, Rating rating) const
{
    double increase = std::exp(m_w[17] * (value(rating) - 3 + m_w[18])) * std::pow(stability, -m_w[19]);
    if (rating == Rating::Good || rating == Rating::Easy)
        increase = std::max(increase, 1.0);
    return clampStability(stability * increase);
}

double Scheduler::nextStability(double d, double s, double r, Rating rating) const
{
    double next = 0;
    if (rating == Rating::Again) {
        const double longTerm
            = m_w[11] * std::pow(d, -m_w[12]) * (std::pow(s + 1, m_w[13]) - 1) * std::exp((1 - r) * m_w[14]);
        const double shortTerm = s / std::exp(m_w[17] * m_w[18]);
        next = std::min(longTerm, shortTerm);
    } else {
        const double hardPenalty = rating == Rating::Hard ? m_w[15] : 1;
        const double easyBonus = rating == Rating::Easy ? m_w[16] : 1;
        next = s
               * (1
                  + std::exp(m_w[8]) * (11 - d) * std::pow(s, -m_w[9]) * (std::exp((1 - r) * m_w[10]) - 1) * hardPenalty
                        * easyBonus);
    }
    return clampStability(next);
}

int Scheduler::nextIntervalDays(double stability) const
{
    const double days = stability / m_factor * (std::pow(m_retention, 1 / m_decay) - 1);
    return std::clamp(static_cast<int>(std::lround(days)), 1, m_maximumInterval);
}

void Scheduler::updateMemory(Card &card, Rating rating, Time now) const
{
    if (!card.stability || !card.difficulty) {
        card.stability = initialStability(rating);
        card.difficulty = initialDifficulty(rating, true);
        return;
    }
    const bool sameDay = card.lastReview && (now - *card.lastReview) / kDay < 1;
    card.stability = sameDay ? shortTermStability(*card.stability, rating)
                             : nextStability(*card.difficulty, *card.stability, retrievability(card, now), rating);
    card.difficulty = nextDifficulty(*card.difficulty, rating);
}

Time Scheduler::stepInterval(Card &card, Rating rating, const std::vector<Time> &steps) const
{
    const auto graduate = [&] {
        card.state = State::Review;
        card.step.reset();
        return nextIntervalDays(*card.stability) * kDay;
    };
    const int step = card.step.value_or(0);
    const int count = static_cast<int>(steps.size());
    if (steps.empty() || (step >= count && rating != Rating::Again))
        return graduate();
    switch (rating) {
    case Rating::Again:
        card.step = 0;
        return steps[0];
    case Rating::Hard:
        if (step == 0 && count == 1)
            return std::llround(steps[0] * 1.5);
        if (step == 0)
            return std::llround((steps[0] + steps[1]) / 2.0);
        return steps[static_cast<std::size_t>(step)];
    case Rating::Good:
        if (step + 1 == count)
            return graduate();
        card.step = step + 1;
        return steps[static_cast<std::size_t>(step + 1)];
    case Rating::Easy:
        return graduate();
    }
    return graduate();
}

Card Scheduler::review(const Card &input, Rating rating, Time now) const
{
    Card card = input;
    updateMemory(card, rating, now);
    Time interval = 0;
    switch (card.state) {
    case State::Learning:
        interval = stepInterval(card, rating, m_learningSteps);
        break;
    case State::Relearning:
        interval = stepInterval(card, rating, m_relearningSteps);
        break;
    case State::Review:
        if (rating == Rating::Again && !m_relearningSteps.empty()) {
            card.state = State::Relearning;
            card.step = 0;
            interval = m_relearningSteps.front();
        } else {
            interval = nextIntervalDays(*card.stability) * kDay;
        }
        break;
    }
    card.due = now + interval;
    card.lastReview = now;
    return card;
}

} // namespace sc::fsrs
