import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs

// A dialog that writes a file. Qt 6.4's own (non-native) file dialog labels its accept button
// "Open" in every mode and ignores Enter in its file-name field; this one says what it does, and
// Enter in the file name accepts, as in every desktop save dialog. A native dialog, where the
// platform provides one, already behaves so and is left alone.
FileDialog {
    id: dialog
    // The window's popup layer, where the non-native dialog draws itself.
    required property Item popupLayer
    property Item wiredField: null
    // The file name the dialog proposes. Qt 6.4's non-native dialog refuses a `selectedFile`
    // that does not exist yet, which a new file never does: the name goes into its field.
    property string suggestedName: ""
    property bool suggested: false
    // True once this opening of the dialog has its suggested name in place and Enter wired:
    // what is typed from then on stays.
    property bool ready: false

    fileMode: FileDialog.SaveFile
    acceptLabel: "Save"

    // The non-native dialog draws its items a moment after it becomes visible.
    // The folder of the last file written through this dialog: the next opening starts there
    // (Qt 6.4's dialog falls back to the working directory when its name filters change).
    property url lastFolder
    onAccepted: lastFolder = currentFolder
    onVisibleChanged: {
        if (!visible)
            return
        if (lastFolder.toString() !== "")
            currentFolder = lastFolder
        suggested = false
        ready = false
        wire.restart()
    }
    property Timer wire: Timer {
        interval: 20
        repeat: true
        onTriggered: if (!dialog.visible || dialog.acceptOnEnter()) stop()
    }

    // The visible item of that name: another file dialog of the window may have drawn its own.
    function named(item, name) {
        if (!item || !item.visible)
            return null
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = named(item.children[i], name)
            if (found)
                return found
        }
        return null
    }
    function acceptOnEnter() {
        const field = named(popupLayer, "fileNameTextField")
        if (!field)
            return false
        if (!suggested) {
            suggested = true
            if (suggestedName !== "")
                field.text = suggestedName
        }
        if (field === wiredField) {
            ready = true
            return true
        }
        // The accept button lives in the dialog's button box, beside the field.
        let box = null
        for (let i = 0; i < field.parent.children.length; ++i) {
            if (typeof field.parent.children[i].standardButton === "function")
                box = field.parent.children[i]
        }
        if (!box)
            return false
        wiredField = field
        // The dialog takes the typed name when editing finishes, which follows `accepted`.
        field.accepted.connect(() => Qt.callLater(() => {
            if (dialog.visible)
                box.clicked(box.standardButton(Dialog.Open))
        }))
        ready = true
        return true
    }
}
