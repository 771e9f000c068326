#pragma once
// yaml-cpp 0.7 refuses a valid sequence item that is a tagged (or anchored) block scalar whose
// lines are indented no further than the tag:
//
//     Commands:
//       - !Sub |
//         echo ${AWS::Region}
//
// It reads the tag as a possible key and the block's lines, at the tag's column, as the end of
// the sequence ("end of sequence not found"); the same goes for such a block after an explicit
// key's "? " or its value's ": ", and for one that is a key's value on the line after the key
// ("Policy:" then "  !Sub |" with its lines at the tag's column). That is how most CloudFormation templates write
// a script in a list. When yaml-cpp refuses a text, the reader tries again on a copy in which
// each such block is indented one column past its tag: the block's value is the same, since a
// block scalar's common indentation is not part of it. Offsets in the copy map back to the
// original text, so source spans still point at what the user wrote.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

struct IndentInsertion {
    std::uint32_t offset = 0; // in the original text: the start of a line
    std::uint32_t spaces = 0; // inserted there
    std::uint32_t before = 0; // inserted by the insertions before this one
};

struct IndentRepair {
    std::string text;
    std::vector<IndentInsertion> insertions; // by offset
    // The offset in the original text of an offset in `text`; one inside inserted spaces maps
    // to the start of its line.
    std::uint32_t originalOffset(std::uint32_t repairedOffset) const;
};

// The copy with every block scalar item that yaml-cpp refuses indented past its tag, or
// nothing when the text has none or the copy would be longer than `maxBytes` (a tag far to the
// right over many lines would multiply the text). Blocks with an explicit indentation
// indicator ("|2") are left alone, and the lines inside any block scalar are never taken for
// items.
std::optional<IndentRepair> indentTaggedBlockItems(std::string_view text, std::size_t maxBytes);

} // namespace sc
