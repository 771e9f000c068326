#pragma once
// Turns an edited tree back into text by editing the text it was read from, not by writing it
// anew: the two trees are compared node by node and each difference becomes the smallest text
// edit that expresses it (a scalar replaced in its own quoting, a key renamed, an entry inserted
// in its siblings' style and indentation, an entry removed with its own comment lines). What
// cannot be expressed in place re-emits the smallest enclosing value. Every byte the edits do
// not touch is kept: comments, blank lines, quoting, flow or block style, line endings.
//
// The caller must read the result back and compare it with the tree (SourceText does): the
// patcher aims for the same meaning but the read-back is the guarantee.

#include "model/template/json.h"
#include "model/template/sourcespans.h"
#include "model/template/template.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sc {

// One edit the patcher made, in the coordinates of the old text (ordered by `from`): enough to
// tell where everything after it moved without reading the new text again.
struct TextChange {
    std::size_t from = 0;
    std::size_t to = 0;
    std::size_t length = 0;   // of the text put in place of [from, to)
    std::ptrdiff_t lines = 0; // line breaks added (negative: removed)
    bool follows = false;     // an insertion after an entry: it belongs with the text before it
};

// `text` read as `before` (with `spans` from the same reading), edited into `after`. Returns
// the new text, or nullopt with `why` when only a whole new file can express the change.
// With `changes`, also says which edits made it.
std::optional<std::string> patchText(std::string_view text, TemplateFormat format, const Json &before,
                                     const SourceSpans &spans, const Json &after, std::string &why,
                                     std::vector<TextChange> *changes = nullptr);

// The comparison and the bookkeeping of edits, shared by the YAML and JSON patchers; they say
// how each kind of edit is written. Each operation returns false when it cannot be done in
// place, and the comparison then re-emits the enclosing value instead.
class TextPatcher {
public:
    TextPatcher(std::string_view text, const SourceSpans &spans);
    virtual ~TextPatcher() = default;

    std::optional<std::string> run(const Json &before, const Json &after, std::string &why,
                                   std::vector<TextChange> *changes = nullptr);

protected:
    virtual bool replaceScalar(std::uint32_t index, const Json &value) = 0;
    // Re-emits the node's value in its place (its key, "-" and surroundings stay).
    virtual bool replaceValue(std::uint32_t index, const Json &value) = 0;
    virtual bool renameKey(std::uint32_t index, const std::string &key) = 0;
    virtual bool removeChild(std::uint32_t container, std::uint32_t nth) = 0;
    // Inserts after the container's old child `afterNth` (-1: before the first); `key` is null
    // for a sequence item. Several insertions at one place keep the order they are made in.
    virtual bool insertChild(std::uint32_t container, std::int64_t afterNth, const std::string *key,
                             const Json &value) = 0;

    void edit(std::size_t from, std::size_t to, std::string text);
    const NodeSpan &span(std::uint32_t index) const { return m_spans[index]; }
    std::uint32_t child(std::uint32_t index, std::uint32_t nth) const { return m_spans.child(index, nth); }
    // The key a node is stored under (a map entry) or the tag's long name (tagged content), as
    // far as the comparison has walked; null for sequence items and the root.
    const std::string *keyOf(std::uint32_t index) const;
    // "\r\n" when the text's first line break is one, else "\n".
    const std::string &newline() const { return m_newline; }
    // `text` with every "\n" written as the file's line break and every line after the first
    // prefixed with `indent` (empty lines stay empty).
    std::string indentLines(std::string_view text, std::string_view indent) const;

    std::string_view m_text;
    const SourceSpans &m_spans;

private:
    struct TextEdit {
        std::size_t from;
        std::size_t to;
        std::string text;
        bool follows;
    };

    bool diff(std::uint32_t index, const Json &before, const Json &after);
    bool diffMap(std::uint32_t index, const Json &before, const Json &after);
    bool diffSeq(std::uint32_t index, const Json &before, const Json &after);
    bool diffOrReplace(std::uint32_t index, const Json &before, const Json &after,
                       bool (TextPatcher::*how)(std::uint32_t, const Json &, const Json &));
    // insertChild, with its edits marked as following the entry they are put after.
    bool insertAfter(std::uint32_t container, std::int64_t afterNth, const std::string *key, const Json &value);

    std::vector<TextEdit> m_edits;
    std::unordered_map<std::uint32_t, std::string> m_keys;
    std::string m_newline;
    bool m_follows = false;
};

// The two formats' patchers (yamlpatcher.cpp, jsonpatcher.cpp).
std::unique_ptr<TextPatcher> makeYamlPatcher(std::string_view text, const SourceSpans &spans);
std::unique_ptr<TextPatcher> makeJsonPatcher(std::string_view text, const SourceSpans &spans);

} // namespace sc
