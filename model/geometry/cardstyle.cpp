#include "model/geometry/cardstyle.h"

#include "model/catalog/catalog.h"

#include <array>
#include <cctype>
#include <utility>

namespace sc {

std::string_view categoryColor(std::string_view category, bool dark)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kColours{{
        {"Compute", "#e8833a"},
        {"Containers", "#d9593d"},
        {"Serverless", "#e0a21b"},
        {"Deployment", "#3f8f5f"},
        {"Networking and delivery", "#7b5cd6"},
        {"Data", "#2f7fc1"},
        {"Management and governance", "#c2407a"},
    }};
    for (const auto &[name, colour] : kColours) {
        if (name == category)
            return colour;
    }
    return dark ? "#7d8696" : "#8d95a3";
}

std::string cardIcon(const std::string &type)
{
    const Catalog &catalog = Catalog::instance();
    if (const KindOverlay *overlay = catalog.overlay(type); overlay && !overlay->icon.empty())
        return overlay->icon;
    // "Networking and delivery" -> "category-networking-and-delivery"
    std::string name = "category-";
    bool gap = false;
    for (char c : catalog.category(type)) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            if (gap && name.back() != '-')
                name += '-';
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            gap = false;
        } else {
            gap = true;
        }
    }
    return name;
}

} // namespace sc
