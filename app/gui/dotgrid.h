#pragma once
// The canvas's dot grid for the hardware renderers: a small square at every grid point in view,
// all of them one geometry node in one flat, opaque colour. A tiled image over the whole window
// is a blended texture lookup for every pixel of every frame, which a software rasteriser such as
// llvmpipe pays in full; the dots are a few thousand pixels. Panning moves one transform; the
// squares are laid out again only when the size, the step or the dot size changes.
//
// The software renderer draws no geometry node: the canvas keeps its tiled image there.

#include <QColor>
#include <QPointF>
#include <QQuickItem>
#include <QtQml/qqmlregistration.h>

namespace sc {

class DotGrid : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    // Distance between neighbouring dots, in the item's pixels (no dots below 2).
    Q_PROPERTY(qreal step READ step WRITE setStep NOTIFY stepChanged)
    // Side of each dot, in the item's pixels.
    Q_PROPERTY(qreal dotSize READ dotSize WRITE setDotSize NOTIFY dotSizeChanged)
    // A point the grid passes through (the scene's origin on screen); the dots stand at
    // origin + (i, j) * step.
    Q_PROPERTY(QPointF origin READ origin WRITE setOrigin NOTIFY originChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)

public:
    explicit DotGrid(QQuickItem *parent = nullptr);

    qreal step() const { return m_step; }
    void setStep(qreal step);
    qreal dotSize() const { return m_dotSize; }
    void setDotSize(qreal size);
    QPointF origin() const { return m_origin; }
    void setOrigin(QPointF origin);
    QColor color() const { return m_color; }
    void setColor(const QColor &color);

    // How many dots the last layout placed (for tests).
    Q_INVOKABLE int dotCount() const { return m_dotCount; }

signals:
    void stepChanged();
    void dotSizeChanged();
    void originChanged();
    void colorChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;

private:
    qreal m_step = 32;
    qreal m_dotSize = 2;
    QPointF m_origin;
    QColor m_color = Qt::gray;
    bool m_layoutDirty = true;
    bool m_colorDirty = true;
    int m_dotCount = 0;
};

} // namespace sc
