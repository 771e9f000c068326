import QtQuick
import StackCanvas

// The Loader of an inspector row's editor. It carries the row's data, so that the editor
// components declared in InspectorRow.qml read it through `parent` instead of through ids
// outside their component (see DocumentListView).
Loader {
    property InspectorModel inspector
    property int rowIndex: -1
    property int kind: -1
    property string value
    property var choices: []
    property bool present
    property string typeName
    property string target
    property string attribute
}
