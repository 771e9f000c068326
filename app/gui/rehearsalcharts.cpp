#include "app/gui/rehearsalcharts.h"

#include "app/gui/documentcontroller.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPointF>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace sc {

bool isTrafficSeries(const QString &series)
{
    return series.startsWith(QLatin1String("traffic"));
}

double chartValue(const TimelineSample &s, const QString &series)
{
    if (series == QLatin1String("trafficReplacement"))
        return s.trafficPercent.replacement;
    if (series == QLatin1String("trafficOriginal"))
        return s.trafficPercent.original;
    if (series == QLatin1String("healthy"))
        return s.healthy.total();
    return s.instances.total();
}

QVariantList chartSteps(const Timeline &t, const QString &series, double width, double height, const ChartScale &scale)
{
    QVariantList out;
    if (t.samples.empty() || width <= 0 || height <= 0)
        return out;
    const double end = std::max(1.0, scale.end);
    const double top = std::max(1.0, scale.top);
    const auto y = [&](double v) { return height - v / top * height; };
    // The run ends at its own duration; on a longer shared axis its last value holds to its end.
    const double runEnd = std::min(width, static_cast<double>(t.durationSeconds()) / end * width);
    double lastX = -1;
    double previous = chartValue(t.samples.front(), series);
    out.reserve(static_cast<qsizetype>(std::min<std::size_t>(t.samples.size() * 2, 4 * std::size_t(width) + 4)));
    out.append(QPointF(0, y(previous)));
    for (const auto &s : t.samples) {
        const double x = std::min(width, static_cast<double>(s.t) / end * width);
        const double v = chartValue(s, series);
        if (v == previous)
            continue;
        if (x - lastX >= 0.5) {
            out.append(QPointF(x, y(previous)));
            lastX = x;
        } else {
            out.removeLast(); // several changes in one pixel: keep the step's start and latest value
        }
        out.append(QPointF(x, y(v)));
        previous = v;
    }
    out.append(QPointF(std::max(runEnd, out.constLast().toPointF().x()), y(previous)));
    return out;
}

QVariantMap metricsToMap(const TimelineMetrics &m)
{
    QVariantMap out;
    out[QStringLiteral("duration")] = static_cast<double>(m.durationSeconds);
    out[QStringLiteral("downtime")] = static_cast<double>(m.downtimeSeconds);
    out[QStringLiteral("minHealthyPercent")] = m.minHealthyPercent;
    out[QStringLiteral("peakInstances")] = m.peakInstances;
    out[QStringLiteral("instanceMinutesOriginal")] = m.instanceMinutes.original;
    out[QStringLiteral("instanceMinutesReplacement")] = m.instanceMinutes.replacement;
    out[QStringLiteral("extraInstanceMinutes")] = m.extraInstanceMinutes;
    if (m.estimatedCostUsd)
        out[QStringLiteral("estimatedCostUsd")] = *m.estimatedCostUsd;
    if (m.extraCostUsd)
        out[QStringLiteral("extraCostUsd")] = *m.extraCostUsd;
    if (m.secondsToFullShift)
        out[QStringLiteral("secondsToFullShift")] = static_cast<double>(*m.secondsToFullShift);
    if (m.failingVersionRequestPercent)
        out[QStringLiteral("failingVersionRequestPercent")] = *m.failingVersionRequestPercent;
    return out;
}

namespace {

// The exported picture is printed and pasted into documents: a light page whatever the theme.
const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x6b, 0x72, 0x80);
const QColor kGrid(0xe5, 0xe7, 0xeb);
const QColor kNew(0x16, 0xa3, 0x4a);
const QColor kOriginal(0x25, 0x63, 0xeb);
const QColor kRunning(0x9c, 0xa3, 0xaf);

constexpr int kWidth = 1200;
constexpr int kMargin = 16;
constexpr int kAxisLabel = 44; // room left of a plot for "100 %"
constexpr int kTitle = 22;
constexpr int kPlot = 140;
constexpr int kRowGap = 18;
constexpr int kTimeLabels = 20;

