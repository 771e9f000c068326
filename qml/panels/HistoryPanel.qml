import QtQuick
import QtQuick.Controls
import StackCanvas

// The undo history: every step since the document was opened; clicking one goes back (or
// forward) to it. The saved state is marked.
Rectangle {
    id: panel
    required property DocumentController controller
    color: Theme.panel

    ListView {
        id: list
        objectName: "historyList"
        anchors.fill: parent
        clip: true
        model: panel.controller.history
        currentIndex: panel.controller.history.currentIndex
        ScrollBar.vertical: ScrollBar {}
        onCountChanged: positionViewAtEnd()
        delegate: ItemDelegate {
            id: step
            required property int index
            required property string label
            required property bool clean
            required property bool done
            // The view's model is the history (a delegate cannot see `panel`).
            readonly property UndoHistory history: ListView.view.model as UndoHistory
            width: ListView.view.width
            height: 28
            highlighted: index === history.currentIndex
            contentItem: Row {
                spacing: 8
                Label {
                    width: 22
                    text: step.index === 0 ? "" : step.index
                    horizontalAlignment: Text.AlignRight
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.textMuted
                    anchors.verticalCenter: parent.verticalCenter
                }
                Label {
                    text: step.label + (step.clean ? "   · saved" : "")
                    font.pixelSize: Theme.fontSize
                    color: step.done ? Theme.text : Theme.textMuted
                    font.italic: !step.done
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
            onClicked: history.currentIndex = index
        }
    }
}
