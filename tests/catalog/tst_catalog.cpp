// Catalog tests: every type loads, the overlay agrees with the specification, connection rules
// point at real properties and attributes, and a sample of types matches db.json.gz itself.

#include "model/catalog/catalog.h"
#include "specdatabase.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

using namespace sc;

namespace {

const std::vector<std::string> deepKinds = {
    "AWS::ElasticBeanstalk::Application", "AWS::ElasticBeanstalk::ApplicationVersion",
    "AWS::ElasticBeanstalk::ConfigurationTemplate", "AWS::ElasticBeanstalk::Environment",
    "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::EC2::EIP", "AWS::EC2::SecurityGroup",
    "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::AutoScaling::AutoScalingGroup",
    "AWS::AutoScaling::LifecycleHook", "AWS::AutoScaling::ScalingPolicy",
    "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule", "AWS::ElasticLoadBalancingV2::TargetGroup",
    "AWS::Lambda::Function", "AWS::Lambda::Version", "AWS::Lambda::Alias",
    "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Permission", "AWS::Serverless::Function",
    "AWS::Serverless::Api", "AWS::Serverless::SimpleTable", "AWS::Serverless::StateMachine",
    "AWS::ECS::Cluster", "AWS::ECS::TaskDefinition", "AWS::ECS::Service", "AWS::ECS::TaskSet",
    "AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentGroup",
    "AWS::CodeDeploy::DeploymentConfig", "AWS::CloudFormation::Stack",
    "AWS::CloudFormation::StackSet", "AWS::CloudFormation::CustomResource",
    "AWS::CloudFormation::WaitCondition", "AWS::CloudFormation::WaitConditionHandle",
    "AWS::ServiceCatalog::Portfolio", "AWS::ServiceCatalog::CloudFormationProduct",
    "AWS::ServiceCatalog::PortfolioProductAssociation",
    "AWS::ServiceCatalog::PortfolioPrincipalAssociation",
    "AWS::ServiceCatalog::LaunchRoleConstraint", "AWS::ServiceCatalog::LaunchNotificationConstraint",
    "AWS::ServiceCatalog::LaunchTemplateConstraint", "AWS::ServiceCatalog::StackSetConstraint",
    "AWS::ServiceCatalog::ResourceUpdateConstraint", "AWS::ServiceCatalog::TagOption",
    "AWS::ServiceCatalog::TagOptionAssociation", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy",
    "AWS::DynamoDB::Table", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster",
    "AWS::RDS::DBSubnetGroup", "AWS::S3::Bucket", "AWS::S3::BucketPolicy",
    "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
    "AWS::Redshift::Cluster", "AWS::Route53::HostedZone", "AWS::Route53::RecordSet",
    "AWS::CloudWatch::Alarm", "AWS::Events::Rule", "AWS::SecretsManager::Secret",
    "AWS::SecretsManager::SecretTargetAttachment", "AWS::SSM::Document", "AWS::SSM::Association",
    "AWS::SSM::Parameter", "AWS::SSM::MaintenanceWindow", "AWS::SSM::MaintenanceWindowTarget",
    "AWS::SSM::MaintenanceWindowTask", "AWS::SSM::PatchBaseline",
    "AWS::ServiceDiscovery::HttpNamespace", "AWS::ServiceDiscovery::PrivateDnsNamespace",
    "AWS::ServiceDiscovery::PublicDnsNamespace", "AWS::ServiceDiscovery::Service",
    "AWS::ServiceDiscovery::Instance", "AWS::IAM::Role", "AWS::IAM::InstanceProfile",
    "AWS::IAM::Policy", "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Stage",
    "AWS::ApiGateway::Deployment", "AWS::CodeCommit::Repository", "AWS::CodeBuild::Project",
    "AWS::CodePipeline::Pipeline", "AWS::SNS::Topic", "AWS::Logs::LogGroup"};

const std::set<std::string> rolloutStrategies = {
    "CodeDeployInPlace", "CodeDeployBlueGreen", "LambdaTrafficShifting", "EcsBlueGreen",
    "BeanstalkAllAtOnce", "BeanstalkRolling", "BeanstalkRollingWithAdditionalBatch",
    "BeanstalkImmutable", "BeanstalkTrafficSplitting", "BeanstalkBlueGreen",
    "AutoScalingRollingUpdate", "AutoScalingReplacingUpdate", "Route53Weighted"};

// Types the specification defines without any property.
const std::set<std::string> propertyLess = {
    "AWS::CloudFormation::WaitConditionHandle", "AWS::DevOpsGuru::LogAnomalyDetectionIntegration",
    "AWS::ApplicationSignals::Discovery", "AWS::Route53::DelegationSet"};

bool isIndex(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> split(const std::string &path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
        parts.push_back(path.substr(start, slash - start));
    parts.push_back(path.substr(start));
    return parts;
}

// Walks a rule path through the spec; returns an empty string when it is sound, else why not.
std::string checkPath(const ResourceTypeSpec &spec, const std::string &path)
{
    const std::vector<std::string> parts = split(path);
    const std::vector<PropertySpec> *props = &spec.properties;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto it = std::find_if(props->begin(), props->end(),
                               [&](const PropertySpec &p) { return p.name == parts[i]; });
        if (it == props->end())
            return "no property " + parts[i];
        const PropertySpec &p = *it;
        if (p.kind == PropertySpec::Kind::Json)
            return {}; // free-form below this point
        std::size_t next = i + 1;
        if (p.kind == PropertySpec::Kind::List) {
            if (next < parts.size() && (parts[next] == "-" || isIndex(parts[next])))
                ++next;
            else if (next < parts.size())
                return parts[i] + " is a list but the path does not index it";
        } else if (next < parts.size() && (parts[next] == "-" || isIndex(parts[next]))) {
            return parts[i] + " is not a list";
        }
        if (next >= parts.size())
            return {};
        if (p.itemIsPrimitive)
            return parts[i] + " has no members";
        const PropertyTypeSpec *nested = spec.propertyType(p.type);
        if (!nested)
            return "unknown nested type " + p.type;
        props = &nested->properties;
        i = next - 1;
    }
    return {};
}

// Checks an overlay default value against the spec: known names, nested objects recursively.
void checkValue(const ResourceTypeSpec &spec, const std::vector<PropertySpec> &props, const Json &value,
                const std::string &where, std::vector<std::string> &errors)
{
    for (const auto &[key, v] : value.items()) {
        auto it = std::find_if(props.begin(), props.end(), [&, &key = key](const PropertySpec &p) { return p.name == key; });
        if (it == props.end()) {
            errors.push_back(where + "/" + key + ": unknown property");
            continue;
        }
        if (it->itemIsPrimitive || it->kind == PropertySpec::Kind::Json || it->kind == PropertySpec::Kind::Map)
            continue;
        const PropertyTypeSpec *nested = spec.propertyType(it->type);
        if (!nested)
            continue;
        if (it->kind == PropertySpec::Kind::List && v.is_array()) {
            for (std::size_t i = 0; i < v.size(); ++i)
                if (v[i].is_object())
                    checkValue(spec, nested->properties, v[i], where + "/" + key + "/" + std::to_string(i), errors);
        } else if (v.is_object() && v.size() != 1) { // a one-key object may be an intrinsic
            checkValue(spec, nested->properties, v, where + "/" + key, errors);
        }
    }
}

// Collects (path, target) of every Ref / Fn::GetAtt to a logical ID in a value.
void references(const Json &v, const std::string &path, std::vector<std::pair<std::string, std::string>> &out)
{
    if (v.is_object()) {
        if (v.size() == 1 && v.contains("Ref") && v["Ref"].is_string()) {
            const std::string target = v["Ref"].get<std::string>();
            if (target.rfind("AWS::", 0) != 0)
                out.emplace_back(path, target);
            return;
        }
        if (v.size() == 1 && v.contains("Fn::GetAtt")) {
            out.emplace_back(path, v["Fn::GetAtt"][0].get<std::string>());
            return;
        }
        for (const auto &[k, child] : v.items())
            references(child, path.empty() ? k : path + "/" + k, out);
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i)
            references(v[i], path + "/" + std::to_string(i), out);
    }
}

