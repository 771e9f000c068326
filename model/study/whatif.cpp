#include "model/study/whatif.h"

#include <set>
#include <stdexcept>

namespace sc {

namespace {

void allowOnly(const Json &options, const std::string &kind, std::initializer_list<const char *> keys)
{
    if (!options.is_object())
        throw std::invalid_argument("the options of a " + kind + " what-if must be an object");
    const std::set<std::string> allowed(keys.begin(), keys.end());
    for (const auto &[key, value] : options.items()) {
        if (!allowed.count(key))
            throw std::invalid_argument("the " + kind + " what-if has no option \"" + key + "\"");
    }
}

template<typename T> T get(const Json &options, const char *key, T fallback)
{
    const auto it = options.find(key);
    if (it == options.end())
        return fallback;
    try {
        return it->get<T>();
    } catch (const Json::exception &) {
        throw std::invalid_argument(std::string("option \"") + key + "\" has the wrong type");
    }
}

// `key` in the options; AWS's name of the limit in errors (maxErrors -> MaxErrors).
CountOrPercent limit(const Json &options, const char *key, CountOrPercent fallback)
{
    std::string awsName = key;
    awsName[0] = static_cast<char>(awsName[0] - 'a' + 'A');
    const auto it = options.find(key);
    if (it == options.end())
        return fallback;
    if (it->is_number_integer())
        return CountOrPercent::parse(std::to_string(it->get<int>()), awsName);
    if (it->is_string())
        return CountOrPercent::parse(it->get<std::string>(), awsName);
    throw std::invalid_argument(std::string("option \"") + key + "\" takes a number or a percentage");
}

DeletionOptions deletionOptions(const Json &options)
{
    allowOnly(options, "deletion", {"replacement", "emptyBuckets"});
    DeletionOptions d;
    d.replacement = get(options, "replacement", false);
    d.bucketsHoldObjects = !get(options, "emptyBuckets", false);
    return d;
}

} // namespace

const std::vector<std::string> &whatIfKinds()
{
    static const std::vector<std::string> kinds{"deletion", "stackset", "runcommand", "drift", "import"};
    return kinds;
}

bool whatIfReadsTemplate(const std::string &kind)
{
    return kind != "runcommand";
}

StackSetScenario stackSetScenario(const Json &root, const Json &options)
{
    allowOnly(options, "stackset",
              {"target", "accounts", "regions", "fail", "maxConcurrent", "failureTolerance", "mode",
               "regionConcurrency", "regionOrder", "stopAt", "instanceSeconds"});
    const std::string target = get(options, "target", std::string());
    if (target.empty())
        throw std::invalid_argument("the stackset what-if needs the StackSet's logical ID (--target)");
    StackSetScenario s = stackSetScenarioFromTemplate(root, target);
    if (options.contains("accounts"))
        s.accounts = get(options, "accounts", 0);
    if (s.accounts == 0)
        throw std::invalid_argument("'" + target
                                    + "' targets organizational units: say how many accounts they hold (--accounts N)");
    if (options.contains("regions"))
        s.regions = get(options, "regions", std::vector<std::string>{});
    if (options.contains("regionOrder"))
        s.preferences.regionOrder = get(options, "regionOrder", std::vector<std::string>{});
    s.preferences.maxConcurrent = limit(options, "maxConcurrent", s.preferences.maxConcurrent);
    s.preferences.failureTolerance = limit(options, "failureTolerance", s.preferences.failureTolerance);
    if (options.contains("mode")) {
        const std::string mode = get(options, "mode", std::string());
        if (mode != "strict" && mode != "soft")
            throw std::invalid_argument("--mode takes strict or soft, not \"" + mode + "\"");
        s.preferences.mode
            = mode == "soft" ? ConcurrencyMode::SoftFailureTolerance : ConcurrencyMode::StrictFailureTolerance;
    }
    if (options.contains("regionConcurrency")) {
        const std::string rc = get(options, "regionConcurrency", std::string());
        if (rc != "sequential" && rc != "parallel")
            throw std::invalid_argument("--region-concurrency takes sequential or parallel, not \"" + rc + "\"");
        s.preferences.parallelRegions = rc == "parallel";
    }
    for (const std::string &spec : get(options, "fail", std::vector<std::string>{}))
        s.failures.push_back(parseStackSetFailure(spec));
    if (options.contains("stopAt"))
        s.stopAt = get(options, "stopAt", Seconds(0));
    s.instanceSeconds = get(options, "instanceSeconds", s.instanceSeconds);
    s.notes.push_back("each stack instance operation is assumed to take " + std::to_string(s.instanceSeconds) + " s");
    return s;
}

RunCommandScenario runCommandScenario(const Json &options)
{
    allowOnly(options, "runcommand", {"targets", "maxConcurrency", "maxErrors", "fail", "invocationSeconds"});
    RunCommandScenario s;
    s.targets = get(options, "targets", 0);
    if (s.targets < 1)
        throw std::invalid_argument("the runcommand what-if needs the number of targets (--targets N)");
    s.maxConcurrency = limit(options, "maxConcurrency", s.maxConcurrency);
    s.maxErrors = limit(options, "maxErrors", s.maxErrors);
    s.failing = get(options, "fail", std::vector<int>{});
    s.invocationSeconds = get(options, "invocationSeconds", s.invocationSeconds);
    return s;
}

Json driftLiveCopy(const Json &root, const Json &options)
{
    allowOnly(options, "drift", {"set", "unset", "delete"});
    Json live = root;
    for (const auto &text : get(options, "set", std::vector<std::string>{}))
        applyLiveEdit(live, LiveEdit::parseSet(text));
    for (const auto &text : get(options, "unset", std::vector<std::string>{}))
        applyLiveEdit(live, LiveEdit::parseRemove(text));
    for (const auto &text : get(options, "delete", std::vector<std::string>{}))
        applyLiveEdit(live, LiveEdit::parseDelete(text));
    return live;
}

Json runWhatIf(const std::string &kind, const Json &root, const Json &options)
{
    if (kind == "deletion")
        return deletionResultToJson(simulateDeletion(root, deletionOptions(options)));
    if (kind == "stackset")
        return stackSetResultToJson(simulateStackSet(stackSetScenario(root, options)));
    if (kind == "runcommand")
        return runCommandResultToJson(simulateRunCommand(runCommandScenario(options)));
    if (kind == "drift")
        return driftResultToJson(detectDrift(root, driftLiveCopy(root, options)));
    if (kind == "import") {
        allowOnly(options, "import", {"automatic"});
        return importPlanToJson(planImport(root, get(options, "automatic", false)));
    }
    throw std::invalid_argument("unknown what-if \"" + kind + "\" (deletion, stackset, runcommand, drift or import)");
}

std::string runWhatIfText(const std::string &kind, const Json &root, const Json &options)
{
    if (kind == "deletion")
        return deletionResultToText(simulateDeletion(root, deletionOptions(options)));
    if (kind == "stackset")
        return stackSetResultToText(simulateStackSet(stackSetScenario(root, options)));
    if (kind == "runcommand")
        return runCommandResultToText(simulateRunCommand(runCommandScenario(options)));
    if (kind == "drift")
        return driftResultToText(detectDrift(root, driftLiveCopy(root, options)));
    if (kind == "import") {
        allowOnly(options, "import", {"automatic"});
        return importPlanToText(planImport(root, get(options, "automatic", false)));
    }
    throw std::invalid_argument("unknown what-if \"" + kind + "\" (deletion, stackset, runcommand, drift or import)");
}

} // namespace sc
