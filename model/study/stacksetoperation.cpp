#include "model/study/stacksetoperation.h"

#include "model/rollout/templatelookup.h"
#include "model/study/whatiftext.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace sc {

namespace {

bool failsIn(const StackSetScenario &s, int account, const std::string &region)
{
    return std::any_of(s.failures.begin(), s.failures.end(), [&](const StackSetFailure &f) {
        return f.account == account && (f.region.empty() || f.region == region);
    });
}

struct RegionPlan {
    int maxConcurrent = 1;
    int tolerance = 0;
    bool strict = true;
    // STRICT: in flight + failed never passes FailureTolerance + 1, so the concurrency starts at
    // min(MaxConcurrent, FailureTolerance + 1) and drops by one with every failure.
    int limit(int failures) const { return strict ? std::min(maxConcurrent, tolerance + 1 - failures) : maxConcurrent; }
};

// Runs one Region from `start`; returns when its last started instance ends.
Seconds runRegion(const StackSetScenario &s, const RegionPlan &plan, Seconds start, StackSetRegionRun &run)
{
    run.accounts.clear();
    for (int a = 1; a <= s.accounts; ++a)
        run.accounts.push_back({a, "CANCELLED", std::nullopt, std::nullopt});
    int next = 0; // index of the next account to start
    std::vector<int> inFlight;
    bool stopping = false;
    bool stoppedByUser = false;
    Seconds t = start;
    for (;;) {
        if (s.stopAt && t >= *s.stopAt && !stopping) {
            stopping = true;
            stoppedByUser = next < s.accounts;
        }
        while (!stopping && next < s.accounts && static_cast<int>(inFlight.size()) < plan.limit(run.failures)) {
            StackInstanceRun &a = run.accounts[static_cast<std::size_t>(next++)];
            a.start = t;
            a.end = t + s.instanceSeconds;
            inFlight.push_back(a.account - 1);
        }
        run.maxInFlight = std::max(run.maxInFlight, static_cast<int>(inFlight.size()));
        if (inFlight.empty())
            break;
        // Every instance takes the same time: the earliest started ones end together.
        Seconds soonest = *run.accounts[static_cast<std::size_t>(inFlight.front())].end;
        for (int i : inFlight)
            soonest = std::min(soonest, *run.accounts[static_cast<std::size_t>(i)].end);
        if (s.stopAt && *s.stopAt > t && *s.stopAt < soonest) {
            t = *s.stopAt; // the stop request arrives while instances run
            continue;
        }
        t = soonest;
        std::vector<int> still;
        for (int i : inFlight) {
            StackInstanceRun &a = run.accounts[static_cast<std::size_t>(i)];
            if (*a.end != t) {
                still.push_back(i);
                continue;
            }
            const bool failed = failsIn(s, a.account, run.region);
            a.status = failed ? "FAILED" : "SUCCEEDED";
            if (failed)
                ++run.failures;
        }
        inFlight = still;
        if (run.failures > plan.tolerance)
            stopping = true;
    }
    if (run.failures > plan.tolerance) {
        run.status = "FAILED";
        run.reason = std::to_string(run.failures) + " accounts failed, more than the failure tolerance of "
                     + std::to_string(plan.tolerance) + ": no further account was started in this Region";
    } else if (stoppedByUser) {
        run.status = "STOPPED";
        run.reason = "the operation was stopped at " + whatiftext::clock(*s.stopAt)
                     + ": instances already running finished, no new one started";
    } else {
        run.status = "SUCCEEDED";
        if (run.failures > 0)
            run.reason = std::to_string(run.failures) + " failed account(s), within the failure tolerance of "
                         + std::to_string(plan.tolerance);
    }
    return t;
}

std::vector<std::string> stringList(const Json &root, const Json *value)
{
    std::vector<std::string> out;
    if (!value)
        return out;
    const Json *list = value;
    Json split;
    if (value->is_object() && value->contains("Ref") && (*value)["Ref"].is_string()) {
        const Json *param = TemplateLookup::child(TemplateLookup::child(&root, "Parameters"),
                                                  (*value)["Ref"].get<std::string>().c_str());
        const Json *def = TemplateLookup::child(param, "Default");
        if (def && def->is_string()) {
            const std::string text = def->get<std::string>();
            split = Json::array();
            std::size_t from = 0;
            while (from <= text.size()) {
                const std::size_t comma = std::min(text.find(',', from), text.size());
                std::string item = text.substr(from, comma - from);
                item.erase(0, item.find_first_not_of(' '));
                item.erase(item.find_last_not_of(' ') + 1);
                if (!item.empty())
                    split.push_back(item);
                from = comma + 1;
            }
            list = &split;
        } else {
            list = def;
        }
    }
    if (list && list->is_array()) {
        for (const Json &item : *list) {
            if (item.is_string())
                out.push_back(item.get<std::string>());
        }
    }
    return out;
}

} // namespace

