// Family 5: data protection and secrets: DeletionPolicy / UpdateReplacePolicy, buckets that
// block stack deletion, literal secrets and dynamic references, custom resources and import
// (reference §6.1, §6.2, §6.5, §6.6).

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

// Types whose deletion loses data (RDS types default to Snapshot and are left out).
const std::set<std::string> &statefulTypes()
{
    static const std::set<std::string> s{
        "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::EC2::Volume", "AWS::EFS::FileSystem",
        "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster", "AWS::Redshift::Cluster",
        "AWS::Neptune::DBCluster", "AWS::DocDB::DBCluster", "AWS::Serverless::SimpleTable",
        "AWS::Kinesis::Stream", "AWS::OpenSearchService::Domain", "AWS::FSx::FileSystem", "AWS::Backup::BackupVault"};
    return s;
}

const std::set<std::string> &snapshotTypes()
{
    static const std::set<std::string> s{
        "AWS::DocDB::DBCluster", "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster",
        "AWS::ElastiCache::ReplicationGroup", "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster",
        "AWS::RDS::DBInstance", "AWS::Redshift::Cluster"};
    return s;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    return s;
}

// Property names that hold a secret value.
bool isSecretName(const std::string &name)
{
    // Every secret name below ends in d, n, g, t or y; most keys are rejected without a copy.
    const char last = name.empty() ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(name.back())));
    if (last != 'd' && last != 'n' && last != 'g' && last != 't' && last != 'y')
        return false;
    const std::string n = lower(name);
    return n == "password" || n == "masteruserpassword" || n == "authtoken" || n == "secretstring"
           || n == "dbpassword" || n == "adminpassword" || n == "secretaccesskey" || n == "clientsecret"
           || n.ends_with("password");
}

bool isDynamicReference(const std::string &s)
{
    return s.rfind("{{resolve:", 0) == 0;
}

// Calls f(key, value, pointer) for every string member whose key looks like a secret. The
// pointer is grown in place: validation runs on every edit, allocations add up.
template<typename F>
void walkSecretLiterals(const Json &node, std::string &pointer, F f)
{
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->is_string() && !it->is_structured())
                continue;
            const std::size_t size = pointer.size();
            pointer += '/';
            pointer += SourceMap::escape(it.key());
            if (it->is_string()) {
                if (isSecretName(it.key()))
                    f(it.key(), *it, pointer);
            } else {
                walkSecretLiterals(*it, pointer, f);
            }
            pointer.resize(size);
        }
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            const std::size_t size = pointer.size();
            pointer += '/';
            pointer += std::to_string(i);
            walkSecretLiterals(node[i], pointer, f);
            pointer.resize(size);
        }
    }
}

Fix protectFix(const ResourceView &r, bool deletion, bool replace)
{
    const std::string p = r.pointer;
    return Fix{"Retain " + r.id + " on deletion and replacement", [p, deletion, replace](EditRecorder &rec, std::string &) {
                   if (deletion)
                       rec.set(p + "/DeletionPolicy", "Retain");
                   if (replace)
                       rec.set(p + "/UpdateReplacePolicy", "Retain");
                   return true;
               }};
}

// The policy value meant, when one is close ("retain" -> "Retain"); never Snapshot for a type
// that cannot take one (E5003).
std::optional<Fix> policyFix(const ResourceView &r, const std::string &attribute, const std::string &value,
                             std::vector<std::string> allowed)
{
    if (!snapshotTypes().count(r.type))
        std::erase(allowed, "Snapshot");
    const std::string guess = closest(value, allowed);
    if (guess.empty())
        return std::nullopt;
    return setFix("Use " + guess, r.pointer + attribute, guess);
}

} // namespace

namespace {

// What deletion and replacement do to stored data.

void statefulWithoutDeletionPolicy(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        if (!statefulTypes().count(r.type))
            continue;
        const auto policy = literalString(r.attribute("DeletionPolicy"));
        if (!r.attribute("DeletionPolicy") || policy == "Delete")
            out.add(r.attribute("DeletionPolicy") ? r.pointer + "/DeletionPolicy" : r.pointer,
                    "'" + r.id + "' holds data but is deleted with the stack",
                    protectFix(r, true, !r.attribute("UpdateReplacePolicy")));
    }
}

