// Values that must mean the same after a trip through the writers: every intrinsic tag with
// every shape of value (null, booleans, numbers, empty collections, strings that look like
// other types), written as YAML and JSON and read back to the same tree; and the values the
// readers cannot keep (numbers a double cannot hold, raw control characters, bytes that are not
// UTF-8) refused with
// their position instead of being rewritten.

#include "model/template/intrinsics.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QTest>

using sc::Json;

namespace {

// Every value shape a tagged node can hold, by name.
std::vector<std::pair<const char *, Json>> valueShapes()
{
    return {
        {"null", nullptr},
        {"true", true},
        {"false", false},
        {"zero", 0},
        {"negative", -7},
        {"int64", 123456789012},
        {"uint64 max", std::numeric_limits<std::uint64_t>::max()},
        {"float", 1.5},
        {"huge float", 1e300},
        {"tiny float", -2.5e-300},
        {"empty string", ""},
        {"tilde text", "~"},
        {"null text", "null"},
        {"Null text", "Null"},
        {"true text", "true"},
        {"yes text", "yes"},
        {"No text", "No"},
        {"integer text", "123"},
        {"leading zero text", "0123"},
        {"float text", "1.5"},
        {"out of range text", "1e999"},
        {"inf text", ".inf"},
        {"date text", "2010-09-09"},
        {"dotted text", "A.B"},
        {"spaced text", "a b"},
        {"dash text", "- item"},
        {"colon text", "key: value"},
        {"hash text", "# not a comment"},
        {"multi-line text", "multi\nline\n"},
        {"multi-line without final newline", "first\nsecond"},
        {"leading space", "  lead"},
        {"trailing space", "trail "},
        {"tab", "tab\there"},
        {"non-ASCII", "\xC3\xA9t\xC3\xA9"},
        {"control character", "ctrl\x01"},
        {"NUL", std::string("a\0b", 3)},
        {"quotes", "quote'\""},
        {"sub variable", "${Bucket}"},
        {"tag text", "!Ref X"},
        {"alias text", "*alias"},
        {"anchor text", "&anchor"},
        {"empty list", Json::array()},
        {"empty map", Json::object()},
        {"mixed list", Json::array({1, "x", nullptr, true})},
        {"map", Json{{"a", 1}, {"b", "2"}}},
        {"intrinsic", Json{{"Ref", "X"}}},
        {"kept tag", Json{{"!Foo", "y"}}},
        {"two strings", Json::array({"A", "B"})},
        {"dotted first item", Json::array({"A.B", "C"})},
        {"list holding null", Json::array({nullptr})},
        {"three strings", Json::array({"A", "B", "C"})},
        {"list holding a list", Json::array({Json::array(), Json::object()})},
    };
}

std::vector<std::string> allTags()
{
    std::vector<std::string> tags;
    for (std::string_view name : sc::intrinsics::longNames())
        tags.emplace_back(name);
    tags.emplace_back("!Vendor::Thing"); // a tag CloudFormation does not define, kept verbatim
    tags.emplace_back("!!binary");       // a YAML core tag the tree keeps as is
    return tags;
}

sc::TemplateError failure(const std::string &text, std::optional<sc::TemplateFormat> format = std::nullopt)
{
    try {
        sc::readTemplate(text, "bad", format);
    } catch (const sc::TemplateError &e) {
        return e;
    }
    return sc::TemplateError("", 0, 0, "no error");
}

} // namespace

