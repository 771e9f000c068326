#pragma once
// The canvas's minimap: every card as a small block in its category's colour, scaled to fit.
// Painted once per document change (at most every 100 ms while a drag moves cards), never per
// frame of a pan: the view rectangle is a separate QML item drawn over it, placed with
// `worldRect`, the scene rectangle the minimap shows. The cards' rectangles and colours are
// kept between paints; a move updates only the moved cards'.

#include <QPointer>
#include <QQuickPaintedItem>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

class DocumentController;
struct DocumentChange;

class MinimapItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(sc::DocumentController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QRectF worldRect READ worldRect NOTIFY worldRectChanged)
    Q_PROPERTY(QColor cardColor MEMBER m_cardColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor selectedColor MEMBER m_selectedColor NOTIFY colorsChanged)

public:
    explicit MinimapItem(QQuickItem *parent = nullptr);

    DocumentController *controller() const { return m_controller; }
    void setController(DocumentController *controller);
    QRectF worldRect() const { return m_worldRect; }
    void paint(QPainter *painter) override;

    // Scene point under a point of the minimap (for click-to-pan).
    Q_INVOKABLE QPointF toScene(QPointF local) const;
    Q_INVOKABLE QRectF toLocal(const QRectF &sceneRect) const;
    // The scene rectangle the minimap draws for a card (empty when it draws none).
    Q_INVOKABLE QRectF cardRect(const QString &logicalId) const;

signals:
    void controllerChanged();
    void worldRectChanged();
    void colorsChanged();

private:
    void schedule();
    void refresh();
    void onChanged(const DocumentChange &change);
    qreal scale() const;
    QPointF origin() const;

    struct Card {
        QString id;
        QRectF rect;
        QColor color;
    };
    std::vector<Card> m_cards;
    std::unordered_map<std::string, std::size_t> m_cardIndex;
    bool m_cardsStale = true;

    QPointer<DocumentController> m_controller;
    QRectF m_worldRect;
    QColor m_cardColor = QColor(0x8d, 0x95, 0xa3);
    QColor m_selectedColor = QColor(0x21, 0x66, 0xd9);
    QTimer m_timer;
};

} // namespace sc
