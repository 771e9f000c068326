// Family 3: property schema from the catalog (names, required, types, enumerations), plus the
// documented ranges and conditional requirements the specification does not carry.

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include "model/template/intrinsics.h"

#include <algorithm>
#include <cmath>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

enum class Problem { UnknownProperty, NotInCatalog, ReadOnly, Required, Type, Enum, Null };

// Properties that `aws cloudformation package` (and sam package / sam deploy) upload when they
// hold a local path, replacing the path with the S3 location. Source: AWS CLI Command
// Reference, "aws cloudformation package"
// (https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html), read 2025-12.
struct PackagedProperty {
    std::string_view type;
    std::string_view property;
};
constexpr PackagedProperty kPackaged[] = {
    {"AWS::ApiGateway::RestApi", "BodyS3Location"},
    {"AWS::Lambda::Function", "Code"},
    {"AWS::Lambda::LayerVersion", "Content"},
    {"AWS::Serverless::Function", "CodeUri"},
    {"AWS::Serverless::LayerVersion", "ContentUri"},
    {"AWS::Serverless::Application", "Location"},
    {"AWS::AppSync::GraphQLSchema", "DefinitionS3Location"},
    {"AWS::AppSync::Resolver", "CodeS3Location"},
    {"AWS::AppSync::Resolver", "RequestMappingTemplateS3Location"},
    {"AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location"},
    {"AWS::AppSync::FunctionConfiguration", "CodeS3Location"},
    {"AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location"},
    {"AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location"},
    {"AWS::Serverless::Api", "DefinitionUri"},
    {"AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle"},
    {"AWS::CloudFormation::Stack", "TemplateURL"},
    {"AWS::StepFunctions::StateMachine", "DefinitionS3Location"},
    {"AWS::Serverless::StateMachine", "DefinitionUri"},
};

// A string that names a local file or folder rather than an S3 location or a URL.
bool isLocalPath(const std::string &s)
{
    for (std::string_view scheme : {"s3://", "https://", "http://"})
        if (s.rfind(scheme, 0) == 0)
            return false;
    return !s.empty() && s.find("{{resolve:") == std::string::npos;
}

bool packagedLocalPath(const ResourceView &r, const std::string &property, const Json &value)
{
    if (!value.is_string() || !isLocalPath(value.get_ref<const std::string &>()))
        return false;
    return std::any_of(std::begin(kPackaged), std::end(kPackaged),
                       [&](const PackagedProperty &p) { return p.type == r.type && p.property == property; });
}

// Values decided at deploy time: intrinsics, kept tags, and Fn::ForEach / Fn::Transform
// expansions (language extensions, AWS::Include).
bool isComputed(const Json &v)
{
    if (intrinsics::isIntrinsic(v) || intrinsics::isPreservedTag(v))
        return true;
    if (v.is_object())
        for (auto it = v.begin(); it != v.end(); ++it)
            if (it.key().rfind("Fn::", 0) == 0)
                return true;
    return false;
}

bool skipSchema(const ResourceView &r)
{
    return !r.spec || r.type.rfind("Custom::", 0) == 0 || r.type == "AWS::CloudFormation::CustomResource";
}

// Globals of a SAM template can supply properties of the serverless kinds.
bool globalsSupply(const RuleContext &c, const ResourceView &r, const std::string &property)
{
    if (!c.isSam() || r.type.rfind("AWS::Serverless::", 0) != 0)
        return false;
    const Json *globals = member(&c.root(), "Globals");
    const Json *kind = member(globals, r.type.substr(17));
    return member(kind, property) != nullptr;
}

std::string describe(const Json &v)
{
    if (v.is_string()) return "a string";
    if (v.is_boolean()) return "a boolean";
    if (v.is_number()) return "a number";
    if (v.is_array()) return "a list";
    if (v.is_object()) return "a mapping";
    return "null";
}

