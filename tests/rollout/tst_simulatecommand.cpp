// `stackcanvas simulate` in process: the documented JSON shape, exit codes 0/1/2, error
// messages, timing overrides and the text format.

#include "app/cli/simulatecommand.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <unistd.h>

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

// Runs the command with stdout and stderr captured in files.
Run run(const QStringList &arguments)
{
    QTemporaryDir dir;
    const QByteArray outPath = dir.filePath(QStringLiteral("out")).toLocal8Bit();
    const QByteArray errPath = dir.filePath(QStringLiteral("err")).toLocal8Bit();
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = dup(1);
    const int savedErr = dup(2);
    FILE *o = std::fopen(outPath.constData(), "w");
    FILE *e = std::fopen(errPath.constData(), "w");
    dup2(fileno(o), 1);
    dup2(fileno(e), 2);
    Run r;
    r.code = runSimulateCommand(arguments);
    std::fflush(stdout);
    std::fflush(stderr);
    dup2(savedOut, 1);
    dup2(savedErr, 2);
    close(savedOut);
    close(savedErr);
    std::fclose(o);
    std::fclose(e);
    QFile fo(dir.filePath(QStringLiteral("out")));
    QFile fe(dir.filePath(QStringLiteral("err")));
    fo.open(QIODevice::ReadOnly);
    fe.open(QIODevice::ReadOnly);
    r.out = QString::fromUtf8(fo.readAll());
    r.err = QString::fromUtf8(fe.readAll());
    return r;
}

const char *kLambdaTemplate = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "App": {"Type": "AWS::CodeDeploy::Application", "Properties": {"ComputePlatform": "Lambda"}},
    "Group": {"Type": "AWS::CodeDeploy::DeploymentGroup", "Properties": {
      "ApplicationName": {"Ref": "App"},
      "DeploymentConfigName": "CodeDeployDefault.LambdaCanary10Percent5Minutes",
      "AutoRollbackConfiguration": {"Enabled": true, "Events": ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]},
      "AlarmConfiguration": {"Enabled": true, "Alarms": [{"Name": "Errors"}]}}},
    "LiveAlias": {"Type": "AWS::Lambda::Alias",
      "Properties": {"FunctionName": "fn", "FunctionVersion": "1", "Name": "live"},
      "UpdatePolicy": {"CodeDeployLambdaAliasUpdate": {"ApplicationName": {"Ref": "App"},
                                                       "DeploymentGroupName": {"Ref": "Group"}}}},
    "Bucket": {"Type": "AWS::S3::Bucket"}
  }
})";

} // namespace

class TestSimulateCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonShape();
    void failureEndsWithExitCodeOne();
    void usageErrors();
    void unreadableInput();
    void timingOverrides();
    void textFormatAndHelp();
    void csvFormatAndActions();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void TestSimulateCommand::initTestCase()
{
    m_file = m_dir.filePath(QStringLiteral("app.json"));
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kLambdaTemplate);
}

void TestSimulateCommand::jsonShape()
{
    const auto r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--format"),
                        QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.err.isEmpty());
    const auto j = nlohmann::ordered_json::parse(r.out.toStdString());
    std::vector<std::string> keys;
    for (const auto &[k, v] : j.items())
        keys.push_back(k);
    QVERIFY((keys == std::vector<std::string>{"target", "platform", "strategy", "result", "durationSeconds",
                                              "events", "samples", "metrics"}));
    QVERIFY(j["target"] == "LiveAlias");
    QVERIFY(j["platform"] == "Lambda");
    QVERIFY(j["strategy"] == "CodeDeployDefault.LambdaCanary10Percent5Minutes");
    QVERIFY(j["result"] == "Succeeded");
    QVERIFY(j["durationSeconds"] == 300);
    QVERIFY(j["events"][0]["t"] == 0);
    QVERIFY(j["events"][0].contains("type") && j["events"][0].contains("name") && j["events"][0].contains("status"));
    // Without hook functions the first shift happens at once: the sample at 0 is already 10 %.
    QVERIFY(j["samples"][0]["t"] == 0);
    QVERIFY(j["samples"][0]["trafficPercent"]["original"] == 90);
    QVERIFY(j["samples"][0]["trafficPercent"]["replacement"] == 10);
    QVERIFY(j["samples"][1]["t"] == 300);
    QVERIFY(j["samples"][1]["trafficPercent"]["replacement"] == 100);
    QVERIFY(j["samples"][0]["healthy"].contains("replacement"));
    QVERIFY(j["samples"][0]["instances"].contains("original"));
    QVERIFY(j["metrics"]["secondsToFullShift"] == 300);
    QVERIFY(j["metrics"]["downtimeSeconds"] == 0);
    QVERIFY(j["metrics"]["minHealthyPercent"] == 100);
    QVERIFY(j["metrics"]["peakInstances"] == 0);
}

