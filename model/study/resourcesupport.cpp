#include "model/study/resourcesupport.h"

#include <algorithm>
#include <array>

namespace sc {

namespace {

struct Entry {
    std::string_view type;
    std::string_view identifiers; // comma-separated primaryIdentifier
};

// Types listed by AWS as supporting import and drift detection (see the header), with their
// registry primaryIdentifier. Sorted by type for the lookup.
constexpr std::array kSupported{
    Entry{"AWS::ApiGateway::Deployment", "DeploymentId,RestApiId"},
    Entry{"AWS::ApiGateway::RestApi", "RestApiId"},
    Entry{"AWS::ApiGateway::Stage", "RestApiId,StageName"},
    Entry{"AWS::AutoScaling::AutoScalingGroup", "AutoScalingGroupName"},
    Entry{"AWS::AutoScaling::LaunchConfiguration", "LaunchConfigurationName"},
    Entry{"AWS::AutoScaling::LifecycleHook", "AutoScalingGroupName,LifecycleHookName"},
    Entry{"AWS::AutoScaling::ScalingPolicy", "Arn"},
    Entry{"AWS::CloudFormation::Stack", "StackId"},
    Entry{"AWS::CloudFormation::StackSet", "StackSetId"},
    Entry{"AWS::CloudWatch::Alarm", "AlarmName"},
    Entry{"AWS::CloudWatch::CompositeAlarm", "AlarmName"},
    Entry{"AWS::DynamoDB::Table", "TableName"},
    Entry{"AWS::EC2::EIP", "PublicIp,AllocationId"},
    Entry{"AWS::EC2::Instance", "InstanceId"},
    Entry{"AWS::EC2::InternetGateway", "InternetGatewayId"},
    Entry{"AWS::EC2::NatGateway", "NatGatewayId"},
    Entry{"AWS::EC2::RouteTable", "RouteTableId"},
    Entry{"AWS::EC2::SecurityGroup", "Id"},
    Entry{"AWS::EC2::Subnet", "SubnetId"},
    Entry{"AWS::EC2::VPC", "VpcId"},
    Entry{"AWS::EC2::Volume", "VolumeId"},
    Entry{"AWS::ECS::CapacityProvider", "Name"},
    Entry{"AWS::ECS::Cluster", "ClusterName"},
    Entry{"AWS::ECS::Service", "ServiceArn,Cluster"},
    Entry{"AWS::ECS::TaskDefinition", "TaskDefinitionArn"},
    Entry{"AWS::ECS::TaskSet", "Cluster,Service,Id"},
    Entry{"AWS::EFS::FileSystem", "FileSystemId"},
    Entry{"AWS::ElasticLoadBalancing::LoadBalancer", "LoadBalancerName"},
    Entry{"AWS::ElasticLoadBalancingV2::Listener", "ListenerArn"},
    Entry{"AWS::ElasticLoadBalancingV2::ListenerRule", "RuleArn"},
    Entry{"AWS::ElasticLoadBalancingV2::LoadBalancer", "LoadBalancerArn"},
    Entry{"AWS::Events::Rule", "Arn"},
    Entry{"AWS::IAM::Group", "GroupName"},
    Entry{"AWS::IAM::InstanceProfile", "InstanceProfileName"},
    Entry{"AWS::IAM::ManagedPolicy", "PolicyArn"},
    Entry{"AWS::IAM::Role", "RoleName"},
    Entry{"AWS::IAM::User", "UserName"},
    Entry{"AWS::KMS::Key", "KeyId"},
    Entry{"AWS::Lambda::Alias", "AliasArn"},
    Entry{"AWS::Lambda::Function", "FunctionName"},
    Entry{"AWS::Lambda::Version", "FunctionArn"},
    Entry{"AWS::Logs::LogGroup", "LogGroupName"},
    Entry{"AWS::RDS::DBCluster", "DBClusterIdentifier"},
    Entry{"AWS::RDS::DBInstance", "DBInstanceIdentifier"},
    Entry{"AWS::Route53::HostedZone", "Id"},
    Entry{"AWS::S3::Bucket", "BucketName"},
    Entry{"AWS::SNS::Topic", "TopicArn"},
    Entry{"AWS::SQS::Queue", "QueueUrl"},
    Entry{"AWS::SSM::Association", "AssociationId"},
    Entry{"AWS::SecretsManager::ResourcePolicy", "Id"},
    Entry{"AWS::SecretsManager::RotationSchedule", "Id"},
    Entry{"AWS::ServiceCatalog::CloudFormationProvisionedProduct", "ProvisionedProductId"},
    Entry{"AWS::Synthetics::Canary", "Name"},
};
static_assert(std::is_sorted(kSupported.begin(), kSupported.end(),
                             [](const Entry &a, const Entry &b) { return a.type < b.type; }));

std::vector<std::string> split(std::string_view text)
{
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        out.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return out;
}

ResourceSupport lookup(std::string_view type, const char *operation)
{
    const std::string op = operation;
    if (type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource")
        return {Support::NotSupported,
                {},
                "a custom resource exists only through its provider: CloudFormation cannot " + op + " it"};
    if (type.starts_with("AWS::Serverless::"))
        return {Support::NotSupported,
                {},
                "a SAM resource is expanded by the transform: " + op + " works on the resources it generates"};
    const auto it = std::lower_bound(kSupported.begin(), kSupported.end(), type,
                                     [](const Entry &e, std::string_view t) { return e.type < t; });
    if (it != kSupported.end() && it->type == type)
        return {Support::Supported, split(it->identifiers), "AWS lists this type as supporting " + op};
    return {Support::Unknown,
            {},
            "not in StackCanvas's table of types that support " + op + "; check AWS's Resource type support page"};
}

} // namespace

ResourceSupport importSupport(std::string_view type)
{
    return lookup(type, "import");
}

ResourceSupport driftSupport(std::string_view type)
{
    return lookup(type, "drift detection");
}

} // namespace sc
