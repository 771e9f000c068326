#include "app/cli/simulatecommand.h"

#include "app/cli/scenariooptions.h"

#include "model/rollout/pricetable.h"
#include "model/rollout/scenariobuilder.h"
#include "model/rollout/simulator.h"
#include "model/rollout/timelinecsv.h"
#include "model/template/templatereader.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

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
        << "  ECS with the CODE_DEPLOY controller: CodeDeployDefault.ECS* (e.g. ECSLinear10PercentEvery1Minutes)\n"
        << "  ECS with the ECS controller: ROLLING, BLUE_GREEN, CANARY, LINEAR, ecs-canary:PERCENT:MINUTES,\n"
        << "    ecs-linear:PERCENT:MINUTES, ecs-rolling:MIN%:MAX%\n"
        << "  Lambda, ECS (CODE_DEPLOY), Route 53: canary:PERCENT:MINUTES, linear:PERCENT:MINUTES, AllAtOnce\n"
        << "  CodeDeploy EC2 one Availability Zone at a time: zonal:MONITOR_SECONDS[:FIRST_ZONE_SECONDS]\n"
        << "  Elastic Beanstalk: AllAtOnce, Rolling, RollingWithAdditionalBatch, Immutable,\n"
        << "    TrafficSplitting, BlueGreen (CNAME swap)\n"
        << "  Auto Scaling group: AutoScalingRollingUpdate, AutoScalingReplacingUpdate, InstanceRefresh,\n"
        << "    refresh[:min=PERCENT][:max=PERCENT][:checkpoints=P/P/...][:skip-matching][:matching=K]\n"
        << "  Without --strategy the template's configuration (or AWS's default) is used.\n"
        << "\nFailures (--fail, repeatable):\n"
        << "  instance:K          the K-th instance or task to receive the new revision fails\n"
        << "  hook:NAME           that lifecycle hook reports Failed (hook:NAME:timeout: never reports);\n"
        << "                      an ECS stage (PRE_SCALE_UP...) or an Auto Scaling lifecycle hook by name\n"
        << "                      (ABANDON; with :timeout, HeartbeatTimeout then DefaultResult)\n"
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
    out << "\nCost (--prices FILE replaces the built-in table of " << QString::fromStdString(PriceTable::builtIn().region())
        << " prices read " << QString::fromStdString(PriceTable::builtIn().readOn()) << "; same shape as\n"
        << "model/rollout/data/prices.json): metrics.instanceMinutes, extraInstanceMinutes, estimatedCostUsd.\n";
    out << "\nLimits: --instances 1 to " << kMaxFleet << " (the simulator's fleet limit); every timing 0 to "
        << kMaxTimingSeconds << " s (30 days). Past them simulate stops with exit 2.\n";
    out << "\nExit codes: 0 Succeeded; 1 Failed, RolledBack or Stopped; 2 bad usage or unreadable input.\n";
    return text;
}

// One chart row: filled where the value reaches `level`, labelled `label`.
struct ChartRow {
    double level;
    QString label;
};

// Traffic rows at 100, 75, 50 and 25 %, and a last row for any traffic at all, so a 10 % canary
// shows on the row that says so.
std::vector<ChartRow> percentRows()
{
    return {{100, QStringLiteral("100")}, {75, QStringLiteral("75")}, {50, QStringLiteral("50")},
            {25, QStringLiteral("25")}, {1e-9, QStringLiteral(">0")}};
}

// Count rows from the peak down to 1: one row per count up to five, else five rows evenly spaced.
std::vector<ChartRow> countRows(int peak)
{
    std::vector<ChartRow> rows;
    const int height = std::min(peak, 5);
    for (int r = 0; r < height; ++r) {
        const int level =
            height == 1 ? peak : int(std::lround(1 + double(peak - 1) * (height - 1 - r) / (height - 1)));
        rows.push_back({double(level), QString::number(level)});
    }
    return rows;
}

void chart(QTextStream &out, const Timeline &t, const QString &label, const std::vector<ChartRow> &rows,
           const std::function<double(const TimelineSample &)> &value, int columns)
{
    const Seconds duration = std::max<Seconds>(1, t.metrics.durationSeconds);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out << (r == 0 ? label : QString()).leftJustified(22) << rows[r].label.rightJustified(5) << " |";
        for (int c = 0; c < columns; ++c)
            out << (value(t.sampleAt(duration * c / columns)) >= rows[r].level ? '#' : ' ');
        out << "\n";
    }
}

