import QtQuick
import QtQuick.Controls
import StackCanvas

// The time axis of a rehearsal: the whole deployment from 0 to its end, a tick at every event
// time, the played part filled, and a handle to scrub to any second.
Item {
    id: axis
    required property RehearsalController rehearsal
    implicitHeight: 30

    function clock(t) {
        const s = Math.floor(t)
        const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60
        const two = (v) => (v < 10 ? "0" : "") + v
        return h > 0 ? h + ":" + two(m) + ":" + two(r) : m + ":" + two(r)
    }

    Rectangle {
        id: track
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; verticalCenterOffset: -4 }
        height: 6
        radius: 3
        color: Theme.grid
        Rectangle {
            width: axis.rehearsal.duration > 0 ? axis.rehearsal.time / axis.rehearsal.duration * parent.width : 0
            height: parent.height
            radius: 3
            color: Theme.accent
            opacity: 0.55
        }
        Repeater {
            model: axis.rehearsal.eventTimes
            delegate: Rectangle {
                required property real modelData
                x: axis.rehearsal.duration > 0 ? modelData / axis.rehearsal.duration * track.width - 1 : 0
                y: -4
                width: 2
                height: track.height + 8
                color: Theme.textMuted
            }
        }
        Rectangle {
            objectName: "rolloutHandle"
            x: (axis.rehearsal.duration > 0 ? axis.rehearsal.time / axis.rehearsal.duration * track.width : 0) - width / 2
            anchors.verticalCenter: parent.verticalCenter
            width: 14
            height: 14
            radius: 7
            color: Theme.panel
            border.color: Theme.accent
            border.width: 2
        }
    }
    Label {
        anchors { left: parent.left; top: track.bottom; topMargin: 4 }
        text: "0:00"
        font.pixelSize: Theme.smallFontSize - 1
        color: Theme.textMuted
    }
    Label {
        anchors { right: parent.right; top: track.bottom; topMargin: 4 }
        text: axis.clock(axis.rehearsal.duration)
        font.pixelSize: Theme.smallFontSize - 1
        color: Theme.textMuted
    }
    MouseArea {
        objectName: "rolloutScrubber"
        anchors.fill: parent
        enabled: axis.rehearsal.ready
        function seekTo(x) { axis.rehearsal.seek(Math.max(0, Math.min(1, x / width)) * axis.rehearsal.duration) }
        onPressed: (mouse) => { axis.rehearsal.playing = false; seekTo(mouse.x) }
        onPositionChanged: (mouse) => { if (pressed) seekTo(mouse.x) }
    }
}
