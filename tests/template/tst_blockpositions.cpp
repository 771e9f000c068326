// Positions after an edit without reading the whole text again: for seeded random edits (set,
// unset, add a key, add and remove a resource, rename a resource and its references) on every
// example and on a 500-resource template, in YAML and in JSON, the positions found by moving
// untouched blocks and reading back touched ones equal those of reading the whole edited text,
// pointer by pointer.

#include "../bench/benchtemplates.h"
#include "model/template/blockpositions.h"
#include "model/template/sourcetext.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"
#include "model/template/textpatcher.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace {

using sc::Json;

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string withCrLf(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

// The first pointer whose position differs, with both positions; empty when the maps agree.
QString firstDifference(const sc::SourceMap &got, const sc::SourceMap &want)
{
    QString diff;
    want.forEach([&](const std::string &pointer, sc::SourcePos pos) {
        const sc::SourcePos other = got.exact(pointer);
        if (diff.isEmpty() && !(other == pos))
            diff = QStringLiteral("%1: %2:%3 instead of %4:%5").arg(QString::fromStdString(pointer)).arg(other.line)
                       .arg(other.column).arg(pos.line).arg(pos.column);
    });
    if (diff.isEmpty() && got.size() != want.size())
        diff = QStringLiteral("%1 positions instead of %2").arg(got.size()).arg(want.size());
    return diff;
}

class Editor {
public:
    explicit Editor(unsigned seed)
        : m_random(seed)
    {
    }

    // One random edit of `tree`; returns its name.
    std::string apply(Json &tree)
    {
        Json &resources = tree["Resources"];
        if (!resources.is_object() || resources.size() < 2)
            return addResource(resources);
        switch (pick(8)) {
        case 0:
            return set(resources);
        case 1:
            return unset(resources);
        case 2:
            return addKey(resources);
        case 3:
            return addResource(resources);
        case 4:
            return removeResource(resources);
        case 5:
            return rename(tree);
        case 6:
            return setOutside(tree);
        default:
            tree["Description"] = "Edited " + std::to_string(pick(1000));
            return "description";
        }
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }

    Json &someResource(Json &resources)
    {
        auto it = resources.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(pick(resources.size())));
        return it.value();
    }

    // A node somewhere inside `node`, walking down a random number of levels.
    Json *somewhere(Json &node, Json **parent, std::string *key, std::size_t *index)
    {
        Json *at = &node;
        *parent = nullptr;
        while ((at->is_object() || at->is_array()) && !at->empty() && (*parent == nullptr || pick(4) != 0)) {
            *parent = at;
            const std::size_t n = pick(at->size());
            if (at->is_object()) {
                auto it = at->begin();
                std::advance(it, static_cast<std::ptrdiff_t>(n));
                *key = it.key();
                at = &it.value();
            } else {
                *index = n;
                *key = {};
                at = &(*at)[n];
            }
        }
        return at;
    }

    std::string set(Json &resources)
    {
        Json *parent = nullptr;
        std::string key;
        std::size_t index = 0;
        Json *node = somewhere(someResource(resources), &parent, &key, &index);
        *node = pick(2) ? Json("value " + std::to_string(pick(1000))) : Json(static_cast<int>(pick(1000)));
        return "set";
    }

    // A value in another section (parameters, outputs, ...).
    std::string setOutside(Json &tree)
    {
        auto it = tree.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(pick(tree.size())));
        if (it.key() == "Resources" || !it.value().is_object() || it.value().empty())
            return "nothing outside";
        Json *parent = nullptr;
        std::string key;
        std::size_t index = 0;
        *somewhere(it.value(), &parent, &key, &index) = "outside " + std::to_string(pick(1000));
        return "set outside";
    }

    std::string unset(Json &resources)
    {
        Json *parent = nullptr;
        std::string key;
        std::size_t index = 0;
        somewhere(someResource(resources), &parent, &key, &index);
        if (!parent || parent->size() < 2)
            return "nothing to unset";
        if (parent->is_object())
            parent->erase(key);
        else
            parent->erase(index);
        return "unset";
    }

    std::string addKey(Json &resources)
    {
        Json *parent = nullptr;
        std::string key;
        std::size_t index = 0;
        Json *node = somewhere(someResource(resources), &parent, &key, &index);
        Json *target = node->is_object() ? node : parent && parent->is_object() ? parent : nullptr;
        if (!target)
            return "nothing to add to";
        const std::string name = "Added" + std::to_string(pick(100000));
        (*target)[name] = pick(2) ? Json{{"Ref", "Env"}} : Json::array({"a", pick(100)});
        return "add key";
    }

    std::string addResource(Json &resources)
    {
        if (!resources.is_object())
            resources = Json::object();
        const std::string id = "New" + std::to_string(pick(100000));
        const Json value = {{"Type", "AWS::SQS::Queue"}, {"Properties", {{"VisibilityTimeout", pick(900)}}}};
        // Anywhere among the others, not only at the end.
        const std::size_t at = pick(resources.size() + 1);
        Json rebuilt = Json::object();
        std::size_t n = 0;
        for (const auto &[key, old] : resources.items()) {
            if (n++ == at)
                rebuilt[id] = value;
            rebuilt[key] = old;
        }
        if (!rebuilt.contains(id))
            rebuilt[id] = value;
        resources = std::move(rebuilt);
        return "add resource";
    }

    std::string removeResource(Json &resources)
    {
        auto it = resources.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(pick(resources.size())));
        resources.erase(it.key());
        return "remove resource";
    }

    static void replaceRefs(Json &node, const std::string &from, const std::string &to)
    {
        if (node.is_object()) {
            if (node.size() == 1 && node.contains("Ref") && node["Ref"] == from)
                node["Ref"] = to;
            for (auto &[key, value] : node.items())
                replaceRefs(value, from, to);
        } else if (node.is_array()) {
            if (node.size() == 2 && node[0] == from)
                node[0] = to; // Fn::GetAtt's resource
            for (Json &item : node)
                replaceRefs(item, from, to);
        }
    }

    std::string rename(Json &tree)
    {
        Json &resources = tree["Resources"];
        auto it = resources.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(pick(resources.size())));
        const std::string from = it.key();
        const std::string to = from + "R" + std::to_string(pick(1000));
        Json rebuilt = Json::object();
        for (const auto &[key, value] : resources.items())
            rebuilt[key == from ? to : key] = value;
        resources = std::move(rebuilt);
        replaceRefs(tree, from, to);
        return "rename";
    }

    std::mt19937 m_random;
};