void dataLostOnReplacement(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        const auto policy = literalString(r.attribute("DeletionPolicy"));
        const bool stateful = statefulTypes().count(r.type) || snapshotTypes().count(r.type);
        if (stateful && policy && *policy != "Delete" && !r.attribute("UpdateReplacePolicy"))
            out.add(r.pointer + "/DeletionPolicy",
                    "'" + r.id + "' is protected on deletion but not on replacement (no UpdateReplacePolicy)",
                    protectFix(r, false, true));
    }
}

void snapshotUnsupported(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources())
        for (const char *attr : {"DeletionPolicy", "UpdateReplacePolicy"})
            if (literalString(r.attribute(attr)) == "Snapshot" && !r.type.empty() && !snapshotTypes().count(r.type))
                out.add(r.pointer + "/" + attr, r.type + " does not support Snapshot; it would be deleted",
                        setFix("Retain " + r.id + " instead", r.pointer + "/" + attr, "Retain"));
}

void invalidDeletionPolicy(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        if (const Json *d = r.attribute("DeletionPolicy"); d && d->is_string()) {
            const std::string v = d->get<std::string>();
            if (v != "Delete" && v != "Retain" && v != "RetainExceptOnCreate" && v != "Snapshot")
                out.add(r.pointer + "/DeletionPolicy", "'" + v + "' is not a DeletionPolicy",
                        policyFix(r, "/DeletionPolicy", v, {"Delete", "Retain", "RetainExceptOnCreate", "Snapshot"}));
        }
        if (const Json *u = r.attribute("UpdateReplacePolicy"); u && u->is_string()) {
            const std::string v = u->get<std::string>();
            if (v != "Delete" && v != "Retain" && v != "Snapshot")
                out.add(r.pointer + "/UpdateReplacePolicy", "'" + v + "' is not an UpdateReplacePolicy",
                        policyFix(r, "/UpdateReplacePolicy", v, {"Delete", "Retain", "Snapshot"}));
        }
    }
}

void bucketBlocksDeletion(const RuleContext &c, FindingList &out)
{
    std::set<std::string> emptied;
    for (const ResourceView &r : c.resources())
        if (r.type.rfind("Custom::", 0) == 0 || r.type == "AWS::CloudFormation::CustomResource")
            for (const Reference &ref : c.referencesFrom(r.id))
                emptied.insert(ref.target);
    for (const ResourceView *b : c.ofType("AWS::S3::Bucket")) {
        const auto policy = literalString(b->attribute("DeletionPolicy"));
        if ((policy && *policy != "Delete") || emptied.count(b->id))
            continue;
        out.add(b->attribute("DeletionPolicy") ? b->pointer + "/DeletionPolicy" : b->pointer,
                "bucket '" + b->id + "' must be empty before the stack can delete it",
                protectFix(*b, true, !b->attribute("UpdateReplacePolicy")));
    }
}

void addDeletionRules(std::vector<Rule> &rules)
{
    add(rules, "W5001", "Stateful resource without a protective DeletionPolicy", 3,
        "DeletionPolicy decides what happens to a resource when the stack is deleted or the "
        "resource is removed from the template: Delete (the default for almost every type) "
        "destroys the data with it. Retain keeps it (and keeps billing); Snapshot, where "
        "supported, keeps a backup. RDS clusters and stand-alone RDS instances already default to "
        "Snapshot.",
        statefulWithoutDeletionPolicy);

    add(rules, "W5002", "Data lost when the resource is replaced", 3,
        "DeletionPolicy does not cover replacement: when an update changes a property that needs "
        "a new physical resource (a table's key schema, a volume's availability zone), "
        "CloudFormation creates the new one and deletes the old one unless UpdateReplacePolicy is "
        "Retain or Snapshot.",
        dataLostOnReplacement);

    add(rules, "E5003", "Snapshot on a type that cannot snapshot", 3,
        "Snapshot is supported only by AWS::DocDB::DBCluster, AWS::EC2::Volume, "
        "AWS::ElastiCache::CacheCluster and ReplicationGroup, AWS::Neptune::DBCluster, "
        "AWS::RDS::DBCluster and DBInstance, and AWS::Redshift::Cluster. On any other type "
        "CloudFormation silently falls back to Delete: the data you meant to keep is destroyed.",
        snapshotUnsupported);

    add(rules, "E5004", "Invalid DeletionPolicy or UpdateReplacePolicy", 3,
        "DeletionPolicy takes Delete, Retain, RetainExceptOnCreate or Snapshot; UpdateReplacePolicy "
        "takes Delete, Retain or Snapshot (RetainExceptOnCreate is not valid there).",
        invalidDeletionPolicy);

    addTemplateWide(rules, "W5005", "S3 bucket that will block stack deletion", 3,
        "CloudFormation deletes a bucket only when it is empty; a bucket with objects makes the "
        "stack deletion fail (DELETE_FAILED). Retain the bucket, or empty it first with a custom "
        "resource that deletes the objects on Delete.",
        bucketBlocksDeletion);
}

