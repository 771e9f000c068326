#pragma once
// One rehearsal of a deployment: the target, the strategy, the fleet, the timing model, the
// failures to inject and the operator's actions. A Scenario is built from the template
// (ScenarioBuilder) or by hand, can be changed freely (strategy, fleet size, timings, failures,
// actions) and is stored in the template's Metadata.StackCanvas.scenarios (scenarioToJson /
// scenarioFromJson).

#include "model/rollout/strategy.h"
#include "model/rollout/timingmodel.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

// The largest fleet the simulator plays (instances or tasks). Up to it, every platform and
// strategy simulates in about a second and a few hundred MB at most (one CodeDeploy batch per
// instance is the worst case: tests/bench/bench_rollout); build() and validateScenario() refuse
// more, and `simulate --instances` checks it before reading the template.
inline constexpr int kMaxFleet = 10000;

struct InjectedFailure {
    enum class Kind { Instance, Hook, Alarm };
    Kind kind = Kind::Instance;
    int instance = 1;        // Instance: the K-th instance or task to receive the new revision
    bool andLater = false;   // Instance: instance:K+ = the K-th and every later one (a bad revision)
    std::string hook;        // Hook: the lifecycle event whose hook reports Failed
    bool hookTimesOut = false; // Hook: reports nothing at all (fails after lambda.hookTimeout)
    Seconds atSeconds = 0;   // Alarm: when a watched alarm enters ALARM
    bool operator==(const InjectedFailure &) const = default;
};

// Parses the --fail forms instance:K, instance:K+, hook:NAME[:timeout], alarm:SECONDS.
InjectedFailure parseFailure(const std::string &spec); // throws std::invalid_argument
std::string failureSpec(const InjectedFailure &failure);

// What an operator does during the deployment, where AWS offers the control: stop it
// (CodeDeploy StopDeployment, CancelInstanceRefresh), roll it back (StopDeployment with
// rollback, StopServiceDeployment ROLLBACK, AbortEnvironmentUpdate, CancelUpdateStack,
// RollbackInstanceRefresh, reweighting a record), or continue a CodeDeploy blue/green wait
// (ContinueDeployment: READY_WAIT with DeploymentReadyOption STOP_DEPLOYMENT, or
// TERMINATION_WAIT to terminate the originals early). validateScenario() refuses an action on
// a platform that has no such control and says which one it has.
struct OperatorAction {
    enum class Kind { Stop, Rollback, Continue };
    Kind kind = Kind::Stop;
    Seconds atSeconds = 0;
    bool operator==(const OperatorAction &) const = default;
};

// Parses the --action forms stop:SECONDS, rollback:SECONDS, continue:SECONDS.
OperatorAction parseAction(const std::string &spec); // throws std::invalid_argument
std::string actionSpec(const OperatorAction &action);
std::string actionName(OperatorAction::Kind kind); // stop, rollback, continue
struct Scenario;
// Why AWS offers no such control on the scenario's target, naming the one it has; empty when
// the control exists (what a view offers as buttons, and what validateScenario() refuses).
std::string actionUnavailable(const Scenario &scenario, OperatorAction::Kind kind);

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

// A resource of the template that carries the deployment's traffic (load balancer, listener,
// listener rule, target group, alias, function, weighted record, Beanstalk environment CNAME),
// and which version's traffic goes through it: both (a listener, an alias), or one of them (the
// target group of the original or of the replacement task set, each weighted record). A test
// route carries test traffic (ECS test listener) instead of production traffic.
struct TrafficPathElement {
    enum class Carries { Both, Original, Replacement };
    std::string logicalId;
    std::string type; // the CloudFormation type
    std::string role; // in the user's words: "production listener", "target group (green)"...
    Carries carries = Carries::Both;
    bool test = false;
    bool operator==(const TrafficPathElement &) const = default;
};

// What one unit of the fleet costs (see pricetable.h): per hour for an instance or a task, per
// invocation and second for a Lambda hook function.
struct UnitPrice {
    double usdPerUnitHour = 0;
    double usdPerRequest = 0;
    double usdPerInvocationSecond = 0;
    std::string basis; // "t3.medium on demand, us-east-1, prices read 2026-12-05"
    bool operator==(const UnitPrice &) const = default;
};

// An Auto Scaling lifecycle hook of the target's group (AWS::AutoScaling::LifecycleHook or
// LifecycleHookSpecificationList; reference §8.2): a launching instance waits in Pending:Wait, a
// terminating one in Terminating:Wait, until the hook's handler completes the action
// (asg.lifecycleAction) or HeartbeatTimeout passes and DefaultResult applies.
struct LifecycleHookSpec {
    std::string name;
    bool launching = true;       // autoscaling:EC2_INSTANCE_LAUNCHING, else TERMINATING
    Seconds heartbeatSeconds = 3600;
    bool defaultContinue = false; // DefaultResult CONTINUE; ABANDON is the API default
    bool operator==(const LifecycleHookSpec &) const = default;
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
    std::vector<std::string> hooks;  // lifecycle events or ECS stages with a hook function
    std::vector<LifecycleHookSpec> lifecycleHooks; // the Auto Scaling group's hooks
    int zones = 0;                   // Availability Zones of the fleet (zonal deployments); 0 unknown
    bool rollbackSupported = true;   // instance refresh: false with $Latest/$Default or an SSM AMI
    TimingModel timing;
    std::vector<InjectedFailure> failures;
    std::vector<OperatorAction> actions;
    std::vector<TrafficPathElement> trafficPath;
    std::optional<UnitPrice> price;
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
const OperatorAction *firstAction(const Scenario &scenario, OperatorAction::Kind kind);
// The first ContinueDeployment at or after `from`, if any.
std::optional<Seconds> continueAt(const Scenario &scenario, Seconds from);

} // namespace sc
