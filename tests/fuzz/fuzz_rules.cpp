// Every rule on any template the reader accepts: findings or none, never a crash, and each
// finding names a rule of the registry and a position inside the text.

#include "tests/fuzz/fuzzsupport.h"

#include "model/rules/ruleregistry.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input = sc::fuzz::text(data, size);
    const auto content = sc::fuzz::read(input, std::nullopt);
    if (!content)
        return 0;
    sc::ValidateOptions options;
    options.templateBytes = size;
    const auto lines = static_cast<int>(std::count(input.begin(), input.end(), '\n')) + 1;
    for (const sc::Finding &finding : sc::validate(*content, options)) {
        if (!sc::RuleRegistry::instance().find(finding.ruleId))
            sc::fuzz::fail("a finding names no rule of the registry:", finding.ruleId + ": " + finding.message);
        if (finding.line > lines)
            sc::fuzz::fail("a finding points past the end of the text:",
                           finding.ruleId + " at line " + std::to_string(finding.line) + " of " + std::to_string(lines));
    }
    return 0;
}
