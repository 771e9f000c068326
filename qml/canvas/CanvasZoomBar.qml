import QtQuick
import StackCanvas

// Zoom out, the zoom level (click: 100 %), zoom in, fit to view.
Rectangle {
    id: bar
    required property Item view
    width: row.implicitWidth + 8
    height: 32
    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.border

    component ZoomButton: Rectangle {
        id: button
        property string label
        property string tip
        signal clicked()
        width: 30
        height: 26
        radius: 4
        color: area.containsMouse ? Theme.hover : "transparent"
        Text {
            anchors.centerIn: parent
            text: button.label
            color: Theme.text
            font.pixelSize: Theme.fontSize + 2
        }
        MouseArea { id: area; anchors.fill: parent; hoverEnabled: true; onClicked: button.clicked() }
    }

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 2
        ZoomButton { objectName: "zoomOut"; label: "−"; onClicked: bar.view.zoomOut() }
        ZoomButton {
            objectName: "zoomLevel"
            width: 52
            label: bar.view.zoomPercent + " %"
            onClicked: bar.view.resetZoom()
            Component.onCompleted: children[0].font.pixelSize = Theme.smallFontSize + 1
        }
        ZoomButton { objectName: "zoomIn"; label: "+"; onClicked: bar.view.zoomIn() }
        Rectangle { width: 1; height: 18; color: Theme.border; anchors.verticalCenter: parent.verticalCenter }
        ZoomButton { objectName: "fit"; label: "⤢"; onClicked: bar.view.fitToView() }
    }
}
