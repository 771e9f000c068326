// The canvas's edge geometry without a window: where edges start and end, which chunks a moved
// card makes stale, and the hit tests the canvas asks (edgeAt, edgesAmong), on small boards and
// on a 2,000-card one.

#include "model/geometry/edgegeometry.h"
#include "model/geometry/edgeroute.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using sc::EdgeGeometry;

namespace {

using Cards = std::unordered_map<std::string, QRectF>;
using Links = std::vector<EdgeGeometry::Link>;

const QSizeF kCard(160, 80);

double distance(QPointF a, QPointF b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

// Whether `p` lies on a side of `r` (edges start and end exactly there).
bool onOutline(QPointF p, const QRectF &r)
{
    const bool alongSide = (p.x() == r.left() || p.x() == r.right()) && p.y() >= r.top() && p.y() <= r.bottom();
    const bool alongTopOrBottom = (p.y() == r.top() || p.y() == r.bottom()) && p.x() >= r.left() && p.x() <= r.right();
    return alongSide || alongTopOrBottom;
}

std::string cell(int column, int row)
{
    return "c" + std::to_string(column) + "_" + std::to_string(row);
}

// `columns` x `rows` cards, each linked to its right neighbour, then to the one below it, until
// there are `edges` links; all set in a fresh geometry.
struct Board {
    Board(int columns, int rows, std::size_t edges)
    {
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < columns; ++column)
                cards[cell(column, row)] = QRectF(QPointF(column * 240.0, row * 160.0), kCard);
        }
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column + 1 < columns && links.size() < edges; ++column)
                links.push_back({cell(column, row), cell(column + 1, row), "Ref"});
        }
        for (int row = 0; row + 1 < rows; ++row) {
            for (int column = 0; column < columns && links.size() < edges; ++column)
                links.push_back({cell(column, row), cell(column, row + 1), "Ref"});
        }
        geometry.reset(cards, links);
    }
    Cards cards;
    Links links;
    EdgeGeometry geometry;
};

std::vector<int> sorted(std::vector<int> v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

std::vector<int> chunksOf(const EdgeGeometry &geometry, const std::vector<int> &edges)
{
    std::vector<int> chunks;
    for (int i : edges)
        chunks.push_back(geometry.edge(i)->chunk);
    return sorted(chunks);
}

std::vector<std::vector<QPointF>> paths(const EdgeGeometry &geometry)
{
    std::vector<std::vector<QPointF>> out;
    for (const EdgeGeometry::Edge &e : geometry.edges())
        out.push_back(e.points);
    return out;
}

} // namespace

class TestEdgeGeometry : public QObject {
    Q_OBJECT

private slots:
    void edgeLeavesTheFacingSideAndTouchesTheTarget_data()
    {
        QTest::addColumn<QRectF>("source");
        QTest::addColumn<QRectF>("target");
        QTest::addColumn<QPointF>("start");
        QTest::addColumn<QPointF>("tip");
        const QRectF a(0, 0, 100, 60);
        QTest::newRow("right") << a << QRectF(300, 0, 100, 60) << QPointF(100, 30) << QPointF(300, 30);
        QTest::newRow("left") << QRectF(300, 0, 100, 60) << a << QPointF(300, 30) << QPointF(100, 30);
        QTest::newRow("below") << a << QRectF(0, 400, 100, 60) << QPointF(50, 60) << QPointF(50, 400);
        QTest::newRow("above") << QRectF(20, 400, 100, 60) << a << QPointF(70, 400) << QPointF(50, 60);
    }

    void edgeLeavesTheFacingSideAndTouchesTheTarget()
    {
        QFETCH(QRectF, source);
        QFETCH(QRectF, target);
        QFETCH(QPointF, start);
        QFETCH(QPointF, tip);
        EdgeGeometry geometry;
        geometry.reset({{"A", source}, {"B", target}}, {{"A", "B", "Queue"}});
        QCOMPARE(geometry.count(), 1);
        QCOMPARE(geometry.start(0), start);
        QCOMPARE(geometry.tip(0), tip);
        QCOMPARE(geometry.path(0).front(), start);
        QCOMPARE(geometry.path(0).size(), std::size_t(EdgeGeometry::kSegments + 1));
        // The curve stops under the arrowhead, just before the tip, outside both cards.
        QVERIFY(qAbs(distance(geometry.path(0).back(), tip) - sc::kEdgeCurveEnd) < 1e-9);
        QCOMPARE(geometry.edge(0)->direction * sc::kEdgeCurveEnd + tip, geometry.path(0).back());
        QVERIFY(onOutline(geometry.tip(0), target));
        QVERIFY(onOutline(geometry.start(0), source));
        const QPointF mid = geometry.midpoint(0);
        QVERIFY(!source.contains(mid) && !target.contains(mid));
    }

