import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// One finding shown in the inspector: severity colour and message, the rule's explanation one
// click away ("Why?"), and the finding's fix as a button when it has one (one undo step).
Rectangle {
    id: note
    // A map from InspectorModel: problemRow, ruleId, severity, message, title, explanation,
    // hasFix, fixLabel.
    required property var finding
    // Set by the view that creates the note; only a click on the fix needs it.
    property ProblemModel problems
    property bool explained: false
    readonly property color severityColor: Theme.severityColor(finding.severity)

    objectName: "finding:" + finding.ruleId
    implicitHeight: content.implicitHeight + 10
    radius: 4
    color: Qt.rgba(severityColor.r, severityColor.g, severityColor.b, Theme.dark ? 0.16 : 0.09)

    Rectangle {
        width: 3
        height: parent.height
        radius: 1.5
        color: note.severityColor
    }

    ColumnLayout {
        id: content
        anchors { left: parent.left; right: parent.right; top: parent.top; leftMargin: 10; rightMargin: 4; topMargin: 5 }
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                Layout.fillWidth: true
                text: note.finding.message
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallFontSize
                color: Theme.text
            }
            ToolButton {
                objectName: "explainButton"
                Layout.preferredHeight: 22
                Layout.alignment: Qt.AlignTop
                text: note.explained ? "Hide" : "Why?"
                font.pixelSize: Theme.smallFontSize
                checkable: true
                checked: note.explained
                onToggled: note.explained = checked
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: "What the rule checks and why it matters"
            }
        }
        // Fix labels are sentences ("Retain Table on deletion and replacement"): a line of their own.
        Button {
            objectName: "fixButton"
            visible: note.finding.hasFix
            Layout.maximumWidth: content.width
            Layout.preferredHeight: 24
            text: note.finding.fixLabel
            font.pixelSize: Theme.smallFontSize
            onClicked: note.problems.applyFix(note.finding.problemRow)
        }
        ColumnLayout {
            objectName: "explanation"
            Layout.fillWidth: true
            Layout.bottomMargin: 2
            visible: note.explained
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: note.finding.title + "  ·  " + note.finding.ruleId
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallFontSize
                font.bold: true
                color: note.severityColor
            }
            Label {
                objectName: "explanationText"
                Layout.fillWidth: true
                text: note.finding.explanation
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
        }
    }
}
