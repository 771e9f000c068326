// The command-line contract of DESIGN §6, through the real executable: help, version, export,
// exit codes and FILE:LINE:COLUMN errors. Subcommands must run without a display or QML.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &arguments, bool withDisplayPlatform = false)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!withDisplayPlatform) {
        // No platform plugin at all: a subcommand that touched the GUI would fail here.
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    }
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SC_EXECUTABLE), arguments);
    process.waitForFinished(60000);
    // A crash (SIGABRT, SIGSEGV) is never an answer: report it as its own exit code.
    if (process.exitStatus() == QProcess::CrashExit)
        return {128 + process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

const QString kExample = QStringLiteral(SC_SOURCE_DIR "/examples/lambda-canary/template.yaml");

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    // Without DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM (a bare CI machine).
    void versionAndHelpNeedNoDisplay()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("StackCanvas " STACKCANVAS_VERSION));
        QCOMPARE(version.err, QString());
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Usage: stackcanvas [options] [FILE]\n")), qPrintable(help.out));
        for (const char *word : {"validate", "export", "simulate", "rules", "--screenshot", "--theme"})
            QVERIFY2(help.out.contains(QLatin1String(word)), word);
        QCOMPARE(run({QStringLiteral("-h")}).out, help.out);
    }

    void unknownCommandNamesItWithoutDisplay()
    {
        const Run r = run({QStringLiteral("frobnicate"), QStringLiteral("x.yaml")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("stackcanvas: 'frobnicate' is neither a command (export, validate, rules, simulate) "
                                       "nor a file; see stackcanvas --help\n"));
        const Run option = run({QStringLiteral("--frobnicate")});
        QCOMPARE(option.exitCode, 2);
        QCOMPARE(option.err, QStringLiteral("stackcanvas: Unknown option 'frobnicate'.\n"));
    }

    void windowWithoutDisplayIsOneLineAndExitTwo()
    {
        const Run r = run({kExample});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("stackcanvas: cannot open the window: no display (DISPLAY and WAYLAND_DISPLAY "
                                       "are unset); subcommands and --screenshot need no display\n"));
        // A display that is named but not there: Qt's platform plugin fails, still one line.
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":97"));
        env.insert(QStringLiteral("XAUTHORITY"), QStringLiteral("/nonexistent"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SC_EXECUTABLE), {kExample});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.startsWith(QStringLiteral("stackcanvas: cannot open the window: ")) && err.count(QLatin1Char('\n')) == 1,
                 qPrintable(err));
    }

    void screenshotNeedsNoDisplay()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run r = run({kExample, QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("640x400")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QImage(png).size(), QSize(640, 400));
    }

    void exportToStdoutIsTheTemplate()
    {
        const Run yaml = run({QStringLiteral("export"), kExample, QStringLiteral("--to"), QStringLiteral("cfn-yaml")});
        QCOMPARE(yaml.exitCode, 0);
        QVERIFY(yaml.out.startsWith(QStringLiteral("AWSTemplateFormatVersion: '2010-09-09'\n")));
        QVERIFY(yaml.out.contains(QStringLiteral("!GetAtt ")));
        const Run json = run({QStringLiteral("export"), kExample, QStringLiteral("--to"), QStringLiteral("cfn-json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(json.out.startsWith(QStringLiteral("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n")));
    }

    void exportWritesTheFileAtomically()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.json"));
        const Run ok = run({QStringLiteral("export"), kExample, QStringLiteral("--to"), QStringLiteral("cfn-json"), QStringLiteral("-o"), out});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(QFile::exists(out));
        QVERIFY(ok.out.isEmpty());

        // A destination that cannot be written: an error, exit 2, nothing half-written.
        const QString bad = dir.filePath(QStringLiteral("missing/dir/out.yaml"));
        const Run failed = run({QStringLiteral("export"), kExample, QStringLiteral("--to"), QStringLiteral("cfn-yaml"), QStringLiteral("-o"), bad});
        QCOMPARE(failed.exitCode, 2);
        QVERIFY(failed.err.contains(bad));
        QVERIFY(!QFile::exists(bad));
    }

    void badInputIsExitTwoWithPosition()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dup.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SNS::Topic\n");
        file.close();
        const Run r = run({QStringLiteral("export"), path, QStringLiteral("--to"), QStringLiteral("cfn-json")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), path + QStringLiteral(":4:3: duplicate key 'Q' (first defined at line 2); CloudFormation rejects duplicate keys"));
        QVERIFY(r.out.isEmpty());

        const Run missing = run({QStringLiteral("export"), dir.filePath(QStringLiteral("nope.yaml")), QStringLiteral("--to"), QStringLiteral("cfn-yaml")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("nope.yaml:1:1: cannot open file for reading")));
    }

    void badUsageIsExitTwo()
    {
        const Run noFormat = run({QStringLiteral("export"), kExample});
        QCOMPARE(noFormat.exitCode, 2);
        QVERIFY(noFormat.err.startsWith(QStringLiteral("stackcanvas: export needs --to FORMAT")));
        const Run unknown = run({QStringLiteral("export"), kExample, QStringLiteral("--to"), QStringLiteral("docx")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.startsWith(QStringLiteral("stackcanvas: unknown format 'docx'")));
        const Run option = run({QStringLiteral("export"), QStringLiteral("--frobnicate")});
        QCOMPARE(option.exitCode, 2);
    }

    void guiRefusesAnUnreadableFileWithPosition()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"Resources\": [1,\n}\n");
        file.close();
        const Run r = run({path, QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))}, true);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(":3:1: invalid JSON")), qPrintable(r.err));
    }

    void screenshotRendersTheWindow()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run r = run({kExample, QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("900x600")}, true);
        QCOMPARE(r.exitCode, 0);
        QImage image(png);
        QCOMPARE(image.size(), QSize(900, 600));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
