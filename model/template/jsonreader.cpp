// JSON -> template tree through nlohmann's SAX parser, so that duplicate keys, depth and node
// count are checked while parsing (the DOM parser silently keeps the last duplicate and
// accepts any depth). Positions come from how far the parser has read at each event.

#include "model/template/jsonparts.h"
#include "model/template/opencontainer.h"
#include "model/template/scalars.h"
#include "model/template/templateparts.h"
#include "model/template/templatereader.h"
#include "model/template/textposition.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <unordered_map>

namespace sc {

namespace {

// A char iterator that remembers how far the parser has read.
class TrackingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    TrackingIterator() = default;
    TrackingIterator(const char *p, const char **furthest)
        : m_p(p)
        , m_furthest(furthest)
    {
    }
    reference operator*() const { return *m_p; }
    TrackingIterator &operator++()
    {
        ++m_p;
        if (m_furthest && m_p > *m_furthest)
            *m_furthest = m_p;
        return *this;
    }
    TrackingIterator operator++(int)
    {
        TrackingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const TrackingIterator &a, const TrackingIterator &b)
    {
        return a.m_p == b.m_p;
    }

private:
    const char *m_p = nullptr;
    const char **m_furthest = nullptr;
};

struct Failure {
    std::size_t offset;
    std::string message;
};

// Records SourceSpans while the JSON reader parses: offsets into the original text.
class JsonSpanRecorder {
public:
    JsonSpanRecorder(std::string_view original, SourceSpans &out)
        : m_text(original)
        , m_out(out)
    {
        m_out.nodes.clear();
        m_out.childList.clear();
    }

    void key(std::size_t at)
    {
        m_stack.back().pendingLead = u32(at);
        m_stack.back().pendingKeyEnd = u32(tokenEnd(at));
    }
    void scalar(std::size_t at) { finish(start(at, SpanKind::JsonScalar), tokenEnd(at)); }
    void open(std::size_t at, bool object)
    {
        m_stack.push_back({start(at, object ? SpanKind::JsonObject : SpanKind::JsonArray), {}, 0, 0});
    }
    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        NodeSpan &span = m_out.nodes[frame.index];
        // The parser's read position may already be past the bracket (a number is only known
        // to end when the next byte is read): find the bracket from the last item instead.
        std::size_t bracket = frame.children.empty() ? span.content + 1 : m_out.nodes[frame.children.back()].end;
        while (bracket < m_text.size() && m_text[bracket] != ']' && m_text[bracket] != '}')
            ++bracket;
        span.children = u32(m_out.childList.size());
        span.childCount = u32(frame.children.size());
        m_out.childList.insert(m_out.childList.end(), frame.children.begin(), frame.children.end());
        finish(frame.index, bracket + 1);
    }

private:
    struct Frame {
        std::uint32_t index;
        std::vector<std::uint32_t> children;
        std::uint32_t pendingLead;
        std::uint32_t pendingKeyEnd;
    };

    static std::uint32_t u32(std::size_t offset) { return static_cast<std::uint32_t>(offset); }

    // One past the string, number or literal token at `at`.
    std::size_t tokenEnd(std::size_t at) const
    {
        std::size_t i = at;
        if (i < m_text.size() && m_text[i] == '"') {
            for (++i; i < m_text.size(); ++i) {
                if (m_text[i] == '\\')
                    ++i;
                else if (m_text[i] == '"')
                    return i + 1;
            }
            return m_text.size();
        }
        while (i < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[i])) || m_text[i] == '.'
                                     || m_text[i] == '+' || m_text[i] == '-'))
            ++i;
        return i;
    }

    std::uint32_t start(std::size_t at, SpanKind kind)
    {
        NodeSpan span;
        span.kind = kind;
        span.lead = span.begin = span.content = u32(at);
        if (!m_stack.empty()) {
            span.parent = m_stack.back().index;
            if (m_out.nodes[span.parent].kind == SpanKind::JsonObject) {
                span.lead = m_stack.back().pendingLead;
                span.keyEnd = m_stack.back().pendingKeyEnd;
            }
        }
        m_out.nodes.push_back(span);
        return u32(m_out.nodes.size() - 1);
    }

    void finish(std::uint32_t index, std::size_t end)
    {
        m_out.nodes[index].end = u32(end);
        if (!m_stack.empty())
            m_stack.back().children.push_back(index);
    }

    std::string_view m_text;
    SourceSpans &m_out;
    std::vector<Frame> m_stack;
};

class SaxBuilder {
public:
    SaxBuilder(std::string_view text, std::string_view original,
               const std::vector<std::size_t> &insertedAt, const ReadLimits &limits, Template &out,
               JsonSpanRecorder *spans)
        : m_text(text)
        , m_original(original)
        , m_insertedAt(insertedAt)
        , m_limits(limits)
        , m_out(out)
        , m_spans(spans)
        , m_furthest(text.data())
    {
    }