bool pathMatches(const std::string &rulePath, const std::string &path)
{
    const auto a = split(rulePath), b = split(path);
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i] && !(a[i] == "-" && isIndex(b[i])))
            return false;
    return true;
}

std::set<std::string> names(const std::vector<PropertySpec> &props, bool requiredOnly)
{
    std::set<std::string> out;
    for (const PropertySpec &p : props)
        if (!requiredOnly || p.required)
            out.insert(p.name);
    return out;
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullParseTime();
    void loadsEveryType();
    void cdkNames();
    void refReturnsComeFromTheOverlay();
    void overlaysCoverTheDeepKinds();
    void overlayDefaultsAreValid();
    void connectionRulesReferToExistingProperties();
    void connectionRuleLookup();
    void sampleMatchesSpecificationDatabase();
    void samTypesFollowTheSamSchema_data();
    void samTypesFollowTheSamSchema();
    void attributesCloudFormationAccepts_data();
    void attributesCloudFormationAccepts();
    void concurrentFirstUse();
    void numberTypes();
    void recordsReadAsTheGeneratorWritesThem();
    void cdkNamesComeFromTheTypesOwnModule();
    void propertiesTheCdkTakesUntyped();
    void everyL1ClassNamesItsRequiredProperties();
    void malformedRecordsSayWhatWasExpected_data();
    void malformedRecordsSayWhatWasExpected();
};

void TestCatalog::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    const std::vector<std::string> types = Catalog::instance().typeNames();
    std::size_t overlays = 0;
    for (const std::string &t : types)
        overlays += Catalog::instance().overlay(t) != nullptr;
    const qint64 listNs = timer.nsecsElapsed();
    timer.restart();
    const ResourceTypeSpec *fn = Catalog::instance().find("AWS::AutoScaling::AutoScalingGroup");
    const qint64 findNs = timer.nsecsElapsed();
    QVERIFY(fn);
    qInfo("catalog: first typeNames() + overlay() of %zu types (%zu overlays): %.2f ms; first find() of a deep kind: %.3f ms",
          types.size(), overlays, listNs / 1e6, findNs / 1e6);
}

