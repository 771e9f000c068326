#pragma once
// How big a card is and how its text is set, decided once for the canvas, the automatic layout,
// the edges and the SVG/PNG diagram: wide enough for the whole logical ID at 100 % (broken into
// more lines between the words of a CamelCase ID when it would pass the widest card), for its
// kind's name and, on an Elastic Beanstalk environment, for the fleet strip under it.
//
// Text widths are estimated from the advances of DejaVu Sans, a wide face (most desktop fonts
// are narrower, so text set by this estimate fits), never measured with a font engine: the
// headless exporter then lays a card out exactly as the window does, on any machine.

#include <QRectF>
#include <QSizeF>

#include <string>
#include <string_view>
#include <vector>

namespace sc {

namespace card {
inline constexpr double kGrid = 16;            // widths are whole grid steps
inline constexpr double kMinWidth = 208;
inline constexpr double kMaxWidth = 336;
inline constexpr double kHeight = 72;          // with a one-line title
inline constexpr double kTitleSize = 14;       // pixels, semi-bold
inline constexpr double kTitleLineHeight = 18;
inline constexpr double kTitleTop = 16;
inline constexpr double kSubtitleSize = 11;    // the kind's display name
inline constexpr double kSubtitleGap = 4;      // between the last title line and the name
inline constexpr double kTextX = 58;           // icon and category stripe to the left
inline constexpr double kTextRight = 14;
inline constexpr double kIconX = 16;
inline constexpr double kIconSize = 32;
inline constexpr double kStripeX = 6;
inline constexpr double kStripeWidth = 4;
inline constexpr double kRadius = 6;
// The fleet strip an Elastic Beanstalk environment shows under its card.
inline constexpr double kFleetGap = 4;
inline constexpr double kFleetHeight = 22;
inline constexpr double kFleetInset = 8;        // from the card's sides
inline constexpr double kFleetTextSize = 10;
inline constexpr double kFleetLead = 44;        // three instance marks and padding before the text
inline constexpr double kFleetTrail = 14;
} // namespace card

// Estimated advance of `text` set at `pixelSize` (UTF-8; non-ASCII characters count a full em).
double textWidth(std::string_view text, double pixelSize, bool semiBold);

// What a card writes: its logical ID, its kind's display name, and a fleet summary ("" when it
// has none).
struct CardText {
    std::string logicalId;
    std::string displayName;
    std::string fleet;
};

struct CardLayout {
    QSizeF size;
    std::vector<std::string> titleLines; // the logical ID, whole, in one or more lines
    double subtitleTop = 0;              // where the display name is set
    bool hasFleet = false;

    // The card and the fleet strip under it, where it has one: what must not overlap others.
    QRectF footprint(QPointF topLeft) const;
    QRectF fleetStrip(QPointF topLeft) const; // empty without a fleet
};

CardLayout layoutCard(const CardText &text);

} // namespace sc