    const char **furthest() { return &m_furthest; }
    bool hasRoot() const { return m_hasRoot; }
    std::size_t nodes() const { return m_nodes; }
    std::optional<Failure> failure;

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(Json::number_integer_t v) { return value(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return value(v); }
    bool number_float(Json::number_float_t v, const std::string &text)
    {
        if (std::string why = scalars::unrepresentableNumber(text, v); !why.empty()) {
            const std::size_t at = tokenStart();
            return fail(at, why);
        }
        return value(v);
    }
    bool string(std::string &v) { return value(std::move(v)); }
    bool binary(Json::binary_t &) { return fail(tokenStart(), "binary values are not JSON"); }

    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string &k)
    {
        const std::size_t at = tokenStart();
        Frame &frame = m_stack.back();
        if (const std::size_t *firstAt = frame.find(k)) {
            const SourcePos first = positionOf(*firstAt);
            return fail(at, "duplicate key '" + k + "' (first defined at line "
                                + std::to_string(first.line)
                                + "); CloudFormation rejects duplicate keys");
        }
        if (m_spans)
            m_spans->key(toOriginal(at));
        const std::string &pointer = frame.takeKey(std::move(k), at);
        if (m_recording)
            m_out.positions.set(pointer, positionOf(at));
        return charge(at);
    }

    bool parse_error(std::size_t position, const std::string &token, const nlohmann::detail::exception &ex)
    {
        if (failure)
            return false; // our own refusal made the parser stop; keep that message
        if (ex.id == 406 && position >= token.size()) // the lexer's number overflow: say it as YAML does
            return fail(position - token.size(), scalars::unrepresentableNumber(token, HUGE_VAL));
        std::string message = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        if (auto p = message.find(": "); p != std::string::npos)
            message = message.substr(p + 2);
        return fail(position == 0 ? 0 : position - 1, "invalid JSON: " + message);
    }

    SourcePos positionOf(std::size_t offset) const
    {
        if (!m_positions)
            m_positions.emplace(m_original);
        return m_positions->at(toOriginal(offset));
    }

    // An offset in the text as parsed (tabs in strings escaped) as one in the original text.
    std::size_t toOriginal(std::size_t offset) const
    {
        const auto before = std::lower_bound(m_insertedAt.begin(), m_insertedAt.end(), offset)
                            - m_insertedAt.begin();
        return offset - static_cast<std::size_t>(before);
    }

private:
    using Frame = OpenContainer<std::size_t>; // keys: byte offset of their first writing

    // The start of the token just read: the first character after the previous event that is
    // not whitespace or punctuation between tokens.
    std::size_t tokenStart()
    {
        std::size_t i = m_lastEnd;
        const std::size_t end = static_cast<std::size_t>(m_furthest - m_text.data());
        while (i < end) {
            const char c = m_text[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',' && c != ':')
                break;
            ++i;
        }
        m_lastEnd = end;
        return i;
    }

    bool fail(std::size_t offset, std::string message)
    {
        if (!failure)
            failure = Failure{offset, std::move(message)};
        return false;
    }

    bool charge(std::size_t at)
    {
        if (++m_nodes > m_limits.maxNodes)
            return fail(at, "the template has more than " + std::to_string(m_limits.maxNodes)
                                + " nodes; refusing to read it");
        return true;
    }

    std::string childPointer() const
    {
        return m_stack.empty() ? std::string() : m_stack.back().childPointer();
    }

    void recordItem(std::size_t at)
    {
        if (m_recording && (m_stack.empty() || m_stack.back().value.is_array()))
            m_out.positions.set(childPointer(), positionOf(at));
    }

    bool value(Json v)
    {
        const std::size_t at = tokenStart();
        recordItem(at);
        if (!charge(at))
            return false;
        if (m_spans)
            m_spans->scalar(toOriginal(at));
        return attach(std::move(v));
    }

    bool open(Json empty)
    {
        const std::size_t at = tokenStart();
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            return fail(at, "nesting deeper than " + std::to_string(m_limits.maxDepth) + " levels");
        recordItem(at);
        if (!charge(at))
            return false;
        if (m_spans)
            m_spans->open(toOriginal(at), empty.is_object());
        Frame frame;
        frame.tracksPointers = m_recording;
        frame.pointer = childPointer();
        frame.value = std::move(empty);
        m_stack.push_back(std::move(frame));
        return true;
    }

    bool close()
    {
        tokenStart();
        if (m_spans)
            m_spans->close();
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        return attach(frame.finished());
    }

    bool attach(Json v)
    {
        if (m_stack.empty()) {
            m_out.root = std::move(v);
            m_hasRoot = true;
            return true;
        }
        m_stack.back().attach(std::move(v));
        return true;
    }

    std::string_view m_text;
    std::string_view m_original;
    const std::vector<std::size_t> &m_insertedAt;
    const ReadLimits &m_limits;
    Template &m_out;
    JsonSpanRecorder *m_spans;
    const bool m_recording = !m_limits.positionsOnDemand;
    mutable std::optional<TextPositions> m_positions; // line starts, found when first needed
    const char *m_furthest;
    std::size_t m_lastEnd = 0;
    std::vector<Frame> m_stack;
    std::size_t m_nodes = 0;
    bool m_hasRoot = false;
};