QString clock(double seconds)
{
    const auto s = static_cast<long long>(std::llround(seconds));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void drawSeries(QPainter &p, const QRectF &plot, const Timeline &t, const QString &series, const ChartScale &scale,
                const QColor &color)
{
    const QVariantList points = chartSteps(t, series, plot.width(), plot.height(), scale);
    if (points.isEmpty())
        return;
    QPainterPath path(points.front().toPointF() + plot.topLeft());
    for (qsizetype i = 1; i < points.size(); ++i)
        path.lineTo(points[i].toPointF() + plot.topLeft());
    p.setPen(QPen(color, 2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
}

void drawPlot(QPainter &p, const QRectF &plot, const Timeline &t, const ChartScale &scale, bool traffic)
{
    p.setPen(kGrid);
    p.setBrush(Qt::NoBrush);
    for (const auto &e : t.events) {
        const double x = plot.left() + std::min(1.0, static_cast<double>(e.t) / scale.end) * plot.width();
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    p.setPen(kMuted);
    p.drawRect(plot);
    p.drawText(QRectF(plot.left() - kAxisLabel, plot.top(), kAxisLabel - 4, 14), Qt::AlignRight,
               traffic ? QStringLiteral("100 %") : QString::number(scale.top));
    p.drawText(QRectF(plot.left() - kAxisLabel, plot.bottom() - 14, kAxisLabel - 4, 14), Qt::AlignRight,
               QStringLiteral("0"));
    if (traffic) {
        drawSeries(p, plot, t, QStringLiteral("trafficOriginal"), scale, kOriginal);
        drawSeries(p, plot, t, QStringLiteral("trafficReplacement"), scale, kNew);
    } else {
        drawSeries(p, plot, t, QStringLiteral("running"), scale, kRunning);
        drawSeries(p, plot, t, QStringLiteral("healthy"), scale, kNew);
    }
}

void paint(QPainter &p, const std::vector<ChartRun> &runs, int height)
{
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRect(0, 0, kWidth, height), Qt::white);
    QFont font = p.font();
    font.setPixelSize(12);
    p.setFont(font);

    ChartScale traffic{1, 100};
    ChartScale capacity{1, 0};
    for (const auto &r : runs) {
        traffic.end = std::max(traffic.end, static_cast<double>(r.timeline->durationSeconds()));
        capacity.top = std::max(capacity.top, static_cast<double>(r.timeline->metrics.peakInstances));
    }
    capacity.end = traffic.end;
    const bool fleet = capacity.top > 0;
    const double columns = fleet ? 2 : 1;
    const double plotWidth = (kWidth - 2 * kMargin - columns * kAxisLabel - (columns - 1) * kMargin) / columns;

    double top = kMargin;
    for (const auto &r : runs) {
        p.setPen(kInk);
        p.drawText(QRectF(kMargin, top, kWidth - 2 * kMargin, kTitle), Qt::AlignLeft | Qt::AlignVCenter, r.title);
        const QRectF trafficPlot(kMargin + kAxisLabel, top + kTitle, plotWidth, kPlot);
        drawPlot(p, trafficPlot, *r.timeline, traffic, true);
        if (fleet) {
            const QRectF capacityPlot(trafficPlot.right() + kMargin + kAxisLabel, top + kTitle, plotWidth, kPlot);
            drawPlot(p, capacityPlot, *r.timeline, capacity, false);
        }
        top += kTitle + kPlot + kRowGap;
    }
    // One time axis for every row.
    p.setPen(kMuted);
    for (int column = 0; column < columns; ++column) {
        const double left = kMargin + kAxisLabel + column * (plotWidth + kMargin + kAxisLabel);
        p.drawText(QRectF(left, top - kRowGap + 2, plotWidth / 2, kTimeLabels), Qt::AlignLeft, clock(0));
        p.drawText(QRectF(left + plotWidth / 2, top - kRowGap + 2, plotWidth / 2, kTimeLabels), Qt::AlignRight,
                   clock(traffic.end));
        p.drawText(QRectF(left, top - kRowGap + 2, plotWidth, kTimeLabels), Qt::AlignHCenter,
                   column == 0 ? QStringLiteral("Traffic share: new version (green), original (blue)")
                               : QStringLiteral("Capacity: healthy (green), running (grey)"));
    }
}

} // namespace

QString exportChartPicture(const QString &pathOrUrl, const std::vector<ChartRun> &runs)
{
    if (runs.empty() || std::any_of(runs.begin(), runs.end(), [](const ChartRun &r) { return !r.timeline; }))
        return QStringLiteral("start a rehearsal first");
    const QString path = DocumentController::localPath(pathOrUrl);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return QStringLiteral("%1: charts are written as .png or .svg").arg(path);
    const int height = kMargin + static_cast<int>(runs.size()) * (kTitle + kPlot + kRowGap) + kTimeLabels;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    bool written = true;
    if (suffix == QLatin1String("png")) {
        QImage image(kWidth, height, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        paint(painter, runs, height);
        painter.end();
        written = image.save(&file, "PNG");
    } else {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(QSize(kWidth, height));
        svg.setViewBox(QRect(0, 0, kWidth, height));
        svg.setTitle(QStringLiteral("Rollout rehearsal"));
        QPainter painter;
        written = painter.begin(&svg);
        if (written) {
            paint(painter, runs, height);
            written = painter.end();
        }
    }
    if (!written || !file.commit())
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace sc
