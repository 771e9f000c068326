#include "model/study/stackdeletion.h"

#include "model/document/graph.h"
#include "model/rollout/templatelookup.h"
#include "model/study/whatiftext.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <string_view>

namespace sc {

namespace {

// Snapshot support: the DeletionPolicy page
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html);
// UpdateReplacePolicy lists the same types except AWS::DocDB::DBCluster (UNCONFIRMED, reference
// §6.1).
constexpr std::array<std::string_view, 8> kSnapshotTypes{
    "AWS::DocDB::DBCluster",          "AWS::EC2::Volume",
    "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
    "AWS::Neptune::DBCluster",        "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",           "AWS::Redshift::Cluster"};

bool isCustomResource(const std::string &type)
{
    return type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource";
}

struct Policy {
    std::string value;
    bool isDefault = false;
    std::string note; // how it was read, when not a plain string
};

Policy readPolicy(const Json &root, const Json &resource, const std::string &type, bool replacement)
{
    const char *attribute = replacement ? "UpdateReplacePolicy" : "DeletionPolicy";
    const Json *value = TemplateLookup::child(&resource, attribute);
    if (value && value->is_string())
        return {value->get<std::string>(), false, {}};
    if (value && value->is_object() && value->contains("Ref") && (*value)["Ref"].is_string()) {
        const std::string param = (*value)["Ref"].get<std::string>();
        const Json *def = TemplateLookup::child(
            TemplateLookup::child(TemplateLookup::child(&root, "Parameters"), param.c_str()), "Default");
        if (def && def->is_string())
            return {def->get<std::string>(), false,
                    std::string(attribute) + " comes from parameter " + param + " (its default)"};
    }
    Policy p{"Delete", true, {}};
    if (value)
        p.note = std::string(attribute) + " is computed when the stack is deployed; the default is shown";
    if (!replacement && type == "AWS::RDS::DBCluster")
        p.value = "Snapshot";
    if (!replacement && type == "AWS::RDS::DBInstance"
        && !TemplateLookup::child(TemplateLookup::child(&resource, "Properties"), "DBClusterIdentifier"))
        p.value = "Snapshot";
    return p;
}

// Custom resources that refer to each bucket: deleted before it, they may empty it.
std::map<std::string, std::vector<std::string>> bucketEmptiers(const Graph &graph)
{
    std::map<std::string, std::vector<std::string>> out;
    for (const GraphEdge &e : graph.edges()) {
        const GraphNode *source = graph.node(e.source);
        const GraphNode *target = graph.node(e.target);
        if (source && target && isCustomResource(source->type) && target->type == "AWS::S3::Bucket") {
            auto &list = out[e.target];
            if (std::find(list.begin(), list.end(), e.source) == list.end())
                list.push_back(e.source);
        }
    }
    return out;
}

// wave(r) = 1 + the largest wave of the resources that refer to r (they are deleted first).
std::map<std::string, int> deletionWaves(const Graph &graph)
{
    std::map<std::string, int> waves;
    std::map<std::string, bool> visiting;
    std::function<int(const std::string &)> wave = [&](const std::string &id) {
        if (auto it = waves.find(id); it != waves.end())
            return it->second;
        if (visiting[id])
            return 1; // a cycle (CloudFormation rejects it anyway): do not recurse forever
        visiting[id] = true;
        int w = 1;
        for (const GraphEdge *e : graph.edgesTo(id)) {
            if (e->source != id)
                w = std::max(w, wave(e->source) + 1);
        }
        visiting[id] = false;
        waves[id] = w;
        return w;
    };
    for (const GraphNode &n : graph.nodes())
        wave(n.id);
    return waves;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

void decide(DeletionRow &row, const DeletionOptions &options, const std::vector<std::string> &emptiers)
{
    const bool replacement = options.replacement;
    const std::string subject = replacement ? "the old physical resource" : "it";
    if (row.policy == "Retain" || (row.policy == "RetainExceptOnCreate" && !replacement)) {
        row.outcome = DeletionOutcome::Retained;
        row.reason = replacement ? "the old physical resource stays in the account, outside the "
                                   "stack (and is still billed)"
                                 : "it stays in the account after the stack is gone, no longer "
                                   "managed (and still billed)";
        if (row.policy == "RetainExceptOnCreate")
            row.reason += "; only a rollback of the operation that created it would delete it";
        return;
    }
    if (row.policy == "Snapshot") {
        if (supportsSnapshot(row.type, replacement)) {
            row.outcome = DeletionOutcome::Snapshotted;
            row.reason = "CloudFormation takes a final snapshot of " + subject + ", then deletes it";
            if (row.policyIsDefault)
                row.reason += " (Snapshot is this type's default)";
            return;
        }
        row.outcome = DeletionOutcome::Deleted;
        row.reason = row.type + " cannot be snapshotted: Snapshot falls back to Delete and the data is lost";
        return;
    }
    std::string invalid;
    if (row.policy != "Delete") {
        invalid = " ('" + row.policy + "' is not a valid " + (replacement ? "UpdateReplacePolicy" : "DeletionPolicy")
                  + ": CloudFormation rejects the template before changing anything)";
    }
    if (row.type == "AWS::S3::Bucket" && options.bucketsHoldObjects) {
        if (!emptiers.empty() && !replacement) {
            row.outcome = DeletionOutcome::Deleted;
            row.reason = "custom resource " + joined(emptiers)
                         + " refers to the bucket, so it is deleted first and its handler empties the bucket"
                           " (assumed); then the empty bucket is deleted"
                         + invalid;
            return;
        }
        row.outcome = DeletionOutcome::DeleteFails;
        row.reason = "a bucket that still holds objects cannot be deleted: " + subject
                     + (replacement ? " is left behind when the cleanup fails"
                                    : " fails with DELETE_FAILED (empty it first, or let a custom resource do it)")
                     + invalid;
        return;
    }
    row.outcome = DeletionOutcome::Deleted;
    row.reason = (row.policyIsDefault ? "Delete is the default: " : "") + subject + " and its data are deleted";
    if (row.type == "AWS::SecretsManager::Secret")
        row.reason += " (the secret is deleted without a recovery window)";
    row.reason += invalid;
}

} // namespace

std::string outcomeName(DeletionOutcome outcome)
{
    switch (outcome) {
    case DeletionOutcome::Deleted:
        return "Deleted";
    case DeletionOutcome::Retained:
        return "Retained";
    case DeletionOutcome::Snapshotted:
        return "Snapshotted";
    case DeletionOutcome::DeleteFails:
        return "DeleteFails";
    }
    return {};
}

bool supportsSnapshot(const std::string &type, bool replacement)
{
    if (replacement && type == "AWS::DocDB::DBCluster")
        return false;
    return std::find(kSnapshotTypes.begin(), kSnapshotTypes.end(), type) != kSnapshotTypes.end();
}

DeletionResult simulateDeletion(const Json &root, const DeletionOptions &options)
{
    DeletionResult result;
    result.replacement = options.replacement;
    const Graph graph = Graph::build(root);
    const auto emptiers = bucketEmptiers(graph);
    const auto waves = deletionWaves(graph);
    const Json *resources = TemplateLookup::child(&root, "Resources");
    if (resources && resources->is_object()) {
        for (const auto &[id, resource] : resources->items()) {
            if (!resource.is_object())
                continue;
            DeletionRow row;
            row.logicalId = id;
            row.type = stringMember(resource, "Type");
            const Policy policy = readPolicy(root, resource, row.type, options.replacement);
            row.policy = policy.value;
            row.policyIsDefault = policy.isDefault;
            const auto e = emptiers.find(id);
            decide(row, options, e == emptiers.end() ? std::vector<std::string>{} : e->second);
            if (!policy.note.empty())
                row.reason = policy.note + "; " + row.reason;
            if (auto w = waves.find(id); w != waves.end() && !options.replacement)
                row.wave = w->second;
            result.rows.push_back(std::move(row));
        }
    }
    const bool failed = std::any_of(result.rows.begin(), result.rows.end(),
                                    [](const DeletionRow &r) { return r.outcome == DeletionOutcome::DeleteFails; });
    if (!options.replacement) {
        result.stackStatus = failed ? "DELETE_FAILED" : "DELETE_COMPLETE";
        if (failed)
            result.notes.push_back("the stack ends in DELETE_FAILED; deleting it again retries the "
                                   "resources that failed "
                                   "(or retains them if you ask to)");
        if (!options.bucketsHoldObjects)
            result.notes.push_back("assumed: every bucket is already empty");
    }
    return result;
}

Json deletionResultToJson(const DeletionResult &r)
{
    Json rows = Json::array();
    for (const auto &row : r.rows) {
        Json item{{"logicalId", row.logicalId},
                  {"type", row.type},
                  {"policy", row.policy},
                  {"policyIsDefault", row.policyIsDefault},
                  {"outcome", outcomeName(row.outcome)},
                  {"reason", row.reason}};
        if (!r.replacement)
            item["wave"] = row.wave;
        rows.push_back(std::move(item));
    }
    Json out{{"mode", r.replacement ? "replacement" : "deletion"}, {"resources", std::move(rows)}, {"notes", r.notes}};
    if (!r.replacement)
        out["stackStatus"] = r.stackStatus;
    return out;
}

std::string deletionResultToText(const DeletionResult &r)
{
    std::string out = r.replacement ? "Each resource replaced by an update (UpdateReplacePolicy):\n"
                                    : "Stack deletion (DeletionPolicy): " + r.stackStatus + "\n";
    for (const auto &note : r.notes)
        out += "Note: " + note + "\n";
    std::vector<std::vector<std::string>> rows;
    rows.push_back(r.replacement ? std::vector<std::string>{"resource", "type", "policy", "outcome", "why"}
                                 : std::vector<std::string>{"order", "resource", "type", "policy", "outcome", "why"});
    for (const auto &row : r.rows) {
        std::vector<std::string> cells{row.logicalId, row.type, row.policy + (row.policyIsDefault ? " (default)" : ""),
                                       outcomeName(row.outcome), row.reason};
        if (!r.replacement)
            cells.insert(cells.begin(), std::to_string(row.wave));
        rows.push_back(std::move(cells));
    }
    return out + "\n" + whatiftext::table(rows);
}

} // namespace sc
