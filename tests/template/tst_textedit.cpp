// Text-preserving saves, golden by golden: every template of tests/data/textedit (comments in
// every position, flow and block styles, every quoting style, folded and literal blocks, CRLF,
// JSON with its own indentation) with its table of edits (edits.json), each run through
// `stackcanvas edit` and compared byte for byte with expected/NAME. The same edits made in the
// process through the Document give the same bytes, and undoing them gives back the original
// bytes. SC_REGENERATE_GOLDENS=1 rewrites the expected files (tests/data/textedit/regenerate.sh).

#include "model/document/documentio.h"
#include "model/undo/undoabledocument.h"
#include "model/document/editrecorder.h"
#include "model/template/templatereader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using sc::Json;

namespace {

const QString kRoot = QStringLiteral(SC_SOURCE_DIR "/tests/data/textedit");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The case's input file, as a path: its own template.yaml|json, or the real-world template its
// template.source names (one file name of tests/data/realworld, used as it is published).
QString inputOf(const QString &caseDir)
{
    const QString source = caseDir + QStringLiteral("/template.source");
    if (QFileInfo::exists(source))
        return QStringLiteral(SC_SOURCE_DIR "/tests/data/realworld/") + QString::fromUtf8(readAll(source).trimmed());
    const QStringList inputs = QDir(caseDir).entryList({QStringLiteral("template.*")}, QDir::Files);
    return inputs.isEmpty() ? QString() : caseDir + QLatin1Char('/') + inputs.front();
}

QString expectedOf(const QString &caseDir, const QString &edit)
{
    const QString suffix = QFileInfo(inputOf(caseDir)).suffix();
    return caseDir + QStringLiteral("/expected/") + edit + QLatin1Char('.') + suffix;
}

// The edits.json of a case, in file order: name -> {args, note}.
QJsonObject editsOf(const QString &caseDir)
{
    return QJsonDocument::fromJson(readAll(caseDir + QStringLiteral("/edits.json"))).object();
}

QStringList argsOf(const QJsonObject &edit)
{
    QStringList args;
    for (const QJsonValue &a : edit.value(QStringLiteral("args")).toArray())
        args << a.toString();
    return args;
}

// The edit options applied through the Document intents directly, as the window makes them.
bool applyInProcess(sc::Document &doc, const QStringList &args, QString &error)
{
    const auto pointerOf = [](const QString &dotted) {
        std::string pointer = "/Resources";
        for (const QString &part : dotted.split(QLatin1Char('.')))
            pointer = sc::SourceMap::join(pointer, part.toStdString());
        return pointer;
    };
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        const QString option = args[i];
        const QString value = args[i + 1];
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        sc::EditResult result;
        if (option == QLatin1String("--set")) {
            const std::string pointer = pointerOf(value.left(eq));
            const Json parsed = Json::parse(value.mid(eq + 1).toStdString());
            std::string parent, token;
            sc::tree::splitPointer(pointer, parent, token);
            const Json *list = sc::tree::find(doc.root(), parent);
            if (list && list->is_array() && !sc::tree::find(doc.root(), pointer))
                result = doc.edit("append", [&](sc::EditRecorder &r, std::string &) {
                    r.insertItem(parent, parsed);
                    return true;
                });
            else
                result = doc.setValue(pointer, parsed);
        } else if (option == QLatin1String("--unset")) {
            result = doc.removeValue(pointerOf(value));
        } else if (option == QLatin1String("--rename")) {
            result = doc.renameLogicalId(value.left(eq).toStdString(), value.mid(eq + 1).toStdString());
        } else if (option == QLatin1String("--add")) {
            result = doc.addResource(value.mid(eq + 1).toStdString(), {}, value.left(eq).toStdString(), false);
        } else if (option == QLatin1String("--remove")) {
            result = doc.removeResources({value.toStdString()});
        }
        if (!result) {
            error = QString::fromStdString(result.error);
            return false;
        }
    }
    return true;
}

} // namespace

