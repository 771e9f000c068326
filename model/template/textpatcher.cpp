#include "model/template/textpatcher.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sc {

namespace {

bool isScalarSpan(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Plain:
    case SpanKind::SingleQuoted:
    case SpanKind::DoubleQuoted:
    case SpanKind::Literal:
    case SpanKind::Folded:
    case SpanKind::Empty:
    case SpanKind::DottedGetAtt:
    case SpanKind::JsonScalar:
        return true;
    default:
        return false;
    }
}

bool isMapSpan(SpanKind kind)
{
    return kind == SpanKind::BlockMap || kind == SpanKind::FlowMap || kind == SpanKind::JsonObject;
}

bool isSeqSpan(SpanKind kind)
{
    return kind == SpanKind::BlockSeq || kind == SpanKind::FlowSeq || kind == SpanKind::JsonArray;
}

// Whether an entry that disappeared and one that appeared in the same place are one entry
// renamed (a logical ID, a parameter, a layout entry): the same value, or mappings of the same
// Type, or mappings that share at least half their keys.
bool looksRenamed(const Json &before, const Json &after)
{
    if (before == after)
        return true;
    if (!before.is_object() || !after.is_object())
        return false;
    const auto type = before.find("Type");
    const auto newType = after.find("Type");
    if (type != before.end() && newType != after.end())
        return *type == *newType;
    std::size_t shared = 0;
    for (const auto &[key, value] : before.items())
        shared += after.contains(key) ? 1 : 0;
    return 2 * shared >= std::max(before.size(), after.size());
}

// The keys present before and after whose relative order is the same on both sides, as many
// as possible (a longest increasing run of their new positions, in old order).
std::unordered_set<std::string_view> entriesInPlace(const std::vector<const std::string *> &oldKeys, const Json &after)
{
    std::unordered_map<std::string_view, std::size_t> newPosition;
    std::size_t n = 0;
    for (const auto &item : after.items())
        newPosition.emplace(item.key(), n++);
    std::vector<std::string_view> common;
    std::vector<std::size_t> positions;
    for (const std::string *key : oldKeys) {
        if (const auto it = newPosition.find(*key); it != newPosition.end()) {
            common.push_back(*key);
            positions.push_back(it->second);
        }
    }
    // Patience sorting: tails[k] is the index (into `positions`) ending the best run of k+1.
    std::vector<std::size_t> tails;
    std::vector<std::ptrdiff_t> previous(positions.size(), -1);
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const auto at = std::lower_bound(tails.begin(), tails.end(), positions[i],
                                         [&](std::size_t t, std::size_t value) { return positions[t] < value; });
        if (at != tails.begin())
            previous[i] = static_cast<std::ptrdiff_t>(*(at - 1));
        if (at == tails.end())
            tails.push_back(i);
        else
            *at = i;
    }
    std::unordered_set<std::string_view> inPlace;
    for (std::ptrdiff_t i = tails.empty() ? -1 : static_cast<std::ptrdiff_t>(tails.back()); i >= 0;
         i = previous[static_cast<std::size_t>(i)])
        inPlace.insert(common[static_cast<std::size_t>(i)]);
    return inPlace;
}

} // namespace

TextPatcher::TextPatcher(std::string_view text, const SourceSpans &spans)
    : m_text(text)
    , m_spans(spans)
{
    const std::size_t lf = text.find('\n');
    m_newline = lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
}

std::optional<std::string> patchText(std::string_view text, TemplateFormat format, const Json &before,
                                     const SourceSpans &spans, const Json &after, std::string &why,
                                     std::vector<TextChange> *changes)
{
    if (spans.empty()) {
        why = "the text's layout is not known";
        return std::nullopt;
    }
    const std::unique_ptr<TextPatcher> patcher =
        format == TemplateFormat::Json ? makeJsonPatcher(text, spans) : makeYamlPatcher(text, spans);
    return patcher->run(before, after, why, changes);
}

