#pragma once
// The canvas's edges as geometry, without a window: each reference between two cards laid out
// as a flattened curve (routeEdge) ending where its arrow touches the target card, the edges
// grouped in small spatial chunks, and the hit tests the canvas asks. The canvas's item
// (EdgeLayer) feeds it the cards and the reference graph and draws one scene-graph node per
// chunk; this class decides which chunks are stale.
//
// Moving a card makes its edges float: they leave their chunks, which become dirty once, and are
// drawn apart, so the further steps of a drag dirty no chunk. They return (dirtying their chunks
// once more) when other cards move, or when everything is set anew.
//
// Edges are addressed by index, valid until the next reset(); a query with an index out of
// range answers an empty path or a null point.

#include <QPointF>
#include <QRectF>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sc {

class EdgeGeometry {
public:
    // A reference from one card to another, as the document's graph has it.
    struct Link {
        std::string source, target, label;
    };
    struct Edge {
        std::string source, target, label;
        std::vector<QPointF> points; // from the source's side to under the arrowhead
        QPointF tip;                 // on the target's side
        QPointF direction;           // from the tip back along the arrow (unit length)
        QRectF bounds;               // of the points and the tip
        int chunk = 0;
        bool floating = false; // laid out by the last move of its cards, out of its chunk
    };

    // Edges per chunk: small, so that a moved card dirties (and redraws) little besides its edges.
    static constexpr int kChunkSize = 32;
    static constexpr int kSegments = 14;

    // Replaces the cards and the edges. Links from a card to itself or with an end that is not
    // among `cards` are left out; every chunk is dirty.
    void reset(std::unordered_map<std::string, QRectF> cards, const std::vector<Link> &links);
    // Moves or resizes cards together (one step of a drag, one edit): lays out their edges again
    // and returns them, ascending. When any of them was settled, exactly these edges float from
    // now on, and the chunks of every edge that left or returned become dirty.
    std::vector<int> moveCards(const std::vector<std::pair<std::string, QRectF>> &cards);
    std::vector<int> moveCard(const std::string &id, const QRectF &rect) { return moveCards({{id, rect}}); }
    // The chunks whose settled edges changed since the last call, ascending.
    std::vector<int> takeDirtyChunks();

    std::optional<QRectF> cardRect(const std::string &id) const;
    int count() const { return static_cast<int>(m_edges.size()); }
    const std::vector<Edge> &edges() const { return m_edges; }
    // The edge at `index`, or null when there is none.
    const Edge *edge(int index) const { return valid(index) ? &m_edges[static_cast<std::size_t>(index)] : nullptr; }
    // The edges that leave or reach `card`.
    const std::vector<int> &edgesOf(const std::string &card) const;
    int chunkCount() const { return static_cast<int>(m_chunks.size()); }
    const std::vector<int> &chunk(int c) const { return m_chunks[static_cast<std::size_t>(c)]; }
    // The bounds of a chunk's settled edges, their curves and tips; null when it has none.
    const QRectF &chunkBounds(int c) const { return m_chunkBounds[static_cast<std::size_t>(c)]; }
    const std::vector<int> &floatingEdges() const { return m_floating; }

    // The edge nearest to `p` within `tolerance` (the lowest index among equals), or -1.
    int edgeAt(QPointF p, double tolerance) const;
    // The edges whose two ends are both among `cards`, ascending.
    std::vector<int> edgesAmong(const std::set<std::string> &cards) const;
    const std::vector<QPointF> &path(int edge) const;
    QPointF start(int edge) const;
    QPointF midpoint(int edge) const;
    QPointF tip(int edge) const;

private:
    bool valid(int edge) const { return edge >= 0 && edge < count(); }
    void layout(Edge &edge) const;
    void updateChunkBounds(int chunk);

    std::unordered_map<std::string, QRectF> m_cards;
    std::vector<Edge> m_edges;
    std::unordered_map<std::string, std::vector<int>> m_edgesOf;
    std::vector<std::vector<int>> m_chunks;
    std::vector<QRectF> m_chunkBounds; // what the hit test skips whole
    std::vector<bool> m_dirty;
    std::vector<int> m_floating; // ascending
};

} // namespace sc
