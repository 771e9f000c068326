// Incremental validation: the findings after every edit are exactly those of a full run.
//
// - Every rule of resources is local: on every example and every rule case, a resource's findings
//   from a run focused on that resource alone are its findings from a full run, and such a rule
//   reports only on resources. This is what lets an edit re-check a few resources.
// - A context that takes over an earlier context's references for the resources an edit left
//   alone holds exactly the references of a fresh one, after every step of random edits.
// - A seeded sequence of edits (property values set and removed, renames, resources added and
//   removed, connections, undo and redo) over every example and a generated 500-resource
//   template, the incremental findings compared after each step with validate(), field by field
//   and in order.

#include "../bench/benchtemplates.h"
#include "model/catalog/catalog.h"
#include "model/undo/undoabledocument.h"
#include "model/rules/incrementalvalidator.h"
#include "model/rules/rulecontext.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

#include <functional>
#include <random>

using namespace sc;

namespace {

constexpr const char *kToday = "2026-06-01";

std::string describe(const Finding &f)
{
    return f.ruleId + " " + std::string(severityName(f.severity)) + " [" + f.logicalId + "] " + f.path + " "
           + std::to_string(f.line) + ":" + std::to_string(f.column) + " " + f.message
           + (f.fix ? " fix: " + f.fix->label : std::string());
}

// The first difference between two finding lists, or "".
std::string difference(const std::vector<Finding> &incremental, const std::vector<Finding> &full)
{
    for (std::size_t i = 0; i < std::max(incremental.size(), full.size()); ++i) {
        const std::string a = i < incremental.size() ? describe(incremental[i]) : "(none)";
        const std::string b = i < full.size() ? describe(full[i]) : "(none)";
        if (a != b)
            return "finding " + std::to_string(i) + ": incremental " + a + "\n    full run " + b;
    }
    return {};
}

std::vector<std::string> exampleFiles()
{
    std::vector<std::string> files;
    const QDir examples(QStringLiteral(SC_SOURCE_DIR "/examples"));
    for (const QString &folder : examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QString file = examples.filePath(folder + QStringLiteral("/template.yaml"));
        if (QFile::exists(file))
            files.push_back(file.toStdString());
    }
    return files;
}

// Every rule case's template (tests/rules/cases), each read as its own file.
std::vector<Template> caseTemplates()
{
    std::vector<Template> out;
    const QDir dir(QStringLiteral(SC_SOURCE_DIR "/tests/rules/cases"));
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        const Template t = readTemplateFile(dir.filePath(name).toStdString());
        for (const Json &entry : t.root.at("cases")) {
            try {
                out.push_back(readTemplate(entry.at("template").get<std::string>(), name.toStdString()));
            } catch (const std::exception &) {
                // Cases about unreadable text have no tree to validate.
            }
        }
    }
    return out;
}

// Random edits of one document, each one undo step (or an undo or a redo).
class Editor {
public:
    Editor(UndoableDocument &document, unsigned seed)
        : m_document(document)
        , m_random(seed)
    {
        for (const std::string &id : document.resourceIds())
            m_types.insert(document.resourceType(id));
        m_types.insert({"AWS::SQS::Queue", "AWS::Lambda::Function", "AWS::CloudWatch::Alarm",
                        "AWS::AutoScaling::AutoScalingGroup", "AWS::ElasticBeanstalk::Environment",
                        "AWS::CodeDeploy::DeploymentGroup", "AWS::S3::Bucket"});
        m_types.erase("");
    }

