#include "model/rules/ruleregistry.h"

#include "model/rules/rulecontext.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

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
    // The rules only read the context, so a large template shares them out among threads, each
    // taking the next rule not yet taken. Each rule's findings keep their slot and are joined in
    // rule order, so the result is the same as one thread's; so is an exception, the first rule's.
    const std::vector<Rule> &rules = RuleRegistry::instance().rules();
    std::vector<std::vector<Finding>> found(rules.size());
    std::vector<std::exception_ptr> failed(rules.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&]() noexcept {
        for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < rules.size();) {
            if (!ruleSelected(rules[i], options))
                continue;
            try {
                found[i] = rules[i].run(context);
            } catch (...) {
                failed[i] = std::current_exception();
            }
        }
    };
    const Json *resources = root.is_object() && root.contains("Resources") ? &root["Resources"] : nullptr;
    const std::size_t resourceCount = resources && resources->is_object() ? resources->size() : 0;
    const unsigned threads = resourceCount >= options.parallelFrom
                                 ? std::clamp(options.threads ? options.threads : std::thread::hardware_concurrency(), 1u, 8u)
                                 : 1u;
    {
        std::vector<std::jthread> helpers;
        try {
            for (unsigned t = 1; t < threads; ++t)
                helpers.emplace_back(work);
        } catch (const std::system_error &) {
            // No more threads to be had: the ones started and this one do the rest.
        }
        work();
    }
    for (const std::exception_ptr &e : failed)
        if (e)
            std::rethrow_exception(e);
    std::vector<Finding> out;
    for (std::vector<Finding> &f : found)
        std::move(f.begin(), f.end(), std::back_inserter(out));
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
