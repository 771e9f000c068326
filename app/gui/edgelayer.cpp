#include "app/gui/edgelayer.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/documentcontroller.h"
#include "app/gui/edgepaintnode.h"
#include "model/document/document.h"
#include "model/geometry/edgeroute.h"

#include <QQuickWindow>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGOpacityNode>
#include <QSGRendererInterface>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace sc {

namespace {

// Small chunks: a moved card rewrites (and, in software, repaints) little besides its edges.
constexpr int kChunkSize = 32;
constexpr int kSegments = 14;
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

using Vertices = std::vector<QSGGeometry::Point2D>;

void push(Vertices &out, QPointF p)
{
    out.push_back({float(p.x()), float(p.y())});
}

std::array<QPointF, 3> arrowOf(const EdgeLayer::Edge &e, qreal length)
{
    const QPointF base = e.tip + e.direction * length;
    const QPointF side = QPointF(-e.direction.y(), e.direction.x()) * (length * 0.5);
    return {e.tip, base + side, base - side};
}

// The triangles of a polyline `width` wide.
void appendRibbon(const EdgeLayer::Edge &e, qreal width, Vertices &out)
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
        const QPointF a1 = e.points[i] + offsets[i], a2 = e.points[i] - offsets[i];
        const QPointF b1 = e.points[i + 1] + offsets[i + 1], b2 = e.points[i + 1] - offsets[i + 1];
        push(out, a1), push(out, a2), push(out, b1);
        push(out, b1), push(out, a2), push(out, b2);
    }
}

void appendLines(const EdgeLayer::Edge &e, Vertices &out)
{
    for (std::size_t i = 0; i + 1 < e.points.size(); ++i)
        push(out, e.points[i]), push(out, e.points[i + 1]);
}

void appendArrow(const EdgeLayer::Edge &e, qreal length, Vertices &out)
{
    for (const QPointF &p : arrowOf(e, length))
        push(out, p);
}

QSGGeometryNode *makeNode(const QColor &color, QSGGeometry::DrawingMode mode)
{
    auto *node = new QSGGeometryNode;
    auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0);
    geometry->setDrawingMode(mode);
    geometry->setLineWidth(1);
    geometry->setVertexDataPattern(QSGGeometry::DynamicPattern);
    node->setGeometry(geometry);
    node->setFlag(QSGNode::OwnsGeometry);
    auto *material = new QSGFlatColorMaterial;
    material->setColor(color);
    node->setMaterial(material);
    node->setFlag(QSGNode::OwnsMaterial);
    return node;
}

void fill(QSGNode *node, const Vertices &vertices)
{
    auto *geometryNode = static_cast<QSGGeometryNode *>(node);
    QSGGeometry *g = geometryNode->geometry();
    g->allocate(static_cast<int>(vertices.size()));
    std::copy(vertices.begin(), vertices.end(), g->vertexDataAsPoint2D());
    geometryNode->markDirty(QSGNode::DirtyGeometry);
}

void recolor(QSGNode *node, const QColor &color)
{
    auto *geometryNode = static_cast<QSGGeometryNode *>(node);
    auto *material = static_cast<QSGFlatColorMaterial *>(geometryNode->material());
    if (material->color() != color) {
        material->setColor(color);
        geometryNode->markDirty(QSGNode::DirtyMaterial);
    }
}