void TestCatalog::loadsEveryType()
{
    const Catalog &catalog = Catalog::instance();
    const std::vector<std::string> types = catalog.typeNames();
    QVERIFY2(types.size() >= 1900, qPrintable(QString::number(types.size())));
    QVERIFY(std::is_sorted(types.begin(), types.end()));
    QVERIFY(std::adjacent_find(types.begin(), types.end()) == types.end());
    QCOMPARE(types.size(), catalog.typeCount());
    for (const std::string &t : {std::string("AWS::Serverless::HttpApi"), std::string("AWS::Serverless::LayerVersion"),
                                 std::string("AWS::Serverless::Application"), std::string("AWS::Serverless::Connector"),
                                 std::string("AWS::Serverless::GraphQLApi"), std::string("AWS::Serverless::CapacityProvider"),
                                 std::string("AWS::Serverless::WebSocketApi")})
        QVERIFY2(catalog.contains(t), t.c_str());

    for (const std::string &t : types) {
        const ResourceTypeSpec *spec = catalog.find(t);
        QVERIFY2(spec, t.c_str());
        QCOMPARE(spec->type, t);
        QVERIFY2(!spec->properties.empty() || propertyLess.count(t), t.c_str());
        QVERIFY2(!spec->documentation.empty(), t.c_str());
        QVERIFY2(std::is_sorted(spec->properties.begin(), spec->properties.end(),
                                [](const auto &a, const auto &b) { return a.name < b.name; }), t.c_str());
        // SAM properties newer than the CDK's aws_sam classes have no L1 name: the cdk-ts
        // exporter writes them as overrides.
        const bool sam = t.rfind("AWS::Serverless::", 0) == 0;
        for (const PropertySpec &p : spec->properties) {
            QVERIFY2(sam || !p.cdkName.empty(), (t + "." + p.name).c_str());
            if (!p.itemIsPrimitive && p.kind != PropertySpec::Kind::Json)
                QVERIFY2(spec->propertyType(p.type), (t + "." + p.name + ": " + p.type).c_str());
        }
        for (const PropertyTypeSpec &pt : spec->propertyTypes)
            for (const PropertySpec &p : pt.properties)
                if (!p.itemIsPrimitive && p.kind != PropertySpec::Kind::Json)
                    QVERIFY2(spec->propertyType(p.type), (t + "." + pt.name + "." + p.name).c_str());
        QCOMPARE(catalog.find(t), spec); // cached, stable
    }
    QCOMPARE(catalog.find("AWS::Nope::Nothing"), nullptr);
    QCOMPARE(catalog.find("Custom::Anything"), catalog.find("AWS::CloudFormation::CustomResource"));
}

// The overlay's words for what Ref returns are compiled into the type index, so that a type's
// specification is complete without parsing the overlay: they must be the overlay's own.
void TestCatalog::refReturnsComeFromTheOverlay()
{
    const Catalog &catalog = Catalog::instance();
    int worded = 0;
    for (const KindOverlay *kind : catalog.overlays()) {
        const ResourceTypeSpec *spec = catalog.find(kind->type);
        QVERIFY2(spec, kind->type.c_str());
        if (kind->refReturns.empty())
            continue;
        QCOMPARE(spec->refReturns, kind->refReturns);
        ++worded;
    }
    QVERIFY2(worded >= 20, std::to_string(worded).c_str());
    QCOMPARE(catalog.find("AWS::AutoScaling::AutoScalingGroup")->refReturns, "the Auto Scaling group name");
}

void TestCatalog::cdkNames()
{
    const Catalog &catalog = Catalog::instance();
    const ResourceTypeSpec *fn = catalog.find("AWS::Lambda::Function");
    QVERIFY(fn);
    QCOMPARE(fn->cdkModule, "aws_lambda");
    QCOMPARE(fn->cdkClass, "CfnFunction");
    QCOMPARE(fn->property("VpcConfig")->cdkName, "vpcConfig");
    QCOMPARE(fn->propertyType("Code")->cdkName, "CodeProperty");
    QCOMPARE(fn->attribute("Arn")->cdkName, "attrArn");
    QCOMPARE(fn->refReturns, "the function name");
    const ResourceTypeSpec *asg = catalog.find("AWS::AutoScaling::AutoScalingGroup");
    QCOMPARE(asg->property("VPCZoneIdentifier")->cdkName, "vpcZoneIdentifier");
    QCOMPARE(asg->property("VPCZoneIdentifier")->kind, PropertySpec::Kind::List);
    QVERIFY(asg->property("VPCZoneIdentifier")->itemIsPrimitive);
    const ResourceTypeSpec *db = catalog.find("AWS::RDS::DBInstance");
    QCOMPARE(db->cdkModule, "aws_rds");
    QCOMPARE(db->property("DBInstanceClass")->cdkName, "dbInstanceClass");
    QCOMPARE(db->attribute("Endpoint.Address")->cdkName, "attrEndpointAddress");
    const ResourceTypeSpec *sam = catalog.find("AWS::Serverless::Function");
    QCOMPARE(sam->cdkModule, "aws_sam");
    QCOMPARE(sam->cdkClass, "CfnFunction");
    const ResourceTypeSpec *subnet = catalog.find("AWS::EC2::Subnet");
    QVERIFY(subnet->property("VpcId")->required);
    QVERIFY(subnet->property("VpcId")->causesReplacement);
    QCOMPARE(subnet->property("VpcId")->references, std::vector<std::string>{"AWS::EC2::VPC.VpcId"});
    const ResourceTypeSpec *sg = catalog.find("AWS::EC2::SecurityGroup");
    QCOMPARE(sg->propertyType("Tag")->cdkName, "CfnTag");
    QCOMPARE(catalog.displayName("AWS::Lambda::LayerVersion"), "Lambda Layer Version");
    QCOMPARE(catalog.category("AWS::Lambda::LayerVersion"), "Serverless");
    QCOMPARE(catalog.category("AWS::EC2::Instance"), "Compute");
}

