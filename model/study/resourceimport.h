#pragma once
// What-if: bringing existing resources into a stack with an IMPORT change set (reference §6.5).
// A resource to import is marked in the template with Metadata.StackCanvas.import: an object of
// identifier property -> value ({"BucketName": "my-bucket"}), or true when the identifier is a
// literal property of the resource. For every resource the plan says whether its type can be
// imported, which identifiers the import must name, and, for the marked ones, what is still
// missing: the identifier values and a DeletionPolicy (every imported resource needs one; an
// automatic import during create or update needs Retain or RetainExceptOnCreate). The ready
// resources make the change set's ResourcesToImport.

#include "model/study/resourcesupport.h"
#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

struct ImportRow {
    std::string logicalId;
    std::string type;
    Support importable = Support::Unknown;
    std::vector<std::string> identifiers; // the properties ResourceIdentifier names
    bool marked = false;                  // Metadata.StackCanvas.import
    Json identifierValues = Json::object();
    std::string deletionPolicy; // empty when the resource has none
    // Ready, MissingIdentifier, MissingDeletionPolicy, NotImportable (marked) or NotMarked.
    std::string status;
    std::string reason;
};

struct ImportPlan {
    bool automatic = false; // auto-import during create/update instead of an IMPORT change set
    std::vector<ImportRow> rows;
    Json resourcesToImport = Json::array(); // [{ResourceType, LogicalResourceId, ResourceIdentifier}]
    std::vector<std::string> notes;
    bool ready() const; // something is marked and every marked resource is Ready
};

ImportPlan planImport(const Json &root, bool automatic = false);

Json importPlanToJson(const ImportPlan &plan);
std::string importPlanToText(const ImportPlan &plan);

} // namespace sc
