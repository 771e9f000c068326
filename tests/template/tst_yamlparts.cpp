// A large YAML template is read in parts at once, its Resources cut between entries
// (model/template/yamlparts.h). What is read in parts must be what the whole text means: the
// same tree, the same position for every node, the same error at the same place. Each case here
// is read both ways, the parts made small so that even a short text is cut into many.

#include "model/template/templatereader.h"
#include "model/template/yamlparts.h"
#include "tests/template/readoutcome.h"

#include <QTest>

using sc::Json;
using sc::ReadLimits;

namespace {

ReadLimits whole()
{
    ReadLimits limits;
    limits.readThreads = 1;
    return limits;
}

ReadLimits inParts(std::size_t threads = 4, std::size_t minPartBytes = 16)
{
    ReadLimits limits;
    limits.readThreads = threads;
    limits.minPartBytes = minPartBytes;
    return limits;
}

using Outcome = sc::testing::ReadOutcome;

Outcome readWith(const std::string &text, const ReadLimits &limits)
{
    return sc::testing::readOutcome(text, sc::TemplateFormat::Yaml, limits);
}

void compareWays(const std::string &text, const ReadLimits &parts = inParts())
{
    const Outcome one = readWith(text, whole());
    const Outcome many = readWith(text, parts);
    QCOMPARE(many.error, one.error);
    QCOMPARE(QString::fromStdString(many.tree.root.dump()), QString::fromStdString(one.tree.root.dump()));
    QCOMPARE(sc::testing::positionLines(many.tree.positions), sc::testing::positionLines(one.tree.positions));
}

std::string resources(int count, const std::string &body = "    Type: AWS::SQS::Queue\n")
{
    std::string text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
    for (int i = 0; i < count; ++i)
        text += "  Q" + std::to_string(i) + ":\n" + body;
    return text;
}

std::vector<std::size_t> cutLines(std::string_view text, std::size_t parts)
{
    std::vector<std::size_t> lines;
    for (const sc::yamlparts::Cut &cut : sc::yamlparts::cuts(text, parts))
        lines.push_back(static_cast<std::size_t>(cut.line));
    return lines;
}

} // namespace

class TestYamlParts : public QObject {
    Q_OBJECT

private slots:
    void cutsFallBetweenEntries()
    {
        const std::string text = "Resources:\n  A:\n    Type: X\n  B:\n    Type: X\n  C:\n    Type: X\n  D:\n    Type: X\n";
        QCOMPARE(cutLines(text, 2), (std::vector<std::size_t>{6}));
        QCOMPARE(cutLines(text, 4), (std::vector<std::size_t>{4, 6, 8}));
        QCOMPARE(cutLines(text, 1), std::vector<std::size_t>{});
        const auto cut = sc::yamlparts::cuts(text, 2).front();
        QCOMPARE(text.substr(cut.offset, 4), std::string("  C:"));
    }

