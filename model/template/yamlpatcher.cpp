// Text edits for YAML: scalars keep their quoting style where the new value allows it, new
// entries take their siblings' indentation and key quoting, removals take the entry's own
// comment lines, and a value that cannot change in place is re-emitted where it stands (in
// flow style inside a flow collection).

#include "model/template/scalars.h"
#include "model/template/templatewriter.h"
#include "model/template/textpatcher.h"
#include "model/template/yamlscan.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace sc {

namespace ys = yamlscan;

namespace {

bool hasControlCharacters(std::string_view s)
{
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7F)
            return true;
    }
    return false;
}

std::string doubleQuoted(std::string_view s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\0': out += "\\0"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char hex[8];
                std::snprintf(hex, sizeof hex, "\\x%02X", c);
                out += hex;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + '"';
}

std::optional<std::string> singleQuoted(std::string_view s)
{
    if (hasControlCharacters(s))
        return std::nullopt;
    std::string out = "'";
    for (char c : s) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + '\'';
}

// Whether `s` can be written without quotes and read back as the same string.
bool fitsPlain(const std::string &s, bool flow)
{
    if (s.empty() || scalars::needsQuotes(s) || hasControlCharacters(s) || s.front() == ' ' || s.back() == ' '
        || s.back() == ':')
        return false;
    static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (indicators.find(s.front()) != std::string_view::npos) {
        const bool dashLike = s.front() == '-' || s.front() == '?' || s.front() == ':';
        if (!dashLike || s.size() < 2 || s[1] == ' ')
            return false;
    }
    if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos)
        return false;
    return !flow || s.find_first_of(",[]{}") == std::string::npos;
}

std::string quoted(const std::string &s)
{
    if (auto single = singleQuoted(s))
        return *single;
    return doubleQuoted(s);
}

// A multi-line string that a literal block holds exactly (the chomping indicator says how many
// line breaks end it).
bool fitsLiteral(const std::string &s)
{
    if (s.find('\n') == std::string::npos || s.front() == ' ' || s.front() == '\n')
        return false;
    for (unsigned char c : s) {
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
            return false;
    }
    return true;
}

// One paragraph of words: a folded block holds it exactly, wrapped at any space.
bool fitsFolded(const std::string &s)
{
    std::size_t body = s.size();
    while (body > 0 && s[body - 1] == '\n')
        --body;
    if (body == 0 || s.front() == ' ' || s[body - 1] == ' ')
        return false;
    for (std::size_t i = 0; i < body; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F || (c == ' ' && s[i + 1] == ' '))
            return false;
    }
    return true;
}

class YamlPatcher : public TextPatcher {
public:
    YamlPatcher(std::string_view text, const SourceSpans &spans)
        : TextPatcher(text, spans)
        , m_indent(detectIndent())
    {
    }

protected:
    bool replaceScalar(std::uint32_t index, const Json &value) override
    {
        const NodeSpan &s = span(index);
        const bool flow = inFlow(index);
        std::string written;
        if (s.kind == SpanKind::DottedGetAtt) {
            if (!value.is_array() || value.size() != 2 || !value[0].is_string() || !value[1].is_string()
                || value[0].get_ref<const std::string &>().find('.') != std::string::npos)
                return false;
            written = scalarText(value[0].get<std::string>() + '.' + value[1].get<std::string>(),
                                 quoteStyleAt(s.content), flow);
        } else if (value.is_string()) {
            const std::string &text = value.get_ref<const std::string &>();
            if (s.kind == SpanKind::Folded && !flow && fitsFolded(text))
                written = blockScalar(s, text, true);
            else if ((s.kind == SpanKind::Literal || s.kind == SpanKind::Folded) && !flow && fitsLiteral(text))
                written = blockScalar(s, text, false);
            else
                written = scalarText(text, s.kind, flow);
        } else if (value.is_null()) {
            written = s.kind == SpanKind::Plain && ys::isNullWord(m_text, s.content)
                          ? std::string(m_text.substr(s.content, s.end - s.content))
                          : "null";
        } else if (value.is_boolean()) {
            written = value.get<bool>() ? "true" : "false";
        } else {
            written = value.dump();
        }
        if (s.kind == SpanKind::Empty)
            written = ' ' + written;
        const std::size_t from = s.has(kCoreTag) ? s.begin : s.content;
        const std::size_t to = flow ? s.end : s.end + commentGapChange(from, s.end, written);
        edit(from, to, std::move(written));
        return true;
    }

