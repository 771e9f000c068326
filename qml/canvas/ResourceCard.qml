import QtQuick
import StackCanvas

// One resource on the canvas: icon, logical ID, kind, category stripe and a problem badge, set as
// the model lays the card out (model/geometry/cardgeometry: the whole logical ID at 100 %, in
// more lines when it is long). Kept light (a few items) because a large template has thousands;
// texts and icon go below ~40 % zoom.
Item {
    id: card
    required property string logicalId
    required property string resourceType
    required property string displayName
    required property string category
    required property string icon
    required property real posX
    required property real posY
    required property real cardWidth
    required property real cardHeight
    required property string title
    required property real subtitleTop
    required property string fleet
    required property string severity
    // Inside the canvas's live rectangle (ResourceModel::setLiveRect): cards out of it are hidden.
    required property bool live
    required property CanvasController canvas
    // Culling and level of detail. Nothing in a card follows the zoom itself, except the
    // compact label's loader when it is active: a zoom step touches no card.
    required property ViewportController viewport
    // Zoomed out on a small diagram, the logical ID stays readable at a constant screen size.
    property bool compactLabel: false
    // A hidden card does not follow the level of detail: crossing it touches only the cards the
    // canvas keeps alive, and a card takes the current level as it comes back into the live
    // rectangle.
    readonly property bool detailed: live && viewport.detailed
    // Zoomed out, a card is a block of its category's colour; worked out once, not at each
    // crossing of the level of detail.
    readonly property color blockColor: DiagramStyle.blockColor(category, Theme.card, Theme.dark)

    readonly property bool selected: canvas.currentId !== undefined && canvas.isSelected(logicalId)

    signal pressed(var mouse)
    signal moved(var mouse)
    signal released(var mouse)
    signal hovered(bool on)

    objectName: "card-" + logicalId
    x: posX
    y: posY
    width: cardWidth
    height: cardHeight
    visible: live
    z: selected ? 2 : 1

    Rectangle {
        objectName: "cardBody"
        anchors.fill: parent
        // Zoomed out, no rounded corners or border: the software renderer pays for each.
        radius: card.detailed ? Theme.radius : 0
        // Zoomed out, a card is a block of its category's colour: the overview stays readable.
        color: card.detailed ? Theme.card : card.blockColor
        border.color: card.selected ? Theme.selection : Theme.cardBorder
        border.width: card.selected ? 2 : card.detailed ? 1 : 0
    }
    // Qt 6.4's qmllint does not see the document's ids inside an inline component (the lines
    // marked below); they resolve at run time.
    Loader {
        anchors.fill: parent
        active: card.compactLabel && card.live && !card.viewport.detailed // only a small diagram's cards follow the detail here
        sourceComponent: Text {
            readonly property real zoom: Math.max(card.viewport.zoom, 0.01) // qmllint disable unqualified
            visible: zoom >= 0.2
            x: 4 / zoom
            y: 4 / zoom
            width: card.width - 8 / zoom // qmllint disable unqualified
            height: card.height - 8 / zoom // qmllint disable unqualified
            text: card.logicalId // qmllint disable unqualified
            color: Theme.text
            font.pixelSize: 11 / zoom
            font.bold: true
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }
    // The texts and icon, shown or hidden as one: a zoom across the level of detail changes one
    // property per card, and the icon stays loaded.
    Item {
        anchors.fill: parent
        visible: card.detailed
        Rectangle {
            width: 4
            radius: 2
            anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 6 }
            color: DiagramStyle.categoryColor(card.category, Theme.dark)
        }
        Image {
            id: glyph
            x: 16
            anchors.verticalCenter: parent.verticalCenter
            width: 32
            height: 32
            sourceSize.width: 32
            sourceSize.height: 32
            source: "qrc:/icons/" + card.icon + ".svg"
            asynchronous: false
        }
        Text {
            objectName: "cardTitle"
            x: 58
            y: 16
            width: card.width - x - 14
            text: card.title
            color: Theme.text
            font.pixelSize: 14
            font.weight: Font.DemiBold
            lineHeightMode: Text.FixedHeight
            lineHeight: 18
        }
        Text {
            objectName: "cardKind"
            x: 58
            y: card.subtitleTop
            width: card.width - x - 14
            text: card.displayName
            color: Theme.textMuted
            font.pixelSize: 11
        }
    }
    // Problem badge: the worst finding about the resource.
    Rectangle {
        objectName: "badge"
        visible: card.severity !== ""
        anchors { right: parent.right; top: parent.top; margins: -6 }
        width: 18
        height: 18
        radius: 9
        color: card.severity === "error" ? Theme.error : card.severity === "warning" ? Theme.warning : Theme.info
        border.color: Theme.card
        border.width: 2
        Text {
            anchors.centerIn: parent
            text: card.severity === "info" ? "i" : "!"
            color: "white"
            font.pixelSize: 11
            font.bold: true
        }
    }
    // An Elastic Beanstalk environment shows the fleet Beanstalk manages for it.
    Loader {
        active: card.fleet !== "" && card.detailed
        anchors { left: parent.left; right: parent.right; top: parent.bottom; topMargin: 4; leftMargin: 8; rightMargin: 8 }
        sourceComponent: Rectangle {
            objectName: "fleetStrip"
            height: 22
            radius: 11
            color: Theme.hover
            border.color: Theme.cardBorder
            Row {
                x: 12
                anchors.verticalCenter: parent.verticalCenter
                spacing: 4
                Repeater {
                    model: 3
                    Rectangle { width: 6; height: 8; radius: 1.5; color: DiagramStyle.categoryColor("Compute", Theme.dark); anchors.verticalCenter: parent.verticalCenter }
                }
                Text {
                    objectName: "fleetText"
                    leftPadding: 2
                    text: card.fleet // qmllint disable unqualified
                    color: Theme.textMuted
                    font.pixelSize: 10
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
    }
    MouseArea {
        anchors.fill: parent
        hoverEnabled: true
        acceptedButtons: Qt.LeftButton
        onPressed: (mouse) => card.pressed(mouse)
        onPositionChanged: (mouse) => { if (pressed) card.moved(mouse) }
        onReleased: (mouse) => card.released(mouse)
        onContainsMouseChanged: card.hovered(containsMouse)
    }
    // The rollout rehearsal's part of the card (qml/rollout).
    RehearseHook { card: card; logicalId: card.logicalId; selected: card.selected }
}
