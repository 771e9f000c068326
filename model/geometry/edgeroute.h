#pragma once
// The path of an edge between two cards, for the canvas and the diagram alike: it leaves the
// referring card from the side facing the referred one and reaches the facing side of that card
// at the arrow's tip, as a cubic curve that starts and ends square to those sides.

#include <QPointF>
#include <QRectF>

namespace sc {

struct EdgeRoute {
    QPointF start;     // on the source card's side
    QPointF c1, c2;    // the cubic's control points
    QPointF end;       // where the curve stops, under the arrowhead
    QPointF tip;       // on the target card's side
    QPointF direction; // from the tip back along the arrow (unit length)

    // The curve flattened into `segments` pieces, from start to end.
    void flatten(int segments, QPointF *out) const;
};

// How far before the tip the curve stops, so that it hides under the smallest arrowhead.
inline constexpr double kEdgeCurveEnd = 4.5;
inline constexpr double kEdgeArrowLength = 9;

EdgeRoute routeEdge(const QRectF &source, const QRectF &target);

} // namespace sc
