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

// ECS deployed by ECS itself, an Auto Scaling group with an instance refresh and a lifecycle
// hook, a CodeDeploy group with a zonal configuration.
const char *kFleetTemplate = R"(
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: {Cpu: '256', Memory: '512', RequiresCompatibilities: [FARGATE]}
  Service:
    Type: AWS::ECS::Service
    Properties:
      DesiredCount: 3
      TaskDefinition: !Ref Task
      DeploymentConfiguration: {Strategy: BLUE_GREEN, BakeTimeInMinutes: 5}
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties: {LaunchTemplateData: {InstanceType: t3.medium, ImageId: ami-12345678}}
  Fleet:
    Type: AWS::AutoScaling::AutoScalingGroup
    UpdatePolicy:
      AutoScalingInstanceRefresh:
        Strategy: Rolling
        Preferences: {MinHealthyPercentage: 50, CheckpointPercentages: [50, 100], CheckpointDelay: 300}
    Properties:
      MinSize: '1'
      MaxSize: '8'
      DesiredCapacity: '4'
      LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: !GetAtt Template.LatestVersionNumber}
      LifecycleHookSpecificationList:
        - {LifecycleHookName: Warm, LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', HeartbeatTimeout: 600}
  App:
    Type: AWS::CodeDeploy::Application
    Properties: {ComputePlatform: Server}
  Zonal:
    Type: AWS::CodeDeploy::DeploymentConfig
    Properties:
      ComputePlatform: Server
      MinimumHealthyHosts: {Type: HOST_COUNT, Value: 2}
      ZonalConfig: {MonitorDurationInSeconds: 300}
  Group:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: !Ref App
      DeploymentConfigName: !Ref Zonal
      AutoScalingGroups: [!Ref Fleet]
)";

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
    void jsonShapeForEveryNewStrategy_data();
    void jsonShapeForEveryNewStrategy();
    void ownPriceTable();
    void textChartOfALambdaCanary();
    void textColumnsAndFigures();
    void argumentAbuse_data();
    void argumentAbuse();

private:
    QString fleetFile();
    QTemporaryDir m_dir;
    QString m_file;
};

QString TestSimulateCommand::fleetFile()
{
    const QString file = m_dir.filePath(QStringLiteral("fleet.yaml"));
    QFile f(file);
    if (f.open(QIODevice::WriteOnly))
        f.write(kFleetTemplate);
    return file;
}

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
    // The text says when the bad version's share was counted: up to the rollback here...
    const auto text = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--fail"),
                           QStringLiteral("alarm:120")});
    QVERIFY2(text.out.contains(QStringLiteral("10.00 % of requests served by the new version before the rollback")), qPrintable(text.out));
    // ...and to the end for a Beanstalk batch that fails: Elastic Beanstalk does not roll back.
    const auto beanstalk = run({QStringLiteral(SC_SOURCE_DIR "/examples/beanstalk-web-worker/template.yaml"), QStringLiteral("--target"),
                                QStringLiteral("WebEnvironment"), QStringLiteral("--instances"), QStringLiteral("6"),
                                QStringLiteral("--fail"), QStringLiteral("instance:4")});
    QCOMPARE(beanstalk.code, 1);
    QVERIFY2(beanstalk.out.contains(QStringLiteral("% of requests served by the new version until the end (no rollback)")),
             qPrintable(beanstalk.out));
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
    for (const char *name : {"elb.deregistrationDelay", "bluegreen.terminationWait", "instance:K", "min-healthy:COUNT",
                             "--instances 1 to 10000 (the simulator's fleet limit)"})
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

void TestSimulateCommand::jsonShapeForEveryNewStrategy_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<bool>("priced");
    for (const char *s : {"", "ROLLING", "CANARY", "LINEAR", "ecs-canary:2.5:1", "ecs-linear:25:1", "ecs-rolling:50:150"})
        QTest::newRow((std::string("ECS ") + (*s ? s : "BLUE_GREEN")).c_str()) << "Service" << s << "ECS" << true;
    for (const char *s : {"", "refresh:min=100:max=150", "AutoScalingRollingUpdate", "AutoScalingReplacingUpdate"})
        QTest::newRow((std::string("ASG ") + (*s ? s : "InstanceRefresh")).c_str()) << "Fleet" << s << "AutoScaling" << true;
    QTest::newRow("zonal") << "Group" << "" << "Server" << true;
    QTest::newRow("zonal override") << "Group" << "zonal:60:120" << "Server" << true;
}