    // Makes one edit and says what it was.
    std::string step()
    {
        const std::vector<std::string> ids = m_document.resourceIds();
        const int kind = pick(ids.empty() ? 1 : 10);
        if (ids.empty() || kind == 0)
            return add();
        const std::string id = ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
        switch (kind) {
        case 1: return add();
        case 2: m_document.removeResources({id}); return "remove " + id;
        case 3: {
            const std::string to = m_document.freshLogicalId(id + "B");
            m_document.renameLogicalId(id, to);
            return "rename " + id + " to " + to;
        }
        case 4: return connect(id, ids);
        case 5: m_document.undoStack()->undo(); return "undo";
        case 6: m_document.undoStack()->redo(); return "redo";
        default: return setProperty(id, ids);
        }
    }

private:
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(m_random); }

    std::string add()
    {
        auto it = m_types.begin();
        std::advance(it, pick(static_cast<int>(m_types.size())));
        const EditResult r = m_document.addResource(*it, QPointF(pick(2000), pick(2000)), {}, pick(2) == 0);
        return "add " + *it + " as " + r.createdId;
    }

    std::string connect(const std::string &source, const std::vector<std::string> &ids)
    {
        const std::string target = ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
        const auto rules = Catalog::instance().connectionRules(m_document.resourceType(source),
                                                               m_document.resourceType(target));
        if (rules.empty())
            return "no connection from " + source + " to " + target;
        m_document.connect(source, target, rules[static_cast<std::size_t>(pick(static_cast<int>(rules.size())))]);
        return "connect " + source + " to " + target;
    }

    // A property set to a value that rules care about, or removed, or a resource attribute set.
    std::string setProperty(const std::string &id, const std::vector<std::string> &ids)
    {
        const Json *resource = m_document.resource(id);
        const std::string other = ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))];
        const std::string base = "/Resources/" + id;
        std::vector<std::string> names;
        if (resource && resource->is_object() && resource->contains("Properties") && (*resource)["Properties"].is_object())
            for (const auto &[name, value] : (*resource)["Properties"].items())
                names.push_back(name);
        const std::string name = names.empty() || pick(5) == 0 ? std::string("Timeout")
                                                               : names[static_cast<std::size_t>(pick(static_cast<int>(names.size())))];
        const std::string pointer = base + "/Properties/" + name;
        const Json values[] = {Json("value"), Json(0), Json(-1), Json(3600), Json("PT5M"), Json(true),
                               Json{{"Ref", other}}, Json{{"Fn::GetAtt", {other, "Arn"}}},
                               Json{{"Fn::Sub", "${" + other + "}-x"}}, Json{{"Fn::Sub", "${Unterminated"}},
                               Json{{"Ref", "Missing"}}, Json("{{resolve:secretsmanager:s}}"), Json::array(),
                               Json{{"Fn::If", {"NoSuchCondition", 1, 2}}}};
        switch (pick(6)) {
        case 0:
            if (names.empty())
                break;
            m_document.removeValue(pointer);
            return "remove " + pointer;
        case 1: {
            const char *policies[] = {"Delete", "Retain", "Snapshot", "Nonsense"};
            const std::string attribute = pick(2) ? "DeletionPolicy" : "UpdateReplacePolicy";
            m_document.setValue(base + "/" + attribute, policies[pick(4)]);
            return "set " + base + "/" + attribute;
        }
        case 2:
            m_document.setValue(base + "/DependsOn", Json::array({other}));
            return "depend " + id + " on " + other;
        default:
            break;
        }
        const Json &value = values[pick(static_cast<int>(std::size(values)))];
        m_document.setValue(pointer, value);
        return "set " + pointer + " to " + value.dump();
    }

    UndoableDocument &m_document;
    std::mt19937 m_random;
    std::set<std::string> m_types;
};

} // namespace

class TestIncremental : public QObject {
    Q_OBJECT

private:
    // `steps` random edits of `content`, the incremental findings checked after each.
    void followEdits(const Template &content, const std::string &name, unsigned seed, int steps);

private slots:
    void resourceRulesAreLocal();
    void followsRandomEditsOfTheExamples();
    void followsRandomEditsOfALargeTemplate();
    void propertyChangeRechecksOnlyNeighbours();
    void takenOverReferencesMatchAFreshContext();
    void takenOverCallsSurviveBatchedEdits();
};

void TestIncremental::resourceRulesAreLocal()
{
    std::vector<Template> templates = caseTemplates();
    for (const std::string &file : exampleFiles())
        templates.push_back(readTemplateFile(file));
    QVERIFY(templates.size() > 100);
    int checked = 0;
    std::set<std::string> offenders;
    for (const Template &t : templates) {
        RuleContext context(t.root, t.positions);
        context.setToday(kToday);
        for (const Rule &rule : RuleRegistry::instance().rules()) {
            if (rule.scope != RuleScope::Resource)
                continue;
            const std::vector<Finding> full = rule.run(context);
            for (const Finding &f : full) {
                if (f.logicalId.empty() && offenders.insert(rule.id).second)
                    qWarning("%s: reports outside Resources", describe(f).c_str());
            }
            for (const ResourceView &r : std::vector<ResourceView>(context.resources())) {
                const std::set<std::string, std::less<>> only{r.id};
                context.setFocus(&only);
                std::vector<Finding> focused = rule.run(context);
                context.setFocus(nullptr);
                std::vector<Finding> expected;
                std::copy_if(full.begin(), full.end(), std::back_inserter(expected), [&](const Finding &f) { return f.logicalId == r.id; });
                focused.erase(std::remove_if(focused.begin(), focused.end(), [&](const Finding &f) { return f.logicalId != r.id; }), focused.end());
                const std::string diff = difference(focused, expected);
                if (!diff.empty() && offenders.insert(rule.id).second)
                    qWarning("%s on %s alone: %s", rule.id.c_str(), r.id.c_str(), diff.c_str());
                ++checked;
            }
        }
    }
    QVERIFY(checked > 10000);
    QVERIFY2(offenders.empty(), "rules of resources that look beyond a resource and its neighbours (see above)");
}

