#include "app/gui/edgelayer.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/documentcontroller.h"
#include "app/gui/edgepaintnode.h"
#include "model/document/document.h"
#include "model/geometry/edgeroute.h"

#include <QQuickWindow>
#include <QSGRendererInterface>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace sc {

namespace {

using Edge = EdgeGeometry::Edge;

constexpr qreal kBaseWidth = 1.5;
constexpr qreal kMinScreenWidth = 1.2;
// Below this zoom a kBaseWidth ribbon is thinner than kMinScreenWidth on screen: draw lines.
constexpr qreal kThinZoom = kMinScreenWidth / kBaseWidth;
constexpr qreal kMinArrowLength = kEdgeArrowLength;
// Zoom-dependent sizes (arrowheads, the highlight) move in steps of this ratio.
constexpr qreal kStep = 1.15;

QPointF normalOf(QPointF d)
{
    const qreal len = std::hypot(d.x(), d.y());
    return len > 1e-9 ? QPointF(-d.y() / len, d.x() / len) : QPointF(0, 1);
}

using Vertices = EdgeVertices;

void push(Vertices &out, QPointF p)
{
    out.push_back({float(p.x()), float(p.y())});
}

std::array<QPointF, 3> arrowOf(const Edge &e, qreal length)
{
    const QPointF base = e.tip + e.direction * length;
    const QPointF side = QPointF(-e.direction.y(), e.direction.x()) * (length * 0.5);
    return {e.tip, base + side, base - side};
}

// Whether the segment a-b, `h` either side, reaches `window`; a null window takes everything.
bool reaches(QPointF a, QPointF b, qreal h, const QRectF &window)
{
    if (window.isNull())
        return true;
    return std::max(a.x(), b.x()) + h >= window.left() && std::min(a.x(), b.x()) - h <= window.right()
           && std::max(a.y(), b.y()) + h >= window.top() && std::min(a.y(), b.y()) - h <= window.bottom();
}

// Ribbon segments are cut into pieces at most this long (scene units): a software rasterizer
// bins a triangle into every tile its bounding box touches, and a long thin diagonal one touches
// most of the window while covering a few pixels of each tile.
constexpr qreal kRibbonPiece = 192;

// The triangles of a polyline `width` wide, leaving out the pieces that miss `window`: an edge
// across a large diagram is mostly off screen, and a software rasterizer still transforms and
// clips every triangle it is given.
void appendRibbon(const Edge &e, qreal width, Vertices &out, const QRectF &window)
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
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const QPointF a = e.points[i], b = e.points[i + 1];
        if (!reaches(a, b, h, window))
            continue;
        // The pieces tile the segment's quad exactly: both its sides are cut at the same ratios.
        const QPointF d = b - a;
        const int pieces = std::max(1, static_cast<int>(std::ceil(std::hypot(d.x(), d.y()) / kRibbonPiece)));
        QPointF p0 = a, o0 = offsets[i];
        for (int k = 1; k <= pieces; ++k) {
            const qreal t = qreal(k) / pieces;
            const QPointF p1 = k == pieces ? b : a + d * t;
            const QPointF o1 = k == pieces ? offsets[i + 1] : offsets[i] + (offsets[i + 1] - offsets[i]) * t;
            if (pieces == 1 || reaches(p0, p1, h, window)) {
                const QPointF a1 = p0 + o0, a2 = p0 - o0, b1 = p1 + o1, b2 = p1 - o1;
                push(out, a1), push(out, a2), push(out, b1);
                push(out, b1), push(out, a2), push(out, b2);
            }
            p0 = p1;
            o0 = o1;
        }
    }
}

void appendLines(const Edge &e, Vertices &out)
{
    for (std::size_t i = 0; i + 1 < e.points.size(); ++i)
        push(out, e.points[i]), push(out, e.points[i + 1]);
}

void appendArrow(const Edge &e, qreal length, Vertices &out)
{
    for (const QPointF &p : arrowOf(e, length))
        push(out, p);
}

