import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// Help → Shortcuts: every keyboard shortcut of the window, by area.
Dialog {
    id: dialog
    objectName: "shortcutsDialog"
    title: "Keyboard shortcuts"
    modal: true
    standardButtons: Dialog.Close
    width: 520
    height: Math.min(parent ? parent.height - 80 : 640, 640)
    anchors.centerIn: parent

    // [area, [[keys, what]...]]
    readonly property var groups: [
        ["Files", [["Ctrl+N", "New document"], ["Ctrl+O", "Open a template"], ["Ctrl+S", "Save"],
                   ["Ctrl+Shift+S", "Save as (format by extension)"], ["Ctrl+E", "Export (YAML, JSON, SAM, CDK, SVG, PNG)"],
                   ["Ctrl+Q", "Quit"]]],
        ["Editing", [["Ctrl+Z", "Undo"], ["Ctrl+Shift+Z, Ctrl+Y", "Redo"], ["Ctrl+H", "Undo history"],
                     ["Enter", "Apply a renamed logical ID"]]],
        ["Canvas", [["Click, Shift/Ctrl+click", "Select, add to the selection"], ["Shift/Ctrl+drag", "Select with a rectangle"],
                    ["Ctrl+A", "Select all"], ["Delete, Backspace", "Delete the selection"],
                    ["Ctrl+C, Ctrl+V, Ctrl+D", "Copy, paste, duplicate"], ["Arrow keys", "Nudge the selection"],
                    ["Ctrl+Shift+A", "Arrange the cards (Edit menu: by traffic flow or by dependencies)"],
                    ["Drag a card's handle", "Connect to another card"], ["Escape", "Clear the selection"]]],
        ["Navigation", [["Wheel, Ctrl+plus, Ctrl+minus", "Zoom"], ["Ctrl+0", "Actual size"], ["Ctrl+1", "Fit the diagram"],
                        ["Drag empty space, middle button, Space+drag", "Pan"]]],
        ["View", [["Ctrl+Shift+L", "Switch between light and dark"], ["Alt+1", "Template tab"],
                  ["Alt+2", "Problems tab"], ["Alt+3", "History tab"], ["Ctrl+J", "Show or hide the bottom panel"],
                  ["Ctrl+I", "Show or hide the inspector"], ["Ctrl+L", "Show or hide the Study panel"], ["F1", "This list"]]]
    ]

    ScrollView {
        anchors.fill: parent
        clip: true
        ColumnLayout {
            width: dialog.availableWidth
            spacing: 14
            Repeater {
                model: dialog.groups
                delegate: ColumnLayout {
                    id: group
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 4
                    Label {
                        text: group.modelData[0].toUpperCase()
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        font.letterSpacing: 0.8
                        color: Theme.textMuted
                    }
                    Repeater {
                        model: group.modelData[1]
                        delegate: RowLayout {
                            id: shortcut
                            required property var modelData
                            Layout.fillWidth: true
                            Rectangle {
                                Layout.preferredWidth: 170
                                Layout.preferredHeight: 24
                                radius: 4
                                color: Theme.panelAlt
                                border.color: Theme.border
                                Label {
                                    anchors.centerIn: parent
                                    text: shortcut.modelData[0]
                                    font.family: Theme.monoFont
                                    font.pixelSize: Theme.smallFontSize
                                    color: Theme.text
                                }
                            }
                            Label {
                                Layout.fillWidth: true
                                text: shortcut.modelData[1]
                                color: Theme.text
                                font.pixelSize: Theme.fontSize
                            }
                        }
                    }
                }
            }
        }
    }
}
