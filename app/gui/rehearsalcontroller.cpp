#include "app/gui/rehearsalcontroller.h"

#include "app/gui/rehearsalcharts.h"

#include "model/document/document.h"
#include "model/document/editrecorder.h"
#include "model/rules/ruledocs.h"

#include <QPointF>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace sc {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// A user's name for a scenario becomes one JSON Pointer token: no '/' or '~' to escape.
bool validScenarioName(const QString &name)
{
    return !name.trimmed().isEmpty() && !name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('~'));
}

QString shortStrategy(const QString &name)
{
    return name.section(QLatin1Char('.'), -1).remove(QLatin1Char(':'));
}

// Without frames, the time moves about 60 times a second; with frames, the timer waits this long
// for the next one before it moves the time by itself.
constexpr int kTimerInterval = 16;
constexpr int kFramelessInterval = 100;

} // namespace

RehearsalController::RehearsalController(QObject *parent)
    : QObject(parent)
{
    m_clock.setInterval(kTimerInterval);
    m_clock.setTimerType(Qt::PreciseTimer);
    connect(&m_clock, &QTimer::timeout, this, &RehearsalController::advance);
}

void RehearsalController::setDocumentController(DocumentController *controller)
{
    if (m_documentController == controller)
        return;
    if (m_documentController)
        m_documentController->disconnect(this);
    m_documentController = controller;
    if (controller) {
        connect(controller->document(), &Document::changed, this, [this] {
            refreshTargets();
            if (!m_target.isEmpty())
                rebuild();
        });
        // A save keeps the rehearsal; a document without the target ends it.
        connect(controller, &DocumentController::documentChanged, this, [this] {
            refreshTargets();
            const bool stillThere = std::any_of(m_targets.cbegin(), m_targets.cend(), [this](const QVariant &t) {
                return t.toMap().value(QStringLiteral("id")).toString() == m_target;
            });
            if (!m_target.isEmpty() && stillThere) {
                rebuild();
                return;
            }
            setPlaying(false);
            m_target.clear();
            m_scenario.reset();
            m_timeline.reset();
            m_error.clear();
            refreshTargets();
            emit scenarioChanged();
            emit timelineChanged();
            setTime(0);
        });
    }
    refreshTargets();
    emit documentControllerChanged();
}

const Document *RehearsalController::document() const
{
    return m_documentController ? m_documentController->document() : nullptr;
}

void RehearsalController::refreshTargets()
{
    m_targets.clear();
    if (const Document *doc = document()) {
        for (const auto &t : ScenarioBuilder(doc->root()).targets()) {
            m_targets.append(QVariantMap{{QStringLiteral("id"), q(t.logicalId)},
                                         {QStringLiteral("type"), q(t.type)},
                                         {QStringLiteral("platform"), t.platform ? q(platformName(*t.platform)) : QString()},
                                         {QStringLiteral("strategy"), q(t.strategy)},
                                         {QStringLiteral("error"), q(t.error)}});
        }
    }
    emit targetsChanged();
}

QString RehearsalController::rehearse(const QString &logicalId)
{
    const Document *doc = document();
    if (!doc)
        return QStringLiteral("no document is open");
    std::optional<DeployableTarget> found;
    for (auto &t : ScenarioBuilder(doc->root()).targets()) {
        if (t.logicalId == logicalId.toStdString())
            found = std::move(t);
    }
    if (!found)
        return QStringLiteral("%1 is not a deployable resource (a deployment group, Lambda alias, SAM function "
                              "with DeploymentPreference, ECS service, Beanstalk environment, Auto Scaling group "
                              "with an UpdatePolicy or weighted Route 53 record)").arg(logicalId);
    if (!found->error.empty())
        return q(found->error);
    setPlaying(false);
    m_target = logicalId;
    m_templateStrategy = q(found->strategy);
    m_strategies.clear();
    for (const auto &s : found->strategies)
        m_strategies << q(s);
    m_customForms.clear();
    for (const auto &s : found->customForms)
        m_customForms << q(s);
    m_strategyOverride.reset();
    m_instancesOverride.reset();
    m_timingOverrides.clear();
    m_failures.clear();
    m_actions.clear();
    return rebuild();
}

