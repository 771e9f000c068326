#pragma once
// The scene-graph nodes of the canvas's edges (EdgeLayer), one type for each thing drawn; the
// layer decides what goes in them and when.
//
// EdgePaintNode is the software renderer's drawing of one chunk: that renderer ignores custom
// geometry, so this QSGRenderNode paints the chunk's curves and arrowheads with QPainter.
// `rect()` is the chunk's bounds, so the renderer repaints only that part of the window when the
// chunk changes and skips it entirely when it is off screen.

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSGGeometryNode>
#include <QSGOpacityNode>
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

using EdgeVertices = std::vector<QSGGeometry::Point2D>;

// One flat-colour geometry node, its vertices rewritten in place. A blocked node is neither
// uploaded nor drawn, and keeps its vertices for when it is shown again.
class FlatNode : public QSGGeometryNode {
public:
    FlatNode(const QColor &color, QSGGeometry::DrawingMode mode);
    void fill(const EdgeVertices &vertices);
    void recolor(const QColor &color);
    bool isSubtreeBlocked() const override { return m_blocked; }
    void setBlocked(bool blocked);

private:
    bool m_blocked = false;
};

// Every chunk's curves in one drawing, 1 px lines or scene-width ribbons, a node per chunk. Shown
// while its drawing is in use, blocked otherwise (opacity 0: neither uploaded nor drawn); a
// chunk's node is rewritten when that chunk is stale while this drawing shows.
class ChunkCurvesNode : public QSGOpacityNode {
public:
    ChunkCurvesNode(std::size_t chunks, const QColor &color, QSGGeometry::DrawingMode mode);
    const std::vector<FlatNode *> chunk; // children
};

// Every chunk's arrowheads, a node per chunk: rewritten with their chunk, and all of them when a
// zoom step changes the arrows' length.
class ChunkArrowsNode : public QSGNode {
public:
    ChunkArrowsNode(std::size_t chunks, const QColor &color);
    const std::vector<FlatNode *> chunk; // children
};

// The edges of the cards moving now, drawn apart from their chunks (a selected card's edges are
// the highlight's): rewritten each frame of a drag, and when the drawing, the arrows' length or
// the selection changes.
class FloatingEdgesNode : public QSGNode {
public:
    explicit FloatingEdgesNode(const QColor &color);
    FlatNode *const lines;     // the curves while thin
    FlatNode *const triangles; // the ribbons otherwise, and the arrowheads
};

// The selected cards' edges over everything, as ribbons with arrowheads in the highlight colour:
// rewritten when the selection changes, when those edges move, and at a zoom step.
class HighlightNode : public FlatNode {
public:
    explicit HighlightNode(const QColor &color) : FlatNode(color, QSGGeometry::DrawTriangles) {}
};

// The root under a hardware renderer, its children in drawing order: every chunk's lines and
// ribbons (one of the two shown), their arrowheads, the floating edges, the highlight. Built anew
// when the edges are.
class EdgeTreeNode : public QSGNode {
public:
    void build(std::size_t chunks, const QColor &color, const QColor &highlightColor);
    ChunkCurvesNode *lines = nullptr;
    ChunkCurvesNode *ribbons = nullptr;
    ChunkArrowsNode *arrows = nullptr;
    FloatingEdgesNode *floating = nullptr;
    HighlightNode *highlight = nullptr;
};

// The root under the software renderer: an EdgePaintNode per chunk for its settled, unselected
// edges, then one for the floating edges and one for the highlighted ones. Built anew when the
// edges are.
class PaintedEdgesNode : public QSGNode {
public:
    void build(QQuickWindow *window, std::size_t chunkCount);
    std::vector<EdgePaintNode *> chunks;
    EdgePaintNode *floating = nullptr;
    EdgePaintNode *highlight = nullptr;
};

} // namespace sc
