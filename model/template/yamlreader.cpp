// YAML -> template tree, built straight from yaml-cpp's parser events. Working on events
// (rather than YAML::Node) keeps aliases explicit: each expansion is charged against the node
// budget before it is copied, and an alias to a node that is still open is a self-reference.

#include "model/template/intrinsics.h"
#include "model/template/opencontainer.h"
#include "model/template/scalars.h"
#include "model/template/templateparts.h"
#include "model/template/templatereader.h"
#include "model/template/textposition.h"
#include "model/template/yamlindentrepair.h"
#include "model/template/yamlparts.h"
#include "model/template/yamlscan.h"
#include "model/template/yamlspans.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace sc {

namespace {

constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

SourcePos toPos(const YAML::Mark &mark)
{
    return {mark.line < 0 ? 1 : mark.line + 1, mark.column < 0 ? 1 : mark.column + 1};
}

// Internal failure carrying a position; turned into a TemplateError with the file name.
struct Failure {
    SourcePos pos;
    std::string message;
};

// yaml-cpp decodes the double-quoted escapes "\N" (next line, U+0085) and "\_" (no-break space,
// U+00A0) to the single bytes 0x85 and 0xA0, which are not UTF-8. The text was checked to be
// UTF-8 before parsing, so a byte that breaks UTF-8 in a scalar can only come from those escapes:
// it is written as the character's UTF-8 form.
std::string reencodeLatin1Escapes(const std::string &value)
{
    auto bad = findInvalidUtf8(value);
    if (!bad)
        return value;
    std::string out;
    out.reserve(value.size() + 4);
    std::size_t done = 0;
    while (bad) {
        const std::size_t at = done + *bad;
        out.append(value, done, at - done);
        out += '\xC2';
        out += value[at];
        done = at + 1;
        bad = findInvalidUtf8(std::string_view(value).substr(done));
    }
    out.append(value, done, std::string::npos);
    return out;
}

// yaml-cpp ends a folded block kept whole (">+") with one line break, dropping the blank lines
// after its last line, which YAML keeps as line breaks of the value ("literal blocks, |+, are
// read right"). Puts them back, counted from the text; a block whose trailing lines hold more
// spaces than its indentation, or with an explicit indentation, is left as read.
std::string restoreKeptFoldedBreaks(std::string_view text, std::size_t markPos, std::string value)
{
    const std::size_t header = yamlscan::skipProperties(text, markPos).content;
    if (header >= text.size() || text[header] != '>')
        return value;
    bool keep = false;
    for (std::size_t i = header + 1; i < text.size() && (text[i] == '+' || text[i] == '-' || std::isdigit(static_cast<unsigned char>(text[i]))); ++i) {
        if (text[i] != '+' && text[i] != '-')
            return value;
        keep = keep || text[i] == '+';
    }
    if (!keep)
        return value;
    const int parent = yamlscan::indentation(text, yamlscan::lineStart(text, header));
    int indent = -1;
    std::size_t blankLines = 0;
    for (std::size_t line = yamlscan::nextLine(text, header); line < text.size(); line = yamlscan::nextLine(text, line)) {
        const int spaces = yamlscan::indentation(text, line);
        const std::size_t first = line + static_cast<std::size_t>(spaces);
        if (first >= text.size() || text[first] == '\n' || text[first] == '\r') {
            if (indent >= 0 && spaces > indent)
                return value; // spaces that belong to the value
            ++blankLines;
            continue;
        }
        if (indent < 0) {
            if (spaces <= parent)
                return value; // an empty block
            indent = spaces;
        }
        if (spaces < indent)
            break;
        blankLines = 0;
    }
    std::size_t breaks = 0;
    while (breaks < value.size() && value[value.size() - 1 - breaks] == '\n')
        ++breaks;
    if (indent >= 0 && breaks < blankLines + 1)
        value.append(blankLines + 1 - breaks, '\n');
    return value;
}

class TreeBuilder : public YAML::EventHandler {
public:
    // `lineOffset`: lines of the whole text before `text` (a part read on its own).
    TreeBuilder(Template &out, std::string_view text, const ReadLimits &limits, YamlSpanRecorder *spans,
                int lineOffset)
        : m_out(out)
        , m_text(text)
        , m_limits(limits)
        , m_spans(spans)
        , m_lineOffset(lineOffset)
    {
    }

