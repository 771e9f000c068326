// Interrupted writes: `stackcanvas export -o OUT`, the window's save and its autosave are
// killed with SIGKILL at many moments while they work on a 5,000-resource template. After every
// kill the file is byte for byte the old one or the new one, nothing but the files themselves
// is left beside them once the next write has run, and a killed session's autosave is offered
// for recovery with a whole template in it.
//
// The save and the autosave run in a child process: this executable again, with
// SC_DURABILITY_CHILD set, driving the DocumentController that the window's File menu uses.

#include "../bench/benchtemplates.h"
#include "app/gui/documentcontroller.h"
#include "app/gui/recoverymanager.h"
#include "model/document/document.h"
#include "model/document/documentio.h"
#include "model/template/templatereader.h"
#include "model/undo/undoabledocument.h"
#include "model/template/templatewriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace sc;

namespace {

constexpr int kResources = 5000;
constexpr int kKills = 10; // per write path, spread from the start to past the end of a write

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Everything in `dir` that is not one of `expected`: temporaries, staging files, half files.
QStringList strayFiles(const QString &dir, const QStringList &expected)
{
    QStringList stray = QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : expected)
        stray.removeAll(name);
    return stray;
}

// ---- the child: the window's save or autosave on the controller, reporting its progress ----

void say(const char *line)
{
    std::printf("%s\n", line);
    std::fflush(stdout);
}

int runChild(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // recent files go to a test location
    const QByteArray mode = qgetenv("SC_DURABILITY_CHILD");
    const QString file = qEnvironmentVariable("SC_DURABILITY_FILE");
    UndoableDocument document;
    DocumentController controller(&document, nullptr, qEnvironmentVariable("SC_DURABILITY_RECOVERY"));
    if (!controller.openFile(file).isEmpty())
        return 3;
    if (mode == "save") {
        if (!document.addResource("AWS::SQS::Queue", QPointF(0, 0), "AddedBeforeSave").ok)
            return 3;
        say("ready");
        if (!controller.save().isEmpty())
            return 4;
        say("saved");
        return 0;
    }
    // autosave: one more resource, one autosave, again and again until killed.
    say("ready");
    for (int i = 1;; ++i) {
        if (!document.addResource("AWS::SQS::Queue", QPointF(0, 0), "Autosaved" + std::to_string(i)).ok
            || !controller.recovery()->autosaveNow())
            return 4;
        std::printf("autosaved %d\n", i);
        std::fflush(stdout);
    }
}

} // namespace

