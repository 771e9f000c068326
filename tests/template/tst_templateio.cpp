// Reading and writing templates: short forms, scalars as written, positions, and every kind of
// bad input refused with its position and a clear message.

#include "model/template/references.h"
#include "model/template/scalars.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QTest>

#include <cstdlib>
#include <regex>
#include <thread>

// Compares two trees by their JSON text, which also shows the difference on failure.
#define JCOMPARE(actual, expected) \
    QCOMPARE(QString::fromStdString(sc::Json(actual).dump()), QString::fromStdString(sc::Json(expected).dump()))

using sc::Json;

namespace {

Json yaml(const std::string &text)
{
    return sc::readTemplate(text, "t.yaml").root;
}

// Reads text that must fail; returns the error.
sc::TemplateError failure(const std::string &text, const sc::ReadLimits &limits = {},
                          std::optional<sc::TemplateFormat> format = std::nullopt)
{
    try {
        sc::readTemplate(text, "bad.yaml", format, limits);
    } catch (const sc::TemplateError &e) {
        return e;
    }
    return sc::TemplateError("", 0, 0, "no error");
}

} // namespace

class TestTemplateIo : public QObject {
    Q_OBJECT

private slots:
    void shortFormsBecomeLongForms_data()
    {
        QTest::addColumn<QString>("yamlValue");
        QTest::addColumn<QString>("expectedJson");
        const auto row = [](const char *name, const char *y, const char *j) {
            QTest::newRow(name) << QString::fromUtf8(y) << QString::fromUtf8(j);
        };
        row("Ref", "!Ref Vpc", R"({"Ref":"Vpc"})");
        row("GetAtt dotted", "!GetAtt Db.Endpoint.Address", R"({"Fn::GetAtt":["Db","Endpoint.Address"]})");
        row("GetAtt list", "!GetAtt [Fn, Arn]", R"({"Fn::GetAtt":["Fn","Arn"]})");
        row("Sub string", "!Sub 'arn:${AWS::Partition}:s3:::${Bucket}'", R"({"Fn::Sub":"arn:${AWS::Partition}:s3:::${Bucket}"})");
        row("Sub list", "!Sub ['${A}-${B}', {B: !Ref X}]", R"({"Fn::Sub":["${A}-${B}",{"B":{"Ref":"X"}}]})");
        row("Join", "!Join ['', [a, !Ref B]]", R"({"Fn::Join":["",["a",{"Ref":"B"}]]})");
        row("Select", "!Select [0, !GetAZs '']", R"({"Fn::Select":[0,{"Fn::GetAZs":""}]})");
        row("Split", "!Split [',', a]", R"({"Fn::Split":[",","a"]})");
        row("If", "!If [C, a, !Ref AWS::NoValue]", R"({"Fn::If":["C","a",{"Ref":"AWS::NoValue"}]})");
        row("Equals", "!Equals [!Ref Env, prod]", R"({"Fn::Equals":[{"Ref":"Env"},"prod"]})");
        row("And Or Not Condition", "!And [!Or [!Condition A, !Not [!Condition B]]]",
            R"({"Fn::And":[{"Fn::Or":[{"Condition":"A"},{"Fn::Not":[{"Condition":"B"}]}]}]})");
        row("FindInMap", "!FindInMap [M, !Ref AWS::Region, Ami]", R"({"Fn::FindInMap":["M",{"Ref":"AWS::Region"},"Ami"]})");
        row("ImportValue", "!ImportValue shared-vpc", R"({"Fn::ImportValue":"shared-vpc"})");
        row("Base64", "!Base64 hello", R"({"Fn::Base64":"hello"})");
        row("Cidr", "!Cidr [10.0.0.0/16, 6, 8]", R"({"Fn::Cidr":["10.0.0.0/16",6,8]})");
        row("Transform", "!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}",
            // Not a raw string: moc takes the "//" in one for a comment.
            "{\"Fn::Transform\":{\"Name\":\"AWS::Include\",\"Parameters\":{\"Location\":\"s3://b/k\"}}}");
        row("Length", "!Length [a, b]", R"({"Fn::Length":["a","b"]})");
        row("ToJsonString", "!ToJsonString {a: 1}", R"({"Fn::ToJsonString":{"a":1}})");
        row("ForEach", "!ForEach [T, [a, b], {x: y}]", R"({"Fn::ForEach":["T",["a","b"],{"x":"y"}]})");
        row("unknown tag kept", "!Vendor::Thing 7", R"({"!Vendor::Thing":"7"})");
        row("nested long form", "{Fn::Base64: !Sub 'x${A}'}", R"({"Fn::Base64":{"Fn::Sub":"x${A}"}})");
    }

