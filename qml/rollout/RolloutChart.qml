import QtQuick
import QtQuick.Controls
import QtQuick.Shapes
import StackCanvas

// One chart of a rehearsal over the whole deployment: two step lines from the engine's samples
// (chartPoints), the event times as faint ticks and the current time as a marker. Used for
// traffic share and healthy capacity, in the tab and in the comparison.
Item {
    id: chart
    required property RehearsalController rehearsal
    property string title
    property string topLabel: "100 %"
    property string seriesA
    property string seriesB
    property string labelA
    property string labelB
    property color colorA: Theme.success
    property color colorB: Theme.info
    property bool showMarker: true

    implicitHeight: 120

    Label {
        id: heading
        text: chart.title
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        color: Theme.text
    }
    Row {
        anchors.right: parent.right
        spacing: 10
        Repeater {
            model: [[chart.labelA, chart.colorA], [chart.labelB, chart.colorB]]
            delegate: Row {
                required property var modelData
                spacing: 4
                visible: modelData[0] !== ""
                Rectangle { width: 10; height: 3; color: modelData[1]; anchors.verticalCenter: parent.verticalCenter }
                Label { text: modelData[0]; font.pixelSize: Theme.smallFontSize; color: Theme.textMuted }
            }
        }
    }

    Rectangle {
        id: plot
        objectName: "chartPlot"
        anchors { left: parent.left; right: parent.right; top: heading.bottom; bottom: parent.bottom; topMargin: 4; leftMargin: 34 }
        color: Theme.panelAlt
        border.color: Theme.border
        clip: true

        Repeater {
            model: chart.rehearsal.eventTimes
            delegate: Rectangle {
                required property real modelData
                x: chart.rehearsal.duration > 0 ? modelData / chart.rehearsal.duration * plot.width : 0
                width: 1
                height: plot.height
                color: Theme.grid
            }
        }
        Shape {
            anchors.fill: parent
            // Two lines, each a polyline of the engine's steps.
            ShapePath {
                strokeColor: chart.seriesB === "" ? "transparent" : chart.colorB
                strokeWidth: 2
                fillColor: "transparent"
                PathPolyline {
                    path: chart.seriesB !== "" && chart.rehearsal.revision >= 0
                          ? chart.rehearsal.chartPoints(chart.seriesB, plot.width, plot.height - 2) : []
                }
            }
            ShapePath {
                strokeColor: chart.colorA
                strokeWidth: 2
                fillColor: "transparent"
                PathPolyline {
                    path: chart.rehearsal.revision >= 0
                          ? chart.rehearsal.chartPoints(chart.seriesA, plot.width, plot.height - 2) : []
                }
            }
        }
        Rectangle {
            objectName: "chartMarker"
            visible: chart.showMarker && chart.rehearsal.ready
            x: chart.rehearsal.duration > 0 ? chart.rehearsal.time / chart.rehearsal.duration * (plot.width - 2) : 0
            width: 2
            height: plot.height
            color: Theme.accent
        }
    }
    Label {
        anchors { right: plot.left; rightMargin: 4; top: plot.top }
        text: chart.topLabel
        font.pixelSize: Theme.smallFontSize - 1
        color: Theme.textMuted
    }
    Label {
        anchors { right: plot.left; rightMargin: 4; bottom: plot.bottom }
        text: "0"
        font.pixelSize: Theme.smallFontSize - 1
        color: Theme.textMuted
    }
}
