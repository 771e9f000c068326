// A large JSON template is read in parts at once, its Resources cut between entries
// (model/template/jsonparts.h). What is read in parts must be what the whole text means: the
// same tree, the same position for every node, the same error at the same place. Each case here
// is read both ways, the parts made small so that even a short text is cut into many.

#include "model/template/jsonparts.h"
#include "model/template/templatereader.h"
#include "tests/template/readoutcome.h"

#include <QTest>

using sc::Json;
using sc::ReadLimits;

namespace {

ReadLimits whole(bool positionsOnDemand = false)
{
    ReadLimits limits;
    limits.readThreads = 1;
    limits.positionsOnDemand = positionsOnDemand;
    return limits;
}

ReadLimits inParts(std::size_t threads = 4, std::size_t minPartBytes = 8, bool positionsOnDemand = false)
{
    ReadLimits limits;
    limits.readThreads = threads;
    limits.minPartBytes = minPartBytes;
    limits.positionsOnDemand = positionsOnDemand;
    return limits;
}

using Outcome = sc::testing::ReadOutcome;

Outcome readWith(const std::string &text, const ReadLimits &limits)
{
    return sc::testing::readOutcome(text, sc::TemplateFormat::Json, limits);
}

void compareWays(const std::string &text, ReadLimits parts = inParts())
{
    for (const bool onDemand : {false, true}) {
        parts.positionsOnDemand = onDemand;
        const Outcome one = readWith(text, whole(onDemand));
        const Outcome many = readWith(text, parts);
        QCOMPARE(many.error, one.error);
        QCOMPARE(QString::fromStdString(many.tree.root.dump()), QString::fromStdString(one.tree.root.dump()));
        QCOMPARE(sc::testing::positionLines(many.tree.positions), sc::testing::positionLines(one.tree.positions));
    }
}

std::string resources(int count, const std::string &body = R"({ "Type": "AWS::SQS::Queue" })",
                      const std::string &after = "")
{
    std::string text = "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Resources\": {\n";
    for (int i = 0; i < count; ++i)
        text += "    \"Q" + std::to_string(i) + "\": " + body + (i + 1 < count ? ",\n" : "\n");
    return text + "  }" + after + "\n}\n";
}

std::vector<int> cutLines(std::string_view text, std::size_t parts)
{
    std::vector<int> lines;
    for (const sc::jsonparts::Cut &cut : sc::jsonparts::cuts(text, parts))
        lines.push_back(cut.line);
    return lines;
}

} // namespace

class TestJsonParts : public QObject {
    Q_OBJECT

private slots:
    void cutsFallBetweenEntries()
    {
        const std::string text = resources(4);
        QCOMPARE(cutLines(text, 2), (std::vector<int>{6}));
        QCOMPARE(cutLines(text, 4), (std::vector<int>{5, 6, 7}));
        QCOMPARE(cutLines(text, 1), std::vector<int>{});
        const sc::jsonparts::Cut cut = sc::jsonparts::cuts(text, 2).front();
        QCOMPARE(text.substr(cut.offset, 8), std::string("    \"Q2\""));
        QCOMPARE(text[cut.comma], ',');
        // A later part: its head, the lines before the cut left empty, its entries, closed.
        QCOMPARE(sc::jsonparts::partText(text, {cut}, 1),
                 "{\"Resources\":{\n\n\n\n\n" + text.substr(cut.offset));
        QCOMPARE(sc::jsonparts::partText(text, {cut}, 0),
                 text.substr(0, cut.comma) + " \n}}");
    }

