import QtQuick
import QtQuick.Shapes
import StackCanvas

// One small multiple of a comparison: two step lines of one run on the comparison's shared time
// axis and scale, the rehearsal's current time marked.
Rectangle {
    id: chart
    required property RehearsalComparison comparison
    required property int run
    property string seriesA
    property string seriesB
    property color colorA: Theme.success
    property color colorB: Theme.info
    property real time: 0

    color: Theme.panelAlt
    border.color: Theme.border
    clip: true

    Shape {
        anchors.fill: parent
        ShapePath {
            strokeColor: chart.colorB
            strokeWidth: 2
            fillColor: "transparent"
            PathPolyline {
                path: chart.comparison.revision >= 0 ? chart.comparison.chartPoints(chart.run, chart.seriesB, chart.width, chart.height - 2) : []
            }
        }
        ShapePath {
            strokeColor: chart.colorA
            strokeWidth: 2
            fillColor: "transparent"
            PathPolyline {
                path: chart.comparison.revision >= 0 ? chart.comparison.chartPoints(chart.run, chart.seriesA, chart.width, chart.height - 2) : []
            }
        }
    }
    Rectangle {
        x: chart.comparison.duration > 0 ? Math.min(1, chart.time / chart.comparison.duration) * (chart.width - 2) : 0
        width: 2
        height: chart.height
        color: Theme.accent
        opacity: 0.7
    }
}