class TestTextEdit : public QObject {
    Q_OBJECT

private slots:
    void goldens_data()
    {
        QTest::addColumn<QString>("caseDir");
        QTest::addColumn<QString>("edit");
        const QStringList cases = QDir(kRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(cases.size() >= 5);
        for (const QString &c : cases) {
            const QJsonObject edits = editsOf(kRoot + QLatin1Char('/') + c);
            for (const QString &name : edits.keys())
                QTest::newRow(QStringLiteral("%1/%2").arg(c, name).toUtf8().constData()) << kRoot + QLatin1Char('/') + c << name;
        }
    }

    // `stackcanvas edit` writes exactly the expected text.
    void goldens()
    {
        QFETCH(QString, caseDir);
        QFETCH(QString, edit);
        const QString input = inputOf(caseDir);
        const QJsonObject spec = editsOf(caseDir).value(edit).toObject();
        QTemporaryDir dir;
        const QString work = dir.filePath(QFileInfo(input).fileName());
        QVERIFY(QFile::copy(input, work));
        QProcess p;
        p.start(QStringLiteral(SC_EXECUTABLE), QStringList{QStringLiteral("edit"), work} + argsOf(spec));
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(err));
        const QString note = spec.value(QStringLiteral("note")).toString();
        if (note.isEmpty())
            QVERIFY2(err.isEmpty(), qPrintable(err)); // made in place, nothing to say
        else
            QVERIFY2(err.contains(note), qPrintable(err));
        const QString expectedPath = expectedOf(caseDir, edit);
        const QByteArray actual = readAll(work);
        if (qEnvironmentVariableIsSet("SC_REGENERATE_GOLDENS")) {
            QDir().mkpath(caseDir + QStringLiteral("/expected"));
            QFile out(expectedPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(actual);
            return;
        }
        QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(readAll(expectedPath)));
    }

    // The window's path (Document intents, then the save's rendering) gives the same bytes, and
    // undoing every step gives back the original bytes without a write in between.
    void windowPathMatchesAndUndoRestores_data() { goldens_data(); }

    void windowPathMatchesAndUndoRestores()
    {
        QFETCH(QString, caseDir);
        QFETCH(QString, edit);
        const QString input = inputOf(caseDir);
        const QByteArray original = readAll(input);
        sc::UndoableDocument doc;
        sc::openDocument(doc, input.toStdString());
        QString error;
        QVERIFY2(applyInProcess(doc, argsOf(editsOf(caseDir).value(edit).toObject()), error), qPrintable(error));
        QVERIFY(doc.checkConsistency().empty());
        const sc::SaveText edited = sc::renderForSave(doc, doc.format());
        QCOMPARE(QString::fromStdString(edited.bytes), QString::fromUtf8(readAll(expectedOf(caseDir, edit))));
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        const sc::SaveText undone = sc::renderForSave(doc, doc.format());
        QCOMPARE(undone.mode, sc::SaveMode::Unchanged);
        QVERIFY(QByteArray::fromStdString(undone.bytes) == original);
    }

    void unmodifiedSaveWritesTheSameBytes_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &c : QDir(kRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(c.toUtf8().constData()) << inputOf(kRoot + QLatin1Char('/') + c);
    }

    void unmodifiedSaveWritesTheSameBytes()
    {
        QFETCH(QString, path);
        QTemporaryDir dir;
        const QString copy = dir.filePath(QFileInfo(path).fileName());
        sc::UndoableDocument doc;
        sc::openDocument(doc, path.toStdString());
        sc::SaveReport report;
        QVERIFY(sc::saveDocument(doc, copy.toStdString(), &report).empty());
        QCOMPARE(report.mode, sc::SaveMode::Unchanged);
        QVERIFY(readAll(copy) == readAll(path));
    }