std::optional<std::string> TextPatcher::run(const Json &before, const Json &after, std::string &why,
                                            std::vector<TextChange> *changes)
{
    m_edits.clear();
    m_keys.clear();
    if (!diff(0, before, after)) {
        why = "the change reaches the whole template";
        return std::nullopt;
    }
    // Zero-length insertions come before a removal that starts at the same place; insertions
    // at one place keep the order they were made in.
    std::stable_sort(m_edits.begin(), m_edits.end(), [](const TextEdit &a, const TextEdit &b) {
        return a.from != b.from ? a.from < b.from : (a.to - a.from) < (b.to - b.from);
    });
    std::string out;
    out.reserve(m_text.size() + 256);
    std::size_t done = 0;
    for (const TextEdit &e : m_edits) {
        if (e.from < done) {
            why = "two edits overlap";
            return std::nullopt;
        }
        out.append(m_text.substr(done, e.from - done));
        out += e.text;
        done = e.to;
    }
    out.append(m_text.substr(done));
    if (changes) {
        changes->clear();
        changes->reserve(m_edits.size());
        for (const TextEdit &e : m_edits) {
            const std::string_view old = m_text.substr(e.from, e.to - e.from);
            const auto added = std::count(e.text.begin(), e.text.end(), '\n');
            const auto removed = std::count(old.begin(), old.end(), '\n');
            changes->push_back({e.from, e.to, e.text.size(), added - removed, e.follows});
        }
    }
    return out;
}

void TextPatcher::edit(std::size_t from, std::size_t to, std::string text)
{
    m_edits.push_back({from, to, std::move(text), m_follows});
}

const std::string *TextPatcher::keyOf(std::uint32_t index) const
{
    const auto it = m_keys.find(index);
    return it == m_keys.end() ? nullptr : &it->second;
}

std::string TextPatcher::indentLines(std::string_view text, std::string_view indent) const
{
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t start = 0;
    bool first = true;
    while (start <= text.size()) {
        const std::size_t lf = text.find('\n', start);
        const std::string_view line = text.substr(start, lf == std::string_view::npos ? std::string_view::npos : lf - start);
        if (!first) {
            out += m_newline;
            if (!line.empty())
                out += indent;
        }
        out += line;
        first = false;
        if (lf == std::string_view::npos)
            break;
        start = lf + 1;
    }
    return out;
}

bool TextPatcher::insertAfter(std::uint32_t container, std::int64_t afterNth, const std::string *key,
                              const Json &value)
{
    m_follows = afterNth >= 0;
    const bool done = insertChild(container, afterNth, key, value);
    m_follows = false;
    return done;
}

bool TextPatcher::diffOrReplace(std::uint32_t index, const Json &before, const Json &after,
                                bool (TextPatcher::*how)(std::uint32_t, const Json &, const Json &))
{
    const std::size_t checkpoint = m_edits.size();
    if ((this->*how)(index, before, after))
        return true;
    m_edits.resize(checkpoint);
    return replaceValue(index, after);
}

bool TextPatcher::diff(std::uint32_t index, const Json &before, const Json &after)
{
    if (before == after)
        return true;
    const NodeSpan &s = m_spans[index];
    if (s.has(kUnmatched) || s.kind == SpanKind::Alias)
        return replaceValue(index, after);
    if (s.kind == SpanKind::TagWrapper) {
        if (!after.is_object() || after.size() != 1 || after.begin().key() != before.begin().key())
            return replaceValue(index, after);
        const std::uint32_t content = child(index, 0);
        m_keys[content] = before.begin().key();
        return diff(content, before.begin().value(), after.begin().value());
    }
    if (isScalarSpan(s.kind)) {
        if (after.is_primitive() || s.kind == SpanKind::DottedGetAtt) {
            const std::size_t checkpoint = m_edits.size();
            if (replaceScalar(index, after))
                return true;
            m_edits.resize(checkpoint);
        }
        return replaceValue(index, after);
    }
    if (isMapSpan(s.kind) && before.is_object() && after.is_object())
        return diffOrReplace(index, before, after, &TextPatcher::diffMap);
    if (isSeqSpan(s.kind) && before.is_array() && after.is_array())
        return diffOrReplace(index, before, after, &TextPatcher::diffSeq);
    return replaceValue(index, after);
}