std::vector<std::string> orderedRegions(const std::vector<std::string> &regions,
                                        const std::vector<std::string> &regionOrder, std::vector<std::string> *notes)
{
    std::vector<std::string> out;
    for (const std::string &r : regionOrder) {
        if (std::find(regions.begin(), regions.end(), r) == regions.end()) {
            if (notes)
                notes->push_back("RegionOrder names " + r + ", where the operation deploys nothing");
        } else if (std::find(out.begin(), out.end(), r) == out.end()) {
            out.push_back(r);
        }
    }
    for (const std::string &r : regions) {
        if (std::find(out.begin(), out.end(), r) == out.end())
            out.push_back(r);
    }
    return out;
}

StackSetResult simulateStackSet(const StackSetScenario &s)
{
    if (s.accounts < 1 || s.accounts > 10000)
        throw std::invalid_argument("a StackSet operation needs from 1 to 10000 accounts");
    if (s.regions.empty())
        throw std::invalid_argument("a StackSet operation needs at least one Region");
    if (s.instanceSeconds < 1)
        throw std::invalid_argument("a stack instance operation takes at least one second");
    for (const StackSetFailure &f : s.failures) {
        if (f.account < 1 || f.account > s.accounts)
            throw std::invalid_argument("--fail names account " + std::to_string(f.account) + " of "
                                        + std::to_string(s.accounts));
        if (!f.region.empty() && std::find(s.regions.begin(), s.regions.end(), f.region) == s.regions.end())
            throw std::invalid_argument("--fail names Region " + f.region + ", which the operation does not deploy to");
    }

    StackSetResult result;
    result.stackSet = s.stackSet;
    result.notes = s.notes;
    RegionPlan plan;
    plan.maxConcurrent = s.preferences.maxConcurrent.resolve(s.accounts, 1);
    plan.tolerance = s.preferences.failureTolerance.resolve(s.accounts);
    plan.strict = s.preferences.mode == ConcurrencyMode::StrictFailureTolerance;
    result.maxConcurrent = plan.maxConcurrent;
    result.failureTolerance = plan.tolerance;
    result.initialConcurrency = std::min(plan.limit(0), s.accounts);
    if (plan.strict && plan.maxConcurrent > plan.tolerance + 1)
        result.notes.push_back("strict failure tolerance lowers MaxConcurrent " + std::to_string(plan.maxConcurrent)
                               + " to FailureTolerance + 1 = " + std::to_string(plan.tolerance + 1));

    bool halted = false;
    Seconds t = 0;
    for (const std::string &region : orderedRegions(s.regions, s.preferences.regionOrder, &result.notes)) {
        StackSetRegionRun run;
        run.region = region;
        if (halted) {
            run.status = "NOT_STARTED";
            run.reason = "an earlier Region stopped the operation, so CloudFormation does not "
                         "attempt later Regions";
            for (int a = 1; a <= s.accounts; ++a)
                run.accounts.push_back({a, "CANCELLED", std::nullopt, std::nullopt});
            result.regions.push_back(std::move(run));
            continue;
        }
        const Seconds end = runRegion(s, plan, s.preferences.parallelRegions ? 0 : t, run);
        result.durationSeconds = std::max(result.durationSeconds, end);
        result.maxActualConcurrency = std::max(result.maxActualConcurrency, run.maxInFlight);
        if (!s.preferences.parallelRegions) {
            t = end;
            halted = run.status != "SUCCEEDED";
        }
        result.regions.push_back(std::move(run));
    }
    result.status = "SUCCEEDED";
    for (const auto &r : result.regions) {
        if (r.status == "FAILED")
            result.status = "FAILED";
        else if (r.status == "STOPPED" && result.status != "FAILED")
            result.status = "STOPPED";
    }
    return result;
}

StackSetFailure parseStackSetFailure(const std::string &spec)
{
    StackSetFailure f;
    const auto at = spec.find('@');
    const std::string number = spec.substr(0, at);
    try {
        std::size_t used = 0;
        f.account = std::stoi(number, &used);
        if (used != number.size() || f.account < 1)
            throw std::invalid_argument(spec);
    } catch (const std::exception &) {
        throw std::invalid_argument("--fail takes K or K@REGION (account K, 1-based), not \"" + spec + "\"");
    }
    if (at != std::string::npos) {
        f.region = spec.substr(at + 1);
        if (f.region.empty())
            throw std::invalid_argument("--fail " + spec + " names no Region after '@'");
    }
    return f;
}

