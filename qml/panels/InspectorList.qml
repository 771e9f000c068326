import QtQuick
import StackCanvas

// The inspector's rows: the row under the pointer reports its documentation here (its delegates
// reach the list through ListView.view), with the resource it belongs to, so that the help line
// never shows a row of the resource inspected before.
DocumentListView {
    property string hoveredDocumentation: ""
    property string documentedId: ""
}