// Events in columns as wide as their widest entry, so no two run together.
void printEvents(QTextStream &out, const Timeline &t)
{
    const auto durationDetail = [](const TimelineEvent &e) {
        const QString detail = q(e.detail);
        return (e.durationSeconds > 0 ? QStringLiteral("(%1 s) ").arg(e.durationSeconds) + detail : detail).trimmed();
    };
    qsizetype wType = 4, wName = 5, wStatus = 6, wSubject = 7;
    for (const auto &e : t.events) {
        wType = std::max(wType, q(e.type).size());
        wName = std::max(wName, q(e.name).size());
        wStatus = std::max(wStatus, q(e.status).size());
        wSubject = std::max(wSubject, q(e.subject).size());
    }
    const auto row = [&](const QString &time, const QString &type, const QString &name, const QString &status,
                         const QString &subject, const QString &detail) {
        QString line = time.rightJustified(8) + QStringLiteral("  ") + type.leftJustified(wType + 2) +
                       name.leftJustified(wName + 2) + status.leftJustified(wStatus + 2) +
                       subject.leftJustified(wSubject + 2) + detail;
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out << line << "\n";
    };
    row(QStringLiteral("time"), QStringLiteral("type"), QStringLiteral("event"), QStringLiteral("status"),
        QStringLiteral("subject"), QStringLiteral("detail"));
    for (const auto &e : t.events)
        row(clock(e.t), q(e.type), q(e.name), q(e.status), q(e.subject), durationDetail(e));
}

// What the figures count: instances or tasks for a fleet; versions (or records) where traffic
// moves between endpoints and nothing runs per instance.
void printFigures(QTextStream &out, const Timeline &t, const QString &noun)
{
    const auto &m = t.metrics;
    const bool fleet = std::any_of(t.units.begin(), t.units.end(), [](const UnitTrack &u) { return u.countsInFleet(); }) ||
                       m.peakInstances > 0;
    out << "\nDuration " << m.durationSeconds << " s, downtime " << m.downtimeSeconds << " s";
    if (fleet)
        out << ", minimum healthy " << QString::number(m.minHealthyPercent, 'f', 1) << " %, peak " << noun << ' '
            << m.peakInstances;
    if (m.secondsToFullShift)
        out << ", all traffic shifted " << *m.secondsToFullShift << " s after the first shift";
    if (m.failingVersionRequestPercent)
        out << ", " << QString::number(*m.failingVersionRequestPercent, 'f', 2)
            << " % of requests served by the new version "
            << (t.result == DeploymentResult::RolledBack ? "before the rollback" : "until the end (no rollback)");
    out << "\n";
    const auto money = [](double usd) { return QStringLiteral("$") + QString::number(usd, 'f', 4); };
    if (fleet) {
        out << QString(noun.left(1).toUpper() + noun.mid(1)).chopped(1) << "-minutes " << QString::number(m.instanceMinutes.original, 'f', 1) << " original + "
            << QString::number(m.instanceMinutes.replacement, 'f', 1) << " new, "
            << QString::number(m.extraInstanceMinutes, 'f', 1) << " above the steady fleet";
        if (m.estimatedCostUsd)
            out << "; estimated cost " << money(*m.estimatedCostUsd) << " (extra " << money(m.extraCostUsd.value_or(0))
                << ")";
        out << "\n";
        return;
    }
    const auto records = std::count_if(t.units.begin(), t.units.end(),
                                       [](const UnitTrack &u) { return u.kind == UnitKind::Record; });
    const auto versions = std::count_if(t.units.begin(), t.units.end(),
                                        [](const UnitTrack &u) { return u.kind == UnitKind::FunctionVersion; });
    if (versions > 0)
        out << "Versions " << versions
            << " function versions behind the alias; Lambda runs no instances, so there are no instance counts "
               "or instance-minutes, and shifting requests between versions adds no cost\n";
    else
        out << "Records " << records
            << " weighted records; DNS weights move requests between endpoints that run outside this rollout, "
               "so there are no instance counts or instance-minutes\n";
}

