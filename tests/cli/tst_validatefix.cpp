// `stackcanvas validate` and its one-click fixes through the real executable: every finding with
// a fix names it in --format json ("fix": label); --fix applies them all through the document's
// undo commands, writes in place (or to -o OUT) atomically, and reports what remains; bad use of
// -o exits 2 naming the argument.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run run(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SC_EXECUTABLE), arguments);
    process.waitForFinished(60000);
    const int code = process.exitStatus() == QProcess::CrashExit ? 128 + process.exitCode() : process.exitCode();
    return {code, process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
}

// An unused parameter (W2009), a misspelt property (E3001), a redundant DependsOn (I2013), a
// misspelt attribute (E2003), and a problem without an unambiguous fix: an Auto Scaling group
// with no launch source (E3006).
const QByteArray kTemplate = R"(AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Unused: {Type: String}
  Name: {Type: String}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Name
      VisibilityTimout: 30
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: Queue
    Properties:
      DisplayName: !GetAtt Queue.QueueNam
  Fleet:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      AvailabilityZones: [us-east-1a, us-east-1b]
)";

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QByteArray read(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QJsonArray findingsOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object()[QStringLiteral("files")].toArray()[0].toObject()[QStringLiteral("findings")].toArray();
}

} // namespace

class TestValidateFix : public QObject {
    Q_OBJECT

private slots:
    void jsonNamesEachFix()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("t.yaml"), kTemplate);
        const Run r = run({QStringLiteral("validate"), path, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 1);
        QMap<QString, QString> fixes; // rule -> fix label ("" when none)
        for (const QJsonValue &v : findingsOf(r.out))
            fixes[v[QStringLiteral("rule")].toString()] = v.toObject().contains(QStringLiteral("fix"))
                                                              ? v[QStringLiteral("fix")].toString() : QString();
        QCOMPARE(fixes.value(QStringLiteral("W2009")), QStringLiteral("Remove unused parameter Unused"));
        QCOMPARE(fixes.value(QStringLiteral("E3001")), QStringLiteral("Rename VisibilityTimout to VisibilityTimeout"));
        QCOMPARE(fixes.value(QStringLiteral("E2003")), QStringLiteral("Use Queue.QueueName"));
        QCOMPARE(fixes.value(QStringLiteral("I2013")), QStringLiteral("Remove the redundant DependsOn Queue of Topic"));
        QVERIFY(fixes.contains(QStringLiteral("E3006")));
        QCOMPARE(fixes.value(QStringLiteral("E3006")), QString()); // no unambiguous fix: no "fix" key
    }

    void fixInPlaceThenReportWhatRemains()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("t.yaml"), kTemplate);
        const Run r = run({QStringLiteral("validate"), path, QStringLiteral("--fix")});
        QCOMPARE(r.exitCode, 1); // E3006 (no launch source) has no fix and remains
        const QString out = QString::fromUtf8(r.out);
        for (const char *label : {"Remove unused parameter Unused", "Rename VisibilityTimout to VisibilityTimeout",
                                  "Remove the redundant DependsOn Queue of Topic", "Use Queue.QueueName"})
            QVERIFY2(out.contains(path + QStringLiteral(": fixed: ") + QString::fromLatin1(label)), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("error E3006")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("E3001")) && !out.contains(QStringLiteral("W2009")), qPrintable(out));
        const QByteArray fixed = read(path);
        QVERIFY(fixed.contains("VisibilityTimeout: 30"));
        QVERIFY(fixed.contains("!GetAtt Queue.QueueName"));
        QVERIFY(!fixed.contains("Unused"));
        QVERIFY(!fixed.contains("DependsOn"));
        QVERIFY(fixed.contains("Name:")); // the used parameter stays
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary file left beside it

        // A second run finds nothing more to fix and leaves the file as it is.
        const Run again = run({QStringLiteral("validate"), path, QStringLiteral("--fix")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(!QString::fromUtf8(again.out).contains(QStringLiteral(": fixed: ")));
        QCOMPARE(read(path), fixed);
    }

    void fixToOutputLeavesTheSourceAlone()
    {
        QTemporaryDir dir;
        const QByteArray json = R"({"Parameters": {"Unused": {"Type": "String"}},
 "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"DelaySeconds": 5}}}})";
        const QString path = write(dir, QStringLiteral("t.json"), json);
        const QString outPath = dir.filePath(QStringLiteral("fixed.json"));
        const Run r = run({QStringLiteral("validate"), path, QStringLiteral("--fix"), QStringLiteral("-o"), outPath,
                           QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(read(path), json);
        const QJsonObject fixed = QJsonDocument::fromJson(read(outPath)).object(); // JSON in, JSON out
        QVERIFY(!fixed[QStringLiteral("Parameters")].toObject().contains(QStringLiteral("Unused")));
        const QJsonObject file = QJsonDocument::fromJson(r.out).object()[QStringLiteral("files")].toArray()[0].toObject();
        QCOMPARE(file[QStringLiteral("fixed")].toArray().first().toString(), QStringLiteral("Remove unused parameter Unused"));
        QVERIFY(file[QStringLiteral("findings")].toArray().isEmpty());
    }

    void outputNeedsFixAndOneFile()
    {
        QTemporaryDir dir;
        const QString a = write(dir, QStringLiteral("a.yaml"), kTemplate);
        const QString b = write(dir, QStringLiteral("b.yaml"), kTemplate);
        Run r = run({QStringLiteral("validate"), a, QStringLiteral("-o"), dir.filePath(QStringLiteral("o.yaml"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("-o is only used with --fix")), qPrintable(r.err));
        r = run({QStringLiteral("validate"), a, b, QStringLiteral("--fix"), QStringLiteral("-o"), dir.filePath(QStringLiteral("o.yaml"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("-o takes the fixed template of one FILE, not 2")), qPrintable(r.err));
        QCOMPARE(read(a), kTemplate);
    }

    void unwritableOutputIsAnErrorAndNothingIsHalfWritten()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("t.yaml"), kTemplate);
        const QString target = dir.filePath(QStringLiteral("missing/folder/out.yaml"));
        const Run r = run({QStringLiteral("validate"), path, QStringLiteral("--fix"), QStringLiteral("-o"), target});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(target + QStringLiteral(":1:1: cannot write the fixed template")), qPrintable(r.err));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(read(path), kTemplate);
    }
};

QTEST_GUILESS_MAIN(TestValidateFix)
#include "tst_validatefix.moc"
