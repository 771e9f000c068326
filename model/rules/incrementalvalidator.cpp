#include "model/rules/incrementalvalidator.h"

#include "model/rules/rulecontext.h"

#include <algorithm>

namespace sc {

std::set<std::string, std::less<>> touchedBy(const DocumentChange &change)
{
    std::set<std::string, std::less<>> touched(change.modified.begin(), change.modified.end());
    touched.insert(change.added.begin(), change.added.end());
    touched.insert(change.removed.begin(), change.removed.end());
    for (const auto &[from, to] : change.renamed) {
        touched.insert(from);
        touched.insert(to);
    }
    return touched;
}

void prepareTakeOver(ResourceReferences &earlier, const DocumentChange &change)
{
    if (!change.added.empty() || !change.removed.empty() || !change.renamed.empty())
        earlier.forgetCalls();
}

IncrementalValidator::IncrementalValidator(ValidateOptions options)
    : m_options(std::move(options))
{
    for (const Rule &rule : RuleRegistry::instance().rules()) {
        if (ruleSelected(rule, m_options))
            m_rules.push_back(&rule);
    }
    m_byRule.resize(m_rules.size());
}

const std::vector<Finding> &IncrementalValidator::validateAll(const Json &root, const SourceMap &positions)
{
    RuleContext context(root, positions, m_options.templateBytes);
    if (!m_options.today.empty())
        context.setToday(m_options.today);
    rememberNeighbours(context);
    run(context, nullptr);
    m_references = context.takeResourceReferences();
    m_valid = true;
    return m_findings;
}

const std::vector<Finding> &IncrementalValidator::update(const Json &root, const SourceMap &positions,
                                                         const DocumentChange &change)
{
    if (!m_valid || change.reset || change.otherSections)
        return validateAll(root, positions);
    const IdSet changed = touchedBy(change);
    IdSet focus = changed;
    const auto addNeighbours = [&] {
        for (const std::string &id : changed) {
            if (const auto it = m_neighbours.find(id); it != m_neighbours.end())
                focus.insert(it->second.begin(), it->second.end());
        }
    };
    addNeighbours(); // before the edit: what referenced or was referenced by a changed resource
    // The resources the edit left alone hold the same references as before.
    prepareTakeOver(m_references, change);
    RuleContext context(root, positions, m_options.templateBytes, std::move(m_references), changed);
    if (!m_options.today.empty())
        context.setToday(m_options.today);
    if (change.graphChanged) {
        rememberNeighbours(context);
        addNeighbours(); // and after it
    }
    run(context, &focus);
    m_references = context.takeResourceReferences();
    return m_findings;
}

void IncrementalValidator::rememberNeighbours(const RuleContext &context)
{
    // A missing ID counts as a neighbour: it links the resource to whatever later takes that name.
    // Parameters and pseudo parameters are not resources and cannot become one.
    m_neighbours.clear();
    for (const ResourceView &from : context.resources()) {
        for (const Reference &r : context.referencesFrom(from.id)) {
            if (r.target == from.id || context.isParameter(r.target) || r.target.rfind("AWS::", 0) == 0)
                continue;
            m_neighbours[from.id].insert(r.target);
            m_neighbours[r.target].insert(from.id);
        }
    }
}

void IncrementalValidator::run(RuleContext &context, const IdSet *focus)
{
    m_lastWasFull = focus == nullptr;
    m_lastFocus = focus ? *focus : IdSet();
    const auto focused = [focus](const Finding &f) { return focus->count(f.logicalId) > 0; };
    // The whole template's rules first, then the focused ones: the focus is set once.
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        if (!focus || m_rules[i]->scope == RuleScope::Template)
            m_byRule[i] = m_rules[i]->run(context);
    }
    if (focus) {
        context.setFocus(focus);
        for (std::size_t i = 0; i < m_rules.size(); ++i) {
            if (m_rules[i]->scope != RuleScope::Resource)
                continue;
            std::vector<Finding> &kept = m_byRule[i];
            kept.erase(std::remove_if(kept.begin(), kept.end(), focused), kept.end());
            for (Finding &f : kept) {
                const SourcePos pos = context.positions().find(f.path);
                f.line = pos.line;
                f.column = pos.column;
            }
            // A focused resource's check may also report on a neighbour outside the focus: that
            // finding is already kept (a resource's findings depend on it and its neighbours).
            for (Finding &f : m_rules[i]->run(context)) {
                if (focused(f))
                    kept.push_back(std::move(f));
            }
        }
        context.setFocus(nullptr);
    }
    m_findings.clear();
    for (const std::vector<Finding> &list : m_byRule)
        m_findings.insert(m_findings.end(), list.begin(), list.end());
    sortFindings(m_findings);
}

} // namespace sc