    void cutsNowhereElse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no Resources") << QString::fromUtf8("Parameters:\n  A:\n    Type: String\n  B:\n    Type: String\n");
        QTest::newRow("one entry") << QString::fromUtf8("Resources:\n  A:\n    Type: X\n    Properties:\n      B: 1\n");
        QTest::newRow("a tag on Resources") << QString::fromUtf8("Resources: !Foo\n  A:\n    Type: X\n  B:\n    Type: X\n");
        QTest::newRow("an anchor on Resources") << QString::fromUtf8("Resources: &r\n  A:\n    Type: X\n  B:\n    Type: X\n");
        QTest::newRow("a flow mapping") << QString::fromUtf8("Resources: {A: {Type: X},\n  B: {Type: X}}\n");
        QTest::newRow("a directive") << QString::fromUtf8("%TAG ! tag:example.com,2000:\n---\nResources:\n  A:\n    Type: X\n  B:\n    Type: X\n");
        QTest::newRow("a sequence") << QString::fromUtf8("Resources:\n  - A\n  - B\n  - C\n");
        QTest::newRow("explicit keys") << QString::fromUtf8("Resources:\n  ? A\n  : Type: X\n  ? B\n  : Type: X\n");
        QTest::newRow("a line indented less than the entries")
            << QString::fromUtf8("Resources:\n    A:\n      Type: X\n  B: 1\n    C:\n      Type: X\n");
        QTest::newRow("Resources only in a comment") << QString::fromUtf8("# Resources:\nX:\n  A: 1\n  B: 2\n");
        QTest::newRow("a longer key") << QString::fromUtf8("ResourcesOld:\n  A: 1\n  B: 2\n");
        // Found by the fuzz target: yaml-cpp does not count a lone carriage return as a line.
        QTest::newRow("a carriage return without a line feed")
            << QString::fromUtf8("o\rX: 1\nResources:\n  A:\n    Type: X\n  B:\n    Type: X\n  C:\n    Type: X\n");
    }
    void cutsNowhereElse()
    {
        QFETCH(QString, text);
        QCOMPARE(cutLines(text.toStdString(), 4), std::vector<std::size_t>{});
        compareWays(text.toStdString());
    }

    void cutsPastCommentsAndBlankLines()
    {
        const std::string text = "Resources:\n# about A\n\n  A:\n    Type: X\n    # inside\n  # before B\n  B: # why\n"
                                 "    Type: X\r\n  \"C\":\n    Type: X\nOutputs:\n  O:\n    Value: 1\n";
        QCOMPARE(cutLines(text, 4), (std::vector<std::size_t>{8, 10}));
        compareWays(text);
    }

    // The same tree and positions, read whole and in parts, for texts that put something
    // awkward right at a cut.
    void readsAsTheWholeText_data()
    {
        QTest::addColumn<QString>("text");
        const auto row = [](const char *name, const std::string &text) {
            QTest::newRow(name) << QString::fromStdString(text);
        };
        row("plain entries", resources(40));
        row("sections after Resources",
            resources(20) + "Outputs:\n  O:\n    Value: !Ref Q1\nMetadata:\n  M: 1\n");
        row("sections before Resources", "Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [a, b]\n"
                                             + resources(20).substr(39));
        row("block scalars at the end of entries",
            resources(12, "    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile: |\n"
                          "          line one\n\n          line three\n\n"));
        row("kept blocks keep their trailing lines",
            resources(12, "    Metadata:\n      A: |+\n        x\n\n\n      B: >+\n        y\n\n\n"));
        row("tags and short forms", resources(12, "    Type: AWS::SNS::Topic\n    Properties:\n"
                                                  "      TopicName: !Sub '${AWS::StackName}-t'\n"
                                                  "      Tags: !If [C, [{Key: a, Value: !GetAtt X.Y}], !Ref AWS::NoValue]\n"));
        row("flow collections over several lines",
            resources(12, "    Properties:\n      List: [a,\n        b,\n        c]\n      Map: {x: 1,\n        y: 2}\n"));
        row("quoted scalars over several lines",
            resources(12, "    Properties:\n      A: \"one\n        two\"\n      B: 'three\n\n        four'\n"));
        row("anchors used in the same entry", resources(12, "    Properties:\n      A: &x [1, 2]\n      B: *x\n"));
        row("CRLF line breaks", "Resources:\r\n  A:\r\n    Type: X\r\n  B:\r\n    Type: X\r\n  C:\r\n    Type: X\r\n");
        row("no line break at the end", "Resources:\n  A:\n    Type: X\n  B:\n    Type: X\n  C:\n    Type: X");
        row("a document start", "---\nResources:\n  A:\n    Type: X\n  B:\n    Type: X\n  C:\n    Type: X\n");
        row("entries four columns in", "Resources:\n    A:\n        Type: X\n    B:\n        Type: X\n    C: {Type: X}\n");
        row("null entries", "Resources:\n  A:\n  B:\n  C: ~\n  D:\n");
        // Found by the fuzz target: an empty item stands where the next token does, which is the
        // next entry's key in the whole text and the end line in a part.
        row("empty list items at the end of entries",
            resources(12, "    Type: AWS::SNS::Topic\n    Properties:\n      Tags:\n        - Key: a\n          Value: b\n        -\n"));
        row("an empty list item before a comment and a blank line",
            resources(12, "    Type: X\n    L:\n    -\n    # next\n\n"));

        // Each of these leaves a part that does not read, or parts that do not fit: the whole
        // text is read instead, to the same tree or the same error.
        row("an alias to an anchor in an earlier part",
            "Resources:\n  A:\n    Properties: &p\n      X: 1\n  B:\n    Type: X\n  C:\n    Properties: *p\n");
        row("the same entry in two parts", "Resources:\n  A:\n    Type: X\n  B:\n    Type: X\n  A:\n    Type: Y\n");
        row("the same section twice", resources(8) + "Outputs:\n  O: 1\nOutputs:\n  P: 2\n");
        row("Resources twice", resources(8) + "Resources:\n  Z: 1\n");
        row("a second section also before", "Outputs:\n  O: 1\n" + resources(8) + "Outputs:\n  P: 2\n");
        row("a second document", resources(8) + "---\nResources: {}\n");
        row("a quote left open across entries", "Resources:\n  A:\n    Type: \"X\n  B:\n    Type: X\"\n  C:\n    Type: X\n");
        row("a flow mapping left open across entries", "Resources:\n  A: {Type: X,\n  B: 1}\n  C:\n    Type: X\n");
        row("an error in a later part", resources(8) + "  Bad: [\n");
        row("a tagged value where an entry would start", "Resources:\n  Bucket:\n  !Type: A:S1::Bucket\n  C:\n    Type: X\n");
        row("a tag on a line of its own", "Resources:\n  A:\n    Type: X\n  !Foo\n  B:\n    Type: X\n  C:\n    Type: X\n");
        row("an anchor where an entry would start", "Resources:\n  A:\n    Type: X\n  &a B:\n    Type: X\n  C: *a\n");
        row("a tab where an entry would start", "Resources:\n  A:\n    Type: X\n  \tB: 1\n  C:\n    Type: X\n");
        row("a plain scalar that ends at the next entry", "Resources:\n  A: one\n    two\n  B: three\n  C: four\n");
        row("a tagged block item repaired", "Resources:\n  A:\n    L:\n      - !Sub |\n        x\n  B:\n    Type: X\n  C:\n    Type: X\n");
    }
    void readsAsTheWholeText()
    {
        QFETCH(QString, text);
        compareWays(text.toStdString());
        compareWays(text.toStdString(), inParts(2));
        compareWays(text.toStdString(), inParts(3, 1));
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
        for (std::size_t budget : {low - 1, low}) {
            one.maxNodes = many.maxNodes = budget;
            QCOMPARE(readWith(text, many).error, readWith(text, one).error);
        }
        QCOMPARE(readWith(text, many).error, QString()); // at the budget the parts fit
    }

    void theProjectsTemplatesReadTheSameInParts_data() { sc::testing::addProjectTemplateRows({QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.template")}); }
    void theProjectsTemplatesReadTheSameInParts()
    {
        QFETCH(QString, path);
        const std::string text = sc::testing::fileBytes(path);
        QVERIFY(!text.empty());
        compareWays(text, inParts(4, text.size() / 5 + 1));
        compareWays(text, inParts(16, 1));
    }
};

QTEST_APPLESS_MAIN(TestYamlParts)
#include "tst_yamlparts.moc"