QString RehearsalController::rebuild()
{
    const bool wasReady = m_timeline.has_value();
    m_error.clear();
    try {
        Scenario s = scenarioWithStrategy(m_strategyOverride);
        Timeline t = simulate(s);
        m_scenario = std::move(s);
        m_timeline = std::move(t);
    } catch (const std::exception &e) {
        m_error = QString::fromUtf8(e.what());
        m_scenario.reset();
        m_timeline.reset();
    }
    ++m_revision;
    m_eventTimes.clear();
    if (m_timeline) {
        for (const auto &e : m_timeline->events)
            m_eventTimes.push_back(e.t);
        std::sort(m_eventTimes.begin(), m_eventTimes.end());
        m_eventTimes.erase(std::unique(m_eventTimes.begin(), m_eventTimes.end()), m_eventTimes.end());
    }
    emit scenarioChanged();
    emit timelineChanged();
    if (!m_timeline && wasReady)
        setPlaying(false);
    // Keep the moment the user was looking at when the new run is long enough.
    m_exactTime = std::min<double>(m_exactTime, duration());
    m_time = static_cast<Seconds>(m_exactTime);
    emit timeChanged();
    return m_error;
}

Scenario RehearsalController::scenarioWithStrategy(const std::optional<std::string> &strategy) const
{
    const Document *doc = document();
    if (!doc || m_target.isEmpty())
        throw ScenarioError("choose a deployable resource to rehearse");
    Scenario s = ScenarioBuilder(doc->root()).build(m_target.toStdString(), {strategy, m_instancesOverride});
    for (const auto &[name, seconds] : m_timingOverrides)
        s.timing.set(name, seconds);
    for (const QString &spec : m_failures)
        s.failures.push_back(parseFailure(spec.toStdString()));
    for (const QString &spec : m_actions)
        s.actions.push_back(parseAction(spec.toStdString()));
    validateScenario(s);
    return s;
}

QString RehearsalController::setStrategy(const QString &name)
{
    if (name.isEmpty() || name == m_templateStrategy)
        m_strategyOverride.reset();
    else
        m_strategyOverride = name.toStdString();
    return rebuild();
}

QString RehearsalController::setInstances(int count)
{
    if (count <= 0)
        m_instancesOverride.reset();
    else
        m_instancesOverride = count;
    return rebuild();
}

QString RehearsalController::setTiming(const QString &name, double seconds)
{
    const std::string key = name.toStdString();
    if (!findTimingDefinition(key))
        return QStringLiteral("no timing is called %1").arg(name);
    if (seconds < 0 || !std::isfinite(seconds))
        return QStringLiteral("%1 needs a number of seconds from 0").arg(name);
    m_timingOverrides[key] = static_cast<Seconds>(std::llround(seconds));
    return rebuild();
}

QString RehearsalController::resetTiming(const QString &name)
{
    m_timingOverrides.erase(name.toStdString());
    return rebuild();
}

QString RehearsalController::addFailure(const QString &spec)
{
    try {
        parseFailure(spec.trimmed().toStdString());
    } catch (const std::invalid_argument &e) {
        return QString::fromUtf8(e.what());
    }
    m_failures << spec.trimmed();
    const QString why = rebuild();
    if (!why.isEmpty()) {
        m_failures.removeLast();
        rebuild();
    }
    return why;
}

QString RehearsalController::addAction(const QString &spec)
{
    try {
        parseAction(spec.trimmed().toStdString());
    } catch (const std::invalid_argument &e) {
        return QString::fromUtf8(e.what());
    }
    m_actions << spec.trimmed();
    const QString why = rebuild();
    if (!why.isEmpty()) {
        m_actions.removeLast();
        rebuild();
    }
    return why;
}

void RehearsalController::removeFailure(int index)
{
    if (index >= 0 && index < m_failures.size()) {
        m_failures.removeAt(index);
        rebuild();
    }
}

void RehearsalController::removeAction(int index)
{
    if (index >= 0 && index < m_actions.size()) {
        m_actions.removeAt(index);
        rebuild();
    }
}

QString RehearsalController::failureSpecForUnit(const QString &unitId) const
{
    if (!m_timeline)
        return {};
    // The K of instance:K counts the units in the order they first run the new revision.
    std::vector<std::pair<Seconds, const UnitTrack *>> order;
    for (const auto &u : m_timeline->units) {
        if (!u.countsInFleet())
            continue;
        for (const auto &tr : u.transitions) {
            if (tr.version == Version::Replacement && tr.state != UnitState::Terminated) {
                order.emplace_back(tr.t, &u);
                break;
            }
        }
    }
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (q(order[i].second->id) == unitId)
            return QStringLiteral("instance:%1").arg(i + 1);
    }
    return {};
}

QStringList RehearsalController::availableControls() const
{
    QStringList out;
    if (!m_scenario)
        return out;
    for (auto kind : {OperatorAction::Kind::Stop, OperatorAction::Kind::Rollback, OperatorAction::Kind::Continue}) {
        if (actionUnavailable(*m_scenario, kind).empty())
            out << q(actionName(kind));
    }
    return out;
}