bool TextPatcher::diffMap(std::uint32_t index, const Json &before, const Json &after)
{
    if (before.empty() || after.empty())
        return false;
    // Keys and values by position: looking a key up in an ordered object is a linear search.
    std::vector<const std::string *> oldKeys;
    std::vector<const std::string *> newKeys;
    std::vector<const Json *> oldValues;
    std::vector<const Json *> newValues;
    for (const auto &item : before.items()) {
        oldKeys.push_back(&item.key());
        oldValues.push_back(&item.value());
    }
    for (const auto &item : after.items()) {
        newKeys.push_back(&item.key());
        newValues.push_back(&item.value());
    }
    // Entries kept in place: the most entries present on both sides whose order agrees. An
    // entry that changed places counts as removed from the old place and added at the new one.
    const std::unordered_set<std::string_view> inPlace = entriesInPlace(oldKeys, after);
    std::size_t i = 0;
    std::size_t j = 0;
    std::int64_t anchor = -1; // the last old child still in place: insertions go after it
    std::size_t stayed = 0;
    std::vector<std::uint32_t> removals;
    while (i < oldKeys.size() || j < newKeys.size()) {
        // A gap: old entries that are gone and new ones that came, between two kept entries.
        std::vector<std::size_t> removed;
        while (i < oldKeys.size() && !inPlace.count(*oldKeys[i]))
            removed.push_back(i++);
        std::size_t next = 0;
        while (j < newKeys.size() && !inPlace.count(*newKeys[j])) {
            const std::string &key = *newKeys[j];
            const Json &value = *newValues[j];
            if (next < removed.size() && looksRenamed(*oldValues[removed[next]], value)) {
                const std::size_t o = removed[next++];
                const std::uint32_t c = child(index, static_cast<std::uint32_t>(o));
                m_keys[c] = key;
                if (!renameKey(c, key) || !diff(c, *oldValues[o], value))
                    return false;
                anchor = static_cast<std::int64_t>(o);
                ++stayed;
            } else {
                for (; next < removed.size(); ++next)
                    removals.push_back(static_cast<std::uint32_t>(removed[next]));
                if (!insertAfter(index, anchor, &key, value))
                    return false;
            }
            ++j;
        }
        for (; next < removed.size(); ++next)
            removals.push_back(static_cast<std::uint32_t>(removed[next]));
        if (i >= oldKeys.size() || j >= newKeys.size())
            continue;
        const std::uint32_t c = child(index, static_cast<std::uint32_t>(i));
        m_keys[c] = *oldKeys[i];
        if (!diff(c, *oldValues[i], *newValues[j]))
            return false;
        anchor = static_cast<std::int64_t>(i);
        ++stayed;
        ++i;
        ++j;
    }
    if (stayed == 0)
        return false; // nothing of the old mapping stays: re-emit it
    for (std::uint32_t nth : removals) {
        if (!removeChild(index, nth))
            return false;
    }
    return true;
}

bool TextPatcher::diffSeq(std::uint32_t index, const Json &before, const Json &after)
{
    if (before.empty() || after.empty())
        return false;
    const std::size_t n = before.size();
    const std::size_t m = after.size();
    std::size_t prefix = 0;
    while (prefix < n && prefix < m && before[prefix] == after[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && before[n - 1 - suffix] == after[m - 1 - suffix])
        ++suffix;
    const std::size_t oldMiddle = n - prefix - suffix;
    const std::size_t newMiddle = m - prefix - suffix;
    const std::size_t paired = std::min(oldMiddle, newMiddle);
    if (prefix + suffix + paired == 0)
        return false; // every item is new: re-emit the sequence
    for (std::size_t t = 0; t < paired; ++t) {
        const std::size_t at = prefix + t;
        if (!diff(child(index, static_cast<std::uint32_t>(at)), before[at], after[at]))
            return false;
    }
    for (std::size_t t = paired; t < oldMiddle; ++t) {
        if (!removeChild(index, static_cast<std::uint32_t>(prefix + t)))
            return false;
    }
    const std::int64_t anchor = static_cast<std::int64_t>(prefix + paired) - 1;
    for (std::size_t t = paired; t < newMiddle; ++t) {
        if (!insertAfter(index, anchor, nullptr, after[prefix + t]))
            return false;
    }
    return true;
}

} // namespace sc
