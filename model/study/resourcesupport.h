#pragma once
// Which resource types CloudFormation can import into a stack and check for drift, and the
// identifier properties an import names (ResourceToImport.ResourceIdentifier). A fact table:
// the types are those AWS lists on "Resource type support"
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import-supported-resources.html,
// archived in awsdocs/aws-cloudformation-user-guide
// doc_source/resource-import-supported-resources.md), limited to the kinds StackCanvas draws in
// depth; the identifiers are each type's primaryIdentifier in the CloudFormation registry schema
// (as the AWS CDK's service specification database records it). AWS's current list is longer: a
// type missing here is "not known to StackCanvas", never "not supported".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

enum class Support { Supported, NotSupported, Unknown };

struct ResourceSupport {
    Support support = Support::Unknown;
    std::vector<std::string> identifiers; // primary identifier properties, when known
    std::string reason;                   // in the user's words
};

// Import and drift detection are supported for the same public types.
ResourceSupport importSupport(std::string_view type);
ResourceSupport driftSupport(std::string_view type);

inline constexpr const char *kResourceTypeSupportUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                                                       "resource-import-supported-resources.html";

} // namespace sc