QString RehearsalController::strategy() const
{
    return m_scenario ? q(m_scenario->strategy.name) : m_strategyOverride ? q(*m_strategyOverride) : m_templateStrategy;
}

int RehearsalController::instances() const
{
    return m_scenario ? m_scenario->instances : m_instancesOverride.value_or(0);
}

QVariantList RehearsalController::timings() const
{
    QVariantList out;
    for (const auto &d : timingDefinitions()) {
        const auto over = m_timingOverrides.find(d.name);
        Seconds value = d.defaultSeconds;
        if (m_scenario)
            value = m_scenario->timing.seconds(d.name);
        out.append(QVariantMap{{QStringLiteral("name"), q(d.name)},
                               {QStringLiteral("seconds"), static_cast<double>(value)},
                               {QStringLiteral("defaultSeconds"), static_cast<double>(d.defaultSeconds)},
                               {QStringLiteral("documented"), d.documented},
                               {QStringLiteral("overridden"), over != m_timingOverrides.end()},
                               {QStringLiteral("source"), q(d.source)},
                               {QStringLiteral("description"), q(d.description)}});
    }
    return out;
}

QStringList RehearsalController::notes() const
{
    QStringList out;
    if (m_scenario) {
        for (const auto &n : m_scenario->notes)
            out << q(n);
    }
    return out;
}

QStringList RehearsalController::savedScenarioNames() const
{
    QStringList out;
    if (const Document *doc = document()) {
        try {
            for (const auto &[name, s] : savedScenarios(doc->root()))
                out << q(name);
        } catch (const ScenarioError &) {
            // A hand-edited scenario that does not read is reported when it is opened.
        }
    }
    return out;
}

QString RehearsalController::platform() const
{
    return m_timeline ? q(m_timeline->platform) : QString();
}

QString RehearsalController::result() const
{
    return m_timeline ? q(resultName(m_timeline->result)) : QString();
}

double RehearsalController::duration() const
{
    return m_timeline ? static_cast<double>(m_timeline->durationSeconds()) : 0.0;
}

QVariantList RehearsalController::events() const
{
    QVariantList out;
    if (!m_timeline)
        return out;
    int index = 0;
    for (const auto &e : m_timeline->events) {
        const auto &at = m_timeline->sampleAt(e.t);
        out.append(QVariantMap{{QStringLiteral("index"), index++},
                               {QStringLiteral("t"), static_cast<double>(e.t)},
                               {QStringLiteral("type"), q(e.type)},
                               {QStringLiteral("name"), q(e.name)},
                               {QStringLiteral("status"), q(e.status)},
                               {QStringLiteral("subject"), q(e.subject)},
                               {QStringLiteral("duration"), static_cast<double>(e.durationSeconds)},
                               {QStringLiteral("detail"), q(e.detail)},
                               {QStringLiteral("trafficReplacement"), at.trafficPercent.replacement},
                               {QStringLiteral("healthy"), at.healthy.total()}});
    }
    return out;
}

QVariantList RehearsalController::eventTimes() const
{
    QVariantList out;
    for (Seconds t : m_eventTimes)
        out.append(static_cast<double>(t));
    return out;
}

QVariantList RehearsalController::samples() const
{
    QVariantList out;
    if (!m_timeline)
        return out;
    for (const auto &s : m_timeline->samples) {
        out.append(QVariantMap{{QStringLiteral("t"), static_cast<double>(s.t)},
                               {QStringLiteral("trafficReplacement"), s.trafficPercent.replacement},
                               {QStringLiteral("trafficOriginal"), s.trafficPercent.original},
                               {QStringLiteral("healthy"), s.healthy.total()},
                               {QStringLiteral("running"), s.instances.total()}});
    }
    return out;
}

int RehearsalController::peakInstances() const
{
    return m_timeline ? m_timeline->metrics.peakInstances : 0;
}

QVariantMap RehearsalController::metrics() const
{
    return m_timeline ? metricsToMap(m_timeline->metrics) : QVariantMap();
}

void RehearsalController::setPlaying(bool playing)
{
    playing = playing && m_timeline.has_value();
    if (playing == m_playing)
        return;
    m_playing = playing;
    if (playing) {
        if (m_exactTime >= duration())
            setTime(0); // play again from the start
        m_sinceFrame.start();
        m_clock.start(kTimerInterval);
    } else {
        m_clock.stop();
    }
    emit playingChanged();
}

void RehearsalController::setSpeed(double speed)
{
    speed = std::clamp(speed, 1.0, 600.0);
    if (speed == m_speed)
        return;
    m_speed = speed;
    emit speedChanged();
}