bool sameStyle(const EdgeLayer::Style &a, const EdgeLayer::Style &b)
{
    return a.thin == b.thin && a.arrowLength == b.arrowLength && a.highlightWidth == b.highlightWidth;
}

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
    m_colorsDirty = true;
    update();
    emit colorChanged();
}

void EdgeLayer::setHighlightColor(const QColor &color)
{
    if (color == m_highlightColor)
        return;
    m_highlightColor = color;
    m_colorsDirty = true;
    update();
    emit colorChanged();
}

void EdgeLayer::setZoom(qreal zoom)
{
    if (qFuzzyCompare(zoom, m_zoom) || zoom <= 0)
        return;
    m_zoom = zoom;
    // With a little hysteresis, so a zoom resting at the threshold does not flip the drawing.
    m_thin = m_thin ? zoom < kThinZoom * 1.04 : zoom < kThinZoom * 0.96;
    // The width the edges would need to keep kMinScreenWidth, rounded to a step.
    const qreal wanted = std::max(kBaseWidth, kMinScreenWidth / zoom);
    const qreal w = kBaseWidth * std::pow(kStep, std::round(std::log(wanted / kBaseWidth) / std::log(kStep)));
    Style style;
    style.thin = m_thin;
    style.width = kBaseWidth;
    style.arrowLength = std::max(kMinArrowLength, w * 4);
    style.highlightWidth = w * 1.6;
    if (!sameStyle(style, m_style)) {
        m_style = style;
        update();
    }
    emit zoomChanged();
}

void EdgeLayer::setCullRect(const QRectF &rect)
{
    if (rect == m_cullRect)
        return;
    m_cullRect = rect;
    update();
    emit cullRectChanged();
}

bool EdgeLayer::isEdgeDrawn(int edge) const
{
    const EdgeGeometry::Edge *e = m_geometry.edge(edge);
    if (!e)
        return false;
    const auto c = static_cast<std::size_t>(e->chunk);
    return e->floating || m_highlighted[static_cast<std::size_t>(edge)] || c >= m_chunkDrawn.size() || m_chunkDrawn[c];
}

void EdgeLayer::markAllDirty()
{
    const auto chunks = static_cast<std::size_t>(m_geometry.chunkCount());
    m_linesDirty.assign(chunks, true);
    m_ribbonsDirty.assign(chunks, true);
    m_arrowChunksDirty.assign(chunks, true);
    m_arrowsDirty = true;
    m_highlightDirty = true;
}

void EdgeLayer::markChunkDirty(int chunk)
{
    const auto c = static_cast<std::size_t>(chunk);
    m_linesDirty[c] = m_ribbonsDirty[c] = m_arrowChunksDirty[c] = true;
}

void EdgeLayer::rebuild()
{
    std::unordered_map<std::string, QRectF> cards;
    std::vector<EdgeGeometry::Link> links;
    if (m_controller) {
        const Document *document = m_controller->document();
        for (const std::string &id : document->resourceIds())
            cards[id] = document->cardRect(id);
        for (const GraphEdge &g : document->graph().edges())
            links.push_back({g.source, g.target, g.label});
    }
    m_geometry.reset(std::move(cards), links);
    m_geometry.takeDirtyChunks(); // every chunk, as markAllDirty says
    m_highlighted.assign(static_cast<std::size_t>(m_geometry.count()), false);
    markAllDirty();
    m_floatingDirty = true;
    m_structureChanged = true;
    onSelectionChanged();
    update();
    ++m_geometryRevision;
    emit countChanged();
    emit geometryChanged();
}

