#include "model/template/blockpositions.h"

#include "model/template/templatereader.h"
#include "model/template/yamlscan.h"

#include <algorithm>

namespace sc {

namespace ys = yamlscan;

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::size_t lineStartOf(std::string_view text, std::size_t pos)
{
    const std::size_t lf = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    return lf == std::string_view::npos ? 0 : lf + 1;
}

// A piece with no entry left in it (every one it held was removed).
bool holdsNothing(std::string_view piece, TemplateFormat format)
{
    if (format == TemplateFormat::Json)
        return piece.find_first_not_of(" \t\r\n,") == std::string_view::npos;
    for (std::size_t at = 0; at < piece.size(); at = ys::nextLine(piece, at)) {
        if (!ys::isCommentLine(piece, at) && !ys::isBlankLine(piece, at))
            return false;
    }
    return true;
}

std::size_t characters(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

} // namespace

BlockLayout::BlockLayout(std::string_view text, TemplateFormat format, const Json &tree,
                         const SourceMap &positions, const SourceSpans &spans)
    : m_format(format)
{
    const bool json = format == TemplateFormat::Json;
    const SpanKind mapKind = json ? SpanKind::JsonObject : SpanKind::BlockMap;
    if (spans.empty() || !tree.is_object() || tree.empty() || text.substr(0, kUtf8Bom.size()) == kUtf8Bom)
        return;
    // An alias is a copy of text elsewhere: a block holding one does not read alone.
    for (const NodeSpan &node : spans.nodes) {
        if (node.kind == SpanKind::Alias || node.has(kAnchored))
            return;
    }
    const NodeSpan &root = spans[0];
    if (root.kind != mapKind || root.childCount != tree.size())
        return;
    // YAML blocks start at the start of their key's line, JSON ones at the key itself.
    const auto startOf = [&](std::uint32_t index) -> std::optional<std::size_t> {
        const std::size_t lead = spans[index].lead;
        if (json)
            return lead;
        if (!ys::onlySpacesBefore(text, lead))
            return std::nullopt;
        return ys::lineStart(text, lead);
    };
    std::uint32_t nth = 0;
    for (const auto &[key, value] : tree.items()) {
        const std::uint32_t index = spans.child(0, nth++);
        const std::optional<std::size_t> start = startOf(index);
        if (!start)
            return;
        if (m_blocks.empty() && *start > 0)
            add(0, Section::Fixed, nullptr, nullptr);
        const NodeSpan &span = spans[index];
        const bool split = key == "Resources" && value.is_object() && !value.empty() && span.kind == mapKind
                           && span.childCount == value.size();
        if (!split) {
            add(*start, Section::TopLevel, &key, &value);
            continue;
        }
        m_resourcesSplit = true;
        m_header = m_blocks.size();
        add(*start, Section::Fixed, &key, nullptr);
        std::uint32_t r = 0;
        for (const auto &item : value.items()) {
            const std::optional<std::size_t> resourceStart = startOf(spans.child(index, r++));
            if (!resourceStart)
                return;
            add(*resourceStart, Section::Resource, &item.key(), &item.value());
        }
        if (json)
            add(span.end - 1, Section::Fixed, nullptr, nullptr); // the closing brace
    }
    if (json)
        add(root.end - 1, Section::Fixed, nullptr, nullptr);
    // Each block on lines of its own, so that moving it by lines moves all of it.
    std::size_t at = 0;
    int line = 1;
    for (std::size_t k = 0; k < m_blocks.size(); ++k) {
        Block &block = m_blocks[k];
        if (block.start < at || block.start > text.size())
            return;
        line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(at),
                                            text.begin() + static_cast<std::ptrdiff_t>(block.start), '\n'));
        at = block.start;
        block.line = line;
        if (k > 0 && block.line == m_blocks[k - 1].line)
            return;
    }
    for (std::size_t k = 0; k < m_blocks.size(); ++k) {
        const Block &block = m_blocks[k];
        if (block.section == Section::Resource)
            m_resources.emplace(block.key, k);
        else if (block.section == Section::TopLevel || k == m_header)
            m_topLevel.emplace(block.key, k);
    }
    m_entries.resize(m_blocks.size());
    bool unknown = false;
    positions.forEach([&](const std::string &pointer, SourcePos pos) {
        if (pointer.empty())
            return;
        const std::size_t k = owner(pointer);
        if (k == std::string::npos)
            unknown = true;
        else
            m_entries[k].emplace_back(pointer, pos);
    });
    m_entryCount = positions.size();
    m_usable = !unknown;
}

