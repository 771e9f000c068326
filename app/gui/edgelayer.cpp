#include "app/gui/edgelayer.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/documentcontroller.h"
#include "model/document/document.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGRenderNode>
#include <QSGRendererInterface>

#include <algorithm>
#include <cmath>

namespace sc {

namespace {

constexpr int kChunkSize = 128;
constexpr int kSegments = 14;
constexpr qreal kBaseWidth = 1.5;
constexpr qreal kMinScreenWidth = 1.2;

QPointF normalOf(QPointF d)
{
    const qreal len = std::hypot(d.x(), d.y());
    return len > 1e-9 ? QPointF(-d.y() / len, d.x() / len) : QPointF(0, 1);
}

// Appends the triangles of a thick polyline and its arrowhead.
void appendEdge(const EdgeLayer::Edge &e, qreal width, std::vector<QSGGeometry::Point2D> &out)
{
    const std::size_t n = e.points.size();
    if (n < 2)
        return;
    const qreal h = width / 2;
    std::vector<QPointF> offsets(n);
    for (std::size_t i = 0; i < n; ++i) {
        const QPointF a = e.points[i == 0 ? 0 : i - 1];
        const QPointF b = e.points[i + 1 < n ? i + 1 : n - 1];
        offsets[i] = normalOf(b - a) * h;
    }
    const auto push = [&](QPointF p) { out.push_back({float(p.x()), float(p.y())}); };
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const QPointF a1 = e.points[i] + offsets[i], a2 = e.points[i] - offsets[i];
        const QPointF b1 = e.points[i + 1] + offsets[i + 1], b2 = e.points[i + 1] - offsets[i + 1];
        push(a1), push(a2), push(b1);
        push(b1), push(a2), push(b2);
    }
    push(e.arrow[0]), push(e.arrow[1]), push(e.arrow[2]);
}

QSGGeometryNode *makeNode(const QColor &color)
{
    auto *node = new QSGGeometryNode;
    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0);
    geometry->setDrawingMode(QSGGeometry::DrawTriangles);
    geometry->setVertexDataPattern(QSGGeometry::DynamicPattern);
    node->setGeometry(geometry);
    node->setFlag(QSGNode::OwnsGeometry);
    auto *material = new QSGFlatColorMaterial;
    material->setColor(color);
    node->setMaterial(material);
    node->setFlag(QSGNode::OwnsMaterial);
    return node;
}

void fill(QSGGeometryNode *node, const std::vector<QSGGeometry::Point2D> &vertices, const QColor &color)
{
    QSGGeometry *g = node->geometry();
    g->allocate(static_cast<int>(vertices.size()));
    std::copy(vertices.begin(), vertices.end(), g->vertexDataAsPoint2D());
    auto *material = static_cast<QSGFlatColorMaterial *>(node->material());
    if (material->color() != color) {
        material->setColor(color);
        node->markDirty(QSGNode::DirtyMaterial);
    }
    node->markDirty(QSGNode::DirtyGeometry);
}

// The software renderer's path: QPainter over a copy of the edges taken at sync time.
class EdgePaintNode : public QSGRenderNode {
public:
    explicit EdgePaintNode(QQuickWindow *window) : m_window(window) {}

    void render(const RenderState *state) override
    {
        auto *painter = static_cast<QPainter *>(
            m_window->rendererInterface()->getResource(m_window, QSGRendererInterface::PainterResource));
        if (!painter)
            return;
        if (const QRegion *clip = state->clipRegion(); clip && !clip->isEmpty())
            painter->setClipRegion(*clip, Qt::ReplaceClip);
        painter->setTransform(matrix()->toTransform());
        painter->setOpacity(inheritedOpacity());
        painter->setRenderHint(QPainter::Antialiasing, true);
        for (int pass = 0; pass < 2; ++pass) {
            const bool highlighted = pass == 1;
            QPen pen(highlighted ? highlightColor : color, highlighted ? width * 1.6 : width);
            pen.setCapStyle(Qt::RoundCap);
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            for (const EdgeLayer::Edge &e : edges) {
                if (e.highlighted == highlighted && (visible.isNull() || visible.intersects(e.bounds)))
                    painter->drawPolyline(e.points.data(), static_cast<int>(e.points.size()));
            }
            painter->setPen(Qt::NoPen);
            painter->setBrush(highlighted ? highlightColor : color);
            for (const EdgeLayer::Edge &e : edges) {
                if (e.highlighted == highlighted && (visible.isNull() || visible.intersects(e.bounds)))
                    painter->drawPolygon(e.arrow, 3);
            }
        }
    }
    StateFlags changedStates() const override { return {}; }
    RenderingFlags flags() const override { return BoundedRectRendering; }
    QRectF rect() const override { return bounds; }

