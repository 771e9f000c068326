// The command-line contract of DESIGN §6, through the real executable: help, version, export,
// exit codes and FILE:LINE:COLUMN errors. Subcommands must run without a display or QML.

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

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
    // Relative output paths in the tables land in a scratch directory, never in the source tree.
    static QTemporaryDir scratch;
    process.setWorkingDirectory(scratch.path());
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
        QCOMPARE(r.err, QStringLiteral("stackcanvas: 'frobnicate' is neither a command (export, validate, rules, simulate, edit, lessons, whatif, quiz) "
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
        QVERIFY2(err.startsWith(QStringLiteral("stackcanvas: cannot open the window")) && err.count(QLatin1Char('\n')) == 1,
                 qPrintable(err));
    }

    // A subcommand that draws nothing loads Qt Core only: no Qt Gui, Qml or Quick library is
    // mapped (the dynamic loader lists every library it opens). A diagram export does load
    // Qt Gui, which shows the listing sees it.
    void headlessCommandsLoadNoGuiLibrary_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("draws");
        QTest::newRow("validate") << QStringList{QStringLiteral("validate"), kExample} << false;
        QTest::newRow("export cdk-ts") << QStringList{QStringLiteral("export"), kExample, QStringLiteral("--to"), QStringLiteral("cdk-ts")} << false;
        QTest::newRow("simulate") << QStringList{QStringLiteral("simulate"), kExample, QStringLiteral("--target"), QStringLiteral("DeploymentGroup")} << false;
        QTest::newRow("rules") << QStringList{QStringLiteral("rules")} << false;
        QTest::newRow("quiz") << QStringList{QStringLiteral("quiz"), QStringLiteral("--topic"), QStringLiteral("1")} << false;
        QTest::newRow("export svg") << QStringList{QStringLiteral("export"), kExample, QStringLiteral("--to"), QStringLiteral("svg")} << true;
    }
    void headlessCommandsLoadNoGuiLibrary()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, draws);
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SC_EXECUTABLE), arguments);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        const QString loaderLog = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(loaderLog.contains(QStringLiteral("libQt6Core.so")), "the loader's listing is missing");
        for (const QString &library : {QStringLiteral("libQt6Gui.so"), QStringLiteral("libQt6Qml.so"), QStringLiteral("libQt6Quick.so")}) {
            if (draws && library != QStringLiteral("libQt6Gui.so"))
                continue;
            QVERIFY2(loaderLog.contains(library) == draws, qPrintable(arguments.join(QLatin1Char(' ')) + QStringLiteral(": ") + library));
        }
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

    // Exporting again into the same place writes only the files whose bytes change: the others
    // keep their inode and time stamp (a rewrite replaces the file, so the inode would change).
    void aRepeatedExportWritesOnlyWhatChanged()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("orders.yaml"));
        QVERIFY(QFile::copy(kExample, source));
        const QString project = dir.filePath(QStringLiteral("app"));
        const QStringList exportProject{QStringLiteral("export"), source, QStringLiteral("--to"), QStringLiteral("cdk-ts"),
                                        QStringLiteral("-o"), project};
        QCOMPARE(run(exportProject).exitCode, 0);
        const QStringList files{QStringLiteral("README.md"), QStringLiteral("bin/app.ts"), QStringLiteral("cdk.json"),
                                QStringLiteral("lib/orders-stack.ts"), QStringLiteral("package.json"), QStringLiteral("tsconfig.json")};
        const auto inodes = [&] {
            QMap<QString, ino_t> out;
            for (const QString &f : files) {
                struct stat st {};
                if (::stat(QFile::encodeName(project + QLatin1Char('/') + f).constData(), &st) == 0)
                    out[f] = st.st_ino;
            }
            return out;
        };
        const QMap<QString, ino_t> first = inodes();
        QCOMPARE(first.size(), files.size());

        QCOMPARE(run(exportProject).exitCode, 0);
        QCOMPARE(inodes(), first);

        // One more output (the last section of the example): only the stack's source changes.
        QFile edit(source);
        QVERIFY(edit.open(QIODevice::Append));
        edit.write("  ExtraNote:\n    Value: extra\n");
        edit.close();
        QCOMPARE(run(exportProject).exitCode, 0);
        const QMap<QString, ino_t> second = inodes();
        for (const QString &f : files)
            QVERIFY2((second[f] != first[f]) == (f == QStringLiteral("lib/orders-stack.ts")), qPrintable(f));
        QFile stack(project + QStringLiteral("/lib/orders-stack.ts"));
        QVERIFY(stack.open(QIODevice::ReadOnly));
        QVERIFY(stack.readAll().contains("new cdk.CfnOutput(this, 'ExtraNote'"));

        // A file changed by hand, even to another text of the same length, is written again.
        QFile readme(project + QStringLiteral("/README.md"));
        QVERIFY(readme.open(QIODevice::ReadWrite));
        const QByteArray original = readme.readAll();
        readme.seek(0);
        readme.write(QByteArray(original).replace('#', '*'));
        readme.close();
        QCOMPARE(run(exportProject).exitCode, 0);
        QVERIFY(inodes()[QStringLiteral("README.md")] != second[QStringLiteral("README.md")]);
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QCOMPARE(readme.readAll(), original);

        // A single-file export too.
        const QString json = dir.filePath(QStringLiteral("out.json"));
        const QStringList exportJson{QStringLiteral("export"), source, QStringLiteral("--to"), QStringLiteral("cfn-json"),
                                     QStringLiteral("-o"), json};
        QCOMPARE(run(exportJson).exitCode, 0);
        struct stat before {};
        QCOMPARE(::stat(QFile::encodeName(json).constData(), &before), 0);
        QCOMPARE(run(exportJson).exitCode, 0);
        struct stat after {};
        QCOMPARE(::stat(QFile::encodeName(json).constData(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino);
    }

    // A template that comes through a named pipe is read once, by the command: nothing else
    // may open the pipe (the catalog's look-ahead reads regular files only).
    void aTemplateThroughANamedPipeReadsAsTheFile_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("validate") << QStringList{QStringLiteral("validate")};
        QTest::newRow("export cdk-ts") << QStringList{QStringLiteral("export"), QStringLiteral("--to"), QStringLiteral("cdk-ts")};
    }

    void aTemplateThroughANamedPipeReadsAsTheFile()
    {
        QFETCH(QStringList, arguments);
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("template.yaml"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QFile example(kExample);
        QVERIFY(example.open(QIODevice::ReadOnly));
        const QByteArray text = example.readAll();

        QProcess process;
        process.start(QStringLiteral(SC_EXECUTABLE), QStringList{arguments.front(), fifo} + arguments.mid(1));
        QVERIFY(process.waitForStarted());
        QFile pipe(fifo);
        QVERIFY(pipe.open(QIODevice::WriteOnly)); // waits for the reader
        QCOMPARE(pipe.write(text), text.size());
        pipe.close();
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        const QString viaPipe = QString::fromUtf8(process.readAllStandardOutput());

        const Run direct = run(QStringList{arguments.front(), kExample} + arguments.mid(1));
        QCOMPARE(process.exitCode(), direct.exitCode);
        QVERIFY(!direct.out.isEmpty());
        QCOMPARE(viaPipe, QString(direct.out).replace(kExample, fifo));
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

    // Every subcommand (simulate has its own tests) with missing, extra, empty, repeated and
    // malformed arguments: exit 2 and one line that names the argument at fault, never a crash.
    void badUsageNamesTheArgument_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const char *const e = "EXAMPLE"; // replaced by the example template's path
        const auto row = [](const char *name, std::initializer_list<const char *> words, const char *message) {
            QStringList arguments;
            for (const char *word : words)
                arguments << (qstrcmp(word, "EXAMPLE") == 0 ? kExample : QString::fromUtf8(word));
            QTest::newRow(name) << arguments << QString::fromUtf8(message);
        };
        row("export no FILE", {"export"}, "export needs a FILE (see stackcanvas export --help)");
        row("export two FILEs", {"export", e, "extra.yaml", "--to", "cfn-yaml"}, "export takes one FILE; unexpected argument 'extra.yaml'");
        row("export empty FILE", {"export", "", "--to", "cfn-yaml"}, "export: a FILE argument is empty");
        row("export no --to", {"export", e}, "export needs --to FORMAT, one of cfn-yaml, cfn-json, sam, cdk-ts, svg, png");
        row("export --to without value", {"export", e, "--to"}, "export: Missing value after '--to'.");
        row("export unknown format", {"export", e, "--to", "docx"}, "unknown format 'docx'; use one of cfn-yaml, cfn-json, sam, cdk-ts, svg, png");
        row("export --to twice", {"export", e, "--to", "cfn-yaml", "--to=cfn-json"}, "export: --to is given more than once");
        row("export -o twice", {"export", e, "--to", "cfn-yaml", "-o", "a", "--output", "b"}, "export: -o is given more than once");
        row("export empty -o", {"export", e, "--to", "cfn-yaml", "-o", ""}, "export: -o needs a file name");
        row("export unknown option", {"export", e, "--frobnicate"}, "export: Unknown option 'frobnicate'.");
        row("export --scale not png", {"export", e, "--to", "svg", "--scale", "2"}, "--scale applies to --to png only");
        row("export --theme not diagram", {"export", e, "--to", "cfn-json", "--theme", "dark"}, "--theme applies to --to svg or png only");
        row("export --serverless not sam", {"export", e, "--to", "cdk-ts", "--serverless"}, "--serverless applies to --to sam only");
        row("export --scale word", {"export", e, "--to", "png", "--scale", "big"}, "--scale takes a number above 0 and at most 16, not 'big'");
        row("export --scale zero", {"export", e, "--to", "png", "--scale", "0"}, "--scale takes a number above 0 and at most 16, not '0'");
        row("export --scale nan", {"export", e, "--to", "png", "--scale", "nan"}, "--scale takes a number above 0 and at most 16, not 'nan'");
        row("export --scale huge", {"export", e, "--to", "png", "--scale", "1e308"}, "--scale takes a number above 0 and at most 16, not '1e308'");
        row("export --theme word", {"export", e, "--to", "svg", "--theme", "blue"}, "--theme takes light or dark, not 'blue'");
        row("validate no FILE", {"validate"}, "validate needs at least one FILE (see stackcanvas validate --help)");
        row("validate empty FILE", {"validate", e, ""}, "validate: a FILE argument is empty");
        row("validate bad format", {"validate", e, "--format", "xml"}, "--format takes text, json or sarif, not 'xml'");
        row("validate format twice", {"validate", e, "--format", "json", "--format", "text"}, "validate: --format is given more than once");
        row("validate bad severity", {"validate", e, "--min-severity", "fatal"}, "--min-severity takes error, warning or info, not 'fatal'");
        row("validate no severity", {"validate", e, "--min-severity"}, "validate: Missing value after '--min-severity'.");
        row("rules extra", {"rules", "x.yaml"}, "rules takes no FILE; unexpected argument 'x.yaml'");
        row("rules bad format", {"rules", "--format", "html"}, "--format takes markdown or json, not 'html'");
        row("rules unknown option", {"rules", "-x"}, "rules: Unknown option 'x'.");
        row("edit no FILE", {"edit"}, "edit needs a FILE (see stackcanvas edit --help)");
        row("edit two FILEs", {"edit", e, "extra.yaml"}, "edit takes one FILE; unexpected argument 'extra.yaml'");
        row("edit empty FILE", {"edit", "", "--set", "A.B=1"}, "edit: a FILE argument is empty");
        row("edit -o twice", {"edit", e, "-o", "a.yaml", "--output", "b.yaml"}, "edit: -o is given more than once");
        row("edit empty -o", {"edit", e, "-o", ""}, "edit: -o needs a file name");
        row("edit --set without value", {"edit", e, "--set"}, "edit: Missing value after '--set'.");
        row("edit unknown option", {"edit", e, "--frobnicate"}, "edit: Unknown option 'frobnicate'.");
        row("lessons two IDs", {"lessons", "a", "b"}, "lessons takes at most one lesson ID; unexpected argument 'b'");
        row("lessons unknown ID", {"lessons", "nosuch"}, "no lesson 'nosuch' (stackcanvas lessons lists them)");
        row("lessons format twice", {"lessons", "--format", "json", "--format", "text"}, "lessons: --format is given more than once");
        row("lessons bad format", {"lessons", "--format", "xml"}, "--format takes text or json, not 'xml'");
        row("quiz extra", {"quiz", "x.yaml"}, "quiz takes no FILE; unexpected argument 'x.yaml'");
        row("quiz topic twice", {"quiz", "--topic", "1", "--topic", "2"}, "quiz: --topic is given more than once");
        row("quiz topic zero", {"quiz", "--topic", "0"}, "--topic takes a topic number from 1 to 8");
        row("quiz topic word", {"quiz", "--topic", "abc"}, "--topic takes a topic number from 1 to 8");
        row("quiz topic without value", {"quiz", "--topic"}, "quiz: Missing value after '--topic'.");
        row("quiz unknown lesson", {"quiz", "--lesson", "nosuch"}, "no lesson 'nosuch' (stackcanvas lessons lists them)");
        row("whatif no KIND", {"whatif"}, "whatif needs a KIND: deletion, stackset, runcommand, drift or import");
        row("whatif unknown KIND", {"whatif", "explode"}, "unknown what-if 'explode' (deletion, stackset, runcommand, drift or import)");
        row("whatif no FILE", {"whatif", "deletion"}, "whatif deletion takes exactly one FILE");
        row("whatif two FILEs", {"whatif", "drift", e, e}, "whatif drift takes exactly one FILE");
        row("whatif empty FILE", {"whatif", "import", ""}, "whatif: the FILE argument is empty");
        row("whatif runcommand FILE", {"whatif", "runcommand", "x.yaml"}, "whatif runcommand takes no FILE; unexpected argument 'x.yaml'");
        row("whatif flag of another kind", {"whatif", "deletion", e, "--accounts", "3"}, "--accounts does not apply to the deletion what-if");
        row("whatif target twice", {"whatif", "stackset", e, "--target", "A", "--target", "B"}, "whatif: --target is given more than once");
        row("whatif bad format", {"whatif", "drift", e, "--format", "x"}, "--format takes text or json, not 'x'");
        row("whatif unknown option", {"whatif", "import", e, "--frob"}, "whatif: Unknown option 'frob'.");
        row("window two FILEs", {e, e}, "open one FILE at a time");
        row("window bad theme", {e, "--theme", "blue"}, "--theme takes light or dark");
        row("window bad size", {e, "--screenshot", "x.png", "--size", "10x10"}, "--size takes WxH from 200x200 to 8000x8000, for example 1600x1000");
        row("window size word", {e, "--screenshot", "x.png", "--size", "big"}, "--size takes WxH from 200x200 to 8000x8000, for example 1600x1000");
        row("window screenshot without value", {"--screenshot"}, "Missing value after '--screenshot'.");
        // The headless rehearsal picture: the target, the moment and the strategies are checked
        // before any window exists (the example's canary runs 360 s).
        row("rehearse unknown target", {e, "--screenshot", "x.png", "--rehearse", "Nope"},
            "--rehearse Nope: no resource \"Nope\" in the template");
        row("rehearse time past the end", {e, "--screenshot", "x.png", "--rehearse", "DeploymentGroup", "--at", "361"},
            "--at 361 is past the end of the rehearsal of DeploymentGroup (360 s)");
        row("rehearse negative time", {e, "--screenshot", "x.png", "--rehearse", "DeploymentGroup", "--at", "-1"},
            "--at takes a number of seconds from 0");
        row("rehearse time without target", {e, "--screenshot", "x.png", "--at", "30"}, "--at needs --rehearse LOGICAL_ID");
        row("rehearse unknown strategy to compare", {e, "--screenshot", "x.png", "--rehearse", "DeploymentGroup", "--compare", "Bogus"},
            "--compare Bogus: strategy \"Bogus\" is not known for a Lambda target; use CodeDeployDefault.Lambda* names, SAM "
            "names such as Canary10Percent5Minutes, AllAtOnce, canary:PERCENT:MINUTES or linear:PERCENT:MINUTES");
        row("rehearse four strategies to compare", {e, "--screenshot", "x.png", "--rehearse", "DeploymentGroup", "--compare", "AllAtOnce",
            "--compare", "Linear10PercentEvery1Minute", "--compare", "Canary10Percent15Minutes", "--compare", "Linear10PercentEvery3Minutes"},
            "--compare: at most three strategies beside the rehearsed one");
    }

    void badUsageNamesTheArgument()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run r = run(arguments);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("stackcanvas: ") + message + QLatin1Char('\n'));
        QCOMPARE(r.out, QString());
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("export") << "export" << "--to <FORMAT>";
        QTest::newRow("validate") << "validate" << "--min-severity <SEVERITY>";
        QTest::newRow("rules") << "rules" << "--format <FORMAT>";
        QTest::newRow("edit") << "edit" << "--set <ID.PATH=JSON>";
        QTest::newRow("lessons") << "lessons" << "--format <FORMAT>";
        QTest::newRow("quiz") << "quiz" << "--topic <N>";
        QTest::newRow("whatif") << "whatif" << "--target <LOGICAL_ID>";
    }

    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        QFETCH(QString, mentions);
        for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run r = run({command, flag});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: stackcanvas %1 [options]").arg(command)), qPrintable(r.out));
            QVERIFY2(r.out.contains(mentions), qPrintable(r.out));
            QCOMPARE(r.err, QString());
        }
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
