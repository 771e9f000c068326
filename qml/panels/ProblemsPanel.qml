import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// The Problems tab: every finding of the rules on the open document, filtered by severity and
// text; choosing one selects its card. Fixes run as one undo step.
Rectangle {
    id: panel
    required property DocumentController controller
    readonly property ProblemModel problems: controller.problems
    property string severityFilter: "all" // all, error, warning, info
    property string textFilter: ""

    color: Theme.panel

    function matches(severity, ruleId, logicalId, message) {
        if (severityFilter !== "all" && severity !== severityFilter)
            return false
        if (textFilter === "")
            return true
        const needle = textFilter.toLowerCase()
        return (ruleId + " " + logicalId + " " + message).toLowerCase().indexOf(needle) >= 0
    }
    function severityColor(severity) {
        return severity === "error" ? Theme.error : severity === "warning" ? Theme.warning : Theme.info
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            Layout.preferredHeight: 34
            spacing: 4
            Repeater {
                model: [["all", "All"], ["error", "Errors " + panel.problems.errors],
                        ["warning", "Warnings " + panel.problems.warnings], ["info", "Info " + panel.problems.infos]]
                delegate: Button {
                    required property var modelData
                    objectName: "severity:" + modelData[0]
                    text: modelData[1]
                    flat: panel.severityFilter !== modelData[0]
                    highlighted: panel.severityFilter === modelData[0]
                    font.pixelSize: Theme.smallFontSize
                    implicitHeight: 26
                    onClicked: panel.severityFilter = modelData[0]
                }
            }
            Item { Layout.fillWidth: true }
            TextField {
                objectName: "problemFilter"
                Layout.preferredWidth: 220
                implicitHeight: 26
                placeholderText: "Filter by rule, resource or text"
                font.pixelSize: Theme.smallFontSize
                onTextChanged: panel.textFilter = text
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        ListView {
            id: list
            objectName: "problemList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.problems
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: finding
                required property int index
                required property string ruleId
                required property string severity
                required property string logicalId
                required property string path
                required property int line
                required property int column
                required property string message
                required property string title
                required property bool hasFix
                required property string fixLabel
                readonly property bool shown: panel.matches(severity, ruleId, logicalId, message)
                width: list.width
                height: shown ? 30 : 0
                visible: shown
                highlighted: logicalId !== "" && logicalId === panel.controller.canvas.currentId
                ToolTip.visible: hovered && title !== ""
                ToolTip.delay: 600
                ToolTip.text: title
                contentItem: RowLayout {
                    spacing: 10
                    Rectangle {
                        Layout.preferredWidth: 8
                        Layout.preferredHeight: 8
                        radius: 4
                        color: panel.severityColor(finding.severity)
                    }
                    Label {
                        Layout.preferredWidth: 52
                        text: finding.ruleId
                        font.family: Theme.monoFont
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.textMuted
                    }
                    Label {
                        Layout.preferredWidth: 150
                        text: finding.logicalId
                        elide: Text.ElideRight
                        font.bold: true
                        font.pixelSize: Theme.fontSize
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: finding.message
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontSize
                        color: Theme.text
                    }
                    Label {
                        text: finding.line > 0 ? "line " + finding.line : ""
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.textMuted
                    }
                    Button {
                        visible: finding.hasFix
                        text: finding.fixLabel
                        flat: true
                        font.pixelSize: Theme.smallFontSize
                        implicitHeight: 24
                        onClicked: panel.problems.applyFix(finding.index)
                    }
                }
                onClicked: if (logicalId !== "") panel.controller.canvas.select(logicalId)
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: list.count === 0
            text: "No problems found."
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            color: Theme.textMuted
        }
    }
}