void TestIncremental::followEdits(const Template &content, const std::string &name, unsigned seed, int steps)
{
    UndoableDocument document;
    document.reset(content, name);
    DocumentChange pending;
    QObject::connect(&document, &Document::changed, &document, [&](const DocumentChange &c) { pending.merge(c); });
    ValidateOptions options;
    options.today = kToday;
    IncrementalValidator incremental(options);
    incremental.validateAll(document.root(), document.positions());
    Editor editor(document, seed);
    int focused = 0;
    for (int i = 0; i < steps; ++i) {
        pending = {};
        const std::string what = editor.step();
        const std::vector<Finding> &mine = incremental.update(document.root(), document.positions(), pending);
        const std::vector<Finding> full = validate(document.root(), document.positions(), options);
        const std::string diff = difference(mine, full);
        QVERIFY2(diff.empty(), qPrintable(QString::fromStdString(name + " step " + std::to_string(i) + " (" + what + "): " + diff)));
        focused += incremental.lastWasFull() ? 0 : 1;
    }
    // Most steps re-check part of the template (an edit of Outputs or a reset would not).
    QVERIFY2(focused > steps / 2, qPrintable(QString::number(focused)));
}

void TestIncremental::followsRandomEditsOfTheExamples()
{
    unsigned seed = 11;
    for (const std::string &file : exampleFiles())
        followEdits(readTemplateFile(file), file, seed++, 40);
}

void TestIncremental::followsRandomEditsOfALargeTemplate()
{
    const std::string text = writeYaml(bench::makeTemplate(500));
    followEdits(readTemplate(text, "large.yaml"), "large.yaml", 7, 25);
}

void TestIncremental::propertyChangeRechecksOnlyNeighbours()
{
    // R7 is a Lambda function of the generated template: its neighbours are its role R4 and R6,
    // named in its environment; nothing references it.
    const std::string text = writeYaml(bench::makeTemplate(500));
    UndoableDocument document;
    document.reset(readTemplate(text, "large.yaml"));
    IncrementalValidator incremental;
    incremental.validateAll(document.root(), document.positions());
    DocumentChange change;
    QObject::connect(&document, &Document::changed, &document, [&](const DocumentChange &c) { change = c; });
    QVERIFY(document.setValue("/Resources/R7/Properties/Handler", "main.handler").ok);
    QCOMPARE(change.modified, std::set<std::string>{"R7"});
    QVERIFY(!change.graphChanged);
    incremental.update(document.root(), document.positions(), change);
    QVERIFY(!incremental.lastWasFull());
    QCOMPARE(incremental.lastFocus(), (std::set<std::string, std::less<>>{"R4", "R6", "R7"}));
}

namespace {

std::string describe(const Reference &r)
{
    return std::to_string(static_cast<int>(r.kind)) + " " + r.target + "." + r.attribute + " at " + r.pointer;
}

// The first difference between two contexts' references, all and by resource, and their
// intrinsic calls (the same nodes of the tree, in the same order, focused or not), or "".
std::string difference(RuleContext &kept, RuleContext &fresh)
{
    const auto describeUse = [](const IntrinsicUse &u) {
        return std::string(u.name) + " at " + u.pointer;
    };
    const auto sameUses = [&](const char *what) -> std::string {
        const std::vector<IntrinsicUse> &a = kept.intrinsicUses();
        const std::vector<IntrinsicUse> &b = fresh.intrinsicUses();
        for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
            if (i >= a.size() || i >= b.size() || a[i].node != b[i].node || a[i].name != b[i].name || a[i].pointer != b[i].pointer)
                return std::string(what) + " intrinsic " + std::to_string(i) + ": taken over "
                       + (i < a.size() ? describeUse(a[i]) : "(none)") + ", fresh " + (i < b.size() ? describeUse(b[i]) : "(none)");
        }
        return {};
    };
    if (std::string diff = sameUses("every"); !diff.empty())
        return diff;
    for (const ResourceView &r : std::vector<ResourceView>(fresh.resources())) {
        const std::set<std::string, std::less<>> only{r.id};
        kept.setFocus(&only);
        fresh.setFocus(&only);
        const std::string diff = sameUses(r.id.c_str());
        kept.setFocus(nullptr);
        fresh.setFocus(nullptr);
        if (!diff.empty())
            return diff;
    }
    for (std::size_t i = 0; i < std::max(kept.references().size(), fresh.references().size()); ++i) {
        const std::string a = i < kept.references().size() ? describe(kept.references()[i]) : "(none)";
        const std::string b = i < fresh.references().size() ? describe(fresh.references()[i]) : "(none)";
        if (a != b)
            return "reference " + std::to_string(i) + ": taken over " + a + ", fresh " + b;
    }
    for (const ResourceView &r : fresh.resources()) {
        const auto a = kept.referencesFrom(r.id);
        const auto b = fresh.referencesFrom(r.id);
        if (a.size() != b.size())
            return r.id + " makes " + std::to_string(a.size()) + " references taken over, " + std::to_string(b.size()) + " fresh";
        for (std::size_t k = 0; k < a.size(); ++k) {
            if (describe(a[k]) != describe(b[k]))
                return r.id + ": taken over " + describe(a[k]) + ", fresh " + describe(b[k]);
        }
    }
    return {};
}

} // namespace

