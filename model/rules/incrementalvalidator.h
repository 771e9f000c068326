#pragma once
// Validation that follows a document's edits: after each change it re-runs only what the change
// can have affected and returns exactly the findings a full validate() would (same rules,
// resources, paths, messages, severities, fixes, positions and order).
//
// What re-runs (RuleScope, rule.h): the rules of the whole template after every change, and the
// rules of resources for the changed resources and their neighbours (resources that reference or
// are referenced by a changed one, before or after the edit, through Ref, GetAtt, Sub or
// DependsOn). The other resources' findings are kept and re-positioned, since an edit moves
// lines, and the references they make are taken over rather than collected again. A new
// document, or an edit outside Resources (Parameters, Conditions, Transform, ...), validates
// everything.

#include "model/document/documentchange.h"
#include "model/rules/rulecontext.h"
#include "model/rules/ruleregistry.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sc {

// The resources `change` touched: modified, added, removed, and both names of a rename.
std::set<std::string, std::less<>> touchedBy(const DocumentChange &change);
// Readies what an earlier context handed over for a context after `change`: the intrinsic calls
// are forgotten when a resource was added, removed or renamed (they may have moved).
void prepareTakeOver(ResourceReferences &earlier, const DocumentChange &change);

class IncrementalValidator {
public:
    explicit IncrementalValidator(ValidateOptions options = {});

    // Everything, from scratch.
    const std::vector<Finding> &validateAll(const Json &root, const SourceMap &positions);
    // After `change` (what happened since the previous call, merged when several).
    const std::vector<Finding> &update(const Json &root, const SourceMap &positions, const DocumentChange &change);

    const std::vector<Finding> &findings() const { return m_findings; }
    // The size of the template's text, for the quotas on it (ValidateOptions::templateBytes); the
    // rules of the whole template re-run at every update, so the next one judges it.
    void setTemplateBytes(std::size_t bytes) { m_options.templateBytes = bytes; }
    // The resources the last call re-checked, and whether it validated everything: what the
    // benchmark and the tests read to see that an edit re-checked little.
    const std::set<std::string, std::less<>> &lastFocus() const { return m_lastFocus; }
    bool lastWasFull() const { return m_lastWasFull; }

private:
    using IdSet = std::set<std::string, std::less<>>;
    // Runs the selected rules; with a focus, the rules of resources only over it, the other
    // resources' findings kept and re-positioned.
    void run(RuleContext &context, const IdSet *focus);
    void rememberNeighbours(const RuleContext &context);

    ValidateOptions m_options;
    bool m_valid = false;
    std::vector<const Rule *> m_rules;                 // those the options select, registry order
    std::vector<std::vector<Finding>> m_byRule;        // parallel to m_rules
    std::map<std::string, IdSet, std::less<>> m_neighbours; // as of the last run
    ResourceReferences m_references;                   // the last run's, for the next one to take over
    std::vector<Finding> m_findings;
    IdSet m_lastFocus;
    bool m_lastWasFull = true;
};

} // namespace sc
