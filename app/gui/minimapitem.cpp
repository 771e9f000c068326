#include "app/gui/minimapitem.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/documentcontroller.h"
#include "model/catalog/catalog.h"
#include "model/document/document.h"

#include <QPainter>

namespace sc {

namespace {

QColor categoryColor(const std::string &category)
{
    static const std::map<std::string, QColor> colours{
        {"Compute", QColor(0xe8, 0x83, 0x3a)},
        {"Containers", QColor(0xd9, 0x59, 0x3d)},
        {"Serverless", QColor(0xe0, 0xa2, 0x1b)},
        {"Deployment", QColor(0x3f, 0x8f, 0x5f)},
        {"Networking and delivery", QColor(0x7b, 0x5c, 0xd6)},
        {"Data", QColor(0x2f, 0x7f, 0xc1)},
        {"Management and governance", QColor(0xc2, 0x40, 0x7a)}};
    const auto it = colours.find(category);
    return it == colours.end() ? QColor(0x8d, 0x95, 0xa3) : it->second;
}

} // namespace

MinimapItem::MinimapItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    m_timer.setSingleShot(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &MinimapItem::refresh);
    connect(this, &QQuickItem::widthChanged, this, &MinimapItem::schedule);
    connect(this, &QQuickItem::heightChanged, this, &MinimapItem::schedule);
}

void MinimapItem::setController(DocumentController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller) {
        disconnect(m_controller->document(), nullptr, this, nullptr);
        disconnect(m_controller->canvas(), nullptr, this, nullptr);
    }
    m_controller = controller;
    if (controller) {
        connect(controller->document(), &Document::changed, this, &MinimapItem::schedule);
        connect(controller->canvas(), &CanvasController::selectionChanged, this, &MinimapItem::schedule);
    }
    refresh();
    emit controllerChanged();
}

void MinimapItem::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void MinimapItem::refresh()
{
    QRectF world = m_controller ? m_controller->canvas()->bounds() : QRectF();
    if (world.isEmpty())
        world = QRectF(0, 0, 1000, 600);
    world.adjust(-80, -80, 80, 80);
    if (world != m_worldRect) {
        m_worldRect = world;
        emit worldRectChanged();
    }
    update();
}

qreal MinimapItem::scale() const
{
    if (m_worldRect.isEmpty())
        return 1;
    return std::min(width() / m_worldRect.width(), height() / m_worldRect.height());
}

QPointF MinimapItem::toScene(QPointF local) const
{
    const qreal s = scale();
    return m_worldRect.topLeft() + local / s;
}

QRectF MinimapItem::toLocal(const QRectF &sceneRect) const
{
    const qreal s = scale();
    return QRectF((sceneRect.topLeft() - m_worldRect.topLeft()) * s, sceneRect.size() * s);
}

void MinimapItem::paint(QPainter *painter)
{
    if (!m_controller)
        return;
    const Document *document = m_controller->document();
    const CanvasController *canvas = m_controller->canvas();
    const QSizeF card(CanvasController::cardWidth(), CanvasController::cardHeight());
    painter->setPen(Qt::NoPen);
    for (const QVariant &box : canvas->containers()) {
        QColor c = m_cardColor;
        c.setAlphaF(0.12);
        painter->setBrush(c);
        painter->drawRoundedRect(toLocal(box.toMap().value(QStringLiteral("rect")).toRectF()), 2, 2);
    }
    const Catalog &catalog = Catalog::instance();
    for (const std::string &id : document->resourceIds()) {
        const bool selected = canvas->isSelected(QString::fromStdString(id));
        painter->setBrush(selected ? m_selectedColor : categoryColor(catalog.category(document->resourceType(id))));
        painter->drawRect(toLocal(QRectF(document->position(id), card)));
    }
}

} // namespace sc
