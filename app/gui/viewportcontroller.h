#pragma once
// What part of the scene the canvas keeps alive, and at what detail. Cards outside `cullRect`
// are hidden; the rectangle is the view plus a 50 % margin on each side and is recomputed only
// when the view leaves it, so panning does not touch thousands of cards every frame. Below a
// zoom of about 0.5 cards drop their texts and icons (`detailed`), with hysteresis so that a
// zoom hovering at the threshold (0.35 off, 0.4 on: the measured ~0.5 would blank a small diagram fitted in a small window) does not flip them back and forth.

#include <QAbstractListModel>
#include <QObject>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

namespace sc {

class ViewportController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QRectF viewRect READ viewRect WRITE setViewRect NOTIFY viewRectChanged)
    Q_PROPERTY(qreal zoom READ zoom WRITE setZoom NOTIFY zoomChanged)
    Q_PROPERTY(QRectF cullRect READ cullRect NOTIFY cullRectChanged)
    Q_PROPERTY(bool detailed READ detailed NOTIFY detailedChanged)

public:
    explicit ViewportController(QObject *parent = nullptr);

    QRectF viewRect() const { return m_viewRect; }
    void setViewRect(const QRectF &rect);
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    QRectF cullRect() const { return m_cullRect; }
    bool detailed() const { return m_detailed; }

    static constexpr qreal kMargin = 0.5;
    static constexpr qreal kDetailOff = 0.35;
    static constexpr qreal kDetailOn = 0.4;

    // Whether an item's scene rectangle meets a live rectangle (touching edges count); a null
    // live rectangle keeps everything.
    static bool meets(const QRectF &item, const QRectF &live)
    {
        return live.isNull()
               || (item.right() >= live.left() && item.left() <= live.right() && item.bottom() >= live.top()
                   && item.top() <= live.bottom());
    }
    // For a model whose rows follow the live rectangle: tells `model` which rows (by
    // `rectOf(row)`) enter or leave it as it goes from `was` to `now`, one dataChanged of
    // `role` per run of neighbouring rows.
    template <class RectOf>
    static void tellLiveChanges(QAbstractListModel &model, const RectOf &rectOf, const QRectF &was, const QRectF &now, int role)
    {
        const int rows = model.rowCount();
        int runStart = -1;
        for (int row = 0; row <= rows; ++row) {
            const bool changed = row < rows && meets(rectOf(row), was) != meets(rectOf(row), now);
            if (changed && runStart < 0)
                runStart = row;
            if (!changed && runStart >= 0) {
                emit model.dataChanged(model.index(runStart, 0), model.index(row - 1, 0), {role});
                runStart = -1;
            }
        }
    }

    // Whether a scene rectangle is kept alive (for tests and the benchmark).
    Q_INVOKABLE bool isLive(const QRectF &rect) const { return m_cullRect.intersects(rect); }

signals:
    void viewRectChanged();
    void zoomChanged();
    void cullRectChanged();
    void detailedChanged();

private:
    QRectF m_viewRect;
    QRectF m_cullRect;
    qreal m_zoom = 1;
    bool m_detailed = true;
};

} // namespace sc
