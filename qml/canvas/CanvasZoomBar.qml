import QtQuick
import StackCanvas

// Zoom out, the zoom level (click: 100 %), zoom in, fit to view. The canvas acts on the signals.
Rectangle {
    id: bar
    required property int zoomPercent
    signal zoomOut()
    signal zoomIn()
    signal resetZoom()
    signal fitToView()
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
        ZoomButton { objectName: "zoomOut"; label: "−"; onClicked: bar.zoomOut() }
        ZoomButton {
            objectName: "zoomLevel"
            width: 52
            label: bar.zoomPercent + " %"
            onClicked: bar.resetZoom()
            Component.onCompleted: children[0].font.pixelSize = Theme.smallFontSize + 1
        }
        ZoomButton { objectName: "zoomIn"; label: "+"; onClicked: bar.zoomIn() }
        Rectangle { width: 1; height: 18; color: Theme.border; anchors.verticalCenter: parent.verticalCenter }
        ZoomButton { objectName: "fit"; label: "⤢"; onClicked: bar.fitToView() }
    }
}