void EdgeLayer::onChanged(const DocumentChange &change)
{
    if (change.reset || change.graphChanged) {
        rebuild();
        return;
    }
    if (!m_controller)
        return;
    // Cards that moved, and cards whose size may follow an edit of their text: their edges only.
    const Document *document = m_controller->document();
    std::set<std::string> ids = change.moved;
    for (const std::string &id : change.modified) {
        const std::optional<QRectF> rect = m_geometry.cardRect(id);
        if (rect && *rect != document->cardRect(id))
            ids.insert(id);
    }
    if (ids.empty())
        return;
    std::vector<std::pair<std::string, QRectF>> cards;
    for (const std::string &id : ids)
        cards.emplace_back(id, document->cardRect(id));
    for (int i : m_geometry.moveCards(cards))
        m_highlightDirty = m_highlightDirty || m_highlighted[static_cast<std::size_t>(i)];
    for (int c : m_geometry.takeDirtyChunks())
        markChunkDirty(c);
    m_floatingDirty = true;
    update();
    ++m_geometryRevision;
    emit geometryChanged();
}

void EdgeLayer::onSelectionChanged()
{
    if (!m_controller)
        return;
    // The highlight is drawn over the chunks: with geometry, only its own node changes. The
    // software path leaves highlighted edges out of their chunks (stroking them twice would
    // double the cost of the edges a drag moves), so there their chunks change too.
    const bool software = window() && window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    std::vector<bool> was(m_highlighted.size(), false);
    m_highlighted.swap(was);
    for (const QString &id : m_controller->canvas()->selection()) {
        for (int i : m_geometry.edgesOf(id.toStdString()))
            m_highlighted[static_cast<std::size_t>(i)] = true;
    }
    for (std::size_t i = 0; software && i < m_highlighted.size(); ++i) {
        if (was[i] != m_highlighted[i])
            m_linesDirty[static_cast<std::size_t>(m_geometry.edges()[i].chunk)] = true;
    }
    m_highlightDirty = true;
    update();
}

int EdgeLayer::takeRewrittenChunks()
{
    return std::exchange(m_rewritten, 0);
}

QSGNode *EdgeLayer::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    const bool software = window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    QSGNode *root = software ? updateSoftwareNodes(old) : updateHardwareNodes(old);
    m_builtStyle = m_style;
    m_colorsDirty = false;
    m_arrowsDirty = false;
    m_highlightDirty = false;
    m_floatingDirty = false;
    m_structureChanged = false;
    return root;
}

