#pragma once
// Every edge of the canvas in one item: cubic curves with arrowheads from the card that holds a
// reference to the card it refers to. Drawn as triangles in QSGGeometryNodes, one per spatial
// chunk of edges, so that moving a card rewrites only the chunks of that card's edges; under the
// software renderer (which ignores custom geometry) a QSGRenderNode paints them with QPainter.
// Lives inside the canvas's scene item, so it works in scene (document) coordinates.

#include <QColor>
#include <QPointF>
#include <QPointer>
#include <QQuickItem>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

class DocumentController;
struct DocumentChange;

class EdgeLayer : public QQuickItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(sc::DocumentController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QColor color READ color WRITE setColor NOTIFY colorChanged)
    Q_PROPERTY(QColor highlightColor READ highlightColor WRITE setHighlightColor NOTIFY colorChanged)
    // The canvas's zoom: edges keep at least ~1.2 px on screen however far the view zooms out.
    Q_PROPERTY(qreal zoom READ zoom WRITE setZoom NOTIFY zoomChanged)
    // Scene rectangle worth painting (the software path skips edges outside it).
    Q_PROPERTY(QRectF visibleRect READ visibleRect WRITE setVisibleRect NOTIFY visibleRectChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit EdgeLayer(QQuickItem *parent = nullptr);
    ~EdgeLayer() override;

    DocumentController *controller() const { return m_controller; }
    void setController(DocumentController *controller);
    QColor color() const { return m_color; }
    void setColor(const QColor &color);
    QColor highlightColor() const { return m_highlightColor; }
    void setHighlightColor(const QColor &color);
    qreal zoom() const { return m_zoom; }
    void setZoom(qreal zoom);
    QRectF visibleRect() const { return m_visibleRect; }
    void setVisibleRect(const QRectF &rect);
    int count() const { return static_cast<int>(m_edges.size()); }

    // The edge nearest to a scene point within `tolerance`, or -1.
    Q_INVOKABLE int edgeAt(QPointF scenePoint, qreal tolerance) const;
    Q_INVOKABLE QString edgeLabel(int edge) const;
    Q_INVOKABLE QString edgeSource(int edge) const;
    Q_INVOKABLE QString edgeTarget(int edge) const;
    Q_INVOKABLE QPointF edgeMidpoint(int edge) const;

    // Shared with the paint nodes: one edge's flattened curve and arrowhead.
    struct Edge {
        std::string source, target, label;
        std::vector<QPointF> points;
        QPointF arrow[3];
        QRectF bounds;
        int chunk = 0;
        bool highlighted = false;
    };

signals:
    void controllerChanged();
    void colorChanged();
    void zoomChanged();
    void visibleRectChanged();
    void countChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;

private:
    void rebuild();
    void onChanged(const DocumentChange &change);
    void onSelectionChanged();
    void layoutEdge(Edge &edge);
    qreal strokeWidth() const;

    QPointer<DocumentController> m_controller;
    QColor m_color = QColor(0x8a, 0x94, 0xa3);
    QColor m_highlightColor = QColor(0x21, 0x66, 0xd9);
    qreal m_zoom = 1;
    qreal m_builtWidth = 0;
    QRectF m_visibleRect;
    std::unordered_map<std::string, QPointF> m_positions;
    std::vector<Edge> m_edges;
    std::unordered_map<std::string, std::vector<int>> m_edgesOf;
    std::vector<bool> m_dirtyChunks;
    int m_chunkCount = 0;
    bool m_structureChanged = true;
    bool m_highlightDirty = true;
};

} // namespace sc