// Whether a literal fits a primitive type. CloudFormation coerces scalars to strings, and
// numeric/boolean strings to numbers/booleans, so those count as fitting.
bool fitsPrimitive(const std::string &type, const Json &v)
{
    if (type == "Json" || type.empty())
        return true;
    if (type == "String" || type == "Timestamp")
        return v.is_string() || v.is_number() || v.is_boolean();
    if (type == "Boolean")
        return literalBool(&v).has_value();
    if (type == "Integer" || type == "Long") {
        const auto n = literalNumber(&v);
        return n && std::floor(*n) == *n;
    }
    if (type == "Number" || type == "Double")
        return literalNumber(&v).has_value();
    return true;
}

std::optional<Fix> safeDefaultFix(const ResourceView &r, const std::string &property);

// The walk keeps one JSON pointer and extends it by a token for as long as it is inside that
// node: no pointer is built per property, only where a finding is made.
class PointerStep {
public:
    PointerStep(std::string &pointer, std::string_view token)
        : m_pointer(pointer)
        , m_size(pointer.size())
    {
        m_pointer += '/';
        if (std::any_of(token.begin(), token.end(), [](char ch) { return ch == '~' || ch == '/'; }))
            m_pointer += SourceMap::escape(token);
        else
            m_pointer += token; // nearly every key: no escaping, no copy
    }
    PointerStep(std::string &pointer, std::size_t index)
        : m_pointer(pointer)
        , m_size(pointer.size())
    {
        m_pointer += '/';
        m_pointer += std::to_string(index);
    }
    PointerStep(const PointerStep &) = delete;
    PointerStep &operator=(const PointerStep &) = delete;
    ~PointerStep() { m_pointer.resize(m_size); }

private:
    std::string &m_pointer;
    std::size_t m_size;
};

struct SchemaWalker {
    const RuleContext &c;
    const ResourceView &r;
    Problem problem;
    FindingList &out;

