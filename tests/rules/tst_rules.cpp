// The rules, checked against data: every rule has a table of template snippets (cases/*.yaml)
// with the exact findings expected (logical ID, JSON pointer, line) or none; the registry
// follows the conventions of DESIGN §4; examples and the round-trip corpus give no error; the
// broken corpus gives exactly its .expected findings; fixes are single undo steps; and
// docs/rules.md is what the registry generates.

#include "model/undo/undoabledocument.h"
#include "model/document/documentio.h"
#include "model/rules/ruledocs.h"
#include "model/rules/ruleregistry.h"
#include "model/template/templatereader.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <map>
#include <memory>
#include <regex>
#include <set>

using namespace sc;

namespace {

struct Case {
    std::string rule;
    std::string file;
    int index = 0;
    std::string templateText;
    std::size_t bytes = 0; // the source size the limits see, when a case needs one
    std::string today;     // the date dated facts are judged on, when a case needs one
    std::vector<std::string> expected; // "LogicalId /pointer line"
    std::string message;               // optional: text every finding's message contains
};

std::vector<Case> loadCases()
{
    std::vector<Case> cases;
    const QDir dir(QStringLiteral(SC_SOURCE_DIR "/tests/rules/cases"));
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        const std::string path = dir.filePath(name).toStdString();
        const Template t = readTemplateFile(path);
        int index = 0;
        for (const Json &entry : t.root.at("cases")) {
            Case c;
            c.rule = entry.at("rule").get<std::string>();
            c.file = name.toStdString();
            c.index = index++;
            c.templateText = entry.at("template").get<std::string>();
            c.bytes = entry.value("bytes", std::size_t(0));
            c.today = entry.value("today", std::string());
            c.message = entry.value("message", std::string());
            if (entry.contains("expect"))
                for (const Json &e : entry.at("expect"))
                    c.expected.push_back(e.get<std::string>());
            cases.push_back(std::move(c));
        }
    }
    return cases;
}

std::string describe(const Finding &f)
{
    return (f.logicalId.empty() ? std::string("-") : f.logicalId) + " " + (f.path.empty() ? std::string("/") : f.path) + " "
           + std::to_string(f.line);
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &s : items)
        out += "\n    " + s;
    return out.empty() ? " (none)" : out;
}

QStringList corpus()
{
    QStringList files;
    const QDir examples(QStringLiteral(SC_SOURCE_DIR "/examples"));
    for (const QString &folder : examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFile::exists(examples.filePath(folder + QStringLiteral("/template.yaml"))))
            files << examples.filePath(folder + QStringLiteral("/template.yaml"));
    const QDir roundtrip(QStringLiteral(SC_SOURCE_DIR "/tests/data/roundtrip"));
    for (const QString &name : roundtrip.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << roundtrip.filePath(name);
    return files;
}

// Corpus files that are wrong on purpose (kept to test that an editor preserves them): the
// findings listed here are expected, every other error fails the test.
const std::map<std::string, std::set<std::string>> &deliberatelyWrong()
{
    static const std::map<std::string, std::set<std::string>> m{
        {"38-unknown-aws-property.yaml", {"E3001"}}, // AWS's validator reports F3002 on it too
    };
    return m;
}

} // namespace

class TestRules : public QObject {
    Q_OBJECT

private slots:
    void cases_data();
    void cases();
    void registryConventions();
    void noErrorsOnExamplesAndCorpus();
    void brokenCorpus();
    void fixesAreOneUndoStep();
    void aFixThatNamesTheLogicalIdTakesAnyId();
    void everyFixOnEveryCase_data();
    void everyFixOnEveryCase();
    void atLeastThirtyRulesHaveFixes();
    void longCycleIsReportedOnce();
    void severalThreadsFindWhatOneFinds();
    void docsAreCurrent();
};

