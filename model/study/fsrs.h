#pragma once
// FSRS, the Free Spaced Repetition Scheduler of the open-spaced-repetition project, version 6:
// its published formulas and default parameters, as in the reference Python implementation
// py-fsrs 6.3.1 (https://github.com/open-spaced-repetition/py-fsrs, fsrs/scheduler.py, MIT).
// A card has a state (Learning, Review, Relearning), a learning step, a stability S (days for
// the recall probability to fall to 90 %), a difficulty D (1-10) and a due time; reviewing it
// with a rating (Again, Hard, Good, Easy) updates them:
//   R(t, S)   = (1 + FACTOR * t / S) ^ DECAY,  DECAY = -w20, FACTOR = 0.9 ^ (1 / DECAY) - 1
//   S0(G)     = w[G-1];  D0(G) = w4 - e^(w5 (G-1)) + 1
//   D'        = w7 * D0(Easy) + (1 - w7) * (D + (10 - D) * (-w6 (G-3)) / 9), clamped to [1, 10]
//   S'recall  = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1-R)) - 1) * (w15 if Hard) * (w16 if Easy))
//   S'forget  = min(w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)), S / e^(w17 w18))
//   S'short   = S e^(w17 (G - 3 + w18)) S^-w19 (at least S for Good and Easy), same-day reviews
//   interval  = S / FACTOR * (retention ^ (1 / DECAY) - 1) days, rounded, from 1 to the maximum
// Times are seconds since the epoch; intervals are not fuzzed, so schedules are reproducible.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc::fsrs {

using Time = std::int64_t; // seconds since the epoch

enum class Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 };
enum class State { Learning = 1, Review = 2, Relearning = 3 };

std::string ratingName(Rating rating);
std::string stateName(State state);
State stateFromName(const std::string &name); // throws std::invalid_argument

struct Card {
    State state = State::Learning;
    std::optional<int> step = 0; // learning or relearning step; none in Review
    std::optional<double> stability;
    std::optional<double> difficulty;
    Time due = 0;
    std::optional<Time> lastReview;
    bool operator==(const Card &) const = default;
};

// The 21 default weights of FSRS-6.
const std::vector<double> &defaultParameters();

class Scheduler
{
public:
    Scheduler(); // the defaults: retention 0.9, learning steps 1 and 10 minutes, relearning 10
                 // minutes
    Scheduler(std::vector<double> parameters, double desiredRetention, std::vector<Time> learningSteps,
              std::vector<Time> relearningSteps, int maximumIntervalDays);

    // The card after a review with `rating` at `now`.
    Card review(const Card &card, Rating rating, Time now) const;
    // The probability of recalling the card at `now` (0 for a card never reviewed).
    double retrievability(const Card &card, Time now) const;

private:
    double initialStability(Rating rating) const;
    double initialDifficulty(Rating rating, bool clamp) const;
    double nextDifficulty(double difficulty, Rating rating) const;
    double shortTermStability(double stability, Rating rating) const;
    double nextStability(double difficulty, double stability, double retrievability, Rating rating) const;
    int nextIntervalDays(double stability) const;
    // The memory update shared by every state: S and D after the review.
    void updateMemory(Card &card, Rating rating, Time now) const;
    // Learning and relearning move through their steps.
    Time stepInterval(Card &card, Rating rating, const std::vector<Time> &steps) const;

    std::vector<double> m_w;
    double m_retention;
    std::vector<Time> m_learningSteps;
    std::vector<Time> m_relearningSteps;
    int m_maximumInterval;
    double m_decay;
    double m_factor;
};

} // namespace sc::fsrs
