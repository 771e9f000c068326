#include "model/geometry/edgegeometry.h"

#include "model/geometry/edgeroute.h"

#include <algorithm>
#include <cmath>

namespace sc {

namespace {

// Edges whose centres fall in the same band of this height, in order along it, share a chunk.
constexpr double kChunkBand = 400;

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double u = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + ab * u;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

} // namespace

void EdgeGeometry::layout(Edge &e) const
{
    const EdgeRoute route = routeEdge(m_cards.at(e.source), m_cards.at(e.target));
    e.tip = route.tip;
    e.direction = route.direction;
    e.points.resize(kSegments + 1);
    route.flatten(kSegments, e.points.data());
    double x0 = e.tip.x(), x1 = e.tip.x(), y0 = e.tip.y(), y1 = e.tip.y();
    for (const QPointF &p : e.points) {
        x0 = std::min(x0, p.x()), x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y()), y1 = std::max(y1, p.y());
    }
    e.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

void EdgeGeometry::updateChunkBounds(int chunk)
{
    QRectF bounds;
    for (int i : m_chunks[static_cast<std::size_t>(chunk)])
        bounds |= m_edges[static_cast<std::size_t>(i)].bounds;
    m_chunkBounds[static_cast<std::size_t>(chunk)] = bounds;
}

void EdgeGeometry::reset(std::unordered_map<std::string, QRectF> cards, const std::vector<Link> &links)
{
    m_cards = std::move(cards);
    m_edges.clear();
    m_edgesOf.clear();
    m_floating.clear();
    for (const Link &link : links) {
        if (link.source == link.target || !m_cards.count(link.source) || !m_cards.count(link.target))
            continue;
        Edge e;
        e.source = link.source;
        e.target = link.target;
        e.label = link.label;
        layout(e);
        m_edges.push_back(std::move(e));
    }
    std::vector<int> order(m_edges.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    const auto key = [this](int i) {
        const QPointF c = m_edges[static_cast<std::size_t>(i)].bounds.center();
        return std::pair(std::floor(c.y() / kChunkBand), c.x());
    };
    std::sort(order.begin(), order.end(), [&key](int a, int b) { return key(a) < key(b); });
    m_chunks.assign((m_edges.size() + kChunkSize - 1) / kChunkSize, {});
    for (std::size_t k = 0; k < order.size(); ++k) {
        const int chunk = static_cast<int>(k) / kChunkSize;
        m_edges[static_cast<std::size_t>(order[k])].chunk = chunk;
        m_chunks[static_cast<std::size_t>(chunk)].push_back(order[k]);
    }
    m_chunkBounds.assign(m_chunks.size(), QRectF());
    for (int c = 0; c < chunkCount(); ++c)
        updateChunkBounds(c);
    for (std::size_t i = 0; i < m_edges.size(); ++i) {
        m_edgesOf[m_edges[i].source].push_back(static_cast<int>(i));
        m_edgesOf[m_edges[i].target].push_back(static_cast<int>(i));
    }
    m_dirty.assign(m_chunks.size(), true);
}

std::vector<int> EdgeGeometry::moveCards(const std::vector<std::pair<std::string, QRectF>> &cards)
{
    std::vector<int> moved;
    for (const auto &card : cards) {
        m_cards[card.first] = card.second;
        const auto it = m_edgesOf.find(card.first);
        if (it != m_edgesOf.end())
            moved.insert(moved.end(), it->second.begin(), it->second.end());
    }
    std::sort(moved.begin(), moved.end());
    moved.erase(std::unique(moved.begin(), moved.end()), moved.end());
    std::vector<int> chunks;
    for (int i : moved) {
        layout(m_edges[static_cast<std::size_t>(i)]);
        chunks.push_back(m_edges[static_cast<std::size_t>(i)].chunk);
    }
    std::sort(chunks.begin(), chunks.end());
    chunks.erase(std::unique(chunks.begin(), chunks.end()), chunks.end());
    for (int c : chunks)
        updateChunkBounds(c);
    // The same cards moving again (a drag): the floating edges stay out of their chunks.
    const bool newcomers = std::any_of(moved.begin(), moved.end(),
                                       [this](int i) { return !m_edges[static_cast<std::size_t>(i)].floating; });
    if (!newcomers)
        return moved;
    const auto setFloating = [this](int i, bool floating) {
        Edge &e = m_edges[static_cast<std::size_t>(i)];
        if (e.floating != floating) {
            e.floating = floating;
            m_dirty[static_cast<std::size_t>(e.chunk)] = true;
        }
    };
    for (int i : m_floating) {
        if (!std::binary_search(moved.begin(), moved.end(), i))
            setFloating(i, false);
    }
    for (int i : moved)
        setFloating(i, true);
    m_floating = moved;
    return moved;
}

std::vector<int> EdgeGeometry::takeDirtyChunks()
{
    std::vector<int> dirty;
    for (std::size_t c = 0; c < m_dirty.size(); ++c) {
        if (m_dirty[c])
            dirty.push_back(static_cast<int>(c));
    }
    m_dirty.assign(m_chunks.size(), false);
    return dirty;
}

std::optional<QRectF> EdgeGeometry::cardRect(const std::string &id) const
{
    const auto it = m_cards.find(id);
    return it == m_cards.end() ? std::nullopt : std::optional<QRectF>(it->second);
}

const std::vector<int> &EdgeGeometry::edgesOf(const std::string &card) const
{
    static const std::vector<int> none;
    const auto it = m_edgesOf.find(card);
    return it == m_edgesOf.end() ? none : it->second;
}

int EdgeGeometry::edgeAt(QPointF p, double tolerance) const
{
    int best = -1;
    double bestDistance = tolerance;
    const auto near = [&](const QRectF &bounds) {
        return bounds.adjusted(-tolerance, -tolerance, tolerance, tolerance).contains(p);
    };
    for (std::size_t c = 0; c < m_chunks.size(); ++c) {
        if (!near(m_chunkBounds[c]))
            continue;
        for (int i : m_chunks[c]) {
            const Edge &e = m_edges[static_cast<std::size_t>(i)];
            if (!near(e.bounds))
                continue;
            for (std::size_t k = 0; k + 1 < e.points.size(); ++k) {
                const double d = distanceToSegment(p, e.points[k], e.points[k + 1]);
                if (d < bestDistance || (d == bestDistance && best > i)) {
                    bestDistance = d;
                    best = i;
                }
            }
        }
    }
    return best;
}

std::vector<int> EdgeGeometry::edgesAmong(const std::set<std::string> &cards) const
{
    std::vector<int> out;
    for (const std::string &id : cards) {
        for (int i : edgesOf(id)) {
            const Edge &e = m_edges[static_cast<std::size_t>(i)];
            if (cards.count(e.source) && cards.count(e.target))
                out.push_back(i);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

const std::vector<QPointF> &EdgeGeometry::path(int edge) const
{
    static const std::vector<QPointF> none;
    return valid(edge) ? m_edges[static_cast<std::size_t>(edge)].points : none;
}

QPointF EdgeGeometry::start(int edge) const
{
    return valid(edge) ? path(edge).front() : QPointF();
}

QPointF EdgeGeometry::midpoint(int edge) const
{
    return valid(edge) ? path(edge)[path(edge).size() / 2] : QPointF();
}

QPointF EdgeGeometry::tip(int edge) const
{
    return valid(edge) ? m_edges[static_cast<std::size_t>(edge)].tip : QPointF();
}

} // namespace sc
