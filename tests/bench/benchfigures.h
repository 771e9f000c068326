#pragma once
// Median and 95th percentile of a benchmark's samples (frame gaps, frame times, in ms).

#include <algorithm>
#include <cstddef>
#include <vector>

namespace sc::bench {

struct Figures {
    double median = 0, p95 = 0;
};

inline Figures figuresOf(std::vector<double> samples)
{
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) { return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * samples.size()))]; };
    return {at(0.5), at(0.95)};
}

} // namespace sc::bench
