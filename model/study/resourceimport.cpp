#include "model/study/resourceimport.h"

#include "model/rollout/templatelookup.h"
#include "model/study/whatiftext.h"

#include <algorithm>

namespace sc {

namespace {

std::string supportName(Support s)
{
    switch (s) {
    case Support::Supported:
        return "yes";
    case Support::NotSupported:
        return "no";
    case Support::Unknown:
        return "unknown";
    }
    return {};
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &i : items)
        out += (out.empty() ? "" : ", ") + i;
    return out;
}

void plan(ImportRow &row, const Json &resource, bool automatic)
{
    const Json *mark = TemplateLookup::child(TemplateLookup::child(&resource, "Metadata"), "StackCanvas");
    mark = TemplateLookup::child(mark, "import");
    row.marked = mark && !(mark->is_boolean() && !mark->get<bool>());
    const Json *policy = TemplateLookup::child(&resource, "DeletionPolicy");
    if (policy && policy->is_string())
        row.deletionPolicy = policy->get<std::string>();
    if (!row.marked) {
        row.status = "NotMarked";
        row.reason = row.importable == Support::Supported
                         ? "importable; not marked, so it counts as a resource the stack already has"
                         : "not marked for import: it counts as a resource the stack already has";
        return;
    }
    if (row.importable != Support::Supported) {
        row.status = "NotImportable";
        row.reason = importSupport(row.type).reason;
        return;
    }
    const Json *properties = TemplateLookup::child(&resource, "Properties");
    std::vector<std::string> missing;
    for (const std::string &name : row.identifiers) {
        const Json *given = mark->is_object() ? TemplateLookup::child(mark, name.c_str()) : nullptr;
        const Json *literal = TemplateLookup::child(properties, name.c_str());
        if (given && given->is_string() && !given->get<std::string>().empty())
            row.identifierValues[name] = *given;
        else if (literal && literal->is_string())
            row.identifierValues[name] = *literal; // a static name in the template
        else
            missing.push_back(name);
    }
    if (!missing.empty()) {
        row.status = "MissingIdentifier";
        row.reason = "the import must name the existing resource by " + joined(missing)
                     + " (give it in Metadata.StackCanvas.import or as a literal property)";
        return;
    }
    if (row.deletionPolicy.empty()) {
        row.status = "MissingDeletionPolicy";
        row.reason = "every resource being imported needs a DeletionPolicy, so that a rollback "
                     "cannot delete it";
        return;
    }
    if (automatic && row.deletionPolicy != "Retain" && row.deletionPolicy != "RetainExceptOnCreate") {
        row.status = "MissingDeletionPolicy";
        row.reason
            = "an automatic import needs DeletionPolicy Retain or RetainExceptOnCreate, not " + row.deletionPolicy;
        return;
    }
    row.status = "Ready";
    row.reason = "imported as " + row.identifierValues.dump() + " with DeletionPolicy " + row.deletionPolicy;
}

} // namespace

bool ImportPlan::ready() const
{
    bool any = false;
    for (const auto &row : rows) {
        if (row.marked && row.status != "Ready")
            return false;
        any = any || row.marked;
    }
    return any;
}

ImportPlan planImport(const Json &root, bool automatic)
{
    ImportPlan result;
    result.automatic = automatic;
    const Json *resources = TemplateLookup::child(&root, "Resources");
    if (resources && resources->is_object()) {
        for (const auto &[id, resource] : resources->items()) {
            if (!resource.is_object())
                continue;
            ImportRow row;
            row.logicalId = id;
            row.type = resource.value("Type", std::string());
            const ResourceSupport support = importSupport(row.type);
            row.importable = support.support;
            row.identifiers = support.identifiers;
            plan(row, resource, automatic);
            if (row.status == "Ready") {
                result.resourcesToImport.push_back({{"ResourceType", row.type},
                                                    {"LogicalResourceId", row.logicalId},
                                                    {"ResourceIdentifier", row.identifierValues}});
            }
            result.rows.push_back(std::move(row));
        }
    }
    const bool anyMarked
        = std::any_of(result.rows.begin(), result.rows.end(), [](const ImportRow &r) { return r.marked; });
    if (!anyMarked)
        result.notes.push_back("no resource is marked for import (Metadata.StackCanvas.import): "
                               "the table shows what could be");
    result.notes.push_back("the template must describe the whole stack; the import may not create, change or delete "
                           "any other resource, and a resource can belong to one stack only");
    result.notes.push_back("CloudFormation checks that the resources exist, not that the template matches them: "
                           "run drift detection after the import");
    return result;
}

Json importPlanToJson(const ImportPlan &p)
{
    Json rows = Json::array();
    for (const auto &row : p.rows) {
        rows.push_back({{"logicalId", row.logicalId},
                        {"type", row.type},
                        {"importable", supportName(row.importable)},
                        {"identifiers", row.identifiers},
                        {"marked", row.marked},
                        {"identifierValues", row.identifierValues},
                        {"deletionPolicy", row.deletionPolicy.empty() ? Json(nullptr) : Json(row.deletionPolicy)},
                        {"status", row.status},
                        {"reason", row.reason}});
    }
    return {{"automatic", p.automatic},
            {"ready", p.ready()},
            {"resources", std::move(rows)},
            {"resourcesToImport", p.resourcesToImport},
            {"notes", p.notes}};
}

std::string importPlanToText(const ImportPlan &p)
{
    std::string out = std::string(p.automatic ? "Automatic import" : "Import change set") + ": "
                      + (p.ready() ? "ready" : "not ready") + "\n";
    for (const auto &note : p.notes)
        out += "Note: " + note + "\n";
    std::vector<std::vector<std::string>> rows{
        {"resource", "type", "importable", "identifiers", "DeletionPolicy", "status", "why"}};
    for (const auto &row : p.rows) {
        rows.push_back({row.logicalId, row.type, supportName(row.importable), joined(row.identifiers),
                        row.deletionPolicy.empty() ? "-" : row.deletionPolicy, row.status, row.reason});
    }
    out += "\n" + whatiftext::table(rows);
    if (!p.resourcesToImport.empty())
        out += "\nResourcesToImport:\n" + p.resourcesToImport.dump(2) + "\n";
    return out;
}

} // namespace sc