class TestDurability : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_big;     // the 5,000-resource template
    QByteArray m_bigBytes;

    // Starts the child or the CLI; returns once it says "ready" (the CLI: at once).
    bool start(QProcess &process, const QStringList &arguments, const QProcessEnvironment &env, bool waitReady)
    {
        process.setProcessEnvironment(env);
        process.start(arguments.isEmpty() ? QString() : arguments.front(), arguments.mid(1));
        if (!process.waitForStarted(10000))
            return false;
        if (!waitReady)
            return true;
        while (!process.canReadLine()) {
            if (!process.waitForReadyRead(60000))
                return false;
        }
        return process.readLine().trimmed() == "ready";
    }

    static void kill(QProcess &process)
    {
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        process.waitForFinished(10000);
    }

    QProcessEnvironment childEnvironment(const char *mode, const QString &file, const QString &recovery) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SC_DURABILITY_CHILD"), QLatin1String(mode));
        env.insert(QStringLiteral("SC_DURABILITY_FILE"), file);
        env.insert(QStringLiteral("SC_DURABILITY_RECOVERY"), recovery);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

    // Kills the write at moments spread over [0, 2 x the time a whole write takes] and checks
    // the file after each kill. `prepare` puts the old file in place; `launch` starts the writer.
    void killAtManyMoments(const QString &target, const QByteArray &oldBytes, const QByteArray &newBytes,
                           const std::function<void()> &prepare, const std::function<bool(QProcess &)> &launch,
                           qint64 wholeWriteMs, const QStringList &expectedFiles)
    {
        int sawOld = 0, sawNew = 0, staged = 0;
        for (int i = 0; i < kKills; ++i) {
            prepare();
            QProcess process;
            QVERIFY(launch(process));
            QTest::qSleep(static_cast<int>(2 * wholeWriteMs * i / (kKills - 1)));
            kill(process);
            const QByteArray now = readAll(target);
            QVERIFY2(now == oldBytes || now == newBytes,
                     qPrintable(QStringLiteral("kill %1: the file is neither the old nor the new one (%2 bytes)")
                                    .arg(i)
                                    .arg(now.size())));
            (now == oldBytes ? sawOld : sawNew)++;
            // The only thing a kill may leave is the writer's own staging file (the moment
            // between naming it and renaming it); the next write removes it.
            const QStringList stray = strayFiles(QFileInfo(target).absolutePath(), expectedFiles);
            for (const QString &name : stray)
                QVERIFY2(name.endsWith(QStringLiteral(".%1.stackcanvas-save").arg(process.processId())), qPrintable(name));
            staged += int(stray.size());
        }
        qInfo("%d kills: %d left the old file, %d the new one, %d left a staging file", kKills, sawOld, sawNew, staged);
        // The kills spanned the write: some before the new file replaced the old, some after.
        QVERIFY(sawOld > 0);
        QVERIFY(sawNew > 0);
        // A whole write afterwards leaves nothing but the file.
        prepare();
        QProcess process;
        QVERIFY(launch(process));
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(readAll(target), newBytes);
        QCOMPARE(strayFiles(QFileInfo(target).absolutePath(), expectedFiles), QStringList());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_big = m_dir.filePath(QStringLiteral("big.yaml"));
        m_bigBytes = QByteArray::fromStdString(writeYaml(bench::makeTemplate(kResources)));
        QCOMPARE(writeFileAtomically(m_big, m_bigBytes), std::string());
    }

    // The moment between naming the staging file and the rename is too short to hit by timing:
    // this places what a kill there leaves, and a write of a process that is still running.
    void stagingFilesOfKilledWritersAreRemoved()
    {
        const QString dir = m_dir.filePath(QStringLiteral("staging"));
        QVERIFY(QDir().mkpath(dir));
        QProcess finished;
        finished.start(QStringLiteral("sleep"), {QStringLiteral("0")});
        QVERIFY(finished.waitForStarted());
        const qint64 gone = finished.processId();
        QVERIFY(finished.waitForFinished());
        QProcess running;
        running.start(QStringLiteral("sleep"), {QStringLiteral("30")});
        QVERIFY(running.waitForStarted());
        const QString stale = QStringLiteral(".out.json.%1.stackcanvas-save").arg(gone);
        const QString otherStale = QStringLiteral(".autosave.yaml.%1.stackcanvas-save").arg(gone);
        const QString live = QStringLiteral(".out.json.%1.stackcanvas-save").arg(running.processId());
        const QStringList users{QStringLiteral("out.json.backup"), QStringLiteral("out.json.aB3dE9"),
                                QStringLiteral(".out.json.notapid.stackcanvas-save")};
        for (const QString &name : QStringList{stale, otherStale, live} + users) {
            QFile file(dir + QLatin1Char('/') + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x");
        }
        QVERIFY(writeFileAtomically(dir + QStringLiteral("/out.json"), "old").empty());
        QVERIFY(QFile::setPermissions(dir + QStringLiteral("/out.json"), QFile::ReadOwner | QFile::WriteOwner));

        QCOMPARE(writeFileAtomically(dir + QStringLiteral("/out.json"), "new"), std::string());
        QCOMPARE(readAll(dir + QStringLiteral("/out.json")), QByteArray("new"));
        const QFile::Permissions mode = QFile::permissions(dir + QStringLiteral("/out.json"));
        QVERIFY(mode.testFlag(QFile::ReadOwner) && !mode.testFlag(QFile::ReadGroup) && !mode.testFlag(QFile::ReadOther));
        QStringList left = strayFiles(dir, {QStringLiteral("out.json")});
        left.sort();
        QStringList expected = users + QStringList{live};
        expected.sort();
        QCOMPARE(left, expected); // both stale staging files went, the running writer's stays
        running.kill();
        running.waitForFinished();

        // Through a symbolic link: the file it names is replaced, the link stays a link.
        QVERIFY(QFile::link(dir + QStringLiteral("/out.json"), dir + QStringLiteral("/link.json")));
        QCOMPARE(writeFileAtomically(dir + QStringLiteral("/link.json"), "through"), std::string());
        QVERIFY(QFileInfo(dir + QStringLiteral("/link.json")).isSymLink());
        QCOMPARE(readAll(dir + QStringLiteral("/out.json")), QByteArray("through"));
    }

    void exportIsOldOrNew()
    {
        const QString outDir = m_dir.filePath(QStringLiteral("export"));
        QVERIFY(QDir().mkpath(outDir));
        const QString out = outDir + QStringLiteral("/out.json");
        const QByteArray oldBytes = "{\"Resources\": {}}\n";
        const QStringList arguments{QStringLiteral(SC_EXECUTABLE), QStringLiteral("export"), m_big,
                                    QStringLiteral("--to"), QStringLiteral("cfn-json"), QStringLiteral("-o"), out};
        const auto prepare = [&] { QVERIFY(writeFileAtomically(out, oldBytes).empty()); };
        const auto launch = [&](QProcess &p) { return start(p, arguments, QProcessEnvironment::systemEnvironment(), false); };

        // One whole export: the new bytes and how long a write takes.
        prepare();
        QElapsedTimer timer;
        timer.start();
        QProcess whole;
        QVERIFY(launch(whole));
        QVERIFY(whole.waitForFinished(120000));
        QCOMPARE(whole.exitCode(), 0);
        const qint64 wholeMs = timer.elapsed();
        const QByteArray newBytes = readAll(out);
        QVERIFY(newBytes.size() > 1000000);
        qInfo("one export of %d resources: %lld ms, %lld bytes", kResources, static_cast<long long>(wholeMs),
              static_cast<long long>(newBytes.size()));
        killAtManyMoments(out, oldBytes, newBytes, prepare, launch, wholeMs, {QStringLiteral("out.json")});
    }

    void windowSaveIsOldOrNew()
    {
        const QString dir = m_dir.filePath(QStringLiteral("save"));
        QVERIFY(QDir().mkpath(dir));
        const QString file = dir + QStringLiteral("/stack.yaml");
        const QString recovery = m_dir.filePath(QStringLiteral("save-recovery"));
        const QProcessEnvironment env = childEnvironment("save", file, recovery);
        const QStringList arguments{QCoreApplication::applicationFilePath()};
        const auto prepare = [&] { QVERIFY(writeFileAtomically(file, m_bigBytes).empty()); };
        const auto launch = [&](QProcess &p) { return start(p, arguments, env, true); };

        prepare();
        QProcess whole;
        QVERIFY(launch(whole));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(whole.waitForFinished(120000));
        QCOMPARE(whole.exitCode(), 0);
        const qint64 wholeMs = timer.elapsed();
        const QByteArray newBytes = readAll(file);
        QVERIFY(newBytes != m_bigBytes);
        QVERIFY(newBytes.contains("AddedBeforeSave:"));
        qInfo("one save of %d resources: %lld ms", kResources + 1, static_cast<long long>(wholeMs));
        killAtManyMoments(file, m_bigBytes, newBytes, prepare, launch, wholeMs, {QStringLiteral("stack.yaml")});
    }

    void killedAutosaveIsOffered()
    {
        const QString file = m_dir.filePath(QStringLiteral("autosaved.yaml"));
        QVERIFY(writeFileAtomically(file, m_bigBytes).empty());
        for (int i = 0; i < kKills / 2; ++i) { // five sessions, killed ever later in their autosaves
            const QString recovery = m_dir.filePath(QStringLiteral("recovery-%1").arg(i));
            QProcess process;
            QVERIFY(start(process, {QCoreApplication::applicationFilePath()}, childEnvironment("autosave", file, recovery), true));
            // Wait for a first whole autosave, then kill at a moment that moves through the next ones.
            int completed = 0;
            QElapsedTimer timer;
            timer.start();
            while (completed == 0) {
                QVERIFY(process.waitForReadyRead(60000));
                while (process.canReadLine())
                    completed = process.readLine().trimmed().mid(10).toInt();
            }
            QTest::qSleep(static_cast<int>(timer.elapsed() * i / 3));
            kill(process);
            while (process.canReadLine())
                completed = std::max(completed, process.readLine().trimmed().mid(10).toInt());

            // The next session offers what the killed one autosaved last (or the one it was
            // writing when it was killed, if that write had completed), as a whole template.
            UndoableDocument next;
            RecoveryManager manager(&next, recovery);
            QVERIFY2(manager.hasRecovery(), qPrintable(QStringLiteral("kill %1 after %2 autosaves").arg(i).arg(completed)));
            QCOMPARE(manager.recoveryPath(), file);
            QCOMPARE(manager.recover(), QString());
            const std::size_t resources = next.root()["Resources"].size();
            QVERIFY2(resources == std::size_t(kResources + completed) || resources == std::size_t(kResources + completed + 1),
                     qPrintable(QStringLiteral("%1 resources after %2 autosaves").arg(resources).arg(completed)));
            QVERIFY(next.isModified());
            // The recovery directory keeps only the new session's lock; a staging file of the
            // killed session goes with the next write into the directory.
            QVERIFY(manager.autosaveNow());
            for (const QString &name : strayFiles(recovery, {}))
                QVERIFY2(!name.endsWith(QLatin1String(".stackcanvas-save")), qPrintable(name));
        }
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("SC_DURABILITY_CHILD"))
        return runChild(argc, argv);
    QGuiApplication app(argc, argv);
    TestDurability test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_durability.moc"