    std::vector<EdgeLayer::Edge> edges;
    QColor color, highlightColor;
    qreal width = 1;
    QRectF visible, bounds;

private:
    QQuickWindow *m_window;
};

} // namespace

EdgeLayer::EdgeLayer(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

EdgeLayer::~EdgeLayer() = default;

void EdgeLayer::setController(DocumentController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller) {
        disconnect(m_controller->document(), nullptr, this, nullptr);
        disconnect(m_controller->canvas(), nullptr, this, nullptr);
    }
    m_controller = controller;
    if (controller) {
        connect(controller->document(), &Document::changed, this, &EdgeLayer::onChanged);
        connect(controller->canvas(), &CanvasController::selectionChanged, this, &EdgeLayer::onSelectionChanged);
    }
    rebuild();
    emit controllerChanged();
}

void EdgeLayer::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    std::fill(m_dirtyChunks.begin(), m_dirtyChunks.end(), true);
    update();
    emit colorChanged();
}

void EdgeLayer::setHighlightColor(const QColor &color)
{
    if (color == m_highlightColor)
        return;
    m_highlightColor = color;
    m_highlightDirty = true;
    update();
    emit colorChanged();
}

void EdgeLayer::setZoom(qreal zoom)
{
    if (qFuzzyCompare(zoom, m_zoom) || zoom <= 0)
        return;
    m_zoom = zoom;
    // Rewriting every edge costs: only when the width really changes (zoomed out far enough).
    const qreal w = strokeWidth();
    if (std::abs(w - m_builtWidth) > m_builtWidth * 0.15) {
        std::fill(m_dirtyChunks.begin(), m_dirtyChunks.end(), true);
        m_highlightDirty = true;
        update();
    }
    emit zoomChanged();
}

void EdgeLayer::setVisibleRect(const QRectF &rect)
{
    if (rect == m_visibleRect)
        return;
    m_visibleRect = rect;
    if (window() && window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software)
        update();
    emit visibleRectChanged();
}

qreal EdgeLayer::strokeWidth() const
{
    return std::max(kBaseWidth, kMinScreenWidth / m_zoom);
}

void EdgeLayer::layoutEdge(Edge &e)
{
    const qreal w = CanvasController::cardWidth(), h = CanvasController::cardHeight();
    const QPointF s = m_positions[e.source], t = m_positions[e.target];
    const QPointF sc(s.x() + w / 2, s.y() + h / 2), tc(t.x() + w / 2, t.y() + h / 2);
    QPointF p0, p3, d0, d3;
    const qreal dx = tc.x() - sc.x(), dy = tc.y() - sc.y();
    if (std::abs(dx) >= w * 0.75 || std::abs(dx) >= std::abs(dy)) {
        const qreal dir = dx >= 0 ? 1 : -1;
        p0 = QPointF(sc.x() + dir * w / 2, sc.y());
        p3 = QPointF(tc.x() - dir * w / 2, tc.y());
        d0 = QPointF(dir, 0), d3 = QPointF(-dir, 0);
    } else {
        const qreal dir = dy >= 0 ? 1 : -1;
        p0 = QPointF(sc.x(), sc.y() + dir * h / 2);
        p3 = QPointF(tc.x(), tc.y() - dir * h / 2);
        d0 = QPointF(0, dir), d3 = QPointF(0, -dir);
    }
    const qreal arrowLength = std::max<qreal>(9, strokeWidth() * 4);
    const QPointF tip = p3;
    p3 = tip + d3 * arrowLength; // the curve ends at the arrowhead's base
    const qreal bend = std::max<qreal>(40, std::hypot(p3.x() - p0.x(), p3.y() - p0.y()) * 0.4);
    const QPointF c1 = p0 + d0 * bend, c2 = p3 + d3 * bend;
    e.points.resize(kSegments + 1);
    for (int i = 0; i <= kSegments; ++i) {
        const qreal u = qreal(i) / kSegments, v = 1 - u;
        e.points[static_cast<std::size_t>(i)] = p0 * (v * v * v) + c1 * (3 * v * v * u) + c2 * (3 * v * u * u) + p3 * (u * u * u);
    }
    const QPointF side = QPointF(-d3.y(), d3.x()) * (arrowLength * 0.5);
    e.arrow[0] = tip;
    e.arrow[1] = p3 + side;
    e.arrow[2] = p3 - side;
    qreal x0 = tip.x(), x1 = tip.x(), y0 = tip.y(), y1 = tip.y();
    for (const QPointF &p : e.points) {
        x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
    }
    e.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1)).adjusted(-arrowLength, -arrowLength, arrowLength, arrowLength);
}

