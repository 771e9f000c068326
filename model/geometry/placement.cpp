#include "model/geometry/placement.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sc {

namespace {

// Occupied rectangles bucketed in coarse cells, so that a candidate spot is checked against
// its neighbours only (a large diagram has thousands of cards).
class Occupancy {
public:
    Occupancy(const std::vector<QRectF> &rects, double margin)
        : m_rects(rects)
        , m_margin(margin)
    {
        for (std::size_t i = 0; i < rects.size(); ++i)
            forCells(rects[i], [&](long long key) { m_cells[key].push_back(i); });
    }
    bool isFree(const QRectF &r) const
    {
        const QRectF padded = r.adjusted(-m_margin, -m_margin, m_margin, m_margin);
        bool free = true;
        forCells(padded, [&](long long key) {
            const auto it = m_cells.find(key);
            if (free && it != m_cells.end())
                free = std::none_of(it->second.begin(), it->second.end(),
                                    [&](std::size_t i) { return m_rects[i].intersects(padded); });
        });
        return free;
    }

private:
    static constexpr double kCell = 256;
    template <typename F>
    static void forCells(const QRectF &r, F &&f)
    {
        const auto x0 = static_cast<long long>(std::floor(r.left() / kCell)), x1 = static_cast<long long>(std::floor(r.right() / kCell));
        const auto y0 = static_cast<long long>(std::floor(r.top() / kCell)), y1 = static_cast<long long>(std::floor(r.bottom() / kCell));
        for (long long x = x0; x <= x1; ++x)
            for (long long y = y0; y <= y1; ++y)
                f(x * 1000003LL + y);
    }
    const std::vector<QRectF> &m_rects;
    double m_margin;
    std::unordered_map<long long, std::vector<std::size_t>> m_cells;
};

} // namespace

QPointF freeSpotNear(const QRectF &wanted, const std::vector<QRectF> &occupied, double grid, double margin)
{
    const Occupancy occupancy(occupied, margin);
    if (occupancy.isFree(wanted))
        return wanted.topLeft();
    // Rings of grid steps around the wanted spot, nearest first, out to where the cards end.
    QRectF all = wanted;
    for (const QRectF &o : occupied)
        all |= o;
    const int rings = static_cast<int>(std::ceil(std::max(all.width(), all.height()) / grid)) + 2;
    for (int ring = 1; ring <= rings; ++ring) {
        QPointF best;
        double bestDistance = -1;
        for (int dx = -ring; dx <= ring; ++dx) {
            const int step = std::abs(dx) == ring ? 1 : 2 * ring; // the ring's outline only
            for (int dy = -ring; dy <= ring; dy += step) {
                const double distance = std::hypot(dx, dy);
                if (bestDistance >= 0 && distance >= bestDistance)
                    continue;
                const QRectF candidate = wanted.translated(dx * grid, dy * grid);
                if (occupancy.isFree(candidate)) {
                    best = candidate.topLeft();
                    bestDistance = distance;
                }
            }
        }
        if (bestDistance >= 0)
            return best;
    }
    return QPointF(wanted.x(), all.bottom() + margin + grid);
}

} // namespace sc
