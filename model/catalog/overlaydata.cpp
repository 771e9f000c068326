#include "model/catalog/overlaydata.h"

#include <algorithm>
#include <tuple>

namespace sc {

Json ConnectionRule::valueFor(const std::string &targetLogicalId) const
{
    if (isGetAtt())
        return Json{{"Fn::GetAtt", Json::array({targetLogicalId, attribute()})}};
    return Json{{"Ref", targetLogicalId}};
}

Json ConnectionRule::elementFor(const std::string &targetLogicalId) const
{
    Json out = element.is_object() ? element : Json::object();
    for (auto &[key, value] : out.items())
        if (value.is_string() && value.get<std::string>() == "{{target}}")
            value = targetLogicalId;
    return out;
}

namespace {

std::vector<std::string> strings(const Json &object, const char *key)
{
    std::vector<std::string> out;
    if (auto it = object.find(key); it != object.end())
        for (const Json &v : *it)
            out.push_back(v.get<std::string>());
    return out;
}

} // namespace

OverlayData OverlayData::parse(const Json &root)
{
    OverlayData data;
    data.m_categories = strings(root, "categories");
    data.m_defaultCategory = root.at("defaultCategory").get<std::string>();
    for (const auto &[ns, category] : root.at("namespaceCategories").items())
        data.m_namespaceCategories.emplace(ns, category.get<std::string>());

    for (const auto &[type, k] : root.at("kinds").items()) {
        KindOverlay kind;
        kind.type = type;
        kind.category = k.at("category").get<std::string>();
        kind.icon = k.at("icon").get<std::string>();
        kind.displayName = k.at("displayName").get<std::string>();
        kind.lesson = k.value("lesson", std::string());
        kind.keywords = strings(k, "keywords");
        kind.defaults = k.value("defaults", Json::object());
        kind.rolloutStrategies = strings(k, "rollout");
        kind.refReturns = k.value("refReturns", std::string());
        data.m_kinds.push_back(std::move(kind));
    }
    std::sort(data.m_kinds.begin(), data.m_kinds.end(),
              [](const KindOverlay &a, const KindOverlay &b) { return a.type < b.type; });

    // Rules are written as [source, target, path, intrinsic, label, element?] rows to keep
    // the file readable at a glance.
    for (const Json &row : root.at("connections")) {
        data.m_rules.push_back({row.at(0).get<std::string>(), row.at(1).get<std::string>(),
                                row.at(2).get<std::string>(), row.at(3).get<std::string>(),
                                row.at(4).get<std::string>(), row.size() > 5 ? row[5] : Json(),
                                row.size() > 6 ? row[6].get<std::vector<std::string>>() : std::vector<std::string>{}});
    }
    std::stable_sort(data.m_rules.begin(), data.m_rules.end(),
                     [](const ConnectionRule &a, const ConnectionRule &b) {
                         return std::tie(a.sourceType, a.targetType)
                                < std::tie(b.sourceType, b.targetType);
                     });
    return data;
}

std::string OverlayData::namespaceCategory(std::string_view ns) const
{
    auto it = m_namespaceCategories.find(ns);
    return it != m_namespaceCategories.end() ? it->second : m_defaultCategory;
}

} // namespace sc
