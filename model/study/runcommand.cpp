#include "model/study/runcommand.h"

#include "model/study/whatiftext.h"

#include <algorithm>
#include <stdexcept>

namespace sc {

RunCommandResult simulateRunCommand(const RunCommandScenario &s)
{
    if (s.targets < 1 || s.targets > 100000)
        throw std::invalid_argument("Run Command needs from 1 to 100000 targets");
    if (s.invocationSeconds < 1)
        throw std::invalid_argument("an invocation takes at least one second");
    for (int k : s.failing) {
        if (k < 1 || k > s.targets)
            throw std::invalid_argument("--fail names target " + std::to_string(k) + " of "
                                        + std::to_string(s.targets));
    }
    RunCommandResult r;
    r.targets = s.targets;
    r.maxConcurrency = s.maxConcurrency.resolve(s.targets, 1);
    r.maxErrors = s.maxErrors.resolve(s.targets);
    if (s.maxConcurrency.percent || s.maxErrors.percent)
        r.notes.push_back("a percentage is turned into a count by rounding down (AWS does not "
                          "document the rounding)");
    for (int k = 1; k <= s.targets; ++k)
        r.invocations.push_back({k, "NotSent", std::nullopt, std::nullopt, false});

    int next = 0;
    int ramp = 1; // the ramp-up's current concurrency
    std::vector<int> inFlight;
    bool stopped = false;
    Seconds t = 0;
    for (;;) {
        if (!stopped && next < s.targets && static_cast<int>(inFlight.size()) < ramp) {
            RunCommandBatch batch{t, {}, ramp};
            while (next < s.targets && static_cast<int>(inFlight.size()) < ramp) {
                InvocationRun &inv = r.invocations[static_cast<std::size_t>(next++)];
                inv.start = t;
                inv.end = t + s.invocationSeconds;
                inFlight.push_back(inv.target - 1);
                batch.targets.push_back(inv.target);
            }
            r.sent += static_cast<int>(batch.targets.size());
            r.batches.push_back(std::move(batch));
        }
        if (inFlight.empty())
            break;
        t = *r.invocations[static_cast<std::size_t>(inFlight.front())].end;
        for (int i : inFlight)
            t = std::min(t, *r.invocations[static_cast<std::size_t>(i)].end);
        std::vector<int> still;
        std::vector<int> ending;
        for (int i : inFlight)
            (*r.invocations[static_cast<std::size_t>(i)].end == t ? ending : still).push_back(i);
        std::sort(ending.begin(), ending.end());
        for (int i : ending) {
            InvocationRun &inv = r.invocations[static_cast<std::size_t>(i)];
            const bool fails = std::find(s.failing.begin(), s.failing.end(), inv.target) != s.failing.end();
            inv.status = fails ? "Failed" : "Success";
            if (stopped)
                inv.runningAtThreshold = true; // counted after the error that stopped the sending
            if (!fails) {
                ++r.succeeded;
                continue;
            }
            ++r.errors;
            if (stopped) {
                ++r.errorsBeyondThreshold;
            } else if (r.errors > r.maxErrors) {
                stopped = true;
                r.thresholdReachedAt = t;
                for (int j : still)
                    r.invocations[static_cast<std::size_t>(j)].runningAtThreshold = true;
            }
        }
        inFlight = still;
        r.durationSeconds = t;
        if (inFlight.empty() && ramp < r.maxConcurrency)
            ramp = std::min(ramp * 2, r.maxConcurrency); // the ramp-up grows once a batch completes
        if (ramp >= r.maxConcurrency)
            ramp = r.maxConcurrency; // then the scheduler keeps MaxConcurrency in flight
    }
    r.status = r.errors == 0 ? "Success" : r.errors > r.maxErrors ? "Failed" : "Incomplete";
    return r;
}

Json runCommandResultToJson(const RunCommandResult &r)
{
    Json batches = Json::array();
    for (const auto &b : r.batches)
        batches.push_back({{"t", b.t}, {"targets", b.targets}, {"concurrency", b.concurrency}});
    Json invocations = Json::array();
    for (const auto &inv : r.invocations) {
        invocations.push_back({{"target", inv.target},
                               {"status", inv.status},
                               {"start", inv.start ? Json(*inv.start) : Json(nullptr)},
                               {"end", inv.end ? Json(*inv.end) : Json(nullptr)},
                               {"runningAtThreshold", inv.runningAtThreshold}});
    }
    return {{"targets", r.targets},
            {"maxConcurrency", r.maxConcurrency},
            {"maxErrors", r.maxErrors},
            {"status", r.status},
            {"sent", r.sent},
            {"succeeded", r.succeeded},
            {"errors", r.errors},
            {"errorsBeyondThreshold", r.errorsBeyondThreshold},
            {"thresholdReachedAt", r.thresholdReachedAt ? Json(*r.thresholdReachedAt) : Json(nullptr)},
            {"durationSeconds", r.durationSeconds},
            {"batches", std::move(batches)},
            {"invocations", std::move(invocations)},
            {"notes", r.notes}};
}

std::string runCommandResultToText(const RunCommandResult &r)
{
    std::string out = "Run Command on " + std::to_string(r.targets) + " targets, MaxConcurrency "
                      + std::to_string(r.maxConcurrency) + ", MaxErrors " + std::to_string(r.maxErrors) + ": "
                      + r.status + " after " + whatiftext::clock(r.durationSeconds) + "\n" + "Sent to "
                      + std::to_string(r.sent) + ", succeeded " + std::to_string(r.succeeded) + ", errors "
                      + std::to_string(r.errors);
    if (r.thresholdReachedAt)
        out += "; error " + std::to_string(r.maxErrors + 1) + " arrived at " + whatiftext::clock(*r.thresholdReachedAt)
               + " and stopped the sending; " + std::to_string(r.errorsBeyondThreshold)
               + " more error(s) came from invocations already running";
    out += "\n";
    for (const auto &note : r.notes)
        out += "Note: " + note + "\n";
    std::vector<std::vector<std::string>> rows{{"time", "sent to", "concurrency"}};
    for (const auto &b : r.batches) {
        std::string targets;
        for (int k : b.targets)
            targets += (targets.empty() ? "" : ",") + std::to_string(k);
        rows.push_back({whatiftext::clock(b.t), targets, std::to_string(b.concurrency)});
    }
    out += "\n" + whatiftext::table(rows);
    std::vector<std::vector<std::string>> invocations{{"target", "status", "start", "end", ""}};
    for (const auto &inv : r.invocations) {
        invocations.push_back({std::to_string(inv.target), inv.status, inv.start ? whatiftext::clock(*inv.start) : "-",
                               inv.end ? whatiftext::clock(*inv.end) : "-",
                               inv.runningAtThreshold ? "already running at the threshold" : ""});
    }
    out += "\n" + whatiftext::table(invocations);
    return out;
}

} // namespace sc
