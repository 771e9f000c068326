#pragma once
// The text a template was read from (or last saved as), kept beside its tree so that saving
// changes only what was edited: an unchanged tree gives back the same bytes, an edited one the
// same text with the edits made in place (TextPatcher). Whatever the patcher writes is read
// back and must equal the tree; when it does not, or when the change cannot be made in place,
// the whole file is written anew and the result says so, so that a save never writes a file
// that means something else.
//
// Reading the text again for its layout happens on the first save, not on opening.

#include "model/template/blockpositions.h"
#include "model/template/sourcespans.h"
#include "model/template/template.h"

#include <memory>
#include <optional>
#include <string>

namespace sc {

enum class SaveMode {
    Unchanged, // the same bytes as before
    Patched,   // the old text with the edits made in place
    Rewritten, // the whole file written anew from the tree
};

struct SaveText {
    std::string bytes;
    SaveMode mode = SaveMode::Rewritten;
    // For the user when an edit could not be made in place: why the whole file was written.
    std::string note;
    // `bytes` as read back: the tree and the positions the document has once they are saved.
    Template reread;
};

class SourceText {
public:
    SourceText(std::string bytes, TemplateFormat format);
    // Shares text that something else also keeps (the reader's on-demand positions).
    SourceText(std::shared_ptr<const std::string> bytes, TemplateFormat format);
    // Text whose tree, positions and layout are already known (just read back after a save).
    SourceText(std::string bytes, TemplateFormat format, const Template &read, SourceSpans spans);
    // Not copied: its block layout points into its own tree.
    SourceText(const SourceText &) = delete;
    SourceText &operator=(const SourceText &) = delete;

    const std::string &bytes() const { return *m_bytes; }
    TemplateFormat format() const { return m_format; }

    // The text for `tree`, in this text's format. `reread.source` holds the result as the
    // next baseline (with its layout already known).
    SaveText render(const Json &tree, const std::string &fileName) const;
    // The positions `tree` will have once rendered (render(tree).reread.positions), found
    // without reading the whole rendered text again when the edits leave most of it in place;
    // with `renderedBytes`, also the size of that text.
    SourceMap positionsFor(const Json &tree, const std::string &fileName, std::size_t *renderedBytes = nullptr) const;
    // A whole new text for `tree` (a new document, or another format).
    static SaveText write(const Json &tree, TemplateFormat format, const std::string &fileName,
                          const std::string &lineBreak = "\n");

private:
    bool parse(const std::string &fileName) const;

    std::shared_ptr<const std::string> m_bytes; // never null
    TemplateFormat m_format;
    mutable bool m_parsed = false;
    mutable std::optional<Json> m_tree; // absent when the text could not be read again
    mutable SourceMap m_positions;
    mutable SourceSpans m_spans;
    mutable std::optional<BlockLayout> m_blocks; // made on the first positionsFor
};

} // namespace sc