// Secrets written into the template.

void literalSecret(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        std::string base = r.pointer + "/Properties";
        walkSecretLiterals(*r.properties, base, [&](const std::string &key, const Json &v, const std::string &p) {
            const std::string &s = v.get_ref<const std::string &>();
            if (s.empty() || isDynamicReference(s))
                return;
            if (r.type == "AWS::SecretsManager::Secret")
                return; // the secret itself: W5006 cannot help, the value has to live somewhere
            const std::string secretId = r.id + "Secret";
            const bool free = !c.resource(secretId);
            out.add(p, "'" + key + "' is a literal secret; use a dynamic reference",
                    free ? std::optional<Fix>(Fix{
                               "Move " + key + " of " + r.id + " into a Secrets Manager secret",
                               [secretId, p](EditRecorder &rec, std::string &) {
                                   rec.set(SourceMap::join("/Resources", secretId),
                                           Json{{"Type", "AWS::SecretsManager::Secret"},
                                                {"Properties",
                                                 {{"Description", "Moved out of the template by StackCanvas"},
                                                  {"GenerateSecretString", {{"PasswordLength", 32}, {"ExcludePunctuation", true}}}}}});
                                   rec.set(p, Json{{"Fn::Sub", "{{resolve:secretsmanager:${" + secretId + "}:SecretString}}"}});
                                   return true;
                               }})
                         : std::nullopt);
        });
    }
}

void secretParameterWithoutNoEcho(const RuleContext &c, FindingList &out)
{
    const Json &params = c.section("Parameters");
    for (auto it = params.begin(); it != params.end(); ++it) {
        const std::string n = lower(it.key());
        const bool secret = n.find("password") != std::string::npos || n.find("secret") != std::string::npos
                            || n.find("token") != std::string::npos;
        if (secret && !literalBool(member(&*it, "NoEcho")).value_or(false)
            && literalString(member(&*it, "Type")).value_or("").rfind("AWS::SSM::Parameter", 0) != 0)
            out.add(SourceMap::join("/Parameters", it.key()), "parameter '" + it.key() + "' looks secret but has no NoEcho",
                    Fix{"Set NoEcho on " + it.key(), [p = SourceMap::join("/Parameters", it.key())](EditRecorder &r, std::string &) {
                            r.set(p + "/NoEcho", true);
                            return true;
                        }});
    }
}

void addSecretRules(std::vector<Rule> &rules)
{
    add(rules, "W5006", "Literal secret in the template", 3,
        "A password written in a template is stored in plain text in the template, the stack's "
        "history and anyone's copy of it. Use a dynamic reference "
        "({{resolve:secretsmanager:...}} or {{resolve:ssm-secure:...}}), resolved only when the "
        "change set executes, or a NoEcho parameter.",
        literalSecret);

    addTemplateWide(rules, "W5007", "Secret parameter without NoEcho", 3,
        "A parameter that carries a password is shown in plain text in the console, the API's "
        "DescribeStacks and events unless it has NoEcho: true. Better still, take the value from "
        "Secrets Manager with a dynamic reference.",
        secretParameterWithoutNoEcho);
}

