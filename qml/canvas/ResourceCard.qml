import QtQuick
import StackCanvas

// One resource on the canvas: category stripe, logical ID, and the kind in the user's words.
Rectangle {
    id: card
    required property string logicalId
    required property string resourceType
    required property string displayName
    required property string category

    width: 200
    height: 72
    radius: Theme.radius
    color: Theme.card
    border.color: Theme.cardBorder
    border.width: 1

    Rectangle {
        width: 5
        radius: 2
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 1 }
        color: Theme.categoryColor(card.category)
    }

    Column {
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: 16; rightMargin: 10 }
        spacing: 3
        Text {
            width: parent.width
            text: card.logicalId
            color: Theme.text
            font.pixelSize: Theme.fontSize + 1
            font.bold: true
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            text: card.displayName
            color: Theme.textMuted
            font.pixelSize: Theme.smallFontSize
            elide: Text.ElideRight
        }
        Text {
            width: parent.width
            text: card.resourceType
            color: Theme.textMuted
            opacity: 0.8
            font.pixelSize: Theme.smallFontSize - 1
            elide: Text.ElideMiddle
        }
    }
}
