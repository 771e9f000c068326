// Every exporter accepts every template the reader accepts: each format of the registry over the
// round-trip data, the broken and adversarial corpora, the examples, the real-world corpus when
// present, and a table of odd but readable shapes (a resource that is null, a scalar, a list; a
// Resources section that is not a mapping; layout metadata of the wrong shape). Each output is
// checked to be what its format promises (re-readable template, well-formed SVG, a PNG image,
// a CDK project with its stack), not only that nothing threw.

#include "exporters/diagram/diagramexporter.h"
#include "exporters/exporterregistry.h"
#include "model/document/documentio.h"
#include "model/template/templateerror.h"
#include "model/template/templatereader.h"

#include <QDir>
#include <QDirIterator>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sc;

namespace {

// Shapes the reader accepts (CloudFormation's own validator would refuse most of them) that a
// writer could trip on by assuming a mapping, a string or a list.
const std::vector<std::pair<const char *, const char *>> kOddShapes{
    {"null-resource", "Resources:\n  A: ~\n  Q:\n    Type: AWS::SQS::Queue\n"},
    {"scalar-resource", "Resources:\n  A: 5\n  B: text\n  Q:\n    Type: AWS::SQS::Queue\n"},
    {"list-resource", "Resources:\n  A: [1, 2]\n  Q:\n    Type: AWS::SQS::Queue\n"},
    {"resources-list", "Resources: [1, {Type: AWS::SQS::Queue}]\n"},
    {"resources-scalar", "Resources: 7\n"},
    {"resources-null", "Resources: ~\n"},
    {"type-not-string", "Resources:\n  A:\n    Type: [AWS::SQS::Queue]\n  B:\n    Type: 5\n  C:\n    Type: ~\n"},
    {"properties-not-mapping",
     "Resources:\n  A:\n    Type: AWS::Lambda::Function\n    Properties: [1]\n"
     "  B:\n    Type: AWS::Lambda::Alias\n    Properties: text\n    UpdatePolicy: 5\n"},
    {"dependson-odd", "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    DependsOn: {x: 1}\n"
                      "  B:\n    Type: AWS::SQS::Queue\n    DependsOn: [A, 5, ~, [B]]\n"},
    {"intrinsics-odd",
     "Resources:\n  A:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: {Ref: [1]}\n"
     "      DelaySeconds: {Fn::GetAtt: 5}\n      Tags: [{Key: {Fn::Sub: [1, 2, 3]}, Value: {Fn::If: ~}}]\n"
     "      RedrivePolicy: {Fn::GetAtt: [A]}\n      KmsMasterKeyId: {Fn::Sub: '${A.Arn'}\n"},
    {"layout-odd", "Metadata:\n  StackCanvas: {layout: 5, positions: [1], nodes: {A: 5, B: {x: text, y: ~}}}\n"
                   "Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SNS::Topic\n"},
    {"layout-not-finite", "Metadata:\n  StackCanvas: {layout: {A: {x: .nan, y: .inf}, B: {x: -.inf, y: 3}}}\n"
                          "Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SNS::Topic\n"},
    {"control-characters", R"({"Resources": {"Q": {"Type": "AWS::SQS::Queue",
        "Properties": {"QueueName": "del\u007f c1\u0090 nel\u0085 bell\u0007 caf\u00e9"}}}})"},
    {"metadata-scalar", "Metadata: 5\nResources:\n  A:\n    Type: AWS::SQS::Queue\n"},
    {"outputs-odd", "Resources:\n  A:\n    Type: AWS::SQS::Queue\nOutputs: [1]\nParameters: 5\nConditions: ~\n"
                    "Mappings: [x]\nTransform: {x: 1}\n"},
    {"sam-alias-odd",
     "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Code: {ZipFile: x}, Tags: [5, {Key: 1}]}\n"
     "  Ver:\n    Type: AWS::Lambda::Version\n    Properties: {FunctionName: {Ref: Fn}}\n"
     "  Alias:\n    Type: AWS::Lambda::Alias\n"
     "    Properties: {FunctionName: {Ref: Fn}, FunctionVersion: {Fn::GetAtt: [Ver, Version]}, Name: live}\n"
     "    UpdatePolicy: {CodeDeployLambdaAliasUpdate: {ApplicationName: {Ref: App}, DeploymentGroupName: {Ref: Group}}}\n"
     "  App:\n    Type: AWS::CodeDeploy::Application\n"
     "  Group:\n    Type: AWS::CodeDeploy::DeploymentGroup\n"
     "    Properties: {ApplicationName: {Ref: App}, AlarmConfiguration: {Alarms: [5, ~]},\n"
     "                 AutoRollbackConfiguration: {Enabled: true, Events: [5]}, DeploymentConfigName: [1]}\n"},
    {"sam-alarms-odd",
     "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Code: {ZipFile: x}, Handler: 5}\n"
     "  Ver:\n    Type: AWS::Lambda::Version\n    Properties: {FunctionName: {Ref: Fn}}\n"
     "  Alias:\n    Type: AWS::Lambda::Alias\n"
     "    Properties: {FunctionName: {Ref: Fn}, FunctionVersion: {Fn::GetAtt: [Ver, Version]}, Name: 7}\n"
     "    UpdatePolicy: {CodeDeployLambdaAliasUpdate: {ApplicationName: {Ref: App}, DeploymentGroupName: {Ref: Group},\n"
     "                   BeforeAllowTrafficHook: [1]}}\n"
     "  App:\n    Type: AWS::CodeDeploy::Application\n"
     "  Group:\n    Type: AWS::CodeDeploy::DeploymentGroup\n"
     "    Properties: {ApplicationName: {Ref: App}, AlarmConfiguration: {Alarms: [5, ~, {Name: x}]},\n"
     "                 AutoRollbackConfiguration: 5}\n"},
    {"sam-alarm-configuration-scalar",
     "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: 5\n"
     "  Ver:\n    Type: AWS::Lambda::Version\n    Properties: {FunctionName: {Ref: Fn}}\n"
     "  Alias:\n    Type: AWS::Lambda::Alias\n"
     "    Properties: {FunctionName: {Ref: Fn}, FunctionVersion: {Fn::GetAtt: [Ver, Version]}}\n"
     "    UpdatePolicy: {CodeDeployLambdaAliasUpdate: {ApplicationName: {Ref: App}, DeploymentGroupName: {Ref: Group}}}\n"
     "  App:\n    Type: AWS::CodeDeploy::Application\n    Properties: [1]\n"
     "  Group:\n    Type: AWS::CodeDeploy::DeploymentGroup\n"
     "    Properties: {ApplicationName: {Ref: App}, AlarmConfiguration: 5, AutoRollbackConfiguration: {Events: 5}}\n"},
    {"sam-alias-scalar-policy",
     "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
     "  Ver:\n    Type: AWS::Lambda::Version\n    Properties: {FunctionName: {Ref: Fn}}\n"
     "  Alias:\n    Type: AWS::Lambda::Alias\n"
     "    Properties: {FunctionName: {Ref: Fn}, FunctionVersion: {Fn::GetAtt: Ver.Version}}\n"
     "    UpdatePolicy: {CodeDeployLambdaAliasUpdate: 5}\n"},
};

