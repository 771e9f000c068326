import QtQuick
import StackCanvas

// The inspector's rows: the row under the pointer reports its documentation here (its delegates
// reach the list through ListView.view).
DocumentListView {
    property string hoveredDocumentation: ""
}
