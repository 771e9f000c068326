#pragma once
// What a card looks like apart from its size: the colour of its category (the stripe, the
// zoomed-out block, the minimap) and the icon it shows. One place for the canvas, the minimap
// and the SVG/PNG diagram.

#include <string>
#include <string_view>

namespace sc {

// One hue per palette category, readable on light and dark backgrounds; a neutral grey for
// categories without one. "#rrggbb", which QColor and SVG both read.
std::string_view categoryColor(std::string_view category, bool dark);

// The icon of a resource type: its kind's own icon, else its category's ("category-data").
// The name of a file in icons/ without ".svg".
std::string cardIcon(const std::string &type);

} // namespace sc