    void queriesOutOfRangeAnswerNothing()
    {
        EdgeGeometry geometry;
        geometry.reset({{"A", QRectF(0, 0, 100, 60)}, {"B", QRectF(300, 0, 100, 60)}}, {{"A", "B", "Ref"}});
        for (int edge : {-1, 1}) {
            QVERIFY(!geometry.edge(edge));
            QVERIFY(geometry.path(edge).empty());
            QCOMPARE(geometry.start(edge), QPointF());
            QCOMPARE(geometry.midpoint(edge), QPointF());
            QCOMPARE(geometry.tip(edge), QPointF());
        }
    }

    // A drag's first step takes the card's edges out of their chunks (dirtying those alone); its
    // further steps dirty nothing; moving another card brings them back.
    void movingACardDirtiesOnlyTheChunksOfItsEdges()
    {
        Board board(20, 10, 1000);
        EdgeGeometry &geometry = board.geometry;
        Cards &cards = board.cards;
        const Links &links = board.links;
        QCOMPARE(geometry.count(), int(links.size()));
        QCOMPARE(geometry.chunkCount(), int(links.size() + EdgeGeometry::kChunkSize - 1) / EdgeGeometry::kChunkSize);
        QCOMPARE(int(geometry.takeDirtyChunks().size()), geometry.chunkCount());
        QVERIFY(geometry.takeDirtyChunks().empty());

        const std::string card = cell(7, 4);
        const std::vector<int> own = sorted(geometry.edgesOf(card));
        QCOMPARE(own.size(), std::size_t(4));
        const auto before = paths(geometry);
        const QRectF moved = cards[card].translated(30, 12);
        QCOMPARE(geometry.moveCard(card, moved), own);
        QCOMPARE(geometry.cardRect(card), std::optional<QRectF>(moved));
        QCOMPARE(geometry.takeDirtyChunks(), chunksOf(geometry, own));
        QCOMPARE(geometry.floatingEdges(), own);
        const auto after = paths(geometry);
        for (int i = 0; i < geometry.count(); ++i) {
            const bool ownEdge = std::binary_search(own.begin(), own.end(), i);
            QCOMPARE(after[std::size_t(i)] != before[std::size_t(i)], ownEdge);
        }
        for (int i : own) {
            const EdgeGeometry::Edge &e = *geometry.edge(i);
            QVERIFY(onOutline(e.points.front(), *geometry.cardRect(e.source)));
            QVERIFY(onOutline(e.tip, *geometry.cardRect(e.target)));
        }

        // The drag goes on: the floating edges follow, no chunk changes.
        QCOMPARE(geometry.moveCard(card, moved.translated(5, 5)), own);
        QVERIFY(geometry.takeDirtyChunks().empty());
        QVERIFY(paths(geometry) != after);

        // Another card moves: its edges leave their chunks, the first card's return to theirs.
        const std::string other = cell(15, 8);
        const std::vector<int> others = sorted(geometry.edgesOf(other));
        geometry.moveCard(other, cards[other].translated(0, 20));
        std::vector<int> both = own;
        both.insert(both.end(), others.begin(), others.end());
        QCOMPARE(geometry.takeDirtyChunks(), chunksOf(geometry, both));
        QCOMPARE(geometry.floatingEdges(), others);
        for (int i : own)
            QVERIFY(!geometry.edge(i)->floating);

        // A card without edges moves: nothing is laid out, the floating edges stay.
        QVERIFY(geometry.moveCard("Lonely", QRectF(0, 0, 10, 10)).empty());
        QVERIFY(geometry.takeDirtyChunks().empty());
        QCOMPARE(geometry.floatingEdges(), others);
    }

    void edgeAtFindsTheEdgeUnderAPoint()
    {
        EdgeGeometry geometry;
        // A straight edge along y = 30 from x = 100 to x = 300, and a curve from A down to C.
        geometry.reset({{"A", QRectF(0, 0, 100, 60)}, {"B", QRectF(300, 0, 100, 60)}, {"C", QRectF(40, 500, 100, 60)}},
                       {{"A", "B", "Ref"}, {"A", "C", "Ref"}});
        QCOMPARE(geometry.edgeAt(QPointF(200, 30), 1), 0);
        QCOMPARE(geometry.edgeAt(QPointF(200, 33), 4), 0);
        QCOMPARE(geometry.edgeAt(QPointF(200, 33), 2), -1);
        QCOMPARE(geometry.edgeAt(QPointF(2000, 2000), 50), -1);
        // Anywhere on the curve, between its flattened points too.
        const std::vector<QPointF> &curve = geometry.path(1);
        for (std::size_t k = 0; k + 1 < curve.size(); ++k) {
            QCOMPARE(geometry.edgeAt(curve[k], 0.5), 1);
            QCOMPARE(geometry.edgeAt((curve[k] + curve[k + 1]) / 2, 0.5), 1);
        }
        // Between two edges, the nearer one.
        geometry.reset({{"A", QRectF(0, 0, 100, 60)}, {"B", QRectF(300, 0, 100, 60)},
                        {"C", QRectF(0, 10, 100, 60)}, {"D", QRectF(300, 10, 100, 60)}},
                       {{"A", "B", "Ref"}, {"C", "D", "Ref"}});
        QCOMPARE(geometry.edgeAt(QPointF(200, 33), 10), 0);
        QCOMPARE(geometry.edgeAt(QPointF(200, 37), 10), 1);
    }

