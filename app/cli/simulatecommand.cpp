#include "app/cli/simulatecommand.h"

#include "app/cli/scenariooptions.h"

#include "model/rollout/scenariobuilder.h"
#include "model/rollout/simulator.h"
#include "model/rollout/timelinecsv.h"
#include "model/template/templatereader.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

using namespace sc;

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString clock(Seconds t)
{
    const Seconds h = t / 3600;
    const Seconds m = (t % 3600) / 60;
    const Seconds s = t % 60;
    const auto two = [](Seconds v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(two(m), two(s))
                 : QStringLiteral("%1:%2").arg(m).arg(two(s));
}

QString helpAppendix()
{
    QString text;
    QTextStream out(&text);
    out << "\nStrategies (--strategy):\n"
        << "  CodeDeploy EC2/On-premises: CodeDeployDefault.OneAtATime, HalfAtATime, AllAtOnce,\n"
        << "    min-healthy:COUNT, min-healthy:PERCENT%, or a DeploymentConfig of the template\n"
        << "  Lambda: CodeDeployDefault.Lambda* (e.g. LambdaCanary10Percent5Minutes), SAM names\n"
        << "    (Canary10Percent5Minutes, Linear10PercentEvery1Minute, AllAtOnce...)\n"
        << "  ECS: CodeDeployDefault.ECS* (e.g. ECSLinear10PercentEvery1Minutes)\n"
        << "  Lambda, ECS, Route 53: canary:PERCENT:MINUTES, linear:PERCENT:MINUTES, AllAtOnce\n"
        << "  Elastic Beanstalk: AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable,\n"
        << "    TrafficSplitting, BlueGreen (CNAME swap)\n"
        << "  Auto Scaling group: AutoScalingRollingUpdate, AutoScalingReplacingUpdate\n"
        << "  Without --strategy the template's configuration (or AWS's default) is used.\n"
        << "\nFailures (--fail, repeatable):\n"
        << "  instance:K          the K-th instance or task to receive the new revision fails\n"
        << "  hook:NAME           that lifecycle hook reports Failed (hook:NAME:timeout: never reports)\n"
        << "  instance:K+         the K-th and every later one fails (a bad revision)\n"
        << "  alarm:SECONDS       a watched alarm enters ALARM at that time (Elastic Beanstalk: the\n"
        << "                      environment's health turns Severe)\n"
        << "\nOperator actions (--action, repeatable; only where AWS has the control):\n"
        << "  stop:SECONDS        stop the deployment (CodeDeploy StopDeployment); it rolls back only with\n"
        << "                      DEPLOYMENT_STOP_ON_REQUEST\n"
        << "  rollback:SECONDS    stop and roll back (StopDeployment with rollback, ECS StopServiceDeployment\n"
        << "                      ROLLBACK, Elastic Beanstalk AbortEnvironmentUpdate, CloudFormation\n"
        << "                      CancelUpdateStack, weights set back on Route 53 records)\n"
        << "  continue:SECONDS    ContinueDeployment of a CodeDeploy blue/green deployment: ends the ready\n"
        << "                      wait (DeploymentReadyOption STOP_DEPLOYMENT) or the termination wait\n"
        << "\nCSV (--format csv): one row per sample, header\n  " << QString::fromStdString(timelineCsvHeader())
        << "\n  (percentages 0-100; test-traffic columns empty without a test listener; phase = event under way)\n"
        << "\nTimings (--set NAME=SECONDS, repeatable; defaults, D = documented by AWS, A = assumption):\n";
    for (const auto &d : timingDefinitions()) {
        out << "  " << q(d.name).leftJustified(26) << QString::number(d.defaultSeconds).rightJustified(6)
            << " s  " << (d.documented ? "D" : "A") << "  " << q(d.description) << "\n"
            << QString(38, QLatin1Char(' ')) << q(d.source) << "\n";
    }
    out << "\nExit codes: 0 Succeeded; 1 Failed, RolledBack or Stopped; 2 bad usage or unreadable input.\n";
    return text;
}

// Rows of '#' where the value reaches the row's level, one column per slice of time.
void chart(QTextStream &out, const Timeline &t, const QString &label, double top,
           const std::function<double(const TimelineSample &)> &value, int width, int height)
{
    const Seconds duration = std::max<Seconds>(1, t.metrics.durationSeconds);
    for (int row = 0; row < height; ++row) {
        const double level = top * (height - row - 0.5) / height;
        const QString axis = row == 0 ? QString::number(top, 'g', 4) : row == height - 1 ? QStringLiteral("0") : QString();
        out << (row == 0 ? label : QString()).leftJustified(22) << axis.rightJustified(5) << " |";
        for (int c = 0; c < width; ++c) {
            const Seconds at = duration * c / width;
            out << (value(t.sampleAt(at)) >= level && value(t.sampleAt(at)) > 0 ? '#' : ' ');
        }
        out << "\n";
    }
}

void printText(QTextStream &out, const Scenario &s, const Timeline &t)
{
    const auto &m = t.metrics;
    out << "Target    " << q(t.target) << " (" << q(t.platform) << ")\n"
        << "Strategy  " << q(t.strategy) << "\n"
        << "Result    " << q(resultName(t.result)) << " after " << clock(m.durationSeconds) << "\n";
    for (const auto &note : s.notes)
        out << "Note      " << q(note) << "\n";
    out << "\n" << QStringLiteral("time").rightJustified(8) << "  " << QStringLiteral("type").leftJustified(15)
        << QStringLiteral("event").leftJustified(28) << QStringLiteral("status").leftJustified(11)
        << QStringLiteral("subject").leftJustified(18) << "detail\n";
    for (const auto &e : t.events) {
        QString detail = q(e.detail);
        if (e.durationSeconds > 0)
            detail = QStringLiteral("(%1 s) ").arg(e.durationSeconds) + detail;
        out << clock(e.t).rightJustified(8) << "  " << q(e.type).leftJustified(15) << q(e.name).leftJustified(28)
            << q(e.status).leftJustified(11) << q(e.subject).leftJustified(18) << detail.trimmed() << "\n";
    }
    const int width = 60;
    out << "\nTimeline: 0:00 to " << clock(m.durationSeconds) << ", one column = "
        << std::max<Seconds>(1, m.durationSeconds) / width << " s\n";
    chart(out, t, QStringLiteral("traffic to new, %"), 100,
          [](const TimelineSample &x) { return x.trafficPercent.replacement; }, width, 5);
    const double peak = std::max(1, m.peakInstances);
    if (m.peakInstances > 0) {
        chart(out, t, QStringLiteral("healthy instances"), peak,
              [](const TimelineSample &x) { return double(x.healthy.total()); }, width, 5);
        chart(out, t, QStringLiteral("running instances"), peak,
              [](const TimelineSample &x) { return double(x.instances.total()); }, width, 5);
    }
    out << "\nDuration " << m.durationSeconds << " s, downtime " << m.downtimeSeconds << " s, minimum healthy "
        << QString::number(m.minHealthyPercent, 'f', 1) << " %, peak instances " << m.peakInstances
        << ", extra instance-minutes " << QString::number(m.extraInstanceMinutes, 'f', 1);
    if (m.secondsToFullShift)
        out << ", all traffic shifted " << *m.secondsToFullShift << " s after the first shift";
    if (m.failingVersionRequestPercent)
        out << ", " << QString::number(*m.failingVersionRequestPercent, 'f', 2)
            << " % of requests served by the new version before the rollback";
    out << "\n";
}

} // namespace

int runSimulateCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Rehearse the rollout of one deployable resource of a template."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("CloudFormation or SAM template"));
    const QCommandLineOption target(QStringLiteral("target"), QStringLiteral("Logical ID to deploy."),
                                    QStringLiteral("LOGICAL_ID"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default), json or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption units(QStringLiteral("units"),
                                   QStringLiteral("With --format json: add every unit's state track."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const cli::ScenarioOptions scenarioOptions;
    parser.addOption(target);
    parser.addOptions(scenarioOptions.options());
    parser.addOptions({format, units, help});

    const auto usage = [&err](const QString &message) {
        err << "stackcanvas: " << message << "\n";
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("stackcanvas simulate")} + arguments))
        return usage(parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText().replace(QStringLiteral("stackcanvas simulate [options]"),
                                         QStringLiteral("stackcanvas simulate [options] FILE"))
            << helpAppendix();
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return usage(QStringLiteral("simulate takes exactly one FILE (see stackcanvas simulate --help)"));
    if (!parser.isSet(target))
        return usage(QStringLiteral("simulate needs --target LOGICAL_ID"));
    const QString fmt = parser.value(format);
    if (fmt != QStringLiteral("text") && fmt != QStringLiteral("json") && fmt != QStringLiteral("csv"))
        return usage(QStringLiteral("--format must be text, json or csv, not \"%1\"").arg(fmt));

    cli::ScenarioRequest request;
    if (const QString error = scenarioOptions.read(parser, request); !error.isEmpty())
        return usage(error);

    const std::string path = files.front().toStdString();
    Template document;
    try {
        document = readTemplateFile(path);
    } catch (const TemplateError &e) {
        err << e.what() << "\n";
        return 2;
    } catch (const std::exception &e) {
        return usage(QStringLiteral("%1: %2").arg(files.front(), QString::fromUtf8(e.what())));
    }

    const std::string logicalId = parser.value(target).toStdString();
    Scenario scenario;
    try {
        scenario = cli::buildScenario(document.root, logicalId, request);
    } catch (const std::invalid_argument &e) {
        // Point at the resource when the template has it, as editors understand.
        const auto pos = document.positions.find("/Resources/" + SourceMap::escape(logicalId));
        if (pos.isValid() && document.root.contains("Resources") && document.root["Resources"].contains(logicalId)) {
            err << files.front() << ':' << pos.line << ':' << pos.column << ": " << e.what() << "\n";
            return 2;
        }
        return usage(QString::fromUtf8(e.what()));
    }

    const Timeline timeline = simulate(scenario);
    if (fmt == QStringLiteral("json"))
        out << QString::fromStdString(timelineToJson(timeline, {parser.isSet(units)}).dump(2)) << "\n";
    else if (fmt == QStringLiteral("csv"))
        out << QString::fromStdString(timelineToCsv(timeline));
    else
        printText(out, scenario, timeline);
    return timeline.result == DeploymentResult::Succeeded ? 0 : 1;
}