void TestIncremental::takenOverReferencesMatchAFreshContext()
{
    std::vector<std::pair<std::string, Template>> documents;
    for (const std::string &file : exampleFiles())
        documents.emplace_back(file, readTemplateFile(file));
    documents.emplace_back("large.yaml", readTemplate(writeYaml(bench::makeTemplate(500)), "large.yaml"));
    unsigned seed = 31;
    for (const auto &entry : documents) {
        const std::string &name = entry.first;
        UndoableDocument document;
        document.reset(entry.second, name);
        DocumentChange pending;
        QObject::connect(&document, &Document::changed, &document, [&](const DocumentChange &c) { pending.merge(c); });
        ResourceReferences earlier = RuleContext(document.root(), document.positions()).takeResourceReferences();
        Editor editor(document, seed++);
        for (int i = 0; i < 30; ++i) {
            pending = {};
            const std::string what = editor.step();
            if (pending.reset || pending.otherSections) {
                earlier = RuleContext(document.root(), document.positions()).takeResourceReferences();
                continue;
            }
            prepareTakeOver(earlier, pending);
            RuleContext kept(document.root(), document.positions(), 0, std::move(earlier), touchedBy(pending));
            RuleContext fresh(document.root(), document.positions());
            const std::string diff = difference(kept, fresh);
            QVERIFY2(diff.empty(), qPrintable(QString::fromStdString(name + " step " + std::to_string(i) + " (" + what + "): " + diff)));
            earlier = kept.takeResourceReferences();
        }
    }
}

// The window validates after a pause, so one update can follow several edits. A resource removed
// and put back (undo), or renamed and renamed back, leaves the same resources in Resources, but
// putting one back rebuilds the mapping behind Resources and copies every other entry: none of
// their calls may be taken over from before.
void TestIncremental::takenOverCallsSurviveBatchedEdits()
{
    const std::string text = writeYaml(bench::makeTemplate(500));
    UndoableDocument document;
    document.reset(readTemplate(text, "large.yaml"));
    DocumentChange pending;
    QObject::connect(&document, &Document::changed, &document, [&](const DocumentChange &c) { pending.merge(c); });
    const std::vector<std::pair<std::string, std::function<void()>>> batches{
        {"remove R7, undo", [&] {
             document.removeResources({"R7"});
             document.undoStack()->undo();
         }},
        {"rename R12 to Renamed and back", [&] {
             QVERIFY(document.renameLogicalId("R12", "Renamed").ok);
             QVERIFY(document.renameLogicalId("Renamed", "R12").ok);
         }},
        {"remove R3 and R30, undo both", [&] {
             document.removeResources({"R3"});
             document.removeResources({"R30"});
             document.undoStack()->undo();
             document.undoStack()->undo();
         }},
    };
    ResourceReferences earlier = RuleContext(document.root(), document.positions()).takeResourceReferences();
    for (const auto &[what, edit] : batches) {
        pending = {};
        edit();
        prepareTakeOver(earlier, pending);
        RuleContext kept(document.root(), document.positions(), 0, std::move(earlier), touchedBy(pending));
        RuleContext fresh(document.root(), document.positions());
        const std::string diff = difference(kept, fresh);
        QVERIFY2(diff.empty(), qPrintable(QString::fromStdString(what + ": " + diff)));
        earlier = kept.takeResourceReferences();
    }
}

QTEST_GUILESS_MAIN(TestIncremental)
#include "tst_incremental.moc"