void TestSimulateCommand::jsonShapeForEveryNewStrategy()
{
    QFETCH(QString, target);
    QFETCH(QString, strategy);
    QFETCH(QString, platform);
    QFETCH(bool, priced);
    const QString file = m_dir.filePath(QStringLiteral("fleet.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kFleetTemplate);
    f.close();
    QStringList args{file, QStringLiteral("--target"), target, QStringLiteral("--format"), QStringLiteral("json")};
    if (!strategy.isEmpty())
        args << QStringLiteral("--strategy") << strategy;
    const auto r = run(args);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out.left(400)));
    const auto j = nlohmann::ordered_json::parse(r.out.toStdString());
    std::vector<std::string> keys;
    for (const auto &[k, v] : j.items())
        keys.push_back(k);
    QVERIFY((keys == std::vector<std::string>{"target", "platform", "strategy", "result", "durationSeconds",
                                              "events", "samples", "metrics"}));
    QVERIFY(j["platform"] == platform.toStdString());
    QVERIFY(j["result"] == "Succeeded");
    QVERIFY(j["durationSeconds"].is_number_integer());
    for (const auto &e : j["events"]) {
        for (const char *k : {"t", "type", "name", "status"})
            QVERIFY2(e.contains(k), k);
    }
    QVERIFY(j["samples"][0]["t"] == 0);
    for (const auto &sample : j["samples"]) {
        for (const char *k : {"trafficPercent", "healthy", "instances"})
            QVERIFY(sample[k].contains("original") && sample[k].contains("replacement"));
    }
    const auto &m = j["metrics"];
    for (const char *k : {"minHealthyPercent", "peakInstances", "downtimeSeconds", "secondsToFullShift",
                          "instanceMinutes", "extraInstanceMinutes", "estimatedCostUsd", "extraCostUsd"})
        QVERIFY2(m.contains(k), k);
    QCOMPARE(m["estimatedCostUsd"].is_number(), priced);
    QVERIFY(m["instanceMinutes"]["original"].get<double>() > 0);
}

