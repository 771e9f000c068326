#include "app/gui/dotgrid.h"

#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGTransformNode>

#include <algorithm>
#include <cmath>

namespace sc {

namespace {

constexpr qreal kMinStep = 2;

// The transform node holds the geometry node: panning moves the one, not the other.
QSGGeometryNode *dotsOf(QSGTransformNode *root)
{
    return static_cast<QSGGeometryNode *>(root->firstChild());
}

} // namespace

DotGrid::DotGrid(QQuickItem *parent)
    : QQuickItem(parent)
{
    setFlag(ItemHasContents);
}

void DotGrid::setStep(qreal step)
{
    if (qFuzzyCompare(step, m_step))
        return;
    m_step = step;
    m_layoutDirty = true;
    update();
    emit stepChanged();
}

void DotGrid::setDotSize(qreal size)
{
    if (qFuzzyCompare(size, m_dotSize))
        return;
    m_dotSize = size;
    m_layoutDirty = true;
    update();
    emit dotSizeChanged();
}

void DotGrid::setOrigin(QPointF origin)
{
    if (origin == m_origin)
        return;
    m_origin = origin;
    update();
    emit originChanged();
}

void DotGrid::setColor(const QColor &color)
{
    if (color == m_color)
        return;
    m_color = color;
    m_colorDirty = true;
    update();
    emit colorChanged();
}

void DotGrid::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) {
        m_layoutDirty = true;
        update();
    }
}

QSGNode *DotGrid::updatePaintNode(QSGNode *old, UpdatePaintNodeData *)
{
    auto *root = static_cast<QSGTransformNode *>(old);
    if (!root) {
        root = new QSGTransformNode;
        auto *dots = new QSGGeometryNode;
        auto *geometry = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0);
        geometry->setDrawingMode(QSGGeometry::DrawTriangles);
        dots->setGeometry(geometry);
        dots->setFlag(QSGNode::OwnsGeometry);
        dots->setMaterial(new QSGFlatColorMaterial);
        dots->setFlag(QSGNode::OwnsMaterial);
        root->appendChildNode(dots);
        m_layoutDirty = m_colorDirty = true;
    }
    QSGGeometryNode *dots = dotsOf(root);
    if (m_colorDirty) {
        static_cast<QSGFlatColorMaterial *>(dots->material())->setColor(m_color);
        dots->markDirty(QSGNode::DirtyMaterial);
        m_colorDirty = false;
    }
    const bool drawn = m_step >= kMinStep && m_dotSize > 0 && width() > 0 && height() > 0;
    if (m_layoutDirty) {
        // The grid laid out from (-step, -step), one row and column past each edge, so that any
        // shift below one step still covers the item.
        const int columns = drawn ? static_cast<int>(std::ceil(width() / m_step)) + 2 : 0;
        const int rows = drawn ? static_cast<int>(std::ceil(height() / m_step)) + 2 : 0;
        QSGGeometry *geometry = dots->geometry();
        geometry->allocate(columns * rows * 6);
        QSGGeometry::Point2D *v = geometry->vertexDataAsPoint2D();
        // Every dot on whole pixels and of one whole size: a dot between pixels would cover
        // one or two of them as it falls, and the grid would look uneven.
        const float side = static_cast<float>(std::max<qreal>(1, std::round(m_dotSize)));
        const float before = std::floor(side / 2);
        for (int row = 0; row < rows; ++row) {
            const float top = static_cast<float>(std::round((row - 1) * m_step)) - before;
            for (int column = 0; column < columns; ++column) {
                const float left = static_cast<float>(std::round((column - 1) * m_step)) - before;
                const float right = left + side, bottom = top + side;
                *v++ = {left, top};
                *v++ = {right, top};
                *v++ = {left, bottom};
                *v++ = {right, top};
                *v++ = {right, bottom};
                *v++ = {left, bottom};
            }
        }
        dots->markDirty(QSGNode::DirtyGeometry);
        m_dotCount = columns * rows;
        m_layoutDirty = false;
    }
    // Pixel-aligned, so that a dot covers the same pixels wherever the pan leaves it.
    const auto within = [this, drawn](qreal at) {
        const qreal shift = drawn ? std::fmod(at, m_step) : 0;
        return shift < 0 ? shift + m_step : shift; // in [0, step)
    };
    const qreal dx = within(m_origin.x());
    const qreal dy = within(m_origin.y());
    QMatrix4x4 shift;
    shift.translate(static_cast<float>(std::round(dx)), static_cast<float>(std::round(dy)));
    if (root->matrix() != shift) {
        root->setMatrix(shift);
        root->markDirty(QSGNode::DirtyMatrix);
    }
    return root;
}

} // namespace sc