void RehearsalController::setLoop(bool loop)
{
    if (loop == m_loop)
        return;
    m_loop = loop;
    emit loopChanged();
}

void RehearsalController::advanceFrame()
{
    if (!m_playing)
        return;
    // The frames drive the clock: the timer only fills in when they stop coming.
    m_clock.start(kFramelessInterval);
    advance();
}

void RehearsalController::advance()
{
    const double elapsed = m_sinceFrame.restart() / 1000.0;
    double next = m_exactTime + elapsed * m_speed;
    const double end = duration();
    if (next >= end) {
        if (m_loop) {
            next = end > 0 ? std::fmod(next, end) : 0;
        } else {
            m_exactTime = end;
            m_time = static_cast<Seconds>(end);
            emit timeChanged();
            setPlaying(false);
            return;
        }
    }
    m_exactTime = next;
    m_time = static_cast<Seconds>(std::floor(next));
    emit timeChanged();
}

void RehearsalController::setTime(Seconds t)
{
    m_exactTime = static_cast<double>(t);
    m_time = t;
    emit timeChanged();
}

void RehearsalController::seek(double seconds)
{
    if (!std::isfinite(seconds))
        return;
    const double clamped = std::clamp(seconds, 0.0, duration());
    m_exactTime = clamped;
    m_time = static_cast<Seconds>(std::floor(clamped));
    emit timeChanged();
}

void RehearsalController::stepNext()
{
    const auto it = std::upper_bound(m_eventTimes.begin(), m_eventTimes.end(), m_time);
    // Landing on an event at a fraction of a second past it steps to the next one.
    if (it != m_eventTimes.end())
        setTime(*it);
    else if (m_timeline)
        setTime(m_timeline->durationSeconds());
}

void RehearsalController::stepPrevious()
{
    // The last event time strictly before the current moment.
    const auto it = std::lower_bound(m_eventTimes.begin(), m_eventTimes.end(),
                                     m_exactTime > static_cast<double>(m_time) ? m_time + 1 : m_time);
    if (it != m_eventTimes.begin())
        setTime(*std::prev(it));
    else
        setTime(0);
}

QVariantMap RehearsalController::sample() const
{
    if (!m_timeline || m_timeline->samples.empty())
        return {};
    const auto &s = m_timeline->sampleAt(m_time);
    return {{QStringLiteral("trafficOriginal"), s.trafficPercent.original},
            {QStringLiteral("trafficReplacement"), s.trafficPercent.replacement},
            {QStringLiteral("healthyOriginal"), s.healthy.original},
            {QStringLiteral("healthyReplacement"), s.healthy.replacement},
            {QStringLiteral("instancesOriginal"), s.instances.original},
            {QStringLiteral("instancesReplacement"), s.instances.replacement}};
}

QVariantList RehearsalController::tiles() const
{
    QVariantList out;
    if (!m_timeline)
        return out;
    for (const auto &c : tilesAt(*m_timeline, m_time)) {
        out.append(QVariantMap{{QStringLiteral("kind"), q(unitKindName(c.kind))},
                               {QStringLiteral("version"), q(versionName(c.version))},
                               {QStringLiteral("state"), q(unitStateName(c.state))},
                               {QStringLiteral("count"), c.count}});
    }
    return out;
}

QVariantList RehearsalController::units() const
{
    QVariantList out;
    if (!m_timeline)
        return out;
    for (const auto &u : m_timeline->units) {
        const UnitTransition *now = u.at(m_time);
        if (!now || !u.countsInFleet())
            continue;
        out.append(QVariantMap{{QStringLiteral("id"), q(u.id)},
                               {QStringLiteral("version"), q(versionName(now->version))},
                               {QStringLiteral("state"), q(unitStateName(now->state))}});
    }
    return out;
}

int RehearsalController::currentEvent() const
{
    if (!m_timeline)
        return -1;
    const auto phase = phaseAt(*m_timeline, m_time);
    return phase ? static_cast<int>(phase->event) : -1;
}

QVariantMap RehearsalController::narration() const
{
    const int index = currentEvent();
    if (index < 0)
        return {};
    const auto &e = m_timeline->events[static_cast<std::size_t>(index)];
    QVariantMap out{{QStringLiteral("title"), q(e.name) + (e.status.empty() ? QString() : QStringLiteral(" — ") + q(e.status))},
                    {QStringLiteral("type"), q(e.type)},
                    {QStringLiteral("detail"), q(e.detail)}};
    if (const auto n = narrate(m_timeline->platform, e)) {
        out[QStringLiteral("text")] = q(n->text);
        out[QStringLiteral("topic")] = n->topic;
        out[QStringLiteral("topicName")] = q(topicName(n->topic));
        out[QStringLiteral("reference")] = q(n->reference);
    }
    return out;
}

