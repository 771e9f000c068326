#pragma once
// Positions of an edited text without reading all of it again. The text is cut into blocks
// that read alone: each top-level section and, inside a block or JSON Resources mapping, each
// resource. A block no edit touched keeps its positions, moved down or up by the lines the
// edits before it added or removed (blocks start at line starts, so columns stay); the blocks
// the edits touched are read again on their own. What they read as is checked against the
// tree, so the result is the one reading the whole text would give, or nothing.

#include "model/template/sourcemap.h"
#include "model/template/sourcespans.h"
#include "model/template/template.h"
#include "model/template/textpatcher.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sc {

class BlockLayout {
public:
    // The blocks of `text` as read into `tree` with `positions` and `spans` (`tree` must outlive
    // the layout). Not usable (every answer is then nullopt) for texts whose pieces do not read
    // alone: anchors and aliases, a flow-style top level, a byte-order mark, JSON with two
    // blocks starting on one line.
    BlockLayout(std::string_view text, TemplateFormat format, const Json &tree, const SourceMap &positions,
                const SourceSpans &spans);

    bool usable() const { return m_usable; }

    // The positions of `patched`, made from `text` (the one this layout is of) by `changes`,
    // and reading as `tree`. Nullopt when only a whole reading can tell: an edit outside every
    // block, blocks of different sections edited as one, or a block that does not read alone
    // as `tree` says it should.
    std::optional<SourceMap> positionsAfter(std::string_view text, std::string_view patched,
                                            const std::vector<TextChange> &changes, const Json &tree) const;

private:
    enum class Section : unsigned char {
        Fixed,    // before the first section, the "Resources:" line, closing braces: never re-read
        TopLevel, // one top-level entry
        Resource, // one entry of Resources
    };

    struct Block {
        std::size_t start = 0; // offset in the text; it runs to the next block's start
        int line = 1;          // of `start`
        Section section = Section::Fixed;
        std::string key;       // the entry's key as written in a pointer (escaped)
        std::string name;      // the key itself
        const Json *value = nullptr; // what the entry read as (in the tree the layout is of)
    };

    // What a re-read block (or run of blocks) reads as.
    struct Region {
        std::size_t first = 0;
        std::size_t last = 0;
        std::shared_ptr<const Template> read;
        int lineOffset = 0; // added to each line read
    };

    void add(std::size_t start, Section section, const std::string *name, const Json *value);
    std::size_t blockAt(std::size_t offset) const;
    bool readRegion(std::string_view patched, std::size_t from, std::size_t to, int firstLine,
                    Region &region) const;
    // Whether `tree`'s keys (top level or Resources) are, in order, those the blocks hold.
    bool keysAgree(Section section, const Json &newSection, const std::vector<char> &dirty,
                   const std::vector<Region> &regions) const;
    // The block a recorded pointer belongs to, or npos; `pointer` is never the root.
    std::size_t owner(const std::string &pointer) const;

    TemplateFormat m_format;
    bool m_usable = false;
    bool m_resourcesSplit = false;
    std::size_t m_header = 0; // the "Resources" block when split
    std::vector<Block> m_blocks;
    std::unordered_map<std::string_view, std::size_t> m_topLevel;
    std::unordered_map<std::string_view, std::size_t> m_resources;
    // The positions each block holds, as read with the text.
    std::vector<std::vector<std::pair<std::string, SourcePos>>> m_entries;
    std::size_t m_entryCount = 0;
    // What the pieces read last time read as, by their text: edits pile up on one document,
    // so the blocks edited before are read again and again, unchanged.
    mutable std::unordered_map<std::string, std::shared_ptr<const Template>> m_pieces;
};

} // namespace sc
