import QtQuick
import QtQuick.Controls
import StackCanvas

// The share of each version passing through one resource of the traffic path, as a bar whose
// parts are as wide as the shares, with the percentages written on it.
Rectangle {
    id: badge
    property var share // {original, replacement, role} in percent
    objectName: "trafficShare"
    readonly property real replacement: share ? share.replacement : 0
    readonly property real original: share ? share.original : 0
    width: 150
    height: 22
    radius: 4
    color: Theme.panel
    border.color: Theme.border
    Row {
        anchors { fill: parent; margins: 3 }
        Rectangle {
            width: (parent.width) * badge.original / Math.max(100, badge.original + badge.replacement)
            height: parent.height
            color: Theme.info
        }
        Rectangle {
            width: (parent.width) * badge.replacement / Math.max(100, badge.original + badge.replacement)
            height: parent.height
            color: Theme.success
        }
    }
    Label {
        anchors.centerIn: parent
        text: Math.round(badge.original) + " % · " + Math.round(badge.replacement) + " % new"
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        color: Theme.text
        style: Text.Outline
        styleColor: Theme.panel
    }
}
