import QtQuick
import QtQuick.Controls
import StackCanvas

// The deployment's steps as the consoles list them: step number, time, event, status, the
// traffic the new version receives and the healthy units once it happened. The event under way
// is highlighted; clicking a step goes to its time.
ListView {
    id: list
    required property RehearsalController rehearsal
    objectName: "rolloutSteps"
    clip: true
    model: rehearsal.events
    currentIndex: rehearsal.currentEvent
    highlightMoveDuration: 0
    headerPositioning: ListView.OverlayHeader
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    onCurrentIndexChanged: if (currentIndex >= 0) positionViewAtIndex(currentIndex, ListView.Contain)

    readonly property real eventWidth: Math.max(120, width - 46 - 46 - 76 - 50 - 50 - 16)
    function clock(t) {
        const s = Math.floor(t)
        const m = Math.floor(s / 60), r = s % 60
        return m + ":" + (r < 10 ? "0" : "") + r
    }
    function statusColor(status) {
        if (status === "Failed" || status === "ALARM" || status === "Stopped")
            return Theme.danger
        if (status === "Succeeded")
            return Theme.success
        return Theme.textMuted
    }

    header: Rectangle {
        width: ListView.view.width
        height: 24
        z: 2
        color: Theme.panelAlt
        Row {
            anchors { fill: parent; leftMargin: 8 }
            spacing: 0
            Repeater {
                model: [["Step", 46], ["Time", 46], ["Event", list.eventWidth], ["Status", 76], ["New", 50], ["Healthy", 50]]
                delegate: Label {
                    required property var modelData
                    width: modelData[1]
                    text: modelData[0]
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    color: Theme.textMuted
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
    }
    delegate: ItemDelegate {
        id: step
        required property var modelData
        required property int index
        width: ListView.view.width
        height: 24
        highlighted: ListView.isCurrentItem
        onClicked: list.rehearsal.seek(modelData.t)
        ToolTip.visible: hovered && modelData.detail !== ""
        ToolTip.text: modelData.detail
        ToolTip.delay: 600
        contentItem: Row {
            spacing: 0
            Label { width: 46; text: (step.index + 1) + "/" + list.count; font.pixelSize: Theme.smallFontSize; color: Theme.textMuted }
            Label { width: 46; text: list.clock(step.modelData.t); font.pixelSize: Theme.smallFontSize; font.family: Theme.monoFont; color: Theme.text }
            Label {
                width: list.eventWidth
                elide: Text.ElideRight
                text: step.modelData.name + (step.modelData.subject !== "" ? "  " + step.modelData.subject : "")
                font.pixelSize: Theme.smallFontSize
                color: Theme.text
            }
            Label { width: 76; text: step.modelData.status; font.pixelSize: Theme.smallFontSize; color: list.statusColor(step.modelData.status) }
            Label { width: 50; text: Math.round(step.modelData.trafficReplacement * 10) / 10 + " %"; font.pixelSize: Theme.smallFontSize; color: Theme.text }
            Label { width: 50; text: step.modelData.healthy; font.pixelSize: Theme.smallFontSize; color: Theme.text }
        }
    }
}
