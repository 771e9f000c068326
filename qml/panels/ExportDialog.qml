import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import StackCanvas

// File → Export: every format the command line's `export --to` knows, with its options.
Dialog {
    id: dialog
    required property DocumentController controller
    signal failed(string message)

    objectName: "exportDialog"
    title: "Export"
    modal: true
    width: 460
    anchors.centerIn: parent
    standardButtons: Dialog.Cancel

    property int current: 0
    readonly property var format: controller.exporter.formats[current]
    readonly property bool diagram: format.id === "svg" || format.id === "png"
    property string message: ""

    function options() {
        return { scale: scale.value / 100, theme: darkTheme.checked ? "dark" : "light",
                 serverless: serverless.checked }
    }
    function finish(target) {
        const error = controller.exporter.exportTo(format.id, target, options())
        if (error !== "") {
            dialog.message = ""
            dialog.failed(error)
            return
        }
        const notes = controller.exporter.notes
        dialog.message = "Exported " + format.name + " to " + controller.localPath(target)
                + (notes.length ? "\n" + notes.join("\n") : "")
    }

    onOpened: message = ""

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            text: "Format"
            font.bold: true
            color: Theme.text
        }
        Repeater {
            model: dialog.controller.exporter.formats
            delegate: RadioButton {
                required property var modelData
                objectName: "exportFormat-" + modelData.id
                text: modelData.name + (modelData.project ? "  (a project folder)" : "  (." + modelData.extension + ")")
            }
            // Wired here, in the dialog's scope (a delegate cannot see `dialog`).
            onItemAdded: (index, item) => {
                const button = item as RadioButton
                button.checked = Qt.binding(() => index === dialog.current)
                button.clicked.connect(() => { dialog.current = index })
            }
        }

        RowLayout {
            visible: dialog.format.id === "png"
            Label { text: "Scale"; color: Theme.text }
            SpinBox {
                id: scale
                from: 25; to: 400; stepSize: 25; value: 200
                textFromValue: (v) => v + " %"
                valueFromText: (t) => parseInt(t)
            }
        }
        CheckBox {
            id: darkTheme
            visible: dialog.diagram
            text: "Dark theme"
            checked: Theme.dark
        }
        CheckBox {
            id: serverless
            visible: dialog.format.id === "sam"
            text: "Turn Lambda + Version + Alias + CodeDeploy into AWS::Serverless::Function"
        }

        Label {
            Layout.fillWidth: true
            visible: dialog.message !== ""
            text: dialog.message
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
        }

        Button {
            objectName: "exportChooseButton"
            Layout.alignment: Qt.AlignRight
            text: dialog.format.project ? "Choose a folder…" : "Export to…"
            highlighted: true
            onClicked: dialog.format.project ? folderDialog.open() : fileDialog.open()
        }
    }

    SaveFileDialog {
        id: fileDialog
        objectName: "exportFileDialog"
        title: "Export " + dialog.format.name
        acceptLabel: "Export"
        popupLayer: dialog.Overlay.overlay
        currentFolder: dialog.controller.filePath !== "" ? dialog.controller.folderOf(dialog.controller.filePath) : ""
        suggestedName: dialog.controller.exporter.suggestedName(dialog.format.id)
        defaultSuffix: dialog.format.extension
        nameFilters: [dialog.format.name + " (*." + dialog.format.extension + ")"]
        onAccepted: dialog.finish(String(selectedFile))
    }
    FolderDialog {
        id: folderDialog
        title: "Export " + dialog.format.name + " into a folder"
        acceptLabel: "Export"
        onAccepted: dialog.finish(String(selectedFolder))
    }
}
