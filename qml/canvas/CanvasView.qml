import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import StackCanvas

// The editing canvas: cards over edges over container boxes, in a scene item that pans and
// zooms. Every edit is an intent on controller.canvas (CanvasController); this file only turns
// pointer and key input into those intents and draws.
Item {
    id: view
    objectName: "canvasView"
    required property DocumentController controller
    readonly property CanvasController canvas: controller.canvas

    property real zoom: 1
    property real panX: 0
    property real panY: 0
    readonly property real minZoom: 0.1
    readonly property real maxZoom: 4
    readonly property rect viewRect: Qt.rect(-panX / zoom, -panY / zoom, width / zoom, height / zoom)
    property bool spaceHeld: false
    property string hoverId: ""
    property int hoverEdge: -1
    // For the shell's status bar and menus.
    readonly property int zoomPercent: Math.round(zoom * 100)
    readonly property alias edgeLayer: edges

    clip: true
    focus: true
    activeFocusOnTab: true

    function setZoomAt(newZoom, px, py) {
        const z = Math.max(minZoom, Math.min(maxZoom, newZoom))
        const sx = (px - panX) / zoom, sy = (py - panY) / zoom
        zoom = z
        panX = px - sx * z
        panY = py - sy * z
    }
    function zoomIn() { setZoomAt(zoom * 1.25, width / 2, height / 2) }
    function zoomOut() { setZoomAt(zoom / 1.25, width / 2, height / 2) }
    function resetZoom() { setZoomAt(1, width / 2, height / 2) }
    // Card titles are set at 14 px: below this zoom they shrink under 9 px and stop being
    // read. "Fit" never goes below it; a larger diagram is scrolled instead, starting where
    // requests enter (the left, the top).
    readonly property real readableZoom: 0.65
    function fitToView() {
        const b = canvas.bounds()
        if (b.width <= 0 || width <= 0) {
            zoom = 1; panX = 40; panY = 40
            return
        }
        const margin = 48
        const z = Math.max(readableZoom, Math.min(1, Math.min((width - 2 * margin) / b.width, (height - 2 * margin) / b.height)))
        zoom = z
        panX = b.width * z <= width - 2 * margin ? width / 2 - (b.x + b.width / 2) * z : margin - b.x * z
        panY = b.height * z <= height - 2 * margin ? height / 2 - (b.y + b.height / 2) * z : margin - b.y * z
    }
    function centerOn(sx, sy) {
        panX = width / 2 - sx * zoom
        panY = height / 2 - sy * zoom
    }
    // Brings a card (and `below` scene pixels under it, where a rehearsal draws the fleet) into
    // view when any of it is outside, keeping the zoom. It holds through the refits of a settling
    // layout until the user moves the view or another document opens.
    property string revealedId: ""
    property real revealedBelow: 0
    function reveal(logicalId, below) {
        revealedId = logicalId
        revealedBelow = below
        applyReveal()
    }
    function applyReveal() {
        const r = revealedId === "" || width <= 0 ? Qt.rect(0, 0, 0, 0) : canvas.cardRect(revealedId)
        if (r.width <= 0)
            return
        const margin = 24
        const left = panX + r.x * zoom, top = panY + r.y * zoom
        const right = left + r.width * zoom, bottom = top + (r.height + revealedBelow) * zoom
        if (left < margin || top < margin || right > width - margin || bottom > height - margin)
            centerOn(r.x + r.width / 2, r.y + (r.height + revealedBelow) / 2)
    }
    function toScene(px, py) { return Qt.point((px - panX) / zoom, (py - panY) / zoom) }

    // The view fits the diagram until the user pans or zooms (the window's layout settles in
    // several resizes), and again whenever a new document is opened.
    property bool userMoved: false
    function fitUntilMoved() {
        if (!userMoved && width > 0 && height > 0) {
            fitToView()
            applyReveal()
        }
    }
    onWidthChanged: fitUntilMoved()
    onHeightChanged: fitUntilMoved()
    Component.onCompleted: fitUntilMoved()
    Connections {
        target: view.canvas
        function onDocumentReset() {
            view.userMoved = false
            view.revealedId = ""
            refit.restart()
        }
    }
    Timer {
        id: refit
        interval: 0
        onTriggered: view.fitUntilMoved()
    }

    // The view rectangle is delayed: a zoom step sets zoom, panX and panY one after the other,
    // and the viewport must see only the final view (an intermediate one would re-cull every
    // card on every step). The zoom is not: the level of detail follows every zoom it passes.
    ViewportController {
        id: viewportControl
        zoom: view.zoom
    }
    Binding {
        target: viewportControl
        property: "viewRect"
        value: view.viewRect
        delayed: true
    }
    // The cards and boxes follow the live rectangle through their models: only those that enter
    // or leave it are told.
    Binding {
        target: view.controller.resources
        property: "liveRect"
        value: viewportControl.cullRect
    }
    Binding {
        target: view.canvas.containerModel
        property: "liveRect"
        value: viewportControl.cullRect
    }
    Binding {
        target: view.canvas
        property: "viewCenter"
        value: Qt.point(view.viewRect.x + view.viewRect.width / 2, view.viewRect.y + view.viewRect.height / 2)
        delayed: true
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.canvas
    }
    // The dot grid, hidden when zoomed far out: geometry in one flat colour where a GPU (or
    // llvmpipe) draws, a tiled image in the software renderer, which draws no geometry.
    readonly property bool gridShown: view.zoom >= 0.5
    readonly property real gridStep: view.canvas.gridSize * view.zoom * 2
    readonly property bool softwareRenderer: GraphicsInfo.api === GraphicsInfo.Software
    DotGrid {
        objectName: "dotGrid"
        anchors.fill: parent
        visible: view.gridShown && !view.softwareRenderer
        step: view.gridStep
        dotSize: Math.max(1, 2 * view.zoom)
        origin: Qt.point(view.panX, view.panY)
        color: Theme.gridDot
    }
    Item {
        objectName: "gridImage"
        visible: view.gridShown && view.softwareRenderer
        x: (view.panX % view.gridStep) - view.gridStep
        y: (view.panY % view.gridStep) - view.gridStep
        width: view.width + 2 * view.gridStep
        height: view.height + 2 * view.gridStep
        Image {
            width: parent.width / view.zoom
            height: parent.height / view.zoom
            scale: view.zoom
            transformOrigin: Item.TopLeft
            fillMode: Image.Tile
            source: view.softwareRenderer ? (Theme.dark ? "qrc:/icons/grid-dark.svg" : "qrc:/icons/grid-light.svg") : ""
            sourceSize.width: 32
            sourceSize.height: 32
            smooth: false
        }
    }

    // Empty space: pan (left drag, middle button, space + drag), rubber band (Shift/Ctrl +
    // drag), wheel zoom, click to clear the selection, hover for edge labels.
    MouseArea {
        id: background
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.MiddleButton
        hoverEnabled: true
        property point last
        property bool panning: false
        property bool banding: false
        property point bandStart
        property bool moved: false
        cursorShape: panning ? Qt.ClosedHandCursor : view.spaceHeld ? Qt.OpenHandCursor : Qt.ArrowCursor

        onPressed: (mouse) => {
            view.forceActiveFocus()
            view.userMoved = true
            last = Qt.point(mouse.x, mouse.y)
            moved = false
            const modifiers = mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)
            if (mouse.button === Qt.LeftButton && modifiers && !view.spaceHeld) {
                banding = true
                bandStart = view.toScene(mouse.x, mouse.y)
                band.from = bandStart
                band.to = bandStart
            } else {
                panning = true
            }
        }
        onPositionChanged: (mouse) => {
            if (panning) {
                view.panX += mouse.x - last.x
                view.panY += mouse.y - last.y
                last = Qt.point(mouse.x, mouse.y)
                moved = true
            } else if (banding) {
                band.to = view.toScene(mouse.x, mouse.y)
                moved = true
            } else {
                const p = view.toScene(mouse.x, mouse.y)
                view.hoverEdge = edges.edgeAt(p, 6 / view.zoom)
            }
        }
        onReleased: (mouse) => {
            if (banding) {
                view.canvas.selectInRect(Qt.rect(Math.min(band.from.x, band.to.x), Math.min(band.from.y, band.to.y),
                                                 Math.abs(band.to.x - band.from.x), Math.abs(band.to.y - band.from.y)),
                                         true)
            } else if (!moved && mouse.button === Qt.LeftButton) {
                view.canvas.clearSelection()
            }
            banding = false
            panning = false
        }
        onExited: view.hoverEdge = -1
        onWheel: (wheel) => {
            view.userMoved = true
            if (wheel.modifiers & Qt.ShiftModifier) {
                view.panX += wheel.angleDelta.y / 2
            } else if (wheel.pixelDelta.y !== 0 && !(wheel.modifiers & Qt.ControlModifier) && wheel.angleDelta.x !== 0) {
                view.panX += wheel.pixelDelta.x
                view.panY += wheel.pixelDelta.y
            } else {
                view.setZoomAt(view.zoom * Math.pow(1.0015, wheel.angleDelta.y), wheel.x, wheel.y)
            }
        }
    }

    Item {
        id: scene
        x: view.panX
        y: view.panY
        scale: view.zoom
        transformOrigin: Item.TopLeft

        Repeater {
            model: view.canvas.containerModel
            delegate: Rectangle {
                id: box
                required property string boxId
                required property string kind
                required property rect rect
                required property string label
                readonly property color edge: kind === "vpc" ? Theme.vpcBorder : kind === "subnet" ? Theme.subnetBorder
                                              : kind === "blue" ? Theme.blueHalf : Theme.greenHalf
                readonly property bool isHalf: kind === "blue" || kind === "green"
                objectName: "container-" + boxId
                x: rect.x
                y: rect.y
                width: rect.width
                height: rect.height
                required property bool live
                // Boxes out of view are not drawn, as cards are not: each would still cost a
                // renderer its vertices, every frame.
                visible: live
                // A hidden box does not follow the level of detail, as a hidden card does not.
                readonly property bool detailed: visible && viewportControl.detailed // qmllint disable unqualified
                // Zoomed out, square corners: a rounded, smoothed outline is many more vertices.
                radius: detailed ? 10 : 0
                color: kind === "vpc" ? Theme.vpcBox : kind === "subnet" ? Theme.subnetBox : Qt.rgba(edge.r, edge.g, edge.b, 0.06)
                border.color: edge
                border.width: 1.5
                Row {
                    x: 12
                    y: 6
                    spacing: 6
                    visible: box.detailed
                    Image {
                        visible: !box.isHalf
                        width: 14; height: 14
                        sourceSize.width: 14; sourceSize.height: 14
                        source: box.isHalf ? "" : box.kind === "vpc" ? "qrc:/icons/ec2-vpc.svg" : "qrc:/icons/ec2-subnet.svg"
                    }
                    Text {
                        objectName: "containerLabel"
                        text: box.label
                        color: box.edge
                        font.pixelSize: Theme.smallFontSize + (box.isHalf ? 1 : 0)
                        font.weight: Font.DemiBold
                    }
                }
            }
        }

        EdgeLayer {
            id: edges
            objectName: "edgeLayer"
            controller: view.controller
            zoom: view.zoom
            cullRect: viewportControl.cullRect
            color: Theme.edge
            highlightColor: Theme.selection
        }
        // A rehearsal's traffic path, over the edges and under the cards.
        TrafficEdges {
            edgeLayer: edges
        }

        // Qt 6.4's qmllint does not see the document's ids inside a delegate (the lines marked
        // "disable unqualified" below); they resolve at run time.
        Repeater {
            id: cards
            model: view.controller.resources
            delegate: ResourceCard {
                id: cardDelegate
                canvas: view.canvas // qmllint disable unqualified
                viewport: viewportControl // qmllint disable unqualified
                // A constant-size label per card is cheap for a few hundred cards, not thousands.
                compactLabel: cards.count <= 400 // qmllint disable unqualified
                property point pressAt
                property bool dragging: false
                onPressed: (mouse) => {
                    if (view.spaceHeld) {
                        mouse.accepted = false // space + drag pans, even over a card
                        return
                    }
                    view.forceActiveFocus()
                    const extend = mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)
                    if (extend)
                        view.canvas.toggle(logicalId)
                    else if (!selected)
                        view.canvas.select(logicalId)
                    const p = mapToItem(view, mouse.x, mouse.y)
                    pressAt = Qt.point(p.x, p.y)
                    dragging = false
                }
                onMoved: (mouse) => {
                    const p = mapToItem(view, mouse.x, mouse.y)
                    const dx = (p.x - pressAt.x) / view.zoom, dy = (p.y - pressAt.y) / view.zoom
                    if (!dragging && Math.abs(dx) + Math.abs(dy) > 3 / view.zoom && selected) {
                        dragging = true
                        view.canvas.beginMove(logicalId)
                    }
                    if (dragging)
                        view.canvas.updateMove(dx, dy)
                }
                onReleased: {
                    if (dragging)
                        view.canvas.endMove() // qmllint disable unqualified
                    dragging = false
                }
                onHovered: (on) => { if (on) view.hoverId = logicalId; else if (view.hoverId === logicalId) view.hoverId = "" }
            }
        }

        // The connection handle of the hovered (or only selected) card.
        Item {
            id: handle
            // The card last hovered, kept a moment after the pointer leaves it: the handle sits on
            // the card's edge, and the pointer leaves the card on its way to the handle.
            property string kept: ""
            // Frozen while connecting: the handle keeps the pointer grab until the release.
            readonly property string cardId: connector.active ? connector.source
                                              : view.hoverId !== "" ? view.hoverId
                                              : kept !== "" ? kept
                                              : (view.canvas.selection.length === 1 ? view.canvas.currentId : "")
            Connections {
                target: view
                function onHoverIdChanged() {
                    if (view.hoverId !== "") {
                        handle.kept = view.hoverId
                        forget.stop()
                    } else {
                        forget.restart()
                    }
                }
            }
            Timer {
                id: forget
                interval: 400
                onTriggered: if (!handleArea.containsMouse) handle.kept = ""
            }
            readonly property rect at: cardId !== "" && view.canvas.revision >= 0 ? view.canvas.cardRect(cardId) : Qt.rect(0, 0, 0, 0)
            visible: (cardId !== "" && viewportControl.detailed) || connector.active
            opacity: connector.active ? 0 : 1
            x: at.x + at.width - 8
            y: at.y + at.height / 2 - 8
            width: 16
            height: 16
            z: 5
            Rectangle {
                anchors.fill: parent
                radius: 8
                color: handleArea.containsMouse ? Theme.selection : Theme.card
                border.color: Theme.selection
                border.width: 2
            }
            MouseArea {
                id: handleArea
                objectName: "connectHandle"
                anchors.fill: parent
                anchors.margins: -4
                hoverEnabled: true
                cursorShape: Qt.CrossCursor
                onExited: forget.restart()
                onPressed: (mouse) => {
                    connector.source = handle.cardId
                    const p = mapToItem(scene, mouse.x, mouse.y)
                    connector.from = Qt.point(handle.x + 8, handle.y + 8)
                    connector.to = p
                    connector.active = true
                }
                onPositionChanged: (mouse) => {
                    if (!connector.active)
                        return
                    const p = mapToItem(scene, mouse.x, mouse.y)
                    connector.to = p
                    connector.target = view.canvas.cardAt(p)
                }
                onReleased: (mouse) => {
                    const p = mapToItem(scene, mouse.x, mouse.y)
                    connector.active = false
                    const target = view.canvas.cardAt(p)
                    if (target === "" || target === connector.source)
                        return
                    const labels = view.canvas.connectOrAsk(connector.source, target)
                    if (labels.length > 1)
                        connectMenu.ask(connector.source, target, labels, mapToItem(view, mouse.x, mouse.y))
                }
            }
        }

        // The connection being drawn.
        Shape {
            id: connector
            property bool active: false
            property string source: ""
            property string target: ""
            property point from
            property point to
            visible: active
            z: 6
            ShapePath {
                strokeColor: Theme.selection
                strokeWidth: 2 / view.zoom
                strokeStyle: ShapePath.DashLine
                fillColor: "transparent"
                startX: connector.from.x; startY: connector.from.y
                PathCubic {
                    x: connector.to.x; y: connector.to.y
                    control1X: connector.from.x + 60; control1Y: connector.from.y
                    control2X: connector.to.x - 60; control2Y: connector.to.y
                }
            }
        }

        Rectangle {
            id: band
            property point from
            property point to
            visible: background.banding
            x: Math.min(from.x, to.x)
            y: Math.min(from.y, to.y)
            width: Math.abs(to.x - from.x)
            height: Math.abs(to.y - from.y)
            color: Theme.selectionFill
            border.color: Theme.selection
            border.width: 1 / view.zoom
            z: 7
        }
    }

    // Edge label on hover.
    Rectangle {
        readonly property point mid: view.hoverEdge >= 0 ? edges.edgeMidpoint(view.hoverEdge) : Qt.point(0, 0)
        visible: view.hoverEdge >= 0
        x: mid.x * view.zoom + view.panX - width / 2
        y: mid.y * view.zoom + view.panY - height - 6
        width: edgeText.implicitWidth + 16
        height: edgeText.implicitHeight + 8
        radius: 4
        color: Theme.tooltip
        Text {
            id: edgeText
            anchors.centerIn: parent
            text: view.hoverEdge >= 0 ? edges.edgeSource(view.hoverEdge) + " · " + edges.edgeLabel(view.hoverEdge)
                                        + "  →  " + edges.edgeTarget(view.hoverEdge) : ""
            color: Theme.tooltipText
            font.pixelSize: Theme.smallFontSize
        }
    }

    DropArea {
        anchors.fill: parent
        keys: ["text/x-stackcanvas-type"]
        onDropped: (drop) => {
            const type = drop.source ? drop.source.resourceType : ""
            if (!type)
                return
            const p = view.toScene(drop.x, drop.y)
            view.canvas.addResource(type, p)
            drop.accept()
            view.forceActiveFocus()
        }
    }

    Menu {
        id: connectMenu
        property string source
        property string target
        property var labels: []
        function ask(s, t, l, at) {
            source = s; target = t; labels = l
            popup(view, at.x, at.y)
        }
        Repeater {
            model: connectMenu.labels
            delegate: MenuItem {
                required property string modelData
                text: modelData
                onTriggered: view.canvas.connectWith(connectMenu.source, connectMenu.target, modelData) // qmllint disable unqualified
            }
        }
    }

    // Refusals and notices.
    Rectangle {
        id: banner
        visible: view.canvas.message !== ""
        anchors { top: parent.top; horizontalCenter: parent.horizontalCenter; topMargin: 12 }
        width: Math.min(view.width - 48, bannerText.implicitWidth + 56)
        height: bannerText.implicitHeight + 16
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.warning
        Text {
            id: bannerText
            anchors { left: parent.left; right: closeText.left; verticalCenter: parent.verticalCenter; leftMargin: 14; rightMargin: 8 }
            text: view.canvas.message
            color: Theme.text
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSize
        }
        Text {
            id: closeText
            anchors { right: parent.right; verticalCenter: parent.verticalCenter; rightMargin: 12 }
            text: "✕"
            color: Theme.textMuted
            MouseArea { anchors.fill: parent; anchors.margins: -6; onClicked: view.canvas.clearMessage() }
        }
        Timer { running: banner.visible; interval: 6000; onTriggered: view.canvas.clearMessage() }
    }

    CanvasZoomBar {
        id: zoomBar
        objectName: "zoomBar"
        anchors { left: parent.left; bottom: parent.bottom; margins: 12 }
        zoomPercent: view.zoomPercent
        onZoomOut: view.zoomOut()
        onZoomIn: view.zoomIn()
        onResetZoom: view.resetZoom()
        onFitToView: view.fitToView()
    }

    // The minimap takes at most a sixth of the canvas's width and only the room the zoom bar
    // leaves: on a narrow canvas it goes rather than cover the controls.
    CanvasMinimap {
        objectName: "minimapFrame"
        anchors { right: parent.right; bottom: parent.bottom; margins: 12 }
        width: Math.min(180, Math.round(view.width / 6))
        height: Math.round(width * 0.62)
        shown: width >= 96 && view.width - width - 36 >= zoomBar.width
        controller: view.controller
        viewRect: view.viewRect
        onCenterRequested: (x, y) => view.centerOn(x, y)
    }

    Keys.onPressed: (event) => {
        const ctrl = event.modifiers & Qt.ControlModifier
        const step = (event.modifiers & Qt.ShiftModifier) ? view.canvas.gridSize * 4 : view.canvas.gridSize
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            view.spaceHeld = true
        } else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
            view.canvas.deleteSelection()
        } else if (ctrl && event.key === Qt.Key_C) {
            view.canvas.copySelection()
        } else if (ctrl && event.key === Qt.Key_V) {
            view.canvas.paste()
        } else if (ctrl && event.key === Qt.Key_D) {
            view.canvas.duplicateSelection()
        } else if (ctrl && event.key === Qt.Key_A) {
            view.canvas.selectAll()
        } else if (ctrl && (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal)) {
            view.zoomIn()
        } else if (ctrl && event.key === Qt.Key_Minus) {
            view.zoomOut()
        } else if (ctrl && event.key === Qt.Key_0) {
            view.resetZoom()
        } else if (ctrl && event.key === Qt.Key_1) {
            view.fitToView()
        } else if (event.key === Qt.Key_Escape) {
            view.canvas.clearSelection()
        } else if (event.key === Qt.Key_Left) {
            view.canvas.nudgeSelection(-step, 0)
        } else if (event.key === Qt.Key_Right) {
            view.canvas.nudgeSelection(step, 0)
        } else if (event.key === Qt.Key_Up) {
            view.canvas.nudgeSelection(0, -step)
        } else if (event.key === Qt.Key_Down) {
            view.canvas.nudgeSelection(0, step)
        } else {
            return
        }
        event.accepted = true
    }
    Keys.onReleased: (event) => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            view.spaceHeld = false
            event.accepted = true
        }
    }
}
