#include "app/gui/minimapitem.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/containermodel.h"
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
    m_cardsStale = true;
    if (controller) {
        connect(controller->document(), &Document::changed, this, &MinimapItem::onChanged);
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

void MinimapItem::onChanged(const DocumentChange &change)
{
    if (change.isLayoutOnly() && !m_cardsStale) {
        const Document *document = m_controller->document();
        for (const std::string &id : change.moved) {
            if (const auto it = m_cardIndex.find(id); it != m_cardIndex.end())
                m_cards[it->second].rect.moveTopLeft(document->position(id));
        }
    } else {
        m_cardsStale = true;
    }
    schedule();
}

void MinimapItem::refresh()
{
    QRectF world;
    if (m_controller) {
        if (m_cardsStale) {
            const Document *document = m_controller->document();
            const Catalog &catalog = Catalog::instance();
            const QSizeF card(CanvasController::cardWidth(), CanvasController::cardHeight());
            m_cards.clear();
            m_cardIndex.clear();
            for (const GraphNode &node : document->graph().nodes()) {
                m_cardIndex[node.id] = m_cards.size();
                m_cards.push_back({QString::fromStdString(node.id), QRectF(document->position(node.id), card),
                                   categoryColor(catalog.category(node.type))});
            }
            m_cardsStale = false;
        }
        for (const Card &card : m_cards)
            world |= card.rect;
        for (const ContainerModel::Box &box : m_controller->canvas()->containerModel()->boxes())
            world |= box.rect;
    }
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
    const CanvasController *canvas = m_controller->canvas();
    painter->setPen(Qt::NoPen);
    QColor boxColor = m_cardColor;
    boxColor.setAlphaF(0.12);
    painter->setBrush(boxColor);
    for (const ContainerModel::Box &box : canvas->containerModel()->boxes())
        painter->drawRoundedRect(toLocal(box.rect), 2, 2);
    for (const Card &card : m_cards) {
        painter->setBrush(canvas->isSelected(card.id) ? m_selectedColor : card.color);
        painter->drawRect(toLocal(card.rect));
    }
}

} // namespace sc
