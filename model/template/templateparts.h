#pragma once
// Reading a large template on several cores. A reader cuts its text between entries of the
// top-level Resources (yamlparts.h, jsonparts.h) into parts that are templates of their own: the
// first is the text up to its last entry, every later one a "Resources" holding a run of the
// entries (and, in the last part, the sections that follow Resources). The parts are read at
// once, one per thread, and their trees joined into the one the whole text gives. Whenever a part
// does not read or the parts do not fit together, the reader reads the whole text instead, so
// that what is read in parts is always what the whole text means, errors included.

#include "model/template/template.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sc::templateparts {

struct Part {
    std::string text;             // the part as a template of its own
    int lineOffset = 0;           // lines of the whole text before the part's first line
    std::optional<Template> tree; // empty when the part did not read
    std::size_t nodes = 0;        // the nodes counted while reading it
};

// Runs `read` on every part: the first on the calling thread, every later one on a thread of
// its own that first makes `heapPerByte` bytes of heap ready per byte of its text. `read` fills
// the part's tree and node count, or leaves the tree empty on any failure; it must not throw.
// False when no
// thread could be started (nothing is then read).
bool readAtOnce(std::vector<Part> &parts, std::size_t heapPerByte, const std::function<void(Part &)> &read);

// The whole text's tree from the parts' trees: every later part's Resources entries after the
// first part's, and the sections that follow Resources after the first part's sections.
// `wrapperNodes` are the nodes of the "Resources" that a later part is read under, which the
// whole text does not have. Nothing when a part did not read or is not a Resources of entries,
// when an entry or a section is in two parts, or when the nodes pass limits.maxNodes.
std::optional<Template> join(std::vector<Part> &parts, std::size_t wrapperNodes, const ReadLimits &limits);

} // namespace sc::templateparts
