#include "model/rollout/timelinecsv.h"

#include "model/rollout/narration.h"

#include <cmath>
#include <cstdio>

namespace sc {

namespace {

// Whole numbers without a fraction; otherwise two decimals, as in the JSON form.
std::string number(double value)
{
    if (std::fabs(value - std::round(value)) < 1e-9)
        return std::to_string(static_cast<long long>(std::round(value)));
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

std::string field(const std::string &text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

std::string timelineCsvHeader()
{
    return "t,trafficOriginalPercent,trafficReplacementPercent,testTrafficOriginalPercent,"
           "testTrafficReplacementPercent,healthyOriginal,healthyReplacement,instancesOriginal,"
           "instancesReplacement,phase";
}

std::string timelineToCsv(const Timeline &timeline)
{
    std::string out = timelineCsvHeader() + "\r\n";
    PhaseCursor phases(timeline);
    for (const auto &s : timeline.samples) {
        const auto phase = phases.at(s.t);
        out += std::to_string(s.t) + ',' + number(s.trafficPercent.original) + ',' +
               number(s.trafficPercent.replacement) + ',' +
               (s.testTrafficPercent ? number(s.testTrafficPercent->original) : std::string()) + ',' +
               (s.testTrafficPercent ? number(s.testTrafficPercent->replacement) : std::string()) + ',' +
               std::to_string(s.healthy.original) + ',' + std::to_string(s.healthy.replacement) + ',' +
               std::to_string(s.instances.original) + ',' + std::to_string(s.instances.replacement) + ',' +
               (phase ? field(timeline.events[phase->event].name) : std::string()) + "\r\n";
    }
    return out;
}

} // namespace sc
