// Source spans agree with the text: over every template the project holds (round-trip data,
// examples, the text-editing goldens), each scalar's span read on its own gives the scalar's
// value, each key's span gives the key, spans nest inside their parents, and a flow
// collection's span starts and ends at its brackets. Plus exact spans for the hard cases:
// omitted values, tags with nothing after them, folded plain scalars, block scalars, aliases.

#include "model/template/templatereader.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using sc::Json;
using sc::NodeSpan;
using sc::SpanKind;

namespace {

struct Checked {
    std::size_t nodes = 0;
    std::vector<std::string> problems;
};

std::string slice(const std::string &text, std::uint32_t from, std::uint32_t to)
{
    return from <= to && to <= text.size() ? text.substr(from, to - from) : std::string("<bad range>");
}

bool isScalarKind(SpanKind kind)
{
    return kind == SpanKind::Plain || kind == SpanKind::SingleQuoted || kind == SpanKind::DoubleQuoted
           || kind == SpanKind::Literal || kind == SpanKind::Folded || kind == SpanKind::JsonScalar;
}

// Reads one scalar as written in `text` by putting it alone under a key.
Json readScalar(const std::string &written, bool json)
{
    if (json)
        return sc::readTemplate("{\"v\": " + written + "}", "slice.json", sc::TemplateFormat::Json).root["v"];
    // A block scalar's content lines keep their indentation; the key sits at column 0.
    return sc::readTemplate("v: " + written + "\n", "slice.yaml", sc::TemplateFormat::Yaml).root["v"];
}

void check(const std::string &text, const sc::SourceSpans &spans, std::uint32_t index, const Json &node,
           const std::string &pointer, bool json, Checked &out)
{
    ++out.nodes;
    const NodeSpan &s = spans[index];
    const auto problem = [&](const std::string &what) { out.problems.push_back(pointer + ": " + what); };
    if (!(s.lead <= s.begin && s.begin <= s.content && s.content <= s.end && s.end <= text.size()))
        problem("offsets out of order");
    if (s.has(sc::kUnmatched))
        problem("extent not worked out");
    if (index != 0) {
        const NodeSpan &parent = spans[s.parent];
        if (s.lead < parent.begin || s.end > parent.end)
            problem("outside its parent");
    }
    if (isScalarKind(s.kind) && !s.has(sc::kCoreTag)) {
        const std::string written = slice(text, s.content, s.end);
        std::string from = written;
        if (s.kind == SpanKind::Literal || s.kind == SpanKind::Folded) {
            // Keep the block's own indentation and its parent's (an indentation indicator
            // counts from the parent): put "v" where the entry starts.
            const std::size_t lineStart = text.rfind('\n', s.content) + 1;
            const std::uint32_t lead = spans[s.parent].kind == SpanKind::TagWrapper ? spans[s.parent].lead : s.lead;
            const std::size_t leadColumn = (lead < lineStart ? s.content : lead) - lineStart;
            const std::size_t gap = s.content - lineStart >= leadColumn + 3 ? s.content - lineStart - leadColumn - 2 : 1;
            from = std::string(leadColumn, ' ') + "v:" + std::string(gap, ' ') + written;
            if (leadColumn > 0)
                from = "a:\n" + from;
            try {
                const Json root = sc::readTemplate(from + "\n", "slice.yaml").root;
                const Json v = leadColumn > 0 ? root["a"]["v"] : root["v"];
                if (v != node)
                    problem("block scalar reads as " + v.dump() + ", not " + node.dump());
            } catch (const std::exception &e) {
                problem(std::string("block scalar does not read: ") + e.what());
            }
        } else {
            try {
                const Json v = readScalar(written, json);
                if (v != node)
                    problem("'" + written + "' reads as " + v.dump() + ", not " + node.dump());
            } catch (const std::exception &e) {
                problem("'" + written + "' does not read: " + e.what());
            }
        }
    }
    if (s.kind == SpanKind::FlowSeq || s.kind == SpanKind::JsonArray) {
        if (text[s.content] != '[' || text[s.end - 1] != ']')
            problem("flow sequence span is not [...]: " + slice(text, s.content, s.end));
    }
    if (s.kind == SpanKind::FlowMap || s.kind == SpanKind::JsonObject) {
        if (text[s.content] != '{' || text[s.end - 1] != '}')
            problem("flow mapping span is not {...}: " + slice(text, s.content, s.end));
    }
    if (s.kind == SpanKind::TagWrapper) {
        if (s.childCount != 1 || !node.is_object() || node.size() != 1)
            return problem("a tag wrapper holds one content node");
        check(text, spans, spans.child(index, 0), node.begin().value(), pointer + "/" + node.begin().key(), json, out);
        return;
    }
    if (node.is_object() && s.kind != SpanKind::Alias) {
        if (s.childCount != node.size())
            return problem("children " + std::to_string(s.childCount) + " for " + std::to_string(node.size()) + " keys");
        std::uint32_t i = 0;
        for (const auto &[key, value] : node.items()) {
            const std::uint32_t c = spans.child(index, i++);
            const std::string keyText = slice(text, spans[c].lead, spans[c].keyEnd);
            try {
                const Json readKey = json ? Json::parse(keyText) : Json(sc::readTemplate(keyText + ": 1\n", "key.yaml").root.begin().key());
                if (readKey != key)
                    problem("key '" + keyText + "' is not " + key);
            } catch (const std::exception &e) {
                problem("key '" + keyText + "' does not read: " + e.what());
            }
            check(text, spans, c, value, pointer + "/" + key, json, out);
        }
    } else if (node.is_array() && s.kind != SpanKind::Alias && s.kind != SpanKind::DottedGetAtt) {
        if (s.childCount != node.size())
            return problem("children " + std::to_string(s.childCount) + " for " + std::to_string(node.size()) + " items");
        for (std::uint32_t i = 0; i < node.size(); ++i) {
            const std::uint32_t c = spans.child(index, i);
            if (s.kind == SpanKind::BlockSeq && text[spans[c].lead] != '-')
                problem("item " + std::to_string(i) + " does not start at its '-'");
            check(text, spans, c, node[i], pointer + "/" + std::to_string(i), json, out);
        }
    }
}

Checked checkText(const std::string &text, const std::string &name)
{
    sc::SourceSpans spans;
    const sc::Template t = sc::readTemplate(text, name, std::nullopt, {}, &spans);
    Checked out;
    check(text, spans, 0, t.root, "", t.format == sc::TemplateFormat::Json, out);
    if (out.nodes != spans.nodes.size())
        out.problems.push_back("visited " + std::to_string(out.nodes) + " of " + std::to_string(spans.nodes.size()) + " spans");
    return out;
}

std::string spanText(const std::string &text, const std::string &pointer)
{
    sc::SourceSpans spans;
    const sc::Template t = sc::readTemplate(text, "t.yaml", std::nullopt, {}, &spans);
    // Walk keys only (enough for these cases).
    std::uint32_t index = 0;
    const Json *node = &t.root;
    std::size_t pos = 1;
    while (pos <= pointer.size()) {
        const std::size_t slash = pointer.find('/', pos);
        const std::string token = pointer.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
        std::uint32_t i = 0;
        if (node->is_array()) {
            i = static_cast<std::uint32_t>(std::stoul(token));
            node = &(*node)[i];
        } else {
            for (const auto &[key, value] : node->items()) {
                if (key == token)
                    break;
                ++i;
            }
            node = &(*node)[token];
        }
        index = spans.child(index, i);
        if (slash == std::string::npos)
            break;
        pos = slash + 1;
    }
    const NodeSpan &s = spans[index];
    return "[" + slice(text, s.lead, s.begin) + "¦" + slice(text, s.begin, s.content) + "¦" + slice(text, s.content, s.end) + "]";
}

} // namespace