void EdgeLayer::rebuild()
{
    m_edges.clear();
    m_edgesOf.clear();
    m_positions.clear();
    if (m_controller) {
        const Document *document = m_controller->document();
        for (const std::string &id : document->resourceIds())
            m_positions[id] = document->position(id);
        for (const GraphEdge &g : document->graph().edges()) {
            if (g.source == g.target || !m_positions.count(g.source) || !m_positions.count(g.target))
                continue;
            Edge e;
            e.source = g.source;
            e.target = g.target;
            e.label = g.label;
            layoutEdge(e);
            m_edges.push_back(std::move(e));
        }
    }
    // Spatial chunks: edges near each other share a node, so a moved card dirties few chunks.
    std::vector<int> order(m_edges.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    const auto key = [&](int i) {
        const QPointF c = m_edges[static_cast<std::size_t>(i)].bounds.center();
        return std::pair(std::floor(c.y() / 600), c.x());
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    for (std::size_t k = 0; k < order.size(); ++k)
        m_edges[static_cast<std::size_t>(order[k])].chunk = static_cast<int>(k) / kChunkSize;
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        m_edgesOf[m_edges[i].source].push_back(static_cast<int>(i));
        m_edgesOf[m_edges[i].target].push_back(static_cast<int>(i));
    }
    m_chunkCount = static_cast<int>((m_edges.size() + kChunkSize - 1) / kChunkSize);
    m_dirtyChunks.assign(static_cast<std::size_t>(m_chunkCount), true);
    m_structureChanged = true;
    onSelectionChanged();
    update();
    emit countChanged();
}

void EdgeLayer::onChanged(const DocumentChange &change)
{
    if (change.reset || !change.added.empty() || !change.removed.empty() || !change.modified.empty()
        || !change.renamed.empty()) {
        rebuild();
        return;
    }
    if (change.moved.empty() || !m_controller)
        return;
    const Document *document = m_controller->document();
    for (const std::string &id : change.moved)
        m_positions[id] = document->position(id);
    for (const std::string &id : change.moved) {
        const auto it = m_edgesOf.find(id);
        if (it == m_edgesOf.end())
            continue;
        for (int i : it->second) {
            Edge &e = m_edges[static_cast<std::size_t>(i)];
            layoutEdge(e);
            m_dirtyChunks[static_cast<std::size_t>(e.chunk)] = true;
            m_highlightDirty = m_highlightDirty || e.highlighted;
        }
    }
    update();
}

void EdgeLayer::onSelectionChanged()
{
    if (!m_controller)
        return;
    const QStringList selection = m_controller->canvas()->selection();
    std::vector<bool> was(m_edges.size());
    for (std::size_t i = 0; i < m_edges.size(); ++i)
        was[i] = std::exchange(m_edges[i].highlighted, false);
    for (const QString &id : selection) {
        const auto it = m_edgesOf.find(id.toStdString());
        if (it != m_edgesOf.end()) {
            for (int i : it->second)
                m_edges[static_cast<std::size_t>(i)].highlighted = true;
        }
    }
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        if (was[i] != m_edges[i].highlighted)
            m_dirtyChunks[static_cast<std::size_t>(m_edges[i].chunk)] = true;
    }
    m_highlightDirty = true;
    update();
}

