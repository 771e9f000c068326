#include "model/geometry/edgeroute.h"

#include <algorithm>
#include <cmath>

namespace sc {

EdgeRoute routeEdge(const QRectF &s, const QRectF &t)
{
    const QPointF sc = s.center(), tc = t.center();
    const double dx = tc.x() - sc.x(), dy = tc.y() - sc.y();
    const double width = (s.width() + t.width()) / 2;
    QPointF p0, p3, d0, d3;
    // Side by side (or mostly so): left and right sides; otherwise top and bottom.
    if (std::abs(dx) >= width * 0.75 || std::abs(dx) >= std::abs(dy)) {
        const double dir = dx >= 0 ? 1 : -1;
        p0 = QPointF(dir > 0 ? s.right() : s.left(), sc.y());
        p3 = QPointF(dir > 0 ? t.left() : t.right(), tc.y());
        d0 = QPointF(dir, 0), d3 = QPointF(-dir, 0);
    } else {
        const double dir = dy >= 0 ? 1 : -1;
        p0 = QPointF(sc.x(), dir > 0 ? s.bottom() : s.top());
        p3 = QPointF(tc.x(), dir > 0 ? t.top() : t.bottom());
        d0 = QPointF(0, dir), d3 = QPointF(0, -dir);
    }
    EdgeRoute r;
    r.start = p0;
    r.tip = p3;
    r.direction = d3;
    r.end = p3 + d3 * kEdgeCurveEnd;
    const double bend = std::max(40.0, std::hypot(r.end.x() - p0.x(), r.end.y() - p0.y()) * 0.4);
    r.c1 = p0 + d0 * bend;
    r.c2 = r.end + d3 * bend;
    return r;
}

void EdgeRoute::flatten(int segments, QPointF *out) const
{
    for (int i = 0; i <= segments; ++i) {
        const double u = double(i) / segments, v = 1 - u;
        out[i] = start * (v * v * v) + c1 * (3 * v * v * u) + c2 * (3 * v * u * u) + end * (u * u * u);
    }
}

} // namespace sc
