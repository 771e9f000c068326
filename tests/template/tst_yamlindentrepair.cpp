// Sequence items that are tagged or anchored block scalars with their lines under the tag
// ("- !Sub |" and the script two columns in from the "-") are valid YAML that yaml-cpp 0.7
// refuses. The reader reads them from a copy indented one column further: each case here must
// read as the same text indented by hand, with positions and source spans that point at the
// original text, and a text that is wrong for another reason keeps its own error.

#include "model/template/templatereader.h"
#include "model/template/yamlindentrepair.h"

#include <QTest>

#define JCOMPARE(actual, expected) \
    QCOMPARE(QString::fromStdString(sc::Json(actual).dump()), QString::fromStdString(sc::Json(expected).dump()))

using sc::Json;

namespace {

Json read(const std::string &text)
{
    return sc::readTemplate(text, "t.yaml", sc::TemplateFormat::Yaml).root;
}

} // namespace

class TestYamlIndentRepair : public QObject {
    Q_OBJECT

private slots:
    void readsAsIfIndentedFurther_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("indented"); // the same value, in a form yaml-cpp reads as is
        const auto row = [](const char *name, const char *written, const char *indented) {
            QTest::newRow(name) << QString::fromUtf8(written) << QString::fromUtf8(indented);
        };
        row("lines two columns in from the dash", //
            "A:\n  - !Sub |\n    echo ${AWS::Region}\n    done\n  - b\n",
            "A:\n  - !Sub |\n      echo ${AWS::Region}\n      done\n  - b\n");
        row("lines one column in", "A:\n- !Sub |\n x\n- b\n", "A:\n- !Sub |\n   x\n- b\n");
        row("the last item of the file", "A:\n  - !Sub |\n    x\n", "A:\n  - !Sub |\n      x\n");
        row("anchored", "A:\n  - &script |\n    x\n  - *script\n", "A:\n  - &script |\n       x\n  - *script\n");
        row("tag and anchor", "A:\n  - !Sub &s |\n    x\n", "A:\n  - !Sub &s |\n      x\n");
        row("a list in a list (Fn::Join)", "V: !Join\n  - ''\n  - - !Sub |\n      x\n    - y\n",
            "V: !Join\n  - ''\n  - - !Sub |\n         x\n    - y\n");
        row("folded, stripped", "A:\n  - !Sub >-\n    one\n    two\n", "A:\n  - !Sub >-\n      one\n      two\n");
        row("kept trailing lines", "A:\n  - !Sub |+\n    x\n\n\n  - b\n", "A:\n  - !Sub |+\n      x\n\n\n  - b\n");
        row("a blank line inside", "A:\n  - !Sub |\n    x\n\n    y\n  - b\n", "A:\n  - !Sub |\n      x\n\n      y\n  - b\n");
        row("spaces on a blank line count as text", "A:\n  - !Sub |\n    x\n       \n    y\n",
            "A:\n  - !Sub |\n      x\n         \n      y\n");
        row("a comment on the header", "A:\n  - !Sub |  # the script\n    x\n  - b\n",
            "A:\n  - !Sub |  # the script\n      x\n  - b\n");
        row("CRLF line breaks", "A:\r\n  - !Sub |\r\n    x\r\n    y\r\n  - b\r\n",
            "A:\r\n  - !Sub |\r\n      x\r\n      y\r\n  - b\r\n");
        row("several spaces after the dash", "A:\n  -   !Sub |\n      x\n", "A:\n  -   !Sub |\n         x\n");
        // The lines of another block scalar are text, not items to repair.
        row("an item inside a literal block stays text",
            "Doc: |\n  - !Sub |\n  x\nA:\n  - !Sub |\n    y\n",
            "Doc: |\n  - !Sub |\n  x\nA:\n  - !Sub |\n      y\n");
        row("the value of an explicit key", "t:\n  ? k\n  : !Sub |\n    x\n  b: c\n",
            "t:\n  ? k\n  : !Sub |\n      x\n  b: c\n");
        row("two blocks in one list", "A:\n  - !Sub |\n    x\n  - !Sub |\n    y\n",
            "A:\n  - !Sub |\n      x\n  - !Sub |\n      y\n");
        // A key's value on its own line: the lines need only be indented past the key.
        row("a key's value on the next line", "P:\n  Policy:\n    !Sub |\n    x\n    y\n  Name: n\n",
            "P:\n  Policy:\n    !Sub |\n     x\n     y\n  Name: n\n");
        row("a comment and a blank line between key and value", "P:\n  Policy:  # the policy\n\n    # JSON\n    !Sub |\n    x\n  N: 1\n",
            "P:\n  Policy:  # the policy\n\n    # JSON\n    !Sub |\n     x\n  N: 1\n");
    }

    void readsAsIfIndentedFurther()
    {
        QFETCH(QString, written);
        QFETCH(QString, indented);
        const Json expected = read(indented.toStdString());
        JCOMPARE(read(written.toStdString()), expected);
    }

    void positionsAndSpansPointAtTheOriginalText()
    {
        const std::string text = "Resources:\n"
                                 "  Doc:\n"
                                 "    Type: AWS::SSM::Document\n"
                                 "    Properties:\n"
                                 "      Commands:\n"
                                 "        - !Sub |\n"
                                 "          echo ${AWS::Region}\n"
                                 "          echo done\n"
                                 "        - last\n"
                                 "  Queue:\n"
                                 "    Type: AWS::SQS::Queue\n";
        sc::SourceSpans spans;
        const sc::Template t = sc::readTemplate(text, "t.yaml", sc::TemplateFormat::Yaml, {}, &spans);
        QCOMPARE(t.positions.exact("/Resources/Queue").line, 10);
        QCOMPARE(t.positions.exact("/Resources/Doc/Properties/Commands/1").line, 9);
        QCOMPARE(t.positions.exact("/Resources/Doc/Properties/Commands/1").column, 11);
        // Every span's text, cut from the original, is what the node was read from.
        bool sawLast = false;
        bool sawScript = false;
        for (const sc::NodeSpan &span : spans.nodes) {
            QVERIFY(span.end <= text.size());
            const std::string value = text.substr(span.content, span.end - span.content);
            sawLast = sawLast || value == "last";
            sawScript = sawScript || value == "|\n          echo ${AWS::Region}\n          echo done";
        }
        QVERIFY(sawLast);
        QVERIFY(sawScript);
    }

    void offsetsMapBack()
    {
        const std::string text = "A:\n  - !Sub |\n    x\n    y\n  - b\n";
        const std::optional<sc::IndentRepair> repair = sc::indentTaggedBlockItems(text, 1u << 20);
        QVERIFY(repair.has_value());
        QCOMPARE(repair->text, std::string("A:\n  - !Sub |\n     x\n     y\n  - b\n"));
        QCOMPARE(repair->insertions.size(), std::size_t(2));
        const auto x = static_cast<std::uint32_t>(text.find('x'));
        const auto b = static_cast<std::uint32_t>(text.find('b'));
        QCOMPARE(repair->originalOffset(static_cast<std::uint32_t>(repair->text.find('x'))), x);
        QCOMPARE(repair->originalOffset(static_cast<std::uint32_t>(repair->text.find('b'))), b);
        QCOMPARE(repair->originalOffset(3), 3u);
        const auto repairedX = static_cast<std::uint32_t>(repair->text.find('x'));
        QCOMPARE(repair->originalOffset(repairedX - 1), x - 1);
        // The inserted space, at the start of the line, maps to the start of the line.
        QCOMPARE(repair->originalOffset(repairedX - 5), x - 4);
    }

    void nothingToRepairGivesNothing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("untagged item") << QStringLiteral("A:\n  - |\n    x\n");
        QTest::newRow("already deeper") << QStringLiteral("A:\n  - !Sub |\n       x\n");
        QTest::newRow("under a key") << QStringLiteral("A: !Sub |\n  x\n");
        QTest::newRow("a key's value indented past its tag") << QStringLiteral("A:\n  !Sub |\n   x\n");
        QTest::newRow("a value on the next line after a list item") << QStringLiteral("A:\n  - x\n  !Sub |\n  y\n");
        QTest::newRow("explicit indentation") << QStringLiteral("A:\n  - !Sub |2\n    x\n");
        QTest::newRow("empty block") << QStringLiteral("A:\n  - !Sub |\n  - b\n");
    }

    void nothingToRepairGivesNothing()
    {
        QFETCH(QString, text);
        QVERIFY(!sc::indentTaggedBlockItems(text.toStdString(), 1u << 20).has_value());
    }

    void aCopyPastTheSizeLimitIsNotMade()
    {
        // A tag 4,000 columns in, over 1,000 lines: the copy would be 4 MB for a 10 kB text.
        std::string text = "A:\n  -" + std::string(4000, ' ') + "!Sub |\n";
        for (int i = 0; i < 1000; ++i)
            text += "    line\n";
        QVERIFY(sc::indentTaggedBlockItems(text, 1u << 20) == std::nullopt);
        QVERIFY(sc::indentTaggedBlockItems(text, 8u << 20).has_value());
        // The reader keeps yaml-cpp's error then, within its time and size limits.
        sc::ReadLimits limits;
        limits.maxFileBytes = 1u << 20;
        try {
            sc::readTemplate(text, "t.yaml", sc::TemplateFormat::Yaml, limits);
            QFAIL("read a text whose repair is over the limit");
        } catch (const sc::TemplateError &e) {
            QVERIFY2(std::string(e.what()).find("invalid YAML") != std::string::npos, e.what());
        }
    }

    void otherErrorsKeepTheirPosition()
    {
        // An unclosed flow list: the error is yaml-cpp's for the text as written, the same as
        // with the block already indented further.
        const auto error = [](const std::string &text) {
            try {
                read(text);
            } catch (const sc::TemplateError &e) {
                return std::string(e.what());
            }
            return std::string("no error");
        };
        const std::string written = error("A: 1\nB: [1, 2\nC:\n  - !Sub |\n    x\n");
        QVERIFY2(written.find("invalid YAML") != std::string::npos, written.c_str());
        QCOMPARE(written, error("A: 1\nB: [1, 2\nC:\n  - !Sub |\n      x\n"));
    }
};

QTEST_GUILESS_MAIN(TestYamlIndentRepair)
#include "tst_yamlindentrepair.moc"
