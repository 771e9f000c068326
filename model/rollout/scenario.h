#pragma once
// One rehearsal of a deployment: the target, the strategy, the fleet, the timing model and the
// failures to inject. A Scenario is built from the template (ScenarioBuilder) or by hand, can be
// changed freely (strategy, fleet size, timings, failures) and is stored in the template's
// Metadata.StackCanvas.scenarios (scenarioToJson / scenarioFromJson).

#include "model/rollout/strategy.h"
#include "model/rollout/timingmodel.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

struct InjectedFailure {
    enum class Kind { Instance, Hook, Alarm };
    Kind kind = Kind::Instance;
    int instance = 1;        // Instance: the K-th instance or task to receive the new revision
    std::string hook;        // Hook: the lifecycle event whose hook reports Failed
    bool hookTimesOut = false; // Hook: reports nothing at all (fails after lambda.hookTimeout)
    Seconds atSeconds = 0;   // Alarm: when a watched alarm enters ALARM
    bool operator==(const InjectedFailure &) const = default;
};

// Parses the --fail forms instance:K, hook:NAME[:timeout], alarm:SECONDS.
InjectedFailure parseFailure(const std::string &spec); // throws std::invalid_argument
std::string failureSpec(const InjectedFailure &failure);

// AutoRollbackConfiguration.
struct RollbackConfig {
    bool enabled = false;
    bool onFailure = false; // DEPLOYMENT_FAILURE
    bool onAlarm = false;   // DEPLOYMENT_STOP_ON_ALARM
    bool onRequest = false; // DEPLOYMENT_STOP_ON_REQUEST
    bool operator==(const RollbackConfig &) const = default;
};

// CodeDeploy EC2 blue/green: BlueGreenDeploymentConfiguration.
struct BlueGreenOptions {
    bool copyAutoScalingGroup = true;   // COPY_AUTO_SCALING_GROUP, else DISCOVER_EXISTING
    bool waitForApproval = false;       // DeploymentReadyOption STOP_DEPLOYMENT
    bool terminateOriginals = true;     // TERMINATE, else KEEP_ALIVE
    bool operator==(const BlueGreenOptions &) const = default;
};

struct Scenario {
    std::string target;
    Platform platform = Platform::Server;
    Strategy strategy;
    bool blueGreen = false;     // Server: DeploymentStyle BLUE_GREEN
    int instances = 1;          // fleet size: instances, tasks; 0 for Lambda and Route 53
    int maxInstances = 0;       // MaxSize where the platform may add instances (0 = unbounded)
    bool loadBalancer = false;  // traffic events / draining apply
    std::string loadBalancerType; // classic, application or network, when the template says
    bool testListener = false;  // ECS: optional test traffic route
    bool waitOnResourceSignals = false; // Auto Scaling rolling update
    bool ignoreHealthCheck = false;     // Beanstalk
    BlueGreenOptions blueGreenOptions;
    RollbackConfig rollback;
    bool alarmsEnabled = false;
    std::vector<std::string> alarms; // names of the watched CloudWatch alarms
    std::vector<std::string> hooks;  // lifecycle events with a hook function (Lambda, ECS)
    TimingModel timing;
    std::vector<InjectedFailure> failures;
    std::vector<std::string> notes; // what was read from the template or assumed, for the user

    bool watchesAlarms() const { return alarmsEnabled && !alarms.empty(); }
    bool hasHook(const std::string &event) const;
    bool operator==(const Scenario &) const = default;
};

class ScenarioError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The lifecycle events a hook failure may name on a platform.
std::vector<std::string> hookableEvents(const Scenario &scenario);
// Throws ScenarioError naming the first problem (a failure that does not apply, a fleet of 0...).
void validateScenario(const Scenario &scenario);

Json scenarioToJson(const Scenario &scenario);
Scenario scenarioFromJson(const Json &json); // throws ScenarioError

// Saved scenarios live in the template at /Metadata/StackCanvas/scenarios as {name: scenario}.
std::vector<std::pair<std::string, Scenario>> savedScenarios(const Json &templateRoot);
// The template with `scenario` stored under `name` (replacing one of that name).
Json withSavedScenario(Json templateRoot, const std::string &name, const Scenario &scenario);

} // namespace sc

namespace sc {

// The injected failures, as the strategies ask for them.
bool instanceFails(const Scenario &scenario, int ordinal);             // instance:K given
std::optional<int> firstFailingInstance(const Scenario &scenario);
const InjectedFailure *hookFailure(const Scenario &scenario, const std::string &event);
std::optional<Seconds> alarmTime(const Scenario &scenario);             // earliest alarm:SECONDS

} // namespace sc
