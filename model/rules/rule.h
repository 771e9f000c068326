#pragma once
// A validation rule and what it reports. A rule is a small value: an id (E/W/I + 4 digits whose
// first digit is its family, DESIGN §4), a severity, a title, an explanation written as a study
// note, the seed topic it teaches, and a check that looks at one template and reports findings.
// A finding says what is wrong and where (logical ID, JSON pointer, line, column) and may carry a
// fix: edit steps applied through Document::edit, so a fix is exactly one undo command.

#include "model/document/document.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

class EditRecorder;
class RuleContext;

enum class Severity { Error, Warning, Info };

std::string_view severityName(Severity severity); // "error", "warning", "info"
std::optional<Severity> parseSeverity(std::string_view name);
// Error < Warning < Info: "at least as severe as" is <=.
inline bool atLeast(Severity s, Severity minimum) { return static_cast<int>(s) <= static_cast<int>(minimum); }

// A one-click repair. The steps run inside Document::edit(label, ...): all or nothing, one undo.
struct Fix {
    std::string label;
    std::function<bool(EditRecorder &, std::string &error)> steps;
    EditResult apply(Document &document) const { return document.edit(label, steps); }
};

struct Finding {
    std::string ruleId;
    Severity severity = Severity::Error;
    std::string logicalId; // empty when the finding is not about a resource
    std::string path;      // JSON pointer: "/Resources/Api/Properties/Role"
    int line = 0;          // 1-based, 0 when unknown
    int column = 0;
    std::string message;
    std::optional<Fix> fix;
};

// Where a check reports. The engine stamps rule id, severity and source position afterwards.
class FindingList {
public:
    void add(std::string pointer, std::string message, std::optional<Fix> fix = std::nullopt);
    std::vector<Finding> &items() { return m_items; }

private:
    std::vector<Finding> m_items;
};

// What a rule's findings can depend on, which decides what re-runs after an edit.
// Resource: the rule looks at the resources it iterates (resources(), ofType(), intrinsicUses()),
// may look up what they reference or what references them, and reports on them; after an edit
// it re-runs for the changed resources and their neighbours only. Template: the rule reads the
// template as a whole (sections, every reference, counts over all resources) and re-runs after
// every edit. Families 1 and 2 (structure, references) and 6 and 7 (governance, operations: they
// match resources by name or event pattern) are Template; a rule of another family
// that counts or scans the whole template says so when it registers (rulehelpers::addTemplateWide).
enum class RuleScope { Resource, Template };

struct Rule {
    std::string id;          // "E2001"
    std::string title;       // one line, user words
    std::string explanation; // a study note: what AWS does and why it matters
    int topic = 0;           // seed topic (shared/seed/TOPICS.md), 1..8
    std::function<void(const RuleContext &, FindingList &)> check;
    RuleScope scope = RuleScope::Resource;

    Severity severity() const;
    int family() const { return id.size() > 1 ? id[1] - '0' : 0; }
    // The findings of this rule alone, positioned.
    std::vector<Finding> run(const RuleContext &context) const;
};

} // namespace sc
