#include "model/rules/ruleregistry.h"

#include "model/rules/rulecontext.h"

#include <algorithm>

namespace sc {

const RuleRegistry &RuleRegistry::instance()
{
    static const RuleRegistry registry;
    return registry;
}

RuleRegistry::RuleRegistry()
{
    using namespace rulefamilies;
    addTemplateRules(m_rules);
    addReferenceRules(m_rules);
    addSchemaRules(m_rules);
    addServiceValueRules(m_rules);
    addCodeDeployRules(m_rules);
    addBeanstalkRules(m_rules);
    addFleetRules(m_rules);
    addEcsDeploymentRules(m_rules);
    addInstanceRefreshRules(m_rules);
    addDataProtectionRules(m_rules);
    addGovernanceRules(m_rules);
    addOperationsRules(m_rules);
    for (Rule &rule : m_rules) {
        // Structure and references read the whole template; governance (portfolios, their
        // associations and constraints) and operations (hooks and the EventBridge rules or
        // targets that react to them) match resources by name and pattern, not by reference.
        if (rule.family() <= 2 || rule.family() >= 6)
            rule.scope = RuleScope::Template;
    }
    std::stable_sort(m_rules.begin(), m_rules.end(), [](const Rule &a, const Rule &b) {
        return a.id.substr(1) < b.id.substr(1) || (a.id.substr(1) == b.id.substr(1) && a.id < b.id);
    });
}

const Rule *RuleRegistry::find(std::string_view id) const
{
    for (const Rule &r : m_rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

bool ruleSelected(const Rule &rule, const ValidateOptions &options)
{
    return atLeast(rule.severity(), options.minSeverity)
           && (options.onlyRules.empty() || options.onlyRules.count(rule.id));
}

void sortFindings(std::vector<Finding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.line != b.line)
            return a.line < b.line;
        if (a.column != b.column)
            return a.column < b.column;
        return a.ruleId < b.ruleId;
    });
}

std::vector<Finding> validate(const Json &root, const SourceMap &positions, const ValidateOptions &options)
{
    RuleContext context(root, positions, options.templateBytes);
    if (!options.today.empty())
        context.setToday(options.today);
    std::vector<Finding> out;
    for (const Rule &rule : RuleRegistry::instance().rules()) {
        if (!ruleSelected(rule, options))
            continue;
        std::vector<Finding> found = rule.run(context);
        std::move(found.begin(), found.end(), std::back_inserter(out));
    }
    sortFindings(out);
    return out;
}

std::vector<Finding> validate(const Template &content, const ValidateOptions &options)
{
    return validate(content.root, content.positions, options);
}

std::vector<Finding> validate(const Document &document, const ValidateOptions &options)
{
    return validate(document.root(), document.positions(), options);
}

} // namespace sc