struct Outcome {
    int incremental = 0; // positions found without a whole reading
    int edits = 0;
    QString failure;     // the first edit whose positions differ, and how
};

// Runs `steps` random edits, each on top of the previous ones, and compares the positions of
// each edited tree with those of a whole reading. Returns how many the blocks answered.
Outcome check(const std::string &name, const std::string &text, sc::TemplateFormat format, unsigned seed, int steps)
{
    Outcome outcome;
    sc::SourceSpans spans;
    const sc::Template read = sc::readTemplate(text, name, format, {}, &spans);
    const sc::BlockLayout layout(text, format, read.root, read.positions, spans);
    const sc::SourceText source(text, format);
    Editor editor(seed);
    Json tree = read.root;
    for (int step = 0; step < steps; ++step) {
        const std::string edit = editor.apply(tree);
        const sc::SaveText whole = source.render(tree, name);
        const std::string where = name + " step " + std::to_string(step) + " (" + edit + ")";
        // The document's path: the same answer, however it was found.
        const QString viaSource = firstDifference(source.positionsFor(tree, name), whole.reread.positions);
        if (!viaSource.isEmpty()) {
            outcome.failure = QString::fromStdString(where) + QStringLiteral(": ") + viaSource;
            return outcome;
        }
        std::string why;
        std::vector<sc::TextChange> changes;
        const std::optional<std::string> patched = sc::patchText(text, format, read.root, spans, tree, why, &changes);
        if (!patched || whole.mode != sc::SaveMode::Patched)
            continue;
        ++outcome.edits;
        if (*patched != whole.bytes) {
            outcome.failure = QString::fromStdString(where) + QStringLiteral(": the patcher wrote another text");
            return outcome;
        }
        const std::optional<sc::SourceMap> moved = layout.positionsAfter(text, *patched, changes, tree);
        if (!moved)
            continue;
        ++outcome.incremental;
        const QString diff = firstDifference(*moved, whole.reread.positions);
        if (!diff.isEmpty()) {
            outcome.failure = QString::fromStdString(where) + QStringLiteral(": ") + diff;
            return outcome;
        }
    }
    return outcome;
}

} // namespace