void TestCatalog::overlaysCoverTheDeepKinds()
{
    const Catalog &catalog = Catalog::instance();
    const std::vector<std::string> categories = catalog.categories();
    QCOMPARE(categories, (std::vector<std::string>{"Compute", "Containers", "Serverless", "Deployment",
                                                   "Networking and delivery", "Data",
                                                   "Management and governance"}));
    for (const std::string &t : deepKinds)
        QVERIFY2(catalog.overlay(t), t.c_str());
    for (const KindOverlay *o : catalog.overlays()) {
        QVERIFY2(catalog.contains(o->type), o->type.c_str());
        QVERIFY2(std::find(categories.begin(), categories.end(), o->category) != categories.end(), o->type.c_str());
        QVERIFY2(!o->icon.empty() && !o->displayName.empty() && !o->keywords.empty(), o->type.c_str());
        for (const std::string &s : o->rolloutStrategies)
            QVERIFY2(rolloutStrategies.count(s), (o->type + ": " + s).c_str());
    }
    QCOMPARE(catalog.overlay("AWS::EC2::RouteTable"), nullptr);
    QCOMPARE(catalog.overlay("AWS::Lambda::Alias")->rolloutStrategies, std::vector<std::string>{"LambdaTrafficShifting"});
    QCOMPARE(catalog.overlay("Custom::Provisioner")->type, "AWS::CloudFormation::CustomResource");
}

void TestCatalog::overlayDefaultsAreValid()
{
    const Catalog &catalog = Catalog::instance();
    std::vector<std::string> errors;
    for (const KindOverlay *o : catalog.overlays()) {
        const ResourceTypeSpec *spec = catalog.find(o->type);
        QVERIFY(spec);
        QVERIFY2(o->defaults.is_object(), o->type.c_str());
        for (const std::string &required : spec->requiredProperties())
            if (!o->defaults.contains(required))
                errors.push_back(o->type + ": default lacks required " + required);
        checkValue(*spec, spec->properties, o->defaults, o->type, errors);
        // A reference in a default is a placeholder the user completes by connecting the card:
        // one of this kind's rules must write exactly that path.
        std::vector<std::pair<std::string, std::string>> refs;
        references(o->defaults, "", refs);
        const std::vector<ConnectionRule> rules = catalog.connectionRulesFrom(o->type);
        for (const auto &[path, target] : refs) {
            const bool covered = std::any_of(rules.begin(), rules.end(),
                                             [&, &path = path](const ConnectionRule &r) { return pathMatches(r.propertyPath, path); });
            if (!covered)
                errors.push_back(o->type + ": reference to " + target + " at " + path + " has no connection rule");
        }
    }
    for (const std::string &e : errors)
        qWarning("%s", e.c_str());
    QVERIFY(errors.empty());
}

void TestCatalog::connectionRulesReferToExistingProperties()
{
    const Catalog &catalog = Catalog::instance();
    const std::vector<ConnectionRule> &rules = catalog.curatedConnectionRules();
    QVERIFY2(rules.size() >= 40, qPrintable(QString::number(rules.size())));
    for (const ConnectionRule &r : rules) {
        const std::string what = r.sourceType + " -> " + r.targetType + " " + r.propertyPath;
        const ResourceTypeSpec *source = catalog.find(r.sourceType);
        const ResourceTypeSpec *target = catalog.find(r.targetType);
        QVERIFY2(source && target, what.c_str());
        QVERIFY2(catalog.overlay(r.sourceType) && catalog.overlay(r.targetType), what.c_str());
        const std::string problem = checkPath(*source, r.propertyPath);
        QVERIFY2(problem.empty(), (what + ": " + problem).c_str());
        if (r.isGetAtt())
            QVERIFY2(target->attribute(r.attribute()), (what + ": no attribute " + r.attribute()).c_str());
        else
            QVERIFY2(r.intrinsic == "Ref" && !target->refReturns.empty(), what.c_str());
        QVERIFY2(!r.label.empty(), what.c_str());
        for (const std::string &replaced : r.replaces)
            QVERIFY2(source->property(replaced), (what + ": replaces unknown " + replaced).c_str());
        // Literal members go into a list element or beside the reference in its parent object.
        if (!r.element.is_null())
            QVERIFY2(r.element.is_object() && r.propertyPath.find('/') != std::string::npos, what.c_str());
    }
}