void TestSimulateCommand::failureEndsWithExitCodeOne()
{
    const auto r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--fail"),
                        QStringLiteral("alarm:120"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    const auto j = nlohmann::ordered_json::parse(r.out.toStdString());
    QVERIFY(j["result"] == "RolledBack");
    QVERIFY(j["metrics"]["failingVersionRequestPercent"] == 10);
    const auto custom = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--strategy"),
                             QStringLiteral("linear:50:1"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(custom.code, 0);
    QVERIFY(nlohmann::ordered_json::parse(custom.out.toStdString())["durationSeconds"] == 60);
}

void TestSimulateCommand::usageErrors()
{
    auto r = run({m_file});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("stackcanvas: ")), qPrintable(r.err));
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--strategy"),
             QStringLiteral("CodeDeployDefault.HalfAtATime")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("Server configuration")), qPrintable(r.err));
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--fail"), QStringLiteral("instance:1")});
    QCOMPARE(r.code, 2);
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--fail"), QStringLiteral("meteor:1")});
    QCOMPARE(r.code, 2);
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("Missing")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("stackcanvas: ")), qPrintable(r.err));
    // A resource that cannot be deployed is pointed at in the file.
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("Bucket")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith(m_file + QLatin1Char(':')), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("cannot be deployed")));
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(r.code, 2);
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--bogus")});
    QCOMPARE(r.code, 2);
}

void TestSimulateCommand::unreadableInput()
{
    const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"Resources\": {\n    \"A\": [1, 2,\n");
    f.close();
    auto r = run({broken, QStringLiteral("--target"), QStringLiteral("A")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith(broken + QLatin1Char(':')), qPrintable(r.err));
    r = run({m_dir.filePath(QStringLiteral("missing.yaml")), QStringLiteral("--target"), QStringLiteral("A")});
    QCOMPARE(r.code, 2);
    QVERIFY(!r.err.isEmpty());
}

void TestSimulateCommand::timingOverrides()
{
    const auto r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--set"),
                        QStringLiteral("lambda.hook=45"), QStringLiteral("--fail"), QStringLiteral("hook:BeforeAllowTraffic"),
                        QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    QVERIFY(nlohmann::ordered_json::parse(r.out.toStdString())["durationSeconds"] == 45);
    auto bad = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--set"),
                    QStringLiteral("no.such=4")});
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains(QStringLiteral("unknown timing")));
    bad = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--set"),
               QStringLiteral("lambda.hook")});
    QCOMPARE(bad.code, 2);
}

void TestSimulateCommand::textFormatAndHelp()
{
    auto r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("Strategy  CodeDeployDefault.LambdaCanary10Percent5Minutes")));
    QVERIFY(r.out.contains(QStringLiteral("AllowTraffic")));
    QVERIFY(r.out.contains(QStringLiteral("traffic to new, %")));
    QVERIFY(r.out.contains(QLatin1Char('#')));
    r = run({QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    for (const char *name : {"elb.deregistrationDelay", "bluegreen.terminationWait", "instance:K", "min-healthy:COUNT"})
        QVERIFY2(r.out.contains(QLatin1String(name)), name);
}

void TestSimulateCommand::csvFormatAndActions()
{
    auto r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--format"),
                  QStringLiteral("csv")});
    QCOMPARE(r.code, 0);
    const QStringList rows = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0], QStringLiteral("t,trafficOriginalPercent,trafficReplacementPercent,testTrafficOriginalPercent,"
                                     "testTrafficReplacementPercent,healthyOriginal,healthyReplacement,"
                                     "instancesOriginal,instancesReplacement,phase"));
    QCOMPARE(rows[1], QStringLiteral("0,90,10,,,0,0,0,0,AllowTraffic"));
    QCOMPARE(rows[2], QStringLiteral("300,0,100,,,0,0,0,0,End"));

    // An operator's rollback request: RolledBack, exit 1.
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--action"),
             QStringLiteral("rollback:60"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 1);
    const auto j = nlohmann::ordered_json::parse(r.out.toStdString());
    QVERIFY(j["result"] == "RolledBack");
    QVERIFY(j["durationSeconds"] == 60);
    // Where AWS has no such control, the message says which control it has.
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--action"),
             QStringLiteral("continue:60")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("continue:60 does not apply")), qPrintable(r.err));
    // Unit tracks on request only, so the documented shape stays as it is by default.
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--units")});
    const auto withUnits = nlohmann::ordered_json::parse(r.out.toStdString());
    QVERIFY(withUnits["units"].size() == 2);
    QVERIFY(withUnits["units"][1]["transitions"][0]["state"] == "InService");
}

QTEST_APPLESS_MAIN(TestSimulateCommand)
#include "tst_simulatecommand.moc"
