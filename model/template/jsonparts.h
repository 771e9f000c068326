#pragma once
// Where a large JSON template can be cut so that its parts are read at once, on several cores
// (templateparts.h): between entries of the top-level "Resources" object, the part of a template
// that grows with it.
//
// A cut is the start of a line that begins an entry of Resources: the comma that ends the entry
// before it is followed by nothing but spaces up to its line's end. Each later part is read as
// {"Resources":{ on its first line, then as many empty lines as the whole text has before the
// cut, then the text from the cut on, so that every node stands at the line and column it has in
// the whole text. Every part but the last ends where the next begins, its last comma made a
// space and "}}" written after it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sc::jsonparts {

struct Cut {
    std::size_t offset = 0; // the first byte of the entry's line
    std::size_t comma = 0;  // the comma that ends the entry before it
    int line = 0;           // the entry's line, from 1
};

// At most parts - 1 cuts, in order, each near an even share of the text; none when the text is
// not an object with a "Resources" object (its key written without escapes) holding entries to
// cut between, when "Resources" is written twice, or when parts < 2.
std::vector<Cut> cuts(std::string_view text, std::size_t parts);

// The text of part `index` of text cut at `cuts` (cuts.size() + 1 parts).
std::string partText(std::string_view text, const std::vector<Cut> &cuts, std::size_t index);

} // namespace sc::jsonparts