    // `topLevel`: `object` is the resource's Properties.
    void properties(const std::vector<PropertySpec> &specs, const Json &object, std::string &pointer,
                    const std::string &owner, bool topLevel)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const PointerStep step(pointer, it.key());
            const std::string &p = pointer;
            const auto found = std::lower_bound(specs.begin(), specs.end(), it.key(),
                                                [](const PropertySpec &s, const std::string &k) { return s.name < k; });
            const PropertySpec *spec = found != specs.end() && found->name == it.key() ? &*found : nullptr;
            if (!spec) {
                unknown(specs, object, it.key(), p, owner, topLevel);
                continue;
            }
            if (it->is_null()) {
                if (problem == Problem::Null && r.type.rfind("AWS::Serverless::", 0) != 0)
                    out.add(p, "'" + it.key() + "' is null: CloudFormation rejects null values ('null' values are not "
                                                "allowed in templates)",
                            removeFix("Remove the empty " + it.key(), p));
                continue;
            }
            if (topLevel && packagedLocalPath(r, it.key(), *it))
                continue; // a local artifact: I3008 says it needs packaging
            value(*spec, *it, pointer);
        }
        // SAM validates its own nested shapes (event sources differ per Type).
        const bool samNested = r.type.rfind("AWS::Serverless::", 0) == 0 && !topLevel;
        if (problem == Problem::Required && !samNested)
            for (const PropertySpec &s : specs)
                if (s.required && !object.contains(s.name) && !(topLevel && globalsSupply(c, r, s.name)))
                    out.add(pointer, owner + " requires property '" + s.name + "'",
                            topLevel ? safeDefaultFix(r, s.name) : std::nullopt);
    }

    // A key the specification does not list: a misspelling when a known name is close (E3001),
    // a read-only property that CloudFormation sets itself (W3010), or a name this catalog
    // cannot judge because it may be newer than the catalog (W3011).
    void unknown(const std::vector<PropertySpec> &specs, const Json &object, const std::string &key,
                 const std::string &p, const std::string &owner, bool topLevel)
    {
        if (topLevel && r.spec->attribute(key)) {
            if (problem == Problem::ReadOnly)
                out.add(p, "'" + key + "' is a read-only attribute of " + r.type
                               + ": CloudFormation sets it, and the value given here is not used",
                        removeFix("Remove read-only " + key + " from " + r.id, p));
            return;
        }
        std::vector<std::string> names;
        for (const PropertySpec &s : specs)
            if (!object.contains(s.name))
                names.push_back(s.name);
        const std::string guess = closest(key, names);
        if (problem == Problem::UnknownProperty && !guess.empty())
            out.add(p, "'" + key + "' is not a property of " + owner + "; did you mean '" + guess + "'?",
                    renameKeyFix("Rename " + key + " to " + guess, p, guess));
        else if (problem == Problem::NotInCatalog && guess.empty())
            out.add(p, "'" + key + "' is not a property of " + owner + " in StackCanvas's catalog (" + catalogSource()
                           + "): it may be newer than the catalog, or misspelt");
    }

    void value(const PropertySpec &spec, const Json &v, std::string &p)
    {
        if (isComputed(v) || !spec.alternativeTypes.empty())
            return;
        switch (spec.kind) {
        case PropertySpec::Kind::Json:
            return;
        case PropertySpec::Kind::List:
            if (!v.is_array()) {
                if (problem == Problem::Type)
                    out.add(p, "'" + spec.name + "' must be a list, not " + describe(v));
                return;
            }
            for (std::size_t i = 0; i < v.size(); ++i) {
                const PointerStep step(p, i);
                item(spec, v[i], p);
            }
            return;
        case PropertySpec::Kind::Map:
            if (!v.is_object()) {
                if (problem == Problem::Type)
                    out.add(p, "'" + spec.name + "' must be a mapping, not " + describe(v));
                return;
            }
            for (auto it = v.begin(); it != v.end(); ++it) {
                const PointerStep step(p, it.key());
                item(spec, *it, p);
            }
            return;
        case PropertySpec::Kind::Scalar:
            item(spec, v, p);
            return;
        }
    }

    void item(const PropertySpec &spec, const Json &v, std::string &p)
    {
        if (isComputed(v))
            return;
        if (v.is_null()) {
            if (problem == Problem::Null && r.type.rfind("AWS::Serverless::", 0) != 0)
                out.add(p, "an item of '" + spec.name + "' is null: CloudFormation rejects null values ('null' values "
                           "are not allowed in templates)");
            return;
        }
        if (spec.itemIsPrimitive) {
            if (!fitsPrimitive(spec.type, v)) {
                if (problem == Problem::Type)
                    out.add(p, "'" + spec.name + "' must be " + (spec.type == "Integer" || spec.type == "Long" ? "an integer"
                                                                   : spec.type == "Boolean" ? "a boolean"
                                                                   : spec.type == "String" ? "a string"
                                                                                           : "a number")
                                   + ", not " + describe(v));
                return;
            }
            if (problem == Problem::Enum && !spec.enumValues.empty() && v.is_string()) {
                const std::string &s = v.get_ref<const std::string &>();
                if (std::find(spec.enumValues.begin(), spec.enumValues.end(), s) == spec.enumValues.end()) {
                    std::string msg = "'" + s + "' is not an allowed value of '" + spec.name + "'";
                    if (const std::string guess = closest(s, spec.enumValues); !guess.empty()) {
                        out.add(p, msg + "; did you mean '" + guess + "'?", setFix("Use " + guess + " for " + spec.name, p, guess));
                        return;
                    }
                    if (spec.enumValues.size() <= 8) {
                        msg += " (";
                        for (std::size_t i = 0; i < spec.enumValues.size(); ++i)
                            msg += (i ? ", " : "") + spec.enumValues[i];
                        msg += ")";
                    }
                    out.add(p, msg);
                }
            }
            return;
        }
        const PropertyTypeSpec *nested = r.spec->propertyType(spec.type);
        if (!nested)
            return;
        if (!v.is_object()) {
            if (problem == Problem::Type)
                out.add(p, "'" + spec.name + "' must be a mapping (" + spec.type + "), not " + describe(v));
            return;
        }
        properties(nested->properties, v, p, spec.type, false);
    }
};