QSGNode *EdgeLayer::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    const bool software = window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    const qreal width = strokeWidth();
    if (std::abs(width - m_builtWidth) > 1e-9) {
        // The arrowheads scale with the width: lay every edge out again.
        for (Edge &e : m_edges)
            layoutEdge(e);
        m_builtWidth = width;
    }
    if (software) {
        auto *node = static_cast<EdgePaintNode *>(old);
        if (!node)
            node = new EdgePaintNode(window());
        node->edges = m_edges;
        node->color = m_color;
        node->highlightColor = m_highlightColor;
        node->width = width;
        node->visible = m_visibleRect.isValid() ? m_visibleRect.adjusted(-50, -50, 50, 50) : QRectF();
        QRectF all;
        for (const Edge &e : m_edges)
            all |= e.bounds;
        node->bounds = all;
        node->markDirty(QSGNode::DirtyMaterial);
        std::fill(m_dirtyChunks.begin(), m_dirtyChunks.end(), false);
        return node;
    }
    QSGNode *root = old ? old : new QSGNode;
    if (m_structureChanged || root->childCount() != m_chunkCount + 1) {
        root->removeAllChildNodes(); // children are owned: OwnedByParent is set by default
        for (int i = 0; i < m_chunkCount; ++i)
            root->appendChildNode(makeNode(m_color));
        root->appendChildNode(makeNode(m_highlightColor));
        m_structureChanged = false;
        std::fill(m_dirtyChunks.begin(), m_dirtyChunks.end(), true);
        m_highlightDirty = true;
    }
    std::vector<std::vector<int>> members(static_cast<std::size_t>(m_chunkCount));
    bool anyDirty = false;
    for (int c = 0; c < m_chunkCount; ++c)
        anyDirty = anyDirty || m_dirtyChunks[static_cast<std::size_t>(c)];
    if (anyDirty) {
        for (std::size_t i = 0; i < m_edges.size(); ++i) {
            const auto c = static_cast<std::size_t>(m_edges[i].chunk);
            if (m_dirtyChunks[c])
                members[c].push_back(static_cast<int>(i));
        }
    }
    std::vector<QSGGeometry::Point2D> vertices;
    for (int c = 0; c < m_chunkCount; ++c) {
        if (!m_dirtyChunks[static_cast<std::size_t>(c)])
            continue;
        vertices.clear();
        for (int i : members[static_cast<std::size_t>(c)]) {
            if (!m_edges[static_cast<std::size_t>(i)].highlighted)
                appendEdge(m_edges[static_cast<std::size_t>(i)], width, vertices);
        }
        fill(static_cast<QSGGeometryNode *>(root->childAtIndex(c)), vertices, m_color);
        m_dirtyChunks[static_cast<std::size_t>(c)] = false;
    }
    if (m_highlightDirty) {
        vertices.clear();
        for (const Edge &e : m_edges) {
            if (e.highlighted)
                appendEdge(e, width * 1.6, vertices);
        }
        fill(static_cast<QSGGeometryNode *>(root->childAtIndex(m_chunkCount)), vertices, m_highlightColor);
        m_highlightDirty = false;
    }
    return root;
}

int EdgeLayer::edgeAt(QPointF p, qreal tolerance) const
{
    int best = -1;
    qreal bestDistance = tolerance;
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        const Edge &e = m_edges[i];
        if (!e.bounds.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p))
            continue;
        for (std::size_t k = 0; k + 1 < e.points.size(); ++k) {
            const QPointF a = e.points[k], b = e.points[k + 1], ab = b - a;
            const qreal len2 = QPointF::dotProduct(ab, ab);
            const qreal u = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
            const QPointF q = a + ab * u;
            const qreal d = std::hypot(p.x() - q.x(), p.y() - q.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = static_cast<int>(i);
            }
        }
    }
    return best;
}

QString EdgeLayer::edgeLabel(int edge) const
{
    return edge >= 0 && edge < count() ? QString::fromStdString(m_edges[static_cast<std::size_t>(edge)].label) : QString();
}

QString EdgeLayer::edgeSource(int edge) const
{
    return edge >= 0 && edge < count() ? QString::fromStdString(m_edges[static_cast<std::size_t>(edge)].source) : QString();
}

QString EdgeLayer::edgeTarget(int edge) const
{
    return edge >= 0 && edge < count() ? QString::fromStdString(m_edges[static_cast<std::size_t>(edge)].target) : QString();
}

QPointF EdgeLayer::edgeMidpoint(int edge) const
{
    if (edge < 0 || edge >= count())
        return {};
    const auto &points = m_edges[static_cast<std::size_t>(edge)].points;
    return points[points.size() / 2];
}

} // namespace sc