void clearChildren(QSGNode *node)
{
    while (QSGNode *child = node->firstChild()) {
        node->removeChildNode(child);
        delete child; // its own children go with it (OwnedByParent)
    }
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

void EdgeLayer::layoutEdge(Edge &e)
{
    const EdgeRoute route = routeEdge(m_rects[e.source], m_rects[e.target]);
    e.tip = route.tip;
    e.direction = route.direction;
    e.points.resize(kSegments + 1);
    route.flatten(kSegments, e.points.data());
    qreal x0 = e.tip.x(), x1 = e.tip.x(), y0 = e.tip.y(), y1 = e.tip.y();
    for (const QPointF &p : e.points) {
        x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
    }
    e.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

void EdgeLayer::markAllDirty()
{
    m_linesDirty.assign(m_chunks.size(), true);
    m_ribbonsDirty.assign(m_chunks.size(), true);
    m_arrowChunksDirty.assign(m_chunks.size(), true);
    m_arrowsDirty = true;
    m_highlightDirty = true;
}

void EdgeLayer::rebuild()
{
    m_edges.clear();
    m_edgesOf.clear();
    m_rects.clear();
    if (m_controller) {
        const Document *document = m_controller->document();
        for (const std::string &id : document->resourceIds())
            m_rects[id] = document->cardRect(id);
        for (const GraphEdge &g : document->graph().edges()) {
            if (g.source == g.target || !m_rects.count(g.source) || !m_rects.count(g.target))
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
        return std::pair(std::floor(c.y() / 400), c.x());
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
    m_chunks.assign((m_edges.size() + kChunkSize - 1) / kChunkSize, {});
    for (std::size_t k = 0; k < order.size(); ++k) {
        const int chunk = static_cast<int>(k) / kChunkSize;
        m_edges[static_cast<std::size_t>(order[k])].chunk = chunk;
        m_chunks[static_cast<std::size_t>(chunk)].push_back(order[k]);
    }
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        m_edgesOf[m_edges[i].source].push_back(static_cast<int>(i));
        m_edgesOf[m_edges[i].target].push_back(static_cast<int>(i));
    }
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
    std::set<std::string> cards = change.moved;
    for (const std::string &id : change.modified) {
        if (m_rects.count(id) && m_rects[id] != m_controller->document()->cardRect(id))
            cards.insert(id);
    }
    if (cards.empty())
        return;
    const Document *document = m_controller->document();
    for (const std::string &id : cards)
        m_rects[id] = document->cardRect(id);
    std::vector<bool> moving(m_edges.size());
    bool newcomers = false;
    for (const std::string &id : cards) {
        const auto it = m_edgesOf.find(id);
        if (it == m_edgesOf.end())
            continue;
        for (int i : it->second) {
            Edge &e = m_edges[static_cast<std::size_t>(i)];
            layoutEdge(e);
            moving[static_cast<std::size_t>(i)] = true;
            newcomers = newcomers || !e.floating;
            m_highlightDirty = m_highlightDirty || e.highlighted;
        }
    }
    // The same cards moving again (a drag): only the floating node changes.
    if (newcomers) {
        for (std::size_t i = 0; i < m_edges.size(); ++i) {
            Edge &e = m_edges[i];
            if (e.floating != moving[i]) {
                e.floating = moving[i];
                markChunkDirty(e);
            }
        }
    }
    m_floatingDirty = true;
    update();
    ++m_geometryRevision;
    emit geometryChanged();
}

void EdgeLayer::markChunkDirty(const Edge &e)
{
    const auto c = static_cast<std::size_t>(e.chunk);
    m_linesDirty[c] = m_ribbonsDirty[c] = m_arrowChunksDirty[c] = true;
}

void EdgeLayer::onSelectionChanged()
{
    if (!m_controller)
        return;
    // The highlight is drawn over the chunks: with geometry, only its own node changes. The
    // software path leaves highlighted edges out of their chunks (stroking them twice would
    // double the cost of the edges a drag moves), so there their chunks change too.
    const bool software = window() && window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    std::vector<bool> was(m_edges.size());
    for (std::size_t i = 0; i < m_edges.size(); ++i)
        was[i] = std::exchange(m_edges[i].highlighted, false);
    for (const QString &id : m_controller->canvas()->selection()) {
        const auto it = m_edgesOf.find(id.toStdString());
        if (it != m_edgesOf.end()) {
            for (int i : it->second)
                m_edges[static_cast<std::size_t>(i)].highlighted = true;
        }
    }
    for (std::size_t i = 0; software && i < m_edges.size(); ++i) {
        if (was[i] != m_edges[i].highlighted)
            m_linesDirty[static_cast<std::size_t>(m_edges[i].chunk)] = true;
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

// Children of the root: the chunks' lines and ribbons (each under an opacity node that shows
// one of the two), the chunks' arrowheads, and the highlighted edges drawn over everything.
QSGNode *EdgeLayer::updateHardwareNodes(QSGNode *old)
{
    QSGNode *root = old ? old : new QSGNode;
    const std::size_t chunks = m_chunks.size();
    if (m_structureChanged || root->childCount() != 6) {
        clearChildren(root);
        auto *lines = new QSGOpacityNode, *ribbons = new QSGOpacityNode;
        auto *arrows = new QSGNode;
        for (std::size_t c = 0; c < chunks; ++c) {
            lines->appendChildNode(makeNode(m_color, QSGGeometry::DrawLines));
            ribbons->appendChildNode(makeNode(m_color, QSGGeometry::DrawTriangles));
            arrows->appendChildNode(makeNode(m_color, QSGGeometry::DrawTriangles));
        }
        root->appendChildNode(lines);
        root->appendChildNode(ribbons);
        root->appendChildNode(arrows);
        root->appendChildNode(makeNode(m_color, QSGGeometry::DrawLines));     // floating lines
        root->appendChildNode(makeNode(m_color, QSGGeometry::DrawTriangles)); // floating ribbons, arrows
        root->appendChildNode(makeNode(m_highlightColor, QSGGeometry::DrawTriangles));
        markAllDirty();
        m_builtStyle.thin = !m_style.thin; // forces the opacities below
    }
    auto *lines = static_cast<QSGOpacityNode *>(root->childAtIndex(0));
    auto *ribbons = static_cast<QSGOpacityNode *>(root->childAtIndex(1));
    QSGNode *arrows = root->childAtIndex(2);
    QSGNode *floatingLines = root->childAtIndex(3);
    QSGNode *floatingTriangles = root->childAtIndex(4);
    QSGNode *highlight = root->childAtIndex(5);
    const bool thin = m_style.thin;
    if (thin != m_builtStyle.thin) {
        // A blocked subtree (opacity 0) is neither uploaded nor drawn.
        lines->setOpacity(thin ? 1 : 0);
        ribbons->setOpacity(thin ? 0 : 1);
    }
    const bool arrowsChanged = m_arrowsDirty || m_style.arrowLength != m_builtStyle.arrowLength;
    Vertices vertices;
    std::vector<bool> &curvesDirty = thin ? m_linesDirty : m_ribbonsDirty;
    QSGNode *curveNode = (thin ? static_cast<QSGNode *>(lines) : ribbons)->firstChild();
    QSGNode *arrowNode = arrows->firstChild();
    for (std::size_t c = 0; c < chunks; ++c, curveNode = curveNode->nextSibling(), arrowNode = arrowNode->nextSibling()) {
        if (m_colorsDirty) {
            recolor(lines->childAtIndex(static_cast<int>(c)), m_color);
            recolor(ribbons->childAtIndex(static_cast<int>(c)), m_color);
            recolor(arrowNode, m_color);
        }
        const bool curves = curvesDirty[c];
        if (curves) {
            vertices.clear();
            for (int i : m_chunks[c]) {
                const Edge &e = m_edges[static_cast<std::size_t>(i)];
                if (e.floating)
                    continue;
                if (thin)
                    appendLines(e, vertices);
                else
                    appendRibbon(e, m_style.width, vertices);
            }
            fill(curveNode, vertices);
            curvesDirty[c] = false;
            ++m_rewritten;
        }
        if (arrowsChanged || m_arrowChunksDirty[c]) {
            vertices.clear();
            for (int i : m_chunks[c]) {
                if (!m_edges[static_cast<std::size_t>(i)].floating)
                    appendArrow(m_edges[static_cast<std::size_t>(i)], m_style.arrowLength, vertices);
            }
            fill(arrowNode, vertices);
            m_arrowChunksDirty[c] = false;
        }
    }
    if (m_colorsDirty) {
        recolor(floatingLines, m_color);
        recolor(floatingTriangles, m_color);
        recolor(highlight, m_highlightColor);
    }
    if (m_floatingDirty || m_highlightDirty || thin != m_builtStyle.thin || arrowsChanged) {
        Vertices triangles;
        vertices.clear();
        for (const Edge &e : m_edges) {
            // A selected card's edges are under the highlight: rasterizing them twice costs.
            if (!e.floating || e.highlighted)
                continue;
            if (thin)
                appendLines(e, vertices);
            else
                appendRibbon(e, m_style.width, triangles);
            appendArrow(e, m_style.arrowLength, triangles);
        }
        fill(floatingLines, vertices);
        fill(floatingTriangles, triangles);
    }
    if (m_highlightDirty || m_style.highlightWidth != m_builtStyle.highlightWidth || arrowsChanged) {
        vertices.clear();
        for (const Edge &e : m_edges) {
            if (e.highlighted) {
                appendRibbon(e, m_style.highlightWidth, vertices);
                appendArrow(e, m_style.arrowLength, vertices);
            }
        }
        fill(highlight, vertices);
    }
    return root;
}

// Children of the root: one paint node per chunk, the floating edges, the highlighted edges.
QSGNode *EdgeLayer::updateSoftwareNodes(QSGNode *old)
{
    QSGNode *root = old ? old : new QSGNode;
    const std::size_t chunks = m_chunks.size();
    if (m_structureChanged || root->childCount() != static_cast<int>(chunks) + 2) {
        clearChildren(root);
        for (std::size_t c = 0; c < chunks + 2; ++c)
            root->appendChildNode(new EdgePaintNode(window()));
        markAllDirty();
    }
    const bool styleChanged = !sameStyle(m_style, m_builtStyle) || m_colorsDirty;
    // Each edge is painted once: by the highlight when selected, else by the floating node
    // while its card moves, else by its chunk.
    const auto copyEdges = [this](QSGNode *node, const std::vector<int> &members, bool highlighted, bool floating) {
        auto *paint = static_cast<EdgePaintNode *>(node);
        paint->curves.clear();
        paint->curveBounds.clear();
        paint->arrows.clear();
        paint->allCurves = QRectF();
        for (int i : members) {
            const Edge &e = m_edges[static_cast<std::size_t>(i)];
            if (e.highlighted != highlighted || (!highlighted && e.floating != floating))
                continue;
            paint->curves.push_back(e.points);
            paint->curveBounds.push_back(e.bounds);
            paint->arrows.emplace_back(e.tip, e.direction);
            paint->allCurves |= e.bounds;
        }
    };
    const auto style = [this](QSGNode *node, const QColor &color, qreal penWidth) {
        auto *paint = static_cast<EdgePaintNode *>(node);
        paint->color = color;
        paint->width = penWidth;
        paint->arrowLength = m_style.arrowLength;
        // Room for the pen and the arrowheads around the curves.
        const qreal pad = m_style.arrowLength + m_style.highlightWidth;
        paint->bounds = paint->curves.empty() ? QRectF() : paint->allCurves.adjusted(-pad, -pad, pad, pad);
        paint->markDirty(QSGNode::DirtyMaterial);
    };
    const qreal width = m_style.thin ? 0 : m_style.width;
    QSGNode *node = root->firstChild();
    for (std::size_t c = 0; c < chunks; ++c, node = node->nextSibling()) {
        const bool dirty = m_linesDirty[c];
        if (dirty) {
            copyEdges(node, m_chunks[c], false, false);
            m_linesDirty[c] = m_ribbonsDirty[c] = m_arrowChunksDirty[c] = false;
            ++m_rewritten;
        }
        if (dirty || styleChanged)
            style(node, m_color, width);
    }
    if (m_floatingDirty) {
        std::vector<int> floating;
        for (std::size_t i = 0; i < m_edges.size(); ++i) {
            if (m_edges[i].floating)
                floating.push_back(static_cast<int>(i));
        }
        copyEdges(node, floating, false, true);
    }
    if (m_floatingDirty || styleChanged)
        style(node, m_color, width);
    node = node->nextSibling();
    if (m_highlightDirty) {
        std::vector<int> highlighted;
        for (std::size_t i = 0; i < m_edges.size(); ++i) {
            if (m_edges[i].highlighted)
                highlighted.push_back(static_cast<int>(i));
        }
        copyEdges(node, highlighted, true, false);
    }
    if (m_highlightDirty || styleChanged)
        style(node, m_highlightColor, m_style.highlightWidth);
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

QPointF EdgeLayer::edgeStart(int edge) const
{
    return edge >= 0 && edge < count() ? m_edges[static_cast<std::size_t>(edge)].points.front() : QPointF();
}

QPointF EdgeLayer::edgeTip(int edge) const
{
    return edge >= 0 && edge < count() ? m_edges[static_cast<std::size_t>(edge)].tip : QPointF();
}

QList<int> EdgeLayer::edgesAmong(const QStringList &ids) const
{
    std::set<std::string> wanted;
    for (const QString &id : ids)
        wanted.insert(id.toStdString());
    QList<int> out;
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        if (wanted.count(m_edges[i].source) && wanted.count(m_edges[i].target))
            out << static_cast<int>(i);
    }
    return out;
}

QList<QPointF> EdgeLayer::edgePath(int edge) const
{
    if (edge < 0 || edge >= count())
        return {};
    const Edge &e = m_edges[static_cast<std::size_t>(edge)];
    return QList<QPointF>(e.points.begin(), e.points.end());
}

} // namespace sc
