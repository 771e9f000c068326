#include "app/gui/rehearsalcomparison.h"

#include "app/gui/rehearsalcharts.h"

#include <algorithm>

namespace sc {

RehearsalComparison::RehearsalComparison(QObject *parent)
    : QObject(parent)
{
}

void RehearsalComparison::setRehearsal(RehearsalController *rehearsal)
{
    if (m_rehearsal == rehearsal)
        return;
    if (m_rehearsal)
        m_rehearsal->disconnect(this);
    m_rehearsal = rehearsal;
    m_runs.clear();
    m_target = rehearsal ? rehearsal->target() : QString();
    if (rehearsal) {
        // Every change of the scenario (fleet, timings, failures, actions, the document) re-runs
        // the engine for each compared strategy; another target is another comparison.
        connect(rehearsal, &RehearsalController::timelineChanged, this, [this] {
            if (m_rehearsal->target() != m_target) {
                m_target = m_rehearsal->target();
                m_runs.clear();
                ++m_revision;
                emit runsChanged();
                return;
            }
            rerun();
        });
    }
    ++m_revision;
    emit rehearsalChanged();
    emit runsChanged();
}

void RehearsalComparison::simulateRun(Run &run) const
{
    run.timeline.reset();
    run.error.clear();
    try {
        run.timeline = simulate(m_rehearsal->scenarioWithStrategy(run.strategy.toStdString()));
    } catch (const std::exception &e) {
        run.error = QString::fromUtf8(e.what());
    }
}

void RehearsalComparison::rerun()
{
    if (m_runs.empty())
        return;
    for (Run &run : m_runs)
        simulateRun(run);
    ++m_revision;
    emit runsChanged();
}

QString RehearsalComparison::add(const QString &strategy)
{
    if (!m_rehearsal || m_rehearsal->target().isEmpty())
        return QStringLiteral("start a rehearsal first");
    const QString name = strategy.trimmed();
    if (name.isEmpty())
        return QStringLiteral("choose a strategy to compare");
    if (std::any_of(m_runs.begin(), m_runs.end(), [&](const Run &r) { return r.strategy == name; }))
        return QStringLiteral("%1 is already compared").arg(name);
    if (m_runs.size() >= maxRuns)
        return QStringLiteral("at most %1 strategies are compared at once").arg(maxRuns);
    m_target = m_rehearsal->target();
    Run run{name, std::nullopt, {}};
    simulateRun(run);
    if (!run.timeline)
        return run.error;
    m_runs.push_back(std::move(run));
    ++m_revision;
    emit runsChanged();
    return {};
}

void RehearsalComparison::remove(int index)
{
    if (index < 0 || index >= static_cast<int>(m_runs.size()))
        return;
    m_runs.erase(m_runs.begin() + index);
    ++m_revision;
    emit runsChanged();
}

void RehearsalComparison::clear()
{
    if (m_runs.empty())
        return;
    m_runs.clear();
    ++m_revision;
    emit runsChanged();
}

QStringList RehearsalComparison::strategies() const
{
    QStringList out;
    for (const Run &r : m_runs)
        out << r.strategy;
    return out;
}

QVariantList RehearsalComparison::rows() const
{
    QVariantList out;
    for (const Run &r : m_runs) {
        QVariantMap row{{QStringLiteral("strategy"), r.strategy}, {QStringLiteral("error"), r.error}};
        if (r.timeline) {
            row[QStringLiteral("result")] = QString::fromStdString(resultName(r.timeline->result));
            row[QStringLiteral("metrics")] = metricsToMap(r.timeline->metrics);
        }
        out.append(row);
    }
    return out;
}

double RehearsalComparison::duration() const
{
    double end = 0;
    for (const Run &r : m_runs) {
        if (r.timeline)
            end = std::max(end, static_cast<double>(r.timeline->durationSeconds()));
    }
    return end;
}

int RehearsalComparison::peakInstances() const
{
    int peak = 0;
    for (const Run &r : m_runs) {
        if (r.timeline)
            peak = std::max(peak, r.timeline->metrics.peakInstances);
    }
    return peak;
}

QVariantList RehearsalComparison::chartPoints(int index, const QString &series, double width, double height) const
{
    if (index < 0 || index >= static_cast<int>(m_runs.size()) || !m_runs[std::size_t(index)].timeline)
        return {};
    const double top = isTrafficSeries(series) ? 100.0 : std::max(1, peakInstances());
    return chartSteps(*m_runs[std::size_t(index)].timeline, series, width, height, {std::max(1.0, duration()), top});
}

QString RehearsalComparison::exportCharts(const QString &pathOrUrl) const
{
    std::vector<ChartRun> runs;
    for (const Run &r : m_runs) {
        if (r.timeline)
            runs.push_back({m_target + QStringLiteral(" · ") + r.strategy + QStringLiteral(" · ")
                                + QString::fromStdString(resultName(r.timeline->result)),
                            &*r.timeline});
    }
    if (runs.empty())
        return QStringLiteral("add a strategy to compare first");
    return exportChartPicture(pathOrUrl, runs);
}

} // namespace sc
