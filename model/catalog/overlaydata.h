#pragma once
// The parsed overlay.json: deep-kind overlays, connection rules, palette categories and the
// category of each service namespace (so generic kinds land in a sensible palette section).
// Parsing validates shape only; whether the names agree with the specification is checked by
// the catalog tests.

#include "model/catalog/kindoverlay.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

class OverlayData
{
public:
    // Throws nlohmann::json::exception when the data is malformed (a build-time bug).
    static OverlayData parse(const Json &root);

    const std::vector<KindOverlay> &kinds() const { return m_kinds; }
    const std::vector<ConnectionRule> &rules() const { return m_rules; }
    const std::vector<std::string> &categories() const { return m_categories; }
    // "AWS::EC2" -> "Compute"; the fallback category when the namespace is not listed.
    std::string namespaceCategory(std::string_view ns) const;

private:
    std::vector<KindOverlay> m_kinds;        // sorted by type
    std::vector<ConnectionRule> m_rules;     // sorted by (source, target), file order within
    std::vector<std::string> m_categories;
    std::map<std::string, std::string, std::less<>> m_namespaceCategories;
    std::string m_defaultCategory;
};

} // namespace sc
