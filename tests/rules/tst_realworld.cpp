// The real-world corpus (tests/data/realworld): one hundred public templates people deploy. Each
// one reads, survives JSON and YAML writing with the same tree, and gets no error-severity
// finding from the rules: these templates work, so an error would be a false alarm. SOURCES
// names every file's origin and a permissive licence. (The agreement with AWS's own validator
// on the same folder is the `aws_realworld_agreement` test.)

#include "model/rules/ruleregistry.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <map>
#include <set>

using namespace sc;

namespace {

QString corpusDir()
{
    return QStringLiteral(SC_SOURCE_DIR "/tests/data/realworld");
}

QStringList templates()
{
    return QDir(corpusDir()).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json")},
                                       QDir::Files, QDir::Name);
}

struct Source {
    std::string repository, path, commit, licence;
};

std::map<std::string, Source> sources()
{
    std::map<std::string, Source> out;
    QFile file(corpusDir() + QStringLiteral("/SOURCES"));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() == 5)
            out[f[0].toStdString()] = {f[1].toStdString(), f[2].toStdString(), f[3].toStdString(), f[4].toStdString()};
    }
    return out;
}

} // namespace

class TestRealWorld : public QObject {
    Q_OBJECT

private slots:
    void everyFileHasAPermissiveSource();
    void readsAndRoundTrips_data();
    void readsAndRoundTrips();
    void noErrorFindings_data() { readsAndRoundTrips_data(); }
    void noErrorFindings();
};

void TestRealWorld::everyFileHasAPermissiveSource()
{
    const QStringList files = templates();
    QVERIFY2(files.size() >= 60, qPrintable(QStringLiteral("%1 templates; the corpus holds at least 60").arg(files.size())));
    const std::map<std::string, Source> listed = sources();
    static const std::set<std::string> permissive{"Apache-2.0", "MIT", "MIT-0", "BSD-2-Clause", "BSD-3-Clause"};
    std::set<std::string> seen;
    for (const QString &f : files) {
        const auto it = listed.find(f.toStdString());
        QVERIFY2(it != listed.end(), qPrintable(f + QStringLiteral(" is not listed in SOURCES")));
        QVERIFY2(permissive.count(it->second.licence), qPrintable(f + QStringLiteral(": licence ")
                                                                  + QString::fromStdString(it->second.licence)));
        QCOMPARE(it->second.commit.size(), std::size_t(40));
        seen.insert(it->first);
    }
    for (const auto &[name, source] : listed)
        QVERIFY2(seen.count(name), (name + " is listed in SOURCES but missing").c_str());
}

void TestRealWorld::readsAndRoundTrips_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &f : templates())
        QTest::newRow(f.toUtf8().constData()) << QDir(corpusDir()).filePath(f);
}

void TestRealWorld::readsAndRoundTrips()
{
    QFETCH(QString, path);
    Template source;
    try {
        source = readTemplateFile(path.toStdString());
    } catch (const TemplateError &e) {
        QFAIL(e.what());
    }
    const std::string json = writeJson(source.root);
    const Template fromJson = readTemplate(json, "json", TemplateFormat::Json);
    QCOMPARE(QString::fromStdString(fromJson.root.dump()), QString::fromStdString(source.root.dump()));
    const std::string yaml = writeYaml(source.root);
    const Template fromYaml = readTemplate(yaml, "yaml", TemplateFormat::Yaml);
    QCOMPARE(QString::fromStdString(fromYaml.root.dump()), QString::fromStdString(source.root.dump()));
}

void TestRealWorld::noErrorFindings()
{
    QFETCH(QString, path);
    const Template t = readTemplateFile(path.toStdString());
    ValidateOptions options;
    options.minSeverity = Severity::Error;
    options.templateBytes = std::size_t(QFileInfo(path).size());
    QStringList errors;
    for (const Finding &f : validate(t, options))
        errors << QStringLiteral("%1:%2: %3 %4").arg(QFileInfo(path).fileName()).arg(f.line)
                      .arg(QString::fromStdString(f.ruleId), QString::fromStdString(f.message));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestRealWorld)
#include "tst_realworld.moc"