StackSetScenario stackSetScenarioFromTemplate(const Json &root, const std::string &logicalId)
{
    TemplateLookup lookup(root);
    if (lookup.type(logicalId) != "AWS::CloudFormation::StackSet")
        throw std::invalid_argument("'" + logicalId + "' is not an AWS::CloudFormation::StackSet of the template");
    StackSetScenario s;
    s.stackSet = logicalId;
    const Json *prefs = lookup.property(logicalId, "OperationPreferences");
    const auto number = [&](const char *key) { return lookup.integer(TemplateLookup::child(prefs, key)); };
    if (number("MaxConcurrentCount") && number("MaxConcurrentPercentage"))
        throw std::invalid_argument("'" + logicalId + "' sets both MaxConcurrentCount and MaxConcurrentPercentage");
    if (number("FailureToleranceCount") && number("FailureTolerancePercentage"))
        throw std::invalid_argument("'" + logicalId
                                    + "' sets both FailureToleranceCount and FailureTolerancePercentage");
    if (auto v = number("MaxConcurrentCount"))
        s.preferences.maxConcurrent = {static_cast<int>(*v), false};
    else if (auto p = number("MaxConcurrentPercentage"))
        s.preferences.maxConcurrent = {static_cast<int>(*p), true};
    else
        s.notes.push_back("no MaxConcurrent in the template: 1 assumed (AWS's default is not documented)");
    if (auto v = number("FailureToleranceCount"))
        s.preferences.failureTolerance = {static_cast<int>(*v), false};
    else if (auto p = number("FailureTolerancePercentage"))
        s.preferences.failureTolerance = {static_cast<int>(*p), true};
    if (lookup.string(TemplateLookup::child(prefs, "ConcurrencyMode")).value_or("") == "SOFT_FAILURE_TOLERANCE")
        s.preferences.mode = ConcurrencyMode::SoftFailureTolerance;
    const auto regionConcurrency = lookup.string(TemplateLookup::child(prefs, "RegionConcurrencyType"));
    s.preferences.parallelRegions = regionConcurrency.value_or("") == "PARALLEL";
    if (!regionConcurrency)
        s.notes.push_back("no RegionConcurrencyType in the template: SEQUENTIAL assumed (believed "
                          "AWS's default)");
    s.preferences.regionOrder = stringList(root, TemplateLookup::child(prefs, "RegionOrder"));

    std::set<std::string> accounts;
    const Json *groups = lookup.property(logicalId, "StackInstancesGroup");
    if (groups && groups->is_array()) {
        for (const Json &group : *groups) {
            for (const std::string &r : stringList(root, TemplateLookup::child(&group, "Regions"))) {
                if (std::find(s.regions.begin(), s.regions.end(), r) == s.regions.end())
                    s.regions.push_back(r);
            }
            const Json *targets = TemplateLookup::child(&group, "DeploymentTargets");
            for (const std::string &a : stringList(root, TemplateLookup::child(targets, "Accounts")))
                accounts.insert(a);
        }
    }
    s.accounts = accounts.empty() ? 0 : static_cast<int>(accounts.size());
    return s;
}

Json stackSetResultToJson(const StackSetResult &r)
{
    Json regions = Json::array();
    for (const auto &region : r.regions) {
        Json accounts = Json::array();
        for (const auto &a : region.accounts) {
            accounts.push_back({{"account", a.account},
                                {"status", a.status},
                                {"start", a.start ? Json(*a.start) : Json(nullptr)},
                                {"end", a.end ? Json(*a.end) : Json(nullptr)}});
        }
        regions.push_back({{"region", region.region},
                           {"status", region.status},
                           {"reason", region.reason},
                           {"failures", region.failures},
                           {"maxInFlight", region.maxInFlight},
                           {"accounts", std::move(accounts)}});
    }
    return {{"stackSet", r.stackSet},
            {"status", r.status},
            {"maxConcurrent", r.maxConcurrent},
            {"failureTolerance", r.failureTolerance},
            {"initialConcurrency", r.initialConcurrency},
            {"maxActualConcurrency", r.maxActualConcurrency},
            {"durationSeconds", r.durationSeconds},
            {"regions", std::move(regions)},
            {"notes", r.notes}};
}

std::string stackSetResultToText(const StackSetResult &r)
{
    std::string out = "StackSet " + r.stackSet + ": " + r.status + " after " + whatiftext::clock(r.durationSeconds)
                      + "\nMaxConcurrent " + std::to_string(r.maxConcurrent) + ", failure tolerance "
                      + std::to_string(r.failureTolerance) + ", starts at " + std::to_string(r.initialConcurrency)
                      + " at once, at most " + std::to_string(r.maxActualConcurrency) + " at once\n";
    for (const auto &note : r.notes)
        out += "Note: " + note + "\n";
    for (const auto &region : r.regions) {
        out += "\n" + region.region + ": " + region.status + (region.reason.empty() ? "" : " (" + region.reason + ")")
               + "\n";
        std::vector<std::vector<std::string>> rows{{"account", "status", "start", "end"}};
        for (const auto &a : region.accounts) {
            rows.push_back({std::to_string(a.account), a.status, a.start ? whatiftext::clock(*a.start) : "-",
                            a.end ? whatiftext::clock(*a.end) : "-"});
        }
        out += whatiftext::table(rows);
    }
    return out;
}

} // namespace sc
