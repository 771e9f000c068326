#pragma once
// Where each node of a template tree is written in its source text, as byte ranges: enough to
// change a value, a key or an entry in place and leave every other byte alone. One record per
// tree node in reading order (the root first), children listed by index, offsets as 32-bit
// numbers: a few dozen bytes per node and no strings, built only when a save needs it.

#include <cstdint>
#include <vector>

namespace sc {

enum class SpanKind : std::uint8_t {
    Plain,        // YAML scalars, by quoting style
    SingleQuoted,
    DoubleQuoted,
    Literal,      // "|" block
    Folded,       // ">" block
    Empty,        // YAML: a null written as nothing ("Key:")
    BlockMap,
    BlockSeq,
    FlowMap,
    FlowSeq,
    Alias,        // YAML "*name": a copy of another node, only ever replaced as a whole
    DottedGetAtt, // YAML "!GetAtt A.B": a two-item list written as one scalar
    TagWrapper,   // YAML short form "!Tag content": the one-key object; its only child is the content
    JsonScalar,
    JsonObject,
    JsonArray,
};

enum SpanFlag : std::uint8_t {
    kAnchored = 1,      // carries "&name": its aliases change with it
    kCoreTag = 2,       // carries a YAML core tag such as "!!str" that the tree does not keep
    kUnmatched = 4,     // its extent could not be worked out: never edited in place
    kKeySingle = 8,     // the key is written 'single-quoted'
    kKeyDouble = 16,    // the key is written "double-quoted"
};

struct NodeSpan {
    std::uint32_t lead = 0;    // where the entry starts: its key, its "-", or the value itself
    std::uint32_t keyEnd = 0;  // mapping entries: one past the key as written
    std::uint32_t begin = 0;   // the value, its tag and anchor included
    std::uint32_t content = 0; // the value after its tag and anchor
    std::uint32_t end = 0;     // one past the value; trailing spaces and comments are not in it
    std::uint32_t parent = 0;  // index of the parent (the root is its own parent)
    std::uint32_t children = 0;   // first entry in SourceSpans::childList
    std::uint32_t childCount = 0; // in key or item order
    SpanKind kind = SpanKind::Plain;
    std::uint8_t flags = 0;

    bool has(SpanFlag flag) const { return (flags & flag) != 0; }
    bool isBlock() const { return kind == SpanKind::BlockMap || kind == SpanKind::BlockSeq; }
    bool isFlow() const { return kind == SpanKind::FlowMap || kind == SpanKind::FlowSeq; }
};

class SourceSpans {
public:
    std::vector<NodeSpan> nodes; // nodes[0] is the root
    std::vector<std::uint32_t> childList;

    const NodeSpan &operator[](std::uint32_t index) const { return nodes[index]; }
    std::uint32_t child(std::uint32_t index, std::uint32_t nth) const
    {
        return childList[nodes[index].children + nth];
    }
    bool empty() const { return nodes.empty(); }
    // Moves every offset by `delta` bytes (a byte-order mark removed before reading).
    void shift(std::uint32_t delta);
};

} // namespace sc
