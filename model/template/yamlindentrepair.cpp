#include "model/template/yamlindentrepair.h"

#include "model/template/yamlscan.h"

#include <algorithm>

namespace sc {

namespace {

using yamlscan::npos;

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isBreak(char c) { return c == '\n' || c == '\r'; }

struct BlockHeader {
    std::size_t pos = 0;     // the "|" or ">"
    int parentIndent = 0;    // the column its lines must be indented past
    int propertyColumn = -1; // the first tag or anchor right after an indicator ("- ", ": "), or -1
    bool explicitIndent = false;
};

// Past a block scalar header's indicators ("|", "|-", ">+2"), or npos when pos does not start
// one that runs to the end of its line (or a comment).
std::size_t headerEnd(std::string_view text, std::size_t pos, std::size_t lineEnd, bool &explicitIndent)
{
    if (pos >= lineEnd || (text[pos] != '|' && text[pos] != '>'))
        return npos;
    std::size_t i = pos + 1;
    explicitIndent = false;
    for (int n = 0; n < 2 && i < lineEnd; ++n, ++i) {
        const char c = text[i];
        if (c >= '1' && c <= '9')
            explicitIndent = true;
        else if (c != '+' && c != '-')
            break;
    }
    const std::size_t after = yamlscan::skipSpaces(text, i);
    if (after < lineEnd && !(text[after] == '#' && after > i))
        return npos;
    return i;
}

// Where a comment starts on the line (a "#" after a blank), or the line's end. Quoted text
// holding " #" is not told apart: such a line is only skipped, never rewritten.
std::size_t commentOrEnd(std::string_view text, std::size_t from, std::size_t lineEnd)
{
    for (std::size_t i = from; i < lineEnd; ++i) {
        if (text[i] == '#' && i > from && isSpace(text[i - 1]))
            return i;
    }
    return lineEnd;
}

// Back from `at` over blanks, or over the token that ends there, no further than `from`.
std::size_t blanksBack(std::string_view text, std::size_t from, std::size_t at)
{
    while (at > from && isSpace(text[at - 1]))
        --at;
    return at;
}
std::size_t tokenStart(std::string_view text, std::size_t from, std::size_t at)
{
    while (at > from && !isSpace(text[at - 1]))
        --at;
    return at;
}

// The indentation of the key whose value starts on the line at `line` ("key:" alone on the line
// before, past blank and comment lines), or -1.
int keyIndentBefore(std::string_view text, std::size_t line)
{
    while (line > 0) {
        line = yamlscan::lineStart(text, line - 1);
        if (yamlscan::isBlankLine(text, line) || yamlscan::isCommentLine(text, line))
            continue;
        const std::size_t from = yamlscan::skipSpaces(text, line);
        const std::size_t end = blanksBack(text, from, commentOrEnd(text, from, yamlscan::lineEnd(text, line)));
        return end > from && text[end - 1] == ':' ? yamlscan::indentation(text, line) : -1;
    }
    return -1;
}

// The block scalar header that ends the line starting at `line`, if there is one.
std::optional<BlockHeader> blockHeaderOn(std::string_view text, std::size_t line)
{
    const std::size_t end = yamlscan::lineEnd(text, line);
    std::size_t pos = yamlscan::skipSpaces(text, line);
    // Indicators before the value: "- " (repeated in nested lists), or at the start of the line
    // the explicit key's "? " and its value's ": ".
    int indicatorColumn = -1;
    const auto isIndicator = [&](std::size_t at) {
        const char c = text[at];
        return (c == '-' || ((c == '?' || c == ':') && indicatorColumn < 0)) && (at + 1 == end || isSpace(text[at + 1]));
    };
    while (pos < end && isIndicator(pos)) {
        indicatorColumn = yamlscan::column(text, pos);
        pos = yamlscan::skipSpaces(text, pos + 1);
    }
    if (pos >= end)
        return std::nullopt;

    BlockHeader header;
    bool explicitIndent = false;
    // A value right after the line's indentation or "-": properties, then the header.
    const yamlscan::Properties props = yamlscan::skipProperties(text, pos);
    if (props.content <= end && headerEnd(text, props.content, end, explicitIndent) != npos) {
        header.pos = props.content;
        header.parentIndent = indicatorColumn >= 0 ? indicatorColumn : yamlscan::column(text, pos) - 1;
        header.explicitIndent = explicitIndent;
        if (indicatorColumn >= 0 && props.end > pos)
            header.propertyColumn = yamlscan::column(text, pos);
        // A key's value on the line after it ("Policy:" then "  !Sub |"): its lines may stand at
        // the tag's column, since they need only be indented past the key.
        if (indicatorColumn < 0 && props.end > pos) {
            if (const int keyIndent = keyIndentBefore(text, line); keyIndent >= 0 && keyIndent < yamlscan::column(text, pos)) {
                header.parentIndent = keyIndent;
                header.propertyColumn = yamlscan::column(text, pos);
            }
        }
        return header;
    }
    // A value after a key: "key: |", "key: !Sub |", "? |".
    const std::size_t token = tokenStart(text, pos, blanksBack(text, pos, commentOrEnd(text, pos, end)));
    if (token == pos || headerEnd(text, token, end, explicitIndent) == npos)
        return std::nullopt;
    const std::size_t before = blanksBack(text, pos, token);
    const std::size_t previous = tokenStart(text, pos, before);
    const char lead = text[previous];
    const bool afterIndicator = text[before - 1] == ':' || (before - previous == 1 && lead == '?');
    if (!afterIndicator && lead != '!' && lead != '&')
        return std::nullopt;
    header.pos = token;
    header.parentIndent = yamlscan::column(text, pos);
    header.explicitIndent = explicitIndent;
    return header;
}

} // namespace

std::uint32_t IndentRepair::originalOffset(std::uint32_t repairedOffset) const
{
    // The insertion whose spaces start at or before the offset, in the copy.
    const auto after = std::upper_bound(insertions.begin(), insertions.end(), repairedOffset,
                                        [](std::uint32_t offset, const IndentInsertion &insertion) {
                                            return offset < insertion.offset + insertion.before;
                                        });
    if (after == insertions.begin())
        return repairedOffset;
    const IndentInsertion &at = *std::prev(after);
    const std::uint32_t start = at.offset + at.before;
    if (repairedOffset < start + at.spaces)
        return at.offset;
    return repairedOffset - at.before - at.spaces;
}

std::optional<IndentRepair> indentTaggedBlockItems(std::string_view text, std::size_t maxBytes)
{
    IndentRepair repair;
    std::size_t total = text.size();
    std::size_t line = 0;
    while (line < text.size()) {
        const std::optional<BlockHeader> header = blockHeaderOn(text, line);
        if (!header) {
            line = yamlscan::nextLine(text, line);
            continue;
        }
        const std::size_t blockEnd = yamlscan::blockScalarEnd(text, header->pos, header->parentIndent);
        const std::size_t first = yamlscan::nextLine(text, header->pos);
        if (header->propertyColumn >= 0 && !header->explicitIndent) {
            int contentIndent = -1;
            for (std::size_t l = first; l < blockEnd; l = yamlscan::nextLine(text, l)) {
                if (!yamlscan::isBlankLine(text, l)) {
                    contentIndent = yamlscan::indentation(text, l);
                    break;
                }
            }
            if (contentIndent > header->parentIndent && contentIndent <= header->propertyColumn) {
                const auto spaces = static_cast<std::uint32_t>(header->propertyColumn + 1 - contentIndent);
                for (std::size_t l = first; l < blockEnd; l = yamlscan::nextLine(text, l)) {
                    if (l < text.size() && !isBreak(text[l])) {
                        total += spaces;
                        if (total > maxBytes)
                            return std::nullopt;
                        repair.insertions.push_back({static_cast<std::uint32_t>(l), spaces, 0});
                    }
                }
            }
        }
        line = yamlscan::nextLine(text, std::max(blockEnd, header->pos));
    }
    if (repair.insertions.empty())
        return std::nullopt;

    std::uint32_t inserted = 0;
    std::size_t copied = 0;
    repair.text.reserve(text.size() + repair.insertions.size() * 2);
    for (IndentInsertion &insertion : repair.insertions) {
        insertion.before = inserted;
        repair.text.append(text.substr(copied, insertion.offset - copied));
        repair.text.append(insertion.spaces, ' ');
        copied = insertion.offset;
        inserted += insertion.spaces;
    }
    repair.text.append(text.substr(copied));
    return repair;
}

} // namespace sc
