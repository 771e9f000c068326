#include "model/template/yamlspans.h"

#include "model/template/yamlscan.h"

#include <algorithm>

namespace sc {

namespace ys = yamlscan;

namespace {

std::uint32_t u32(std::size_t offset)
{
    return static_cast<std::uint32_t>(offset);
}

} // namespace

YamlSpanRecorder::YamlSpanRecorder(std::string_view text, SourceSpans &out)
    : m_text(text)
    , m_out(out)
{
    m_out.nodes.clear();
    m_out.childList.clear();
}

void YamlSpanRecorder::key(const YAML::Mark &mark, const std::string &value)
{
    Frame &frame = m_stack.back();
    const std::size_t pos = static_cast<std::size_t>(mark.pos);
    const std::size_t at = ys::skipProperties(m_text, pos).content;
    std::size_t end = ys::npos;
    std::uint8_t flags = 0;
    if (at < m_text.size() && (m_text[at] == '\'' || m_text[at] == '"')) {
        flags = m_text[at] == '\'' ? kKeySingle : kKeyDouble;
        end = ys::quotedEnd(m_text, at);
    } else {
        end = ys::plainEnd(m_text, at, value);
    }
    if (end == ys::npos) {
        flags |= kUnmatched;
        end = at;
    }
    frame.pendingLead = u32(pos);
    frame.pendingKeyEnd = u32(end);
    frame.pendingKeyFlags = flags;
}

std::size_t YamlSpanRecorder::afterIndicator(Frame &parent, NodeSpan &span) const
{
    const NodeSpan &container = m_out.nodes[parent.index];
    if (container.kind == SpanKind::BlockMap || container.kind == SpanKind::FlowMap) {
        span.lead = parent.pendingLead;
        span.keyEnd = parent.pendingKeyEnd;
        span.flags |= parent.pendingKeyFlags;
        const std::size_t colon = ys::skipBlank(m_text, span.keyEnd);
        return colon < m_text.size() && m_text[colon] == ':' ? colon + 1 : span.keyEnd;
    }
    const std::size_t from = parent.children.empty() ? container.content + (container.isFlow() ? 1 : 0)
                                                     : parent.lastEnd;
    std::size_t at = ys::skipBlank(m_text, from);
    if (container.kind == SpanKind::BlockSeq) {
        if (at >= m_text.size() || m_text[at] != '-') {
            span.flags |= kUnmatched;
            span.lead = u32(std::min(at, m_text.size()));
            return at;
        }
        span.lead = u32(at);
        return at + 1;
    }
    if (at < m_text.size() && m_text[at] == ',')
        at = ys::skipBlank(m_text, at + 1);
    span.lead = u32(at);
    return at;
}

std::uint32_t YamlSpanRecorder::startValue(std::size_t pos, bool wrapped)
{
    NodeSpan span;
    std::size_t after = 0;
    if (!m_stack.empty()) {
        span.parent = m_stack.back().index;
        after = afterIndicator(m_stack.back(), span);
        if (m_out.nodes[span.parent].kind == SpanKind::FlowSeq && span.lead != pos)
            span.lead = u32(pos);
    } else {
        span.lead = u32(pos);
    }
    m_after = after;
    span.begin = u32(pos);
    const ys::Properties properties = ys::skipProperties(m_text, pos);
    m_propertiesEnd = properties.end;
    span.content = u32(properties.content);
    if (properties.anchored)
        span.flags |= kAnchored;
    if (!wrapped) {
        if (properties.tagged)
            span.flags |= kCoreTag;
        m_out.nodes.push_back(span);
        return u32(m_out.nodes.size() - 1);
    }
    span.kind = SpanKind::TagWrapper;
    m_out.nodes.push_back(span);
    const std::uint32_t wrapper = u32(m_out.nodes.size() - 1);
    NodeSpan inner;
    inner.parent = wrapper;
    inner.lead = inner.begin = inner.content = span.content;
    inner.flags = span.flags & kAnchored;
    m_out.nodes.push_back(inner);
    return wrapper + 1;
}

int YamlSpanRecorder::parentIndent(const NodeSpan &span) const
{
    std::uint32_t lead = span.lead;
    if (m_out.nodes[span.parent].kind == SpanKind::TagWrapper)
        lead = m_out.nodes[span.parent].lead;
    return ys::column(m_text, lead);
}

void YamlSpanRecorder::scalar(const YAML::Mark &mark, const std::string &value, bool wrapped, bool dottedGetAtt)
{
    const std::uint32_t index = startValue(static_cast<std::size_t>(mark.pos), wrapped);
    NodeSpan &span = m_out.nodes[index];
    const std::size_t at = span.content;
    const char first = at < m_text.size() ? m_text[at] : '\0';
    std::size_t end = ys::npos;
    if (first == '\'' || first == '"') {
        span.kind = first == '\'' ? SpanKind::SingleQuoted : SpanKind::DoubleQuoted;
        end = ys::quotedEnd(m_text, at);
    } else if (value.empty() && m_propertiesEnd != static_cast<std::size_t>(mark.pos)) {
        // "!Ref" with nothing after it: the text after the tag belongs to the next node.
        span.kind = SpanKind::Empty;
        span.content = u32(m_propertiesEnd);
        end = m_propertiesEnd;
        if (wrapped) {
            span.lead = span.begin = span.content;
            m_out.nodes[span.parent].content = span.content;
        }
    } else if (first == '|' || first == '>') {
        span.kind = first == '|' ? SpanKind::Literal : SpanKind::Folded;
        end = ys::blockScalarEnd(m_text, at, parentIndent(span));
    } else {
        end = ys::plainEnd(m_text, at, value);
    }
    if (dottedGetAtt)
        span.kind = SpanKind::DottedGetAtt;
    if (end == ys::npos) {
        span.flags |= kUnmatched;
        end = at;
    }
    finish(index, end);
}

void YamlSpanRecorder::null(const YAML::Mark &mark)
{
    const std::size_t pos = static_cast<std::size_t>(mark.pos);
    const std::uint32_t index = startValue(pos, false);
    NodeSpan &span = m_out.nodes[index];
    // An omitted value is reported at the next token: it is then written as nothing, right
    // after its ":" or "-".
    const std::size_t expected = ys::skipBlank(m_text, m_after);
    if (pos == expected && ys::isNullWord(m_text, span.content)) {
        span.kind = SpanKind::Plain;
        finish(index, span.content + (m_text[span.content] == '~' ? 1 : 4));
        return;
    }
    span.kind = SpanKind::Empty;
    span.flags &= static_cast<std::uint8_t>(~kCoreTag);
    if (pos == expected && m_propertiesEnd != pos) {
        span.content = u32(m_propertiesEnd); // "&name" and nothing else
    } else {
        span.begin = span.content = u32(m_after);
        span.flags &= static_cast<std::uint8_t>(~kAnchored);
    }
    finish(index, span.content);
}

void YamlSpanRecorder::alias(const YAML::Mark &mark)
{
    const std::uint32_t index = startValue(static_cast<std::size_t>(mark.pos), false);
    m_out.nodes[index].kind = SpanKind::Alias;
    finish(index, ys::aliasEnd(m_text, m_out.nodes[index].content));
}

void YamlSpanRecorder::open(const YAML::Mark &mark, bool wrapped, bool map, YAML::EmitterStyle::value style)
{
    const std::uint32_t index = startValue(static_cast<std::size_t>(mark.pos), wrapped);
    const bool flow = style == YAML::EmitterStyle::Flow;
    m_out.nodes[index].kind = map ? (flow ? SpanKind::FlowMap : SpanKind::BlockMap)
                                  : (flow ? SpanKind::FlowSeq : SpanKind::BlockSeq);
    Frame frame;
    frame.index = index;
    m_stack.push_back(std::move(frame));
}

void YamlSpanRecorder::close()
{
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    NodeSpan &span = m_out.nodes[frame.index];
    span.children = u32(m_out.childList.size());
    span.childCount = u32(frame.children.size());
    m_out.childList.insert(m_out.childList.end(), frame.children.begin(), frame.children.end());
    std::size_t end = frame.children.empty() ? span.content : frame.lastEnd;
    // A block collection ends where its last child does: if a child's extent is unknown, so
    // is the collection's.
    if (span.isBlock()) {
        for (std::uint32_t c : frame.children) {
            if (m_out.nodes[c].has(kUnmatched))
                span.flags |= kUnmatched;
        }
    }
    if (span.isFlow()) {
        end = ys::flowClose(m_text, frame.children.empty() ? span.content + 1 : frame.lastEnd);
        if (end == ys::npos) {
            span.flags |= kUnmatched;
            end = frame.lastEnd;
        }
    }
    finish(frame.index, end);
}

void YamlSpanRecorder::finish(std::uint32_t index, std::size_t end)
{
    m_out.nodes[index].end = u32(end);
    std::uint32_t top = index;
    const std::uint32_t parent = m_out.nodes[index].parent;
    if (index != 0 && m_out.nodes[parent].kind == SpanKind::TagWrapper) {
        NodeSpan &wrapper = m_out.nodes[parent];
        wrapper.end = u32(end);
        wrapper.flags |= m_out.nodes[index].flags & kUnmatched;
        wrapper.children = u32(m_out.childList.size());
        wrapper.childCount = 1;
        m_out.childList.push_back(index);
        top = parent;
    }
    if (!m_stack.empty()) {
        m_stack.back().children.push_back(top);
        m_stack.back().lastEnd = m_out.nodes[top].end;
    }
}

} // namespace sc
