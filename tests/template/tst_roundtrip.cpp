// Every template of tests/data/roundtrip survives YAML -> JSON -> YAML -> JSON with the same
// tree, and writing YAML twice gives the same bytes.

#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <QDir>
#include <QTest>

// Compares two trees by their JSON text, which also shows the difference on failure.
#define JCOMPARE(actual, expected) \
    QCOMPARE(QString::fromStdString(sc::Json(actual).dump()), QString::fromStdString(sc::Json(expected).dump()))

class TestRoundTrip : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(SC_SOURCE_DIR "/tests/data/roundtrip"));
        const QStringList files = dir.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml"),
                                                 QStringLiteral("*.json")},
                                                QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 30, "the round-trip folder should hold at least 30 templates");
        for (const QString &f : files)
            QTest::newRow(f.toUtf8().constData()) << dir.filePath(f);
    }

    void roundTrip()
    {
        QFETCH(QString, path);
        const sc::Template source = sc::readTemplateFile(path.toStdString());
        const std::string json1 = sc::writeJson(source.root);
        const sc::Template fromJson = sc::readTemplate(json1, "json1", sc::TemplateFormat::Json);
        JCOMPARE(fromJson.root, source.root);
        const std::string yaml1 = sc::writeYaml(fromJson.root);
        const sc::Template fromYaml = sc::readTemplate(yaml1, "yaml1", sc::TemplateFormat::Yaml);
        if (fromYaml.root != source.root) {
            qWarning("%s", yaml1.c_str());
            QCOMPARE(QString::fromStdString(fromYaml.root.dump(1)), QString::fromStdString(source.root.dump(1)));
        }
        const std::string json2 = sc::writeJson(fromYaml.root);
        QCOMPARE(QString::fromStdString(json2), QString::fromStdString(json1));
        const std::string yaml2 = sc::writeYaml(sc::readTemplate(json2, "json2").root);
        QCOMPARE(QString::fromStdString(yaml2), QString::fromStdString(yaml1));
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
