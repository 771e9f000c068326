import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// What a rollout or what-if step produced, a line at a time: the timeline's events or the
// what-if's table rows, stepped through with Previous and Next (or a click on a line).
ColumnLayout {
    id: view
    required property StudyController study
    readonly property int row: lines.currentIndex
    // Timeline sentences wrap in the narrow panel; tables keep their columns and scroll sideways.
    readonly property bool wrap: study.step.kind === "rollout"
    readonly property real tableWidth: wrap ? 0
        : study.output.reduce((w, line) => Math.max(w, line.length), 0) * mono.averageCharacterWidth + 16

    FontMetrics {
        id: mono
        font.family: Theme.monoFont
        font.pixelSize: Theme.smallFontSize
    }

    spacing: 4
    visible: study.output.length > 0

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: view.study.outputTitle
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        Label {
            objectName: "studyOutputRow"
            text: (lines.currentIndex + 1) + " / " + lines.count
            font.pixelSize: Theme.smallFontSize
            color: Theme.textMuted
        }
        Button {
            objectName: "studyOutputPrevious"
            text: "‹"
            implicitWidth: 30
            enabled: lines.currentIndex > 0
            onClicked: lines.decrementCurrentIndex()
        }
        Button {
            objectName: "studyOutputNext"
            text: "›"
            implicitWidth: 30
            enabled: lines.currentIndex < lines.count - 1
            onClicked: lines.incrementCurrentIndex()
        }
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 120
        color: Theme.field
        border.color: Theme.fieldBorder
        radius: 4
        StudyListView {
            id: lines
            objectName: "studyOutput"
            study: view.study
            anchors.fill: parent
            anchors.margins: 4
            clip: true
            model: view.study.output
            highlightMoveDuration: 0
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}
            contentWidth: Math.max(width, view.tableWidth)
            flickableDirection: Flickable.AutoFlickIfNeeded
            delegate: Rectangle {
                required property string modelData
                required property int index
                width: ListView.view.contentWidth
                height: lineText.implicitHeight + 4
                color: ListView.isCurrentItem ? Theme.highlightLine : "transparent"
                Text {
                    id: lineText
                    x: 4
                    y: 2
                    width: parent.width - 8
                    wrapMode: Text.Wrap
                    text: parent.modelData
                    font.family: Theme.monoFont
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.codeText
                }
                TapHandler { onTapped: parent.ListView.view.currentIndex = parent.index }
            }
        }
    }
}
