#include "model/template/yamlparts.h"

#include "model/template/yamlscan.h"

#include <algorithm>

namespace sc::yamlparts {

namespace {

using namespace yamlscan;

// "Resources:" at the start of the line, with nothing after the colon but a comment: the key of
// a block mapping (a tag, an anchor or a flow mapping after it leaves the text whole).
bool isResourcesLine(std::string_view text, std::size_t line)
{
    constexpr std::string_view key = "Resources";
    if (text.substr(line, key.size()) != key)
        return false;
    std::size_t i = skipSpaces(text, line + key.size());
    if (i >= text.size() || text[i] != ':')
        return false;
    const std::size_t after = i + 1;
    i = skipSpaces(text, after);
    if (i >= text.size() || text[i] == '\n' || text[i] == '\r')
        return true;
    return text[i] == '#' && i > after;
}

// A carriage return with no line feed after it: YAML takes it for a line break, but yaml-cpp
// does not count it in its line numbers, so the line of a cut would not be the line yaml-cpp
// gives the same text read whole.
bool hasLoneCarriageReturn(std::string_view text)
{
    for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1)) {
        if (i + 1 == text.size() || text[i + 1] != '\n')
            return true;
    }
    return false;
}

} // namespace

std::vector<Cut> cuts(std::string_view text, std::size_t parts)
{
    if (parts < 2 || text.starts_with('%') || text.find("\n%") != std::string_view::npos
        || hasLoneCarriageReturn(text))
        return {};
    std::size_t pos = 0;
    int line = 1;
    while (pos < text.size() && !isResourcesLine(text, pos)) {
        pos = nextLine(text, pos);
        ++line;
    }
    if (pos >= text.size())
        return {};

    // The entries' lines, but for the first, to the end of the section.
    int indent = -1;
    std::vector<Cut> entries;
    for (pos = nextLine(text, pos), ++line; pos < text.size(); pos = nextLine(text, pos), ++line) {
        if (isBlankLine(text, pos) || isCommentLine(text, pos))
            continue;
        const int spaces = indentation(text, pos);
        if (spaces == 0)
            break; // the next top-level key
        // An entry's line starts with its key. A line that starts with an indicator is not cut
        // at: read after the header, a tag or anchor there would apply to Resources itself
        // (and a tagged value reads as a one-key mapping), a block or flow would be its value.
        const char first = text[pos + static_cast<std::size_t>(spaces)];
        const bool entryLike = std::string_view("-?:\t{[!&*|>%@`").find(first) == std::string_view::npos;
        if (indent < 0) {
            if (!entryLike)
                return {};
            indent = spaces;
        } else if (spaces < indent) {
            return {}; // a line the section does not hold as its entries hold theirs
        } else if (spaces == indent) {
            if (!entryLike)
                return {};
            entries.push_back({pos, line, spaces});
        }
    }

    // The entry nearest to each even share of the text.
    std::vector<Cut> chosen;
    for (std::size_t k = 1; k < parts && !entries.empty(); ++k) {
        const std::size_t target = text.size() / parts * k;
        auto it = std::lower_bound(entries.begin(), entries.end(), target,
                                   [](const Cut &c, std::size_t at) { return c.offset < at; });
        if (it == entries.end() || (it != entries.begin() && target - std::prev(it)->offset < it->offset - target))
            it = std::prev(it);
        if (chosen.empty() || it->offset > chosen.back().offset)
            chosen.push_back(*it);
    }
    return chosen;
}

} // namespace sc::yamlparts