void TestCatalog::connectionRuleLookup()
{
    const Catalog &catalog = Catalog::instance();
    auto rules = catalog.connectionRules("AWS::EC2::Subnet", "AWS::EC2::VPC");
    QCOMPARE(rules.size(), 1u);
    QCOMPARE(rules[0].propertyPath, "VpcId");
    QVERIFY(rules[0].valueFor("Vpc") == Json::parse(R"({"Ref":"Vpc"})"));

    rules = catalog.connectionRules("AWS::CodeDeploy::DeploymentGroup", "AWS::ElasticLoadBalancingV2::TargetGroup");
    QCOMPARE(rules.size(), 1u);
    QCOMPARE(rules[0].propertyPath, "LoadBalancerInfo/TargetGroupInfoList/-/Name");
    QVERIFY(rules[0].valueFor("Tg") == Json::parse(R"({"Fn::GetAtt":["Tg","TargetGroupName"]})"));

    rules = catalog.connectionRules("AWS::Events::Rule", "AWS::Lambda::Function");
    QCOMPARE(rules.size(), 1u);
    QVERIFY(rules[0].elementFor("Worker") == Json::parse(R"({"Id":"Worker"})"));

    // A pair the overlay does not cover falls back to the specification's references.
    rules = catalog.connectionRules("AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::Subnet");
    QCOMPARE(rules.size(), 1u);
    QCOMPARE(rules[0].propertyPath, "SubnetId");
    QCOMPARE(rules[0].intrinsic, "Ref");

    QCOMPARE(catalog.connectionRules("Custom::Thing", "AWS::Lambda::Function").front().propertyPath, "ServiceToken");
    QVERIFY(catalog.connectionRules("AWS::SQS::Queue", "AWS::EC2::VPC").empty());
}

void TestCatalog::sampleMatchesSpecificationDatabase()
{
    const std::string path = SC_SOURCE_DIR "/tests/aws/node_modules/aws-cdk/db.json.gz";
    const std::optional<SpecDatabase> db = SpecDatabase::load(path);
    if (!db)
        QSKIP(qPrintable(QString::fromStdString("Specification database not installed at " + path
                                               + "; run installer/install-deps.sh")));
    std::vector<std::string> sample = {
        "AWS::Lambda::Function", "AWS::Lambda::Alias", "AWS::Lambda::EventSourceMapping",
        "AWS::AutoScaling::AutoScalingGroup", "AWS::AutoScaling::LifecycleHook", "AWS::EC2::Instance",
        "AWS::EC2::Subnet", "AWS::EC2::VPC", "AWS::ElasticLoadBalancingV2::Listener",
        "AWS::ElasticLoadBalancingV2::TargetGroup", "AWS::ECS::Service", "AWS::ECS::TaskSet",
        "AWS::CodeDeploy::DeploymentGroup", "AWS::ElasticBeanstalk::Environment",
        "AWS::CloudFormation::StackSet", "AWS::ServiceCatalog::StackSetConstraint",
        "AWS::RDS::DBInstance", "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::SSM::MaintenanceWindowTask",
        "AWS::ServiceDiscovery::Instance", "AWS::Route53::RecordSet", "AWS::CodePipeline::Pipeline",
        "AWS::Serverless::Api", "AWS::EC2::RouteTable", "AWS::KMS::Key", "AWS::StepFunctions::StateMachine",
        "AWS::CloudFront::Distribution"};
    for (const std::string &type : sample) {
        const nlohmann::json *entity = db->resource(type);
        QVERIFY2(entity, type.c_str());
        const ResourceTypeSpec *spec = Catalog::instance().find(type);
        QVERIFY2(spec, type.c_str());

        std::set<std::string> dbProps, dbRequired, dbReplacing, dbAttrs;
        for (const auto &[name, p] : entity->at("properties").items()) {
            dbProps.insert(name);
            if (p.value("required", false))
                dbRequired.insert(name);
            if (p.value("causesReplacement", std::string()) == "yes")
                dbReplacing.insert(name);
            const auto &t = p.at("type");
            if (t.contains("allowedValues")) {
                std::set<std::string> expected;
                for (const auto &v : t["allowedValues"])
                    expected.insert(v.is_string() ? v.get<std::string>() : v.dump());
                const auto &actual = spec->property(name)->enumValues;
                QVERIFY2(std::set<std::string>(actual.begin(), actual.end()) == expected, (type + "." + name).c_str());
            }
        }
        for (const auto &[name, a] : entity->at("attributes").items())
            dbAttrs.insert(name);
        std::set<std::string> replacing, attrs;
        for (const PropertySpec &p : spec->properties)
            if (p.causesReplacement)
                replacing.insert(p.name);
        for (const AttributeSpec &a : spec->attributes)
            attrs.insert(a.name);

        if (type.rfind("AWS::Serverless::", 0) == 0)
            continue; // from the SAM schema AWS's validator carries (samTypesFollowTheSamSchema)
        QVERIFY2(names(spec->properties, false) == dbProps, type.c_str());
        QVERIFY2(names(spec->properties, true) == dbRequired, type.c_str());
        QVERIFY2(replacing == dbReplacing, type.c_str());
        // Attributes: the database's, plus those AWS's validator accepts that it lacks.
        QVERIFY2(std::includes(attrs.begin(), attrs.end(), dbAttrs.begin(), dbAttrs.end()), type.c_str());
    }
}

