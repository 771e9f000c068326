import QtQuick
import QtQuick.Controls
import StackCanvas

// The palette: every resource type of the catalog, the deep kinds first by category, searchable.
// Drag a row onto the canvas, or double-click it to add at the centre of the view.
Rectangle {
    id: panel
    required property DocumentController controller
    property alias filter: search.text
    readonly property alias model: paletteModel
    readonly property alias list: list

    implicitWidth: 264
    color: Theme.panel

    PaletteModel {
        id: paletteModel
        filter: search.text.trim()
    }

    Column {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12 }
        spacing: 8
        Text {
            text: "Resources"
            color: Theme.text
            font.pixelSize: Theme.fontSize + 1
            font.weight: Font.DemiBold
        }
        TextField {
            id: search
            objectName: "paletteSearch"
            width: parent.width
            placeholderText: "Search " + paletteModel.totalCount + " types"
            selectByMouse: true
            font.pixelSize: Theme.fontSize
            color: Theme.text
            placeholderTextColor: Theme.textMuted
            background: Rectangle {
                radius: Theme.radius
                color: Theme.canvas
                border.color: search.activeFocus ? Theme.accent : Theme.border
            }
            Keys.onReturnPressed: if (list.count > 0) panel.controller.canvas.addResourceAtViewCenter(paletteModel.typeAt(0))
        }
    }

    DocumentListView {
        id: list
        objectName: "paletteList"
        controller: panel.controller
        anchors { left: parent.left; right: parent.right; top: header.bottom; bottom: parent.bottom; topMargin: 8 }
        clip: true
        model: paletteModel
        // Rows are dragged onto the canvas: the list itself scrolls with the wheel and scroll bar.
        interactive: false
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
        reuseItems: true
        section.property: "section"
        section.delegate: Item {
            id: sectionHeading
            required property string section
            readonly property string category: section.replace("All types · ", "")
            width: ListView.view.width
            height: 34
            Row {
                anchors { left: parent.left; leftMargin: 12; verticalCenter: parent.verticalCenter; verticalCenterOffset: 4 }
                spacing: 8
                Image {
                    width: 16; height: 16
                    sourceSize.width: 16
                    sourceSize.height: 16
                    source: (sectionHeading.ListView.view.model as PaletteModel).categoryIcon(sectionHeading.category)
                    anchors.verticalCenter: parent.verticalCenter
                }
                Text {
                    text: sectionHeading.section.toUpperCase()
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallFontSize - 1
                    font.weight: Font.DemiBold
                    font.letterSpacing: 0.6
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
        delegate: Item {
            id: entry
            required property int index
            required property string resourceType
            required property string displayName
            required property string icon
            required property bool deep
            width: ListView.view.width
            // Long names wrap rather than being cut: the entry grows to hold them.
            height: Math.max(40, names.implicitHeight + 12)

            Rectangle {
                anchors { fill: parent; leftMargin: 6; rightMargin: 6 }
                radius: Theme.radius
                color: dragArea.containsMouse ? Theme.hover : "transparent"
            }
            Image {
                id: glyph
                x: 14
                anchors.verticalCenter: parent.verticalCenter
                width: 24; height: 24
                sourceSize.width: 24
                sourceSize.height: 24
                source: entry.icon
                opacity: entry.deep ? 1 : 0.75
            }
            Column {
                id: names
                anchors { left: glyph.right; leftMargin: 10; right: parent.right; rightMargin: 12; verticalCenter: parent.verticalCenter }
                spacing: 1
                Text {
                    width: parent.width
                    text: entry.displayName
                    color: Theme.text
                    font.pixelSize: Theme.fontSize
                    wrapMode: Text.WordWrap
                }
                Text {
                    width: parent.width
                    // A type name has no spaces: it may break after each "::" (a zero-width space).
                    text: entry.resourceType.replace(/::/g, "::\u200b")
                    color: Theme.textMuted
                    font.pixelSize: Theme.smallFontSize - 1
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                }
            }

            // What is dragged: a small card that follows the pointer over the whole window.
            Rectangle {
                id: ghost
                property string resourceType: entry.resourceType
                visible: Drag.active
                width: 180
                height: 40
                radius: Theme.radius
                color: Theme.card
                border.color: Theme.selection
                opacity: 0.92
                Drag.keys: ["text/x-stackcanvas-type"]
                Drag.hotSpot: Qt.point(width / 2, height / 2)
                Drag.active: dragArea.drag.active
                Row {
                    anchors { left: parent.left; leftMargin: 10; verticalCenter: parent.verticalCenter }
                    spacing: 8
                    Image { width: 20; height: 20; sourceSize.width: 20; sourceSize.height: 20; source: entry.icon }
                    Text { text: entry.displayName; color: Theme.text; font.pixelSize: Theme.fontSize; anchors.verticalCenter: parent.verticalCenter }
                }
            }

            MouseArea {
                id: dragArea
                objectName: "paletteEntry"
                anchors.fill: parent
                hoverEnabled: true
                drag.target: ghost
                drag.threshold: 4
                onPressed: (mouse) => {
                    // Float the ghost above every panel, centred under the pointer.
                    const root = entry.Window.contentItem
                    const p = entry.mapToItem(root, mouse.x, mouse.y)
                    ghost.parent = root
                    ghost.x = p.x - ghost.width / 2
                    ghost.y = p.y - ghost.height / 2
                }
                onReleased: (mouse) => {
                    if (ghost.Drag.active) {
                        // Drop exactly under the pointer (the drag threshold offsets the ghost).
                        const p = entry.mapToItem(ghost.parent, mouse.x, mouse.y)
                        ghost.x = p.x - ghost.width / 2
                        ghost.y = p.y - ghost.height / 2
                        ghost.Drag.drop()
                    }
                    ghost.parent = entry
                    ghost.x = 0
                    ghost.y = 0
                }
                onCanceled: {
                    ghost.parent = entry
                }
                onDoubleClicked: (entry.ListView.view as DocumentListView).controller.canvas.addResourceAtViewCenter(entry.resourceType)
            }
        }
    }
}
