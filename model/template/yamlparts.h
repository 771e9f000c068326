#pragma once
// Where a large block-style YAML template can be cut so that its parts are read at once, on
// several cores: at the start of entries of the top-level `Resources:` mapping, the part of a
// template that grows with it. The first part is the text up to the first cut; every later part
// is the text from its cut to the next one, read after a "Resources:" line of its own, so that
// each part is a template whose Resources hold a run of the entries.
//
// A cut is only ever a line that the whole text reads as a new entry of Resources: a line
// indented exactly like the first entry, holding neither a comment nor a sequence item, inside a
// section that no other line leaves by being indented less (a block scalar's or a flow
// collection's lines are all indented more). The caller reads the whole text at once whenever a
// part does not read or does not end where it should (an entry that ends in an open quote or
// bracket, an alias to an anchor in another part, a second document), and when the parts'
// entries collide, so that what is read in parts is always what the whole text means, errors
// included.

#include <cstddef>
#include <string_view>
#include <vector>

namespace sc::yamlparts {

// The text each later part is read after, in place of everything before its cut.
constexpr std::string_view kResourcesHeader = "Resources:\n";
// The line read after every part but the last, in place of everything from its end on: an entry
// of Resources, indented as the entries are (Cut::indent), so that it stands where the next
// entry stands in the whole text. yaml-cpp places an empty node (a "-" with nothing after it)
// at the token that follows it, and ends a quoted scalar or a flow collection left open at the
// end of the text without an error; such a part reads the end line into it, and the last entry
// of its Resources is then not this one.
constexpr std::string_view kEndKey = "stackcanvas-end-of-part";
constexpr std::string_view kEndValue = "end";
constexpr std::string_view kEndLine = "stackcanvas-end-of-part: end\n"; // after Cut::indent spaces

struct Cut {
    std::size_t offset = 0; // the first byte of the entry's line
    int line = 0;           // that line, from 1
    int indent = 0;         // the spaces before the entry's key
};

// At most parts - 1 cuts, in order, each near an even share of the text; none when the text
// has no top-level "Resources:" mapping in block style with entries to cut between, when it has
// a directive ("%TAG" changes what later tags mean) or a carriage return without a line feed,
// or when parts < 2.
std::vector<Cut> cuts(std::string_view text, std::size_t parts);

} // namespace sc::yamlparts