    void shortFormsBecomeLongForms()
    {
        QFETCH(QString, yamlValue);
        QFETCH(QString, expectedJson);
        const Json root = yaml("V: " + yamlValue.toStdString() + "\n");
        QCOMPARE(QString::fromStdString(root["V"].dump()), expectedJson);
    }

    void shortFormsAreWrittenBack()
    {
        const std::string text = "A: !Ref Vpc\n"
                                 "B: !GetAtt Db.Endpoint.Address\n"
                                 "C: !Sub arn:${AWS::Partition}:s3:::${Bucket}\n"
                                 "D: !Join\n  - ''\n  -\n    - a\n    - !Ref B\n"
                                 "E:\n  Fn::Base64: !Sub x${A}\n"
                                 "F: !Vendor::Thing '7'\n";
        const std::string out = sc::writeYaml(yaml(text));
        QCOMPARE(QString::fromStdString(out), QString::fromStdString(text));
    }

    void scalarsKeepWhatWasWritten()
    {
        const Json root = yaml("AWSTemplateFormatVersion: 2010-09-09\n"
                               "a: \"0123\"\nb: \"1.10\"\nc: 0123\nd: 42\ne: 3.5\nf: true\n"
                               "g: 'true'\nh: yes\ni: ~\nj: -7\nk: 1e3\nl: 12345678901234567890123\n");
        JCOMPARE(root["AWSTemplateFormatVersion"], Json("2010-09-09"));
        JCOMPARE(root["a"], Json("0123"));
        JCOMPARE(root["b"], Json("1.10"));
        JCOMPARE(root["c"], Json("0123")); // a leading zero is not a number to us
        QVERIFY(root["d"].is_number_integer());
        QCOMPARE(root["d"].get<int>(), 42);
        QVERIFY(root["e"].is_number_float());
        JCOMPARE(root["f"], Json(true));
        JCOMPARE(root["g"], Json("true"));
        JCOMPARE(root["h"], Json("yes"));
        QVERIFY(root["i"].is_null());
        QCOMPARE(root["j"].get<int>(), -7);
        QCOMPARE(root["k"].get<double>(), 1000.0);
        JCOMPARE(root["l"], Json("12345678901234567890123"));

        // Strings that look like other things are quoted on the way out.
        const std::string out = sc::writeYaml(root);
        QVERIFY(out.find("AWSTemplateFormatVersion: '2010-09-09'") != std::string::npos);
        QVERIFY(out.find("a: '0123'") != std::string::npos);
        QVERIFY(out.find("b: '1.10'") != std::string::npos);
        QVERIFY(out.find("g: 'true'") != std::string::npos);
        QVERIFY(out.find("h: 'yes'") != std::string::npos);
        QVERIFY(out.find("d: 42\n") != std::string::npos);
        JCOMPARE(yaml(out), root);
    }

    void multiLineStringsUseLiteralBlocks()
    {
        Json root = Json::object();
        root["Script"] = "#!/bin/bash\nyum install -y httpd\nsystemctl start httpd\n";
        root["NoFinalNewline"] = "line one\nline two";
        root["Awkward"] = "  leading\ntrailing  \n\n";
        root["Tabs"] = "a\tb";
        const std::string out = sc::writeYaml(root);
        QVERIFY2(out.find("Script: |\n  #!/bin/bash\n  yum install -y httpd\n") != std::string::npos, out.c_str());
        JCOMPARE(yaml(out), root);
    }

    // Every tree must read back as it was written, wherever a key is too long to be implicit
    // (1024 characters as written, escapes included) and wherever a tagged literal block sits.
    void awkwardPlacesReadBack_data()
    {
        QTest::addColumn<QString>("json");
        const std::string script = "\"#!/bin/bash\\necho ${AWS::Region}\\n\"";
        const auto tabKey = [](int n) {
            std::string k;
            for (int i = 0; i < n; ++i)
                k += "\\t";
            return "\"" + k + "x\"";
        };
        const auto row = [](const char *name, const std::string &json) {
            QTest::newRow(name) << QString::fromStdString(json);
        };
        row("tagged literal under a key", "{\"A\": {\"Fn::Sub\": " + script + "}}");
        row("tagged literal in a list", "{\"A\": [{\"Fn::Sub\": " + script + "}, \"b\"]}");
        row("tagged literal at the root", "{\"Fn::Sub\": " + script + "}");
        row("tagged literal in a tagged list",
            "{\"A\": {\"Fn::If\": [\"C\", {\"Fn::Sub\": " + script + "}, \"x\"]}}");
        row("escaped key over 1024 characters", "{" + tabKey(600) + ": 1, \"next\": 2}");
        row("escaped key of 1023 characters, still implicit", "{" + tabKey(510) + ": 1, \"next\": 2}");
        row("plain key over 1024 characters", "{\"" + std::string(1100, 'k') + "\": 1, \"next\": 2}");
        row("tagged literal under a long key",
            "{" + tabKey(600) + ": {\"Fn::Sub\": " + script + "}, \"next\": {\"Fn::Sub\": " + script + "}}");
        row("tagged literal after a long key",
            "{\"A\": {" + tabKey(600) + ": \"v\", \"B\": {\"Fn::Sub\": " + script + "}}}");
        row("map under a long key", "{" + tabKey(600) + ": {\"a\": {\"Fn::Sub\": " + script + "}}}");
        row("literal block key", "{\"two\\nlines\\n\": {\"Fn::Sub\": " + script + "}}");
    }