    void OnDocumentStart(const YAML::Mark &mark) override
    {
        if (++m_documents > 1)
            throw Failure{at(mark), "a template is one YAML document; found a second one"};
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        beginNode(mark, "", false);
        charge(1, mark);
        if (m_spans)
            m_spans->null(mark);
        finishNode(Json(nullptr), 1, anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (m_openAnchors.count(anchor))
            throw Failure{at(mark), "alias refers to a node that contains it (a "
                                       "self-referencing alias cannot be expanded)"};
        auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw Failure{at(mark), "alias to an unknown anchor"};
        charge(it->second.nodes, mark);
        beginNode(mark, "", false);
        if (m_spans)
            m_spans->alias(mark);
        finishNode(it->second.value, it->second.nodes, 0);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &decoded) override
    {
        std::string value = reencodeLatin1Escapes(decoded);
        if (!value.empty() && value.back() == '\n' && mark.pos >= 0)
            value = restoreKeptFoldedBreaks(m_text, static_cast<std::size_t>(mark.pos), std::move(value));
        if (isKeyPosition()) {
            takeKey(mark, tag, value);
            if (m_spans)
                m_spans->key(mark, value);
            return;
        }
        const std::string wrapper = beginNode(mark, tag, false);
        Json scalar;
        try {
            scalar = scalarValue(tag, value, wrapper);
        } catch (const std::range_error &e) {
            throw Failure{at(mark), e.what()};
        }
        // Counted as the tree holds it: a tag wraps the value in a one-key object, and
        // "!GetAtt A.B" is a two-item list.
        const std::size_t nodes = wrapper.empty() ? 1 : 2 + (scalar.is_array() ? 1 + scalar.size() : 1);
        charge(nodes, mark);
        if (m_spans)
            m_spans->scalar(mark, value, !wrapper.empty(), wrapper == "Fn::GetAtt" && scalar.is_array());
        finishNode(wrap(wrapper, std::move(scalar)), nodes, anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        openContainer(mark, tag, anchor, Json::array(), style);
    }
    void OnSequenceEnd() override { closeContainer(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        openContainer(mark, tag, anchor, Json::object(), style);
    }
    void OnMapEnd() override { closeContainer(); }

    bool hasRoot() const { return m_hasRoot; }
    // Nodes read, counted as ReadLimits::maxNodes counts them.
    std::size_t nodes() const { return m_nodes; }

private:
    SourcePos at(const YAML::Mark &mark) const
    {
        SourcePos pos = toPos(mark);
        pos.line += m_lineOffset;
        return pos;
    }

    // `pointer` is that of the container's content (inside a tag wrapper, if any).
    struct Frame : OpenContainer<SourcePos> {
        std::string wrapper; // long name or preserved tag to wrap the container in, or empty
        YAML::anchor_t anchor = 0;
        std::size_t nodes = 1;
    };

    struct Anchored {
        Json value;
        std::size_t nodes;
    };

    bool isKeyPosition() const
    {
        return !m_stack.empty() && m_stack.back().value.is_object()
               && !m_stack.back().pendingKey;
    }

    void takeKey(const YAML::Mark &mark, const std::string &tag, const std::string &value)
    {
        if (tag != "?" && tag != "!" && tag != std::string(kCoreTagPrefix) + "str")
            throw Failure{at(mark), "a mapping key must be a plain string, not a tagged value"};
        Frame &frame = m_stack.back();
        if (const SourcePos *first = frame.find(value)) {
            throw Failure{at(mark), "duplicate key '" + value + "' (first defined at line "
                                           + std::to_string(first->line)
                                           + "); CloudFormation rejects duplicate keys"};
        }
        const std::string &pointer = frame.takeKey(value, at(mark));
        if (m_recording)
            m_out.positions.set(pointer, at(mark));
        charge(1, mark);
        ++frame.nodes; // keys count as nodes, as in the JSON reader, aliases included
    }

    // Records the position of a node about to start and returns the wrapper (intrinsic long
    // name or preserved tag) its tag asks for.
    std::string beginNode(const YAML::Mark &mark, const std::string &tag, bool container)
    {
        if (!m_stack.empty() && m_stack.back().value.is_object() && !m_stack.back().pendingKey)
            throw Failure{at(mark), "a mapping key must be a plain string"};
        if (!m_recording)
            return wrapperFor(tag, container);
        std::string pointer = childPointer();
        if (m_stack.empty() || m_stack.back().value.is_array())
            m_out.positions.set(pointer, at(mark));
        std::string wrapper = wrapperFor(tag, container);
        if (!wrapper.empty())
            m_out.positions.set(SourceMap::join(pointer, wrapper), at(mark));
        m_nextPointer = wrapper.empty() ? pointer : SourceMap::join(pointer, wrapper);
        return wrapper;
    }

    std::string childPointer() const
    {
        return m_stack.empty() ? std::string() : m_stack.back().childPointer();
    }

    static std::string wrapperFor(const std::string &tag, bool container)
    {
        if (tag.empty() || tag == "?" || tag == "!")
            return {};
        if (tag.rfind(kCoreTagPrefix, 0) == 0) {
            const std::string_view core = std::string_view(tag).substr(kCoreTagPrefix.size());
            const bool known = container ? (core == "map" || core == "seq")
                                         : (core == "str" || core == "int" || core == "float"
                                            || core == "bool" || core == "null");
            return known ? std::string() : "!!" + std::string(core);
        }
        if (const std::string_view name = intrinsics::longNameForTag(tag); !name.empty())
            return std::string(name);
        return tag; // unknown tag: kept verbatim as the key of a one-key object
    }

    static Json scalarValue(const std::string &tag, const std::string &value,
                            const std::string &wrapper)
    {
        if (tag == "?")
            return scalars::resolvePlain(value);
        if (tag.rfind(kCoreTagPrefix, 0) == 0 && wrapper.empty()) {
            const std::string_view core = std::string_view(tag).substr(kCoreTagPrefix.size());
            if (core == "str")
                return value;
            Json resolved = scalars::resolvePlain(value);
            return resolved.is_string() ? Json(value) : resolved;
        }
        if (wrapper == "Fn::GetAtt") {
            // !GetAtt Resource.Attribute; a nested attribute keeps its dots ("Endpoint.Address").
            const std::size_t dot = value.find('.');
            if (dot != std::string::npos)
                return Json::array({value.substr(0, dot), value.substr(dot + 1)});
        }
        return value;
    }

    static Json wrap(const std::string &wrapper, Json value)
    {
        if (wrapper.empty())
            return value;
        Json object = Json::object();
        object[wrapper] = std::move(value);
        return object;
    }

    void openContainer(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                       Json empty, YAML::EmitterStyle::value style)
    {
        if (isKeyPosition())
            throw Failure{at(mark), "a mapping key must be a plain string, not a "
                                       "mapping or sequence"};
        if (static_cast<int>(m_stack.size()) >= m_limits.maxDepth)
            throw Failure{at(mark), "nesting deeper than " + std::to_string(m_limits.maxDepth)
                                           + " levels"};
        Frame frame;
        frame.wrapper = beginNode(mark, tag, true);
        frame.nodes = frame.wrapper.empty() ? 1 : 3;
        charge(frame.nodes, mark);
        if (m_spans)
            m_spans->open(mark, !frame.wrapper.empty(), empty.is_object(), style);
        frame.tracksPointers = m_recording;
        frame.pointer = m_nextPointer;
        frame.value = std::move(empty);
        frame.anchor = anchor;
        if (anchor)
            m_openAnchors.insert(anchor);
        m_stack.push_back(std::move(frame));
    }

    void closeContainer()
    {
        if (m_spans)
            m_spans->close();
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        if (frame.anchor)
            m_openAnchors.erase(frame.anchor);
        finishNode(wrap(frame.wrapper, frame.finished()), frame.nodes, frame.anchor);
    }

    void finishNode(Json value, std::size_t nodes, YAML::anchor_t anchor)
    {
        if (anchor)
            m_anchors[anchor] = Anchored{value, nodes};
        if (m_stack.empty()) {
            m_out.root = std::move(value);
            m_hasRoot = true;
            return;
        }
        m_stack.back().nodes += nodes;
        m_stack.back().attach(std::move(value));
    }

    void charge(std::size_t nodes, const YAML::Mark &mark)
    {
        m_nodes += nodes;
        if (m_nodes > m_limits.maxNodes)
            throw Failure{at(mark), "the template expands to more than "
                                           + std::to_string(m_limits.maxNodes)
                                           + " nodes (aliases included); refusing to expand it"};
    }

    Template &m_out;
    std::string_view m_text;
    const ReadLimits &m_limits;
    const bool m_recording = !m_limits.positionsOnDemand;
    YamlSpanRecorder *m_spans;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
    std::unordered_set<YAML::anchor_t> m_openAnchors;
    std::string m_nextPointer;
    std::size_t m_nodes = 0;
    int m_lineOffset = 0;
    int m_documents = 0;
    bool m_hasRoot = false;
};

struct ControlCharacter {
    std::size_t offset;
    unsigned codePoint;
};

// YAML's printable set leaves out C0 controls (except tab, LF, CR), DEL and C1 controls (except
// NEL); yaml-cpp does not refuse them but garbles them ("a\0b" reads as "a\b "), so they are
// refused here with their position instead of being silently rewritten.
std::optional<ControlCharacter> findControlCharacter(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
            return ControlCharacter{i, c};
        if (c == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F && next != 0x85)
                return ControlCharacter{i, next};
        }
    }
    return std::nullopt;
}

// One pass of yaml-cpp over the text. Our own refusals become TemplateErrors; yaml-cpp's own
// ParserException is left to the caller, which may try again on a repaired copy.
// `lineOffset` and `nodes`: for a part of a text (readInParts).
Template parseYaml(std::string_view text, const std::string &fileName, const ReadLimits &limits,
                   SourceSpans *spans, int lineOffset = 0, std::size_t *nodes = nullptr)
{
    Template result;
    result.format = TemplateFormat::Yaml;
    std::istringstream stream{std::string(text)};
    std::optional<YamlSpanRecorder> recorder;
    if (spans)
        recorder.emplace(text, *spans);
    TreeBuilder builder(result, text, limits, recorder ? &*recorder : nullptr, lineOffset);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
        // A second document is an error too; HandleNextDocument reads one at a time.
        parser.HandleNextDocument(builder);
    } catch (const Failure &failure) {
        throw TemplateError(fileName, failure.pos.line, failure.pos.column, failure.message);
    } catch (const YAML::DeepRecursion &e) {
        throw TemplateError(fileName, toPos(e.mark).line, toPos(e.mark).column,
                            "nesting deeper than " + std::to_string(limits.maxDepth) + " levels");
    }
    if (!builder.hasRoot() || !result.root.is_object())
        throw TemplateError(fileName, 1, 1,
                            "expected a mapping at the top level (a CloudFormation template has "
                            "sections such as Resources)");
    result.positions.set("", {1, 1});
    if (nodes)
        *nodes = builder.nodes();
    return result;
}

// Whether the last entry of the part's Resources is the end line's (yamlparts::kEndLine), as it
// is when everything before it was closed; removes it.
bool takeEndLine(Template &part)
{
    const auto resources = part.root.find("Resources");
    if (resources == part.root.end() || !resources->is_object() || resources->empty())
        return false;
    const auto last = std::prev(resources->end());
    if (last.key() != yamlparts::kEndKey || *last != Json(yamlparts::kEndValue))
        return false;
    resources->erase(last);
    part.positions.erase(SourceMap::join("/Resources", yamlparts::kEndKey));
    return true;
}

// Reads a large template on several cores, its Resources cut into runs of entries
// (yamlparts.h). Nothing when the text is small or cannot be cut, or when a part does not read or
// the parts do not fit together: the caller then reads the whole text, which gives the same tree
// or the error with its position.
std::optional<Template> readInParts(std::string_view text, const std::string &fileName,
                                    const ReadLimits &limits)
{
    const std::size_t parts = std::min(limits.readThreads, text.size() / std::max<std::size_t>(limits.minPartBytes, 1));
    const std::vector<yamlparts::Cut> cuts = yamlparts::cuts(text, parts);
    if (cuts.empty())
        return std::nullopt;

    std::vector<templateparts::Part> read(cuts.size() + 1);
    for (std::size_t i = 0; i < read.size(); ++i) {
        const std::size_t begin = i == 0 ? 0 : cuts[i - 1].offset;
        const std::size_t end = i < cuts.size() ? cuts[i].offset : text.size();
        templateparts::Part &part = read[i];
        part.text.reserve(yamlparts::kResourcesHeader.size() + end - begin + 8 + yamlparts::kEndLine.size());
        if (i > 0) {
            part.text.append(yamlparts::kResourcesHeader);
            part.lineOffset = cuts[i - 1].line - 2; // the header stands for the line before the cut
        }
        part.text.append(text.substr(begin, end - begin));
        if (i < cuts.size()) {
            part.text.append(static_cast<std::size_t>(cuts[i].indent), ' ');
            part.text.append(yamlparts::kEndLine);
        }
    }
    const templateparts::Part *last = &read.back();
    const bool started = templateparts::readAtOnce(read, 12, [&](templateparts::Part &part) noexcept {
        try {
            part.tree = parseYaml(part.text, fileName, limits, nullptr, part.lineOffset, &part.nodes);
            if (&part != last) {
                if (takeEndLine(*part.tree))
                    part.nodes -= 2; // its key and value are not the text's
                else
                    part.tree.reset(); // a quote or bracket left open took the end line in
            }
        } catch (...) {
            part.tree.reset(); // the whole text is read instead, for its error
        }
    });
    if (!started)
        return std::nullopt;
    // The header's "Resources" key and mapping are not the text's.
    return templateparts::join(read, 2, limits);
}

void mapSpansBack(SourceSpans &spans, const IndentRepair &repair)
{
    for (NodeSpan &span : spans.nodes) {
        for (std::uint32_t *offset : {&span.lead, &span.keyEnd, &span.begin, &span.content, &span.end})
            *offset = repair.originalOffset(*offset);
    }
}

} // namespace