void TestRules::cases_data()
{
    QTest::addColumn<int>("index");
    const std::vector<Case> all = loadCases();
    QVERIFY2(!all.empty(), "no cases found in tests/rules/cases");
    for (std::size_t i = 0; i < all.size(); ++i)
        QTest::newRow(QStringLiteral("%1 %2#%3").arg(QString::fromStdString(all[i].rule), QString::fromStdString(all[i].file))
                          .arg(all[i].index).toUtf8().constData())
            << int(i);
}

void TestRules::cases()
{
    static const std::vector<Case> all = loadCases();
    QFETCH(int, index);
    const Case &c = all[std::size_t(index)];
    QVERIFY2(RuleRegistry::instance().find(c.rule), ("unknown rule " + c.rule).c_str());
    const Template t = readTemplate(c.templateText, c.file);
    ValidateOptions options;
    options.onlyRules = {c.rule};
    options.templateBytes = c.bytes;
    options.today = c.today;
    std::vector<std::string> actual;
    for (const Finding &f : validate(t, options)) {
        actual.push_back(describe(f));
        QVERIFY2(!f.message.empty(), "a finding without a message");
        QVERIFY2(f.message.find(c.message) != std::string::npos,
                 ("the message \"" + f.message + "\" does not say \"" + c.message + "\"").c_str());
    }
    QVERIFY2(actual == c.expected, ("expected" + joined(c.expected) + "\n  actual" + joined(actual)).c_str());
}

