#pragma once
// What is deployed how: the platform family of a target and the strategy that rolls a new
// version out on it, in AWS's words (a CodeDeploy deployment configuration, a Beanstalk
// DeploymentPolicy, an Auto Scaling UpdatePolicy, a Route 53 weight schedule).
// parseStrategy() accepts every name `stackcanvas simulate --strategy` documents.

#include "model/rollout/timeline.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sc {

enum class Platform { Server, Lambda, Ecs, ElasticBeanstalk, AutoScaling, Route53 };

std::string platformName(Platform platform); // Server, Lambda, ECS, ElasticBeanstalk, AutoScaling, Route53
Platform platformFromString(const std::string &text);

// CodeDeploy EC2/On-premises: MinimumHealthyHosts. OneAtATime is its own type because AWS
// reports it as MOST_CONCURRENCY and gives it a rule of its own (the last-instance exception).
struct MinimumHealthyHosts {
    enum class Type { HostCount, FleetPercent, OneAtATime };
    Type type = Type::OneAtATime;
    int value = 1;
    bool operator==(const MinimumHealthyHosts &) const = default;
};

// Lambda, ECS and Route 53: TrafficRoutingConfig.
struct TrafficRouting {
    enum class Type { AllAtOnce, TimeBasedCanary, TimeBasedLinear };
    Type type = Type::AllAtOnce;
    int percentage = 100;    // canary: first step; linear: added per step
    int intervalMinutes = 0; // canary: before the rest; linear: between steps
    bool operator==(const TrafficRouting &) const = default;
};

enum class BeanstalkPolicy { AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable,
                             TrafficSplitting, BlueGreen };
std::string policyName(BeanstalkPolicy policy);

enum class AutoScalingPolicy { RollingUpdate, ReplacingUpdate, InstanceRefresh };

// An ECS service's deployment: through CodeDeploy (controller CODE_DEPLOY, trafficRouting), or
// by ECS itself (controller ECS) with DeploymentConfiguration.Strategy (reference §11).
enum class EcsStrategy { CodeDeploy, Rolling, BlueGreen, Canary, Linear };
std::string ecsStrategyName(EcsStrategy strategy); // CODE_DEPLOY, ROLLING, BLUE_GREEN, CANARY, LINEAR

struct EcsDeployment {
    EcsStrategy strategy = EcsStrategy::CodeDeploy;
    double canaryPercent = 5;      // CanaryConfiguration defaults: 5 % for 10 minutes
    int canaryBakeMinutes = 10;
    double stepPercent = 10;       // LinearConfiguration defaults: 10 % every 6 minutes
    int stepBakeMinutes = 6;
    int minimumHealthyPercent = 100; // ROLLING
    int maximumPercent = 200;
    bool circuitBreaker = false;     // DeploymentCircuitBreaker.Enable
    bool circuitBreakerRollback = false;
    bool operator==(const EcsDeployment &) const = default;
};

// Auto Scaling instance refresh (UpdatePolicy AutoScalingInstanceRefresh, RefreshPreferences;
// reference §12). Warmup, checkpoint delay and bake time are timings (refresh.*).
struct InstanceRefreshPreferences {
    int minHealthyPercentage = 90;
    int maxHealthyPercentage = 100;
    std::vector<int> checkpointPercentages;
    bool skipMatching = false;
    int matchingInstances = 0; // instances already on the desired configuration
    bool operator==(const InstanceRefreshPreferences &) const = default;
};

// CodeDeploy ZonalConfig (reference §1.3): one Availability Zone at a time.
struct ZonalConfig {
    bool enabled = false;
    Seconds monitorSeconds = 0;                      // MonitorDurationInSeconds: bake after each zone
    std::optional<Seconds> firstZoneMonitorSeconds;  // FirstZoneMonitorDurationInSeconds
    MinimumHealthyHosts minimumHealthyHostsPerZone{MinimumHealthyHosts::Type::FleetPercent, 0};
    bool operator==(const ZonalConfig &) const = default;
};

struct Strategy {
    std::string name; // as the user and AWS call it
    MinimumHealthyHosts minimumHealthyHosts;
    TrafficRouting trafficRouting;
    BeanstalkPolicy beanstalkPolicy = BeanstalkPolicy::AllAtOnce;
    bool batchSizeFixed = false; // BatchSizeType Fixed, else Percentage
    int batchSize = 100;
    int newVersionPercent = 10;   // TrafficSplitting
    int evaluationTimeMinutes = 5; // TrafficSplitting
    AutoScalingPolicy autoScalingPolicy = AutoScalingPolicy::RollingUpdate;
    int maxBatchSize = 1;            // AutoScalingRollingUpdate
    int minInstancesInService = 0;   // AutoScalingRollingUpdate
    int minSuccessfulInstancesPercent = 100;
    InstanceRefreshPreferences refresh;
    EcsDeployment ecs;
    ZonalConfig zonal;
    bool operator==(const Strategy &) const = default;
};

class StrategyError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The strategy AWS uses on a platform when the template names none.
Strategy defaultStrategy(Platform platform);
// Resolves a --strategy NAME for a platform, keeping settings of `base` that the name does not
// fix (a Beanstalk "Rolling" keeps the template's BatchSize). Throws StrategyError with a
// message that names the platform and the accepted forms.
Strategy parseStrategy(const std::string &name, Platform platform, const Strategy &base);
// Predefined CodeDeploy configuration by its AWS name; false if the name is not one.
bool predefinedCodeDeployConfig(const std::string &name, Platform *platform, Strategy *strategy);
std::vector<std::string> predefinedStrategyNames(Platform platform);
// The custom forms parseStrategy() accepts on a platform, as a picker shows them
// ("canary:PERCENT:MINUTES"...).
std::vector<std::string> customStrategyForms(Platform platform);

// One step of a traffic schedule: at `offset` seconds after the first shift, the new version
// receives `percent` of the traffic.
struct TrafficStep {
    Seconds offset = 0;
    double percent = 0;
};
// Canary = exactly two shifts; linear = equal steps at equal intervals until 100 %.
std::vector<TrafficStep> trafficSchedule(const TrafficRouting &routing);

} // namespace sc
