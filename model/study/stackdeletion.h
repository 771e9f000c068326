#pragma once
// What-if: deleting the stack (DeletionPolicy) or replacing each resource (UpdateReplacePolicy),
// resource by resource, with the outcome and why (reference §6.1):
//   Deleted      the resource and its data go (Delete, the default for almost every type; also
//                Snapshot on a type that cannot snapshot, which falls back to Delete);
//   Retained     it stays in the account, outside the stack, still billed (Retain,
//                RetainExceptOnCreate);
//   Snapshotted  a final snapshot is taken, then it is deleted (Snapshot on a supported type;
//                the default of AWS::RDS::DBCluster and of an AWS::RDS::DBInstance outside a
//                cluster);
//   DeleteFails  CloudFormation cannot delete it: an S3 bucket that still holds objects. A custom
//                resource that refers to the bucket is deleted before it (it depends on the
//                bucket), so its handler can empty the bucket first: StackCanvas assumes it does.
// Deletion runs in reverse dependency order: `wave` 1 goes first (nothing depends on it), each
// resource after every resource that refers to it.

#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

enum class DeletionOutcome { Deleted, Retained, Snapshotted, DeleteFails };
std::string outcomeName(DeletionOutcome outcome);

struct DeletionOptions {
    bool replacement = false;       // UpdateReplacePolicy of a replaced resource, not DeletionPolicy
    bool bucketsHoldObjects = true; // the live buckets are not empty (the common case)
};

struct DeletionRow {
    std::string logicalId;
    std::string type;
    std::string policy; // the policy in force: Delete, Retain, RetainExceptOnCreate, Snapshot
    bool policyIsDefault = false;
    DeletionOutcome outcome = DeletionOutcome::Deleted;
    std::string reason;
    int wave = 1; // deletion order (stack deletion only)
};

struct DeletionResult {
    bool replacement = false;
    std::string stackStatus;       // DELETE_COMPLETE or DELETE_FAILED (stack deletion)
    std::vector<DeletionRow> rows; // in template order
    std::vector<std::string> notes;
};

DeletionResult simulateDeletion(const Json &root, const DeletionOptions &options = {});

// Types whose DeletionPolicy / UpdateReplacePolicy may be Snapshot.
bool supportsSnapshot(const std::string &type, bool replacement);

Json deletionResultToJson(const DeletionResult &result);
std::string deletionResultToText(const DeletionResult &result);

} // namespace sc
