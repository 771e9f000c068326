#pragma once
// Small readers shared by the rule families: literal values (intrinsics are not literals),
// references held by a value, Beanstalk option settings, and pointer building.

#include "model/rules/rule.h"
#include "model/rules/rulecontext.h"
#include "model/document/editrecorder.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sc::rulehelpers {

// A member of an object, or nullptr (also when `object` is null or not an object).
const Json *member(const Json *object, std::string_view key);
// A string that is not an intrinsic.
std::optional<std::string> literalString(const Json *value);
// A number, or a string that reads as one ("30"); intrinsics are not literals.
std::optional<double> literalNumber(const Json *value);
// true/false or "true"/"false".
std::optional<bool> literalBool(const Json *value);
// The logical ID a value names through {"Ref": X} or {"Fn::GetAtt": [X, ...]} / "X.Attr".
std::optional<std::string> referencedId(const Json *value);
// A list literal (not an intrinsic); nullptr otherwise.
const Json *literalList(const Json *value);
// Parts of a pointer joined with escaping: ptr("/Resources", id, "Properties").
std::string ptr(std::string_view base, std::initializer_list<std::string_view> tokens);
std::string ptr(std::string_view base, std::size_t index);

// One Beanstalk option setting: {Namespace, OptionName, Value}.
struct OptionSetting {
    std::string ns;
    std::string name;
    const Json *value = nullptr;
    std::string pointer; // of the Value (or of the entry when Value is missing)
};
// OptionSettings of an environment or configuration template (literal entries only).
std::vector<OptionSetting> optionSettings(const ResourceView &resource);
// The settings of the environment merged with those of its ConfigurationTemplate (by Ref or
// literal name) and of its TemplateName; the environment's own settings win.
std::vector<OptionSetting> effectiveOptionSettings(const RuleContext &context, const ResourceView &env);
const OptionSetting *findOption(const std::vector<OptionSetting> &settings, std::string_view ns,
                                std::string_view name);

// The "did you mean" candidate closest to `word` (edit distance <= 3 and < its length), or "".
std::string closest(std::string_view word, const std::vector<std::string> &candidates);

// What the catalog was generated from, in words for a message ("AWS specification of aws-cdk
// 2.1148.1").
std::string catalogSource();

// One-click fixes of the usual shapes, each one undo step through Document::edit.
Fix setFix(std::string label, std::string pointer, Json value);
Fix removeFix(std::string label, std::string pointer);
// Removes one entry of a top-level section, and the section with it when it was the last.
Fix removeEntryFix(std::string label, const std::string &section, const std::string &key, std::size_t sectionSize);
// Renames the mapping key at `pointer` to `newKey`, keeping its value and its place.
Fix renameKeyFix(std::string label, std::string pointer, std::string newKey);

// Registration helper for rule families.
void add(std::vector<Rule> &rules, std::string id, std::string title, int topic,
         std::string explanation, std::function<void(const RuleContext &, FindingList &)> check);
// The same for a rule outside families 1 and 2 that reads the template as a whole (a count over
// every resource, a section): it re-runs after every edit (RuleScope::Template).
void addTemplateWide(std::vector<Rule> &rules, std::string id, std::string title, int topic,
                     std::string explanation, std::function<void(const RuleContext &, FindingList &)> check);

} // namespace sc::rulehelpers
