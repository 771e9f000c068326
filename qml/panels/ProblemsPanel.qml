import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// The Problems tab: every finding of the rules on the open document, filtered by severity and
// text; choosing one selects its card and takes the inspector to the property it is about.
// "Why?" opens the rule's explanation in place; fixes run as one undo step.
Rectangle {
    id: panel
    required property DocumentController controller
    readonly property ProblemModel problems: controller.problems

    color: Theme.panel

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
                    font.pixelSize: Theme.smallFontSize
                    implicitHeight: 26
                }
                // Wired here, in the panel's scope (a delegate cannot see `list`).
                onItemAdded: (index, item) => {
                    const button = item as Button
                    const severity = ["all", "error", "warning", "info"][index]
                    button.flat = Qt.binding(() => list.severityFilter !== severity)
                    button.highlighted = Qt.binding(() => list.severityFilter === severity)
                    button.clicked.connect(() => { list.severityFilter = severity })
                }
            }
            Item { Layout.fillWidth: true }
            TextField {
                objectName: "problemFilter"
                Layout.preferredWidth: 220
                implicitHeight: 26
                placeholderText: "Filter by rule, resource or text"
                font.pixelSize: Theme.smallFontSize
                onTextChanged: list.textFilter = text
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        ProblemList {
            id: list
            objectName: "problemList"
            controller: panel.controller
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
                required property string explanation
                required property bool hasFix
                required property string fixLabel
                readonly property ProblemList view: ListView.view as ProblemList
                readonly property bool shown: view.matches(severity, ruleId, logicalId, message)
                property bool explained: false
                objectName: "problem:" + ruleId + ":" + logicalId
                width: view.width
                // A long message or resource name wraps: the row grows rather than cut it.
                height: shown ? Math.max(30, implicitContentHeight + topPadding + bottomPadding) : 0
                visible: shown
                highlighted: logicalId !== "" && logicalId === view.controller.canvas.currentId
                ToolTip.visible: hovered && !explained && title !== ""
                ToolTip.delay: 600
                ToolTip.text: title
                contentItem: ColumnLayout {
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.minimumHeight: 22
                        spacing: 10
                        Rectangle {
                            Layout.preferredWidth: 8
                            Layout.preferredHeight: 8
                            radius: 4
                            color: Theme.severityColor(finding.severity)
                        }
                        Label {
                            Layout.preferredWidth: 52
                            text: finding.ruleId
                            font.family: Theme.monoFont
                            font.pixelSize: Theme.smallFontSize
                            color: finding.highlighted ? Theme.textOnAccent : Theme.textMuted
                        }
                        Label {
                            Layout.preferredWidth: 150
                            text: finding.logicalId
                            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                            font.bold: true
                            font.pixelSize: Theme.fontSize
                            color: finding.highlighted ? Theme.textOnAccent : Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: finding.message
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontSize
                            color: finding.highlighted ? Theme.textOnAccent : Theme.text
                        }
                        Label {
                            text: finding.line > 0 ? "line " + finding.line : ""
                            font.pixelSize: Theme.smallFontSize
                            color: finding.highlighted ? Theme.textOnAccent : Theme.textMuted
                        }
                        ToolButton {
                            objectName: "explainButton"
                            text: finding.explained ? "Hide" : "Why?"
                            font.pixelSize: Theme.smallFontSize
                            implicitHeight: 24
                            checkable: true
                            checked: finding.explained
                            onToggled: finding.explained = checked
                        }
                        Button {
                            objectName: "fixButton"
                            visible: finding.hasFix
                            text: finding.fixLabel
                            flat: true
                            font.pixelSize: Theme.smallFontSize
                            implicitHeight: 24
                            onClicked: finding.view.controller.problems.applyFix(finding.index)
                        }
                    }
                    // The rule's study note.
                    ColumnLayout {
                        objectName: "explanation"
                        Layout.fillWidth: true
                        Layout.leftMargin: 18
                        Layout.bottomMargin: 4
                        visible: finding.explained
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: finding.title + "  ·  " + finding.ruleId
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.smallFontSize
                            font.bold: true
                            // The severity's colour cannot be read on the selected row's accent.
                            color: finding.highlighted ? Theme.textOnAccent : Theme.severityColor(finding.severity)
                        }
                        Label {
                            objectName: "explanationText"
                            Layout.fillWidth: true
                            text: finding.explanation
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.smallFontSize
                            color: finding.highlighted ? Theme.textOnAccent : Theme.textMuted
                        }
                    }
                }
                // Select the card and take the inspector to the property the finding is about.
                onClicked: {
                    if (logicalId === "")
                        return
                    view.controller.canvas.select(logicalId)
                    view.controller.inspector.reveal(logicalId, path)
                }
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