QSGNode *EdgeLayer::updateHardwareNodes(QSGNode *old)
{
    auto *root = old ? static_cast<EdgeTreeNode *>(old) : new EdgeTreeNode;
    const auto chunks = static_cast<std::size_t>(m_geometry.chunkCount());
    if (m_structureChanged || !root->highlight) {
        root->build(chunks, m_color, m_highlightColor);
        markAllDirty();
        m_builtStyle.thin = !m_style.thin; // forces the opacities below
    }
    const bool thin = m_style.thin;
    if (thin != m_builtStyle.thin) {
        root->lines->setOpacity(thin ? 1 : 0);
        root->ribbons->setOpacity(thin ? 0 : 1);
    }
    const bool arrowsChanged = m_arrowsDirty || m_style.arrowLength != m_builtStyle.arrowLength;
    const std::vector<Edge> &edges = m_geometry.edges();
    Vertices vertices;
    std::vector<bool> &curvesDirty = thin ? m_linesDirty : m_ribbonsDirty;
    const ChunkCurvesNode *curves = thin ? root->lines : root->ribbons;
    // Ribbons (zoomed in) keep only the segments inside the live part of the scene; when that
    // part moves, every ribbon is written again. Lines (zoomed out, the whole diagram in view)
    // keep everything.
    const QRectF window = thin ? QRectF() : m_cullRect;
    if (!thin && window != m_ribbonWindow) {
        m_ribbonsDirty.assign(chunks, true);
        m_floatingDirty = m_highlightDirty = true;
        m_ribbonWindow = window;
    }
    // A chunk outside the live part of the scene is blocked: off screen, its vertices would still
    // be transformed and clipped every frame. It stays stale until it is shown again.
    const qreal margin = std::max(m_style.arrowLength, m_style.highlightWidth) + m_style.width;
    m_chunkDrawn.resize(chunks);
    for (std::size_t c = 0; c < chunks; ++c) {
        const QRectF bounds = m_geometry.chunkBounds(static_cast<int>(c));
        const bool drawn = m_cullRect.isNull()
                           || (!bounds.isNull() && bounds.adjusted(-margin, -margin, margin, margin).intersects(m_cullRect));
        m_chunkDrawn[c] = drawn;
        for (FlatNode *node : {root->lines->chunk[c], root->ribbons->chunk[c], root->arrows->chunk[c]})
            node->setBlocked(!drawn);
        if (m_colorsDirty) {
            root->lines->chunk[c]->recolor(m_color);
            root->ribbons->chunk[c]->recolor(m_color);
            root->arrows->chunk[c]->recolor(m_color);
        }
        if (!drawn) {
            m_arrowChunksDirty[c] = m_arrowChunksDirty[c] || arrowsChanged;
            continue;
        }
        if (curvesDirty[c]) {
            vertices.clear();
            for (int i : m_geometry.chunk(static_cast<int>(c))) {
                const Edge &e = edges[static_cast<std::size_t>(i)];
                if (e.floating)
                    continue;
                if (thin)
                    appendLines(e, vertices);
                else
                    appendRibbon(e, m_style.width, vertices, window);
            }
            curves->chunk[c]->fill(vertices);
            curvesDirty[c] = false;
            ++m_rewritten;
        }
        if (arrowsChanged || m_arrowChunksDirty[c]) {
            vertices.clear();
            for (int i : m_geometry.chunk(static_cast<int>(c))) {
                if (!edges[static_cast<std::size_t>(i)].floating)
                    appendArrow(edges[static_cast<std::size_t>(i)], m_style.arrowLength, vertices);
            }
            root->arrows->chunk[c]->fill(vertices);
            m_arrowChunksDirty[c] = false;
        }
    }
    if (m_colorsDirty) {
        root->floating->lines->recolor(m_color);
        root->floating->triangles->recolor(m_color);
        root->highlight->recolor(m_highlightColor);
    }
    if (m_floatingDirty || m_highlightDirty || thin != m_builtStyle.thin || arrowsChanged) {
        Vertices triangles;
        vertices.clear();
        for (int i : m_geometry.floatingEdges()) {
            // A selected card's edges are under the highlight: rasterizing them twice costs.
            if (m_highlighted[static_cast<std::size_t>(i)])
                continue;
            const Edge &e = edges[static_cast<std::size_t>(i)];
            if (thin)
                appendLines(e, vertices);
            else
                appendRibbon(e, m_style.width, triangles, window);
            appendArrow(e, m_style.arrowLength, triangles);
        }
        root->floating->lines->fill(vertices);
        root->floating->triangles->fill(triangles);
    }
    if (m_highlightDirty || m_style.highlightWidth != m_builtStyle.highlightWidth || arrowsChanged) {
        vertices.clear();
        for (std::size_t i = 0; i < edges.size(); ++i) {
            if (m_highlighted[i]) {
                appendRibbon(edges[i], m_style.highlightWidth, vertices, window);
                appendArrow(edges[i], m_style.arrowLength, vertices);
            }
        }
        root->highlight->fill(vertices);
    }
    return root;
}

