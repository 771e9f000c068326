#include "model/geometry/cardgeometry.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace sc {

namespace {

// Advances of DejaVu Sans for ASCII 32..126, in thousandths of an em (its Book and Bold faces;
// Qt sets semi-bold text in Bold).
constexpr short kRegular[95] = {
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};
constexpr short kBold[95] = {
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
    696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
    1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
    733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
    500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838};
// A little room for hinting and kerning differences.
constexpr double kSafety = 1.03;

// The words of a logical ID: "HTTPListener2" -> HTTP, Listener, 2.
std::vector<std::string> camelWords(const std::string &id)
{
    std::vector<std::string> words;
    std::string word;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        const auto prev = i > 0 ? static_cast<unsigned char>(id[i - 1]) : 0;
        const auto next = i + 1 < id.size() ? static_cast<unsigned char>(id[i + 1]) : 0;
        const bool boundary = !word.empty()
            && ((std::isupper(c) && (std::islower(prev) || std::isdigit(prev)))
                || (std::isupper(c) && std::isupper(prev) && std::islower(next))
                || (std::isdigit(c) && std::isalpha(prev)) || (std::isalpha(c) && std::isdigit(prev)));
        if (boundary) {
            words.push_back(std::move(word));
            word.clear();
        }
        word += static_cast<char>(c);
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

double titleWidth(std::string_view text) { return textWidth(text, card::kTitleSize, true); }

// The ID in lines no wider than `width`, words kept whole where they fit a line.
std::vector<std::string> wrapTitle(const std::string &id, double width)
{
    std::vector<std::string> lines;
    std::string line;
    for (const std::string &word : camelWords(id)) {
        if (titleWidth(line + word) <= width) {
            line += word;
            continue;
        }
        if (!line.empty())
            lines.push_back(std::move(line));
        line.clear();
        for (char c : word) { // a word longer than a line is broken where it must be
            if (!line.empty() && titleWidth(line + c) > width) {
                lines.push_back(std::move(line));
                line.clear();
            }
            line += c;
        }
    }
    if (!line.empty() || lines.empty())
        lines.push_back(std::move(line));
    return lines;
}

double roundUpToGrid(double w) { return std::ceil(w / card::kGrid) * card::kGrid; }

} // namespace

double textWidth(std::string_view text, double pixelSize, bool semiBold)
{
    const short *table = semiBold ? kBold : kRegular;
    double thousandths = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 32 && c < 127)
            thousandths += table[c - 32];
        else if ((c & 0xC0) != 0x80) // the first byte of a UTF-8 sequence: one character
            thousandths += 1000;
    }
    return thousandths / 1000 * pixelSize * kSafety;
}

QRectF CardLayout::footprint(QPointF topLeft) const
{
    QRectF r(topLeft, size);
    if (hasFleet)
        r.setBottom(r.bottom() + card::kFleetGap + card::kFleetHeight);
    return r;
}

QRectF CardLayout::fleetStrip(QPointF topLeft) const
{
    if (!hasFleet)
        return {};
    return QRectF(topLeft.x() + card::kFleetInset, topLeft.y() + size.height() + card::kFleetGap,
                  size.width() - 2 * card::kFleetInset, card::kFleetHeight);
}

CardLayout layoutCard(const CardText &text)
{
    const double chrome = card::kTextX + card::kTextRight;
    // What the other texts need, whatever the title does.
    double need = std::max(card::kMinWidth, textWidth(text.displayName, card::kSubtitleSize, false) + chrome);
    if (!text.fleet.empty())
        need = std::max(need, textWidth(text.fleet, card::kFleetTextSize, false) + card::kFleetLead
                                  + card::kFleetTrail + 2 * card::kFleetInset);
    need = std::min(card::kMaxWidth, roundUpToGrid(need));

    CardLayout layout;
    layout.hasFleet = !text.fleet.empty();
    const double oneLine = roundUpToGrid(titleWidth(text.logicalId) + chrome);
    double width = std::max(need, oneLine);
    if (width <= card::kMaxWidth) {
        layout.titleLines = {text.logicalId};
    } else {
        // As many lines as the widest card needs, on the narrowest card that keeps that count.
        width = card::kMaxWidth;
        layout.titleLines = wrapTitle(text.logicalId, width - chrome);
        for (double w = need; w < card::kMaxWidth; w += card::kGrid) {
            std::vector<std::string> lines = wrapTitle(text.logicalId, w - chrome);
            if (lines.size() == layout.titleLines.size()) {
                width = w;
                layout.titleLines = std::move(lines);
                break;
            }
        }
    }
    const double extraLines = static_cast<double>(layout.titleLines.size() - 1);
    layout.size = QSizeF(width, card::kHeight + extraLines * card::kTitleLineHeight);
    layout.subtitleTop = card::kTitleTop + static_cast<double>(layout.titleLines.size()) * card::kTitleLineHeight
                         + card::kSubtitleGap;
    return layout;
}

} // namespace sc
