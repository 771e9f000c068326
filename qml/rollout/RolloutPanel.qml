import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import StackCanvas

// The Rollout tab: a rehearsal of one deployable resource, played back from the rollout
// engine's Timeline. Settings on the left; transport, time axis, narration, charts and metrics
// in the middle (or strategies compared side by side); the step list on the right. The charts
// and the timeline export from here.
Rectangle {
    id: panel
    required property RehearsalController rehearsal
    objectName: "rolloutPanel"
    color: Theme.panel

    property string message: rehearsal.error
    // Too narrow for settings, charts and steps side by side (220 + 420 + 300 px at least): the
    // steps take the charts' place on request.
    readonly property bool narrow: width < 980
    property bool showSteps: false
    readonly property bool comparing: comparison.strategies.length > 0

    RehearsalComparison {
        id: comparison
        objectName: "rehearsalComparison"
        rehearsal: panel.rehearsal
    }
    // Starts a comparison with the strategy now rehearsed, then `other`.
    function compareWith(other) {
        if (comparison.strategies.length === 0) {
            const first = comparison.add(panel.rehearsal.strategy)
            if (first !== "")
                return first
        }
        return other === "" ? "" : comparison.add(other)
    }

    function exportAs(kind) {
        exportDialog.kind = kind
        exportDialog.suggestedName = (panel.rehearsal.target + "-" + panel.rehearsal.strategy.replace(/^.*\./, "")
                                      + (kind === "csv" ? "-timeline" : panel.comparing ? "-comparison" : "-charts") + "." + kind)
        exportDialog.open()
    }
    SaveFileDialog {
        id: exportDialog
        objectName: "rolloutExportDialog"
        property string kind: "png" // png, svg (the charts) or csv (the timeline)
        popupLayer: panel.Overlay.overlay
        title: kind === "csv" ? "Export the timeline as CSV" : "Export the charts as " + kind.toUpperCase()
        acceptLabel: "Export"
        defaultSuffix: kind
        nameFilters: [kind === "csv" ? "CSV (*.csv)" : kind.toUpperCase() + " (*." + kind + ")"]
        onAccepted: {
            const file = String(selectedFile)
            const error = kind === "csv" ? panel.rehearsal.exportCsv(file)
                        : panel.comparing ? comparison.exportCharts(file) : panel.rehearsal.exportCharts(file)
            panel.message = error
        }
    }

    function clock(t) {
        const s = Math.floor(t)
        const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60
        const two = (v) => (v < 10 ? "0" : "") + v
        return h > 0 ? h + ":" + two(m) + ":" + two(r) : m + ":" + two(r)
    }
    function fixed(v, digits) { return v === undefined ? "–" : Number(v).toFixed(digits) }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 12

        ScrollView {
            Layout.preferredWidth: 220
            Layout.maximumWidth: 220
            Layout.fillHeight: true
            contentWidth: availableWidth
            RolloutSettings {
                width: parent.width
                rehearsal: panel.rehearsal
                onMessage: (text) => panel.message = text
            }
        }
        Rectangle { Layout.fillHeight: true; width: 1; color: Theme.border }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 300
            Layout.minimumWidth: 240
            spacing: 6
            clip: true
            visible: panel.rehearsal.ready

            // The transport and the clock first; the tab's actions follow on the same line when
            // there is room, on the next one when not.
            Flow {
                Layout.fillWidth: true
                spacing: 4
                Row {
                    spacing: 4
                    Button {
                        objectName: "rolloutPrevious"
                        text: "|◀"
                        implicitWidth: 34; implicitHeight: 28
                        onClicked: panel.rehearsal.stepPrevious()
                        ToolTip.visible: hovered; ToolTip.text: "Previous event"
                    }
                    Button {
                        objectName: "rolloutPlay"
                        text: panel.rehearsal.playing ? "❚❚" : "▶"
                        highlighted: true
                        implicitWidth: 40; implicitHeight: 28
                        onClicked: panel.rehearsal.togglePlaying()
                        ToolTip.visible: hovered; ToolTip.text: panel.rehearsal.playing ? "Pause" : "Play"
                    }
                    Button {
                        objectName: "rolloutNext"
                        text: "▶|"
                        implicitWidth: 34; implicitHeight: 28
                        onClicked: panel.rehearsal.stepNext()
                        ToolTip.visible: hovered; ToolTip.text: "Next event"
                    }
                    ComboBox {
                        objectName: "rolloutSpeed"
                        implicitHeight: 28
                        implicitWidth: 86
                        font.pixelSize: Theme.smallFontSize
                        model: [1, 10, 30, 60, 120, 300, 600]
                        displayText: panel.rehearsal.speed + "×"
                        currentIndex: model.indexOf(panel.rehearsal.speed)
                        onActivated: panel.rehearsal.speed = currentValue
                    }
                    Label {
                        objectName: "rolloutClock"
                        anchors.verticalCenter: parent.verticalCenter
                        leftPadding: 6
                        text: panel.clock(panel.rehearsal.time) + " / " + panel.clock(panel.rehearsal.duration)
                        font.family: Theme.monoFont
                        font.pixelSize: Theme.fontSize
                        color: Theme.text
                    }
                    Label {
                        objectName: "rolloutResult"
                        anchors.verticalCenter: parent.verticalCenter
                        rightPadding: 8
                        text: panel.rehearsal.result
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        color: panel.rehearsal.result === "Succeeded" ? Theme.success : Theme.danger
                        ToolTip.visible: resultHover.hovered
                        ToolTip.text: panel.rehearsal.target + " · " + panel.rehearsal.strategy + " · " + panel.rehearsal.result
                        HoverHandler { id: resultHover }
                    }
                }
                Row {
                    spacing: 4
                    Button {
                        objectName: "rolloutShowSteps"
                        visible: panel.narrow && !panel.comparing
                        text: panel.showSteps ? "Charts" : "Steps"
                        implicitHeight: 28
                        font.pixelSize: Theme.smallFontSize
                        onClicked: panel.showSteps = !panel.showSteps
                    }
                    Button {
                        objectName: "rolloutCompare"
                        text: panel.comparing ? "Single run" : "Compare…"
                        implicitHeight: 28
                        font.pixelSize: Theme.smallFontSize
                        onClicked: {
                            if (panel.comparing)
                                comparison.clear()
                            else
                                panel.message = panel.compareWith("")
                        }
                        ToolTip.visible: hovered
                        ToolTip.text: "Strategies side by side on one time axis, with their metrics"
                    }
                    Button {
                        objectName: "rolloutExport"
                        text: "Export ▾"
                        implicitHeight: 28
                        font.pixelSize: Theme.smallFontSize
                        onClicked: exportMenu.popup()
                        Menu {
                            id: exportMenu
                            MenuItem { objectName: "rolloutExportPng"; text: panel.comparing ? "Comparison charts as PNG…" : "Charts as PNG…"; onTriggered: panel.exportAs("png") }
                            MenuItem { objectName: "rolloutExportSvg"; text: panel.comparing ? "Comparison charts as SVG…" : "Charts as SVG…"; onTriggered: panel.exportAs("svg") }
                            MenuItem { objectName: "rolloutExportCsv"; text: "Timeline as CSV…"; onTriggered: panel.exportAs("csv") }
                        }
                    }
                    CheckBox {
                        text: "Loop"
                        font.pixelSize: Theme.smallFontSize
                        checked: panel.rehearsal.loop
                        onToggled: panel.rehearsal.loop = checked
                    }
                }
            }
            Label {
                objectName: "rolloutMessage"
                Layout.fillWidth: true
                visible: panel.message !== ""
                text: panel.message
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallFontSize
                color: Theme.danger
            }
            RolloutTimeAxis {
                Layout.fillWidth: true
                rehearsal: panel.rehearsal
            }
            Rectangle {
                objectName: "rolloutNarration"
                Layout.fillWidth: true
                Layout.preferredHeight: narrationText.implicitHeight + 12
                radius: Theme.radius
                color: Theme.panelAlt
                border.color: Theme.border
                Label {
                    id: narrationText
                    anchors { left: parent.left; right: topic.visible ? topic.left : parent.right; top: parent.top; margins: 6; leftMargin: 10 }
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    textFormat: Text.StyledText
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                    text: {
                        const n = panel.rehearsal.narration
                        return n.title === undefined ? "Press play or step to the first event."
                                                     : "<b>" + n.title + "</b>  " + (n.text !== undefined ? n.text : n.detail)
                    }
                }
                Rectangle {
                    id: topic
                    objectName: "rolloutTopic"
                    visible: panel.rehearsal.narration.topicName !== undefined
                    anchors { right: parent.right; top: parent.top; margins: 6 }
                    // At most a third of the box: the narration is what the box is for.
                    width: Math.min(topicText.implicitWidth + 16, parent.width / 3)
                    height: 20
                    radius: 10
                    color: Theme.selectionFill
                    Label {
                        id: topicText
                        anchors { fill: parent; leftMargin: 8; rightMargin: 8 }
                        verticalAlignment: Text.AlignVCenter
                        horizontalAlignment: Text.AlignHCenter
                        elide: Text.ElideRight
                        text: "Study: " + panel.rehearsal.narration.topicName + " · " + panel.rehearsal.narration.reference
                        font.pixelSize: Theme.smallFontSize - 1
                        color: Theme.accent
                    }
                    HoverHandler { id: topicHover }
                    ToolTip.visible: topicHover.hovered && topicText.truncated
                    ToolTip.text: topicText.text
                }
            }
            RolloutStepList {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: panel.narrow && panel.showSteps && !panel.comparing
                rehearsal: panel.rehearsal
            }
            RolloutComparison {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: panel.comparing
                rehearsal: panel.rehearsal
                comparison: comparison
                onMessage: (text) => panel.message = text
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: !panel.comparing && !(panel.narrow && panel.showSteps)
                spacing: 6
                RolloutChart {
                    id: trafficChart
                    objectName: "rolloutTrafficChart"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    rehearsal: panel.rehearsal
                    title: "Traffic share"
                    seriesA: "trafficReplacement"; labelA: "new version"
                    seriesB: "trafficOriginal"; labelB: "original"
                }
                RolloutChart {
                    id: capacityChart
                    objectName: "rolloutCapacityChart"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: panel.rehearsal.peakInstances > 0
                    rehearsal: panel.rehearsal
                    title: "Capacity"
                    topLabel: String(panel.rehearsal.peakInstances)
                    seriesA: "healthy"; labelA: "healthy"; colorA: Theme.success
                    seriesB: "running"; labelB: "running"; colorB: Theme.textMuted
                }
            }
            Label {
                objectName: "rolloutMetrics"
                visible: !panel.comparing
                Layout.fillWidth: true
                elide: Text.ElideRight
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
                text: {
                    const m = panel.rehearsal.metrics
                    let parts = ["Duration " + panel.clock(m.duration || 0)]
                    if (m.peakInstances > 0)
                        parts.push("min healthy " + panel.fixed(m.minHealthyPercent, 0) + " %",
                                   "peak " + m.peakInstances + " instances",
                                   "extra " + panel.fixed(m.extraInstanceMinutes, 1) + " instance-min",
                                   "downtime " + panel.clock(m.downtime || 0))
                    if (m.secondsToFullShift !== undefined)
                        parts.push("all traffic moved after " + panel.clock(m.secondsToFullShift))
                    if (m.estimatedCostUsd !== undefined)
                        parts.push("cost $" + panel.fixed(m.estimatedCostUsd, 2))
                    if (m.failingVersionRequestPercent !== undefined)
                        parts.push(panel.fixed(m.failingVersionRequestPercent, 2) + " % of requests to the new version")
                    return parts.join("  ·  ")
                }
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !panel.rehearsal.ready
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSize
                color: panel.message !== "" ? Theme.danger : Theme.textMuted
                text: panel.message !== "" ? panel.message
                    : panel.rehearsal.targets.length === 0
                      ? "This template has nothing to deploy. A CodeDeploy deployment group, a Lambda alias or SAM function with a deployment preference, an ECS service, an Elastic Beanstalk environment, an Auto Scaling group with an UpdatePolicy or weighted Route 53 records can be rehearsed."
                      : "Choose a resource to rehearse its deployment, or right-click its card and choose Rehearse deployment…"
            }
            Item { Layout.fillHeight: true }
        }
        // The steps belong to one run: a comparison takes their width for its charts and table.
        Rectangle { Layout.fillHeight: true; width: 1; color: Theme.border; visible: panel.rehearsal.ready && !panel.narrow && !panel.comparing }
        RolloutStepList {
            // A fixed share of the tab: the time axis must not move while the narration changes.
            Layout.preferredWidth: Math.max(300, Math.min(470, panel.width * 0.38))
            Layout.minimumWidth: Layout.preferredWidth
            Layout.maximumWidth: Layout.preferredWidth
            Layout.fillHeight: true
            visible: panel.rehearsal.ready && !panel.narrow && !panel.comparing
            rehearsal: panel.rehearsal
        }
    }
}