void BlockLayout::add(std::size_t start, Section section, const std::string *name, const Json *value)
{
    Block block;
    block.start = start;
    block.section = section;
    block.value = value;
    if (name) {
        block.name = *name;
        block.key = SourceMap::escape(*name);
    }
    m_blocks.push_back(std::move(block));
}

std::size_t BlockLayout::blockAt(std::size_t offset) const
{
    const auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), offset,
                                     [](std::size_t at, const Block &b) { return at < b.start; });
    return it == m_blocks.begin() ? 0 : static_cast<std::size_t>(it - m_blocks.begin()) - 1;
}

std::size_t BlockLayout::owner(const std::string &pointer) const
{
    const std::string_view p(pointer);
    const std::size_t end = p.find('/', 1);
    const std::string_view first = p.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
    if (m_resourcesSplit && first == "Resources" && end != std::string_view::npos) {
        const std::size_t next = p.find('/', end + 1);
        const std::string_view id =
            p.substr(end + 1, next == std::string_view::npos ? std::string_view::npos : next - end - 1);
        const auto it = m_resources.find(id);
        return it == m_resources.end() ? std::string::npos : it->second;
    }
    const auto it = m_topLevel.find(first);
    return it == m_topLevel.end() ? std::string::npos : it->second;
}

bool BlockLayout::readRegion(std::string_view patched, std::size_t from, std::size_t to, int firstLine,
                             Region &region) const
{
    const std::string_view piece = patched.substr(from, to - from);
    if (holdsNothing(piece, m_format)) {
        region.read = std::make_shared<const Template>();
        return true;
    }
    std::string readable;
    if (m_format == TemplateFormat::Yaml) {
        readable = piece;
        region.lineOffset = firstLine - 1;
    } else {
        // JSON entries read alone inside braces of their own, the first one at its column.
        const std::size_t lineStart = lineStartOf(patched, from);
        readable = "{\n" + std::string(characters(patched.substr(lineStart, from - lineStart)), ' ');
        const std::size_t begin = readable.size();
        readable += piece;
        const std::size_t last = readable.find_last_not_of(" \t\r\n");
        if (last != std::string::npos && last >= begin && readable[last] == ',')
            readable[last] = ' ';
        readable += "\n}";
        region.lineOffset = firstLine - 2;
    }
    if (const auto known = m_pieces.find(readable); known != m_pieces.end()) {
        region.read = known->second;
        return true;
    }
    try {
        region.read = std::make_shared<const Template>(m_format == TemplateFormat::Yaml ? readYaml(readable, {}, {})
                                                                                       : readJson(readable, {}, {}));
    } catch (const TemplateError &) {
        return false;
    }
    m_pieces.emplace(std::move(readable), region.read);
    return true;
}

bool BlockLayout::keysAgree(Section section, const Json &newSection, const std::vector<char> &dirty,
                            const std::vector<Region> &regions) const
{
    // The entries the blocks hold in text order, with what each reads as (null: the Resources
    // header, whose entries are checked one by one as resources).
    std::vector<std::pair<const std::string *, const Json *>> entries;
    std::size_t next = 0;
    for (std::size_t k = 0; k < m_blocks.size();) {
        if (next < regions.size() && regions[next].first == k) {
            const Region &region = regions[next++];
            k = region.last + 1;
            if (m_blocks[region.first].section == section) {
                for (const auto &item : region.read->root.items())
                    entries.emplace_back(&item.key(), &item.value());
            }
            continue;
        }
        const Block &block = m_blocks[k];
        const bool header = m_resourcesSplit && k == m_header;
        if (!dirty[k] && (block.section == section || (header && section == Section::TopLevel)))
            entries.emplace_back(&block.name, block.value);
        ++k;
    }
    if (entries.size() != newSection.size())
        return false;
    std::size_t i = 0;
    for (const auto &item : newSection.items()) {
        const auto &[name, value] = entries[i++];
        if (item.key() != *name || (value && *value != item.value()))
            return false;
    }
    return true;
}