class TestValueFidelity : public QObject {
    Q_OBJECT

private slots:
    void everyTagKeepsEveryValue_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QByteArray>("value");
        for (const std::string &tag : allTags()) {
            for (const auto &[name, value] : valueShapes()) {
                const std::string row = tag + " " + name;
                QTest::newRow(row.c_str()) << QString::fromStdString(tag) << QByteArray::fromStdString(value.dump());
            }
        }
    }

    void everyTagKeepsEveryValue()
    {
        QFETCH(QString, tag);
        QFETCH(QByteArray, value);
        const Json tree = {{"V", {{tag.toStdString(), Json::parse(value.toStdString())}}}};
        const std::string yaml = sc::writeYaml(tree);
        const Json fromYaml = sc::readTemplate(yaml, "out.yaml", sc::TemplateFormat::Yaml).root;
        QVERIFY2(fromYaml == tree, ("written as:\n" + yaml + "read back as: " + fromYaml.dump()).c_str());
        const std::string json = sc::writeJson(tree);
        QVERIFY2(sc::readTemplate(json, "out.json", sc::TemplateFormat::Json).root == tree, json.c_str());
    }

    void tagsOnScalarsThatAreNotTextKeepTheLongForm()
    {
        // AWS's samples write {"Fn::GetAZs": null}; "!GetAZs ~" would be the string "~".
        QCOMPARE(QString::fromStdString(sc::writeYaml(Json::parse(R"({"A": {"Fn::GetAZs": null}})"))),
                 QStringLiteral("A:\n  Fn::GetAZs: ~\n"));
        QCOMPARE(QString::fromStdString(sc::writeYaml(Json::parse(R"({"A": {"Fn::If": 1}})"))),
                 QStringLiteral("A:\n  Fn::If: 1\n"));
        QCOMPARE(QString::fromStdString(sc::writeYaml(Json::parse(R"({"A": {"Fn::Transform": 5}})"))),
                 QStringLiteral("A:\n  Fn::Transform: 5\n"));
        // Text stays short, however it looks: under a tag it is always read as text.
        QCOMPARE(QString::fromStdString(sc::writeYaml(Json::parse(R"({"A": {"Fn::GetAZs": ""}, "B": {"Fn::Length": "~"}})"))),
                 QStringLiteral("A: !GetAZs ''\nB: !Length '~'\n"));
        // As written by a person: "!Length ~" is the text "~" (YAML: an explicit tag is not
        // resolved as null), and it survives a round trip as that text.
        const Json read = sc::readTemplate("A: !Length ~\n", "t.yaml").root;
        QCOMPARE(QString::fromStdString(read.dump()), QStringLiteral(R"({"A":{"Fn::Length":"~"}})"));
        QVERIFY(sc::readTemplate(sc::writeYaml(read), "again.yaml").root == read);
    }

    void numbersADoubleCannotHoldAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("YAML overflow") << QByteArray("A: 1\nB: 1e999\n") << 2 << 4
                                       << QStringLiteral("the number 1e999 is too large for a template number");
        QTest::newRow("YAML negative overflow") << QByteArray("A: [1, -2.5E+400]\n") << 1 << 8
                                                << QStringLiteral("the number -2.5E+400 is too large");
        QTest::newRow("YAML underflow") << QByteArray("A: 1e-999\n") << 1 << 4
                                        << QStringLiteral("the number 1e-999 is too close to zero");
        QTest::newRow("JSON overflow") << QByteArray("{\"A\": 1,\n \"B\": 1e999}") << 2 << 7
                                       << QStringLiteral("the number 1e999 is too large for a template number");
        QTest::newRow("JSON underflow") << QByteArray("{\"A\": [0, 5e-400]}") << 1 << 11
                                        << QStringLiteral("the number 5e-400 is too close to zero");
    }

    void numbersADoubleCannotHoldAreRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const sc::TemplateError e = failure(text.toStdString());
        QVERIFY2(QString::fromStdString(e.message()).startsWith(message), e.what());
        QCOMPARE(e.line(), line);
        QCOMPARE(e.column(), column);
    }

    void zeroAndQuotedOutOfRangeNumbersAreKept()
    {
        const Json root = sc::readTemplate("A: 0.0e-999\nB: '1e999'\nC: 4.9e-324\n", "t.yaml").root;
        QCOMPARE(root["A"].get<double>(), 0.0);
        QVERIFY(root["B"] == Json("1e999")); // text, and written quoted so that it stays text
        QVERIFY(root["C"].get<double>() > 0.0); // the smallest double still holds
        QVERIFY(sc::writeYaml(root).find("B: '1e999'") != std::string::npos);
        QVERIFY(sc::readTemplate(sc::writeYaml(root), "again.yaml").root == root);
    }

    void rawControlCharactersAreRefusedInYaml_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("code");
        QTest::newRow("NUL in a plain value") << QByteArray("A: ok\nB: a\0b\n", 13) << 2 << 5 << QStringLiteral("U+0000");
        QTest::newRow("EOT in a plain value") << QByteArray("A: c\x04" "d\n") << 1 << 5 << QStringLiteral("U+0004");
        QTest::newRow("SOH in quotes") << QByteArray("A: \"e\x01" "f\"\n") << 1 << 6 << QStringLiteral("U+0001");
        QTest::newRow("DEL in a key") << QByteArray("A\x7F: 1\n") << 1 << 2 << QStringLiteral("U+007F");
        QTest::newRow("C1 control") << QByteArray("A: \xC3\xA9\xC2\x85ok\xC2\x9B\n") << 1 << 8 << QStringLiteral("U+009B");
    }

    void rawControlCharactersAreRefusedInYaml()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, code);
        const sc::TemplateError e = failure(text.toStdString(), sc::TemplateFormat::Yaml);
        QVERIFY2(e.message().find("control character " + code.toStdString() + " in the text") == 0, e.what());
        QCOMPARE(e.line(), line);
        QCOMPARE(e.column(), column);
    }

    void invalidUtf8IsRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("byte");
        QTest::newRow("lone continuation byte") << QByteArray("A: ok\nB: caf\x85\n") << 2 << 7 << QStringLiteral("0x85");
        QTest::newRow("Latin-1 text") << QByteArray("A: \xE9t\xE9\n") << 1 << 4 << QStringLiteral("0xE9");
        QTest::newRow("overlong slash") << QByteArray("A: \xC0\xAF\n") << 1 << 4 << QStringLiteral("0xC0");
        QTest::newRow("surrogate") << QByteArray("A: x\xED\xA0\x80\n") << 1 << 5 << QStringLiteral("0xED");
        QTest::newRow("past U+10FFFF") << QByteArray("A: \xF4\x90\x80\x80\n") << 1 << 4 << QStringLiteral("0xF4");
        QTest::newRow("cut at the end") << QByteArray("A: \xC3\xA9\xE2\x82") << 1 << 5 << QStringLiteral("0xE2");
        QTest::newRow("in a JSON key") << QByteArray("{\"A\": 1,\n \"\xFF\": 2}") << 2 << 3 << QStringLiteral("0xFF");
        // The check skips plain ASCII eight bytes at a time: a bad byte on either side of such a
        // step, and right after valid multi-byte text, is still found where it is.
        QTest::newRow("after a long ASCII run") << QByteArray("Description: abcdefghijklmnopqrstuvwxyz0123456789 \xE9\n")
                                                << 1 << 51 << QStringLiteral("0xE9");
        QTest::newRow("first byte of a step") << QByteArray("A: 12345\xFF\n") << 1 << 9 << QStringLiteral("0xFF");
        QTest::newRow("last byte of a step") << QByteArray("A: 1234\xFF\n") << 1 << 8 << QStringLiteral("0xFF");
        QTest::newRow("after valid text") << QByteArray("A: caf\xC3\xA9 and a long tail of plain text\nB: x\x80\n")
                                          << 2 << 5 << QStringLiteral("0x80");
    }

    void invalidUtf8IsRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, byte);
        const sc::TemplateError e = failure(text.toStdString());
        QVERIFY2(e.message().find("invalid UTF-8 (byte " + byte.toStdString() + ")") == 0, e.what());
        QCOMPARE(e.line(), line);
        QCOMPARE(e.column(), column);
    }

    // YAML's escapes for next line and no-break space are characters like any other: read as
    // their UTF-8 form (yaml-cpp alone gives the bare bytes 0x85 and 0xA0), written and read back.
    void nextLineAndNoBreakSpaceEscapesAreText()
    {
        const Json root = sc::readTemplate("A: \"a\\Nb\\_c\\Ld\"\nB: [\"\\N\"]\n", "t.yaml").root;
        QCOMPARE(root["A"].get<std::string>(), std::string("a\xC2\x85" "b\xC2\xA0" "c\xE2\x80\xA8" "d"));
        QCOMPARE(root["B"][0].get<std::string>(), std::string("\xC2\x85"));
        QVERIFY(sc::readTemplate(sc::writeYaml(root), "again.yaml").root == root);
        QVERIFY(sc::readTemplate(sc::writeJson(root), "again.json").root == root);
        const Json key = sc::readTemplate("\"k\\_\": 1\n", "t.yaml").root;
        QVERIFY(key.contains("k\xC2\xA0"));
    }

    void wellFormedUtf8IsKept()
    {
        const std::string text = "A: \"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\x80 \xEF\xBF\xBF\"\n";
        const Json root = sc::readTemplate(text, "t.yaml").root;
        QCOMPARE(root["A"].get<std::string>(), std::string("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\x80 \xEF\xBF\xBF"));
        QVERIFY(sc::readTemplate(sc::writeYaml(root), "again.yaml").root == root);
    }

    void keysThatStartWithABangAreNotTags_data()
    {
        QTest::addColumn<QByteArray>("tree");
        QTest::newRow("a space after the tag") << QByteArray(R"({"A": {"!Sub args": ["--unset", "B"]}})");
        QTest::newRow("a bang alone") << QByteArray(R"({"A": {"!": 1}})");
        QTest::newRow("two bangs alone") << QByteArray(R"({"A": {"!!": "x"}})");
        QTest::newRow("a flow indicator") << QByteArray(R"({"A": {"!Foo,bar": [1]}})");
        QTest::newRow("beside other keys") << QByteArray(R"({"A": {"!Sub args": 1, "B": 2}})");
        QTest::newRow("a tag kept as a tag") << QByteArray(R"({"A": {"!Foo": "x"}})");
        QTest::newRow("percent signs") << QByteArray(R"({"A": {"!%%%%AWS::EC2::te": "the hoen anew"}})");
        QTest::newRow("a percent escape") << QByteArray(R"({"A": {"!%41": 1}})");
        QTest::newRow("a document start as a key") << QByteArray(R"({"--- new": {"...": "--- x"}, "... end": 1})");
    }

    void keysThatStartWithABangAreNotTags()
    {
        QFETCH(QByteArray, tree);
        const Json root = Json::parse(tree.toStdString());
        const std::string yaml = sc::writeYaml(root);
        const Json back = sc::readTemplate(yaml, "out.yaml", sc::TemplateFormat::Yaml).root;
        QVERIFY2(back == root, ("written as:\n" + yaml + "read back as: " + back.dump()).c_str());
    }

    void escapedControlCharactersRoundTrip()
    {
        // Written as escapes, control characters are fine, and the writer writes them so.
        const Json root = sc::readTemplate("A: \"a\\0b\\x01c\"\n", "t.yaml").root;
        QCOMPARE(root["A"].get<std::string>(), std::string("a\0b\x01" "c", 5));
        const std::string yaml = sc::writeYaml(root);
        QVERIFY(sc::readTemplate(yaml, "again.yaml").root == root);
        // JSON has its own escapes for them.
        const Json json = sc::readTemplate("{\"A\": \"a\\u0000b\"}", "t.json").root;
        QCOMPARE(json["A"].get<std::string>(), std::string("a\0b", 3));
        QVERIFY(sc::readTemplate(sc::writeYaml(json), "again.yaml").root == json);
    }
};

QTEST_GUILESS_MAIN(TestValueFidelity)
#include "tst_valuefidelity.moc"
