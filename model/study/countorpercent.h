#pragma once
// A limit AWS accepts either as a number or as a percentage of the targets: StackSet
// MaxConcurrent / FailureTolerance, Run Command MaxConcurrency / MaxErrors. parse() reads the
// forms "5" and "25%"; resolve() turns it into a count for a number of targets, rounding a
// percentage down (documented for StackSets; assumed for Run Command, where AWS is silent).

#include <string>

namespace sc {

struct CountOrPercent {
    int value = 0;
    bool percent = false;

    // Throws std::invalid_argument naming `what` when the text is neither form (or out of range).
    static CountOrPercent parse(const std::string &text, const std::string &what);
    // The count for `targets`; at least `minimum` (a concurrency never rounds down to 0).
    int resolve(int targets, int minimum = 0) const;
    std::string text() const; // "5" or "25%"
    bool operator==(const CountOrPercent &) const = default;
};

} // namespace sc