Template readYaml(std::string_view text, const std::string &fileName, const ReadLimits &limits,
                  SourceSpans *spans)
{
    if (const auto bad = findControlCharacter(text)) {
        const SourcePos pos = TextPositions(text).at(bad->offset);
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", bad->codePoint);
        throw TemplateError(fileName, pos.line, pos.column,
                            std::string("control character ") + code
                                + " in the text; YAML allows only tab, line feed and carriage return "
                                  "(inside double quotes, write it as an escape such as \\x01)");
    }
    if (!spans && limits.readThreads > 1) {
        if (std::optional<Template> read = readInParts(text, fileName, limits))
            return std::move(*read);
    }
    try {
        return parseYaml(text, fileName, limits, spans);
    } catch (const YAML::Exception &e) {
        // Valid YAML that yaml-cpp refuses ("- !Sub |" with its lines under the tag) reads from
        // a copy with those blocks indented further; anything else keeps yaml-cpp's error.
        if (const std::optional<IndentRepair> repair = indentTaggedBlockItems(text, limits.maxFileBytes)) {
            try {
                SourceSpans repairedSpans;
                Template result = parseYaml(repair->text, fileName, limits, spans ? &repairedSpans : nullptr);
                if (spans) {
                    mapSpansBack(repairedSpans, *repair);
                    *spans = std::move(repairedSpans);
                }
                return result;
            } catch (const std::exception &) {
            }
        }
        throw TemplateError(fileName, toPos(e.mark).line, toPos(e.mark).column, "invalid YAML: " + e.msg);
    }
}

} // namespace sc