QVariantMap RehearsalController::pathShares() const
{
    QVariantMap out;
    if (!m_timeline || !m_scenario)
        return out;
    for (const auto &p : trafficPathShares(*m_scenario, *m_timeline, m_time)) {
        if (!p.element || p.element->test)
            continue;
        out[q(p.element->logicalId)] = QVariantMap{{QStringLiteral("original"), p.percent.original},
                                                   {QStringLiteral("replacement"), p.percent.replacement},
                                                   {QStringLiteral("role"), q(p.element->role)}};
    }
    return out;
}

QVariantMap RehearsalController::edgeShare(const QString &source, const QString &target) const
{
    // Between a listener (90 % + 10 %) and the blue target group (90 % + 0 %) the edge carries
    // 90 % of the original: the end with the smaller share says what passes along it.
    const QVariantMap shares = pathShares();
    const QVariantMap a = shares.value(source).toMap(), b = shares.value(target).toMap();
    if (a.isEmpty() || b.isEmpty())
        return {};
    const auto total = [](const QVariantMap &m) {
        return m.value(QStringLiteral("original")).toDouble() + m.value(QStringLiteral("replacement")).toDouble();
    };
    return total(a) <= total(b) ? a : b;
}

QVariantList RehearsalController::chartPoints(const QString &series, double width, double height) const
{
    if (!m_timeline)
        return {};
    const double top = isTrafficSeries(series) ? 100.0 : std::max(1, m_timeline->metrics.peakInstances);
    return chartSteps(*m_timeline, series, width, height,
                      {std::max(1.0, static_cast<double>(m_timeline->durationSeconds())), top});
}

QString RehearsalController::suggestedScenarioName() const
{
    return m_target.isEmpty() ? QString() : m_target + QLatin1Char('-') + shortStrategy(strategy());
}

QString RehearsalController::saveScenario(const QString &name)
{
    if (!m_scenario)
        return m_error.isEmpty() ? QStringLiteral("start a rehearsal first") : m_error;
    if (!validScenarioName(name))
        return QStringLiteral("a scenario name must not be empty or contain '/' or '~'");
    Document *doc = m_documentController ? m_documentController->document() : nullptr;
    if (!doc)
        return QStringLiteral("no document is open");
    const Json value = scenarioToJson(*m_scenario);
    const std::string where = "/Metadata/StackCanvas/scenarios";
    const auto result = doc->edit("Save rehearsal " + name.toStdString(), [&](EditRecorder &r, std::string &) {
        r.ensureObject(where);
        r.set(where + "/" + name.toStdString(), value);
        return true;
    });
    return result ? QString() : q(result.error);
}

QString RehearsalController::openSavedScenario(const QString &name)
{
    const Document *doc = document();
    if (!doc)
        return QStringLiteral("no document is open");
    std::optional<Scenario> saved;
    try {
        for (auto &[n, s] : savedScenarios(doc->root())) {
            if (q(n) == name)
                saved = std::move(s);
        }
    } catch (const ScenarioError &e) {
        return QString::fromUtf8(e.what());
    }
    if (!saved)
        return QStringLiteral("the document has no scenario called %1").arg(name);
    if (const QString why = rehearse(q(saved->target)); !why.isEmpty())
        return why;
    if (q(saved->strategy.name) != m_templateStrategy)
        m_strategyOverride = saved->strategy.name;
    if (saved->instances > 0)
        m_instancesOverride = saved->instances;
    m_timingOverrides = saved->timing.overrides();
    for (const auto &f : saved->failures)
        m_failures << q(failureSpec(f));
    for (const auto &a : saved->actions)
        m_actions << q(actionSpec(a));
    return rebuild();
}

QString RehearsalController::exportCsv(const QString &pathOrUrl) const
{
    if (!m_timeline)
        return QStringLiteral("start a rehearsal first");
    QSaveFile file(DocumentController::localPath(pathOrUrl));
    const std::string csv = timelineToCsv(*m_timeline);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv.data(), static_cast<qint64>(csv.size())) < 0 || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return {};
}

QString RehearsalController::exportCharts(const QString &pathOrUrl) const
{
    if (!m_timeline)
        return QStringLiteral("start a rehearsal first");
    return exportChartPicture(pathOrUrl, {{m_target + QStringLiteral(" · ") + strategy() + QStringLiteral(" · ") + result(),
                                           &*m_timeline}});
}

} // namespace sc
