import QtQuick
import StackCanvas

// A ListView that carries the study controller, so that its delegates reach it through
// `ListView.view as StudyListView` (as DocumentListView does for the document controller).
ListView {
    required property StudyController study
    // Asked by a lesson row; the panel opens the lesson once unsaved changes are dealt with.
    signal openRequested(string lessonId)
}