void TestSimulateCommand::ownPriceTable()
{
    const QString file = m_dir.filePath(QStringLiteral("fleet.yaml"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kFleetTemplate);
    f.close();
    const QString table = m_dir.filePath(QStringLiteral("prices.json"));
    QFile p(table);
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(R"({"region": "eu-west-1", "readOn": "2027-01-01", "ec2LinuxPerHour": {"t3.medium": {"usd": 60}},
               "fargateLinuxX86": {"usdPerVcpuHour": 0.04, "usdPerGbHour": 0.004},
               "lambdaX86": {"usdPerGbSecond": 0.00001, "usdPerRequest": 0.0000002}})");
    p.close();
    auto r = run({file, QStringLiteral("--target"), QStringLiteral("Fleet"), QStringLiteral("--prices"), table,
                  QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.code, 0);
    const auto j = nlohmann::ordered_json::parse(r.out.toStdString());
    // $60 an hour is a dollar a minute: the cost is the instance-minutes.
    const double minutes = j["metrics"]["instanceMinutes"]["original"].get<double>() +
                           j["metrics"]["instanceMinutes"]["replacement"].get<double>();
    QVERIFY(std::abs(j["metrics"]["estimatedCostUsd"].get<double>() - minutes) < 0.02);
    p.open(QIODevice::WriteOnly);
    p.write(R"({"region": "eu-west-1"})");
    p.close();
    r = run({file, QStringLiteral("--target"), QStringLiteral("Fleet"), QStringLiteral("--prices"), table});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--prices")) && r.err.contains(QStringLiteral("readOn")), qPrintable(r.err));
}

QTEST_APPLESS_MAIN(TestSimulateCommand)
#include "tst_simulatecommand.moc"

namespace {

QString chartRow(const QString &label, const QString &cells)
{
    return QString(22, QLatin1Char(' ')) + label.rightJustified(5) + QStringLiteral(" |") + cells;
}

} // namespace

// A 10 % canary fills only the row for any traffic, labelled so; a Lambda deployment reports
// versions, not instance figures that would all be 0.
void TestSimulateCommand::textChartOfALambdaCanary()
{
    auto r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    const auto at = lines.indexOf(QStringLiteral(
        "Timeline: 0:00 to 5:00, one column = 5 s; a row fills where the value reaches its label"));
    QVERIFY2(at > 0, qPrintable(r.out));
    QCOMPARE(lines[at + 1], QStringLiteral("traffic to new, %       100 |") + QString(60, QLatin1Char(' ')));
    QCOMPARE(lines[at + 4], chartRow(QStringLiteral("25"), QString(60, QLatin1Char(' '))));
    QCOMPARE(lines[at + 5], chartRow(QStringLiteral(">0"), QString(60, QLatin1Char('#'))));
    QCOMPARE(lines[at + 7], QStringLiteral("Duration 300 s, downtime 0 s, all traffic shifted 300 s after the first shift"));
    QVERIFY2(lines[at + 8].startsWith(QStringLiteral("Versions 2 function versions behind the alias; Lambda runs no "
                                                     "instances")),
             qPrintable(lines[at + 8]));
    QVERIFY(!r.out.contains(QStringLiteral("peak instances")));
    QVERIFY(!r.out.contains(QStringLiteral("instance-minutes 0")));
    QVERIFY(!r.out.contains(QStringLiteral("healthy instances")));

    // A deployment shorter than the chart is wide: one column per second, never "0 s".
    r = run({m_file, QStringLiteral("--target"), QStringLiteral("LiveAlias"), QStringLiteral("--strategy"),
             QStringLiteral("AllAtOnce")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Timeline: 0:00 to 0:00, one column = 1 s;")), qPrintable(r.out));
    QVERIFY(r.out.contains(chartRow(QStringLiteral(">0"), QStringLiteral("#")) + QLatin1Char('\n')));
}

// Event columns are as wide as their widest entry, so a long subject never runs into the
// detail; ECS figures count tasks, with their minutes and cost.
void TestSimulateCommand::textColumnsAndFigures()
{
    const auto r = run({fleetFile(), QStringLiteral("--target"), QStringLiteral("Service")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("    time  type            event                          status     "
                                           "subject                detail")),
             qPrintable(r.out));
    QVERIFY(lines.contains(QStringLiteral("    0:00  LifecycleEvent  SCALE_UP                       Succeeded  "
                                          "task-004 ... task-006  (60 s) green tasks start beside blue; no traffic yet")));
    QVERIFY(lines.contains(QStringLiteral("    6:30  Deployment      End                            Succeeded")));
    QVERIFY(lines.contains(QStringLiteral(
        "Timeline: 0:00 to 6:30, one column = 6.5 s; a row fills where the value reaches its label")));
    // Three tasks of 0.25 vCPU and 0.5 GB for 6.5 minutes on each side: 19.5 task-minutes each,
    // 0.65 task-hours at 0.25 x $0.04048 + 0.5 x $0.004445 = $0.0123425 an hour: $0.0080.
    QVERIFY(lines.contains(QStringLiteral("healthy tasks             6 |          ") + QString(46, QLatin1Char('#')) +
                           QString(4, QLatin1Char(' '))));
    QVERIFY(lines.contains(QStringLiteral("Duration 390 s, downtime 0 s, minimum healthy 100.0 %, peak tasks 6, all "
                                          "traffic shifted 0 s after the first shift")));
    QVERIFY(lines.contains(QStringLiteral("Task-minutes 19.5 original + 19.5 new, 19.5 above the steady fleet; "
                                          "estimated cost $0.0080 (extra $0.0040)")));
}

// Every malformed, missing, extra or out-of-range argument: exit 2, a message that names the
// argument, nothing on stdout, and no time spent on a fleet past the limit.
void TestSimulateCommand::argumentAbuse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const char *lambda = "LAMBDA";
    const char *fleet = "FLEET";
    const auto row = [](const char *name, std::initializer_list<const char *> args, const char *message) {
        QStringList arguments;
        for (const char *a : args)
            arguments << QString::fromUtf8(a);
        QTest::newRow(name) << arguments << QString::fromUtf8(message);
    };
    const char *t = "--target";
    row("no FILE", {}, "simulate needs a FILE");
    row("two FILEs", {lambda, lambda, t, "LiveAlias"}, "simulate takes exactly one FILE, not 2");
    row("no --target", {lambda}, "simulate needs --target LOGICAL_ID");
    row("--target without value", {lambda, t}, "Missing value after '--target'");
    row("--target twice", {lambda, t, "LiveAlias", t, "Group"}, "--target is given more than once");
    row("unknown option", {lambda, t, "LiveAlias", "--meteor"}, "Unknown option 'meteor'");
    row("unknown target", {lambda, t, "Nope"}, "no resource \"Nope\"");
    for (const char *n : {"0", "-1", "-2147483648", "10001", "100000", "99999999999999999999", "abc", "1.5", "", "1e3"})
        row((std::string("--instances ") + n).c_str(), {fleet, t, "Service", "--instances", n},
            "--instances needs a whole number from 1 to 10000 (the simulator's fleet limit)");
    for (const char *s : {"nonsense", "", "canary:x:1", "CodeDeployDefault.ECSAllAtOnce", "ecs-canary:0:1",
                          "ecs-rolling:50", "ecs-linear:10:-1", "ecs-canary:1e9:1"})
        row((std::string("--strategy ") + s).c_str(), {fleet, t, "Service", "--strategy", s}, "--strategy: strategy");
    for (const char *s : {"min-healthy:-1", "min-healthy:200%", "zonal:", "zonal:-5", "refresh:min=50"})
        row((std::string("--strategy ") + s + " (server)").c_str(), {fleet, t, "Group", "--strategy", s},
            "--strategy: strategy");
    for (const char *s : {"refresh:min=500", "refresh:checkpoints=50/10", "refresh:bogus", "refresh:max=99"})
        row((std::string("--strategy ") + s + " (group)").c_str(), {fleet, t, "Fleet", "--strategy", s},
            "--strategy: strategy");
    for (const char *f : {"bogus", "", "instance:0", "instance:x", "instance:-2", "instance:99999999999", "instance:4",
                          "alarm:-5", "alarm:x", "alarm:", "hook:", "hook:Nope", "alarm:9223372036854775807"})
        row((std::string("--fail ") + f).c_str(), {fleet, t, "Service", "--fail", f}, "--fail: ");
    for (const char *a : {"bogus", "", "stop:-1", "stop:x", "rollback:", "continue:5", "stop:9223372036854775807"})
        row((std::string("--action ") + a).c_str(), {fleet, t, "Group", "--action", a}, "--action: ");
    for (const char *s : {"foo", "x=abc", "=5", "unknown.name=5", "ecs.bakeTime=-1", "ecs.bakeTime=",
                          "ecs.bakeTime=99999999999999999999", "ecs.bakeTime=9223372036854775807",
                          "ecs.bakeTime=2592001"})
        row((std::string("--set ") + s).c_str(), {fleet, t, "Service", "--set", s}, "--set: ");
    row("--format xml", {lambda, t, "LiveAlias", "--format", "xml"}, "--format must be text, json or csv");
    row("--format twice", {lambda, t, "LiveAlias", "--format", "json", "--format", "csv"},
        "--format is given more than once");
    row("--prices missing", {lambda, t, "LiveAlias", "--prices", "/nonexistent/prices.json"}, "--prices: cannot read");
    row("--prices a device", {lambda, t, "LiveAlias", "--prices", "/dev/zero"}, "larger than 1048576 bytes");
}

void TestSimulateCommand::argumentAbuse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString fleet = fleetFile();
    for (QString &a : arguments) {
        if (a == QStringLiteral("LAMBDA"))
            a = m_file;
        else if (a == QStringLiteral("FLEET"))
            a = fleet;
    }
    const auto r = run(arguments);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("stackcanvas: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}