std::optional<SourceMap> BlockLayout::positionsAfter(std::string_view text, std::string_view patched,
                                                     const std::vector<TextChange> &changes,
                                                     const Json &tree) const
{
    if (!m_usable || !tree.is_object())
        return std::nullopt;
    const std::size_t n = m_blocks.size();
    std::vector<char> dirty(n, 0);
    std::vector<std::ptrdiff_t> bytes(n, 0);
    std::vector<int> lines(n, 0);
    for (const TextChange &change : changes) {
        std::size_t first = blockAt(change.from);
        // Put after an entry that ends where the next block starts: it belongs to the entry's.
        if (change.follows && change.from == change.to && first > 0 && change.from == m_blocks[first].start)
            --first;
        const std::size_t last = change.to > change.from ? std::max(first, blockAt(change.to - 1)) : first;
        for (std::size_t k = first; k <= last; ++k)
            dirty[k] = 1;
        bytes[first] += static_cast<std::ptrdiff_t>(change.length) - static_cast<std::ptrdiff_t>(change.to - change.from);
        lines[first] += static_cast<int>(change.lines);
    }
    std::vector<std::size_t> newStart(n);
    std::vector<int> newLine(n);
    std::ptrdiff_t byteShift = 0;
    int lineShift = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (dirty[k] && m_blocks[k].section == Section::Fixed)
            return std::nullopt;
        newStart[k] = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(m_blocks[k].start) + byteShift);
        newLine[k] = m_blocks[k].line + lineShift;
        byteShift += bytes[k];
        lineShift += lines[k];
    }
    if (static_cast<std::ptrdiff_t>(patched.size()) != static_cast<std::ptrdiff_t>(text.size()) + byteShift)
        return std::nullopt;
    // Every block that keeps its positions, and every re-read run, still starts as it did: at a
    // line start (YAML) or after the same indentation (JSON).
    for (std::size_t k = 0; k < n; ++k) {
        if (dirty[k] && k > 0 && dirty[k - 1])
            continue;
        if (newStart[k] > patched.size())
            return std::nullopt;
        const std::size_t oldLine = lineStartOf(text, m_blocks[k].start);
        const std::size_t newLineStart = lineStartOf(patched, newStart[k]);
        if (text.substr(oldLine, m_blocks[k].start - oldLine) != patched.substr(newLineStart, newStart[k] - newLineStart))
            return std::nullopt;
    }
    std::vector<Region> regions;
    for (std::size_t k = 0; k < n;) {
        if (!dirty[k]) {
            ++k;
            continue;
        }
        Region region;
        region.first = k;
        region.last = k;
        while (region.last + 1 < n && dirty[region.last + 1]) {
            if (m_blocks[++region.last].section != m_blocks[k].section)
                return std::nullopt;
        }
        const std::size_t to = region.last + 1 < n ? newStart[region.last + 1] : patched.size();
        if (to < newStart[k] || !readRegion(patched, newStart[k], to, newLine[k], region))
            return std::nullopt;
        k = region.last + 1;
        regions.push_back(std::move(region));
    }
    // What the blocks read as, in order, is the tree: as reading the whole text would check.
    if (!keysAgree(Section::TopLevel, tree, dirty, regions))
        return std::nullopt;
    if (m_resourcesSplit) {
        const auto now = tree.find("Resources");
        if (now == tree.end() || !now->is_object() || !keysAgree(Section::Resource, *now, dirty, regions))
            return std::nullopt;
    }

    // Pieces not read this time are not kept: the cache holds what the document looks like now.
    std::unordered_map<std::string, std::shared_ptr<const Template>> kept;
    for (auto &entry : m_pieces) {
        const std::shared_ptr<const Template> &read = entry.second;
        if (std::any_of(regions.begin(), regions.end(), [&](const Region &r) { return r.read == read; }))
            kept.emplace(entry.first, read);
    }
    m_pieces = std::move(kept);

    SourceMap result;
    result.reserve(m_entryCount + 64);
    for (std::size_t k = 0; k < n; ++k) {
        if (dirty[k])
            continue;
        const int shift = newLine[k] - m_blocks[k].line;
        for (const auto &[pointer, pos] : m_entries[k])
            result.set(pointer, {pos.line + shift, pos.column});
    }
    for (const Region &region : regions) {
        const std::string prefix = m_blocks[region.first].section == Section::Resource ? "/Resources" : "";
        region.read->positions.forEach([&](const std::string &pointer, SourcePos pos) {
            if (pointer.empty())
                return;
            pos.line += region.lineOffset;
            result.set(prefix + pointer, pos);
        });
    }
    result.set("", {1, 1});
    return result;
}

} // namespace sc