    void cutsNowhereElse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no Resources") << QString::fromUtf8("{\n\"Parameters\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n}\n}\n");
        QTest::newRow("one entry") << QString::fromUtf8("{\n\"Resources\": {\n\"A\": {\"Type\": \"X\",\n\"P\": 1}\n}\n}\n");
        QTest::newRow("one line") << QString::fromUtf8(R"({"Resources": {"A": {"Type": "X"}, "B": {"Type": "X"}, "C": {"Type": "X"}}})");
        QTest::newRow("entries sharing lines")
            << QString::fromUtf8("{\"Resources\": {\"A\": 1, \"B\": 2,   \"C\": 3, \"D\": 4}\n}\n");
        QTest::newRow("Resources a list") << QString::fromUtf8("{\n\"Resources\": [\n1,\n2,\n3\n]\n}\n");
        QTest::newRow("Resources written with an escape")
            << QString::fromUtf8("{\n\"Resour\\u0063es\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n}\n}\n");
        QTest::newRow("Resources twice")
            << QString::fromUtf8("{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2\n},\n\"Resources\": {\n\"C\": 3,\n\"D\": 4\n}\n}\n");
        QTest::newRow("Resources deeper down")
            << QString::fromUtf8("{\n\"Metadata\": {\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n}}\n}\n");
        QTest::newRow("a root that is a list") << QString::fromUtf8("[\n{\"Resources\": {\n\"A\": 1,\n\"B\": 2\n}}\n]\n");
        QTest::newRow("a carriage return without a line feed")
            << QString::fromUtf8("{\r\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n}\n}\n");
        QTest::newRow("an unclosed object") << QString::fromUtf8("{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n");
        QTest::newRow("a string left open") << QString::fromUtf8("{\n\"Resources\": {\n\"A\": \"1,\n\"B\": 2,\n\"C\": 3\n}\n}\n");
    }
    void cutsNowhereElse()
    {
        QFETCH(QString, text);
        QCOMPARE(cutLines(text.toStdString(), 4), std::vector<int>{});
        compareWays(text.toStdString());
    }

    // The same tree and positions, read whole and in parts, for texts that put something
    // awkward right at a cut.
    void readsAsTheWholeText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("partsRead"); // each part reads on its own, so none is read twice
        bool partsRead = true;
        const auto row = [&partsRead](const char *name, const std::string &text) {
            QTest::newRow(name) << QString::fromStdString(text) << partsRead;
        };
        row("plain entries", resources(40));
        row("sections after Resources",
            resources(20, R"({ "Type": "AWS::SQS::Queue" })", ",\n  \"Outputs\": {\n    \"O\": {\"Value\": {\"Ref\": \"Q1\"}}\n  },\n  \"Metadata\": {\"M\": 1}"));
        row("entries over several lines",
            resources(12, "{\n      \"Type\": \"AWS::Lambda::Function\",\n      \"Properties\": {\n        \"Tags\": [\n"
                          "          {\"Key\": \"a\", \"Value\": \"b\"},\n          {\"Key\": \"c\", \"Value\": \"d\"}\n"
                          "        ]\n      }\n    }"));
        row("strings holding braces, commas and quotes",
            resources(12, "{ \"Type\": \"X\", \"P\": \"},\\n\\\"Z\\\": {\", \"Q\": \"a\\\"b,\\\\\", \"R\": \"\\u00e9 ,{}[]\" }"));
        row("non-ASCII keys and values", resources(12, "{ \"Type\": \"X\", \"\xC3\xA9t\xC3\xA9\": \"\xE2\x82\xAC\" }"));
        row("blank lines and spaces after the commas",
            "{\n\"Resources\": {\n\"A\": 1,   \n\n\"B\": 2,\t\n  \n  \"C\": 3,\n\n\n\"D\": 4\n}\n}\n");
        row("CRLF line breaks", "{\r\n\"Resources\": {\r\n\"A\": 1,\r\n\"B\": 2,\r\n\"C\": 3\r\n}\r\n}\r\n");
        row("a byte order mark", "\xEF\xBB\xBF{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n}\n}\n");
        row("no line break at the end", "{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n}\n}");
        row("empty entries", "{\n\"Resources\": {\n\"A\": {},\n\"B\": [],\n\"C\": null,\n\"D\": {}\n}\n}\n");

        // Each of these leaves a part that does not read, or parts that do not fit: the whole
        // text is read instead, to the same error.
        partsRead = false;
        row("the same entry in two parts", "{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"A\": 3,\n\"C\": 4\n}\n}\n");
        row("the same key inside one entry", resources(8, R"({ "Type": "X", "Type": "Y" })"));
        row("the same section twice",
            resources(8, R"({ "Type": "X" })", ",\n\"Outputs\": {\"O\": 1},\n\"Outputs\": {\"P\": 2}"));
        row("a section also before Resources",
            "{\n\"Outputs\": {\"O\": 1},\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3\n},\n\"Outputs\": {\"P\": 2}\n}\n");
        row("a syntax error in a later part", "{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": [1,, 2],\n\"D\": 4\n}\n}\n");
        row("a trailing comma before the end", "{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 3,\n}\n}\n");
        row("text after the root", resources(8) + "{}\n");
        row("a number too large in a later part", "{\n\"Resources\": {\n\"A\": 1,\n\"B\": 2,\n\"C\": 1e999,\n\"D\": 4\n}\n}\n");
        row("a tab inside a string", "{\n\"Resources\": {\n\"A\": \"x\ty\",\n\"B\": 2,\n\"C\": 3\n}\n}\n");
        row("a line feed inside a string", "{\n\"Resources\": {\n\"A\": 1,\n\"B\": \"x\ny\",\n\"C\": 3,\n\"D\": 4\n}\n}\n");
    }
    void readsAsTheWholeText()
    {
        QFETCH(QString, text);
        QFETCH(bool, partsRead);
        if (partsRead) {
            const std::string bytes = text.toStdString();
            const std::vector<sc::jsonparts::Cut> cuts = sc::jsonparts::cuts(bytes, 4);
            QVERIFY(!cuts.empty());
            for (std::size_t i = 0; i <= cuts.size(); ++i) {
                const std::string part = sc::jsonparts::partText(bytes, cuts, i);
                QVERIFY2(readWith(part, whole()).error.isEmpty(), part.c_str());
            }
        }
        compareWays(text.toStdString());
        compareWays(text.toStdString(), inParts(2));
        compareWays(text.toStdString(), inParts(3, 1));
    }

    // Nesting is as deep in a part as in the whole text: the depth limit refuses the same node.
    void theDepthLimitHoldsInEveryPart()
    {
        std::string deep = "1";
        for (int i = 0; i < 10; ++i)
            deep = "[" + deep + "]";
        const std::string text = resources(8, "{ \"Type\": \"X\", \"P\": " + deep + " }");
        for (const int depth : {12, 13, 14}) {
            ReadLimits one = whole(), many = inParts();
            one.maxDepth = many.maxDepth = depth;
            QCOMPARE(readWith(text, many).error, readWith(text, one).error);
        }
        ReadLimits tight = whole();
        tight.maxDepth = 12;
        QVERIFY(!readWith(text, tight).error.isEmpty());
    }

    // The budget of ReadLimits::maxNodes holds for the parts together: a text one node over it
    // is refused with the error the whole text gets.
    void theNodeBudgetCountsEveryPart()
    {
        const std::string text = resources(30);
        ReadLimits one = whole();
        const std::size_t low = sc::testing::smallestNodeBudget(one, [&](const ReadLimits &limits) {
            return readWith(text, limits).error;
        });
        QCOMPARE(low, std::size_t{1 + 2 + 2 + 30 * 4}); // root, two sections, four per entry
        ReadLimits many = inParts();
        QVERIFY(sc::jsonparts::cuts(text, 4).size() == 3);
        for (std::size_t budget : {low - 1, low}) {
            one.maxNodes = many.maxNodes = budget;
            QCOMPARE(readWith(text, many).error, readWith(text, one).error);
        }
        QCOMPARE(readWith(text, many).error, QString()); // at the budget the parts fit
    }

    void theProjectsTemplatesReadTheSameInParts_data() { sc::testing::addProjectTemplateRows({QStringLiteral("*.json")}); }
    void theProjectsTemplatesReadTheSameInParts()
    {
        QFETCH(QString, path);
        const std::string text = sc::testing::fileBytes(path);
        QVERIFY(!text.empty());
        compareWays(text, inParts(4, text.size() / 10 + 1));
        compareWays(text, inParts(16, 1));
    }
};

QTEST_APPLESS_MAIN(TestJsonParts)
#include "tst_jsonparts.moc"
