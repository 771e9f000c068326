// `stackcanvas edit` on the command line: each option does its edit, -o leaves the input alone,
// no edit writes nothing (or copies the same bytes), and every error exits 2 with the file's
// line and column or the offending argument, leaving the file untouched.

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char *const kTemplate = "# A small stack.\n"
                              "Parameters:\n"
                              "  Stage: {Type: String}\n"
                              "Resources:\n"
                              "  Queue:\n"
                              "    Type: AWS::SQS::Queue   # the inbox\n"
                              "    Properties:\n"
                              "      DelaySeconds: 0\n"
                              "      Tags:\n"
                              "        - Key: team\n"
                              "          Value: core\n"
                              "  Fn:\n"
                              "    Type: AWS::Lambda::Function\n"
                              "    Properties:\n"
                              "      Timeout: 30\n"
                              "      Environment: {Variables: {QUEUE: !Ref Queue}}\n";

struct Run {
    int code;
    QString out;
    QString err;
};

class Fixture {
public:
    Fixture()
    {
        path = dir.filePath(QStringLiteral("stack.yaml"));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(kTemplate);
    }
    Run edit(const QStringList &args) const
    {
        QProcess p;
        p.start(QStringLiteral(SC_EXECUTABLE), QStringList{QStringLiteral("edit")} + args);
        p.waitForFinished(30000);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QByteArray text() const
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QTemporaryDir dir;
    QString path;
};

} // namespace