void printText(QTextStream &out, const Scenario &s, const Timeline &t)
{
    const auto &m = t.metrics;
    out << "Target    " << q(t.target) << " (" << q(t.platform) << ")\n"
        << "Strategy  " << q(t.strategy) << "\n"
        << "Result    " << q(resultName(t.result)) << " after " << clock(m.durationSeconds) << "\n";
    for (const auto &note : s.notes)
        out << "Note      " << q(note) << "\n";
    out << "\n";
    printEvents(out, t);

    // At most 60 columns, and never less than a second each.
    const Seconds duration = std::max<Seconds>(1, m.durationSeconds);
    const int columns = int(std::min<Seconds>(60, duration));
    out << "\nTimeline: 0:00 to " << clock(m.durationSeconds) << ", one column = "
        << QString::number(double(duration) / columns, 'g', 4) << " s; a row fills where the value reaches its label\n";
    chart(out, t, QStringLiteral("traffic to new, %"), percentRows(),
          [](const TimelineSample &x) { return x.trafficPercent.replacement; }, columns);
    // ECS counts tasks; every other fleet counts instances.
    const bool tasks =
        std::any_of(t.units.begin(), t.units.end(), [](const UnitTrack &u) { return u.kind == UnitKind::Task; });
    const QString noun = tasks ? QStringLiteral("tasks") : QStringLiteral("instances");
    if (m.peakInstances > 0) {
        chart(out, t, QStringLiteral("healthy ") + noun, countRows(m.peakInstances),
              [](const TimelineSample &x) { return double(x.healthy.total()); }, columns);
        chart(out, t, QStringLiteral("running ") + noun, countRows(m.peakInstances),
              [](const TimelineSample &x) { return double(x.instances.total()); }, columns);
    }
    printFigures(out, t, noun);
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
    const QCommandLineOption prices(QStringLiteral("prices"),
                                    QStringLiteral("A price table of your own (JSON, see below)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption units(QStringLiteral("units"),
                                   QStringLiteral("With --format json: add every unit's state track."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const cli::ScenarioOptions scenarioOptions;
    parser.addOption(target);
    parser.addOptions(scenarioOptions.options());
    parser.addOptions({format, units, prices, help});

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
        return usage(files.isEmpty()
                         ? QStringLiteral("simulate needs a FILE (see stackcanvas simulate --help)")
                         : QStringLiteral("simulate takes exactly one FILE, not %1 (\"%2\" is extra)")
                               .arg(files.size())
                               .arg(files.at(1)));
    for (const QCommandLineOption *single : {&target, &format, &prices}) {
        if (parser.values(*single).size() > 1)
            return usage(QStringLiteral("--%1 is given more than once").arg(single->names().constFirst()));
    }
    if (!parser.isSet(target))
        return usage(QStringLiteral("simulate needs --target LOGICAL_ID"));
    const QString fmt = parser.value(format);
    if (fmt != QStringLiteral("text") && fmt != QStringLiteral("json") && fmt != QStringLiteral("csv"))
        return usage(QStringLiteral("--format must be text, json or csv, not \"%1\"").arg(fmt));

    cli::ScenarioRequest request;
    if (const QString error = scenarioOptions.read(parser, request); !error.isEmpty())
        return usage(error);

    std::optional<PriceTable> ownPrices;
    if (parser.isSet(prices)) {
        // A price table is a few kilobytes; reading at most one byte past the limit keeps a
        // device or an endless pipe from being read forever.
        constexpr qint64 maxPriceTableBytes = 1 << 20;
        QFile file(parser.value(prices));
        if (!file.open(QIODevice::ReadOnly))
            return usage(QStringLiteral("--prices: cannot read %1: %2").arg(parser.value(prices), file.errorString()));
        const QByteArray bytes = file.read(maxPriceTableBytes + 1);
        if (bytes.size() > maxPriceTableBytes)
            return usage(QStringLiteral("--prices %1: larger than %2 bytes; a price table is a small JSON file")
                             .arg(parser.value(prices))
                             .arg(maxPriceTableBytes));
        try {
            ownPrices = PriceTable::fromJson(Json::parse(bytes.toStdString()));
        } catch (const std::exception &e) {
            return usage(QStringLiteral("--prices %1: %2").arg(parser.value(prices), QString::fromUtf8(e.what())));
        }
        request.build.prices = &*ownPrices;
    }

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

    // What the template configures is checked first, and a problem there points at the resource;
    // a problem with an argument then names the argument.
    const std::string logicalId = parser.value(target).toStdString();
    Scenario scenario;
    try {
        scenario = cli::buildScenario(document.root, logicalId, request);
    } catch (const cli::ScenarioOptionError &e) {
        return usage(QString::fromUtf8(e.what()));
    } catch (const std::invalid_argument &e) {
        const std::string message = e.what();
        if (request.build.strategy && message.rfind("strategy \"" + *request.build.strategy + '"', 0) == 0)
            return usage(QStringLiteral("--strategy: ") + QString::fromStdString(message));
        // Point at the resource when the template has it, as editors understand.
        const auto pos = document.positions.find("/Resources/" + SourceMap::escape(logicalId));
        if (pos.isValid() && document.root.contains("Resources") && document.root["Resources"].contains(logicalId)) {
            err << files.front() << ':' << pos.line << ':' << pos.column << ": " << e.what() << "\n";
            return 2;
        }
        return usage(QString::fromStdString(message));
    }
    Timeline timeline;
    try {
        timeline = simulate(scenario);
    } catch (const std::exception &e) {
        // A scenario validateScenario() let through but the simulator cannot play: say so
        // rather than abort.
        err << "stackcanvas: cannot simulate " << parser.value(target) << ": " << e.what() << "\n";
        return 2;
    }
    // JSON and CSV are UTF-8 already: written as they are, not copied through a QString, so
    // the largest fleet's output costs its own size once.
    const auto write = [](const std::string &text) { std::fwrite(text.data(), 1, text.size(), stdout); };
    if (fmt == QStringLiteral("json"))
        write(timelineToJson(timeline, {parser.isSet(units)}).dump(2) + '\n');
    else if (fmt == QStringLiteral("csv"))
        write(timelineToCsv(timeline));
    else
        printText(out, scenario, timeline);
    return timeline.result == DeploymentResult::Succeeded ? 0 : 1;
}