class TestBlockPositions : public QObject {
    Q_OBJECT

private slots:
    void examplesKeepExactPositions_data()
    {
        QTest::addColumn<QString>("file");
        for (const auto &entry : std::filesystem::recursive_directory_iterator(SC_SOURCE_DIR "/examples")) {
            const std::string ext = entry.path().extension().string();
            if (ext == ".yaml" || (ext == ".json" && entry.path().filename() != "index.json"))
                QTest::newRow(std::filesystem::relative(entry.path(), SC_SOURCE_DIR "/examples").string().c_str())
                    << QString::fromStdString(entry.path().string());
        }
    }

    void examplesKeepExactPositions()
    {
        QFETCH(QString, file);
        const std::string text = readFile(file.toStdString());
        sc::Template read;
        try {
            read = sc::readTemplate(text, file.toStdString());
        } catch (const sc::TemplateError &) {
            QSKIP("not a template");
        }
        if (!read.root.contains("Resources"))
            QSKIP("no resources");
        Outcome total;
        for (unsigned seed = 1; seed <= 2; ++seed) {
            const Outcome yaml = check(file.toStdString(), text, read.format, seed, 8);
            const Outcome json = check(file.toStdString() + " as JSON", sc::writeJson(read.root),
                                       sc::TemplateFormat::Json, seed, 8);
            QVERIFY2(yaml.failure.isEmpty(), qPrintable(yaml.failure));
            // Windows line breaks: lines are counted alike.
            const Outcome crlf = check(file.toStdString() + " with CRLF", withCrLf(text), read.format, seed, 3);
            QVERIFY2(crlf.failure.isEmpty(), qPrintable(crlf.failure));
            QVERIFY2(json.failure.isEmpty(), qPrintable(json.failure));
            total.edits += yaml.edits + json.edits;
            total.incremental += yaml.incremental + json.incremental;
        }
        qInfo("%d of %d edits answered from the blocks", total.incremental, total.edits);
        // Most edits are answered without a whole reading (a few touch the Resources line).
        QVERIFY2(total.incremental * 2 > total.edits,
                 qPrintable(QStringLiteral("%1 of %2 edits").arg(total.incremental).arg(total.edits)));
    }

