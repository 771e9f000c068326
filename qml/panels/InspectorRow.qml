import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// One row of the inspector: a label (indented by depth, required marked) and the editor its
// kind calls for, then the findings that point at it. Every change goes to an InspectorModel
// intent; text fields share one gesture per focus, so typing a word is one undo step.
Item {
    id: row
    required property InspectorModel inspector
    required property ProblemModel problems
    required property int index
    required property int depth
    required property string label
    required property string pointer
    required property int kind
    required property string value
    required property var choices
    required property bool required
    required property string documentation
    required property bool present
    required property bool expandable
    required property bool expanded
    required property bool removable
    required property string typeName
    required property string target
    required property string attribute
    required property bool canSwitch
    required property var findings
    readonly property bool hovered: hover.hovered
    readonly property bool isSection: kind === InspectorModel.Section
    readonly property bool isHeader: kind === InspectorModel.Object || kind === InspectorModel.List
                                     || kind === InspectorModel.Map
    readonly property bool focused: inspector.focusedRow === index
    // A long name wraps at its word boundaries (MinSuccessful·Instances·Percent) instead of
    // being cut off; the row grows to hold it.
    readonly property int labelLineHeight: isSection ? 34 : Math.max(Theme.rowHeight + 4, nameLabel.implicitHeight + 8)
    // A picker or a read-only value whose text does not fit beside the label gets a line of its
    // own under it, as wide as the row, so that it reads in full.
    readonly property bool stackable: kind === InspectorModel.Enum || kind === InspectorModel.Target
                                      || kind === InspectorModel.Ref || kind === InspectorModel.GetAtt
                                      || kind === InspectorModel.ReadOnly || kind === InspectorModel.Object
    readonly property bool stacked: !isSection && stackable && editor.item !== null
                                    && (editor.item as Item).implicitWidth > editorSlot.width + 0.5
    readonly property int lineHeight: stacked ? labelLineHeight + editor.height + 6 : labelLineHeight

    // Gives the editor the keyboard (the Problems tab takes the user here).
    function focusEditor() {
        const item = editor.item as Item
        if (item)
            item.forceActiveFocus()
    }

    objectName: "row:" + pointer + (isSection ? "#" + label : "")
    implicitHeight: lineHeight + (findingColumn.visible ? findingColumn.implicitHeight + 4 : 0)

    HoverHandler { id: hover }

    Rectangle {
        anchors.fill: parent
        color: row.isSection ? Theme.panelAlt : (hover.hovered ? Theme.hover : "transparent")
        border.width: row.focused ? 1 : 0
        border.color: Theme.accent
        Rectangle {
            visible: row.isSection
            anchors.bottom: parent.bottom
            width: parent.width; height: 1
            color: Theme.border
        }
    }

    Label {
        visible: row.isSection
        anchors { left: parent.left; leftMargin: 12; verticalCenter: parent.verticalCenter }
        text: row.label.toUpperCase()
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        font.letterSpacing: 0.8
        color: Theme.textMuted
    }

    RowLayout {
        id: labelLine
        visible: !row.isSection
        anchors { left: parent.left; right: parent.right; top: parent.top; leftMargin: 12 + row.depth * 10; rightMargin: 6 }
        height: row.labelLineHeight
        spacing: 6

        // Expander of nested values.
        Label {
            Layout.preferredWidth: 12
            text: row.isHeader && row.present ? (row.expanded ? "▾" : "▸") : ""
            color: Theme.textMuted
            TapHandler { onTapped: row.inspector.toggle(row.index) }
        }
        Label {
            id: nameLabel
            objectName: "rowLabel"
            Layout.preferredWidth: Math.max(64, Math.min(150, row.width * 0.34) - row.depth * 10)
            text: row.label.replace(/([a-z0-9])([A-Z])/g, "$1\u200B$2") + (row.required ? " *" : "")
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSize
            font.bold: row.required
            color: row.present || row.kind === InspectorModel.LogicalId ? Theme.text : Theme.textMuted
            ToolTip.visible: hover.hovered && row.documentation !== ""
            ToolTip.delay: 800
            ToolTip.text: row.documentation
        }
        // Where the editor sits when it fits beside the label.
        Item {
            id: editorSlot
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.rowHeight - 2
        }
        // Change the form: a literal value or Ref / GetAtt / Sub.
        ToolButton {
            visible: row.canSwitch
            objectName: "modeButton"
            Layout.preferredWidth: 26
            Layout.preferredHeight: 26
            text: "ƒ"
            font.italic: true
            ToolTip.visible: hovered
            ToolTip.text: "Value, Ref, GetAtt or Sub"
            onClicked: modeMenu.popup()
            Menu {
                id: modeMenu
                MenuItem { text: "Plain value"; onTriggered: row.inspector.setMode(row.index, "value") }
                MenuItem { text: "Ref (refer to a resource or parameter)"; onTriggered: row.inspector.setMode(row.index, "Ref") }
                MenuItem { text: "GetAtt (an attribute of a resource)"; onTriggered: row.inspector.setMode(row.index, "GetAtt") }
                MenuItem { text: "Sub (text with ${variables})"; onTriggered: row.inspector.setMode(row.index, "Sub") }
            }
        }
        ToolButton {
            visible: row.kind === InspectorModel.List || row.kind === InspectorModel.Map
            objectName: "addItemButton"
            Layout.preferredWidth: 26
            Layout.preferredHeight: 26
            text: "+"
            ToolTip.visible: hovered
            ToolTip.text: row.kind === InspectorModel.List ? "Add an item" : "Add an entry"
            onClicked: row.kind === InspectorModel.List ? row.inspector.addItem(row.index) : keyPopup.open()
            Popup {
                id: keyPopup
                y: parent.height
                x: parent.width - width
                padding: 8
                TextField {
                    width: 180
                    placeholderText: "New key, then Enter"
                    onAccepted: {
                        if (row.inspector.addEntry(row.index, text)) {
                            text = ""
                            keyPopup.close()
                        }
                    }
                    Component.onCompleted: forceActiveFocus()
                }
            }
        }
        ToolButton {
            visible: row.removable
            objectName: "removeButton"
            Layout.preferredWidth: 26
            Layout.preferredHeight: 26
            text: "×"
            opacity: hover.hovered ? 1 : 0.35
            ToolTip.visible: hovered
            ToolTip.text: "Remove"
            onClicked: row.inspector.remove(row.index)
        }
    }

    InspectorEditorLoader {
        id: editor
        visible: !row.isSection
        inspector: row.inspector
        rowIndex: row.index
        kind: row.kind
        value: row.value
        choices: row.choices
        present: row.present
        typeName: row.typeName
        target: row.target
        attribute: row.attribute
        x: labelLine.x + (row.stacked ? nameLabel.x : editorSlot.x)
        y: row.stacked ? row.labelLineHeight : labelLine.y + editorSlot.y
        width: labelLine.x + editorSlot.x + editorSlot.width - x
        // Only the GetAtt editor takes a second line of its own (its attribute under its target).
        height: row.kind === InspectorModel.GetAtt && item ? Math.max(Theme.rowHeight - 2, (item as Item).implicitHeight)
                                                          : Theme.rowHeight - 2
        sourceComponent: {
            switch (row.kind) {
            case InspectorModel.LogicalId: return logicalIdEditor
            case InspectorModel.ReadOnly: return readOnlyEditor
            case InspectorModel.String:
            case InspectorModel.Number:
            case InspectorModel.Sub: return textEditor
            case InspectorModel.Intrinsic: return jsonEditor
            case InspectorModel.Json: return row.present ? jsonEditor : addButton
            case InspectorModel.Boolean: return boolEditor
            case InspectorModel.Enum:
            case InspectorModel.Target: return choiceEditor
            case InspectorModel.Ref: return refEditor
            case InspectorModel.GetAtt: return getAttEditor
            default: return row.present ? headerSummary : addButton
            }
        }
    }

    // The findings about this value, under it.
    Column {
        id: findingColumn
        objectName: "rowFindings"
        visible: !row.isSection && row.findings.length > 0
        anchors { left: parent.left; right: parent.right; top: parent.top; topMargin: row.lineHeight
                  leftMargin: 12 + row.depth * 10 + 18; rightMargin: 8 }
        spacing: 4
        Repeater {
            model: row.findings
            delegate: FindingNote {
                required property var modelData
                finding: modelData
            }
            // Wired here, in the row's scope (a delegate cannot see `row`).
            onItemAdded: (index, item) => {
                const note = item as FindingNote
                note.width = Qt.binding(() => findingColumn.width)
                note.problems = row.problems
            }
        }
    }

    Component {
        id: logicalIdEditor
        TextField {
            id: logicalIdEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            objectName: "logicalIdField"
            text: logicalIdEditorRoot.cell.value
            font.bold: true
            selectByMouse: true
            onEditingFinished: {
                if (text !== logicalIdEditorRoot.cell.value && !logicalIdEditorRoot.cell.inspector.rename(text))
                    text = logicalIdEditorRoot.cell.value
            }
        }
    }
    Component {
        id: readOnlyEditor
        Label {
            id: readOnlyEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            text: readOnlyEditorRoot.cell.value
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideMiddle
            font.family: Theme.monoFont
            font.pixelSize: Theme.smallFontSize + 1
            color: Theme.textMuted
        }
    }
    Component {
        id: textEditor
        TextField {
            id: textEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            objectName: "textField"
            property int gesture: 0
            text: textEditorRoot.cell.value
            selectByMouse: true
            placeholderText: textEditorRoot.cell.kind === InspectorModel.Sub ? "text with ${Resource} or ${Resource.Attribute}"
                                                             : (textEditorRoot.cell.typeName !== "" ? textEditorRoot.cell.typeName : "")
            font.family: textEditorRoot.cell.kind === InspectorModel.Sub ? Theme.monoFont : font.family
            leftPadding: textEditorRoot.cell.kind === InspectorModel.Sub ? 34 : 8
            Label {
                visible: textEditorRoot.cell.kind === InspectorModel.Sub
                anchors { left: parent.left; leftMargin: 6; verticalCenter: parent.verticalCenter }
                text: "Sub"
                font.pixelSize: Theme.smallFontSize - 1
                font.bold: true
                color: Theme.accent
            }
            onActiveFocusChanged: if (activeFocus) gesture = textEditorRoot.cell.inspector.newGesture()
            onTextEdited: textEditorRoot.cell.inspector.setText(textEditorRoot.cell.rowIndex, text, gesture)
            // A long value shows its beginning until the user edits it.
            onTextChanged: if (!activeFocus) cursorPosition = 0
            Component.onCompleted: cursorPosition = 0
        }
    }
    Component {
        id: jsonEditor
        TextField {
            id: jsonEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            objectName: "jsonField"
            property int gesture: 0
            text: jsonEditorRoot.cell.value
            selectByMouse: true
            font.family: Theme.monoFont
            onActiveFocusChanged: if (activeFocus) gesture = jsonEditorRoot.cell.inspector.newGesture()
            onTextChanged: if (!activeFocus) cursorPosition = 0
            Component.onCompleted: cursorPosition = 0
            onEditingFinished: if (text !== jsonEditorRoot.cell.value) jsonEditorRoot.cell.inspector.setText(jsonEditorRoot.cell.rowIndex, text, gesture)
        }
    }
    Component {
        id: boolEditor
        Item {
            id: boolEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            Switch {
                objectName: "boolSwitch"
                anchors.verticalCenter: parent.verticalCenter
                checked: boolEditorRoot.cell.value === "true"
                onToggled: boolEditorRoot.cell.inspector.setBool(boolEditorRoot.cell.rowIndex, checked)
            }
        }
    }
    Component {
        id: choiceEditor
        InspectorComboBox {
            id: choiceEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            objectName: "choiceBox"
            model: choiceEditorRoot.cell.choices
            currentIndex: choiceEditorRoot.cell.choices.indexOf(choiceEditorRoot.cell.value)
            displayText: choiceEditorRoot.cell.present ? choiceEditorRoot.cell.value : "—"
            onActivated: (i) => choiceEditorRoot.cell.inspector.setChoice(choiceEditorRoot.cell.rowIndex, choiceEditorRoot.cell.choices[i])
        }
    }
    Component {
        id: refEditor
        RowLayout {
            id: refEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            spacing: 4
            Label { text: "Ref"; font.bold: true; font.pixelSize: Theme.smallFontSize; color: Theme.accent }
            InspectorComboBox {
                objectName: "refBox"
                Layout.fillWidth: true
                model: refEditorRoot.cell.choices
                currentIndex: refEditorRoot.cell.choices.indexOf(refEditorRoot.cell.target)
                displayText: refEditorRoot.cell.target
                onActivated: (i) => refEditorRoot.cell.inspector.setRef(refEditorRoot.cell.rowIndex, refEditorRoot.cell.choices[i])
            }
        }
    }
    Component {
        id: getAttEditor
        // The target and the attribute on one line when they fit, else the attribute under the
        // target: its implicit width is the one-line need, so the row knows when to give it room.
        Item {
            id: getAttEditorRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            readonly property real lineHeight: Theme.rowHeight - 2
            readonly property real oneLine: getAttLabel.implicitWidth + 4 + targetBox.implicitWidth + 4
                                            + attributeBox.implicitWidth
            readonly property bool twoLines: width < oneLine - 0.5
            readonly property real boxLeft: getAttLabel.implicitWidth + 4
            implicitWidth: oneLine
            implicitHeight: twoLines ? 2 * lineHeight + 4 : lineHeight
            Label {
                id: getAttLabel
                y: (getAttEditorRoot.lineHeight - height) / 2
                text: "GetAtt"
                font.bold: true
                font.pixelSize: Theme.smallFontSize
                color: Theme.accent
            }
            InspectorComboBox {
                id: targetBox
                objectName: "getAttTargetBox"
                x: getAttEditorRoot.boxLeft
                height: getAttEditorRoot.lineHeight
                width: getAttEditorRoot.twoLines ? getAttEditorRoot.width - x
                                                 : implicitWidth + (getAttEditorRoot.width - getAttEditorRoot.oneLine) / 2
                model: getAttEditorRoot.cell.choices
                currentIndex: getAttEditorRoot.cell.choices.indexOf(getAttEditorRoot.cell.target)
                displayText: getAttEditorRoot.cell.target
                onActivated: (i) => getAttEditorRoot.cell.inspector.setGetAtt(getAttEditorRoot.cell.rowIndex, getAttEditorRoot.cell.choices[i], getAttEditorRoot.cell.attribute)
            }
            InspectorComboBox {
                id: attributeBox
                objectName: "getAttAttributeBox"
                readonly property var attributes: getAttEditorRoot.cell.inspector.attributesOf(getAttEditorRoot.cell.target)
                x: getAttEditorRoot.twoLines ? getAttEditorRoot.boxLeft : targetBox.x + targetBox.width + 4
                y: getAttEditorRoot.twoLines ? getAttEditorRoot.lineHeight + 4 : 0
                height: getAttEditorRoot.lineHeight
                width: getAttEditorRoot.width - x
                model: attributes
                currentIndex: attributes.indexOf(getAttEditorRoot.cell.attribute)
                displayText: getAttEditorRoot.cell.attribute
                onActivated: (i) => getAttEditorRoot.cell.inspector.setGetAtt(getAttEditorRoot.cell.rowIndex, getAttEditorRoot.cell.target, attributes[i])
            }
        }
    }
    Component {
        id: headerSummary
        Label {
            id: headerSummaryRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            verticalAlignment: Text.AlignVCenter
            text: headerSummaryRoot.cell.kind === InspectorModel.List ? "list" : headerSummaryRoot.cell.kind === InspectorModel.Map ? "map" : headerSummaryRoot.cell.typeName
            font.pixelSize: Theme.smallFontSize
            color: Theme.textMuted
        }
    }
    Component {
        id: addButton
        Item {
            id: addButtonRoot
            readonly property InspectorEditorLoader cell: parent as InspectorEditorLoader
            Button {
                objectName: "addButton"
                anchors.verticalCenter: parent.verticalCenter
                flat: true
                text: "+ Set"
                font.pixelSize: Theme.smallFontSize
                onClicked: addButtonRoot.cell.inspector.add(addButtonRoot.cell.rowIndex)
            }
        }
    }
}
