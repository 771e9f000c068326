// Limits that hold on hostile input: files, pipes and devices are read to at most one byte past
// the size limit, a FIFO nobody writes to is given up on, and the node budget counts every node
// of the tree (values and keys, tags and aliases) the same way in YAML and in JSON.

#include "model/template/templatereader.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

using sc::Json;

namespace {

sc::TemplateError fileFailure(const std::string &path, const sc::ReadLimits &limits = {})
{
    try {
        sc::readTemplateFile(path, limits);
    } catch (const sc::TemplateError &e) {
        return e;
    }
    return sc::TemplateError("", 0, 0, "no error");
}

sc::TemplateError textFailure(const std::string &text, const sc::ReadLimits &limits)
{
    try {
        sc::readTemplate(text, "bad", std::nullopt, limits);
    } catch (const sc::TemplateError &e) {
        return e;
    }
    return sc::TemplateError("", 0, 0, "no error");
}

// Nodes as the budget counts them: every value, and every key of a mapping.
std::size_t treeNodes(const Json &node)
{
    std::size_t n = 1;
    if (node.is_object()) {
        for (const auto &[key, value] : node.items())
            n += 1 + treeNodes(value);
    } else if (node.is_array()) {
        for (const Json &item : node)
            n += treeNodes(item);
    }
    return n;
}

} // namespace

class TestReadLimits : public QObject {
    Q_OBJECT

private slots:
    void endlessDeviceIsReadOnlyToTheLimit()
    {
        QElapsedTimer timer;
        timer.start();
        const sc::TemplateError e = fileFailure("/dev/zero");
        QCOMPARE(QString::fromStdString(e.message()),
                 QStringLiteral("file is more than 8388608 bytes; the limit is 8388608 bytes"));
        QCOMPARE(e.line(), 1);
        qInfo("/dev/zero refused after %lld ms", static_cast<long long>(timer.elapsed()));
    }

