#include "model/rules/rulehelpers.h"

#include "model/catalog/catalog.h"
#include "model/document/treeedit.h"
#include "model/template/intrinsics.h"

#include <algorithm>
#include <charconv>

namespace sc::rulehelpers {

const Json *member(const Json *object, std::string_view key)
{
    if (!object || !object->is_object())
        return nullptr;
    const auto it = object->find(key);
    return it == object->end() ? nullptr : &*it;
}

std::optional<std::string> literalString(const Json *value)
{
    if (value && value->is_string())
        return value->get<std::string>();
    return std::nullopt;
}

std::optional<double> literalNumber(const Json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_number())
        return value->get<double>();
    if (value->is_string()) {
        const std::string &s = value->get_ref<const std::string &>();
        double d = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (ec == std::errc() && end == s.data() + s.size() && !s.empty())
            return d;
    }
    return std::nullopt;
}

std::optional<bool> literalBool(const Json *value)
{
    if (!value)
        return std::nullopt;
    if (value->is_boolean())
        return value->get<bool>();
    if (value->is_string()) {
        const std::string &s = value->get_ref<const std::string &>();
        if (s == "true" || s == "True")
            return true;
        if (s == "false" || s == "False")
            return false;
    }
    return std::nullopt;
}

std::optional<std::string> referencedId(const Json *value)
{
    if (!value || !value->is_object() || value->size() != 1)
        return std::nullopt;
    if (const Json *ref = member(value, "Ref"); ref && ref->is_string())
        return ref->get<std::string>();
    if (const Json *att = member(value, "Fn::GetAtt")) {
        if (att->is_array() && !att->empty() && (*att)[0].is_string())
            return (*att)[0].get<std::string>();
        if (att->is_string()) {
            const std::string &s = att->get_ref<const std::string &>();
            return s.substr(0, s.find('.'));
        }
    }
    return std::nullopt;
}

const Json *literalList(const Json *value)
{
    return value && value->is_array() ? value : nullptr;
}

std::string ptr(std::string_view base, std::initializer_list<std::string_view> tokens)
{
    std::string out(base);
    for (std::string_view t : tokens)
        out = SourceMap::join(out, t);
    return out;
}

std::string ptr(std::string_view base, std::size_t index)
{
    return std::string(base) + '/' + std::to_string(index);
}

std::vector<OptionSetting> optionSettings(const ResourceView &resource)
{
    std::vector<OptionSetting> out;
    const Json *list = literalList(resource.property("OptionSettings"));
    if (!list)
        return out;
    const std::string base = resource.propertyPointer("OptionSettings");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json &entry = (*list)[i];
        const auto ns = literalString(member(&entry, "Namespace"));
        const auto name = literalString(member(&entry, "OptionName"));
        if (!ns || !name)
            continue;
        OptionSetting s{*ns, *name, member(&entry, "Value"), ptr(base, i)};
        if (s.value)
            s.pointer += "/Value";
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<OptionSetting> effectiveOptionSettings(const RuleContext &context, const ResourceView &env)
{
    std::vector<OptionSetting> out = optionSettings(env);
    const Json *templateName = env.property("TemplateName");
    const ResourceView *configTemplate = nullptr;
    if (auto id = referencedId(templateName))
        configTemplate = context.resource(*id);
    if (configTemplate && configTemplate->type == "AWS::ElasticBeanstalk::ConfigurationTemplate") {
        for (OptionSetting &s : optionSettings(*configTemplate))
            if (!findOption(out, s.ns, s.name))
                out.push_back(std::move(s));
    }
    return out;
}

const OptionSetting *findOption(const std::vector<OptionSetting> &settings, std::string_view ns,
                                std::string_view name)
{
    for (const OptionSetting &s : settings)
        if (s.ns == ns && s.name == name)
            return &s;
    return nullptr;
}

namespace {
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1]))
                              == std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}
} // namespace

std::string closest(std::string_view word, const std::vector<std::string> &candidates)
{
    std::string best;
    std::size_t bestDistance = 4;
    for (const std::string &c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (d < bestDistance && d < word.size()) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

std::string catalogSource()
{
    const std::string source = Catalog::instance().source();
    const std::size_t end = source.find(" db.json.gz");
    return "AWS specification of " + (end == std::string::npos ? source : source.substr(0, end));
}

Fix setFix(std::string label, std::string pointer, Json value)
{
    return Fix{std::move(label), [pointer = std::move(pointer), value = std::move(value)](EditRecorder &r, std::string &) {
                   r.set(pointer, value);
                   return true;
               }};
}

Fix removeFix(std::string label, std::string pointer)
{
    return Fix{std::move(label), [pointer = std::move(pointer)](EditRecorder &r, std::string &) {
                   r.remove(pointer);
                   return true;
               }};
}

Fix removeEntryFix(std::string label, const std::string &section, const std::string &key, std::size_t sectionSize)
{
    return removeFix(std::move(label), sectionSize == 1 ? section : SourceMap::join(section, key));
}

Fix renameKeyFix(std::string label, std::string pointer, std::string newKey)
{
    return Fix{std::move(label), [pointer = std::move(pointer), newKey = std::move(newKey)](EditRecorder &r, std::string &error) {
                   std::string parentPointer, key;
                   tree::splitPointer(pointer, parentPointer, key);
                   const Json *parent = tree::find(r.root(), parentPointer);
                   const Json *value = tree::find(r.root(), pointer);
                   if (!parent || !parent->is_object() || !value || parent->contains(newKey)) {
                       error = "cannot rename " + key + " to " + newKey;
                       return false;
                   }
                   const std::ptrdiff_t index = tree::indexOfKey(*parent, key);
                   const Json moved = *value;
                   r.remove(pointer);
                   r.set(SourceMap::join(parentPointer, newKey), moved, index);
                   return true;
               }};
}

void add(std::vector<Rule> &rules, std::string id, std::string title, int topic,
         std::string explanation, std::function<void(const RuleContext &, FindingList &)> check)
{
    rules.push_back(Rule{std::move(id), std::move(title), std::move(explanation), topic, std::move(check)});
}

void addTemplateWide(std::vector<Rule> &rules, std::string id, std::string title, int topic,
                     std::string explanation, std::function<void(const RuleContext &, FindingList &)> check)
{
    add(rules, std::move(id), std::move(title), topic, std::move(explanation), std::move(check));
    rules.back().scope = RuleScope::Template;
}

} // namespace sc::rulehelpers
