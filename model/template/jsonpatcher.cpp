// Text edits for JSON: values replaced where they stand, members and items inserted with the
// file's own indentation (tabs or spaces, its step) or on one line when their object or array is
// written on one line, with the separators the file uses; removals take their comma.

#include "model/template/textpatcher.h"

namespace sc {

namespace {

std::string dump(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::strict);
}

class JsonPatcher : public TextPatcher {
public:
    JsonPatcher(std::string_view text, const SourceSpans &spans)
        : TextPatcher(text, spans)
    {
        detectIndent();
        detectSeparators();
    }

protected:
    bool replaceScalar(std::uint32_t index, const Json &value) override
    {
        edit(span(index).content, span(index).end, dump(value));
        return true;
    }

    bool replaceValue(std::uint32_t index, const Json &value) override
    {
        if (index == 0)
            return false;
        const NodeSpan &s = span(index);
        edit(s.begin, s.end, render(value, s.parent));
        return true;
    }

    bool renameKey(std::uint32_t index, const std::string &key) override
    {
        edit(span(index).lead, span(index).keyEnd, dump(Json(key)));
        return true;
    }

    bool removeChild(std::uint32_t container, std::uint32_t nth) override
    {
        const NodeSpan &parent = span(container);
        const NodeSpan &c = span(child(container, nth));
        if (nth > 0)
            edit(span(child(container, nth - 1)).end, c.end, {}); // ", member"
        else if (parent.childCount > 1)
            edit(c.lead, span(child(container, 1)).lead, {});  // "member, "
        else
            return false;
        return true;
    }

    bool insertChild(std::uint32_t container, std::int64_t afterNth, const std::string *key,
                     const Json &value) override
    {
        const NodeSpan &parent = span(container);
        if (parent.childCount == 0)
            return false;
        std::string member = render(value, container);
        if (key)
            member = dump(Json(*key)) + m_keySeparator + member;
        const NodeSpan &first = span(child(container, 0));
        std::string separator;
        if (isOneLine(container))
            separator = itemSeparator(container);
        else
            separator = ',' + newline() + lineIndent(first.lead);
        if (afterNth >= 0) {
            const std::size_t at = span(child(container, static_cast<std::uint32_t>(afterNth))).end;
            edit(at, at, separator + member);
        } else {
            edit(first.lead, first.lead, member + separator);
        }
        return true;
    }

private:
    bool isOneLine(std::uint32_t container) const
    {
        const NodeSpan &s = span(container);
        return m_text.substr(s.begin, s.end - s.begin).find('\n') == std::string_view::npos;
    }

    // The whitespace that starts the line holding `pos`.
    std::string lineIndent(std::size_t pos) const
    {
        std::size_t start = pos;
        while (start > 0 && m_text[start - 1] != '\n')
            --start;
        std::size_t end = start;
        while (end < m_text.size() && (m_text[end] == ' ' || m_text[end] == '\t'))
            ++end;
        return std::string(m_text.substr(start, end - start));
    }

    // ", " or "," between the items of a one-line container.
    std::string itemSeparator(std::uint32_t container) const
    {
        if (span(container).childCount >= 2)
            return std::string(m_text.substr(span(child(container, 0)).end,
                                             span(child(container, 1)).lead - span(child(container, 0)).end));
        return ", ";
    }

    // A value to stand inside `container`: on one line when the container is, else spread
    // over lines indented by the file's step from the line it starts on; separators as the
    // file writes them.
    std::string render(const Json &value, std::uint32_t container) const
    {
        if (isOneLine(container))
            return renderOneLine(value, itemSeparator(container));
        std::string base;
        if (span(container).childCount > 0)
            base = lineIndent(span(child(container, 0)).lead);
        else
            base = lineIndent(span(container).begin) + m_step;
        return renderLines(value, base);
    }

    std::string renderOneLine(const Json &value, const std::string &itemSep) const
    {
        const bool object = value.is_object();
        if ((!object && !value.is_array()) || value.empty())
            return dump(value);
        const std::string &pad = object ? m_objectPadding : m_arrayPadding;
        std::string out = object ? "{" : "[";
        out += pad;
        bool first = true;
        for (const auto &item : value.items()) {
            if (!first)
                out += itemSep;
            if (object)
                out += dump(Json(item.key())) + m_keySeparator;
            out += renderOneLine(item.value(), itemSep);
            first = false;
        }
        return out + pad + (object ? "}" : "]");
    }

    std::string renderLines(const Json &value, const std::string &indent) const
    {
        const bool object = value.is_object();
        if ((!object && !value.is_array()) || value.empty())
            return dump(value);
        const std::string inner = indent + m_step;
        std::string out = object ? "{" : "[";
        bool first = true;
        for (const auto &item : value.items()) {
            out += (first ? "" : ",") + newline() + inner;
            if (object)
                out += dump(Json(item.key())) + m_keySeparator;
            out += renderLines(item.value(), inner);
            first = false;
        }
        return out + newline() + indent + (object ? "}" : "]");
    }

    // How the file writes a member's ":" and pads a one-line object's or array's brackets,
    // from the first of each.
    void detectSeparators()
    {
        bool keyFound = false, objectFound = false, arrayFound = false;
        for (const NodeSpan &s : m_spans.nodes) {
            if (!keyFound && s.keyEnd > 0 && s.keyEnd < s.begin && s.lead < s.keyEnd) {
                m_keySeparator = std::string(m_text.substr(s.keyEnd, s.begin - s.keyEnd));
                keyFound = true;
            }
            const bool object = s.kind == SpanKind::JsonObject;
            bool &found = object ? objectFound : arrayFound;
            if ((object || s.kind == SpanKind::JsonArray) && !found && s.childCount > 0
                && m_text.substr(s.begin, s.end - s.begin).find('\n') == std::string_view::npos) {
                (object ? m_objectPadding : m_arrayPadding) = m_text[s.begin + 1] == ' ' ? " " : "";
                found = true;
            }
        }
    }

    // The file's indentation step, from the first member that sits on a line deeper than its
    // parent's.
    void detectIndent()
    {
        for (std::uint32_t i = 1; i < m_spans.nodes.size(); ++i) {
            const NodeSpan &s = m_spans.nodes[i];
            const std::string own = lineIndent(s.lead);
            const std::string parent = lineIndent(span(s.parent).lead);
            if (own.size() > parent.size() && own.compare(0, parent.size(), parent) == 0) {
                m_step = own.substr(parent.size());
                if (m_step.find_first_not_of(m_step.front()) == std::string::npos)
                    return;
            }
        }
        m_step = "  ";
    }

    std::string m_step;
    std::string m_keySeparator = ": ";
    std::string m_objectPadding;
    std::string m_arrayPadding;
};

} // namespace

std::unique_ptr<TextPatcher> makeJsonPatcher(std::string_view text, const SourceSpans &spans)
{
    return std::make_unique<JsonPatcher>(text, spans);
}

} // namespace sc
