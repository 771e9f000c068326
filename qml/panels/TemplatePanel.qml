import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// The Template tab: the live template (YAML, JSON, or the CDK app when that exporter exists),
// read-only, with the selected resource's block highlighted and scrolled into view.
Rectangle {
    id: panel
    required property DocumentController controller
    readonly property TemplateText source: controller.templateText

    color: Theme.panel

    Binding {
        target: panel.source
        property: "selectedId"
        value: panel.controller.canvas.currentId
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
                model: panel.source.formats
                delegate: Button {
                    required property var modelData
                    objectName: "format:" + modelData.id
                    text: modelData.name
                    font.pixelSize: Theme.smallFontSize
                    implicitHeight: 26
                }
                // Wired here, in the panel's scope (a delegate cannot see `panel`).
                onItemAdded: (index, item) => {
                    const button = item as Button
                    const id = panel.source.formats[index].id
                    button.flat = Qt.binding(() => panel.source.format !== id)
                    button.highlighted = Qt.binding(() => panel.source.format === id)
                    button.clicked.connect(() => { panel.source.format = id })
                }
            }
            Item { Layout.fillWidth: true }
            Label {
                text: panel.source.highlightFirst > 0
                      ? panel.controller.canvas.currentId + " · lines " + panel.source.highlightFirst + "–" + panel.source.highlightLast
                      : panel.source.lineCount + " lines"
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
            ToolButton {
                text: "Copy"
                font.pixelSize: Theme.smallFontSize
                onClicked: { code.selectAll(); code.copy(); code.deselect() }
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        Flickable {
            id: flick
            objectName: "templateFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: gutter.width + code.contentWidth + 24
            contentHeight: code.contentHeight + 12
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}

            readonly property real lineHeight: code.contentHeight / Math.max(1, panel.source.lineCount)

            Rectangle {
                visible: panel.source.highlightFirst > 0
                x: 0
                y: code.y + (panel.source.highlightFirst - 1) * flick.lineHeight
                width: Math.max(flick.width, flick.contentWidth)
                height: (panel.source.highlightLast - panel.source.highlightFirst + 1) * flick.lineHeight
                color: Theme.highlightLine
                Rectangle { width: 3; height: parent.height; color: Theme.highlightMark }
            }
            Column {
                id: gutter
                y: code.y
                width: 48
                Repeater {
                    model: panel.source.lineCount
                    delegate: Text {
                        required property int index
                        width: 40
                        horizontalAlignment: Text.AlignRight
                        text: index + 1
                        font.family: Theme.monoFont
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.lineNumber
                    }
                    onItemAdded: (index, item) => { (item as Text).height = Qt.binding(() => flick.lineHeight) }
                }
            }
            TextEdit {
                id: code
                objectName: "templateCode"
                x: gutter.width + 8
                y: 6
                readOnly: true
                selectByMouse: true
                text: panel.source.text
                font.family: Theme.monoFont
                font.pixelSize: Theme.fontSize - 1
                color: Theme.codeText
                selectionColor: Theme.textSelection
                selectedTextColor: Theme.text
            }

            // Bring the selected block into view when the selection changes.
            function reveal() {
                if (panel.source.highlightFirst <= 0)
                    return
                const top = (panel.source.highlightFirst - 1) * lineHeight
                const bottom = panel.source.highlightLast * lineHeight
                if (top < contentY || bottom > contentY + height)
                    contentY = Math.max(0, Math.min(top - 2 * lineHeight, contentHeight - height))
            }
            // Once the new highlight is known (the next event-loop turn).
            Timer {
                id: revealLater
                interval: 0
                onTriggered: flick.reveal()
            }
            Connections {
                target: panel.controller.canvas
                function onSelectionChanged() { revealLater.restart() }
            }
        }
    }
}