// Facts the CDK database lacks, taken from the data AWS's validator ships (generate-catalog.mjs):
// current SAM, and GetAtt attributes the database records only as properties.
void TestCatalog::samTypesFollowTheSamSchema_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path"); // property, or nested type/property
    const std::pair<const char *, const char *> rows[] = {
        {"AWS::Serverless::Function", "LoggingConfig"},
        {"AWS::Serverless::Function", "TenancyConfig"},
        {"AWS::Serverless::Function", "CapacityProviderConfig"},
        {"AWS::Serverless::Function", "FunctionScalingConfig"},
        {"AWS::Serverless::Function", "AutoPublishAliasAllProperties"},
        {"AWS::Serverless::Function", "DurableConfig"},
        {"AWS::Serverless::Function", "SnapStart"},
        {"AWS::Serverless::Function", "DeploymentPreference/TriggerConfigurations"},
        {"AWS::Serverless::Function", "DeploymentPreference/Hooks"},
        {"AWS::Serverless::LayerVersion", "CompatibleArchitectures"},
        {"AWS::Serverless::Api", "Auth/ResourcePolicy"},
        {"AWS::Serverless::Api", "Auth/ApiKeyRequired"},
        {"AWS::Serverless::Api", "Auth/UsagePlan"},
        {"AWS::Serverless::Api", "ApiKeySourceType"},
        {"AWS::Serverless::HttpApi", "AccessLogSettings"},
        {"AWS::Serverless::CapacityProvider", "InstanceRequirements"},
        {"AWS::Serverless::WebSocketApi", "Routes"},
        {"AWS::Serverless::GraphQLApi", "DataSources"},
        {"AWS::Serverless::Connector", "Permissions"},
    };
    for (const auto &[type, path] : rows)
        QTest::newRow((std::string(type) + " " + path).c_str()) << QString::fromLatin1(type) << QString::fromLatin1(path);
}

void TestCatalog::samTypesFollowTheSamSchema()
{
    QFETCH(QString, type);
    QFETCH(QString, path);
    const ResourceTypeSpec *spec = Catalog::instance().find(type.toStdString());
    QVERIFY2(spec, qPrintable(type));
    const std::string problem = checkPath(*spec, path.toStdString());
    QVERIFY2(problem.empty(), problem.c_str());
}

void TestCatalog::attributesCloudFormationAccepts_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<bool>("typedInTheCdk"); // the L1 class has an attr accessor for it
    QTest::newRow("Elasticsearch DomainArn") << "AWS::Elasticsearch::Domain" << "DomainArn" << false;
    QTest::newRow("Elasticsearch Arn") << "AWS::Elasticsearch::Domain" << "Arn" << true;
    QTest::newRow("provisioned product Outputs") << "AWS::ServiceCatalog::CloudFormationProvisionedProduct" << "Outputs" << true;
    QTest::newRow("SQS QueueName") << "AWS::SQS::Queue" << "QueueName" << true;
}

void TestCatalog::attributesCloudFormationAccepts()
{
    QFETCH(QString, type);
    QFETCH(QString, attribute);
    QFETCH(bool, typedInTheCdk);
    const ResourceTypeSpec *spec = Catalog::instance().find(type.toStdString());
    QVERIFY(spec);
    const AttributeSpec *a = spec->attribute(attribute.toStdString());
    QVERIFY2(a, qPrintable(attribute));
    QCOMPARE(!a->cdkName.empty(), typedInTheCdk);
}

void TestCatalog::concurrentFirstUse()
{
    // Every find() here may be a first request racing with the others; all threads must see
    // the same, fully built object.
    const std::vector<std::string> types = Catalog::instance().typeNames();
    std::vector<std::vector<const ResourceTypeSpec *>> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < types.size(); ++i)
                seen[t].push_back(Catalog::instance().find(types[(i * 7 + t * 13) % types.size()]));
        });
    }
    for (std::thread &th : threads)
        th.join();
    for (std::size_t t = 0; t < seen.size(); ++t)
        for (std::size_t i = 0; i < types.size(); ++i)
            QCOMPARE(seen[t][i], Catalog::instance().find(types[(i * 7 + t * 13) % types.size()]));
}

void TestCatalog::fullParseTime()
{
    // Runs second, so nearly every find() here inflates and parses its type.
    QElapsedTimer timer;
    timer.start();
    std::size_t properties = 0;
    for (const std::string &t : Catalog::instance().typeNames())
        properties += Catalog::instance().find(t)->properties.size();
    qInfo("catalog: first find() of every type (%zu properties): %.2f ms", properties,
          timer.nsecsElapsed() / 1e6);
    QVERIFY(properties > 10000);
}

void TestCatalog::numberTypes()
{
    for (const char *type : {"Integer", "Long", "Double", "Number"})
        QVERIFY2(isNumberType(type), type);
    for (const char *type : {"String", "Boolean", "Timestamp", "Json", "Code", "", "integer", "List<Integer>"})
        QVERIFY2(!isNumberType(type), type);
    const ResourceTypeSpec *function = Catalog::instance().find("AWS::Lambda::Function");
    QVERIFY(function);
    QVERIFY(isNumberType(function->property("Timeout")->type));
    QVERIFY(isNumberType(function->property("MemorySize")->type));
    QVERIFY(!isNumberType(function->property("Handler")->type));
    // Every primitive the catalog holds is a number or one of the four others: a new numeric
    // primitive in the specification fails here before the inspector and the exporter treat it
    // as text.
    const std::set<std::string> others = {"String", "Boolean", "Timestamp", "Json"};
    std::set<std::string> unknown;
    const auto note = [&](const PropertySpec &p) {
        if (p.isPrimitive() && !isNumberType(p.type) && !others.count(p.type))
            unknown.insert(p.type);
    };
    for (const std::string &t : Catalog::instance().typeNames()) {
        const ResourceTypeSpec *spec = Catalog::instance().find(t);
        for (const PropertySpec &p : spec->properties)
            note(p);
        for (const PropertyTypeSpec &nested : spec->propertyTypes)
            for (const PropertySpec &p : nested.properties)
                note(p);
    }
    QVERIFY2(unknown.empty(), unknown.empty() ? "" : unknown.begin()->c_str());
}

