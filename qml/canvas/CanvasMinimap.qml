import QtQuick
import StackCanvas

// The whole diagram in small, with the visible part outlined; click or drag to move the view
// (the canvas centres itself on `centerRequested`).
Rectangle {
    id: frame
    required property DocumentController controller
    required property rect viewRect
    // False when the canvas has no room for it next to its controls.
    property bool shown: true
    signal centerRequested(real x, real y)
    width: 180
    height: 112
    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.border
    visible: frame.shown && frame.controller.resourceCount > 0

    MinimapItem {
        id: map
        objectName: "minimap"
        anchors.fill: parent
        anchors.margins: 6
        controller: frame.controller
        cardColor: Theme.textMuted
        selectedColor: Theme.selection
    }
    Rectangle {
        // The map's size is read here so that the outline follows it too (toLocal centres the world).
        readonly property rect local: map.worldRect.width > 0 && map.width > 0 && map.height > 0
                                      ? map.toLocal(frame.viewRect) : Qt.rect(0, 0, 0, 0)
        x: map.x + Math.max(0, local.x)
        y: map.y + Math.max(0, local.y)
        width: Math.min(map.width - Math.max(0, local.x), local.width + Math.min(0, local.x))
        height: Math.min(map.height - Math.max(0, local.y), local.height + Math.min(0, local.y))
        color: Theme.selectionFill
        border.color: Theme.selection
        border.width: 1
    }
    MouseArea {
        anchors.fill: map
        function moveTo(mouse) {
            const p = map.toScene(Qt.point(mouse.x, mouse.y))
            frame.centerRequested(p.x, p.y)
        }
        onPressed: (mouse) => moveTo(mouse)
        onPositionChanged: (mouse) => moveTo(mouse)
    }
}