    // Every template of the real-world corpus, as published: saved unmodified it is the same
    // bytes; a rename of its first resource and a new key on its last are made in place (no
    // whole rewrite), the result reads back as the edited tree, and only the lines the edits are
    // about differ: the renamed ID's lines and the one new line.
    void realWorldTemplatesAreEditedInPlace_data()
    {
        QTest::addColumn<QString>("path");
        const QDir corpus(QStringLiteral(SC_SOURCE_DIR "/tests/data/realworld"));
        const QStringList files = corpus.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml"),
                                                    QStringLiteral("*.json"), QStringLiteral("*.template")},
                                                   QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 60);
        for (const QString &f : files)
            QTest::newRow(f.toUtf8().constData()) << corpus.filePath(f);
    }

    void realWorldTemplatesAreEditedInPlace()
    {
        QFETCH(QString, path);
        const QByteArray original = readAll(path);
        sc::UndoableDocument doc;
        sc::openDocument(doc, path.toStdString());
        QCOMPARE(sc::renderForSave(doc, doc.format()).mode, sc::SaveMode::Unchanged);
        const Json *resources = sc::tree::find(doc.root(), "/Resources");
        // The first and the last plain resources (an Fn::ForEach entry is a list, not one).
        std::string first, last;
        bool hadPolicy = false;
        QVERIFY(resources && resources->is_object());
        for (const auto &[id, resource] : resources->items()) {
            if (!resource.is_object() || !resource.contains("Type"))
                continue;
            if (first.empty())
                first = id;
            last = id;
            hadPolicy = resource.contains("UpdateReplacePolicy");
        }
        if (first.empty())
            QSKIP("only Fn::ForEach entries, no plain resource to rename");
        const std::string renamed = first + "Renamed";
        QVERIFY(doc.renameLogicalId(first, renamed).ok);
        const std::string target = last == first ? renamed : last;
        // A new key, or (where the resource has one) a changed value on its line.
        QVERIFY(doc.setValue(sc::SourceMap::join(sc::SourceMap::join("/Resources", target), "UpdateReplacePolicy"),
                             hadPolicy ? "Snapshot" : "Retain").ok);
        const sc::SaveText saved = sc::renderForSave(doc, doc.format());
        QVERIFY2(saved.mode == sc::SaveMode::Patched, saved.note.c_str());
        QVERIFY(sc::readTemplate(saved.bytes, "saved", doc.format()).root == doc.root());
        // Line by line: the new text is the old one with one line added and only lines that
        // mention the old ID changed (a line added at the very end of a file that had no final
        // line break ends with one).
        const auto lines = [](QByteArray text) {
            if (text.endsWith('\n'))
                text.chop(1);
            return text.split('\n');
        };
        const QList<QByteArray> before = lines(original);
        const QList<QByteArray> after = lines(QByteArray::fromStdString(saved.bytes));
        QCOMPARE(after.size(), before.size() + (hadPolicy ? 0 : 1));
        qsizetype i = 0, j = 0, inserted = 0;
        while (i < before.size() && j < after.size()) {
            const QByteArray was = before[i].endsWith('\r') ? before[i].chopped(1) : before[i];
            const bool commaAdded = doc.format() == sc::TemplateFormat::Json && after[j].startsWith(was + ',');
            // The last line of a CRLF file with no final line break gets its CRLF when a line
            // is added after it.
            const bool breakAdded = i == before.size() - 1 && after[j] == was + '\r';
            if (before[i] == after[j] || commaAdded || breakAdded || before[i].contains(first.c_str())
                || (hadPolicy && before[i].contains("UpdateReplacePolicy"))) {
                ++i;
                ++j;
            } else {
                QVERIFY2(after[j].contains("UpdateReplacePolicy") && ++inserted == 1, after[j].constData());
                ++j;
            }
        }
        QVERIFY(inserted <= 1);
    }

    void editSaveUndoSaveGivesBackTheFile()
    {
        // A scalar edit saved, then undone and saved again: the file is what it was.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("template.yaml"));
        QVERIFY(QFile::copy(kRoot + QStringLiteral("/commented-yaml/template.yaml"), path));
        const QByteArray original = readAll(path);
        sc::UndoableDocument doc;
        sc::openDocument(doc, path.toStdString());
        QVERIFY(doc.setValue("/Resources/OrdersFunction/Properties/MemorySize", 1024).ok);
        QVERIFY(doc.renameLogicalId("OrdersQueue", "Inbox").ok);
        sc::SaveReport report;
        QVERIFY(sc::saveDocument(doc, path.toStdString(), &report).empty());
        QCOMPARE(report.mode, sc::SaveMode::Patched);
        QVERIFY(report.written);
        QVERIFY(readAll(path) != original);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QVERIFY(sc::saveDocument(doc, path.toStdString(), &report).empty());
        QCOMPARE(report.mode, sc::SaveMode::Patched);
        QCOMPARE(QString::fromUtf8(readAll(path)), QString::fromUtf8(original));
        // Redo and undo again around the saved state: saving the saved state writes nothing.
        doc.undoStack()->redo();
        doc.undoStack()->undo();
        QVERIFY(sc::saveDocument(doc, path.toStdString(), &report).empty());
        QVERIFY(!report.written);
    }

    void editThatCannotBeMadeInPlaceRewritesAndSaysSo()
    {
        // Editing an anchored value would change its aliases too: the read-back catches it and
        // the file is written anew, meaning exactly the tree.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("template.yaml"));
        QVERIFY(QFile::copy(kRoot + QStringLiteral("/anchors-yaml/template.yaml"), path));
        sc::UndoableDocument doc;
        sc::openDocument(doc, path.toStdString());
        QVERIFY(doc.setValue("/Resources/First/Properties/Tags/0/Value", "platform").ok);
        sc::SaveReport report;
        QVERIFY(sc::saveDocument(doc, path.toStdString(), &report).empty());
        QCOMPARE(report.mode, sc::SaveMode::Rewritten);
        QVERIFY2(report.note.find("could not be made in place") != std::string::npos, report.note.c_str());
        const sc::Template back = sc::readTemplateFile(path.toStdString());
        QVERIFY(back.root == doc.root());
        QCOMPARE(back.root["Resources"]["Second"]["Properties"]["Tags"][0]["Value"].get<std::string>(), std::string("core"));
        // The next save starts from the rewritten text, and edits it in place again.
        QVERIFY(doc.setValue("/Resources/Second/Properties/DelaySeconds", 5).ok);
        QVERIFY(sc::saveDocument(doc, path.toStdString(), &report).empty());
        QCOMPARE(report.mode, sc::SaveMode::Patched);
    }

    void positionsFollowTheTextAsItWillBeSaved()
    {
        sc::UndoableDocument doc;
        sc::openDocument(doc, (kRoot + QStringLiteral("/commented-yaml/template.yaml")).toStdString());
        const int before = doc.positions().exact("/Resources/OrdersRole").line;
        QVERIFY(doc.setValue("/Resources/OrdersFunction/Properties/ReservedConcurrentExecutions", 5).ok);
        // One line inserted above OrdersRole, nothing else moved.
        QCOMPARE(doc.positions().exact("/Resources/OrdersRole").line, before + 1);
        QCOMPARE(doc.positions().exact("/Resources/DeadLetters").line, 22);
    }

    void savingToAnotherFormatWritesItAnew()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("out.json"));
        sc::UndoableDocument doc;
        sc::openDocument(doc, (kRoot + QStringLiteral("/commented-yaml/template.yaml")).toStdString());
        sc::SaveReport report;
        QVERIFY(sc::saveDocument(doc, json.toStdString(), &report).empty());
        QCOMPARE(report.mode, sc::SaveMode::Rewritten);
        QVERIFY(report.note.empty()); // a conversion is asked for, not a fallback
        QCOMPARE(doc.format(), sc::TemplateFormat::Json);
        QVERIFY(sc::readTemplateFile(json.toStdString()).root == doc.root());
        // A JSON file with another extension stays JSON.
        QCOMPARE(sc::formatForSave("stack.template", sc::TemplateFormat::Json), sc::TemplateFormat::Json);
        QCOMPARE(sc::formatForSave("stack.yml", sc::TemplateFormat::Json), sc::TemplateFormat::Yaml);
    }
};

QTEST_GUILESS_MAIN(TestTextEdit)
#include "tst_textedit.moc"