QSGNode *EdgeLayer::updateSoftwareNodes(QSGNode *old)
{
    auto *root = old ? static_cast<PaintedEdgesNode *>(old) : new PaintedEdgesNode;
    const auto chunks = static_cast<std::size_t>(m_geometry.chunkCount());
    if (m_structureChanged || !root->highlight) {
        root->build(window(), chunks);
        markAllDirty();
    }
    const bool styleChanged = !sameStyle(m_style, m_builtStyle) || m_colorsDirty;
    const std::vector<Edge> &edges = m_geometry.edges();
    // Each edge is painted once: by the highlight when selected, else by the floating node
    // while its card moves, else by its chunk.
    const auto copyEdges = [&](EdgePaintNode *paint, const std::vector<int> &members, bool highlighted, bool floating) {
        paint->curves.clear();
        paint->curveBounds.clear();
        paint->arrows.clear();
        paint->allCurves = QRectF();
        for (int i : members) {
            const Edge &e = edges[static_cast<std::size_t>(i)];
            if (m_highlighted[static_cast<std::size_t>(i)] != highlighted || (!highlighted && e.floating != floating))
                continue;
            paint->curves.push_back(e.points);
            paint->curveBounds.push_back(e.bounds);
            paint->arrows.emplace_back(e.tip, e.direction);
            paint->allCurves |= e.bounds;
        }
    };
    const auto style = [this](EdgePaintNode *paint, const QColor &color, qreal penWidth) {
        paint->color = color;
        paint->width = penWidth;
        paint->arrowLength = m_style.arrowLength;
        // Room for the pen and the arrowheads around the curves.
        const qreal pad = m_style.arrowLength + m_style.highlightWidth;
        paint->bounds = paint->curves.empty() ? QRectF() : paint->allCurves.adjusted(-pad, -pad, pad, pad);
        paint->markDirty(QSGNode::DirtyMaterial);
    };
    const qreal width = m_style.thin ? 0 : m_style.width;
    for (std::size_t c = 0; c < chunks; ++c) {
        const bool dirty = m_linesDirty[c];
        if (dirty) {
            copyEdges(root->chunks[c], m_geometry.chunk(static_cast<int>(c)), false, false);
            m_linesDirty[c] = m_ribbonsDirty[c] = m_arrowChunksDirty[c] = false;
            ++m_rewritten;
        }
        if (dirty || styleChanged)
            style(root->chunks[c], m_color, width);
    }
    if (m_floatingDirty)
        copyEdges(root->floating, m_geometry.floatingEdges(), false, true);
    if (m_floatingDirty || styleChanged)
        style(root->floating, m_color, width);
    if (m_highlightDirty) {
        std::vector<int> highlighted;
        for (std::size_t i = 0; i < m_highlighted.size(); ++i) {
            if (m_highlighted[i])
                highlighted.push_back(static_cast<int>(i));
        }
        copyEdges(root->highlight, highlighted, true, false);
    }
    if (m_highlightDirty || styleChanged)
        style(root->highlight, m_highlightColor, m_style.highlightWidth);
    return root;
}

int EdgeLayer::edgeAt(QPointF p, qreal tolerance) const
{
    return m_geometry.edgeAt(p, tolerance);
}

QString EdgeLayer::edgeLabel(int edge) const
{
    const EdgeGeometry::Edge *e = m_geometry.edge(edge);
    return e ? QString::fromStdString(e->label) : QString();
}

QString EdgeLayer::edgeSource(int edge) const
{
    const EdgeGeometry::Edge *e = m_geometry.edge(edge);
    return e ? QString::fromStdString(e->source) : QString();
}

QString EdgeLayer::edgeTarget(int edge) const
{
    const EdgeGeometry::Edge *e = m_geometry.edge(edge);
    return e ? QString::fromStdString(e->target) : QString();
}

QPointF EdgeLayer::edgeMidpoint(int edge) const
{
    return m_geometry.midpoint(edge);
}

QPointF EdgeLayer::edgeStart(int edge) const
{
    return m_geometry.start(edge);
}

QPointF EdgeLayer::edgeTip(int edge) const
{
    return m_geometry.tip(edge);
}

QList<int> EdgeLayer::edgesAmong(const QStringList &ids) const
{
    std::set<std::string> cards;
    for (const QString &id : ids)
        cards.insert(id.toStdString());
    const std::vector<int> edges = m_geometry.edgesAmong(cards);
    return QList<int>(edges.begin(), edges.end());
}

QList<QPointF> EdgeLayer::edgePath(int edge) const
{
    const std::vector<QPointF> &points = m_geometry.path(edge);
    return QList<QPointF>(points.begin(), points.end());
}

} // namespace sc
