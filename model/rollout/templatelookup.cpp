#include "model/rollout/templatelookup.h"

#include "model/template/intrinsics.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace sc {

namespace {

const Json &emptyObject()
{
    static const Json empty = Json::object();
    return empty;
}

} // namespace

TemplateLookup::TemplateLookup(const Json &root)
    : m_root(root.is_object() ? root : emptyObject())
{
}

const Json *TemplateLookup::resource(const std::string &logicalId) const
{
    auto resources = m_root.find("Resources");
    if (resources == m_root.end() || !resources->is_object())
        return nullptr;
    auto it = resources->find(logicalId);
    return it != resources->end() && it->is_object() ? &*it : nullptr;
}

std::string TemplateLookup::type(const std::string &logicalId) const
{
    const Json *r = resource(logicalId);
    if (!r)
        return {};
    auto it = r->find("Type");
    return it != r->end() && it->is_string() ? it->get<std::string>() : std::string();
}

const Json *TemplateLookup::property(const std::string &logicalId, const std::string &name) const
{
    const Json *r = resource(logicalId);
    if (!r)
        return nullptr;
    auto props = r->find("Properties");
    if (props == r->end() || !props->is_object())
        return nullptr;
    auto it = props->find(name);
    return it != props->end() ? &*it : nullptr;
}

std::vector<std::string> TemplateLookup::resourcesOfType(const std::string &wanted) const
{
    std::vector<std::string> out;
    auto resources = m_root.find("Resources");
    if (resources == m_root.end() || !resources->is_object())
        return out;
    for (const auto &[id, value] : resources->items()) {
        if (stringMember(value, "Type") == wanted)
            out.push_back(id);
    }
    return out;
}

std::optional<std::string> TemplateLookup::referencedResource(const Json &value) const
{
    if (!value.is_object() || value.size() != 1)
        return std::nullopt;
    std::string id;
    if (auto ref = value.find("Ref"); ref != value.end() && ref->is_string()) {
        id = ref->get<std::string>();
    } else if (auto att = value.find("Fn::GetAtt"); att != value.end()) {
        if (att->is_array() && !att->empty() && (*att)[0].is_string())
            id = (*att)[0].get<std::string>();
        else if (att->is_string())
            id = att->get<std::string>().substr(0, att->get<std::string>().find('.'));
    }
    if (id.empty() || !resource(id))
        return std::nullopt;
    return id;
}

bool TemplateLookup::mentions(const Json &value, const std::string &logicalId) const
{
    if (value.is_object()) {
        if (auto id = referencedResource(value); id && *id == logicalId)
            return true;
        if (auto sub = value.find("Fn::Sub"); sub != value.end()) {
            const Json &text = sub->is_array() && !sub->empty() ? (*sub)[0] : *sub;
            if (text.is_string()) {
                for (const intrinsics::SubPart &part : intrinsics::parseSub(text.get_ref<const std::string &>())) {
                    if (part.kind == intrinsics::SubPart::Kind::Variable
                        && (part.text == logicalId || part.text.rfind(logicalId + '.', 0) == 0))
                        return true;
                }
            }
        }
        for (const auto &[key, child] : value.items()) {
            if (mentions(child, logicalId))
                return true;
        }
    } else if (value.is_array()) {
        for (const auto &child : value) {
            if (mentions(child, logicalId))
                return true;
        }
    }
    return false;
}

const Json *TemplateLookup::parameterDefault(const Json &value) const
{
    if (!value.is_object() || value.size() != 1 || !value.contains("Ref") || !value["Ref"].is_string())
        return nullptr;
    auto params = m_root.find("Parameters");
    if (params == m_root.end() || !params->is_object())
        return nullptr;
    auto p = params->find(value["Ref"].get<std::string>());
    if (p == params->end() || !p->is_object() || !p->contains("Default"))
        return nullptr;
    return &(*p)["Default"];
}

const Json *TemplateLookup::child(const Json *object, const char *key)
{
    if (!object || !object->is_object())
        return nullptr;
    auto it = object->find(key);
    return it != object->end() ? &*it : nullptr;
}

std::optional<long long> TemplateLookup::integer(const Json *value) const
{
    if (!value)
        return std::nullopt;
    if (const Json *d = parameterDefault(*value))
        return integer(d);
    if (value->is_number_integer())
        return value->get<long long>();
    if (value->is_number_float()) {
        // Converted only in range (a double past long long's has no integer of its own): beyond
        // it, the nearest end, which every caller's own range check refuses.
        const double d = value->get<double>();
        if (std::isnan(d))
            return std::nullopt;
        if (d >= 9.2e18 || d <= -9.2e18)
            return d > 0 ? std::numeric_limits<long long>::max() : std::numeric_limits<long long>::min();
        return static_cast<long long>(d);
    }
    if (value->is_string()) {
        const auto s = value->get<std::string>();
        char *end = nullptr;
        const long long n = std::strtoll(s.c_str(), &end, 10);
        if (!s.empty() && end && *end == '\0')
            return n;
    }
    return std::nullopt;
}

std::optional<double> TemplateLookup::number(const Json *value) const
{
    if (!value)
        return std::nullopt;
    if (const Json *d = parameterDefault(*value))
        return number(d);
    if (value->is_number())
        return value->get<double>();
    if (value->is_string()) {
        const auto s = value->get<std::string>();
        char *end = nullptr;
        const double n = std::strtod(s.c_str(), &end);
        if (!s.empty() && end && *end == '\0')
            return n;
    }
    return std::nullopt;
}

std::optional<std::string> TemplateLookup::string(const Json *value) const
{
    if (!value)
        return std::nullopt;
    if (const Json *d = parameterDefault(*value))
        return string(d);
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_number_integer())
        return std::to_string(value->get<long long>());
    if (value->is_boolean())
        return value->get<bool>() ? "true" : "false";
    return std::nullopt;
}

std::optional<bool> TemplateLookup::boolean(const Json *value) const
{
    if (!value)
        return std::nullopt;
    if (const Json *d = parameterDefault(*value))
        return boolean(d);
    if (value->is_boolean())
        return value->get<bool>();
    if (value->is_string()) {
        const auto s = value->get<std::string>();
        if (s == "true" || s == "True")
            return true;
        if (s == "false" || s == "False")
            return false;
    }
    return std::nullopt;
}

} // namespace sc
