#pragma once
// Every edge of the canvas in one item: cubic curves with arrowheads from the card that holds a
// reference to the card it refers to. Lives inside the canvas's scene item, so it works in scene
// (document) coordinates and a pan or zoom moves it through the scene's transform alone.
//
// The edges' layout, their spatial chunks and the hit tests are EdgeGeometry's: this item feeds
// it from the document and draws one scene-graph node per chunk, so that moving a card rewrites
// only the chunks of that card's edges. The curves never depend on the zoom: when
// a scene-width ribbon would drop under ~1.2 px on screen, they are drawn as 1 px lines instead
// (which never break into dots), so zooming rebuilds nothing but the small arrowheads, and only
// in steps. Under a hardware renderer only what the canvas keeps alive (cullRect) is drawn:
// chunks outside it are blocked, and ribbons keep only the pieces of their curves inside it, so
// an edge across a large diagram costs the rasterizer its few visible pieces; the ribbons are
// written again when cullRect moves, which it does only once the view leaves it. Under the
// software renderer (which ignores custom geometry) each chunk is a
// QSGRenderNode painting with QPainter inside its own tight rectangle, so a drag repaints only
// the part of the window its edges cover.

#include "model/geometry/edgegeometry.h"

#include <QColor>
#include <QPointF>
#include <QPointer>
#include <QQuickItem>
#include <QRectF>
#include <QtQml/qqmlregistration.h>

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
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // How the curves are drawn now: true for 1 px lines (zoomed out), false for scene-width
    // ribbons. For tests and the benchmark.
    Q_PROPERTY(bool thin READ thin NOTIFY zoomChanged)
    // The part of the scene the canvas keeps alive (ViewportController::cullRect): chunks
    // outside it are neither drawn nor rewritten until it reaches them. Null: every chunk.
    Q_PROPERTY(QRectF cullRect READ cullRect WRITE setCullRect NOTIFY cullRectChanged)
    // Counts the layouts of edges (a rebuild, a card moved): what follows an edge's curve binds
    // to it.
    Q_PROPERTY(int geometryRevision READ geometryRevision NOTIFY geometryChanged)

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
    QRectF cullRect() const { return m_cullRect; }
    void setCullRect(const QRectF &rect);
    int count() const { return m_geometry.count(); }
    bool thin() const { return m_thin; }
    int geometryRevision() const { return m_geometryRevision; }

    // The edge nearest to a scene point within `tolerance`, or -1.
    Q_INVOKABLE int edgeAt(QPointF scenePoint, qreal tolerance) const;
    Q_INVOKABLE QString edgeLabel(int edge) const;
    Q_INVOKABLE QString edgeSource(int edge) const;
    Q_INVOKABLE QString edgeTarget(int edge) const;
    Q_INVOKABLE QPointF edgeMidpoint(int edge) const;
    // Where the curve leaves its source card and where its arrow touches the target card.
    Q_INVOKABLE QPointF edgeStart(int edge) const;
    Q_INVOKABLE QPointF edgeTip(int edge) const;
    // How many chunks were rewritten by the last frames since the previous call (for tests:
    // moving one card must not rewrite every chunk, zooming must rewrite none).
    Q_INVOKABLE int takeRewrittenChunks();
    // Whether the last frame drew an edge: false when its chunk lies outside cullRect (for
    // tests; a hardware renderer's, the software one draws only what the window shows anyway).
    Q_INVOKABLE bool isEdgeDrawn(int edge) const;
    // The edges whose two ends are both among `ids` (for example a rollout's traffic path).
    Q_INVOKABLE QList<int> edgesAmong(const QStringList &ids) const;
    // An edge's flattened curve in scene coordinates, ending where its arrow touches the target.
    Q_INVOKABLE QList<QPointF> edgePath(int edge) const;

    // What a frame draws with, decided from the zoom in steps.
    struct Style {
        bool thin = false;
        qreal width = 1.5;       // ribbon width (scene units) when not thin
        qreal arrowLength = 9;   // scene units
        qreal highlightWidth = 2.4;
    };

signals:
    void controllerChanged();
    void colorChanged();
    void zoomChanged();
    void cullRectChanged();
    void countChanged();
    void geometryChanged();

protected:
    QSGNode *updatePaintNode(QSGNode *old, UpdatePaintNodeData *) override;

private:
    void rebuild();
    void onChanged(const DocumentChange &change);
    void onSelectionChanged();
    void markAllDirty();
    void markChunkDirty(int chunk);
    QSGNode *updateHardwareNodes(QSGNode *old);
    QSGNode *updateSoftwareNodes(QSGNode *old);

    QPointer<DocumentController> m_controller;
    QColor m_color = QColor(0x8a, 0x94, 0xa3);
    QColor m_highlightColor = QColor(0x21, 0x66, 0xd9);
    qreal m_zoom = 1;
    bool m_thin = false;
    QRectF m_cullRect;
    std::vector<bool> m_chunkDrawn; // per chunk, as the last frame left it (hardware nodes)
    QRectF m_ribbonWindow;          // the cullRect the ribbons were written for
    Style m_style;      // wanted for the current zoom
    Style m_builtStyle; // what the nodes hold
    EdgeGeometry m_geometry; // each card as the document sets it, and the edges between them
    std::vector<bool> m_highlighted; // per edge: one of its cards is selected
    // Per chunk, what is stale: a chunk that EdgeGeometry reports dirty is so in all three; only
    // the drawing in use is rewritten, the other when the zoom brings it back.
    std::vector<bool> m_linesDirty, m_ribbonsDirty, m_arrowChunksDirty;
    bool m_structureChanged = true;
    bool m_arrowsDirty = true;
    bool m_highlightDirty = true;
    // The edges of the cards moving now live in a node of their own, rewritten each frame of a
    // drag; their chunks are rewritten once, when the edges leave them and when they return.
    bool m_floatingDirty = true;
    bool m_colorsDirty = true;
    int m_rewritten = 0;
    int m_geometryRevision = 0;
};

} // namespace sc
