#pragma once
// Every rule of the application, in id order, and the entry points that run them. Validation is
// a pure function of the template (DESIGN §2.4): same input, same findings, in text order.

#include "model/rules/rule.h"
#include "model/template/template.h"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

class RuleRegistry {
public:
    static const RuleRegistry &instance();
    const std::vector<Rule> &rules() const { return m_rules; }
    const Rule *find(std::string_view id) const;

private:
    RuleRegistry();
    std::vector<Rule> m_rules;
};

struct ValidateOptions {
    Severity minSeverity = Severity::Info;
    std::set<std::string, std::less<>> onlyRules; // empty: all rules
    std::size_t templateBytes = 0;                // size of the source text, for the limits
    // The date dated facts are judged on (a Lambda runtime's deprecation), "YYYY-MM-DD"; empty
    // means today (UTC). Fixed in tests so that findings do not change with the calendar.
    std::string today;
    // Threads that share the rules out on a template of `parallelFrom` resources or more: 0
    // means one per core (at most 8). Smaller templates are checked on the caller's thread,
    // where starting threads would cost more than it saves.
    unsigned threads = 0;
    std::size_t parallelFrom = 100;
};

// Whether the options select a rule (its severity and the rule list).
bool ruleSelected(const Rule &rule, const ValidateOptions &options);
// The order findings are reported in: line, column, rule id, then as the rules found them.
void sortFindings(std::vector<Finding> &findings);

// Findings sorted by line, column, rule id.
std::vector<Finding> validate(const Json &root, const SourceMap &positions,
                              const ValidateOptions &options = {});
std::vector<Finding> validate(const Template &content, const ValidateOptions &options = {});
std::vector<Finding> validate(const Document &document, const ValidateOptions &options = {});

// The families' rule lists (one file each).
namespace rulefamilies {
void addTemplateRules(std::vector<Rule> &rules);     // 1: structure and limits
void addReferenceRules(std::vector<Rule> &rules);    // 2: references and intrinsics
void addSchemaRules(std::vector<Rule> &rules);       // 3: schema
void addServiceValueRules(std::vector<Rule> &rules); // 3: Lambda runtimes, SQS redrive policies
void addCodeDeployRules(std::vector<Rule> &rules);   // 4: CodeDeploy, Lambda, SAM, ECS
void addBeanstalkRules(std::vector<Rule> &rules);    // 4: Elastic Beanstalk
void addFleetRules(std::vector<Rule> &rules);        // 4: Auto Scaling, Route 53
void addEcsDeploymentRules(std::vector<Rule> &rules); // 4: ECS's own deployments
void addInstanceRefreshRules(std::vector<Rule> &rules); // 4: Auto Scaling instance refresh
void addDataProtectionRules(std::vector<Rule> &rules); // 5
void addGovernanceRules(std::vector<Rule> &rules);   // 6
void addOperationsRules(std::vector<Rule> &rules);   // 7
} // namespace rulefamilies

} // namespace sc