void walkSchema(const RuleContext &c, Problem problem, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        if (skipSchema(r))
            continue;
        const Json *props = r.attribute("Properties");
        if (props && (isComputed(*props) || !props->is_object()))
            continue;
        SchemaWalker walker{c, r, problem, out};
        const Json empty = Json::object();
        std::string pointer = r.pointer + "/Properties";
        walker.properties(r.spec->properties, props ? *props : empty, pointer, r.type, true);
    }
}

// The check of one schema problem: each rule that walks the schema reports one kind.
template<Problem problem>
void schemaProblem(const RuleContext &c, FindingList &out)
{
    walkSchema(c, problem, out);
}

// Required properties with a value that is right for nearly everyone, so the fix can fill it in
// (anything else is the user's decision and gets no fix).
struct SafeDefault {
    std::string_view type;
    std::string_view property;
    const char *json; // the value, as JSON text ("%s" is the logical ID)
};
constexpr SafeDefault kSafeDefaults[] = {
    {"AWS::EC2::SecurityGroup", "GroupDescription", R"("Security group of %s")"},
    {"AWS::Lambda::Permission", "Action", R"("lambda:InvokeFunction")"},
    {"AWS::SSM::Parameter", "Type", R"("String")"},
    {"AWS::AutoScaling::AutoScalingGroup", "MinSize", R"("1")"},
    {"AWS::AutoScaling::AutoScalingGroup", "MaxSize", R"("1")"},
    {"AWS::SSM::MaintenanceWindow", "AllowUnassociatedTargets", "false"},
};

std::optional<Fix> safeDefaultFix(const ResourceView &r, const std::string &property)
{
    for (const SafeDefault &d : kSafeDefaults) {
        if (d.type != r.type || d.property != property)
            continue;
        // The logical ID goes into the parsed value, not the JSON text: an ID may hold a quote.
        Json value = Json::parse(d.json);
        if (value.is_string())
            if (std::string &text = value.get_ref<std::string &>(); text.find("%s") != std::string::npos)
                text.replace(text.find("%s"), 2, r.id);
        return Fix{"Set " + property + " of " + r.id + " to " + value.dump(),
                   [props = r.pointer + "/Properties", property, value](EditRecorder &rec, std::string &) {
                       rec.ensureObject(props);
                       rec.set(SourceMap::join(props, property), value);
                       return true;
                   }};
    }
    return std::nullopt;
}

void reportRequiredOnResource(FindingList &out, const ResourceView &r, const std::string &p, std::string msg)
{
    out.add(r.attribute("Properties") ? p : r.pointer, std::move(msg));
}

struct Range {
    const char *type;
    const char *property;
    double min, max;
    const char *unit;
};
constexpr Range kRanges[] = {
    {"AWS::Lambda::Function", "Timeout", 1, 900, " seconds"},
    {"AWS::Lambda::Function", "MemorySize", 128, 10240, " MB"},
    {"AWS::Serverless::Function", "Timeout", 1, 900, " seconds"},
    {"AWS::Serverless::Function", "MemorySize", 128, 10240, " MB"},
    {"AWS::SQS::Queue", "VisibilityTimeout", 0, 43200, " seconds"},
    {"AWS::SQS::Queue", "MessageRetentionPeriod", 60, 1209600, " seconds"},
    {"AWS::SQS::Queue", "DelaySeconds", 0, 900, " seconds"},
    {"AWS::SQS::Queue", "ReceiveMessageWaitTimeSeconds", 0, 20, " seconds"},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "HealthCheckIntervalSeconds", 5, 300, " seconds"},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "HealthyThresholdCount", 2, 10, ""},
    {"AWS::ElasticLoadBalancingV2::TargetGroup", "UnhealthyThresholdCount", 2, 10, ""},
};

