import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

ApplicationWindow {
    id: window
    required property DocumentController controller
    required property bool darkTheme

    width: 1400
    height: 860
    visible: true
    title: controller.fileName + " — StackCanvas"
    color: Theme.window

    Component.onCompleted: Theme.dark = darkTheme

    header: Rectangle {
        height: 48
        color: Theme.panel
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
        RowLayout {
            anchors { fill: parent; leftMargin: 16; rightMargin: 16 }
            spacing: 12
            Label {
                text: "StackCanvas"
                font.pixelSize: 16
                font.bold: true
                color: Theme.accent
            }
            Rectangle { width: 1; height: 22; color: Theme.border }
            Label {
                text: window.controller.fileName
                font.pixelSize: Theme.fontSize + 1
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: window.controller.description
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSize
                color: Theme.textMuted
            }
        }
    }

    DiagramView {
        anchors.fill: parent
        controller: window.controller
    }

    footer: Rectangle {
        height: 26
        color: Theme.panel
        Rectangle { anchors.top: parent.top; width: parent.width; height: 1; color: Theme.border }
        Label {
            anchors { left: parent.left; leftMargin: 16; verticalCenter: parent.verticalCenter }
            text: window.controller.resourceCount + " resources · " + window.controller.edgeCount + " connections"
            font.pixelSize: Theme.smallFontSize
            color: Theme.textMuted
        }
    }
}
