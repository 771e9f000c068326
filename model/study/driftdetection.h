#pragma once
// What-if: drift detection (reference §6.4). The template is what CloudFormation expects; the
// "live" copy is the same template edited the way someone changed the resources outside the
// stack (a console edit, a deleted resource). detectDrift() compares them the way AWS does:
// per resource IN_SYNC, MODIFIED, DELETED or NOT_CHECKED (a type without drift support), and per
// property ADD (a value added to a list), REMOVE (a property or list item missing from the live
// resource) or NOT_EQUAL. Only properties the template sets explicitly are compared (a value
// set only in the live copy is not drift), and values holding a dynamic reference are skipped.
//
// LiveEdit describes one change to the live copy ("ID.PROPERTY.SUB=JSON", "ID.PROPERTY" to
// remove, "ID" to delete the resource), so the CLI and the window edit it the same way.

#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

struct PropertyDifference {
    std::string path; // relative to Properties: "/Tags/1/Value"
    std::string type; // ADD, REMOVE, NOT_EQUAL
    Json expected;    // null for ADD
    Json actual;      // null for REMOVE
};

struct ResourceDrift {
    std::string logicalId;
    std::string type;
    std::string status; // IN_SYNC, MODIFIED, DELETED, NOT_CHECKED
    std::string reason;
    std::vector<PropertyDifference> differences;
};

struct DriftResult {
    std::string stackStatus;              // DRIFTED or IN_SYNC
    std::vector<ResourceDrift> resources; // in template order
};

DriftResult detectDrift(const Json &expected, const Json &live);

struct LiveEdit {
    enum class Kind { Set, Remove, DeleteResource };
    Kind kind = Kind::Set;
    std::string logicalId;
    std::vector<std::string> path; // under Properties; a number addresses a list item
    Json value;

    // "ID.PROP.SUB=JSON" (Set; a value that is not JSON is taken as a string), "ID.PROP" with
    // `remove`, or "ID" with `deleteResource`. Throws std::invalid_argument.
    static LiveEdit parseSet(const std::string &text);
    static LiveEdit parseRemove(const std::string &text);
    static LiveEdit parseDelete(const std::string &text);
};

// Applies the edit to a live copy; throws std::invalid_argument when the resource or the
// parent of the path does not exist.
void applyLiveEdit(Json &live, const LiveEdit &edit);

Json driftResultToJson(const DriftResult &result);
std::string driftResultToText(const DriftResult &result);

} // namespace sc
