import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// One row of the inspector: a label (indented by depth, required marked) and the editor its
// kind calls for. Every change goes to an InspectorModel intent; text fields share one gesture
// per focus, so typing a word is one undo step.
Item {
    id: row
    required property InspectorModel inspector
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
    readonly property bool hovered: hover.hovered
    readonly property bool isSection: kind === InspectorModel.Section
    readonly property bool isHeader: kind === InspectorModel.Object || kind === InspectorModel.List
                                     || kind === InspectorModel.Map

    objectName: "row:" + pointer + (isSection ? "#" + label : "")
    implicitHeight: isSection ? 34 : Theme.rowHeight + 4

    HoverHandler { id: hover }

    Rectangle {
        anchors.fill: parent
        color: row.isSection ? Theme.panelAlt : (hover.hovered ? Theme.hover : "transparent")
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
        visible: !row.isSection
        anchors { fill: parent; leftMargin: 12 + row.depth * 10; rightMargin: 6 }
        spacing: 6

        // Expander of nested values.
        Label {
            Layout.preferredWidth: 12
            text: row.isHeader && row.present ? (row.expanded ? "▾" : "▸") : ""
            color: Theme.textMuted
            TapHandler { onTapped: row.inspector.toggle(row.index) }
        }
        Label {
            Layout.preferredWidth: Math.max(64, Math.min(136, row.width * 0.32) - row.depth * 10)
            text: row.label + (row.required ? " *" : "")
            elide: Text.ElideRight
            font.pixelSize: Theme.fontSize
            font.bold: row.required
            color: row.present || row.kind === InspectorModel.LogicalId ? Theme.text : Theme.textMuted
            ToolTip.visible: hover.hovered && row.documentation !== ""
            ToolTip.delay: 800
            ToolTip.text: row.documentation
        }
        Loader {
            id: editor
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.rowHeight - 2
            sourceComponent: {
                switch (row.kind) {
                case InspectorModel.LogicalId: return logicalIdEditor
                case InspectorModel.ReadOnly: return readOnlyEditor
                case InspectorModel.String:
                case InspectorModel.Number:
                case InspectorModel.Sub: return textEditor
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

    Component {
        id: logicalIdEditor
        TextField {
            objectName: "logicalIdField"
            text: row.value
            font.bold: true
            selectByMouse: true
            onEditingFinished: {
                if (text !== row.value && !row.inspector.rename(text))
                    text = row.value
            }
        }
    }
    Component {
        id: readOnlyEditor
        Label {
            text: row.value
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
            objectName: "textField"
            property int gesture: 0
            text: row.value
            selectByMouse: true
            placeholderText: row.kind === InspectorModel.Sub ? "text with ${Resource} or ${Resource.Attribute}"
                                                             : (row.typeName !== "" ? row.typeName : "")
            font.family: row.kind === InspectorModel.Sub ? Theme.monoFont : font.family
            leftPadding: row.kind === InspectorModel.Sub ? 34 : 8
            Label {
                visible: row.kind === InspectorModel.Sub
                anchors { left: parent.left; leftMargin: 6; verticalCenter: parent.verticalCenter }
                text: "Sub"
                font.pixelSize: Theme.smallFontSize - 1
                font.bold: true
                color: Theme.accent
            }
            onActiveFocusChanged: if (activeFocus) gesture = row.inspector.newGesture()
            onTextEdited: row.inspector.setText(row.index, text, gesture)
        }
    }
    Component {
        id: jsonEditor
        TextField {
            objectName: "jsonField"
            property int gesture: 0
            text: row.value
            selectByMouse: true
            font.family: Theme.monoFont
            onActiveFocusChanged: if (activeFocus) gesture = row.inspector.newGesture()
            onEditingFinished: if (text !== row.value) row.inspector.setText(row.index, text, gesture)
        }
    }
    Component {
        id: boolEditor
        Item {
            Switch {
                objectName: "boolSwitch"
                anchors.verticalCenter: parent.verticalCenter
                checked: row.value === "true"
                onToggled: row.inspector.setBool(row.index, checked)
            }
        }
    }
    Component {
        id: choiceEditor
        ComboBox {
            objectName: "choiceBox"
            model: row.choices
            currentIndex: row.choices.indexOf(row.value)
            displayText: row.present ? row.value : "—"
            onActivated: (i) => row.inspector.setChoice(row.index, row.choices[i])
        }
    }
    Component {
        id: refEditor
        RowLayout {
            spacing: 4
            Label { text: "Ref"; font.bold: true; font.pixelSize: Theme.smallFontSize; color: Theme.accent }
            ComboBox {
                objectName: "refBox"
                Layout.fillWidth: true
                model: row.choices
                currentIndex: row.choices.indexOf(row.target)
                displayText: row.target
                onActivated: (i) => row.inspector.setRef(row.index, row.choices[i])
            }
        }
    }
    Component {
        id: getAttEditor
        RowLayout {
            spacing: 4
            Label { text: "GetAtt"; font.bold: true; font.pixelSize: Theme.smallFontSize; color: Theme.accent }
            ComboBox {
                objectName: "getAttTargetBox"
                Layout.fillWidth: true
                model: row.choices
                currentIndex: row.choices.indexOf(row.target)
                displayText: row.target
                onActivated: (i) => row.inspector.setGetAtt(row.index, row.choices[i], row.attribute)
            }
            ComboBox {
                objectName: "getAttAttributeBox"
                Layout.fillWidth: true
                readonly property var attributes: row.inspector.attributesOf(row.target)
                model: attributes
                currentIndex: attributes.indexOf(row.attribute)
                displayText: row.attribute
                onActivated: (i) => row.inspector.setGetAtt(row.index, row.target, attributes[i])
            }
        }
    }
    Component {
        id: headerSummary
        Label {
            verticalAlignment: Text.AlignVCenter
            text: row.kind === InspectorModel.List ? "list" : row.kind === InspectorModel.Map ? "map" : row.typeName
            font.pixelSize: Theme.smallFontSize
            color: Theme.textMuted
        }
    }
    Component {
        id: addButton
        Item {
            Button {
                objectName: "addButton"
                anchors.verticalCenter: parent.verticalCenter
                flat: true
                text: "+ Set"
                font.pixelSize: Theme.smallFontSize
                onClicked: row.inspector.add(row.index)
            }
        }
    }
}
