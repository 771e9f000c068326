#pragma once
// Where a new card can go without covering another: the free spot nearest to where it was
// wanted, on the grid, keeping a margin from every card.

#include <QPointF>
#include <QRectF>

#include <vector>

namespace sc {

// The top-left corner, nearest to `wanted`'s, at which `wanted` (moved there) keeps `margin` from
// every rectangle in `occupied`. Steps of `grid`; `wanted` itself when it is free.
QPointF freeSpotNear(const QRectF &wanted, const std::vector<QRectF> &occupied, double grid, double margin);

} // namespace sc