    void awkwardPlacesReadBack()
    {
        QFETCH(QString, json);
        const Json root = Json::parse(json.toStdString());
        const std::string out = sc::writeYaml(root);
        Json back;
        try {
            back = yaml(out);
        } catch (const sc::TemplateError &e) {
            QFAIL(qPrintable(QString::fromStdString(std::string(e.what()) + "\n" + out.substr(0, 400))));
        }
        JCOMPARE(back, root);
    }

    // A key that yaml-cpp makes explicit by itself (over 1024 bytes, or a literal block) must not
    // make the keys after it explicit too, here or in any map around it.
    void keysAfterALongKeyStayImplicit_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("escaped, multi-line, over 1024 bytes")
            << QString::fromStdString("x  \n" + std::string(1100, 'k') + "\t");
        QTest::newRow("plain, over 1024 bytes") << QString(1100, QLatin1Char('k'));
        QTest::newRow("escapes take it over 1024") << QString(600, QLatin1Char('\t'));
        QTest::newRow("literal block") << QStringLiteral("two\nlines\n");
    }

    void keysAfterALongKeyStayImplicit()
    {
        QFETCH(QString, key);
        Json inner = Json::object();
        inner[key.toStdString()] = Json{{"a", 1}};
        inner["after"] = Json{{"Fn::Sub", "line one\nline two\n"}};
        Json root = Json::object();
        root["List"] = Json::array({inner});
        root["Next"] = "v";
        const std::string out = sc::writeYaml(root);
        QVERIFY2(out.find("\n    after: !Sub |\n") != std::string::npos, out.c_str());
        QVERIFY2(out.find("\nNext: v\n") != std::string::npos, out.c_str());
        JCOMPARE(yaml(out), root);
    }

    // A one-key object whose key is spelled like a tag is written as that tag, unless reading
    // would resolve the tag: CloudFormation's short forms and the YAML core types stay keys.
    void keysSpelledLikeResolvedTagsStayKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("writtenAsTag");
        for (const char *key : {"!Ref", "!ValueOf", "!Condition", "!GetAtt", "!!str", "!!int", "!!map", "!!seq", "!!null"})
            QTest::newRow(key) << QString::fromLatin1(key) << false;
        for (const char *key : {"!Foo", "!!binary", "!!timestamp"})
            QTest::newRow(key) << QString::fromLatin1(key) << true;
    }

    void keysSpelledLikeResolvedTagsStayKeys()
    {
        QFETCH(QString, key);
        QFETCH(bool, writtenAsTag);
        const std::string k = key.toStdString();
        Json root = Json::object();
        root["Scalar"] = Json{{k, "x"}};
        root["Map"] = Json{{k, Json{{"args", Json::array({"-"})}}}};
        root["List"] = Json{{k, Json::array({1, 2})}};
        const std::string out = sc::writeYaml(root);
        QCOMPARE(out.find("Scalar: " + k + " x\n") != std::string::npos, writtenAsTag);
        JCOMPARE(yaml(out), root);
        // At the root too (the fuzz find: {"!ValueOf": {"args": ["-"]}}).
        const Json top = Json{{k, Json{{"args", Json::array({"-"})}}}};
        JCOMPARE(yaml(sc::writeYaml(top)), top);
    }

    void tagsKeepTheirLiteralBlockUnderAKey()
    {
        const Json root = Json::parse("{\"UserData\": {\"Fn::Sub\": \"#!/bin/bash\\necho hi\\n\"}}");
        const std::string out = sc::writeYaml(root);
        QCOMPARE(QString::fromStdString(out), QStringLiteral("UserData: !Sub |\n  #!/bin/bash\n  echo hi\n\n"));
    }

    // YAML keeps the blank lines that end a block kept whole ("|+", ">+") as line breaks of the
    // value; yaml-cpp drops them after a folded one.
    void keptBlocksKeepTheirBlankLines()
    {
        const Json root = yaml("a: >+\n  x\n\nb: >+\n  x\n\n\nc: |+\n  x\n\n"
                               "d:\n  - !Sub >+\n    x\n\n  - y\ne: >-\n  x\n\nf: >+\ng: >+\n  x\n");
        JCOMPARE(root["a"], Json("x\n\n"));
        JCOMPARE(root["b"], Json("x\n\n\n"));
        JCOMPARE(root["c"], Json("x\n\n"));
        JCOMPARE(root["d"][0], Json({{"Fn::Sub", "x\n\n"}}));
        JCOMPARE(root["e"], Json("x"));
        JCOMPARE(root["f"], Json(""));
        JCOMPARE(root["g"], Json("x\n"));
        JCOMPARE(yaml(sc::writeYaml(root)), root);
    }

    void jsonIsIndentedByTwoSpaces()
    {
        const Json root = yaml("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n");
        QCOMPARE(QString::fromStdString(sc::writeJson(root)),
                 QStringLiteral("{\n  \"Resources\": {\n    \"Q\": {\n      \"Type\": \"AWS::SQS::Queue\"\n    }\n  }\n}\n"));
    }

    void keyOrderIsKept()
    {
        const Json root = yaml("Z: 1\nA: 2\nM: {x: 1, b: 2}\n");
        std::vector<std::string> keys;
        for (const auto &[k, v] : root.items())
            keys.push_back(k);
        QCOMPARE(keys, (std::vector<std::string>{"Z", "A", "M"}));
        QCOMPARE(QString::fromStdString(sc::writeYaml(root)), QStringLiteral("Z: 1\nA: 2\nM:\n  x: 1\n  b: 2\n"));
    }

    void positionsPointAtTheText()
    {
        const sc::Template t = sc::readTemplate("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
                                                "    Properties:\n      Role: !GetAtt R.Arn\n"
                                                "      Layers:\n        - a\n        - !Ref L\n",
                                                "p.yaml");
        QCOMPARE(t.positions.exact("/Resources/Fn"), (sc::SourcePos{2, 3}));
        QCOMPARE(t.positions.exact("/Resources/Fn/Properties/Role"), (sc::SourcePos{5, 7}));
        QCOMPARE(t.positions.exact("/Resources/Fn/Properties/Role/Fn::GetAtt"), (sc::SourcePos{5, 13}));
        QCOMPARE(t.positions.exact("/Resources/Fn/Properties/Layers/1"), (sc::SourcePos{8, 11}));
        // A node added later falls back to its nearest known ancestor.
        QCOMPARE(t.positions.find("/Resources/Fn/Properties/Timeout"), (sc::SourcePos{4, 5}));

        const sc::Template j = sc::readTemplate("{\n  \"Resources\": {\n    \"Q\": {\"Type\": \"AWS::SQS::Queue\",\n"
                                                "      \"Properties\": {\"Tags\": [ {\"Key\": \"a\"}, 5 ]}}}}\n",
                                                "p.json");
        QCOMPARE(j.format, sc::TemplateFormat::Json);
        QCOMPARE(j.positions.exact("/Resources"), (sc::SourcePos{2, 3}));
        QCOMPARE(j.positions.exact("/Resources/Q"), (sc::SourcePos{3, 5}));
        QCOMPARE(j.positions.exact("/Resources/Q/Type"), (sc::SourcePos{3, 11}));
        QCOMPARE(j.positions.exact("/Resources/Q/Properties/Tags/0"), (sc::SourcePos{4, 32}));
        QCOMPARE(j.positions.exact("/Resources/Q/Properties/Tags/1"), (sc::SourcePos{4, 46}));
    }

    // A file read without its positions finds them when first asked for, and they are the ones
    // reading with them gives: on every template here, and on a large YAML one read in parts.
    void positionsOnDemandAreTheSame_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("name");
        for (const char *folder : {"/examples", "/tests/data/realworld", "/tests/data/roundtrip", "/tests/data/textedit"}) {
            QDirIterator it(QStringLiteral(SC_SOURCE_DIR) + QLatin1String(folder),
                            {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json"), QStringLiteral("*.template")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.endsWith(QLatin1String("index.json")) || path.contains(QLatin1String("/expected/")))
                    continue;
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString name = QDir(QStringLiteral(SC_SOURCE_DIR)).relativeFilePath(path);
                QTest::newRow(name.toUtf8().constData()) << file.readAll() << name;
            }
        }
        std::string large = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
        for (int i = 0; i < 600; ++i) {
            const std::string n = std::to_string(i);
            large += "  Queue" + n + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                     "      QueueName: !Sub '${AWS::StackName}-" + n + "'\n"
                     "      Tags:\n        - {Key: a/b~" + n + ", Value: !Ref Env}\n        - Key: plain\n          Value: [1, 2]\n";
        }
        large += "Outputs:\n  First: {Value: !GetAtt Queue0.Arn}\n";
        QTest::newRow("600 queues, read in parts") << QByteArray::fromStdString(large) << QStringLiteral("large.yaml");
    }

    void positionsOnDemandAreTheSame()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, name);
        sc::ReadLimits onDemand;
        onDemand.positionsOnDemand = true;
        const sc::Template recorded = sc::readTemplate(text.toStdString(), name.toStdString());
        const sc::Template deferred = sc::readTemplate(text.toStdString(), name.toStdString(), std::nullopt, onDemand);
        QVERIFY(recorded.positions.size() > 1);
        QVERIFY(!recorded.positions.isPending());
        QVERIFY(deferred.positions.isPending());
        JCOMPARE(deferred.root, recorded.root);
        QCOMPARE(deferred.format, recorded.format);

        // Copies share one filling, from whichever thread asks first; a change to one copy is
        // that copy's own.
        QVERIFY(!recorded.root.empty());
        const std::string first = sc::SourceMap::join("", recorded.root.begin().key());
        sc::SourceMap copy = deferred.positions;
        std::vector<sc::SourcePos> seen(4);
        {
            std::vector<std::jthread> readers;
            for (std::size_t i = 0; i < seen.size(); ++i)
                readers.emplace_back([&, i] { seen[i] = (i % 2 ? copy : deferred.positions).exact(first); });
        }
        for (const sc::SourcePos &pos : seen)
            QCOMPARE(pos, recorded.positions.exact(first));
        QVERIFY(!deferred.positions.isPending());
        QVERIFY(deferred.positions == recorded.positions);
        copy.set(first, {999, 1});
        QCOMPARE(deferred.positions.exact(first), recorded.positions.exact(first));
        QCOMPARE(copy.exact(first), (sc::SourcePos{999, 1}));
        QCOMPARE(copy.size(), recorded.positions.size());
    }

    // Every text of up to five characters drawn from digits, signs, points, exponents and a
    // letter reads as a float exactly when YAML 1.2's core schema says so (its pattern, as a
    // std::regex, is the oracle) and it is neither an integer nor written with a leading zero.
    void plainScalarsAreFloatsAsYaml12Says()
    {
        const std::regex yamlFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
        const std::regex yamlInteger(R"([-+]?[0-9]+)");
        const std::regex leadingZero(R"([-+]?0[0-9].*)");
        const std::string alphabet = "01.eE+-x";
        std::vector<std::string> texts{""};
        int floats = 0;
        for (std::size_t length = 1; length <= 5; ++length) {
            std::vector<std::string> longer;
            for (const std::string &t : texts) {
                if (t.size() + 1 != length)
                    continue;
                for (const char c : alphabet)
                    longer.push_back(t + c);
            }
            for (const std::string &t : longer) {
                const bool expected = std::regex_match(t, yamlFloat) && !std::regex_match(t, yamlInteger)
                                      && !std::regex_match(t, leadingZero);
                const Json value = sc::scalars::resolvePlain(t);
                QVERIFY2(value.is_number_float() == expected, (t + " read as " + value.dump()).c_str());
                if (expected) {
                    QCOMPARE(value.get<double>(), std::strtod(t.c_str(), nullptr));
                    ++floats;
                }
            }
            texts.insert(texts.end(), longer.begin(), longer.end());
        }
        QVERIFY2(floats > 500, std::to_string(floats).c_str()); // 578 of the 37,448 texts
    }

    // What YAML 1.1 readers take for a number or a date must be quoted when written; the scanner
    // agrees with the pattern, as a std::regex, on every text of up to five characters over an
    // alphabet of its parts, on words around .inf and .nan, and on dates with what may follow.
    void yaml11NumbersAndDatesAreFoundAsThePatternSays()
    {
        const std::regex pattern(
            R"([-+]?(0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9][0-9_.]*|\.[0-9_]+)([eE][-+]?[0-9]+)?)"
            R"(|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t].*)?)");
        int found = 0;
        const auto check = [&](const std::string &t) {
            const bool expected = std::regex_match(t, pattern);
            QVERIFY2(sc::scalars::looksLikeYaml11NumberOrDate(t) == expected, ("\"" + t + "\"").c_str());
            found += expected ? 1 : 0;
        };
        const std::string alphabet = "06.:_xbeE+-a";
        std::vector<std::string> texts{""};
        for (std::size_t length = 1; length <= 5; ++length) {
            std::vector<std::string> longer;
            for (const std::string &t : texts) {
                if (t.size() + 1 == length)
                    for (const char c : alphabet)
                        longer.push_back(t + c);
            }
            for (const std::string &t : longer)
                check(t);
            texts.insert(texts.end(), longer.begin(), longer.end());
        }
        for (const char *word : {".inf", ".Inf", ".INF", ".iNf", "-.inf", "+.INF", ".nan", ".NaN", ".NAN", "-.nan",
                                 "+.NaN", ".nAn", "inf", ".inf5", "0x1e+5", "0x1e1e5", "0o17", "0B1_0", "0x", "190:20:30.15",
                                 "1:5", "1:60", "1:59:59", "1_000:5.", "1:5e3", "1:5.5e-3", ".5_0E+10", "5e", "5e+"})
            check(word);
        for (const char *date : {"2010-09-09", "2010-9-9", "2010-09-9", "2010-099-09", "201-09-09", "2010-09-",
                                 "2010-09-091", "2010-09-09T", "2010-09-09t10:00", "2010-09-09 x", "2010-09-09\tx",
                                 "2010-09-09x", "2010-09-09T\n", "2010-09-09 a\rb", "2010-09-09T\x01", "+2010-09-09",
                                 "2010/09/09", "2010-09-09-"})
            check(date);
        QVERIFY2(found > 3000, std::to_string(found).c_str()); // 3,097 of the 271,452 texts
    }

    void acceptsCrlfBomAndTabsInStrings()
    {
        const Json root = yaml("\xEF\xBB\xBFResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n"
                               "    Description: \"a\\tb\tc\"\r\n");
        JCOMPARE(root["Resources"]["Q"]["Type"], Json("AWS::SQS::Queue"));
        JCOMPARE(root["Resources"]["Q"]["Description"], Json("a\tb\tc"));
        const Json fromJson = sc::readTemplate("\xEF\xBB\xBF{\r\n\"A\":\t\"x\ty\"\r\n}", "b.json").root;
        JCOMPARE(fromJson["A"], Json("x\ty"));
    }

    void badInputIsRefusedWithPosition_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const std::string &text, int line, int column, const char *msg) {
            QTest::newRow(name) << QByteArray::fromStdString(text) << line << column << QString::fromUtf8(msg);
        };
        row("malformed YAML", "Resources:\n  Q: [a, b\n", 3, 1, "invalid YAML: end of sequence flow not found");
        row("malformed JSON", "{\n  \"Resources\": {\n    \"Q\": 1,\n  }\n}\n", 4, 3, "invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");
        row("root is a list", "- a\n- b\n", 1, 1, "expected a mapping at the top level");
        row("root is a scalar", "hello\n", 1, 1, "expected a mapping at the top level");
        row("empty file", "", 1, 1, "expected a mapping at the top level");
        row("duplicate YAML key", "Resources:\n  Q:\n    Type: A\n  Q:\n    Type: B\n", 4, 3, "duplicate key 'Q' (first defined at line 2)");
        row("duplicate JSON key", "{\"A\": 1,\n \"A\": 2}", 2, 2, "duplicate key 'A' (first defined at line 1)");
        row("JSON number too large", "{\n  \"A\": [1,\n    1e999]\n}\n", 3, 5, "the number 1e999 is too large for a template number");
        // Mappings of 15, 16 and 40 keys, then a key written again: a mapping's keys are looked
        // through while it is small and found in a table once it has 16.
        const auto keysThenAgain = [](int keys, int again, bool json) {
            std::string text = json ? "{\n" : "";
            for (int k = 0; k < keys; ++k)
                text += json ? "\"K" + std::to_string(k) + "\": 1,\n" : "K" + std::to_string(k) + ": 1\n";
            text += json ? "\"K" + std::to_string(again) + "\": 2}" : "K" + std::to_string(again) + ": 2\n";
            return text;
        };
        row("15 YAML keys, the first again", keysThenAgain(15, 0, false), 16, 1, "duplicate key 'K0' (first defined at line 1)");
        row("16 YAML keys, the first again", keysThenAgain(16, 0, false), 17, 1, "duplicate key 'K0' (first defined at line 1)");
        row("40 YAML keys, the 16th again", keysThenAgain(40, 15, false), 41, 1, "duplicate key 'K15' (first defined at line 16)");
        row("40 YAML keys, the last again", keysThenAgain(40, 39, false), 41, 1, "duplicate key 'K39' (first defined at line 40)");
        row("15 JSON keys, the first again", keysThenAgain(15, 0, true), 17, 1, "duplicate key 'K0' (first defined at line 2)");
        row("16 JSON keys, the first again", keysThenAgain(16, 0, true), 18, 1, "duplicate key 'K0' (first defined at line 2)");
        row("40 JSON keys, the 16th again", keysThenAgain(40, 15, true), 42, 1, "duplicate key 'K15' (first defined at line 17)");
        row("40 JSON keys, the last again", keysThenAgain(40, 39, true), 42, 1, "duplicate key 'K39' (first defined at line 41)");
        row("self-referencing alias", "A: &a [1, *a]\n", 1, 11, "alias refers to a node that contains it");
        row("second document", "A: 1\n---\nB: 2\n", 2, 1, "a template is one YAML document");
        row("invalid UTF-8", "A: ok\nB: caf\xC3\x28\n", 2, 7, "invalid UTF-8 (byte 0xC3)");
        row("overlong UTF-8", "A: \xC0\xAF\n", 1, 4, "invalid UTF-8 (byte 0xC0)");
        row("non-string key", "A:\n  [x]: 1\n", 2, 3, "a mapping key must be a plain string");
    }

    void badInputIsRefusedWithPosition()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        // Read as the window reads (every position noted) and as an export does (positions on
        // demand; a JSON text is then parsed without following its position until it fails).
        for (const bool onDemand : {false, true}) {
            sc::ReadLimits limits;
            limits.positionsOnDemand = onDemand;
            const sc::TemplateError e = failure(text.toStdString(), limits);
            QVERIFY2(QString::fromStdString(e.message()).startsWith(message), e.what());
            QCOMPARE(e.line(), line);
            QCOMPARE(e.column(), column);
            QCOMPARE(e.file(), std::string("bad.yaml"));
            QVERIFY(std::string(e.what()).rfind("bad.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": ", 0) == 0);
        }
    }

    void nestingBeyondTheLimitIsRefused()
    {
        std::string deepYaml = "A: ";
        std::string deepJson = "{\"A\": ";
        for (int i = 0; i < 200; ++i) {
            deepYaml += "[";
            deepJson += "[";
        }
        deepYaml += std::string(200, ']');
        deepJson += std::string(200, ']') + "}";
        const sc::TemplateError y = failure(deepYaml + "\n");
        QVERIFY2(y.message().find("nesting deeper than 128 levels") == 0, y.what());
        QCOMPARE(y.line(), 1);
        QCOMPARE(y.column(), 4 + 127);
        const sc::TemplateError j = failure(deepJson);
        QVERIFY2(j.message().find("nesting deeper than 128 levels") == 0, j.what());
        QCOMPARE(j.column(), 7 + 127);
        // Far past yaml-cpp's own recursion guard, still an error, never a crash.
        std::string veryDeep = "A: " + std::string(100000, '[') + std::string(100000, ']');
        QVERIFY(failure(veryDeep).message().find("nesting deeper") == 0);
        QVERIFY(failure("{\"A\": " + std::string(1000000, '[')).message().find("nesting deeper") == 0);
    }

    void billionLaughsIsRefusedQuickly()
    {
        std::string text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (int i = 1; i < 10; ++i) {
            const std::string prev = "*a" + std::to_string(i - 1);
            text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
            for (int k = 0; k < 9; ++k)
                text += prev + (k < 8 ? ", " : "]\n");
        }
        QElapsedTimer timer;
        timer.start();
        const sc::TemplateError e = failure(text);
        const qint64 ms = timer.elapsed();
        QVERIFY2(e.message().find("expands to more than 1000000 nodes") != std::string::npos, e.what());
        QCOMPARE(e.line(), 7); // a6, the first level past a million nodes
        qInfo("billion laughs refused after %lld ms", static_cast<long long>(ms));
    }

    void aliasesWithinBudgetExpand()
    {
        const Json root = yaml("Base: &tags {Team: core}\nA: *tags\nB: *tags\n");
        JCOMPARE(root["A"], root["Base"]);
        JCOMPARE(root["B"]["Team"], Json("core"));
    }

    void tooLargeAFileIsRefused()
    {
        sc::ReadLimits limits;
        limits.maxFileBytes = 64;
        const sc::TemplateError e = failure(std::string(100, ' ') + "A: 1\n", limits);
        QCOMPARE(QString::fromStdString(e.message()), QStringLiteral("file is 105 bytes; the limit is 64 bytes"));
        QCOMPARE(e.line(), 1);
        QCOMPARE(e.column(), 1);
    }

    void tooManyNodesIsRefused()
    {
        sc::ReadLimits limits;
        limits.maxNodes = 10;
        const sc::TemplateError e = failure("{\"A\": [1,2,3,4,5,6,7,8,9,10,11,12]}", limits);
        QVERIFY2(e.message().find("more than 10 nodes") != std::string::npos, e.what());
        QCOMPARE(e.column(), 22); // the eleventh node: the "8"
    }

    void referencesAreFound()
    {
        const Json root = yaml("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    DependsOn: [Log]\n"
                               "    Properties:\n      Role: !GetAtt Role.Arn\n"
                               "      Environment: {Variables: {Q: !Ref Queue, S: !Sub '${Bucket.Arn}/${Local}/${!Lit}'}}\n");
        const auto refs = sc::resourceReferences(root["Resources"]["Fn"], "Fn");
        QCOMPARE(refs.size(), std::size_t(5));
        QCOMPARE(refs[0].target, std::string("Log"));
        QCOMPARE(refs[0].pointer, std::string("/Resources/Fn/DependsOn/0"));
        QCOMPARE(refs[1].target, std::string("Role"));
        QCOMPARE(refs[1].attribute, std::string("Arn"));
        QCOMPARE(refs[1].pointer, std::string("/Resources/Fn/Properties/Role"));
        QCOMPARE(refs[2].target, std::string("Queue"));
        QCOMPARE(refs[3].target, std::string("Bucket"));
        QCOMPARE(refs[3].attribute, std::string("Arn"));
        QCOMPARE(refs[4].target, std::string("Local"));
    }

    // Each reference names the node that holds it: list items by index, keys escaped, the
    // values of an Fn::Sub's own map and an Fn::GetAtt's computed attribute below the function.
    void referencePointersNameTheirNodes()
    {
        const Json root = yaml("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    DependsOn: Log\n"
                               "    Properties:\n"
                               "      Tags: [{Key: a, Value: b}, {Key: c, Value: !Ref Owner}]\n"
                               "      'a/b~c': !Sub ['${Local}-${Table}', {Local: !GetAtt [Queue, !Ref Attr]}]\n"
                               "    Metadata: {List: [[x, !Sub '${Topic.Name}']]}\n");
        std::vector<std::string> found;
        for (const sc::Reference &r : sc::resourceReferences(root["Resources"]["Fn"], "Fn"))
            found.push_back(r.target + (r.attribute.empty() ? "" : "." + r.attribute) + " " + r.pointer);
        QCOMPARE(found, (std::vector<std::string>{
            "Log /Resources/Fn/DependsOn",
            "Owner /Resources/Fn/Properties/Tags/1/Value",
            "Attr /Resources/Fn/Properties/a~1b~0c/Fn::Sub/1/Local/Fn::GetAtt/1",
            "Queue /Resources/Fn/Properties/a~1b~0c/Fn::Sub/1/Local",
            "Table /Resources/Fn/Properties/a~1b~0c/Fn::Sub",
            "Topic.Name /Resources/Fn/Metadata/List/0/1/Fn::Sub",
        }));
    }

    void renameRewritesEveryForm()
    {
        Json node = yaml("A: !Ref Old\nB: !GetAtt Old.Arn\nC: !Sub '${Old}-${Old.Name}-${!Old}-${Other}-${ Old }-${ Old.Name}'\n"
                         "D: !Sub ['${Old}', {Old: keep}]\nE: !GetAtt [Old, !Ref Old]\n");
        QVERIFY(sc::renameReferences(node, "Old", "New"));
        JCOMPARE(node["A"], Json({{"Ref", "New"}}));
        JCOMPARE(node["B"]["Fn::GetAtt"], Json({"New", "Arn"}));
        JCOMPARE(node["C"]["Fn::Sub"], Json("${New}-${New.Name}-${!Old}-${Other}-${ New }-${ New.Name}"));
        JCOMPARE(node["D"]["Fn::Sub"][0], Json("${Old}")); // a local variable, not the resource
        JCOMPARE(node["E"]["Fn::GetAtt"], Json::parse(R"(["New", {"Ref": "New"}])"));
    }
};

QTEST_GUILESS_MAIN(TestTemplateIo)
#include "tst_templateio.moc"
