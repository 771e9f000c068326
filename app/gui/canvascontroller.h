#pragma once
// The canvas's state that is not the document's: which cards are selected, the drag in
// progress, the clipboard, the boxes around VPCs, subnets and blue/green halves, and the canvas
// intents QML calls (select, add from the palette, move, connect, arrange, delete, copy/paste).
// Edits go through the Document's intent methods; this class decides nothing about AWS.

#include "app/gui/containermodel.h"
#include "model/geometry/containers.h"
#include "model/template/json.h"

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <map>
#include <set>
#include <string>

namespace sc {

class Document;
struct DocumentChange;

class CanvasController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the DocumentController")
    Q_PROPERTY(QStringList selection READ selection NOTIFY selectionChanged)
    Q_PROPERTY(QString currentId READ currentId NOTIFY selectionChanged)
    Q_PROPERTY(bool snapToGrid READ snapToGrid WRITE setSnapToGrid NOTIFY snapToGridChanged)
    Q_PROPERTY(int gridSize READ gridSize CONSTANT)
    // Where a double-click in the palette puts a card: the centre of the visible canvas.
    Q_PROPERTY(QPointF viewCenter READ viewCenter WRITE setViewCenter NOTIFY viewCenterChanged)
    // Bumped on every document change, so the connection handle's binding follows its card.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    // The boxes, for the canvas's Repeater (a drag updates one row).
    Q_PROPERTY(sc::ContainerModel *containerModel READ containerModel CONSTANT)
    // What Arrange does unless told otherwise: "traffic" or "dependencies".
    Q_PROPERTY(QString defaultArrangement READ defaultArrangement NOTIFY revisionChanged)
    // The last refusal or notice for the canvas to show ("" when none).
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool canPaste READ canPaste NOTIFY clipboardChanged)

public:
    explicit CanvasController(Document *document, QObject *parent = nullptr);

    QStringList selection() const { return m_selection; }
    // The card the inspector shows: the last one selected.
    QString currentId() const { return m_selection.isEmpty() ? QString() : m_selection.last(); }
    bool snapToGrid() const { return m_snap; }
    void setSnapToGrid(bool snap);
    static int gridSize() { return 16; }
    QPointF viewCenter() const { return m_viewCenter; }
    void setViewCenter(QPointF center);
    int revision() const { return m_revision; }
    ContainerModel *containerModel() const { return m_containerModel; }
    QString defaultArrangement() const;
    QString message() const { return m_message; }
    bool canPaste() const { return !m_clipboard.is_null(); }

    // Selection.
    Q_INVOKABLE void select(const QString &logicalId, bool extend = false);
    Q_INVOKABLE void toggle(const QString &logicalId);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    // Cards whose rectangle meets `rect` (scene coordinates); `extend` adds to the selection.
    Q_INVOKABLE void selectInRect(const QRectF &rect, bool extend = false);
    Q_INVOKABLE bool isSelected(const QString &logicalId) const { return m_selection.contains(logicalId); }

    // Adds a resource with the catalog's defaults, centred on `center` (on the nearest free spot
    // when cards are there); selects it; returns its logical ID ("" and a message when refused).
    // No other card moves.
    Q_INVOKABLE QString addResource(const QString &type, QPointF center);
    Q_INVOKABLE QString addResourceAtViewCenter(const QString &type);
    // Re-runs the automatic layout ("traffic" or "dependencies"; "" for the default) and saves
    // every card's position: one undo step.
    Q_INVOKABLE bool arrange(const QString &how = {});

    // Moving the selection: begin, then update with the total offset as often as the mouse
    // moves (the model follows at most once per frame), then end (one undo step).
    Q_INVOKABLE void beginMove(const QString &grabbedId);
    Q_INVOKABLE void updateMove(qreal dx, qreal dy);
    Q_INVOKABLE void endMove();
    Q_INVOKABLE void nudgeSelection(qreal dx, qreal dy);

    Q_INVOKABLE bool deleteSelection();
    Q_INVOKABLE bool copySelection();
    Q_INVOKABLE bool paste();
    Q_INVOKABLE bool duplicateSelection();

    // Connections: the labels of the rules that can connect source to target (one entry per
    // connection; rules sharing a label are one), and the connection itself.
    Q_INVOKABLE QStringList connectionLabels(const QString &source, const QString &target) const;
    Q_INVOKABLE bool connectWith(const QString &source, const QString &target, const QString &label);
    // Connects when exactly one connection applies; returns its labels when several do (the
    // canvas shows a menu), and sets a message when none does.
    Q_INVOKABLE QStringList connectOrAsk(const QString &source, const QString &target);

    Q_INVOKABLE QString cardAt(QPointF scenePoint) const;
    // A card's rectangle (scene coordinates); empty for an unknown logical ID.
    Q_INVOKABLE QRectF cardRect(const QString &logicalId) const;
    // Bounding rectangle of every card and box (scene coordinates); empty for an empty document.
    Q_INVOKABLE QRectF bounds() const;
    Q_INVOKABLE void clearMessage();

signals:
    void selectionChanged();
    void documentReset(); // a new document replaced the old one (open, new)
    void snapToGridChanged();
    void viewCenterChanged();
    void revisionChanged();
    void containersChanged();
    void messageChanged();
    void clipboardChanged();

private:
    void setSelection(QStringList ids);
    void setMessage(const QString &message);
    void applyPendingMove();
    // Recomputes the boxes; a move of cards outside every box changes nothing and costs nothing.
    void rebuildContainers(const DocumentChange *change = nullptr);
    // The free spot nearest to where a new card of `size` was wanted (centred on `center`).
    QPointF freeSpotFor(QPointF center, QSizeF size) const;
    QPointF snapped(QPointF p) const;

    Document *m_document;
    QStringList m_selection;
    bool m_snap = true;
    QPointF m_viewCenter;
    int m_revision = 0;
    ContainerModel *m_containerModel;
    // Who is inside which box, kept between moves (only a change of the graph changes it).
    ContainerBoxes m_containerBoxes;
    QString m_message;
    Json m_clipboard;
    int m_pasteCount = 0;

    // The drag in progress: where each moved card started, the latest offset, and the gesture
    // that merges the drag's moves into one undo step.
    std::map<std::string, QPointF> m_moveStart;
    QPointF m_moveOffset, m_appliedOffset;
    int m_gesture = 0;
    QTimer m_moveTimer;
};

} // namespace sc
