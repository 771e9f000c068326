#pragma once
// The software renderer's drawing of one chunk of the canvas's edges (EdgeLayer): the software
// renderer ignores custom geometry, so this QSGRenderNode paints the chunk's curves and
// arrowheads with QPainter. `rect()` is the chunk's bounds, so the renderer repaints only that
// part of the window when the chunk changes and skips it entirely when it is off screen.

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSGRenderNode>

#include <utility>
#include <vector>

class QPainter;
class QQuickWindow;

namespace sc {

class EdgePaintNode : public QSGRenderNode {
public:
    explicit EdgePaintNode(QQuickWindow *window) : m_window(window) {}

    void render(const RenderState *state) override;
    StateFlags changedStates() const override { return {}; }
    RenderingFlags flags() const override { return BoundedRectRendering; }
    QRectF rect() const override { return bounds; }

    // Copied from the edges when they change; the style is applied at paint time, so a zoom
    // step copies nothing.
    std::vector<std::vector<QPointF>> curves;
    std::vector<QRectF> curveBounds;
    std::vector<std::pair<QPointF, QPointF>> arrows; // tip, direction
    QRectF allCurves;
    QColor color;
    qreal width = 0; // scene units; 0 for a 1 px line
    qreal arrowLength = 9;
    QRectF bounds;

private:
    // Strokes only the parts of the curve inside `area`, clipped there: the raster engine
    // rasterizes a stroke over its whole length, and an edge across a large diagram is mostly
    // off screen.
    static void drawVisible(QPainter *painter, const std::vector<QPointF> &curve, const QRectF &area);
    // Liang-Barsky: clips the segment a-b to `r`; false when nothing of it is inside.
    static bool clip(QPointF &a, QPointF &b, const QRectF &r);

    QQuickWindow *m_window;
};

} // namespace sc