void TestCatalog::cdkNamesComeFromTheTypesOwnModule()
{
    // Class names repeat across the CDK's modules: aws_apigateway.CfnAuthorizer has ProviderARNs,
    // aws_apigatewayv2.CfnAuthorizer does not; aws_sam.CfnApplication shares its name with others.
    const Catalog &catalog = Catalog::instance();
    const ResourceTypeSpec *authorizer = catalog.find("AWS::ApiGateway::Authorizer");
    QVERIFY(authorizer);
    QCOMPARE(authorizer->cdkModule, "aws_apigateway");
    QCOMPARE(authorizer->property("ProviderARNs")->cdkName, "providerArns");
    QCOMPARE(catalog.find("AWS::ApiGatewayV2::Authorizer")->property("IdentitySource")->cdkName, "identitySource");
    const ResourceTypeSpec *application = catalog.find("AWS::Serverless::Application");
    QCOMPARE(application->cdkClass, "CfnApplication");
    QCOMPARE(application->property("Location")->cdkName, "location");
    QCOMPARE(catalog.find("AWS::Serverless::StateMachine")->property("DefinitionUri")->cdkName, "definitionUri");
}

void TestCatalog::propertiesTheCdkTakesUntyped()
{
    // The specification structures these; the CDK's L1 classes still take them as `any` and
    // write their keys as given.
    const Catalog &catalog = Catalog::instance();
    const ResourceTypeSpec *table = catalog.find("AWS::Timestream::Table");
    QVERIFY(table->property("RetentionProperties")->cdkUntyped);
    QCOMPARE(table->property("RetentionProperties")->kind, PropertySpec::Kind::Scalar);
    QVERIFY(table->property("MagneticStoreWriteProperties")->cdkUntyped);
    QVERIFY(!table->property("Schema")->cdkUntyped);
    QVERIFY(catalog.find("AWS::CloudFormation::StackSet")->property("ManagedExecution")->cdkUntyped);
    QVERIFY(catalog.find("AWS::Transfer::Workflow")->propertyType("WorkflowStep")->property("CustomStepDetails")->cdkUntyped);
    QVERIFY(catalog.find("AWS::ServiceCatalog::CloudFormationProduct")
                ->propertyType("ProvisioningArtifactProperties")->property("Info")->cdkUntyped);
    QVERIFY(!catalog.find("AWS::Lambda::Function")->property("Code")->cdkUntyped);
    // Its own mapper, but `any` to TypeScript and an object to the L1's validator.
    QVERIFY(catalog.find("AWS::Events::Rule")->property("EventPattern")->cdkUntyped);
    // Lists of lists of structures: typed by the CDK member by member, Json to the catalog.
    const PropertySpec *filterGroups = catalog.find("AWS::CodeBuild::Project")->propertyType("ProjectTriggers")->property("FilterGroups");
    QVERIFY(filterGroups->cdkTypedDeeper && !filterGroups->cdkUntyped);
    QVERIFY(!catalog.find("AWS::SSM::Document")->property("Content")->cdkTypedDeeper);
    // The tag list the L1's tag manager renders, whatever its name.
    QVERIFY(catalog.find("AWS::Route53::HostedZone")->property("HostedZoneTags")->cdkTagList);
    QVERIFY(catalog.find("AWS::SQS::Queue")->property("Tags")->cdkTagList);
    QVERIFY(!catalog.find("AWS::Route53::HostedZone")->property("VPCs")->cdkTagList);
}

void TestCatalog::everyL1ClassNamesItsRequiredProperties()
{
    // A required property without a CDK name leaves the L1's props incomplete; the exporter
    // then writes a generic CfnResource. No type the CDK has should need that.
    std::vector<std::string> unnamed;
    for (const std::string &t : Catalog::instance().typeNames()) {
        const ResourceTypeSpec *spec = Catalog::instance().find(t);
        if (spec->cdkModule.empty())
            continue;
        for (const PropertySpec &p : spec->properties)
            if (p.required && p.cdkName.empty())
                unnamed.push_back(t + "." + p.name);
    }
    QVERIFY2(unnamed.empty(), unnamed.empty() ? "" : unnamed.front().c_str());
}

namespace {

// A record as catalogindexgen stores it: the generator's JSON layout, in CBOR.
std::string record(const char *json)
{
    const std::vector<std::uint8_t> bytes = nlohmann::ordered_json::to_cbor(nlohmann::ordered_json::parse(json));
    return std::string(bytes.begin(), bytes.end());
}

} // namespace

