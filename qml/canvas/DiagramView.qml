import QtQuick
import QtQuick.Shapes
import StackCanvas

// The read-only diagram: edges as curves with arrowheads under the cards, on a dotted grid.
Flickable {
    id: view
    required property DocumentController controller

    readonly property real cardWidth: 200
    readonly property real cardHeight: 72
    readonly property real margin: 48

    clip: true
    contentWidth: Math.max(width, bounds.width + 2 * margin)
    contentHeight: Math.max(height, bounds.height + 2 * margin)

    // The extent of the layout, recomputed when the document changes.
    property rect bounds: computeBounds()
    function computeBounds() {
        let minX = 0, minY = 0, maxX = 0, maxY = 0, first = true
        for (let i = 0; i < cards.count; ++i) {
            const c = cards.itemAt(i)
            if (!c) continue
            if (first) { minX = c.modelX; minY = c.modelY; maxX = minX; maxY = minY; first = false }
            minX = Math.min(minX, c.modelX); minY = Math.min(minY, c.modelY)
            maxX = Math.max(maxX, c.modelX); maxY = Math.max(maxY, c.modelY)
        }
        return Qt.rect(minX, minY, maxX - minX + cardWidth, maxY - minY + cardHeight)
    }
    Connections {
        target: view.controller
        function onDocumentChanged() { view.bounds = view.computeBounds() }
    }
    Component.onCompleted: bounds = computeBounds()

    Item {
        id: scene
        width: view.contentWidth
        height: view.contentHeight

        Repeater {
            model: view.controller.edges
            delegate: Shape {
                id: edge
                required property string source
                required property string target
                readonly property point from: view.controller.position(source)
                readonly property point to: view.controller.position(target)
                readonly property real x1: from.x - view.bounds.x + view.margin
                readonly property real y1: from.y - view.bounds.y + view.margin + view.cardHeight / 2
                readonly property real x2: to.x - view.bounds.x + view.margin + view.cardWidth
                readonly property real y2: to.y - view.bounds.y + view.margin + view.cardHeight / 2
                readonly property real bend: Math.max(40, Math.abs(x1 - x2) / 2)
                anchors.fill: parent
                ShapePath {
                    strokeColor: Theme.edge
                    strokeWidth: 1.4
                    fillColor: "transparent"
                    startX: edge.x1; startY: edge.y1
                    PathCubic {
                        x: edge.x2 + 8; y: edge.y2
                        control1X: edge.x1 - edge.bend; control1Y: edge.y1
                        control2X: edge.x2 + edge.bend; control2Y: edge.y2
                    }
                }
                ShapePath {
                    strokeColor: "transparent"
                    fillColor: Theme.edge
                    startX: edge.x2; startY: edge.y2
                    PathLine { x: edge.x2 + 9; y: edge.y2 - 5 }
                    PathLine { x: edge.x2 + 9; y: edge.y2 + 5 }
                    PathLine { x: edge.x2; y: edge.y2 }
                }
            }
        }

        Repeater {
            id: cards
            model: view.controller.resources
            delegate: ResourceCard {
                required property real posX
                required property real posY
                readonly property real modelX: posX
                readonly property real modelY: posY
                x: posX - view.bounds.x + view.margin
                y: posY - view.bounds.y + view.margin
            }
        }
    }
}