    // Real-world templates and every text style the text edits are tested on (comments, anchors,
    // four-space indents, CRLF, compact and tab-indented JSON): one seed each.
    void realWorldTemplatesKeepExactPositions_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *dir : {"/tests/data/realworld", "/tests/data/textedit"}) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(std::string(SC_SOURCE_DIR) + dir)) {
                const std::string ext = entry.path().extension().string();
                if (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template")
                    QTest::newRow(std::filesystem::relative(entry.path(), SC_SOURCE_DIR "/tests/data").string().c_str())
                        << QString::fromStdString(entry.path().string());
            }
        }
    }

    void realWorldTemplatesKeepExactPositions()
    {
        QFETCH(QString, file);
        const std::string text = readFile(file.toStdString());
        sc::Template read;
        try {
            read = sc::readTemplate(text, file.toStdString(), file.endsWith(QStringLiteral(".json"))
                                                                  ? std::optional(sc::TemplateFormat::Json)
                                                                  : std::nullopt);
        } catch (const sc::TemplateError &) {
            QSKIP("not a template");
        }
        if (!read.root.contains("Resources"))
            QSKIP("no resources");
        const Outcome outcome = check(file.toStdString(), text, read.format, 3, 4);
        QVERIFY2(outcome.failure.isEmpty(), qPrintable(outcome.failure));
    }

    void largeTemplateKeepsExactPositions_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("yaml") << false;
        QTest::newRow("json") << true;
    }

    void largeTemplateKeepsExactPositions()
    {
        QFETCH(bool, json);
        const Json tree = sc::bench::makeTemplate(500);
        const sc::TemplateFormat format = json ? sc::TemplateFormat::Json : sc::TemplateFormat::Yaml;
        const std::string text = json ? sc::writeJson(tree) : sc::writeYaml(tree);
        const Outcome outcome = check(json ? "large.json" : "large.yaml", text, format, 7, 12);
        QVERIFY2(outcome.failure.isEmpty(), qPrintable(outcome.failure));
        QCOMPARE(outcome.edits, 12);
        // Every kind of edit stays inside the resources: none needs a whole reading.
        QCOMPARE(outcome.incremental, outcome.edits);
    }

    // A text whose blocks do not read alone (an alias) is read whole, and still right.
    void aliasesAreReadWhole()
    {
        const std::string text = "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties: &p\n"
                                 "      VisibilityTimeout: 5\n  B:\n    Type: AWS::SQS::Queue\n"
                                 "    Properties: *p\n";
        sc::SourceSpans spans;
        const sc::Template read = sc::readTemplate(text, "alias.yaml", {}, {}, &spans);
        QVERIFY(!sc::BlockLayout(text, sc::TemplateFormat::Yaml, read.root, read.positions, spans).usable());
        Json tree = read.root;
        tree["Resources"]["A"]["Properties"]["VisibilityTimeout"] = 9;
        const sc::SourceText source(text, sc::TemplateFormat::Yaml);
        const sc::SourceMap positions = source.positionsFor(tree, "alias.yaml");
        QCOMPARE(positions, source.render(tree, "alias.yaml").reread.positions);
        QCOMPARE(positions.exact("/Resources/B/Properties"), (sc::SourcePos{8, 5}));
    }

    // Lines move by what the edits before them added; the edited block is read again.
    void blocksAfterAnEditMoveByItsLines()
    {
        const std::string text = "Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n"
                                 "Outputs:\n  Out:\n    Value: !Ref B\n";
        sc::SourceSpans spans;
        const sc::Template read = sc::readTemplate(text, "t.yaml", {}, {}, &spans);
        Json tree = read.root;
        tree["Resources"]["A"]["Properties"] = {{"VisibilityTimeout", 5}, {"DelaySeconds", 1}};
        std::string why;
        std::vector<sc::TextChange> changes;
        const auto patched = sc::patchText(text, sc::TemplateFormat::Yaml, read.root, spans, tree, why, &changes);
        QVERIFY(patched);
        const auto moved = sc::BlockLayout(text, sc::TemplateFormat::Yaml, read.root, read.positions, spans)
                               .positionsAfter(text, *patched, changes, tree);
        QVERIFY(moved);
        QCOMPARE(moved->exact("/Resources/A/Properties/DelaySeconds"), (sc::SourcePos{6, 7}));
        QCOMPARE(moved->exact("/Resources/B"), (sc::SourcePos{7, 3}));
        QCOMPARE(moved->exact("/Outputs/Out/Value/Ref"), (sc::SourcePos{11, 12}));
    }
};

QTEST_GUILESS_MAIN(TestBlockPositions)
#include "tst_blockpositions.moc"
