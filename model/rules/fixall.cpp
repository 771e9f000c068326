#include "model/rules/fixall.h"

#include <set>
#include <tuple>

namespace sc {

FixReport applyAllFixes(Document &document, const ValidateOptions &options)
{
    FixReport report;
    // A fix is tried once: identified by rule, place and label, so a fix that leaves its
    // finding in place (or is refused) cannot loop.
    std::set<std::tuple<std::string, std::string, std::string>> tried;
    // A bound on the rounds, in case fixes kept offering new fixes of each other's making.
    std::size_t rounds = 0, limit = 0;
    for (;;) {
        const std::vector<Finding> findings = validate(document, options);
        if (rounds++ == 0)
            limit = 4 * findings.size() + 64;
        if (rounds > limit)
            return report;
        const Finding *next = nullptr;
        for (const Finding &f : findings)
            if (f.fix && !tried.count({f.ruleId, f.path, f.fix->label})) {
                next = &f;
                break;
            }
        if (!next)
            return report;
        tried.insert({next->ruleId, next->path, next->fix->label});
        const EditResult result = next->fix->apply(document);
        if (result.ok)
            report.applied.push_back(next->fix->label);
        else
            report.failed.push_back(next->fix->label + ": " + result.error);
    }
}

} // namespace sc
