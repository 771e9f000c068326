import QtQuick
import StackCanvas

// A ListView that carries the document controller, so that its delegates reach it through
// `ListView.view as DocumentListView` rather than through ids outside the delegate: the linter
// of Qt 6.4 reports those as unqualified access, and ComponentBehavior: Bound is 6.5+.
ListView {
    required property DocumentController controller
}
