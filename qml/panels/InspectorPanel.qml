import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// The inspector: the selected resource's logical ID, attributes and properties as typed rows
// (InspectorModel), with the documentation of the row under the pointer.
Rectangle {
    id: panel
    required property DocumentController controller
    readonly property InspectorModel inspector: controller.inspector

    color: Theme.panel

    Binding {
        target: panel.inspector
        property: "logicalId"
        value: panel.controller.canvas.currentId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Heading: what the resource is.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: headingColumn.implicitHeight + 24
            color: Theme.panel
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
            ColumnLayout {
                id: headingColumn
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12 }
                spacing: 4
                Label {
                    text: "INSPECTOR"
                    font.pixelSize: Theme.smallFontSize
                    font.letterSpacing: 0.8
                    font.bold: true
                    color: Theme.textMuted
                }
                Label {
                    Layout.fillWidth: true
                    visible: panel.inspector.logicalId !== ""
                    text: panel.inspector.displayName
                    font.pixelSize: Theme.headingFontSize
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    visible: panel.inspector.logicalId !== "" && text !== ""
                    text: panel.inspector.documentation
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.textMuted
                }
                Label {
                    Layout.fillWidth: true
                    visible: panel.inspector.logicalId !== "" && panel.inspector.refReturns !== ""
                    text: "Ref returns " + panel.inspector.refReturns
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.smallFontSize
                    font.italic: true
                    color: Theme.textMuted
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: panel.inspector.logicalId !== ""
                    Label {
                        Layout.fillWidth: true
                        text: "All properties"
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.textMuted
                    }
                    Switch {
                        objectName: "showAllSwitch"
                        checked: panel.inspector.showAll
                        onToggled: panel.inspector.showAll = checked
                    }
                }
            }
        }

        // Findings about the resource as a whole.
        Column {
            id: resourceFindings
            objectName: "resourceFindings"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: panel.inspector.logicalId !== "" && panel.inspector.resourceFindings.length > 0
            spacing: 4
            Repeater {
                model: panel.inspector.resourceFindings
                delegate: FindingNote {
                    required property var modelData
                    finding: modelData
                }
                // Wired here, in the panel's scope (a delegate cannot see `panel`).
                onItemAdded: (index, item) => {
                    const note = item as FindingNote
                    note.width = Qt.binding(() => resourceFindings.width)
                    note.problems = panel.controller.problems
                }
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: panel.inspector.logicalId === ""
            text: "Select a card to edit its properties."
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            color: Theme.textMuted
            font.pixelSize: Theme.fontSize
        }

        InspectorList {
            id: rows
            objectName: "inspectorRows"
            controller: panel.controller
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: panel.inspector.logicalId !== ""
            clip: true
            model: panel.inspector
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: InspectorRow {
                id: rowDelegate
                readonly property InspectorList view: ListView.view as InspectorList
                width: view.width
                inspector: view.controller.inspector
                problems: view.controller.problems
                onHoveredChanged: {
                    if (!hovered)
                        return
                    rowDelegate.view.hoveredDocumentation = rowDelegate.documentation
                    rowDelegate.view.documentedId = rowDelegate.inspector.logicalId
                }
            }
        }

        // The Problems tab took the user to a finding: show its row and give it the keyboard.
        Connections {
            target: panel.inspector
            function onRevealed(row) {
                if (row < 0) {
                    rows.positionViewAtBeginning()
                    return
                }
                rows.positionViewAtIndex(row, ListView.Contain)
                rows.currentIndex = row
                const item = rows.currentItem as InspectorRow
                if (item)
                    item.focusEditor()
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.margins: 8
            visible: panel.inspector.lastError !== ""
            text: panel.inspector.lastError
            color: Theme.danger
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.smallFontSize
        }

        // The documentation of the row under the pointer, as tall as it needs up to two fifths of
        // the panel (a longer one ends in "…"; the row's label shows it whole as a tooltip).
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(Math.max(64, help.implicitHeight + 20), panel.height * 0.4)
            visible: panel.inspector.logicalId !== ""
            color: Theme.panelAlt
            Rectangle { anchors.top: parent.top; width: parent.width; height: 1; color: Theme.border }
            Label {
                id: help
                objectName: "inspectorHelp"
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 10 }
                height: parent.height - 20
                text: rows.hoveredDocumentation !== "" && rows.documentedId === panel.inspector.logicalId
                      ? rows.hoveredDocumentation : "Point at a property to read what it does."
                wrapMode: Text.WordWrap
                elide: Text.ElideRight
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
        }
    }
}