    // A trailing comment aligned with its neighbours' (more than one space before the `#`)
    // keeps its column when a one-line value grows or shrinks: the gap before it is resized
    // (down to one space) and appended to `written`. Returns how far the edit must reach past
    // the old value to take the old gap.
    std::size_t commentGapChange(std::size_t from, std::size_t to, std::string &written) const
    {
        if (written.find('\n') != std::string::npos || m_text.substr(from, to - from).find('\n') != std::string_view::npos)
            return 0;
        std::size_t gap = 0;
        while (to + gap < m_text.size() && (m_text[to + gap] == ' ' || m_text[to + gap] == '\t'))
            ++gap;
        if (gap < 2 || to + gap >= m_text.size() || m_text[to + gap] != '#'
            || m_text.substr(to, gap).find('\t') != std::string_view::npos)
            return 0;
        const auto columns = [](std::string_view text) {
            return static_cast<std::ptrdiff_t>(std::count_if(text.begin(), text.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            }));
        };
        const std::ptrdiff_t newGap =
            std::max<std::ptrdiff_t>(1, static_cast<std::ptrdiff_t>(gap) + columns(m_text.substr(from, to - from)) - columns(written));
        written.append(static_cast<std::size_t>(newGap), ' ');
        return gap;
    }

    bool replaceValue(std::uint32_t index, const Json &value) override
    {
        const NodeSpan &s = span(index);
        if (index == 0 || s.has(kUnmatched))
            return false;
        const NodeSpan &parent = span(s.parent);
        if (parent.kind == SpanKind::TagWrapper) {
            const std::string *tag = keyOf(index);
            return tag && replaceValue(s.parent, Json{{*tag, value}});
        }
        if (inFlow(index)) {
            std::string written = writeYamlFragment(value, m_indent, true);
            if (s.kind == SpanKind::Empty)
                written = ' ' + written;
            edit(s.begin, s.end, std::move(written));
            return true;
        }
        const std::string indent(static_cast<std::size_t>(ys::column(m_text, s.lead)), ' ');
        if (parent.kind == SpanKind::BlockSeq) {
            if (m_text[s.lead] != '-')
                return false;
            edit(s.lead, s.end, indentLines(writeYamlFragment(Json::array({value}), m_indent), indent));
            return true;
        }
        const std::string *key = keyOf(index);
        if (parent.kind != SpanKind::BlockMap || !key)
            return false;
        // Re-emit the entry but keep the key as written: everything from the ":" on is new.
        const std::optional<std::string> rest = entryAfterKey(*key, value);
        if (!rest)
            return false;
        edit(s.keyEnd, s.end, indentLines(*rest, indent));
        return true;
    }

    bool renameKey(std::uint32_t index, const std::string &key) override
    {
        const NodeSpan &s = span(index);
        const bool flow = inFlow(index);
        std::string written;
        if (s.has(kKeyDouble))
            written = doubleQuoted(key);
        else if (s.has(kKeySingle))
            written = singleQuoted(key).value_or(doubleQuoted(key));
        else
            written = fitsPlain(key, flow) ? key : quoted(key);
        edit(s.lead, s.keyEnd, std::move(written));
        return true;
    }

    bool removeChild(std::uint32_t container, std::uint32_t nth) override
    {
        const NodeSpan &c = span(child(container, nth));
        const NodeSpan &parent = span(container);
        if (parent.isFlow()) {
            if (nth + 1 < parent.childCount)
                edit(c.lead, span(child(container, nth + 1)).lead, {});
            else if (nth > 0)
                edit(span(child(container, nth - 1)).end, c.end, {});
            else
                return false;
            return true;
        }
        if (!ys::onlySpacesBefore(m_text, c.lead))
            return false; // it shares its line with its parent's "-": re-emit the parent
        std::size_t to = extentEnd(c);
        // Between blank lines, one of them goes too: the entries around keep one blank line.
        std::size_t from = ownCommentsStart(c);
        const bool blankAbove = from > 0 && ys::isBlankLine(m_text, ys::lineStart(m_text, from - 1));
        if ((from == 0 || blankAbove) && to < m_text.size() && ys::isBlankLine(m_text, to))
            to = ys::nextLine(m_text, to);
        else if (blankAbove && to >= m_text.size())
            from = ys::lineStart(m_text, from - 1); // no blank line left dangling at the end
        edit(from, to, {});
        return true;
    }

    bool insertChild(std::uint32_t container, std::int64_t afterNth, const std::string *key,
                     const Json &value) override
    {
        const NodeSpan &parent = span(container);
        if (parent.childCount == 0)
            return false;
        const bool flow = parent.isFlow();
        if (flow) {
            std::string written = writeYamlFragment(value, m_indent, true);
            if (key)
                written = keyText(*key, container, true) + ": " + written;
            if (afterNth >= 0) {
                const std::size_t at = span(child(container, static_cast<std::uint32_t>(afterNth))).end;
                edit(at, at, ", " + written);
            } else {
                const std::size_t at = span(child(container, 0)).lead;
                edit(at, at, written + ", ");
            }
            return true;
        }
        const NodeSpan &first = span(child(container, 0));
        const std::string indent(static_cast<std::size_t>(ys::column(m_text, first.lead)), ' ');
        std::string written;
        if (key) {
            const std::optional<std::string> rest = entryAfterKey(*key, value);
            if (!rest)
                return false;
            written = keyText(*key, container, false)
                      + (value.is_string() ? ": " + valueText(value.get<std::string>(), container) : *rest);
        } else {
            written = writeYamlFragment(Json::array({value}), m_indent);
        }
        written = indent + indentLines(written, indent) + newline();
        std::size_t at = 0;
        if (afterNth >= 0) {
            const auto anchor = static_cast<std::uint32_t>(afterNth);
            at = extentEnd(span(child(container, anchor)));
            // Entries set apart by blank lines get one too.
            if (setApartByBlankLines(container))
                written = newline() + written;
            if (at == m_text.size() && !m_text.empty() && m_text.back() != '\n')
                written = newline() + written;
        } else {
            if (!ys::onlySpacesBefore(m_text, first.lead))
                return false;
            at = ownCommentsStart(first);
        }
        edit(at, at, std::move(written));
        return true;
    }

