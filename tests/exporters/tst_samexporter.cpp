// sam --serverless on the Lambda canary example: the converted template, read back through our
// reader, must rehearse the same canary as the original (strategy, hooks, alarms, and the same
// simulated timeline), and the conversion must say what it did and what it left alone.

#include "exporters/exporterregistry.h"
#include "exporters/sam/serverlessconverter.h"
#include "model/document/documentio.h"
#include "model/rollout/scenariobuilder.h"
#include "model/rollout/simulator.h"
#include "model/template/templatereader.h"

#include <QtTest>

using namespace sc;

class TestSamExporter : public QObject {
    Q_OBJECT

private slots:
    void deploymentTypes()
    {
        QCOMPARE(QString::fromStdString(samDeploymentType("CodeDeployDefault.LambdaCanary10Percent5Minutes")),
                 QStringLiteral("Canary10Percent5Minutes"));
        QCOMPARE(QString::fromStdString(samDeploymentType("CodeDeployDefault.LambdaLinear10PercentEvery1Minute")),
                 QStringLiteral("Linear10PercentEvery1Minute"));
        QCOMPARE(QString::fromStdString(samDeploymentType("CodeDeployDefault.LambdaAllAtOnce")),
                 QStringLiteral("AllAtOnce"));
        QVERIFY(samDeploymentType("CodeDeployDefault.HalfAtATime").empty());
        QVERIFY(samDeploymentType("MyCustomConfig").empty());
    }

    void canaryKeepsItsRollout()
    {
        Document document;
        openDocument(document, SC_SOURCE_DIR "/examples/lambda-canary/template.yaml");
        ExportOptions options;
        options.serverless = true;
        const ExportResult result = ExporterRegistry::instance().find("sam")->write(document, options);
        QVERIFY(result.ok);
        QCOMPARE(result.notes.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(result.notes.back()),
                 QStringLiteral("sam: changed: DeploymentGroup's automatic rollback becomes SAM's (on failure, on alarm and on request)"));
        QCOMPARE(QString::fromStdString(result.notes.front()),
                 QStringLiteral("sam: converted: Function + FunctionVersion + LiveAlias + DeploymentGroup + "
                                "CodeDeployApplication -> AWS::Serverless::Function Function with AutoPublishAlias "
                                "and DeploymentPreference Canary10Percent5Minutes"));

        const Template converted = readTemplate(result.bytes.toStdString(), "converted.yaml");
        const Json &resources = converted.root["Resources"];
        QCOMPARE(QString::fromStdString(resources["Function"]["Type"].get<std::string>()),
                 QStringLiteral("AWS::Serverless::Function"));
        for (const char *gone : {"FunctionVersion", "LiveAlias", "DeploymentGroup", "CodeDeployApplication"})
            QVERIFY2(!resources.contains(gone), gone);
        QCOMPARE(QString::fromStdString(resources["LiveAliasUrl"]["Properties"]["TargetFunctionArn"].dump()),
                 QStringLiteral(R"({"Ref":"Function.Alias"})"));
        QCOMPARE(QString::fromStdString(converted.root["Transform"].dump()),
                 QStringLiteral(R"("AWS::Serverless-2016-10-31")"));

        const Scenario before = ScenarioBuilder(document.root()).build("LiveAlias");
        const Scenario after = ScenarioBuilder(converted.root).build("Function");
        QCOMPARE(QString::fromStdString(after.strategy.name), QStringLiteral("CodeDeployDefault.LambdaCanary10Percent5Minutes"));
        QVERIFY(after.strategy == before.strategy);
        QCOMPARE(after.hooks, before.hooks);
        QCOMPARE(after.hooks, (std::vector<std::string>{"BeforeAllowTraffic", "AfterAllowTraffic"}));
        QCOMPARE(after.alarms, before.alarms);
        QCOMPARE(after.alarms.size(), std::size_t(2));
        QCOMPARE(after.alarmsEnabled, before.alarmsEnabled);
        // SAM adds rollback on request (see the note); failure and alarm rollback are kept.
        QCOMPARE(after.rollback.enabled, before.rollback.enabled);
        QCOMPARE(after.rollback.onFailure, before.rollback.onFailure);
        QCOMPARE(after.rollback.onAlarm, before.rollback.onAlarm);
        QVERIFY(!before.rollback.onRequest && after.rollback.onRequest);

        const Timeline a = simulate(before);
        const Timeline b = simulate(after);
        QCOMPARE(b.result, a.result);
        QCOMPARE(b.metrics.durationSeconds, a.metrics.durationSeconds);
        QCOMPARE(b.events.size(), a.events.size());
        for (std::size_t i = 0; i < a.events.size(); ++i) {
            QCOMPARE(b.events[i].type, a.events[i].type);
            QCOMPARE(b.events[i].name, a.events[i].name);
            QCOMPARE(b.events[i].t, a.events[i].t);
        }
        QVERIFY(b.samples == a.samples);
    }

    void leavesAloneWhatItCannotConvert()
    {
        // A server deployment group is not a Lambda canary: nothing changes, and the note says why.
        const Json root = Json::parse(R"({"Resources": {
            "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "r", "Code": {"ZipFile": "x"}}},
            "Alias": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}, "FunctionVersion": "1", "Name": "live"}}}})");
        const ServerlessConversion c = convertToServerless(root);
        QCOMPARE(QString::fromStdString(c.root.dump()), QString::fromStdString(root.dump()));
        QCOMPARE(c.notes, (std::vector<std::string>{
            "left alone: alias Alias: it has no UpdatePolicy.CodeDeployLambdaAliasUpdate (nothing to deploy gradually)"}));
    }

    void withoutServerlessKeepsTheTemplate()
    {
        Document document;
        openDocument(document, SC_SOURCE_DIR "/examples/sam-canary-api/template.yaml");
        const ExportResult result = ExporterRegistry::instance().find("sam")->write(document, {});
        QVERIFY(result.ok);
        QCOMPARE(result.bytes, serialize(document, TemplateFormat::Yaml));
        QVERIFY(result.notes.empty());
    }
};

QTEST_GUILESS_MAIN(TestSamExporter)
#include "tst_samexporter.moc"
