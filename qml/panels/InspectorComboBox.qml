import QtQuick
import QtQuick.Controls

// A drop-down of the inspector (resource pickers, enum values, policy settings). Its list is as
// wide as its longest entry, within the window, however narrow the box; the row gives the box
// the room its shown text needs (InspectorRow puts the editor on a line of its own otherwise).
ComboBox {
    id: box

    // Room the list's entries take beside their text (as their delegate sets it), and beside the
    // list (its scroll indicator).
    readonly property int entryPadding: 10
    readonly property int listSlack: 8
    readonly property int windowMargin: 8

    // As wide as the shown text needs (the style's own measure misses it when the text is long).
    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            Math.ceil(shown.advanceWidth) + leftPadding + rightPadding
                            + ((contentItem as TextInput)?.leftPadding ?? 0)
                            + ((contentItem as TextInput)?.rightPadding ?? 0))

    // The widest entry's text, measured in the entries' font.
    function widestEntry() {
        let widest = 0
        for (let i = 0; i < count; ++i) {
            metrics.text = textAt(i)
            widest = Math.max(widest, metrics.advanceWidth)
        }
        return Math.ceil(widest)
    }
    // Places the list: at least as wide as the box and its widest entry, moved left when it
    // would leave the window on the right.
    function placeList() {
        const windowWidth = box.Window.width > 0 ? box.Window.width : box.width
        const wanted = widestEntry() + 2 * entryPadding + popup.leftPadding + popup.rightPadding + listSlack
        const listWidth = Math.min(windowWidth - 2 * windowMargin, Math.max(box.width, wanted))
        const left = box.mapToItem(null, 0, 0).x
        popup.width = listWidth
        popup.x = Math.max(windowMargin - left, Math.min(0, windowWidth - windowMargin - left - listWidth))
    }

    TextMetrics {
        id: metrics
        font: box.font
    }
    TextMetrics {
        id: shown
        font: box.font
        text: box.displayText
    }

    // Entries are plain strings. Their padding is entryPadding's (a delegate cannot see the box),
    // their font the box's, passed on through the list.
    delegate: ItemDelegate {
        required property var modelData
        width: ListView.view ? ListView.view.width : implicitWidth
        leftPadding: 10
        rightPadding: 10
        text: modelData
        highlighted: ListView.isCurrentItem
    }

    Connections {
        target: box.popup
        function onAboutToShow() { box.placeList() }
    }
}