    void regularFileOverTheLimitIsRefusedBeforeReading()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100, ' ') + "A: 1\n");
        file.close();
        sc::ReadLimits limits;
        limits.maxFileBytes = 64;
        QCOMPARE(QString::fromStdString(fileFailure(path.toStdString(), limits).message()),
                 QStringLiteral("file is 105 bytes; the limit is 64 bytes"));
        limits.maxFileBytes = 105;
        QCOMPARE(sc::readTemplateFile(path.toStdString(), limits).root["A"].get<int>(), 1);
    }

    void fifoWithoutWriterIsGivenUp()
    {
        QTemporaryDir dir;
        const std::string fifo = dir.filePath(QStringLiteral("silent.yaml")).toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        sc::ReadLimits limits;
        limits.pipeIdleMs = 200;
        QElapsedTimer timer;
        timer.start();
        const sc::TemplateError e = fileFailure(fifo, limits);
        QCOMPARE(QString::fromStdString(e.message()),
                 QStringLiteral("nothing to read for 0.2 s (a pipe or FIFO with no writer?); giving up"));
        QVERIFY(timer.elapsed() >= 150);
    }

    void fifoWithWriterIsRead()
    {
        QTemporaryDir dir;
        const std::string fifo = dir.filePath(QStringLiteral("piped.yaml")).toStdString();
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        // The writer comes late and writes in two pieces.
        std::thread writer([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const int fd = ::open(fifo.c_str(), O_WRONLY);
            const std::string a = "Resources:\n  Q:\n";
            const std::string b = "    Type: AWS::SQS::Queue\n";
            [[maybe_unused]] auto n = ::write(fd, a.data(), a.size());
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            n = ::write(fd, b.data(), b.size());
            ::close(fd);
        });
        sc::ReadLimits limits;
        limits.pipeIdleMs = 5000;
        Json root;
        try {
            root = sc::readTemplateFile(fifo, limits).root;
        } catch (const sc::TemplateError &e) {
            writer.join();
            QFAIL(e.what());
        }
        writer.join();
        QCOMPARE(root["Resources"]["Q"]["Type"].get<std::string>(), std::string("AWS::SQS::Queue"));
    }

    void pipeOverTheLimitIsRefused()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        ::signal(SIGPIPE, SIG_IGN); // the writer learns that the reader gave up from write()
        std::thread writer([&] {
            const std::string chunk(4096, '#');
            for (int i = 0; i < 64; ++i) {
                if (::write(fds[1], chunk.data(), chunk.size()) < 0)
                    break; // the reader gave up and closed its end
            }
            ::close(fds[1]);
        });
        sc::ReadLimits limits;
        limits.maxFileBytes = 10000;
        const sc::TemplateError e = fileFailure("/dev/fd/" + std::to_string(fds[0]), limits);
        ::close(fds[0]);
        writer.join();
        QCOMPARE(QString::fromStdString(e.message()), QStringLiteral("file is more than 10000 bytes; the limit is 10000 bytes"));
    }

    void directoryIsRefused()
    {
        QTemporaryDir dir;
        const sc::TemplateError e = fileFailure(dir.path().toStdString());
        QCOMPARE(QString::fromStdString(e.message()), QStringLiteral("is a directory, not a template file"));
    }

    // The same tree in YAML and JSON is counted the same: accepted at exactly its node count,
    // refused one below.
    void bothReadersCountNodesAlike_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("flow sequence of scalars") << QByteArray("A: [1, b, null, true, 2.5]\n")
                                                  << QByteArray(R"({"A": [1, "b", null, true, 2.5]})");
        QTest::newRow("block mapping") << QByteArray("A:\n  x: 1\n  y:\n  z: [a]\n")
                                       << QByteArray(R"({"A": {"x": 1, "y": null, "z": ["a"]}})");
        QTest::newRow("short-form tags") << QByteArray("A: !Ref X\nB: !GetAtt R.Arn\nC: !Join ['', [a, !Ref B]]\n")
                                         << QByteArray(R"({"A": {"Ref": "X"}, "B": {"Fn::GetAtt": ["R", "Arn"]}, "C": {"Fn::Join": ["", ["a", {"Ref": "B"}]]}})");
        QTest::newRow("aliases") << QByteArray("A: &t {Team: core, Tags: [1, 2]}\nB: *t\nC: [*t, *t]\n")
                                 << QByteArray(R"({"A": {"Team": "core", "Tags": [1, 2]}, "B": {"Team": "core", "Tags": [1, 2]}, "C": [{"Team": "core", "Tags": [1, 2]}, {"Team": "core", "Tags": [1, 2]}]})");
        QTest::newRow("anchored scalar") << QByteArray("A: &s text\nB: [*s, *s]\n") << QByteArray(R"({"A": "text", "B": ["text", "text"]})");
    }

    void bothReadersCountNodesAlike()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QByteArray, json);
        const Json tree = sc::readTemplate(json.toStdString(), "t.json").root;
        QVERIFY(sc::readTemplate(yaml.toStdString(), "t.yaml").root == tree);
        sc::ReadLimits limits;
        limits.maxNodes = treeNodes(tree);
        QVERIFY(sc::readTemplate(yaml.toStdString(), "t.yaml", sc::TemplateFormat::Yaml, limits).root == tree);
        QVERIFY(sc::readTemplate(json.toStdString(), "t.json", sc::TemplateFormat::Json, limits).root == tree);
        limits.maxNodes -= 1;
        const std::string expected = "more than " + std::to_string(limits.maxNodes) + " nodes";
        QVERIFY(textFailure(yaml.toStdString(), limits).message().find(expected) != std::string::npos);
        QVERIFY(textFailure(json.toStdString(), limits).message().find(expected) != std::string::npos);
    }

    void longFlowSequenceOfScalarsIsRefusedAtTheBudget()
    {
        // A flow sequence of plain scalars used to slip past the budget: only keys and
        // containers were counted. Now the 999th item (node 1,002, after the root, the key and
        // the list) stops it, in both readers.
        std::string yaml = "A: [";
        std::string json = "{\"A\": [";
        for (int i = 0; i < 5000; ++i) {
            yaml += i ? ", x" : "x";
            json += i ? ", 1" : "1";
        }
        yaml += "]\n";
        json += "]}";
        sc::ReadLimits limits;
        limits.maxNodes = 1001;
        const sc::TemplateError y = textFailure(yaml, limits);
        QVERIFY2(y.message().find("more than 1001 nodes") != std::string::npos, y.what());
        QCOMPARE(y.line(), 1);
        QCOMPARE(y.column(), 5 + 3 * 998);
        const sc::TemplateError j = textFailure(json, limits);
        QVERIFY2(j.message().find("more than 1001 nodes") != std::string::npos, j.what());
        QCOMPARE(j.column(), 8 + 3 * 998);
    }
};

QTEST_GUILESS_MAIN(TestReadLimits)
#include "tst_readlimits.moc"