void TestRules::registryConventions()
{
    const std::vector<Rule> &rules = RuleRegistry::instance().rules();
    const std::regex idPattern("[EWI][1-7][0-9]{3}");
    std::set<std::string> ids, numbers;
    std::map<int, int> perFamily;
    for (const Rule &r : rules) {
        QVERIFY2(std::regex_match(r.id, idPattern), ("bad id " + r.id).c_str());
        QVERIFY2(ids.insert(r.id).second, ("duplicate id " + r.id).c_str());
        QVERIFY2(numbers.insert(r.id.substr(1)).second, ("number used twice " + r.id).c_str());
        QVERIFY2(r.family() >= 1 && r.family() <= 7, r.id.c_str());
        QVERIFY2(!r.title.empty(), (r.id + " has no title").c_str());
        QVERIFY2(r.explanation.size() >= 80, (r.id + ": the explanation should be a study note").c_str());
        QVERIFY2(r.topic >= 1 && r.topic <= 8 && !topicName(r.topic).empty(), (r.id + " has no seed topic").c_str());
        QVERIFY2(bool(r.check), (r.id + " has no check").c_str());
        ++perFamily[r.family()];
    }
    QVERIFY2(rules.size() >= 80, "at least 80 rules");
    QVERIFY2(perFamily[4] >= 30, "at least 30 deployment rules");
    QVERIFY2(perFamily[5] + perFamily[6] + perFamily[7] >= 20, "at least 20 rules in families 5-7");

    std::map<std::string, std::pair<int, int>> coverage; // positive, negative
    for (const Case &c : loadCases())
        (c.expected.empty() ? coverage[c.rule].second : coverage[c.rule].first)++;
    QStringList missing;
    for (const Rule &r : rules) {
        if (coverage[r.id].first < 1)
            missing << QString::fromStdString(r.id + " (no positive case)");
        if (coverage[r.id].second < 1)
            missing << QString::fromStdString(r.id + " (no negative case)");
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

void TestRules::noErrorsOnExamplesAndCorpus()
{
    QStringList problems;
    for (const QString &file : corpus()) {
        const Template t = readTemplateFile(file.toStdString());
        const std::string base = QFileInfo(file).fileName().toStdString();
        const auto allowed = deliberatelyWrong().count(base) ? deliberatelyWrong().at(base) : std::set<std::string>{};
        // Judged on a fixed date: a runtime's deprecation must not turn this test red one day.
        for (const Finding &f : validate(t, {Severity::Error, {}, 0, "2026-12-05"}))
            if (!allowed.count(f.ruleId))
                problems << QStringLiteral("%1:%2:%3: %4 %5").arg(file).arg(f.line).arg(f.column)
                                .arg(QString::fromStdString(f.ruleId), QString::fromStdString(f.message));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestRules::brokenCorpus()
{
    const QDir dir(QStringLiteral(SC_SOURCE_DIR "/tests/data/broken"));
    const QStringList files = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 40, "at least 40 broken templates");
    QStringList problems;
    for (const QString &name : files) {
        QFile expectedFile(dir.filePath(QFileInfo(name).completeBaseName() + QStringLiteral(".expected")));
        QVERIFY2(expectedFile.open(QIODevice::ReadOnly), qPrintable(name + QStringLiteral(" has no .expected file")));
        std::vector<std::string> expected;
        for (const QByteArray &line : expectedFile.readAll().split('\n'))
            if (!line.trimmed().isEmpty() && !line.startsWith('#'))
                expected.push_back(line.trimmed().toStdString());
        QVERIFY2(!expected.empty(), qPrintable(name + QStringLiteral(": a broken template must have findings")));
        const Template t = readTemplateFile(dir.filePath(name).toStdString());
        std::vector<std::string> actual;
        for (const Finding &f : validate(t, {Severity::Warning, {}, 0, {}}))
            actual.push_back(f.ruleId + " " + (f.logicalId.empty() ? "-" : f.logicalId) + " " + std::to_string(f.line));
        if (actual != expected)
            problems << name + QStringLiteral(": expected") + QString::fromStdString(joined(expected))
                            + QStringLiteral("\n  actual") + QString::fromStdString(joined(actual));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestRules::fixesAreOneUndoStep()
{
    const char *text = "Parameters:\n"
                       "  DbPassword:\n"
                       "    Type: String\n"
                       "Resources:\n"
                       "  Table:\n"
                       "    Type: AWS::DynamoDB::Table\n"
                       "    Properties:\n"
                       "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n"
                       "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
                       "      BillingMode: PAY_PER_REQUEST\n"
                       "  Db:\n"
                       "    Type: AWS::RDS::DBInstance\n"
                       "    Properties:\n"
                       "      Engine: mysql\n"
                       "      DBInstanceClass: db.t3.micro\n"
                       "      MasterUsername: admin\n"
                       "      MasterUserPassword: hunter2hunter2\n"
                       "      AllocatedStorage: '20'\n";
    for (const char *rule : {"W5001", "W5006", "W2009"}) {
        UndoableDocument document;
        document.reset(readTemplate(text, "fix.yaml"));
        const std::string before = document.root().dump();
        ValidateOptions only;
        only.onlyRules = {rule};
        const std::vector<Finding> found = validate(document, only);
        QCOMPARE(found.size(), std::size_t(1));
        QVERIFY2(found[0].fix.has_value(), rule);
        const EditResult result = found[0].fix->apply(document);
        QVERIFY2(result.ok, result.error.c_str());
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY2(validate(document, only).empty(), rule);
        QVERIFY(document.checkConsistency().empty());
        for (const Finding &f : validate(document, {Severity::Error, {}, 0, {}}))
            QFAIL(("the fix introduced " + f.ruleId + ": " + f.message).c_str());
        document.undoStack()->undo();
        QCOMPARE(document.root().dump(), before);
    }
}

// Found by the rules fuzz target: a fix that writes the logical ID into a value aborted the
// whole validation when the ID was not JSON-safe (a backslash, a quote).
void TestRules::aFixThatNamesTheLogicalIdTakesAnyId()
{
    const char *text = "Resources:\n"
                       "  Web\\Group:\n"
                       "    Type: AWS::EC2::SecurityGroup\n";
    UndoableDocument document;
    document.reset(readTemplate(text, "fix.yaml"));
    QCOMPARE(document.resourceIds(), std::vector<std::string>{"Web\\Group"});
    ValidateOptions only;
    only.onlyRules = {"E3002"};
    const std::vector<Finding> found = validate(document, only);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found[0].path, std::string("/Resources/Web\\Group/Properties"));
    QVERIFY(found[0].fix.has_value());
    QCOMPARE(found[0].fix->label, std::string("Set GroupDescription of Web\\Group to \"Security group of Web\\\\Group\""));
    QVERIFY(found[0].fix->apply(document).ok);
    QCOMPARE(document.root()["Resources"]["Web\\Group"]["Properties"]["GroupDescription"].dump(),
             Json("Security group of Web\\Group").dump());
    QVERIFY(validate(document, only).empty());
}

namespace {

std::unique_ptr<UndoableDocument> documentOf(const Case &c)
{
    auto document = std::make_unique<UndoableDocument>();
    document->reset(readTemplate(c.templateText, c.file));
    return document;
}

std::vector<Finding> allFindings(const Document &document, const Case &c)
{
    ValidateOptions options;
    options.templateBytes = c.bytes;
    options.today = c.today;
    return validate(document, options);
}

} // namespace

void TestRules::everyFixOnEveryCase_data()
{
    cases_data();
}

// For every fix a positive case offers: applying it is one undo step, removes its finding, makes
// no rule fire that did not fire before (on any resource), and undo restores the document exactly.
void TestRules::everyFixOnEveryCase()
{
    static const std::vector<Case> all = loadCases();
    QFETCH(int, index);
    const Case &c = all[std::size_t(index)];
    if (c.expected.empty())
        QSKIP("a negative case");
    const std::vector<Finding> before = allFindings(*documentOf(c), c);
    std::map<std::pair<std::string, std::string>, int> beforeCount;
    for (const Finding &f : before)
        ++beforeCount[{f.ruleId, f.logicalId}];
    int fixes = 0;
    for (std::size_t k = 0; k < before.size(); ++k) {
        if (before[k].ruleId != c.rule || !before[k].fix)
            continue;
        ++fixes;
        const std::unique_ptr<UndoableDocument> owned = documentOf(c);
        UndoableDocument &document = *owned;
        const std::string original = document.root().dump();
        const Finding f = allFindings(document, c)[k];
        QVERIFY(f.fix);
        const std::string what = f.ruleId + " " + f.path + " (" + f.fix->label + ")";
        const EditResult result = f.fix->apply(document);
        QVERIFY2(result.ok, (what + ": " + result.error).c_str());
        QCOMPARE(document.undoStack()->count(), 1);
        QVERIFY2(document.checkConsistency().empty(), what.c_str());
        std::map<std::pair<std::string, std::string>, int> afterCount;
        for (const Finding &g : allFindings(document, c)) {
            QVERIFY2(!(g.ruleId == f.ruleId && g.path == f.path && g.message == f.message),
                     (what + ": the finding is still there").c_str());
            const std::pair<std::string, std::string> key{g.ruleId, g.logicalId};
            const int n = ++afterCount[key];
            QVERIFY2(n <= beforeCount[key],
                     (what + ": made " + g.ruleId + " fire on " + g.logicalId + ": " + g.message).c_str());
        }
        document.undoStack()->undo();
        QCOMPARE(document.root().dump(), original);
    }
    if (fixes == 0)
        QSKIP("no fix offered");
}

void TestRules::atLeastThirtyRulesHaveFixes()
{
    std::set<std::string> withFixes;
    for (const Case &c : loadCases()) {
        for (const Finding &f : allFindings(*documentOf(c), c))
            if (f.fix && f.ruleId == c.rule)
                withFixes.insert(f.ruleId);
    }
    QStringList ids;
    for (const std::string &id : withFixes)
        ids << QString::fromStdString(id);
    qInfo("%zu rules offer a one-click fix in their cases: %s", withFixes.size(), qPrintable(ids.join(QLatin1Char(' '))));
    QVERIFY2(withFixes.size() >= 30, qPrintable(QString::number(withFixes.size())));
}

void TestRules::longCycleIsReportedOnce()
{
    // 10,000 queues, each DependsOn the next, the last on the first: one cycle through all.
    constexpr int n = 10000;
    Json resources = Json::object();
    for (int i = 0; i < n; ++i)
        resources["Queue" + std::to_string(i)] = {{"Type", "AWS::SQS::Queue"},
                                                  {"DependsOn", "Queue" + std::to_string((i + 1) % n)}};
    const Json root = {{"Resources", resources}};
    ValidateOptions options;
    options.onlyRules = {"E2006", "W2015"};
    const std::vector<Finding> found = validate(root, SourceMap(), options);
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found[0].ruleId, "E2006");
    QCOMPARE(found[0].logicalId, "Queue0");
    QCOMPARE(found[0].message, "circular dependency: Queue0 -> Queue1 -> Queue2 -> Queue3 -> Queue4 -> Queue5 -> "
                               "... 9,988 more ... -> Queue9994 -> Queue9995 -> Queue9996 -> Queue9997 -> Queue9998 -> "
                               "Queue9999 -> Queue0");
    QVERIFY(found[0].message.size() < 200);
}

// The rules shared out among threads give the very findings, in the very order, of one thread:
// on every example, round-trip, broken and real-world template and every rule case, with the
// threads forced on however small the template.
void TestRules::severalThreadsFindWhatOneFinds()
{
    const auto render = [](const std::vector<Finding> &findings) {
        std::vector<std::string> out;
        for (const Finding &f : findings)
            out.push_back(f.ruleId + " " + std::string(severityName(f.severity)) + " " + f.logicalId + " " + f.path
                          + " " + std::to_string(f.line) + ":" + std::to_string(f.column) + " " + f.message
                          + (f.fix ? " fix: " + f.fix->label : std::string()));
        return out;
    };
    std::vector<std::pair<std::string, Template>> templates;
    QStringList files = corpus();
    for (const char *folder : {"/tests/data/broken", "/tests/data/realworld"}) {
        const QDir dir(QStringLiteral(SC_SOURCE_DIR) + QLatin1String(folder));
        for (const QString &name : dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            files << dir.filePath(name);
    }
    for (const QString &file : files)
        templates.emplace_back(file.toStdString(), readTemplateFile(file.toStdString()));
    for (const Case &c : loadCases())
        templates.emplace_back(c.file + " #" + std::to_string(c.index), readTemplate(c.templateText, c.file));
    QVERIFY(templates.size() > 400);

    std::size_t findings = 0;
    std::set<std::string> rules;
    for (const auto &[name, t] : templates) {
        ValidateOptions one{Severity::Info, {}, 0, "2026-12-05"};
        one.threads = 1;
        ValidateOptions several = one;
        several.threads = 4;
        several.parallelFrom = 0;
        const std::vector<Finding> expected = validate(t, one);
        QCOMPARE(render(validate(t, several)), render(expected));
        findings += expected.size();
        for (const Finding &f : expected)
            rules.insert(f.ruleId);
    }
    // Enough to say something: most rules found something somewhere.
    QVERIFY2(findings > 500, qPrintable(QString::number(findings)));
    QVERIFY2(rules.size() > 100, qPrintable(QString::number(rules.size())));
}

void TestRules::docsAreCurrent()
{
    QFile file(QStringLiteral(SC_SOURCE_DIR "/docs/rules.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), "docs/rules.md is missing; generate it with: "
                                             "stackcanvas rules --format markdown > docs/rules.md");
    const QByteArray committed = file.readAll();
    QVERIFY2(committed.toStdString() == rulesMarkdown(),
             "docs/rules.md is stale: regenerate it with `stackcanvas rules --format markdown > docs/rules.md` "
             "(from the build directory: app/stackcanvas rules --format markdown > ../docs/rules.md)");
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
