// File → Export: every registry format is offered, each writes what the CLI would write,
// options reach the exporter, and a failed export reports why and leaves nothing behind.

#include "app/gui/exportcontroller.h"
#include "exporters/exporterregistry.h"
#include "model/document/document.h"
#include "model/document/documentio.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestExportController : public QObject {
    Q_OBJECT

    sc::Document m_document;

private slots:
    void initTestCase()
    {
        sc::openDocument(m_document, SC_SOURCE_DIR "/examples/lambda-canary/template.yaml");
    }

    void offersEveryRegisteredFormat()
    {
        sc::ExportController controller(&m_document);
        QStringList ids;
        for (const QVariant &f : controller.formats())
            ids << f.toMap().value(QStringLiteral("id")).toString();
        QStringList expected;
        for (const std::string &id : sc::ExporterRegistry::instance().ids())
            expected << QString::fromStdString(id);
        QCOMPARE(ids, expected);
        for (const char *id : {"cfn-yaml", "cfn-json", "sam", "cdk-ts", "svg", "png"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        QCOMPARE(controller.suggestedName(QStringLiteral("svg")), QStringLiteral("template-diagram.svg"));
        QCOMPARE(controller.suggestedName(QStringLiteral("cdk-ts")), QStringLiteral("template-cdk"));
    }

    void writesWhatTheCommandLineWrites()
    {
        QTemporaryDir dir;
        sc::ExportController controller(&m_document);
        const QString yaml = dir.filePath(QStringLiteral("out.yaml"));
        QCOMPARE(controller.exportTo(QStringLiteral("cfn-yaml"), QUrl::fromLocalFile(yaml).toString(), {}), QString());
        QFile file(yaml);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), sc::serialize(m_document, sc::TemplateFormat::Yaml));

        const QString png = dir.filePath(QStringLiteral("diagram.png"));
        QCOMPARE(controller.exportTo(QStringLiteral("png"), png, {{QStringLiteral("scale"), 0.5}}), QString());
        const QImage half(png);
        QVERIFY(!half.isNull());
        const QString png2 = dir.filePath(QStringLiteral("diagram2.png"));
        QCOMPARE(controller.exportTo(QStringLiteral("png"), png2, {{QStringLiteral("scale"), 1.0}}), QString());
        QCOMPARE(QImage(png2).width(), half.width() * 2);

        const QString project = dir.filePath(QStringLiteral("cdk"));
        QCOMPARE(controller.exportTo(QStringLiteral("cdk-ts"), project, {}), QString());
        QVERIFY(QFile::exists(project + QStringLiteral("/package.json")));
        QVERIFY(QFile::exists(project + QStringLiteral("/bin/app.ts")));

        const QString sam = dir.filePath(QStringLiteral("sam.yaml"));
        QCOMPARE(controller.exportTo(QStringLiteral("sam"), sam, {{QStringLiteral("serverless"), true}}), QString());
        QFile samFile(sam);
        QVERIFY(samFile.open(QIODevice::ReadOnly));
        QVERIFY(samFile.readAll().contains("AWS::Serverless::Function"));
        QVERIFY(!controller.notes().isEmpty()); // what was converted is reported
    }

    void failuresReportAndLeaveNothing()
    {
        QTemporaryDir dir;
        sc::ExportController controller(&m_document);
        QCOMPARE(controller.exportTo(QStringLiteral("docx"), dir.filePath(QStringLiteral("x")), {}),
                 QStringLiteral("unknown format 'docx'"));
        const QString bad = dir.filePath(QStringLiteral("missing/out.json"));
        const QString error = controller.exportTo(QStringLiteral("cfn-json"), bad, {});
        QVERIFY(error.startsWith(bad));
        QVERIFY(!QFile::exists(bad));
        QCOMPARE(controller.exportTo(QStringLiteral("png"), dir.filePath(QStringLiteral("y.png")), {{QStringLiteral("scale"), 0}}),
                 QStringLiteral("the scale must be between 0 and 16"));
    }
};

QTEST_MAIN(TestExportController)
#include "tst_exportcontroller.moc"
