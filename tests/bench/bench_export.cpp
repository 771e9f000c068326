// Median time to export a generated 500-resource template to cdk-ts, and the time the real AWS
// CDK takes to synthesize that app (one `node --import tsx` process, as in tests/aws), measured in
// the same run and reported as a ratio.
//
// usage: bench_export [RESOURCES=500] [RUNS=21] [WORK_DIR]
//   Needs node and tests/aws/node_modules for the CDK half (skipped with a message otherwise).

#include "exporters/cdktsexporter.h"
#include "exporters/exporterregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>

using namespace sc;

namespace {

// A template shaped like a real one: queues, topics, roles with policy documents, functions
// referring to roles and queues (Ref, GetAtt, Sub), alarms on functions, and tags.
Json generate(int count)
{
    Json resources = Json::object();
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i / 5);
        switch (i % 5) {
        case 0:
            resources["Queue" + n] = {{"Type", "AWS::SQS::Queue"},
                                      {"Properties", {{"VisibilityTimeout", 60}, {"Tags", Json::array({{{"Key", "app"}, {"Value", "bench"}}})}}}};
            break;
        case 1:
            resources["Topic" + n] = {{"Type", "AWS::SNS::Topic"},
                                      {"Properties", {{"DisplayName", "Topic " + n},
                                                      {"Subscription", Json::array({{{"Protocol", "sqs"}, {"Endpoint", {{"Fn::GetAtt", Json::array({"Queue" + n, "Arn"})}}}}})}}}};
            break;
        case 2:
            resources["Role" + n] = {
                {"Type", "AWS::IAM::Role"},
                {"Properties",
                 {{"AssumeRolePolicyDocument",
                   {{"Version", "2012-10-17"},
                    {"Statement", Json::array({{{"Effect", "Allow"}, {"Principal", {{"Service", "lambda.amazonaws.com"}}}, {"Action", "sts:AssumeRole"}}})}}},
                  {"Policies", Json::array({{{"PolicyName", "queue"},
                                             {"PolicyDocument", {{"Version", "2012-10-17"},
                                                                 {"Statement", Json::array({{{"Effect", "Allow"}, {"Action", "sqs:*"},
                                                                                              {"Resource", {{"Fn::GetAtt", Json::array({"Queue" + n, "Arn"})}}}}})}}}}})}}}};
            break;
        case 3:
            resources["Function" + n] = {
                {"Type", "AWS::Lambda::Function"},
                {"Properties",
                 {{"Runtime", "python3.12"}, {"Handler", "index.handler"}, {"MemorySize", 256}, {"Timeout", 10},
                  {"Role", {{"Fn::GetAtt", Json::array({"Role" + n, "Arn"})}}},
                  {"Code", {{"ZipFile", "def handler(event, context):\n    return 'ok'\n"}}},
                  {"Environment", {{"Variables", {{"QUEUE_URL", {{"Ref", "Queue" + n}}}, {"TOPIC", {{"Ref", "Topic" + n}}},
                                                  {"NAME", {{"Fn::Sub", "${AWS::StackName}-" + n}}}}}}}}}};
            break;
        default:
            resources["Alarm" + n] = {{"Type", "AWS::CloudWatch::Alarm"},
                                      {"Properties", {{"Namespace", "AWS/Lambda"}, {"MetricName", "Errors"},
                                                      {"Dimensions", Json::array({{{"Name", "FunctionName"}, {"Value", {{"Ref", "Function" + n}}}}})},
                                                      {"Statistic", "Sum"}, {"Period", 60}, {"EvaluationPeriods", 1}, {"Threshold", 0},
                                                      {"ComparisonOperator", "GreaterThanThreshold"}}}};
        }
    }
    return Json{{"AWSTemplateFormatVersion", "2010-09-09"}, {"Description", "Generated for bench_export"}, {"Resources", resources}};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args[1].toInt() : 500;
    const int runs = args.size() > 2 ? args[2].toInt() : 21;
    const QString work = args.size() > 3 ? args[3] : QDir::temp().filePath(QStringLiteral("bench_export"));

    Document document;
    Template t;
    t.root = generate(count);
    document.reset(std::move(t));
    const Exporter *exporter = ExporterRegistry::instance().find("cdk-ts");
    ExportOptions options;
    options.stackName = "bench";

    std::vector<double> ms;
    ExportResult result;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        result = exporter->write(document, options);
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    const double exportMs = median(ms);
    std::printf("cdk-ts export of %d resources: median %.2f ms over %d runs (min %.2f, max %.2f), %lld bytes\n", count,
                exportMs, runs, *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()),
                static_cast<long long>(result.bytes.size()));

    // The CDK half: the exported project, node_modules symlinked, synthesized by one node process.
    const QString modules = QStringLiteral(SC_SOURCE_DIR "/tests/aws/node_modules");
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty() || !QDir(modules + QStringLiteral("/aws-cdk-lib")).exists()) {
        std::printf("CDK synthesis: skipped (node or %s/aws-cdk-lib missing)\n", qPrintable(modules));
        return 0;
    }
    QDir(work).removeRecursively();
    QDir().mkpath(work + QStringLiteral("/home"));
    if (const std::string error = writeExport(*exporter, result, work.toStdString()); !error.empty()) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    QFile::link(modules, work + QStringLiteral("/node_modules"));
    QProcess synth;
    synth.setWorkingDirectory(work);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), work + QStringLiteral("/home"));
    env.insert(QStringLiteral("CDK_OUTDIR"), work + QStringLiteral("/cdk.out"));
    env.insert(QStringLiteral("CDK_VALIDATION"), QStringLiteral("false"));
    synth.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    synth.start(node, {QStringLiteral("--import"), QStringLiteral("tsx"), QStringLiteral("bin/app.ts")});
    synth.waitForFinished(300000);
    const double synthMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    if (synth.exitStatus() != QProcess::NormalExit || synth.exitCode() != 0) {
        std::fprintf(stderr, "CDK synthesis failed:\n%s\n", synth.readAllStandardError().constData());
        return 1;
    }
    QFile out(work + QStringLiteral("/cdk.out/bench.template.json"));
    const bool ok = out.open(QIODevice::ReadOnly)
                    && Json::parse(out.readAll().toStdString())["Resources"].size() == static_cast<std::size_t>(count);
    std::printf("CDK synthesis of the same app (node --import tsx, whole process): %.0f ms, %s\n", synthMs,
                ok ? "all resources in the template" : "TEMPLATE INCOMPLETE");
    std::printf("ratio: export is %.0fx faster than synthesis (%.2f ms vs %.0f ms)\n", synthMs / exportMs, exportMs, synthMs);
    return ok ? 0 : 1;
}
