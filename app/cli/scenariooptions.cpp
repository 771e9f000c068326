#include "app/cli/scenariooptions.h"

namespace sc::cli {

ScenarioOptions::ScenarioOptions()
    : m_strategy(QStringLiteral("strategy"), QStringLiteral("Strategy instead of the template's (see below)."),
                 QStringLiteral("NAME"))
    , m_instances(QStringLiteral("instances"), QStringLiteral("Fleet size."), QStringLiteral("N"))
    , m_fail(QStringLiteral("fail"), QStringLiteral("Inject a failure (see below)."), QStringLiteral("SPEC"))
    , m_action(QStringLiteral("action"), QStringLiteral("An operator action at a time (see below)."),
               QStringLiteral("SPEC"))
    , m_set(QStringLiteral("set"), QStringLiteral("Override a timing (see below)."), QStringLiteral("NAME=SECONDS"))
{
}

QList<QCommandLineOption> ScenarioOptions::options() const
{
    return {m_strategy, m_instances, m_fail, m_action, m_set};
}

QString ScenarioOptions::read(const QCommandLineParser &parser, ScenarioRequest &request) const
{
    for (const QCommandLineOption *single : {&m_strategy, &m_instances}) {
        if (parser.values(*single).size() > 1)
            return QStringLiteral("--%1 is given more than once").arg(single->names().constFirst());
    }
    if (parser.isSet(m_strategy))
        request.build.strategy = parser.value(m_strategy).toStdString();
    if (parser.isSet(m_instances)) {
        bool ok = false;
        const int n = parser.value(m_instances).toInt(&ok);
        // Checked before the template is read, so a fleet past the limit is refused at once.
        if (!ok || n < 1 || n > kMaxFleet)
            return QStringLiteral("--instances needs a whole number from 1 to %1 (the simulator's fleet limit), "
                                  "not \"%2\"")
                .arg(kMaxFleet)
                .arg(parser.value(m_instances));
        request.build.instances = n;
    }
    request.failures = parser.values(m_fail);
    request.actions = parser.values(m_action);
    for (const QString &assignment : parser.values(m_set)) {
        const auto eq = assignment.indexOf(QLatin1Char('='));
        bool ok = false;
        const qlonglong seconds = eq > 0 ? assignment.mid(eq + 1).toLongLong(&ok) : 0;
        if (!ok)
            return QStringLiteral("--set: \"%1\" is not NAME=SECONDS with SECONDS a whole number").arg(assignment);
        request.timings[assignment.left(eq).toStdString()] = seconds;
    }
    return {};
}

Scenario buildScenario(const Json &templateRoot, const std::string &target, const ScenarioRequest &request)
{
    Scenario scenario = ScenarioBuilder(templateRoot).build(target, request.build);
    // Each repeatable option in turn, validated as it is applied, so an error names its option.
    const auto apply = [&scenario](const char *option, const auto &add) {
        try {
            add();
            validateScenario(scenario);
        } catch (const std::invalid_argument &e) {
            throw ScenarioOptionError(std::string("--") + option + ": " + e.what());
        }
    };
    for (const QString &spec : request.failures)
        apply("fail", [&] { scenario.failures.push_back(parseFailure(spec.toStdString())); });
    for (const QString &spec : request.actions)
        apply("action", [&] { scenario.actions.push_back(parseAction(spec.toStdString())); });
    for (const auto &timing : request.timings)
        apply("set", [&] { scenario.timing.set(timing.first, timing.second); });
    return scenario;
}

} // namespace sc::cli
