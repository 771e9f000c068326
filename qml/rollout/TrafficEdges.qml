import QtQuick
import QtQuick.Shapes
import StackCanvas

// During a rehearsal, the edges of the traffic path drawn over the diagram's own: as wide as the
// share of requests they carry, and coloured from the original version's blue to the new
// version's green by the mix they carry. A blue/green split shows as a thick edge to one target
// group and a thin one to the other. In scene coordinates, beside the EdgeLayer.
Item {
    id: traffic
    required property EdgeLayer edgeLayer
    readonly property RehearsalController rehearsal: RolloutHub.rehearsal

    // Which edges: those between two resources of the traffic path. Chosen again when the
    // rehearsal or the graph changes, not at every moment of the playback.
    property var edgeIndices: []
    function refresh() {
        edgeIndices = RolloutHub.active ? edgeLayer.edgesAmong(Object.keys(rehearsal.pathShares)) : []
    }
    Connections {
        target: traffic.rehearsal
        function onTimelineChanged() { traffic.refresh() }
    }
    Connections {
        target: traffic.edgeLayer
        function onCountChanged() { traffic.refresh() }
    }
    Component.onCompleted: refresh()

    Repeater {
        model: traffic.edgeIndices
        delegate: Shape {
            id: edge
            required property int modelData
            readonly property string source: traffic.edgeLayer.edgeSource(modelData)
            readonly property string target: traffic.edgeLayer.edgeTarget(modelData)
            objectName: "trafficEdge-" + source + "-" + target
            readonly property var carried: {
                const m = traffic.rehearsal && traffic.rehearsal.time >= 0 ? traffic.rehearsal.edgeShare(source, target) : ({})
                return m.original === undefined ? undefined : m
            }
            readonly property real share: carried === undefined ? 0 : carried.original + carried.replacement
            readonly property real newFraction: share > 0 ? carried.replacement / share : 0
            visible: share > 0
            ShapePath {
                strokeWidth: 1.5 + 8 * Math.min(100, edge.share) / 100
                strokeColor: Qt.rgba(Theme.info.r + (Theme.success.r - Theme.info.r) * edge.newFraction,
                                     Theme.info.g + (Theme.success.g - Theme.info.g) * edge.newFraction,
                                     Theme.info.b + (Theme.success.b - Theme.info.b) * edge.newFraction, 0.75)
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                joinStyle: ShapePath.RoundJoin
                PathPolyline {
                    path: traffic.edgeLayer.geometryRevision >= 0 ? traffic.edgeLayer.edgePath(edge.modelData) : []
                }
            }
        }
    }
}