void TestCatalog::recordsReadAsTheGeneratorWritesThem()
{
    // Absent lists are written as 0; a key the reader does not know (from a newer generator) is
    // passed over, whatever it holds.
    const std::string bytes = record(R"({
        "d": "A queue.", "r": "the queue URL", "ri": ["QueueUrl"],
        "x": {"nested": [1, -2, 2.5, null, true, {"k": "v"}]},
        "p": [["DelaySeconds", "S", "Integer", 4, "Delay.", "delaySeconds"],
              ["KmsMasterKeyId", "S", "String", 4, "Key.", "kmsMasterKeyId", 0, 0, ["AWS::KMS::Key.Arn"]],
              ["Options", "S", "Options", 16, "Options.", "options"],
              ["RedrivePolicy", "J", "Json", 3, "Redrive.", "redrivePolicy"],
              ["Tags", "L", "Tag", 8, "Tags.", "tags", ["a", "b"], ["String"]]],
        "a": [["Arn", "String", "The ARN.", "attrArn"]],
        "t": [["Tag", "CfnTag", [["Key", "S", "String", 5, "Key.", "key"]]]]
    })");
    const ResourceTypeSpec spec = ResourceTypeSpec::fromRecord("AWS::SQS::Queue", "aws_sqs", "CfnQueue", bytes);
    QCOMPARE(spec.type, "AWS::SQS::Queue");
    QCOMPARE(spec.cdkModule, "aws_sqs");
    QCOMPARE(spec.cdkClass, "CfnQueue");
    QCOMPARE(spec.documentation, "A queue.");
    QCOMPARE(spec.refReturns, "the queue URL");
    QCOMPARE(spec.refIdentifiers, std::vector<std::string>{"QueueUrl"});
    QCOMPARE(spec.properties.size(), 5u);
    QVERIFY(spec.property("Options")->cdkUntyped);
    QVERIFY(!spec.property("Tags")->cdkUntyped);
    const PropertySpec *delay = spec.property("DelaySeconds");
    QVERIFY(delay);
    QCOMPARE(delay->kind, PropertySpec::Kind::Scalar);
    QCOMPARE(delay->type, "Integer");
    QVERIFY(delay->itemIsPrimitive && !delay->required && !delay->causesReplacement);
    QCOMPARE(delay->cdkName, "delaySeconds");
    QVERIFY(delay->enumValues.empty() && delay->alternativeTypes.empty() && delay->references.empty());
    const PropertySpec *key = spec.property("KmsMasterKeyId");
    QVERIFY(key->enumValues.empty() && key->alternativeTypes.empty());
    QCOMPARE(key->references, std::vector<std::string>{"AWS::KMS::Key.Arn"});
    const PropertySpec *redrive = spec.property("RedrivePolicy");
    QCOMPARE(redrive->kind, PropertySpec::Kind::Json);
    QVERIFY(redrive->required && redrive->causesReplacement && !redrive->itemIsPrimitive);
    const PropertySpec *tags = spec.property("Tags");
    QCOMPARE(tags->kind, PropertySpec::Kind::List);
    QVERIFY(tags->replacementConditional && !tags->itemIsPrimitive);
    QCOMPARE(tags->enumValues, (std::vector<std::string>{"a", "b"}));
    QCOMPARE(tags->alternativeTypes, std::vector<std::string>{"String"});
    QCOMPARE(tags->documentation, "Tags.");
    QCOMPARE(spec.attributes.size(), 1u);
    QCOMPARE(spec.attribute("Arn")->cdkName, "attrArn");
    QCOMPARE(spec.attribute("Arn")->documentation, "The ARN.");
    QCOMPARE(spec.propertyTypes.size(), 1u);
    QCOMPARE(spec.propertyType("Tag")->cdkName, "CfnTag");
    QVERIFY(spec.propertyType("Tag")->property("Key")->required);
}

void TestCatalog::malformedRecordsSayWhatWasExpected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const std::string &bytes, const char *message) {
        QTest::newRow(name) << QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())) << QString::fromUtf8(message);
    };
    const std::string good = record(R"({"p": [["A", "S", "String", 4, "", "a"]], "a": [], "t": []})");
    row("empty", "", "catalog record of AWS::X::Y is not CBOR: ");
    row("not CBOR", "\xff\xfe", "catalog record of AWS::X::Y is not CBOR: ");
    row("cut short", good.substr(0, good.size() - 3), "catalog record of AWS::X::Y is not CBOR: ");
    row("trailing bytes", good + "\x01", "catalog record of AWS::X::Y is not CBOR: ");
    row("not an object", record("[]"), "catalog record of AWS::X::Y is corrupt: expected the record's object at value 0");
    row("a number for a name", record(R"({"p": [[1, "S", "String", 4, "", "a"]]})"),
        "catalog record of AWS::X::Y is corrupt: expected a string at value 4");
    row("negative flags", record(R"({"p": [["A", "S", "String", -4, "", "a"]]})"),
        "catalog record of AWS::X::Y is corrupt: expected the flags at value 7");
    row("short row", record(R"({"p": [["A", "S", "String", 4]]})"),
        "catalog record of AWS::X::Y is corrupt: expected a string at value 8");
    row("a row that is not a list", record(R"({"a": ["Arn"]})"),
        "catalog record of AWS::X::Y is corrupt: expected a row at value 3");
    row("a string for a list", record(R"({"p": [["A", "S", "String", 4, "", "a", "enum"]]})"),
        "catalog record of AWS::X::Y is corrupt: expected a list of strings or 0 at value 10");
    row("a number in a list", record(R"({"ri": ["Id", 2]})"),
        "catalog record of AWS::X::Y is corrupt: expected a string at value 4");
}

void TestCatalog::malformedRecordsSayWhatWasExpected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    try {
        ResourceTypeSpec::fromRecord("AWS::X::Y", "", "", std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        QFAIL("read without an error");
    } catch (const std::runtime_error &e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
    }
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