// Dynamic references: their form, where CloudFormation resolves them, and how many.

void malformedDynamicReference(const RuleContext &c, FindingList &out)
{
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        if (u.name != "{{resolve")
            continue;
        static const std::regex any("\\{\\{resolve:([^}]*)\\}\\}"); // compiled only where there is one
        const std::string &s = u.node->get_ref<const std::string &>();
        // Inside Fn::Join the reference is assembled from pieces: judge the whole only.
        if (s.find("}}") == std::string::npos) {
            if (u.pointer.find("/Fn::Join/") == std::string::npos)
                out.add(u.pointer, "'{{resolve:' is not closed with '}}'");
            continue;
        }
        for (auto it = std::sregex_iterator(s.begin(), s.end(), any); it != std::sregex_iterator(); ++it) {
            const std::string body = (*it)[1];
            std::vector<std::string> parts;
            std::size_t start = 0;
            for (std::size_t i = 0; i <= body.size(); ++i)
                if (i == body.size() || body[i] == ':') {
                    parts.push_back(body.substr(start, i - start));
                    start = i + 1;
                }
            const std::string &service = parts[0];
            // A secret ARN contains colons itself: "arn:aws:secretsmanager:region:acct:secret:name".
            std::size_t first = 1;
            if (service == "secretsmanager" && parts.size() > 7 && parts[1] == "arn")
                first = 7;
            const std::size_t segments = parts.size() - first;
            std::string why;
            if (service == "ssm" || service == "ssm-secure") {
                if (parts.size() < 2 || parts[1].empty() || segments > 2)
                    why = service + " takes a parameter name and an optional version";
            } else if (service == "secretsmanager") {
                if (parts.size() < 2 || parts[1].empty())
                    why = "secretsmanager needs a secret id";
                else if (segments > 1 && !parts[first + 1].empty() && parts[first + 1] != "SecretString")
                    why = "the second segment of a secretsmanager reference must be SecretString";
                else if (segments > 5)
                    why = "too many segments in a secretsmanager reference";
                else if (segments == 5 && !parts[first + 3].empty() && !parts[first + 4].empty())
                    why = "give version-stage or version-id, not both";
            } else {
                why = "'" + service + "' is not a dynamic reference service (ssm, ssm-secure, secretsmanager)";
            }
            if (!why.empty())
                out.add(u.pointer, why);
        }
    }
}

void unresolvedDynamicReference(const RuleContext &c, FindingList &out)
{
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        if (u.name != "{{resolve")
            continue;
        const std::string &s = u.node->get_ref<const std::string &>();
        const bool metadata = u.pointer.rfind("/Resources/", 0) == 0 && u.pointer.find("/Metadata") != std::string::npos;
        if (metadata && s.find("{{resolve:secretsmanager:") != std::string::npos)
            out.add(u.pointer, "secretsmanager references are not allowed in resource Metadata");
        if (u.pointer.rfind("/Parameters/", 0) == 0) {
            static const std::regex versioned("\\{\\{resolve:ssm:[^:}]+:\\d+\\}\\}");
            if (s.find("{{resolve:ssm:") != std::string::npos && !std::regex_search(s, versioned))
                out.add(u.pointer, "an ssm reference in Parameters needs a version");
        }
    }
}

void tooManyDynamicReferences(const RuleContext &c, FindingList &out)
{
    std::size_t n = 0;
    std::string first;
    for (const IntrinsicUse &u : c.intrinsicUses())
        if (u.name == "{{resolve") {
            const std::string &s = u.node->get_ref<const std::string &>();
            for (std::size_t at = s.find("{{resolve:"); at != std::string::npos; at = s.find("{{resolve:", at + 1))
                ++n;
            if (first.empty())
                first = u.pointer;
        }
    if (n > 60)
        out.add(first, std::to_string(n) + " dynamic references; the limit is 60");
}

