#include "app/gui/edgepaintnode.h"

#include <QPainter>
#include <QSGFlatColorMaterial>
#include <QQuickWindow>
#include <QSGRendererInterface>

#include <algorithm>

namespace sc {

namespace {

void clearChildren(QSGNode *node)
{
    while (QSGNode *child = node->firstChild()) {
        node->removeChildNode(child);
        delete child; // its own children go with it (OwnedByParent)
    }
}

// Appends one FlatNode per chunk to `parent` (which owns them) and returns them.
std::vector<FlatNode *> appendPerChunk(QSGNode *parent, std::size_t chunks, const QColor &color,
                                       QSGGeometry::DrawingMode mode)
{
    std::vector<FlatNode *> nodes(chunks);
    for (FlatNode *&node : nodes) {
        node = new FlatNode(color, mode);
        parent->appendChildNode(node);
    }
    return nodes;
}

} // namespace

void EdgePaintNode::render(const RenderState *state)
{
    auto *painter = static_cast<QPainter *>(
        m_window->rendererInterface()->getResource(m_window, QSGRendererInterface::PainterResource));
    if (!painter || curves.empty())
        return;
    // What can show: the window, within the item's clip; mapped to scene coordinates, so
    // that edges wholly outside it (most of a large diagram zoomed in) cost nothing.
    // An empty clip region means the node is clipped away entirely (its chunk is outside the
    // canvas's clip), not that there is no clip: drawing then would paint over the panels.
    const QRegion *clip = state->clipRegion();
    if (clip && clip->isEmpty())
        return;
    // The clip region is in window coordinates: it is set before the node's own transform, on
    // a painter whose state the renderer gets back as it was.
    painter->save();
    painter->resetTransform();
    QRectF area(QPointF(), QSizeF(painter->device()->width(), painter->device()->height()));
    if (clip) {
        painter->setClipRegion(*clip, Qt::ReplaceClip);
        area &= QRectF(clip->boundingRect());
    }
    const QTransform transform = matrix()->toTransform();
    painter->setTransform(transform);
    area = transform.inverted().mapRect(area);
    const qreal margin = arrowLength + (width > 0 ? width : 0);
    area.adjust(-margin, -margin, margin, margin);
    painter->setOpacity(inheritedOpacity());
    painter->setRenderHint(QPainter::Antialiasing, true);
    // A cosmetic pen of at most 1 px takes the raster engine's fast line path.
    QPen pen(color, width > 0 ? width : 1);
    pen.setCosmetic(width <= 0);
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    for (std::size_t i = 0; i < curves.size(); ++i) {
        if (area.intersects(curveBounds[i]))
            drawVisible(painter, curves[i], area);
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    for (const auto &[tip, direction] : arrows) {
        if (!area.contains(tip))
            continue;
        const QPointF base = tip + direction * arrowLength;
        const QPointF side = QPointF(-direction.y(), direction.x()) * (arrowLength * 0.5);
        const QPointF arrow[3] = {tip, base + side, base - side};
        painter->drawConvexPolygon(arrow, 3);
    }
    painter->restore();
}

void EdgePaintNode::drawVisible(QPainter *painter, const std::vector<QPointF> &curve, const QRectF &area)
{
    std::vector<QPointF> run;
    std::vector<QLineF> segments;
    const auto flush = [&] {
        if (run.size() > 1) {
            // As separate segments: the raster engine rasterizes each wide solid segment
            // directly, where a polyline of a wide pen is first stroked into an outline and
            // then goes through the general path rasterizer.
            segments.clear();
            for (std::size_t k = 0; k + 1 < run.size(); ++k)
                segments.emplace_back(run[k], run[k + 1]);
            painter->drawLines(segments.data(), static_cast<int>(segments.size()));
        }
        run.clear();
    };
    for (std::size_t k = 0; k + 1 < curve.size(); ++k) {
        QPointF a = curve[k], b = curve[k + 1];
        const bool wholeStart = area.contains(a), wholeEnd = area.contains(b);
        if (!(wholeStart && wholeEnd) && !clip(a, b, area)) {
            flush();
            continue;
        }
        if (!wholeStart)
            flush();
        if (run.empty())
            run.push_back(a);
        run.push_back(b);
        if (!wholeEnd)
            flush();
    }
    flush();
}

bool EdgePaintNode::clip(QPointF &a, QPointF &b, const QRectF &r)
{
    const QPointF d = b - a;
    qreal t0 = 0, t1 = 1;
    const qreal p[4] = {-d.x(), d.x(), -d.y(), d.y()};
    const qreal q[4] = {a.x() - r.left(), r.right() - a.x(), a.y() - r.top(), r.bottom() - a.y()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    const QPointF from = a;
    a = from + d * t0;
    b = from + d * t1;
    return true;
}

FlatNode::FlatNode(const QColor &color, QSGGeometry::DrawingMode mode)
{
    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0);
    geometry->setDrawingMode(mode);
    geometry->setLineWidth(1);
    geometry->setVertexDataPattern(QSGGeometry::DynamicPattern);
    setGeometry(geometry);
    setFlag(QSGNode::OwnsGeometry);
    auto *material = new QSGFlatColorMaterial;
    material->setColor(color);
    setMaterial(material);
    setFlag(QSGNode::OwnsMaterial);
}

void FlatNode::fill(const EdgeVertices &vertices)
{
    geometry()->allocate(static_cast<int>(vertices.size()));
    std::copy(vertices.begin(), vertices.end(), geometry()->vertexDataAsPoint2D());
    markDirty(QSGNode::DirtyGeometry);
}

void FlatNode::setBlocked(bool blocked)
{
    if (blocked == m_blocked)
        return;
    m_blocked = blocked;
    markDirty(QSGNode::DirtySubtreeBlocked);
}

void FlatNode::recolor(const QColor &color)
{
    auto *flat = static_cast<QSGFlatColorMaterial *>(material());
    if (flat->color() != color) {
        flat->setColor(color);
        markDirty(QSGNode::DirtyMaterial);
    }
}

ChunkCurvesNode::ChunkCurvesNode(std::size_t chunks, const QColor &color, QSGGeometry::DrawingMode mode)
    : chunk(appendPerChunk(this, chunks, color, mode))
{
}

ChunkArrowsNode::ChunkArrowsNode(std::size_t chunks, const QColor &color)
    : chunk(appendPerChunk(this, chunks, color, QSGGeometry::DrawTriangles))
{
}

FloatingEdgesNode::FloatingEdgesNode(const QColor &color)
    : lines(new FlatNode(color, QSGGeometry::DrawLines)), triangles(new FlatNode(color, QSGGeometry::DrawTriangles))
{
    appendChildNode(lines);
    appendChildNode(triangles);
}

void EdgeTreeNode::build(std::size_t chunks, const QColor &color, const QColor &highlightColor)
{
    clearChildren(this);
    appendChildNode(lines = new ChunkCurvesNode(chunks, color, QSGGeometry::DrawLines));
    appendChildNode(ribbons = new ChunkCurvesNode(chunks, color, QSGGeometry::DrawTriangles));
    appendChildNode(arrows = new ChunkArrowsNode(chunks, color));
    appendChildNode(floating = new FloatingEdgesNode(color));
    appendChildNode(highlight = new HighlightNode(highlightColor));
}

void PaintedEdgesNode::build(QQuickWindow *window, std::size_t chunkCount)
{
    clearChildren(this);
    chunks.assign(chunkCount, nullptr);
    for (EdgePaintNode *&chunk : chunks)
        appendChildNode(chunk = new EdgePaintNode(window));
    appendChildNode(floating = new EdgePaintNode(window));
    appendChildNode(highlight = new EdgePaintNode(window));
}

} // namespace sc
