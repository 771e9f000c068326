#pragma once
// The Lambda runtime identifiers StackCanvas knows and the dates AWS publishes for their
// deprecation: when a runtime stops receiving security patches, when Lambda blocks creating
// functions with it, and when it blocks updating them. Dates are "YYYY-MM-DD" strings, compared
// as text; an empty date is one our table does not carry.

#include <string>
#include <string_view>
#include <vector>

namespace sc {

struct LambdaRuntime {
    std::string_view id;          // "python3.12"
    std::string_view deprecated;  // end of security patches and support
    std::string_view createBlock; // Lambda refuses new functions from this day
    std::string_view updateBlock; // Lambda refuses updates to existing functions from this day
    std::string_view successor;   // the runtime AWS points to, when deprecated
};

// Every runtime of the table, in identifier order.
const std::vector<LambdaRuntime> &lambdaRuntimes();
// The runtime with exactly this identifier, or nullptr.
const LambdaRuntime *findLambdaRuntime(std::string_view id);
// When and where the table was read, for messages: "AWS's Lambda runtime list, read 2026-12-05".
std::string_view lambdaRuntimeSource();

enum class RuntimeStage { Supported, Deprecated, CreateBlocked, UpdateBlocked };
// The stage of `runtime` on `date` ("YYYY-MM-DD").
RuntimeStage lambdaRuntimeStage(const LambdaRuntime &runtime, std::string_view date);

} // namespace sc