QStringList corpusFiles()
{
    QStringList files;
    for (const char *folder : {"examples", "tests/data/roundtrip", "tests/data/broken", "tests/data/adversarial",
                               "tests/data/realworld"}) {
        QDirIterator it(QStringLiteral(SC_SOURCE_DIR "/") + QLatin1String(folder),
                        {QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.json"), QStringLiteral("*.template")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

QString relative(const QString &path)
{
    return QDir(QStringLiteral(SC_SOURCE_DIR)).relativeFilePath(path);
}

// What each format promises, beyond "it did not fail".
QString checkOutput(const Exporter &exporter, const Document &document, const ExportResult &result)
{
    const std::string id = exporter.id();
    if (id == "cfn-yaml" || id == "cfn-json" || id == "sam") {
        Template back;
        try {
            back = readTemplate(std::string_view(result.bytes.constData(), static_cast<std::size_t>(result.bytes.size())),
                                "exported", id == "cfn-json" ? std::optional(TemplateFormat::Json) : std::nullopt);
        } catch (const TemplateError &e) {
            return QStringLiteral("the output does not read back: %1").arg(QString::fromUtf8(e.what()));
        }
        // CloudFormation's own formats are the template itself: every value keeps its meaning.
        if (id != "sam" && back.root != document.root())
            return QStringLiteral("the output reads back as another template:\n%1").arg(QString::fromUtf8(result.bytes));
    } else if (id == "svg") {
        QXmlStreamReader xml(result.bytes);
        while (!xml.atEnd())
            xml.readNext();
        if (xml.hasError())
            return QStringLiteral("malformed SVG: %1").arg(xml.errorString());
    } else if (id == "png") {
        if (QImage::fromData(result.bytes, "PNG").isNull())
            return QStringLiteral("not a PNG image");
    } else if (id == "cdk-ts") {
        if (result.files.empty())
            return QStringLiteral("no project files");
        bool stack = false;
        for (const auto &[name, bytes] : result.files)
            stack = stack || (bytes.contains("extends Stack") || bytes.contains("extends cdk.Stack"));
        if (!stack)
            return QStringLiteral("no stack class in the project");
    }
    return {};
}

void addRows(const QString &name, const QByteArray &text, const QString &path)
{
    for (const Exporter *exporter : ExporterRegistry::instance().all())
        QTest::newRow(qPrintable(name + QLatin1Char(' ') + QString::fromStdString(exporter->id())))
            << text << path << QString::fromStdString(exporter->id());
}

} // namespace

class TestExportAll : public QObject {
    Q_OBJECT

public:
    TestExportAll() { registerDiagramExporters(); }

private slots:
    void corpusIsThere()
    {
        // The sweep below is only as good as what it sweeps.
        QVERIFY2(corpusFiles().size() >= 100, qPrintable(QString::number(corpusFiles().size())));
    }

    void everyFormatAcceptsWhatTheReaderAccepts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("format");
        for (const QString &file : corpusFiles())
            addRows(relative(file), QByteArray(), file);
        for (const auto &[name, text] : kOddShapes)
            addRows(QLatin1String(name), QByteArray(text), QStringLiteral("%1.yaml").arg(QLatin1String(name)));
    }

    void everyFormatAcceptsWhatTheReaderAccepts()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, path);
        QFETCH(QString, format);
        Document document;
        try {
            if (text.isEmpty()) {
                openDocument(document, path.toStdString());
            } else {
                QTemporaryDir dir;
                const QString file = dir.filePath(path);
                QCOMPARE(writeFileAtomically(file, text), std::string());
                openDocument(document, file.toStdString());
            }
        } catch (const TemplateError &) {
            QSKIP("the reader refuses this file (with a position); nothing to export");
        }
        const Exporter *exporter = ExporterRegistry::instance().find(format.toStdString());
        QVERIFY(exporter);
        for (const bool serverless : {false, true}) {
            if (serverless && format != QLatin1String("sam"))
                continue;
            ExportOptions options;
            options.serverless = serverless;
            options.theme = serverless ? "dark" : "light";
            options.stackName = "Corpus";
            ExportResult result;
            try {
                result = exporter->write(document, options);
            } catch (const std::exception &e) {
                QFAIL(qPrintable(QStringLiteral("threw: %1").arg(QString::fromUtf8(e.what()))));
            }
            QVERIFY2(result.ok, result.error.c_str());
            const QString problem = checkOutput(*exporter, document, result);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    // Saved positions far apart: the SVG is written, the PNG is refused with the size it would
    // have had, never allocated or painted with overflowing coordinates.
    void pngRefusesARasterItCannotAllocate_data()
    {
        QTest::addColumn<QByteArray>("layout");
        QTest::addColumn<double>("scale");
        QTest::addColumn<QString>("message");
        QTest::newRow("far apart") << QByteArray("{A: {x: 0, y: 0}, B: {x: 1.0e300, y: 0}}") << 1.0
                                   << QStringLiteral("the diagram would be too many x 120 pixels");
        QTest::newRow("wide at scale 16") << QByteArray("{A: {x: 0, y: 0}, B: {x: 4000, y: 0}}") << 16.0
                                          << QStringLiteral("the diagram would be 68096 x 1920 pixels");
        QTest::newRow("square, too many pixels") << QByteArray("{A: {x: 0, y: 0}, B: {x: 20000, y: 20000}}") << 1.0
                                                 << QStringLiteral("the diagram would be 20256 x 20120 pixels");
    }

    void pngRefusesARasterItCannotAllocate()
    {
        QFETCH(QByteArray, layout);
        QFETCH(double, scale);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("far.yaml"));
        QCOMPARE(writeFileAtomically(file, "Metadata:\n  StackCanvas:\n    layout: " + layout
                                                + "\nResources:\n  A:\n    Type: AWS::SQS::Queue\n"
                                                  "  B:\n    Type: AWS::SNS::Topic\n"),
                 std::string());
        Document document;
        openDocument(document, file.toStdString());
        ExportOptions options;
        options.scale = scale;
        const ExportResult png = ExporterRegistry::instance().find("png")->write(document, options);
        QVERIFY(!png.ok);
        QVERIFY2(QString::fromStdString(png.error).startsWith(message), png.error.c_str());
        QVERIFY(png.bytes.isEmpty());
        QVERIFY(ExporterRegistry::instance().find("svg")->write(document, options).ok);
    }
};

QTEST_MAIN(TestExportAll)
#include "tst_exportall.moc"