class TestEditCommand : public QObject {
    Q_OBJECT

private slots:
    void eachOptionEdits_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("removedLine");
        QTest::addColumn<QString>("addedLine");
        QTest::newRow("--set") << QStringList{QStringLiteral("--set"), QStringLiteral("Fn.Properties.Timeout=60")}
                               << QStringLiteral("      Timeout: 30") << QStringLiteral("      Timeout: 60");
        QTest::newRow("--set=") << QStringList{QStringLiteral("--set=Fn.Properties.Timeout=60")}
                                << QStringLiteral("      Timeout: 30") << QStringLiteral("      Timeout: 60");
        QTest::newRow("--set string") << QStringList{QStringLiteral("--set"), QStringLiteral("Queue.Properties.Tags.0.Value=\"edge\"")}
                                      << QStringLiteral("          Value: core") << QStringLiteral("          Value: edge");
        QTest::newRow("--set appends") << QStringList{QStringLiteral("--set"), QStringLiteral("Queue.Properties.Tags.1={\"Key\": \"a\", \"Value\": \"b\"}")}
                                       << QString() << QStringLiteral("        - Key: a");
        QTest::newRow("--unset") << QStringList{QStringLiteral("--unset"), QStringLiteral("Queue.Properties.DelaySeconds")}
                                 << QStringLiteral("      DelaySeconds: 0") << QString();
        QTest::newRow("--rename") << QStringList{QStringLiteral("--rename"), QStringLiteral("Queue=Inbox")}
                                  << QStringLiteral("  Queue:") << QStringLiteral("      Environment: {Variables: {QUEUE: !Ref Inbox}}");
        QTest::newRow("--add") << QStringList{QStringLiteral("--add"), QStringLiteral("Topic=AWS::SNS::Topic")}
                               << QString() << QStringLiteral("  Topic:");
        QTest::newRow("--remove") << QStringList{QStringLiteral("--remove"), QStringLiteral("Fn")}
                                  << QStringLiteral("  Fn:") << QString();
    }

    void eachOptionEdits()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, removedLine);
        QFETCH(QString, addedLine);
        Fixture f;
        const Run run = f.edit(QStringList{f.path} + args);
        QCOMPARE(run.code, 0);
        QCOMPARE(run.err, QString());
        const QStringList before = QString::fromUtf8(kTemplate).split(QLatin1Char('\n'));
        const QStringList after = QString::fromUtf8(f.text()).split(QLatin1Char('\n'));
        if (!removedLine.isEmpty())
            QVERIFY(!after.contains(removedLine));
        if (!addedLine.isEmpty())
            QVERIFY2(after.contains(addedLine), f.text().constData());
        // Comments and untouched lines stay.
        QVERIFY(after.contains(QStringLiteral("# A small stack.")));
        QCOMPARE(after.first(), before.first());
    }

    void editsApplyInTheOrderGiven()
    {
        Fixture f;
        const Run run = f.edit({f.path, QStringLiteral("--rename"), QStringLiteral("Queue=Inbox"), QStringLiteral("--set"),
                                QStringLiteral("Inbox.Properties.DelaySeconds=5")});
        QCOMPARE(run.code, 0);
        QVERIFY(f.text().contains("  Inbox:\n    Type: AWS::SQS::Queue   # the inbox\n    Properties:\n      DelaySeconds: 5\n"));
        // The other order fails: after the rename there is no Queue.
        Fixture g;
        const Run wrong = g.edit({g.path, QStringLiteral("--rename"), QStringLiteral("Queue=Inbox"), QStringLiteral("--set"),
                                  QStringLiteral("Queue.Properties.DelaySeconds=5")});
        QCOMPARE(wrong.code, 2);
        QCOMPARE(g.text(), QByteArray(kTemplate));
    }

    // A new key follows its siblings' spacing: after a literal block that ends in a blank line
    // it comes without one; among entries set apart by blank lines it gets one.
    void newKeyFollowsTheSiblingsSpacing()
    {
        const QByteArray source = "Resources:\n"
                                  "  Fn:\n"
                                  "    Type: AWS::Lambda::Function\n"
                                  "    Properties:\n"
                                  "      Code:\n"
                                  "        ZipFile: |\n"
                                  "          def handler(event, context):\n"
                                  "              return 1\n"
                                  "\n"
                                  "      Timeout: 30\n"
                                  "      Tags:\n"
                                  "        - Key: team\n"
                                  "          Value: core\n"
                                  "\n"
                                  "  Queue:\n"
                                  "    Type: AWS::SQS::Queue\n";
        Fixture f;
        QFile file(f.path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(source);
        file.close();
        const Run run = f.edit({f.path, QStringLiteral("--set"), QStringLiteral("Fn.Properties.MemorySize=512"),
                                QStringLiteral("--add"), QStringLiteral("Topic=AWS::SNS::Topic")});
        QCOMPARE(run.code, 0);
        QByteArray expected = source;
        expected.replace("          Value: core\n", "          Value: core\n      MemorySize: 512\n");
        expected += "\n  Topic:\n    Type: AWS::SNS::Topic\n"; // then the catalog's defaults
        QCOMPARE(f.text().left(expected.size()), expected);
    }

    void outputLeavesTheInputAlone()
    {
        Fixture f;
        const QString out = f.dir.filePath(QStringLiteral("out.yaml"));
        const Run run = f.edit({f.path, QStringLiteral("--set"), QStringLiteral("Fn.Properties.Timeout=60"), QStringLiteral("-o"), out});
        QCOMPARE(run.code, 0);
        QCOMPARE(f.text(), QByteArray(kTemplate));
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QByteArray(kTemplate).replace("Timeout: 30", "Timeout: 60"));
    }

    void noEditWritesNothingOrTheSameBytes()
    {
        Fixture f;
        const QDateTime before = QFileInfo(f.path).lastModified();
        QTest::qSleep(20);
        QCOMPARE(f.edit({f.path}).code, 0);
        QCOMPARE(QFileInfo(f.path).lastModified(), before); // not even rewritten
        const QString out = f.dir.filePath(QStringLiteral("copy.yaml"));
        QCOMPARE(f.edit({f.path, QStringLiteral("-o"), out}).code, 0);
        QFile copy(out);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), QByteArray(kTemplate));
    }

    void errorsNameTheArgumentOrThePlace_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, QStringList args, const char *message) {
            QTest::newRow(name) << args << QString::fromUtf8(message);
        };
        row("unknown logical ID", {QStringLiteral("--set"), QStringLiteral("Nope.Properties.X=1")},
            "stackcanvas: FILE: --set Nope.Properties.X=1: no resource 'Nope' in the template");
        row("path through a scalar", {QStringLiteral("--set"), QStringLiteral("Fn.Properties.Timeout.Value=1")},
            "stackcanvas: FILE:15:7: --set Fn.Properties.Timeout.Value=1: Timeout is a number, it has no 'Value'");
        row("index past the end", {QStringLiteral("--set"), QStringLiteral("Queue.Properties.Tags.5.Value=\"x\"")},
            "stackcanvas: FILE:9:7: --set Queue.Properties.Tags.5.Value=\"x\": Tags is a list of 1 item(s); '5' is not one of its indexes");
        row("value not JSON", {QStringLiteral("--set"), QStringLiteral("Fn.Properties.Runtime=python3.12")},
            "stackcanvas: FILE: --set Fn.Properties.Runtime=python3.12: the value is not JSON");
        row("set without a value", {QStringLiteral("--set"), QStringLiteral("Fn.Properties.Timeout")},
            "stackcanvas: FILE: --set Fn.Properties.Timeout: expected LOGICAL_ID.PATH=JSON");
        row("path without a property", {QStringLiteral("--set"), QStringLiteral("Fn=1")},
            "stackcanvas: FILE: --set Fn=1: expected LOGICAL_ID.PATH such as Fn.Properties.MemorySize");
        row("unset of nothing", {QStringLiteral("--unset"), QStringLiteral("Fn.Properties.MemorySize")},
            "stackcanvas: FILE:14:5: --unset Fn.Properties.MemorySize: nothing at Fn.Properties.MemorySize ('MemorySize' is not there)");
        row("rename onto a resource", {QStringLiteral("--rename"), QStringLiteral("Fn=Queue")},
            "stackcanvas: FILE:5:3: --rename Fn=Queue: the logical ID 'Queue' is already used");
        row("rename onto a parameter", {QStringLiteral("--rename"), QStringLiteral("Fn=Stage")},
            "stackcanvas: FILE:3:3: --rename Fn=Stage: the logical ID 'Stage' is already used");
        row("rename of nothing", {QStringLiteral("--rename"), QStringLiteral("Nope=Other")},
            "stackcanvas: FILE: --rename Nope=Other: no resource or parameter named 'Nope'");
        row("rename to an invalid ID", {QStringLiteral("--rename"), QStringLiteral("Fn=my-fn")},
            "stackcanvas: FILE: --rename Fn=my-fn: a logical ID has only letters A-Z, a-z and digits 0-9");
        row("rename without =", {QStringLiteral("--rename"), QStringLiteral("Fn")},
            "stackcanvas: FILE: --rename Fn: expected OLD=NEW");
        row("add an existing ID", {QStringLiteral("--add"), QStringLiteral("Queue=AWS::SQS::Queue")},
            "stackcanvas: FILE:5:3: --add Queue=AWS::SQS::Queue: the logical ID 'Queue' is already used");
        row("add without a type", {QStringLiteral("--add"), QStringLiteral("Topic")},
            "stackcanvas: FILE: --add Topic: expected LOGICAL_ID=TYPE such as Queue=AWS::SQS::Queue");
        row("remove of nothing", {QStringLiteral("--remove"), QStringLiteral("Nope")},
            "stackcanvas: FILE: --remove Nope: no resource 'Nope' in the template");
        row("output in another format", {QStringLiteral("-o"), QStringLiteral("out.json")},
            "stackcanvas: -o out.json: edit keeps the file's format (YAML); use stackcanvas export to convert");
        row("unknown option", {QStringLiteral("--frobnicate")}, "stackcanvas: edit: Unknown option 'frobnicate'.");
        row("option without its value", {QStringLiteral("--set")}, "stackcanvas: edit: Missing value after '--set'.");
        row("a later edit fails", {QStringLiteral("--set"), QStringLiteral("Fn.Properties.Timeout=60"), QStringLiteral("--remove"), QStringLiteral("Nope")},
            "stackcanvas: FILE: --remove Nope: no resource 'Nope' in the template");
    }

    void errorsNameTheArgumentOrThePlace()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        Fixture f;
        const Run run = f.edit(QStringList{f.path} + args);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.startsWith(message.replace(QStringLiteral("FILE"), f.path)), qPrintable(run.err));
        QCOMPARE(f.text(), QByteArray(kTemplate)); // nothing written
    }

    void fileErrors()
    {
        Fixture f;
        Run run = f.edit({});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains(QStringLiteral("edit needs a FILE")));
        run = f.edit({f.path, f.path});
        QCOMPARE(run.code, 2);
        const QString missing = f.dir.filePath(QStringLiteral("missing.yaml"));
        run = f.edit({missing, QStringLiteral("--set"), QStringLiteral("A.B=1")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.startsWith(missing + QStringLiteral(":1:1: cannot open file for reading")), qPrintable(run.err));
        const QString broken = f.dir.filePath(QStringLiteral("broken.yaml"));
        QFile b(broken);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("Resources:\n  Q: [a, b\n");
        b.close();
        run = f.edit({broken, QStringLiteral("--remove"), QStringLiteral("Q")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.startsWith(broken + QStringLiteral(":3:1: invalid YAML")), qPrintable(run.err));
    }

    void helpListsEveryOption()
    {
        Fixture f;
        const Run run = f.edit({QStringLiteral("--help")});
        QCOMPARE(run.code, 0);
        for (const char *option : {"--set", "--unset", "--rename", "--add", "--remove", "-o, --output"})
            QVERIFY2(run.out.contains(QLatin1String(option)), option);
    }
};

QTEST_GUILESS_MAIN(TestEditCommand)
#include "tst_editcommand.moc"
