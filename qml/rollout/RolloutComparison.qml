import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// Strategies side by side for the rehearsed resource: one row of small charts per strategy
// (traffic share, capacity) on one shared time axis, and a table of the engine's metrics for
// each run. Failures and fleet size set in the tab apply to every run.
ColumnLayout {
    id: view
    required property RehearsalController rehearsal
    required property RehearsalComparison comparison
    signal message(string text)
    spacing: 6

    readonly property bool fleet: comparison.peakInstances > 0
    function clock(t) {
        const s = Math.round(t)
        const m = Math.floor(s / 60), r = s % 60
        return m + ":" + (r < 10 ? "0" : "") + r
    }
    function fixed(v, digits) { return v === undefined ? "–" : Number(v).toFixed(digits) }
    function shortName(name) { return name.replace("CodeDeployDefault.", "") }
    function money(v) { return v === undefined ? "–" : "$" + Number(v).toFixed(v < 1 ? 3 : 2) }
    // The table's columns: heading, what the heading means, then the cell text of a row.
    readonly property var columns: [
        ["Strategy", "The deployment configuration of this run", (r) => shortName(r.strategy)],
        ["Duration", "From the start of the deployment to its end (minutes:seconds)", (r) => clock(r.metrics.duration)],
        ["Min healthy", "Lowest healthy capacity against the fleet before the deployment", (r) => fleet ? fixed(r.metrics.minHealthyPercent, 0) + " %" : "–"],
        ["Peak", "Most instances (or tasks) running at once", (r) => fleet ? String(r.metrics.peakInstances) : "–"],
        ["Inst-min", "Instance-minutes of both versions during the deployment", (r) => fleet ? fixed(r.metrics.instanceMinutesOriginal + r.metrics.instanceMinutesReplacement, 1) : "–"],
        ["Extra inst-min", "Instance-minutes above the steady fleet: what the strategy adds", (r) => fleet ? fixed(r.metrics.extraInstanceMinutes, 1) : "–"],
        ["Cost", "Estimated on-demand cost of the fleet during the deployment, from the price table", (r) => money(r.metrics.estimatedCostUsd)],
        ["Extra cost", "Estimated cost of the extra instance-minutes", (r) => money(r.metrics.extraCostUsd)],
        ["Bad requests", "Share of all requests served by the failing version, with a failure injected", (r) => r.metrics.failingVersionRequestPercent === undefined
                                               ? (view.rehearsal.failures.length > 0 ? "0 %" : "–")
                                               : fixed(r.metrics.failingVersionRequestPercent, 2) + " %"]
    ]

    RowLayout {
        Layout.fillWidth: true
        spacing: 6
        Label {
            text: "Compare strategies"
            font.pixelSize: Theme.smallFontSize
            font.bold: true
            color: Theme.text
        }
        ComboBox {
            id: candidate
            objectName: "comparisonStrategy"
            Layout.fillWidth: true
            Layout.maximumWidth: 320
            implicitHeight: 28
            editable: true
            font.pixelSize: Theme.smallFontSize
            model: view.rehearsal.strategies.concat(view.rehearsal.customForms)
                       .filter((s) => view.comparison.strategies.indexOf(s) < 0)
        }
        Button {
            objectName: "comparisonAdd"
            text: "Add"
            implicitHeight: 28
            font.pixelSize: Theme.smallFontSize
            enabled: view.comparison.strategies.length < 4
            onClicked: {
                const error = view.comparison.add(candidate.editText !== "" ? candidate.editText : candidate.currentText)
                if (error !== "")
                    view.message(error)
            }
        }
        Button {
            objectName: "comparisonClose"
            text: "Close comparison"
            implicitHeight: 28
            font.pixelSize: Theme.smallFontSize
            onClicked: view.comparison.clear()
        }
    }

    // The small multiples: a label column, then traffic and capacity charts per strategy.
    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 4
        Repeater {
            model: view.comparison.rows
            delegate: RowLayout {
                id: row
                required property var modelData
                required property int index
                objectName: "comparisonRun-" + index
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 6
                ColumnLayout {
                    Layout.preferredWidth: 120
                    Layout.maximumWidth: 120
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: view.shortName(row.modelData.strategy)
                        elide: Text.ElideRight
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        objectName: "comparisonResult-" + row.index
                        text: row.modelData.metrics === undefined ? row.modelData.error
                              : row.modelData.result + " · " + view.clock(row.modelData.metrics.duration)
                        font.pixelSize: Theme.smallFontSize - 1
                        color: row.modelData.result === "Succeeded" ? Theme.success : Theme.danger
                    }
                    Label {
                        text: "Remove"
                        font.pixelSize: Theme.smallFontSize - 1
                        font.underline: true
                        color: Theme.textMuted
                        MouseArea { anchors.fill: parent; onClicked: view.comparison.remove(row.index) }
                    }
                }
                ComparisonChart {
                    objectName: "comparisonTraffic-" + row.index
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 36
                    comparison: view.comparison
                    run: row.index
                    time: view.rehearsal.time
                    seriesA: "trafficReplacement"; seriesB: "trafficOriginal"
                }
                ComparisonChart {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 36
                    visible: view.fleet
                    comparison: view.comparison
                    run: row.index
                    time: view.rehearsal.time
                    seriesA: "healthy"; seriesB: "running"
                    colorB: Theme.textMuted
                }
            }
        }
        // The shared time axis under the charts.
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Item { Layout.preferredWidth: 120 }
            Repeater {
                model: view.fleet ? ["Traffic: new version, original", "Capacity: healthy, running"] : ["Traffic: new version, original"]
                delegate: Item {
                    required property string modelData
                    Layout.fillWidth: true
                    implicitHeight: 16
                    Label { text: "0:00"; font.pixelSize: Theme.smallFontSize - 1; color: Theme.textMuted }
                    Label {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: modelData
                        font.pixelSize: Theme.smallFontSize - 1
                        color: Theme.textMuted
                    }
                    Label {
                        anchors.right: parent.right
                        text: view.clock(view.comparison.duration)
                        font.pixelSize: Theme.smallFontSize - 1
                        color: Theme.textMuted
                    }
                }
            }
        }
    }

    // The table scrolls sideways when the tab is narrower than its columns.
    Flickable {
        id: tableView
        Layout.fillWidth: true
        implicitHeight: table.implicitHeight
        contentWidth: table.implicitWidth
        contentHeight: table.implicitHeight
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.horizontal: ScrollBar { policy: ScrollBar.AsNeeded }
        GridLayout {
            id: table
            objectName: "comparisonTable"
            width: Math.max(implicitWidth, tableView.width)
            columns: view.columns.length
            rowSpacing: 2
            columnSpacing: 12
            Repeater {
                model: view.columns
                delegate: Label {
                    required property var modelData
                    text: modelData[0]
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    color: Theme.textMuted
                    HoverHandler { id: headingHover }
                    ToolTip.visible: headingHover.hovered
                    ToolTip.text: modelData[1]
                }
            }
            Repeater {
                model: view.comparison.rows.length * view.columns.length
                delegate: Label {
                    required property int index
                    readonly property int rowIndex: Math.floor(index / view.columns.length)
                    readonly property int column: index % view.columns.length
                    objectName: "comparisonCell-" + rowIndex + "-" + column
                    text: {
                        const r = view.comparison.rows[rowIndex]
                        return r === undefined || r.metrics === undefined ? "" : view.columns[column][2](r)
                    }
                    font.pixelSize: Theme.smallFontSize
                    font.family: column >= 1 ? Theme.monoFont : Qt.application.font.family
                    color: Theme.text
                    Layout.fillWidth: column === 0
                    Layout.minimumWidth: implicitWidth
                }
            }
        }
    }
    Label {
        objectName: "comparisonPriceNote"
        Layout.fillWidth: true
        visible: view.comparison.rows.length > 0 && view.comparison.rows[0].metrics !== undefined
                 && view.comparison.rows[0].metrics.estimatedCostUsd === undefined
        text: {
            const note = view.rehearsal.notes.find((n) => n.startsWith("no cost estimate"))
            return note !== undefined ? note.charAt(0).toUpperCase() + note.slice(1) : "No cost estimate for this fleet"
        }
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.smallFontSize - 1
        color: Theme.textMuted
    }
}
