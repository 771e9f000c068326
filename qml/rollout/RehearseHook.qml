import QtQuick
import QtQuick.Controls
import StackCanvas

// What a card shows of the rollout rehearsal. On a deployable resource: "Rehearse deployment…"
// (a button on the selected card, and the right-click menu). During a rehearsal: the fleet
// under the target's card with the lifecycle event under way, the share of each version on
// the traffic path's cards, and every other card dimmed. Nothing is loaded on a card that has
// no part in it, so large diagrams pay nothing.
Loader {
    id: hook
    required property Item card // the ResourceCard
    required property string logicalId
    required property bool selected
    readonly property RehearsalController rehearsal: RolloutHub.rehearsal
    readonly property bool deployable: RolloutHub.deployableIds[hook.logicalId] === true
    readonly property bool target: RolloutHub.active && rehearsal.target === hook.logicalId
    readonly property var share: RolloutHub.active && rehearsal.revision >= 0 ? rehearsal.pathShares[hook.logicalId] : undefined

    // The zoom of the canvas is the card's viewport's (ViewportController). Read only by a card
    // that shows a share or the fleet: a zoom step must not wake thousands of cards.
    readonly property real screenScale: (hook.target || hook.share !== undefined) && card.viewport
                                        ? Math.min(2, Math.max(1, 1 / card.viewport.zoom)) : 1
    anchors.fill: parent
    z: 5
    // The fleet hangs below the target's card: above its neighbours.
    Binding { target: hook.card; property: "z"; value: 3; when: hook.target }
    active: deployable || RolloutHub.active
    sourceComponent: Item {
        // Right-click: the card's rehearsal menu (the left button stays the canvas's).
        MouseArea {
            anchors.fill: parent
            enabled: hook.deployable
            acceptedButtons: Qt.RightButton
            onClicked: (mouse) => cardMenu.popup(mouse.x, mouse.y)
        }
        Menu {
            id: cardMenu
            MenuItem {
                objectName: "rehearseMenuItem"
                text: "Rehearse deployment…"
                onTriggered: RolloutHub.rehearseRequested(hook.logicalId)
            }
        }
        Rectangle {
            objectName: "rehearseButton-" + hook.logicalId
            visible: hook.deployable && hook.selected && !hook.target
            anchors { right: parent.right; bottom: parent.top; bottomMargin: 4 }
            width: rehearseLabel.implicitWidth + 14
            height: 20
            radius: 10
            color: Theme.accent
            Label {
                id: rehearseLabel
                anchors.centerIn: parent
                text: "▶ Rehearse deployment…"
                font.pixelSize: Theme.smallFontSize
                color: Theme.textOnAccent
            }
            MouseArea {
                anchors.fill: parent
                onClicked: RolloutHub.rehearseRequested(hook.logicalId)
            }
        }
        // The rest of the diagram steps back while a rehearsal plays.
        Rectangle {
            objectName: "rehearsalDim"
            anchors.fill: parent
            visible: RolloutHub.active && !hook.target && hook.share === undefined
            color: Theme.canvas
            opacity: 0.65
            radius: Theme.radius
        }
        Rectangle {
            anchors.fill: parent
            anchors.margins: -3
            visible: hook.target
            color: "transparent"
            border.color: Theme.accent
            border.width: 2
            radius: Theme.radius + 3
        }
        TrafficShareBadge {
            visible: hook.share !== undefined
            // Readable on a zoomed-out diagram: at most twice the card's scale.
            scale: hook.screenScale
            transformOrigin: Item.Top
            share: hook.share
            anchors { horizontalCenter: parent.horizontalCenter; top: parent.bottom; topMargin: 4 }
        }
        Loader {
            active: hook.target
            anchors { left: parent.left; top: parent.bottom; topMargin: hook.share !== undefined ? 26 * hook.screenScale + 4 : 6 }
            sourceComponent: FleetView {
                rehearsal: hook.rehearsal
                scale: hook.screenScale
                transformOrigin: Item.TopLeft
            }
        }
    }
}
