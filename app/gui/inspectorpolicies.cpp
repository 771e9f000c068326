// The UpdatePolicy and CreationPolicy schema. Sources:
//   UpdatePolicy   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatepolicy.html
//   CreationPolicy https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-creationpolicy.html
//   process names  https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-suspend-resume-processes.html
// The UpdatePolicy page (TemplateReference/aws-attribute-updatepolicy.html) lists, beside Auto
// Scaling groups and Lambda aliases:
//   AWS::ElastiCache::ReplicationGroup   UseOnlineResharding: Boolean. True: NumNodeGroups and
//       NodeGroupConfiguration change without interruption; false or absent: the group is replaced.
//   AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain (legacy)   EnableVersionUpgrade:
//       Boolean. True: EngineVersion (ElasticsearchVersion) changes in place; false or absent: the
//       domain is replaced.
//   AWS::AppStream::Fleet   StopBeforeUpdate and StartAfterUpdate, both optional, each written
//       (as the page's syntax shows) as an object with one Boolean setting named Type. The page
//       gives no default; absent means CloudFormation neither stops nor starts the fleet.
// CreationPolicy: Auto Scaling groups, EC2 instances and wait conditions.
#include "app/gui/inspectorpolicies.h"

#include <map>
#include <string>

namespace sc::inspectorpolicies {

namespace {

PropertySpec scalar(std::string name, std::string type, std::string documentation, bool required = false)
{
    PropertySpec p;
    p.name = std::move(name);
    p.type = std::move(type);
    p.required = required;
    p.documentation = std::move(documentation);
    return p;
}

PropertySpec nested(std::string name, std::string documentation)
{
    PropertySpec p = scalar(name, name, std::move(documentation));
    p.itemIsPrimitive = false;
    return p;
}

PropertyTypeSpec typeOf(std::string name, std::vector<PropertySpec> properties)
{
    PropertyTypeSpec t;
    t.name = std::move(name);
    t.properties = std::move(properties);
    return t;
}

struct Schema {
    std::map<std::string, PropertyTypeSpec, std::less<>> types;
    PropertyTypeSpec groupUpdate, aliasUpdate, groupCreation, signalCreation;
    PropertyTypeSpec replicationGroupUpdate, searchDomainUpdate, fleetUpdate;
};

const Schema &schema()
{
    static const Schema s = [] {
        Schema out;
        PropertySpec suspend = scalar("SuspendProcesses", "String",
                                      "Auto Scaling processes suspended while the update runs, so that scaling "
                                      "or health checks do not interfere with it.");
        suspend.kind = PropertySpec::Kind::List;
        suspend.enumValues = {"Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy", "AZRebalance",
                              "AlarmNotification", "ScheduledActions", "AddToLoadBalancer", "InstanceRefresh"};
        out.types["AutoScalingRollingUpdate"] = typeOf(
            "AutoScalingRollingUpdate",
            {scalar("MaxBatchSize", "Integer", "How many instances CloudFormation replaces at a time (default 1)."),
             scalar("MinInstancesInService", "Integer",
                    "How many instances stay in service while old ones are replaced (default 0)."),
             scalar("MinSuccessfulInstancesPercent", "Integer",
                    "With WaitOnResourceSignals: the percentage of new instances that must signal success "
                    "(default 100)."),
             scalar("PauseTime", "String",
                    "Wait after each batch, an ISO 8601 duration such as PT5M (default PT0S; PT5M with "
                    "WaitOnResourceSignals; at most PT1H)."),
             suspend,
             scalar("WaitOnResourceSignals", "Boolean",
                    "Wait for a success signal from each new instance (cfn-signal) before the next batch.")});
        out.types["AutoScalingReplacingUpdate"] = typeOf(
            "AutoScalingReplacingUpdate",
            {scalar("WillReplace", "Boolean",
                    "Replace the whole group with a new one and keep the old group until the new one is ready.")});
        out.types["AutoScalingScheduledAction"] = typeOf(
            "AutoScalingScheduledAction",
            {scalar("IgnoreUnmodifiedGroupSizeProperties", "Boolean",
                    "Keep the group's current size when a stack update leaves MinSize, MaxSize and "
                    "DesiredCapacity unchanged, so scheduled actions are not undone.")});
        out.types["CodeDeployLambdaAliasUpdate"] = typeOf(
            "CodeDeployLambdaAliasUpdate",
            {scalar("ApplicationName", "String", "The CodeDeploy application that shifts the alias's traffic.", true),
             scalar("DeploymentGroupName", "String", "The CodeDeploy deployment group, with its deployment configuration.",
                    true),
             scalar("BeforeAllowTrafficHook", "String", "A Lambda function CodeDeploy runs before traffic shifts."),
             scalar("AfterAllowTrafficHook", "String", "A Lambda function CodeDeploy runs after traffic has shifted.")});
        out.types["ResourceSignal"] = typeOf(
            "ResourceSignal",
            {scalar("Count", "Integer", "How many success signals CloudFormation waits for (default 1)."),
             scalar("Timeout", "String",
                    "How long CloudFormation waits for them, an ISO 8601 duration (default PT5M, at most PT12H).")});
        out.types["AutoScalingCreationPolicy"] = typeOf(
            "AutoScalingCreationPolicy",
            {scalar("MinSuccessfulInstancesPercent", "Integer",
                    "For a replacing update: the percentage of new instances that must signal success (default 100).")});

        out.groupUpdate = typeOf(
            "UpdatePolicy",
            {nested("AutoScalingReplacingUpdate", "Replace the Auto Scaling group on update instead of its instances."),
             nested("AutoScalingRollingUpdate", "Replace the group's instances in batches on update."),
             nested("AutoScalingScheduledAction", "How updates treat a group that has scheduled actions.")});
        out.aliasUpdate = typeOf(
            "UpdatePolicy",
            {nested("CodeDeployLambdaAliasUpdate", "Shift the alias to a new version through a CodeDeploy deployment.")});
        out.types["StopBeforeUpdate"] = typeOf(
            "StopBeforeUpdate",
            {scalar("Type", "Boolean", "True: CloudFormation stops the fleet before it updates it (the setting's name, "
                                       "Type, is the one AWS documents).")});
        out.types["StartAfterUpdate"] = typeOf(
            "StartAfterUpdate",
            {scalar("Type", "Boolean", "True: CloudFormation starts the fleet again after the update, so its instances "
                                       "are replaced and run the new settings at once.")});
        out.replicationGroupUpdate = typeOf(
            "UpdatePolicy",
            {scalar("UseOnlineResharding", "Boolean",
                    "True: changes to NumNodeGroups and NodeGroupConfiguration add or remove shards without "
                    "interruption. False or absent: such a change replaces the whole replication group.")});
        out.searchDomainUpdate = typeOf(
            "UpdatePolicy",
            {scalar("EnableVersionUpgrade", "Boolean",
                    "True: a new engine version upgrades the domain in place, keeping its endpoint. False or "
                    "absent: a version change replaces the domain with a new one.")});
        out.fleetUpdate = typeOf(
            "UpdatePolicy",
            {nested("StopBeforeUpdate", "Stop the fleet before the update."),
             nested("StartAfterUpdate", "Start the fleet after the update, replacing its instances.")});
        out.groupCreation = typeOf(
            "CreationPolicy",
            {nested("AutoScalingCreationPolicy", "How many new instances must succeed in a replacing update."),
             nested("ResourceSignal", "Wait for success signals before the group counts as created.")});
        out.signalCreation = typeOf(
            "CreationPolicy", {nested("ResourceSignal", "Wait for success signals before the resource counts as created.")});
        return out;
    }();
    return s;
}

} // namespace

const PropertyTypeSpec *attribute(std::string_view name, std::string_view resourceType)
{
    const Schema &s = schema();
    if (name == "UpdatePolicy") {
        if (resourceType == "AWS::AutoScaling::AutoScalingGroup")
            return &s.groupUpdate;
        if (resourceType == "AWS::Lambda::Alias")
            return &s.aliasUpdate;
        if (resourceType == "AWS::ElastiCache::ReplicationGroup")
            return &s.replicationGroupUpdate;
        if (resourceType == "AWS::OpenSearchService::Domain" || resourceType == "AWS::Elasticsearch::Domain")
            return &s.searchDomainUpdate;
        if (resourceType == "AWS::AppStream::Fleet")
            return &s.fleetUpdate;
    } else if (name == "CreationPolicy") {
        if (resourceType == "AWS::AutoScaling::AutoScalingGroup")
            return &s.groupCreation;
        if (resourceType == "AWS::EC2::Instance" || resourceType == "AWS::CloudFormation::WaitCondition")
            return &s.signalCreation;
    }
    return nullptr;
}

std::optional<Json> defaultValue(std::string_view setting)
{
    if (setting == "MaxBatchSize" || setting == "Count")
        return Json(1);
    if (setting == "MinInstancesInService")
        return Json(0);
    if (setting == "MinSuccessfulInstancesPercent")
        return Json(100);
    if (setting == "PauseTime")
        return Json("PT0S");
    if (setting == "Timeout")
        return Json("PT5M");
    if (setting == "WillReplace")
        return Json(true); // adding the replacing policy means wanting it on
    if (setting == "StopBeforeUpdate" || setting == "StartAfterUpdate")
        return Json{{"Type", true}}; // adding one means wanting the fleet stopped (started)
    return std::nullopt;
}

std::optional<Json> attributeDefault(std::string_view name, std::string_view resourceType)
{
    if (name != "UpdatePolicy")
        return std::nullopt;
    // A policy of plain switches is added switched on: that is what adding it is for, and it
    // takes one step instead of an empty policy and then a switch.
    if (resourceType == "AWS::ElastiCache::ReplicationGroup")
        return Json{{"UseOnlineResharding", true}};
    if (resourceType == "AWS::OpenSearchService::Domain" || resourceType == "AWS::Elasticsearch::Domain")
        return Json{{"EnableVersionUpgrade", true}};
    if (resourceType == "AWS::AppStream::Fleet")
        return Json{{"StopBeforeUpdate", {{"Type", true}}}, {"StartAfterUpdate", {{"Type", true}}}};
    return std::nullopt;
}

const PropertyTypeSpec *type(std::string_view name)
{
    const auto &types = schema().types;
    const auto it = types.find(name);
    return it != types.end() ? &it->second : nullptr;
}

} // namespace sc::inspectorpolicies
