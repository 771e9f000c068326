#pragma once
// Works out a Scenario from the template for one target logical ID: the platform, the strategy
// the template configures (or AWS's default), the fleet size, the load balancer, alarms,
// rollback settings and hooks, following Ref/GetAtt between resources (deployment group ->
// Auto Scaling groups, alias UpdatePolicy -> deployment group, ECS service <- deployment group,
// Beanstalk environment -> configuration template). When the target cannot be deployed, build()
// throws ScenarioError saying what is missing.
//
// Deployable targets: AWS::CodeDeploy::DeploymentGroup, AWS::Lambda::Alias with
// UpdatePolicy.CodeDeployLambdaAliasUpdate, AWS::Serverless::Function with DeploymentPreference,
// AWS::ECS::Service with the CODE_DEPLOY controller, AWS::ElasticBeanstalk::Environment,
// AWS::AutoScaling::AutoScalingGroup with an UpdatePolicy, and a weighted AWS::Route53::RecordSet
// (the record receiving the new version) with its partner.

#include "model/rollout/scenario.h"
#include "model/rollout/templatelookup.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// A deployable resource as a strategy picker shows it.
struct DeployableTarget {
    std::string logicalId;
    std::string type;
    std::optional<Platform> platform;     // absent when the target cannot be deployed
    std::string strategy;                 // what the template configures, or AWS's default
    std::vector<std::string> strategies;  // every predefined or template configuration it takes
    std::vector<std::string> customForms; // canary:PERCENT:MINUTES, min-healthy:COUNT...
    std::string error;                    // why build() refuses it; empty when it builds
};

class PriceTable;

struct BuildOptions {
    std::optional<std::string> strategy; // a --strategy name; see parseStrategy()
    std::optional<int> instances;        // fleet size override
    const PriceTable *prices = nullptr;  // nullptr: the built-in table
};

class ScenarioBuilder {
public:
    explicit ScenarioBuilder(const Json &templateRoot);

    Scenario build(const std::string &target, const BuildOptions &options = {}) const;
    // Resources of a deployable kind, in template order (build() may still refuse one and say why).
    std::vector<std::string> deployableTargets() const;
    // The same, each with its platform and the strategies it can switch to (those build() accepts
    // for it), or the reason it cannot be deployed.
    std::vector<DeployableTarget> targets() const;

private:
    Scenario fromDeploymentGroup(const std::string &id, const BuildOptions &options) const;
    Scenario fromAlias(const std::string &id) const;
    Scenario fromServerlessFunction(const std::string &id) const;
    Scenario fromEcsService(const std::string &id) const;
    Scenario fromEcsNative(const std::string &id) const;
    Scenario fromBeanstalkEnvironment(const std::string &id) const;
    Scenario fromAutoScalingGroup(const std::string &id) const;
    Scenario fromRecordSet(const std::string &id) const;
    std::string weightedPartner(const std::string &recordId) const; // "" when there is none

    void readDeploymentGroup(const std::string &groupId, Scenario &scenario) const;
    Strategy deploymentConfig(const Json *value, Platform platform, const std::string &where) const;
    std::optional<Strategy> templateDeploymentConfig(const std::string &name, Platform platform) const;
    // The instances a deployment group reaches; with `scenario`, also their zones and hooks.
    int serverFleet(const std::string &groupId, std::string *how, Scenario *scenario = nullptr) const;
    int autoScalingCapacity(const std::string &asgId) const;
    void applyOptions(Scenario &scenario, const BuildOptions &options) const;
    // scenariobuilderfleet.cpp
    static bool codeDeployStrategyName(const std::string &name);
    void readLifecycleHooks(const std::string &asgId, Scenario &scenario) const;
    int availabilityZones(const std::string &asgId) const; // 0 when unknown
    const Json *launchTemplateOf(const std::string &asgId, std::string *version) const; // its LaunchTemplateData
    std::optional<std::string> instanceTypeOf(const std::string &asgId) const;
    bool refreshCanRollBack(const std::string &asgId) const;
    void readInstanceRefresh(const std::string &asgId, const Json *policy, Scenario &scenario) const;
    void readPrice(Scenario &scenario, const BuildOptions &options) const;
    std::map<std::string, std::string> beanstalkOptions(const std::string &envId) const; // "ns:name" -> value
    // The resources that carry the target's traffic (scenariotrafficpath.cpp).
    void readTrafficPath(Scenario &scenario) const;
    void readTrafficPathElements(Scenario &scenario) const;
    void addTargetGroupPath(Scenario &scenario, const std::string &targetGroup,
                            TrafficPathElement::Carries carries, const std::string &role) const;
    void addListenerPath(Scenario &scenario, const std::string &listener, bool test) const;
    void checkSupported(const Scenario &scenario) const;

    const Json &m_root;
    TemplateLookup m_lookup;
};

} // namespace sc
