#pragma once
// Strategies side by side for the rehearsed resource: two to four runs of the rollout engine on
// the Rollout tab's scenario (fleet, timings, failures, actions), each with another strategy,
// on one shared time axis and one shared capacity scale, with the engine's metrics for each
// (duration, minimum healthy capacity, peak instances, extra instance-minutes, cost, and with a
// failure injected the share of requests that reached the bad version). The runs follow every
// change of the rehearsal's scenario; a change of target ends the comparison.

#include "app/gui/rehearsalcontroller.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace sc {

class RehearsalComparison : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(sc::RehearsalController *rehearsal READ rehearsal WRITE setRehearsal NOTIFY rehearsalChanged)
    Q_PROPERTY(QStringList strategies READ strategies NOTIFY runsChanged)
    // [{strategy, result, error, metrics: {...metricsToMap}}] in the order the strategies were added.
    Q_PROPERTY(QVariantList rows READ rows NOTIFY runsChanged)
    // The longest run: the end of the shared time axis.
    Q_PROPERTY(double duration READ duration NOTIFY runsChanged)
    // The largest fleet of any run: the top of every capacity chart (0 without a fleet).
    Q_PROPERTY(int peakInstances READ peakInstances NOTIFY runsChanged)
    Q_PROPERTY(int revision READ revision NOTIFY runsChanged)

public:
    static constexpr int maxRuns = 4;

    explicit RehearsalComparison(QObject *parent = nullptr);

    RehearsalController *rehearsal() const { return m_rehearsal; }
    void setRehearsal(RehearsalController *rehearsal);

    QStringList strategies() const;
    QVariantList rows() const;
    double duration() const;
    int peakInstances() const;
    int revision() const { return m_revision; }

    // Adds a run with this strategy (a predefined configuration or a custom form). Returns "" or
    // why not: no rehearsal, already compared, more than four, or the engine's refusal.
    Q_INVOKABLE QString add(const QString &strategy);
    Q_INVOKABLE void remove(int index);
    Q_INVOKABLE void clear();
    // A step line of run `index` on the shared axes (see chartSteps).
    Q_INVOKABLE QVariantList chartPoints(int index, const QString &series, double width, double height) const;
    // Every run's charts, one row each on the shared axes: PNG or SVG by the name's suffix.
    Q_INVOKABLE QString exportCharts(const QString &pathOrUrl) const;

    // The runs' timelines for tests and views (an empty optional where the engine refused).
    const std::optional<Timeline> &timeline(int index) const { return m_runs.at(std::size_t(index)).timeline; }

signals:
    void rehearsalChanged();
    void runsChanged();

private:
    struct Run {
        QString strategy;
        std::optional<Timeline> timeline;
        QString error;
    };
    void rerun();
    void simulateRun(Run &run) const;

    QPointer<RehearsalController> m_rehearsal;
    QString m_target;
    std::vector<Run> m_runs;
    int m_revision = 0;
};

} // namespace sc
