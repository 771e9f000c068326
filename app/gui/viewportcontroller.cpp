#include "app/gui/viewportcontroller.h"

namespace sc {

ViewportController::ViewportController(QObject *parent)
    : QObject(parent)
{
}

void ViewportController::setViewRect(const QRectF &rect)
{
    if (rect == m_viewRect)
        return;
    m_viewRect = rect;
    emit viewRectChanged();
    // Inside the margin nothing needs to change; once the view reaches past it, re-centre.
    if (!m_cullRect.contains(rect) || rect.width() * rect.height() * 9 < m_cullRect.width() * m_cullRect.height()) {
        const qreal mx = rect.width() * kMargin, my = rect.height() * kMargin;
        m_cullRect = rect.adjusted(-mx, -my, mx, my);
        emit cullRectChanged();
    }
}

void ViewportController::setZoom(qreal zoom)
{
    if (qFuzzyCompare(zoom, m_zoom))
        return;
    m_zoom = zoom;
    emit zoomChanged();
    const bool detailed = m_detailed ? zoom >= kDetailOff : zoom > kDetailOn;
    if (detailed != m_detailed) {
        m_detailed = detailed;
        emit detailedChanged();
    }
}

} // namespace sc
