#include "model/template/jsonparts.h"

#include <algorithm>
#include <optional>

namespace sc::jsonparts {

namespace {

constexpr std::string_view kPartHead = "{\"Resources\":{";

// The offset after the line break that ends the line at `from`, when nothing but spaces comes
// before it.
std::optional<std::size_t> lineEndAfterSpaces(std::string_view text, std::size_t from)
{
    for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n')
            return i + 1;
        if (c != ' ' && c != '\t' && c != '\r')
            return std::nullopt;
    }
    return std::nullopt;
}

// Every place between two entries of the top-level Resources where a cut may fall; empty when
// the text is not as cuts() needs it.
std::vector<Cut> entryBoundaries(std::string_view text)
{
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        ++i;
    if (i == text.size() || text[i] != '{')
        return {};

    std::vector<Cut> boundaries;
    int depth = 0;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
    std::string_view lastString; // the last string closed at depth 1: a key when a colon follows
    std::string_view key;        // the key of the value being read at depth 1
    bool inResources = false;
    int resourcesSeen = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\n':
            ++line;
            break;
        case '\r':
            if (i + 1 == text.size() || text[i + 1] != '\n')
                return {}; // a line break that line numbers do not count
            break;
        case '"': {
            const std::size_t start = i + 1;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                if (text[i] == '\\')
                    ++i;
                else if (text[i] == '\n')
                    return {}; // not JSON: the whole text says where
            }
            if (i >= text.size())
                return {};
            if (depth == 1)
                lastString = text.substr(start, i - start);
            break;
        }
        case ':':
            if (depth == 1)
                key = lastString;
            break;
        case '{':
        case '[':
            if (depth == 1 && c == '{' && key == "Resources") {
                inResources = true;
                if (++resourcesSeen > 1)
                    return {};
            }
            ++depth;
            break;
        case '}':
        case ']':
            if (--depth < 0)
                return {};
            if (depth == 1)
                inResources = false;
            break;
        case ',':
            if (depth == 2 && inResources) {
                if (const std::optional<std::size_t> next = lineEndAfterSpaces(text, i + 1))
                    boundaries.push_back({*next, i, line + 1});
            }
            break;
        default:
            break;
        }
    }
    if (depth != 0)
        return {};
    return boundaries;
}

} // namespace

std::vector<Cut> cuts(std::string_view text, std::size_t parts)
{
    if (parts < 2)
        return {};
    const std::vector<Cut> boundaries = entryBoundaries(text);
    std::vector<Cut> chosen;
    auto next = boundaries.begin();
    for (std::size_t k = 1; k < parts && next != boundaries.end(); ++k) {
        const std::size_t target = k * text.size() / parts;
        while (next != boundaries.end() && next->offset < target)
            ++next;
        if (next == boundaries.end())
            break;
        chosen.push_back(*next++);
    }
    return chosen;
}

std::string partText(std::string_view text, const std::vector<Cut> &cuts, std::size_t index)
{
    const std::size_t begin = index == 0 ? 0 : cuts[index - 1].offset;
    const std::size_t end = index < cuts.size() ? cuts[index].offset : text.size();
    std::string part;
    if (index > 0) {
        const auto blankLines = static_cast<std::size_t>(cuts[index - 1].line - 1);
        part.reserve(kPartHead.size() + blankLines + end - begin + 2);
        part.append(kPartHead).append(blankLines, '\n');
    } else {
        part.reserve(end + 2);
    }
    const std::size_t from = part.size();
    part.append(text.substr(begin, end - begin));
    if (index < cuts.size()) {
        part[from + (cuts[index].comma - begin)] = ' ';
        part.append("}}");
    }
    return part;
}

} // namespace sc::jsonparts