private:
    bool inFlow(std::uint32_t index) const
    {
        while (index != 0) {
            index = span(index).parent;
            if (span(index).isFlow())
                return true;
        }
        return false;
    }

    SpanKind quoteStyleAt(std::size_t pos) const
    {
        const char c = pos < m_text.size() ? m_text[pos] : '\0';
        return c == '\'' ? SpanKind::SingleQuoted : c == '"' ? SpanKind::DoubleQuoted : SpanKind::Plain;
    }

    // A string in the style it had where possible, else in the plainest style that holds it.
    static std::string scalarText(const std::string &s, SpanKind style, bool flow)
    {
        if (style == SpanKind::DoubleQuoted)
            return doubleQuoted(s);
        if (style == SpanKind::SingleQuoted) {
            if (auto single = singleQuoted(s))
                return *single;
            return doubleQuoted(s);
        }
        return fitsPlain(s, flow) ? s : quoted(s);
    }

    // `text` as a block scalar in the old block's place and indentation: literal, or folded
    // (words wrapped at the old block's widest line) for text that is one paragraph.
    std::string blockScalar(const NodeSpan &s, const std::string &text, bool folded) const
    {
        std::size_t line = ys::nextLine(m_text, s.content);
        while (line < s.end && ys::isBlankLine(m_text, line))
            line = ys::nextLine(m_text, line);
        std::size_t width = line < s.end ? ys::skipSpaces(m_text, line) - line : 0;
        if (width == 0)
            width = static_cast<std::size_t>(ys::column(m_text, s.lead) + m_indent);
        std::size_t wrap = 40;
        for (std::size_t l = line; l < s.end; l = ys::nextLine(m_text, l))
            wrap = std::max(wrap, ys::lineEnd(m_text, l) - l - width);
        std::size_t breaks = 0;
        while (breaks < text.size() && text[text.size() - 1 - breaks] == '\n')
            ++breaks;
        std::string out = folded ? ">" : "|";
        out += breaks == 0 ? "-" : breaks == 1 ? "" : "+";
        const std::string indent(width, ' ');
        const std::size_t body = text.size() - breaks;
        std::vector<std::string> lines;
        if (folded) {
            // Single line breaks fold into spaces: wrap between words.
            std::size_t start = 0;
            while (start < body) {
                std::size_t end = std::min(body, start + wrap);
                if (end < body) {
                    const std::size_t space = text.rfind(' ', end);
                    end = space != std::string::npos && space > start ? space : text.find(' ', end);
                    end = std::min(end, body);
                }
                lines.push_back(text.substr(start, end - start));
                start = end + 1;
            }
        } else {
            std::size_t start = 0;
            while (start < body) {
                const std::size_t lf = std::min(text.find('\n', start), body);
                lines.push_back(text.substr(start, lf - start));
                start = lf + 1;
            }
        }
        for (const std::string &l : lines) {
            out += newline();
            if (!l.empty())
                out += indent + l;
        }
        for (std::size_t b = 1; b < breaks; ++b)
            out += newline();
        return out;
    }

    // The YAML of {key: value} from the ":" on, as the writer emits it.
    std::optional<std::string> entryAfterKey(const std::string &key, const Json &value) const
    {
        const std::string entry = writeYamlFragment(Json{{key, value}}, m_indent);
        const std::string probe = writeYamlFragment(Json{{key, 0}}, m_indent);
        const std::size_t keyLength = probe.size() - 3; // without ": 0"
        if (probe.compare(keyLength, 3, ": 0") != 0 || entry.compare(0, keyLength, probe, 0, keyLength) != 0)
            return std::nullopt;
        return entry.substr(keyLength);
    }

    // A new key quoted as its siblings' keys are, or plain when they are plain.
    std::string keyText(const std::string &key, std::uint32_t container, bool flow) const
    {
        const NodeSpan &sibling = span(child(container, 0));
        if (sibling.has(kKeyDouble))
            return doubleQuoted(key);
        if (sibling.has(kKeySingle))
            return singleQuoted(key).value_or(doubleQuoted(key));
        return fitsPlain(key, flow) ? key : quoted(key);
    }

    // A new string value quoted as its siblings' string values all are (JSON-like YAML), or
    // in the plainest style that holds it.
    std::string valueText(const std::string &value, std::uint32_t container) const
    {
        SpanKind style = SpanKind::Plain;
        for (std::uint32_t i = 0; i < span(container).childCount; ++i) {
            const NodeSpan &c = span(child(container, i));
            if (c.kind == SpanKind::Plain) {
                if (isPlainText(c))
                    return scalarText(value, SpanKind::Plain, false);
                continue; // numbers and booleans say nothing about how text is quoted
            }
            if (c.kind != SpanKind::SingleQuoted && c.kind != SpanKind::DoubleQuoted)
                continue;
            if (style != SpanKind::Plain && style != c.kind)
                return scalarText(value, SpanKind::Plain, false);
            style = c.kind;
        }
        return scalarText(value, style, false);
    }

    bool isPlainText(const NodeSpan &c) const
    {
        try {
            return scalars::resolvePlain(std::string(m_text.substr(c.content, c.end - c.content))).is_string();
        } catch (const std::range_error &) {
            return false;
        }
    }

    // The first of the comment lines right above an entry (no blank line between) that are
    // indented at least as far as the entry: they are about it.
    std::size_t ownCommentsStart(const NodeSpan &c) const
    {
        const int column = ys::column(m_text, c.lead);
        std::size_t start = ys::lineStart(m_text, c.lead);
        while (start > 0) {
            const std::size_t above = ys::lineStart(m_text, start - 1);
            if (!ys::isCommentLine(m_text, above)
                || static_cast<int>(ys::skipSpaces(m_text, above) - above) < column)
                break;
            start = above;
        }
        return start;
    }

    // Whether blank lines set the container's entries apart (resources often are): most entries
    // after the first have one above them. One blank line here and there (the end of a literal
    // block, a paragraph break) is not a style to copy.
    bool setApartByBlankLines(std::uint32_t container) const
    {
        const std::uint32_t count = span(container).childCount;
        std::uint32_t apart = 0;
        for (std::uint32_t i = 1; i < count; ++i) {
            const std::size_t start = ownCommentsStart(span(child(container, i)));
            if (start > 0 && ys::isBlankLine(m_text, ys::lineStart(m_text, start - 1)))
                ++apart;
        }
        return count > 1 && 2 * apart > count - 1;
    }

    // The start of the line after an entry, past comment lines indented deeper than it.
    std::size_t extentEnd(const NodeSpan &c) const
    {
        const int column = ys::column(m_text, c.lead);
        std::size_t pos = ys::nextLine(m_text, c.end);
        while (pos < m_text.size() && ys::isCommentLine(m_text, pos)
               && static_cast<int>(ys::skipSpaces(m_text, pos) - pos) > column)
            pos = ys::nextLine(m_text, pos);
        return pos;
    }

    // The file's indentation step: how far a nested mapping's keys sit from their parent key.
    int detectIndent() const
    {
        for (std::uint32_t i = 1; i < m_spans.nodes.size(); ++i) {
            const NodeSpan &s = m_spans.nodes[i];
            if (s.kind != SpanKind::BlockMap || s.childCount == 0 || span(s.parent).kind != SpanKind::BlockMap
                || s.lead >= s.begin)
                continue;
            const int step = ys::column(m_text, span(child(i, 0)).lead) - ys::column(m_text, s.lead);
            if (step >= 2)
                return step;
        }
        return 2;
    }

    int m_indent;
};

} // namespace

std::unique_ptr<TextPatcher> makeYamlPatcher(std::string_view text, const SourceSpans &spans)
{
    return std::make_unique<YamlPatcher>(text, spans);
}

} // namespace sc
