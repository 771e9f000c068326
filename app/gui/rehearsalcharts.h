#pragma once
// The rehearsal's charts outside QML: the step lines the tab's Shapes draw (traffic share per
// version and fleet capacity over time), and the same charts painted into a picture for export
// as PNG or SVG. One run is the Rollout tab's rehearsal; several are a comparison of strategies
// on one shared time axis and one shared capacity scale.

#include "model/rollout/timeline.h"

#include <QString>
#include <QVariantList>

#include <vector>

namespace sc {

// A chart's scale: time from 0 to `end` seconds across, the series from 0 to `top` up (100 for
// traffic shares, the peak fleet for capacity).
struct ChartScale {
    double end = 1;
    double top = 100;
};

// The series a chart draws: trafficReplacement, trafficOriginal (percent), healthy, running
// (units). Any other name reads as running.
double chartValue(const TimelineSample &sample, const QString &series);
bool isTrafficSeries(const QString &series);

// A polyline of QPointF in a width x height box, drawn as steps because a sample holds until the
// next one; changes closer than half a pixel merge, so a fleet of thousands stays a few hundred
// points.
QVariantList chartSteps(const Timeline &timeline, const QString &series, double width, double height,
                        const ChartScale &scale);

// The timeline's metrics for QML: duration, downtime, minHealthyPercent, peakInstances,
// instanceMinutesOriginal/Replacement, extraInstanceMinutes, and when known estimatedCostUsd,
// extraCostUsd, secondsToFullShift, failingVersionRequestPercent.
QVariantMap metricsToMap(const TimelineMetrics &metrics);

struct ChartRun {
    QString title; // "DeploymentGroup · CodeDeployDefault.OneAtATime · Succeeded"
    const Timeline *timeline = nullptr;
};

// Paints one row per run (traffic share, and capacity when the runs have a fleet) into a
// picture and writes it through QSaveFile: PNG for a name ending in .png, SVG for .svg. Returns
// "" or why nothing was written; a failed write leaves an existing file whole.
QString exportChartPicture(const QString &path, const std::vector<ChartRun> &runs);

} // namespace sc
