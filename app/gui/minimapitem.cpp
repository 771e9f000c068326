#include "app/gui/minimapitem.h"

#include "app/gui/canvascontroller.h"
#include "app/gui/containermodel.h"
#include "app/gui/documentcontroller.h"
#include "model/catalog/catalog.h"
#include "model/document/document.h"
#include "model/geometry/cardstyle.h"

#include <QPainter>

#include <set>

namespace sc {

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
    if (change.reset || change.graphChanged) {
        m_cardsStale = true;
    } else if (!m_cardsStale) {
        // Moved cards, and edited ones (a card's size follows its text).
        const Document *document = m_controller->document();
        for (const std::set<std::string> *ids : {&change.moved, &change.modified}) {
            for (const std::string &id : *ids) {
                if (const auto it = m_cardIndex.find(id); it != m_cardIndex.end())
                    m_cards[it->second].rect = document->cardRect(id);
            }
        }
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
            m_cards.clear();
            m_cardIndex.clear();
            for (const GraphNode &node : document->graph().nodes()) {
                m_cardIndex[node.id] = m_cards.size();
                m_cards.push_back({QString::fromStdString(node.id), document->cardRect(node.id),
                                   QColor::fromString(categoryColor(catalog.category(node.type), false))});
            }
            m_cardsStale = false;
        }
        for (const Card &card : m_cards)
            world |= card.rect;
        for (const ContainerBox &box : m_controller->canvas()->containerModel()->boxes())
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

// Where the world's top left corner is drawn: the world is centred along the side it does not
// fill (a diagram much taller than wide stands in the middle, not along the left edge).
QPointF MinimapItem::origin() const
{
    const qreal s = scale();
    return QPointF(width() - m_worldRect.width() * s, height() - m_worldRect.height() * s) / 2;
}

QPointF MinimapItem::toScene(QPointF local) const
{
    const qreal s = scale();
    return m_worldRect.topLeft() + (local - origin()) / s;
}

QRectF MinimapItem::toLocal(const QRectF &sceneRect) const
{
    const qreal s = scale();
    return QRectF(origin() + (sceneRect.topLeft() - m_worldRect.topLeft()) * s, sceneRect.size() * s);
}

QRectF MinimapItem::cardRect(const QString &logicalId) const
{
    const auto it = m_cardIndex.find(logicalId.toStdString());
    return it == m_cardIndex.end() || m_cardsStale ? QRectF() : m_cards[it->second].rect;
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
    for (const ContainerBox &box : canvas->containerModel()->boxes())
        painter->drawRoundedRect(toLocal(box.rect), 2, 2);
    // A large diagram scales its cards below a pixel: each is drawn at least one pixel across,
    // or the minimap of thousands of cards would be blank.
    for (const Card &card : m_cards) {
        painter->setBrush(canvas->isSelected(card.id) ? m_selectedColor : card.color);
        QRectF r = toLocal(card.rect);
        r.setSize(r.size().expandedTo(QSizeF(1, 1)));
        painter->drawRect(r);
    }
}

} // namespace sc