void localArtifact(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources())
        for (const PackagedProperty &p : kPackaged) {
            if (p.type != r.type)
                continue;
            const Json *v = r.property(p.property);
            if (v && packagedLocalPath(r, std::string(p.property), *v))
                out.add(r.propertyPointer(p.property),
                        "'" + v->get<std::string>() + "' is a local path: package the template (aws cloudformation "
                        "package, or sam deploy) so that it is uploaded to S3 before deploying");
        }
}

void valueOutOfRange(const RuleContext &c, FindingList &out)
{
    for (const Range &range : kRanges)
        for (const ResourceView *r : c.ofType(range.type)) {
            const auto n = literalNumber(r->property(range.property));
            if (n && (*n < range.min || *n > range.max))
                out.add(r->propertyPointer(range.property),
                        std::string(range.property) + " must be between " + std::to_string(int(range.min))
                            + " and " + std::to_string(int(range.max)) + range.unit);
        }
}

void missingConditionallyRequired(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *r : c.ofType("AWS::AutoScaling::AutoScalingGroup")) {
        bool has = false;
        for (const char *p : {"LaunchTemplate", "MixedInstancesPolicy", "LaunchConfigurationName", "InstanceId"})
            has = has || r->property(p);
        if (!has && !isComputed(*r->properties))
            reportRequiredOnResource(out, *r, r->pointer + "/Properties",
                                     "an Auto Scaling group needs LaunchTemplate, MixedInstancesPolicy, "
                                     "LaunchConfigurationName or InstanceId");
    }
    for (const char *type : {"AWS::Lambda::Function", "AWS::Serverless::Function"})
        for (const ResourceView *r : c.ofType(type)) {
            if (isComputed(*r->properties) || literalString(r->property("PackageType")) == "Image")
                continue;
            if (r->property("ImageUri"))
                continue;
            for (const char *p : {"Handler", "Runtime"})
                if (!r->property(p) && !globalsSupply(c, *r, p))
                    reportRequiredOnResource(out, *r, r->pointer + "/Properties",
                                             std::string("a function deployed from a .zip file needs ") + p);
        }
}

void mutuallyExclusiveProperties(const RuleContext &c, FindingList &out)
{
    struct Pair { const char *type; const char *parent; const char *a; const char *b; };
    static const Pair pairs[] = {
        {"AWS::Lambda::Function", "Code", "ZipFile", "S3Bucket"},
        {"AWS::Lambda::Function", "Code", "ZipFile", "ImageUri"},
        {"AWS::AutoScaling::AutoScalingGroup", "", "LaunchTemplate", "LaunchConfigurationName"},
        {"AWS::AutoScaling::AutoScalingGroup", "", "MixedInstancesPolicy", "LaunchTemplate"},
        {"AWS::SecretsManager::Secret", "", "SecretString", "GenerateSecretString"},
        {"AWS::ElasticBeanstalk::Environment", "", "TemplateName", "SolutionStackName"},
    };
    for (const Pair &pair : pairs)
        for (const ResourceView *r : c.ofType(pair.type)) {
            const Json *parent = *pair.parent ? r->property(pair.parent) : r->properties;
            const std::string base = *pair.parent ? r->propertyPointer(pair.parent) : r->pointer + "/Properties";
            if (member(parent, pair.a) && member(parent, pair.b))
                out.add(SourceMap::join(base, pair.b), std::string(pair.a) + " and " + pair.b
                                                           + " cannot be used together");
        }
}

