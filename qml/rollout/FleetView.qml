import QtQuick
import QtQuick.Controls
import StackCanvas

// The rehearsed fleet under its card: one tile per instance or task, coloured by version, its
// state drawn on it; above about a hundred units, one bar per version split by state instead.
// The lifecycle event under way is named on top. Clicking a tile injects its failure.
Rectangle {
    id: fleet
    required property RehearsalController rehearsal
    readonly property bool aggregated: rehearsal.peakInstances > 100
    objectName: "fleetView"
    width: 264
    height: content.implicitHeight + 16
    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.accent

    function stateColor(version, state) {
        if (state === "Failed")
            return Theme.danger
        return version === "replacement" ? Theme.success : Theme.info
    }
    // How much of the tile a state fills: in service solid, starting or installing partly,
    // draining fading, terminated an outline.
    function stateOpacity(state) {
        switch (state) {
        case "InService": return 1
        case "Failed": return 1
        case "Draining": return 0.45
        case "Installing": return 0.6
        case "Idle": return 0.35
        case "Terminated": return 0
        default: return 0.25 // Pending, waits
        }
    }

    Column {
        id: content
        x: 8; y: 8
        width: parent.width - 16
        spacing: 6
        Label {
            objectName: "fleetPhase"
            width: parent.width
            elide: Text.ElideRight
            text: fleet.rehearsal.narration.title !== undefined ? fleet.rehearsal.narration.title : "Before the deployment"
            font.pixelSize: Theme.smallFontSize
            font.bold: true
            color: Theme.text
        }
        Flow {
            objectName: "fleetTiles"
            width: parent.width
            spacing: 3
            visible: !fleet.aggregated
            Repeater {
                model: fleet.aggregated ? [] : fleet.rehearsal.units
                delegate: Rectangle {
                    id: tile
                    required property var modelData
                    readonly property string version: modelData.version
                    readonly property string state: modelData.state
                    objectName: "unitTile"
                    width: 16; height: 16; radius: 3
                    color: "transparent"
                    border.width: 1
                    border.color: fleet.stateColor(version, state)
                    opacity: state === "Terminated" ? 0.35 : 1
                    Rectangle {
                        anchors.fill: parent
                        anchors.margins: 2
                        radius: 2
                        color: fleet.stateColor(tile.version, tile.state)
                        opacity: fleet.stateOpacity(tile.state)
                    }
                    MouseArea {
                        id: tileMouse
                        anchors.fill: parent
                        hoverEnabled: true
                        onClicked: {
                            const spec = fleet.rehearsal.failureSpecForUnit(tile.modelData.id)
                            if (spec !== "")
                                fleet.rehearsal.addFailure(spec)
                        }
                    }
                    ToolTip.visible: tileMouse.containsMouse
                    ToolTip.text: tile.modelData.id + ": " + tile.version + ", " + tile.state + "\nClick to make it fail"
                }
            }
        }
        Repeater {
            // One bar per version: the parts are the counts per state (tilesAt).
            model: fleet.aggregated ? ["original", "replacement"] : []
            delegate: Column {
                id: bar
                required property string modelData
                readonly property var parts: fleet.rehearsal.tiles.filter((t) => t.version === modelData && t.state !== "Terminated")
                readonly property int total: parts.reduce((sum, t) => sum + t.count, 0)
                width: content.width
                spacing: 2
                Label {
                    text: (bar.modelData === "original" ? "Original" : "New version") + "  " + bar.total
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.textMuted
                }
                Row {
                    objectName: "fleetBar-" + bar.modelData
                    width: parent.width
                    height: 12
                    Repeater {
                        model: bar.parts
                        delegate: Rectangle {
                            required property var modelData
                            objectName: "fleetBarPart"
                            width: content.width * modelData.count / Math.max(1, fleet.rehearsal.peakInstances)
                            height: 12
                            color: fleet.stateColor(modelData.version, modelData.state)
                            opacity: Math.max(0.25, fleet.stateOpacity(modelData.state))
                        }
                    }
                }
            }
        }
        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            text: {
                const s = fleet.rehearsal.sample
                const parts = []
                if (fleet.rehearsal.peakInstances > 0)
                    parts.push((s.healthyOriginal + s.healthyReplacement) + " healthy of " + (s.instancesOriginal + s.instancesReplacement) + " running")
                parts.push("traffic " + Math.round(s.trafficReplacement) + " % new")
                return parts.join(" · ")
            }
            font.pixelSize: Theme.smallFontSize
            color: Theme.textMuted
        }
    }
}