    // The chunks' bounds let the hit test skip most of a large board: it still finds every edge.
    void edgeAtFindsEveryEdgeOfALargeBoard()
    {
        Board board(20, 10, 1000);
        EdgeGeometry &geometry = board.geometry;
        geometry.moveCard(cell(3, 3), board.cards[cell(3, 3)].translated(40, 30));
        for (int i = 0; i < geometry.count(); ++i)
            QCOMPARE(geometry.edgeAt(geometry.midpoint(i), 0.5), i);
    }

    void edgesAmongKeepsEdgesWithBothEnds()
    {
        EdgeGeometry geometry;
        geometry.reset({{"A", QRectF(0, 0, 100, 60)}, {"B", QRectF(300, 0, 100, 60)},
                        {"C", QRectF(300, 300, 100, 60)}, {"D", QRectF(0, 300, 100, 60)}},
                       {{"A", "B", "Ref"}, {"B", "C", "Ref"}, {"C", "A", "Ref"}, {"A", "D", "Ref"}});
        QCOMPARE(geometry.edgesAmong({"A", "B"}), std::vector<int>({0}));
        QCOMPARE(geometry.edgesAmong({"A", "B", "C"}), std::vector<int>({0, 1, 2}));
        QCOMPARE(geometry.edgesAmong({"A", "B", "C", "D"}), std::vector<int>({0, 1, 2, 3}));
        QCOMPARE(geometry.edgesAmong({"D", "Nowhere"}), std::vector<int>());
        QCOMPARE(geometry.edgesAmong({}), std::vector<int>());
    }

    // The layer sets everything anew when the graph changes: a removed card's edges go, a
    // renamed card's edges answer to the new name, links to itself or to no card are left out.
    void removingAndRenamingCards()
    {
        Cards cards{{"A", QRectF(0, 0, 100, 60)}, {"B", QRectF(300, 0, 100, 60)}, {"C", QRectF(300, 300, 100, 60)}};
        EdgeGeometry geometry;
        geometry.reset(cards, {{"A", "B", "Ref"}, {"B", "C", "Ref"}, {"A", "C", "Ref"}, {"A", "A", "Ref"}, {"A", "Gone", "Ref"}});
        QCOMPARE(geometry.count(), 3);
        QCOMPARE(geometry.edgesOf("B").size(), std::size_t(2));

        cards.erase("B");
        geometry.reset(cards, {{"A", "B", "Ref"}, {"B", "C", "Ref"}, {"A", "C", "Ref"}});
        QCOMPARE(geometry.count(), 1);
        QCOMPARE(geometry.edge(0)->source, std::string("A"));
        QCOMPARE(geometry.edge(0)->target, std::string("C"));
        QVERIFY(geometry.edgesOf("B").empty());
        QVERIFY(!geometry.cardRect("B"));

        cards["B2"] = QRectF(300, 0, 100, 60);
        geometry.reset(cards, {{"A", "B2", "Ref"}, {"B2", "C", "GetAtt"}, {"A", "C", "Ref"}});
        QCOMPARE(geometry.count(), 3);
        QVERIFY(geometry.edgesOf("B").empty());
        QCOMPARE(sorted(geometry.edgesOf("B2")), std::vector<int>({0, 1}));
        QCOMPARE(geometry.edge(1)->label, std::string("GetAtt"));
        QCOMPARE(geometry.tip(0), QPointF(300, 30));
        QVERIFY(geometry.floatingEdges().empty());
    }

    // 2,000 cards and 3,000 edges: a moved card dirties a handful of the ~94 chunks.
    void aMoveOnALargeBoardDirtiesFewChunks()
    {
        Board board(50, 40, 3000);
        EdgeGeometry &geometry = board.geometry;
        Cards &cards = board.cards;
        QCOMPARE(cards.size(), std::size_t(2000));
        QCOMPARE(board.links.size(), std::size_t(3000));
        QCOMPARE(geometry.count(), 3000);
        QCOMPARE(geometry.chunkCount(), 94);
        geometry.takeDirtyChunks();
        const std::string card = cell(10, 10);
        const std::vector<int> moved = geometry.moveCard(card, cards[card].translated(-40, 25));
        QCOMPARE(moved.size(), std::size_t(4));
        const std::vector<int> dirty = geometry.takeDirtyChunks();
        QVERIFY(!dirty.empty());
        QVERIFY(dirty.size() <= moved.size());
        QVERIFY(dirty.size() * 20 < std::size_t(geometry.chunkCount()));
        QCOMPARE(dirty, chunksOf(geometry, moved));
        geometry.moveCard(card, cards[card].translated(-60, 30));
        QVERIFY(geometry.takeDirtyChunks().empty());
    }
};

QTEST_GUILESS_MAIN(TestEdgeGeometry)
#include "tst_edgegeometry.moc"