// Which properties a resource has: unknown, read-only, required, exclusive.
void addPropertySetRules(std::vector<Rule> &rules)
{
    add(rules, "E3001", "Unknown property", 3,
        "Each resource type accepts a fixed set of properties, nested types included. CloudFormation "
        "rejects an unknown one; when a known name is that close, it is a misspelling.",
        schemaProblem<Problem::UnknownProperty>);

    add(rules, "W3010", "Read-only property set", 3,
        "Some values of a resource are chosen by AWS when it creates the resource (an ID, an ARN, "
        "an endpoint) and are read with Fn::GetAtt. Writing one under Properties sets nothing: "
        "CloudFormation ignores it or rejects it, depending on the type. Read it with Fn::GetAtt "
        "instead.",
        schemaProblem<Problem::ReadOnly>);

    add(rules, "W3011", "Property not in the catalog", 3,
        "StackCanvas knows the properties of the AWS specification it was built with. A name that "
        "resembles none of them may belong to a newer version of the resource type than that "
        "specification, or be wrong; only CloudFormation can tell when the stack is created. Check "
        "it against the resource's page in the CloudFormation template reference.",
        schemaProblem<Problem::NotInCatalog>);

    add(rules, "E3002", "Missing required property", 3,
        "Some properties must always be given (a queue policy's Queues, a listener's "
        "DefaultActions...). Without them the resource handler refuses to create the resource and "
        "the stack rolls back.",
        schemaProblem<Problem::Required>);

    add(rules, "E3006", "Missing conditionally required property", 3,
        "Requirements that depend on other properties: an Auto Scaling group needs a launch "
        "source (a launch template, a mixed-instances policy, a launch configuration or an "
        "instance); a Lambda function deployed from a .zip (not a container image) needs Handler "
        "and Runtime.",
        missingConditionallyRequired);

    add(rules, "E3007", "Mutually exclusive properties", 3,
        "Some properties exclude each other: a Lambda function's code comes inline (ZipFile) or from "
        "S3, not both; an Auto Scaling group uses a launch template or a launch configuration; a "
        "secret has either a SecretString or a GenerateSecretString.",
        mutuallyExclusiveProperties);
}

// What the properties hold: types, allowed values, ranges, nulls, local paths.
void addValueRules(std::vector<Rule> &rules)
{
    add(rules, "I3008", "Local artifact to package", 3,
        "A local path in Code, CodeUri, TemplateURL, DefinitionUri and a few other properties is "
        "how a template names code or documents that are not in S3 yet. CloudFormation cannot "
        "read your disk: 'aws cloudformation package' (or sam build and sam deploy) uploads the "
        "file or folder to S3 and writes a copy of the template with the S3 location, and that "
        "copy is what you deploy.",
        localArtifact);

    add(rules, "E3009", "Null property value", 3,
        "A key written without a value (Description: with nothing after it) is null. CloudFormation "
        "refuses the whole template with \"'null' values are not allowed in templates\". Remove the "
        "key, or give it a value. (The AWS SAM transform treats a null property of a SAM resource "
        "as absent.)",
        schemaProblem<Problem::Null>);

    add(rules, "E3003", "Wrong value type", 3,
        "Property values have types: strings, integers, booleans, lists, mappings or a nested "
        "property type. Values computed by intrinsic functions are checked when the stack is "
        "deployed; literal values are checked here.",
        schemaProblem<Problem::Type>);

    add(rules, "E3004", "Value not allowed", 3,
        "Many properties take one of a fixed set of values (a runtime, a protocol, a billing "
        "mode). Case matters: 'http' is not 'HTTP'.",
        schemaProblem<Problem::Enum>);

    add(rules, "E3005", "Value out of range", 3,
        "Documented ranges the specification does not carry: a Lambda function runs at most 900 "
        "seconds with 128 to 10,240 MB; an SQS queue keeps messages 60 s to 14 days and hides them "
        "at most 12 hours; a target group checks health every 5 to 300 seconds.",
        valueOutOfRange);
}

} // namespace

void addSchemaRules(std::vector<Rule> &rules)
{
    addPropertySetRules(rules);
    addValueRules(rules);
}

} // namespace sc::rulefamilies