// JSON forbids a raw tab inside a string, but templates written by hand have them and
// CloudFormation takes them: escape them before parsing, remembering where, so that positions
// still point into the original text.
struct TabEscapes {
    std::string text;
    std::vector<std::size_t> insertedAt; // offsets in `text` of each inserted byte
};

std::optional<TabEscapes> escapeTabsInStrings(std::string_view in)
{
    if (in.find('\t') == std::string_view::npos)
        return std::nullopt;
    bool inString = false;
    bool escaped = false;
    std::optional<TabEscapes> out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (inString && c == '\t') {
            if (!out) {
                out.emplace();
                out->text.assign(in.substr(0, i));
            }
            out->insertedAt.push_back(out->text.size() + 1);
            out->text += "\\t";
            escaped = false;
            continue;
        }
        if (out)
            out->text += c;
        if (escaped)
            escaped = false;
        else if (inString && c == '\\')
            escaped = true;
        else if (c == '"')
            inString = !inString;
    }
    return out;
}

Template readEscapedJson(std::string_view text, const std::vector<std::size_t> &insertedAt,
                         std::string_view original, const std::string &fileName,
                         const ReadLimits &limits, SourceSpans *spans, std::size_t *nodes = nullptr);

// Reads a large template on several cores, its Resources cut into runs of entries
// (jsonparts.h). Nothing when the text is small or cannot be cut, or when a part does not read
// or the parts do not fit together: the caller then reads the whole text, which gives the same
// tree or the error with its position.
std::optional<Template> readInParts(std::string_view text, const std::string &fileName,
                                    const ReadLimits &limits)
{
    // JSON reads several times faster than YAML: a part must be larger to pay for its thread.
    constexpr std::size_t kJsonPartScale = 2;
    const std::size_t parts = std::min(limits.readThreads,
                                       text.size() / std::max<std::size_t>(limits.minPartBytes * kJsonPartScale, 1));
    const std::vector<jsonparts::Cut> cuts = jsonparts::cuts(text, parts);
    if (cuts.empty())
        return std::nullopt;
    std::vector<templateparts::Part> read(cuts.size() + 1);
    for (std::size_t i = 0; i < read.size(); ++i)
        read[i].text = jsonparts::partText(text, cuts, i);
    const bool started = templateparts::readAtOnce(read, 10, [&](templateparts::Part &part) noexcept {
        try {
            part.tree = readEscapedJson(part.text, {}, part.text, fileName, limits, nullptr, &part.nodes);
        } catch (...) {
            part.tree.reset(); // the whole text is read instead, for its error
        }
    });
    if (!started)
        return std::nullopt;
    // A later part's root object, its "Resources" key and that object are not the text's.
    return templateparts::join(read, 3, limits);
}

} // namespace

Template readJson(std::string_view text, const std::string &fileName, const ReadLimits &limits,
                  SourceSpans *spans)
{
    const std::optional<TabEscapes> escapes = escapeTabsInStrings(text);
    if (escapes)
        return readEscapedJson(escapes->text, escapes->insertedAt, text, fileName, limits, spans);
    if (!spans && limits.readThreads > 1) {
        if (std::optional<Template> read = readInParts(text, fileName, limits))
            return std::move(*read);
    }
    return readEscapedJson(text, {}, text, fileName, limits, spans);
}

namespace {

Template readEscapedJson(std::string_view text, const std::vector<std::size_t> &insertedAt,
                         std::string_view original, const std::string &fileName,
                         const ReadLimits &limits, SourceSpans *spans, std::size_t *nodes)
{
    Template result;
    result.format = TemplateFormat::Json;
    std::optional<JsonSpanRecorder> recorder;
    if (spans)
        recorder.emplace(original, *spans);
    SaxBuilder builder(text, original, insertedAt, limits, result, recorder ? &*recorder : nullptr);
    if (limits.positionsOnDemand && !recorder) {
        // Nothing notes where a node stands, so the parser need not say how far it has read. A
        // text it refuses is read again following its position, for the line and column.
        const bool ok = Json::sax_parse(text.data(), text.data() + text.size(), &builder);
        if (ok && !builder.failure && builder.hasRoot() && result.root.is_object()) {
            result.positions.set("", {1, 1});
            if (nodes)
                *nodes = builder.nodes();
            return result;
        }
        ReadLimits followed = limits;
        followed.positionsOnDemand = false;
        return readEscapedJson(text, insertedAt, original, fileName, followed, spans, nodes);
    }
    TrackingIterator first(text.data(), builder.furthest());
    TrackingIterator last(text.data() + text.size(), nullptr);
    const bool ok = Json::sax_parse(first, last, &builder);
    if (!ok || builder.failure) {
        const Failure failure = builder.failure.value_or(Failure{0, "invalid JSON"});
        const SourcePos pos = builder.positionOf(failure.offset);
        throw TemplateError(fileName, pos.line, pos.column, failure.message);
    }
    if (!builder.hasRoot() || !result.root.is_object())
        throw TemplateError(fileName, 1, 1,
                            "expected an object at the top level (a CloudFormation template has "
                            "sections such as Resources)");
    result.positions.set("", {1, 1});
    if (nodes)
        *nodes = builder.nodes();
    return result;
}

} // namespace

} // namespace sc