void addDynamicReferenceRules(std::vector<Rule> &rules)
{
    add(rules, "E5008", "Malformed dynamic reference", 3,
        "Dynamic references read {{resolve:ssm:name[:version]}}, {{resolve:ssm-secure:name[:version]}} "
        "or {{resolve:secretsmanager:secret-id[:SecretString[:json-key[:version-stage[:version-id]]]]}}, "
        "where only one of version-stage and version-id is given. Anything else fails when the "
        "change set executes.",
        malformedDynamicReference);

    add(rules, "E5009", "Dynamic reference where it is not resolved", 3,
        "Secrets Manager references are not allowed in resource Metadata (AWS::CloudFormation::Init "
        "would store the secret in plain text), and an SSM reference in the Parameters section "
        "must name a version. Outside Resources and Outputs references are left as text.",
        unresolvedDynamicReference);

    addTemplateWide(rules, "W5010", "More than 60 dynamic references", 3,
        "A template may contain at most 60 dynamic references; beyond that CloudFormation rejects "
        "it. Group values into one JSON secret and read keys from it.",
        tooManyDynamicReferences);
}

// Custom resources and resource import.

void customResourceWithoutServiceToken(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources())
        if ((r.type.rfind("Custom::", 0) == 0 || r.type == "AWS::CloudFormation::CustomResource")
            && !r.property("ServiceToken"))
            out.add(r.attribute("Properties") ? r.pointer + "/Properties" : r.pointer,
                    "custom resource '" + r.id + "' needs a ServiceToken");
}

void customResourceTimeoutOutOfRange(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources())
        if (r.type.rfind("Custom::", 0) == 0 || r.type == "AWS::CloudFormation::CustomResource")
            if (auto n = literalNumber(r.property("ServiceTimeout")); n && (*n < 1 || *n > 3600))
                out.add(r.propertyPointer("ServiceTimeout"), "ServiceTimeout must be between 1 and 3600 seconds");
}

void invalidCustomResourceType(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        if (r.type.rfind("Custom::", 0) != 0)
            continue;
        static const std::regex name("[A-Za-z0-9_@-]{1,60}"); // compiled only where there is one
        if (!std::regex_match(r.type.substr(8), name))
            out.add(r.pointer + "/Type", "'" + r.type + "' is not a valid custom resource type name");
    }
}

void importWithoutDeletionPolicy(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        if (!member(member(r.attribute("Metadata"), "StackCanvas"), "import"))
            continue;
        if (!r.attribute("DeletionPolicy"))
            out.add(r.pointer + "/Metadata/StackCanvas/import", "'" + r.id + "' is to be imported but has no DeletionPolicy",
                    protectFix(r, true, false));
    }
}

void addCustomResourceRules(std::vector<Rule> &rules)
{
    add(rules, "E5011", "Custom resource without ServiceToken", 3,
        "A custom resource sends Create, Update and Delete requests to its ServiceToken: the ARN "
        "of a Lambda function or SNS topic in the stack's Region. Without it nothing can answer, "
        "and the token cannot be changed later.",
        customResourceWithoutServiceToken);

    add(rules, "E5012", "Custom resource timeout out of range", 3,
        "ServiceTimeout is how long CloudFormation waits for the provider's response: 1 to 3,600 "
        "seconds, default 3,600 (one hour). A provider that never answers holds the stack that "
        "long, then fails it.",
        customResourceTimeoutOutOfRange);

    add(rules, "E5013", "Invalid custom resource type name", 3,
        "A custom type is Custom:: followed by up to 60 characters: letters, digits and _@-.",
        invalidCustomResourceType);

    add(rules, "E5014", "Resource to import without a DeletionPolicy", 3,
        "Every resource brought into a stack by an import needs a DeletionPolicy (and automatic "
        "import needs Retain or RetainExceptOnCreate), so that rolling back or reverting the "
        "import cannot delete the existing resource. StackCanvas marks resources to import with "
        "Metadata.StackCanvas.import (their identifier, for example BucketName).",
        importWithoutDeletionPolicy);
}

} // namespace

void addDataProtectionRules(std::vector<Rule> &rules)
{
    addDeletionRules(rules);
    addSecretRules(rules);
    addDynamicReferenceRules(rules);
    addCustomResourceRules(rules);
}

} // namespace sc::rulefamilies