class TestSourceSpans : public QObject {
    Q_OBJECT

private slots:
    void spansAgreeWithEveryTemplate_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *folder : {"/tests/data/roundtrip", "/examples", "/tests/data/textedit"}) {
            QDirIterator it(QStringLiteral(SC_SOURCE_DIR) + QLatin1String(folder),
                            {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.endsWith(QLatin1String("index.json")) || path.contains(QLatin1String("/expected/")))
                    continue;
                QTest::newRow(QDir(QStringLiteral(SC_SOURCE_DIR)).relativeFilePath(path).toUtf8().constData()) << path;
            }
        }
    }

    void spansAgreeWithEveryTemplate()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::string text = file.readAll().toStdString();
        const Checked checked = checkText(text, path.toStdString());
        std::string all;
        for (const std::string &p : checked.problems)
            all += p + "\n";
        QVERIFY2(checked.problems.empty(), all.c_str());
    }

    void hardCasesHaveExactSpans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QString>("expected"); // [lead¦tag and anchor¦content]
        const auto row = [](const char *name, const char *text, const char *pointer, const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(pointer) << QString::fromUtf8(expected);
        };
        row("plain", "A: b  # c\n", "/A", "[A: ¦¦b]");
        row("omitted value", "A:\nB: 1\n", "/A", "[A:¦¦]");
        row("omitted value in a list", "A:\n  -\n  - x\n", "/A/0", "[-¦¦]");
        row("explicit null", "A: ~\n", "/A", "[A: ¦¦~]");
        row("anchored null", "A: &n null\n", "/A", "[A: ¦&n ¦null]");
        row("anchor alone", "A: &n\nB: 1\n", "/A", "[A: ¦&n¦]");
        row("tag with nothing after it", "A: !Ref\nB: 1\n", "/A", "[A: ¦!Ref¦]");
        row("tag content", "A: !Ref\nB: 1\n", "/A/Ref", "[¦¦]");
        row("short form", "A: !Sub 'x${Y}'  # c\n", "/A", "[A: ¦!Sub ¦'x${Y}']");
        row("short form content", "A: !Sub 'x${Y}'\n", "/A/Fn::Sub", "[¦¦'x${Y}']");
        row("dotted GetAtt", "A: !GetAtt R.Arn\n", "/A/Fn::GetAtt", "[¦¦R.Arn]");
        row("folded plain scalar", "A: one\n  two\n\n  three\nB: 1\n", "/A", "[A: ¦¦one\n  two\n\n  three]");
        row("literal block", "A: |\n  x\n    y\n\nB: 1\n", "/A", "[A: ¦¦|\n  x\n    y]");
        row("literal block in a list", "A:\n  - |-\n    x\n  - y\n", "/A/0", "[- ¦¦|-\n    x]");
        row("alias", "A: &a [1]\nB: *a # c\n", "/B", "[B: ¦¦*a]");
        row("flow map with comments", "A: { x: 1, # c\n  y: [2] }\n", "/A", "[A: ¦¦{ x: 1, # c\n  y: [2] }]");
        row("flow item", "A: [ a ,b ]\n", "/A/1", "[¦¦b]");
        row("quoted key", "'A b': 1\n", "/A b", "['A b': ¦¦1]");
        row("item holding a map", "L:\n  - k: 1\n    j: 2\n", "/L/0", "[- ¦¦k: 1\n    j: 2]");
        row("CRLF", "A: 1\r\nB:\r\n  - x\r\n  - y\r\n", "/B", "[B:\r\n  ¦¦- x\r\n  - y]");
    }

    void hardCasesHaveExactSpans()
    {
        QFETCH(QString, text);
        QFETCH(QString, pointer);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(spanText(text.toStdString(), pointer.toStdString())), expected);
    }

    void byteOrderMarkShiftsEveryOffset()
    {
        const std::string text = "\xEF\xBB\xBF" "A: b\n";
        sc::SourceSpans spans;
        sc::readTemplate(text, "bom.yaml", std::nullopt, {}, &spans);
        const NodeSpan &a = spans[spans.child(0, 0)];
        QCOMPARE(slice(text, a.lead, a.keyEnd), std::string("A"));
        QCOMPARE(slice(text, a.content, a.end), std::string("b"));
    }

    void jsonSpansSkipEscapedTabs()
    {
        const std::string text = "{\"A\": \"x\ty\", \"B\": [1, {\"C\": true}]}";
        const Checked checked = checkText(text, "tabs.json");
        QVERIFY(checked.problems.empty());
        sc::SourceSpans spans;
        sc::readTemplate(text, "tabs.json", std::nullopt, {}, &spans);
        const NodeSpan &b = spans[spans.child(0, 1)];
        QCOMPARE(slice(text, b.lead, b.keyEnd), std::string("\"B\""));
        QCOMPARE(slice(text, b.begin, b.end), std::string("[1, {\"C\": true}]"));
    }
};

QTEST_GUILESS_MAIN(TestSourceSpans)
#include "tst_sourcespans.moc"
