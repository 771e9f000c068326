import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StackCanvas

// What is rehearsed: the target, the strategy (the template's, any predefined AWS configuration
// or a custom form), the fleet size, the timing model, injected failures and the operator controls
// AWS offers.
// Every change re-runs the engine; a refusal is shown under the fields. A scenario is saved into
// the template (Metadata.StackCanvas, one undo step) and opened again from there.
ColumnLayout {
    id: settings
    required property RehearsalController rehearsal
    signal message(string text)
    spacing: 6

    function report(error) {
        if (error !== "")
            settings.message(error)
    }

    Label { text: "Resource"; font.pixelSize: Theme.smallFontSize; color: Theme.textMuted }
    ComboBox {
        objectName: "rolloutTarget"
        Layout.fillWidth: true
        implicitHeight: 28
        font.pixelSize: Theme.smallFontSize
        model: settings.rehearsal.targets
        textRole: "id"
        valueRole: "id"
        currentIndex: indexOfValue(settings.rehearsal.target)
        displayText: settings.rehearsal.target !== "" ? settings.rehearsal.target : "Choose a resource…"
        onActivated: settings.report(settings.rehearsal.rehearse(currentValue))
    }
    Label { text: "Strategy"; font.pixelSize: Theme.smallFontSize; color: Theme.textMuted }
    ComboBox {
        id: strategyBox
        objectName: "rolloutStrategy"
        Layout.fillWidth: true
        implicitHeight: 28
        font.pixelSize: Theme.smallFontSize
        editable: true
        enabled: settings.rehearsal.target !== ""
        model: settings.rehearsal.strategies.concat(settings.rehearsal.customForms)
        currentIndex: find(settings.rehearsal.strategy)
        displayText: settings.rehearsal.strategy
        onActivated: settings.report(settings.rehearsal.setStrategy(currentText))
        onAccepted: settings.report(settings.rehearsal.setStrategy(editText))
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: "The template configures " + settings.rehearsal.templateStrategy
                      + ". Custom forms: " + settings.rehearsal.customForms.join(", ")
    }
    RowLayout {
        visible: settings.rehearsal.instances > 0
        Label { text: "Fleet"; font.pixelSize: Theme.smallFontSize; color: Theme.textMuted; Layout.fillWidth: true }
        SpinBox {
            objectName: "rolloutInstances"
            implicitHeight: 28
            font.pixelSize: Theme.smallFontSize
            from: 1; to: 10000
            editable: true
            value: settings.rehearsal.instances
            onValueModified: settings.report(settings.rehearsal.setInstances(value))
        }
    }
    Button {
        objectName: "rolloutTimingsButton"
        Layout.fillWidth: true
        implicitHeight: 28
        font.pixelSize: Theme.smallFontSize
        enabled: settings.rehearsal.target !== ""
        readonly property int changed: settings.rehearsal.timings.filter((t) => t.overridden).length
        text: changed > 0 ? "Timings… (" + changed + " changed)" : "Timings…"
        onClicked: timings.open()
        ToolTip.visible: hovered
        ToolTip.delay: 600
        ToolTip.text: "How long each step takes: AWS's documented values and this simulator's assumptions"
    }
    // The timing model: every duration the engine uses, documented by AWS (D) or assumed (A),
    // each editable; a change re-runs the rehearsal.
    Popup {
        id: timings
        objectName: "rolloutTimings"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(640, parent ? parent.width - 40 : 640)
        height: Math.min(520, parent ? parent.height - 40 : 520)
        modal: true
        padding: 12
        background: Rectangle { color: Theme.panel; border.color: Theme.border; radius: Theme.radius }
        contentItem: ColumnLayout {
            spacing: 6
            Label {
                text: "Timings of the rehearsal, in seconds"
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
                text: "D: a value AWS documents (a default you may have changed in your account). "
                      + "A: an assumption of the simulator, not a figure AWS publishes: set it to what your "
                      + "fleet does (boot time, install time, health checks). Every change re-runs the rehearsal."
            }
            ListView {
                id: timingList
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: settings.rehearsal.timings
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    id: row
                    required property var modelData
                    objectName: "timing-" + modelData.name
                    width: timingList.width - 12
                    height: Math.max(40, texts.implicitHeight + 8)
                    color: modelData.overridden ? Theme.selectionFill : "transparent"
                    radius: 4
                    RowLayout {
                        anchors { fill: parent; leftMargin: 6; rightMargin: 6 }
                        spacing: 8
                        Label {
                            text: row.modelData.documented ? "D" : "A"
                            font.bold: true
                            font.pixelSize: Theme.smallFontSize
                            color: row.modelData.documented ? Theme.success : Theme.warning
                            Layout.preferredWidth: 12
                            HoverHandler { id: kindHover }
                            ToolTip.visible: kindHover.hovered
                            ToolTip.text: row.modelData.documented ? "Documented by AWS: " + row.modelData.source
                                                                   : "An assumption: " + row.modelData.source
                        }
                        ColumnLayout {
                            id: texts
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                text: row.modelData.name
                                font.family: Theme.monoFont
                                font.pixelSize: Theme.smallFontSize
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                text: row.modelData.description
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.smallFontSize - 1
                                color: Theme.textMuted
                            }
                        }
                        SpinBox {
                            objectName: "timingValue-" + row.modelData.name
                            implicitHeight: 28
                            implicitWidth: 120
                            font.pixelSize: Theme.smallFontSize
                            editable: true
                            from: 0
                            to: 30 * 24 * 3600
                            value: row.modelData.seconds
                            onValueModified: settings.report(settings.rehearsal.setTiming(row.modelData.name, value))
                        }
                        Label {
                            text: "Reset"
                            font.pixelSize: Theme.smallFontSize - 1
                            font.underline: true
                            color: Theme.textMuted
                            opacity: row.modelData.overridden ? 1 : 0
                            MouseArea {
                                anchors.fill: parent
                                enabled: row.modelData.overridden
                                onClicked: settings.report(settings.rehearsal.resetTiming(row.modelData.name))
                            }
                        }
                    }
                }
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: "Close"
                onClicked: timings.close()
            }
        }
    }
    Label { text: "Inject a failure"; font.pixelSize: Theme.smallFontSize; color: Theme.textMuted }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: failureField
            objectName: "rolloutFailureField"
            Layout.fillWidth: true
            implicitHeight: 28
            font.pixelSize: Theme.smallFontSize
            placeholderText: "alarm:SECONDS, instance:K, hook:NAME"
            text: "alarm:" + Math.round(settings.rehearsal.time)
            onAccepted: addFailure.clicked()
        }
        Button {
            id: addFailure
            objectName: "rolloutAddFailure"
            text: "Inject"
            implicitHeight: 28
            font.pixelSize: Theme.smallFontSize
            enabled: settings.rehearsal.target !== ""
            onClicked: settings.report(settings.rehearsal.addFailure(failureField.text))
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: 4
        Repeater {
            model: settings.rehearsal.failures.map((f) => ["fail", f]).concat(settings.rehearsal.actions.map((a) => ["action", a]))
            delegate: Rectangle {
                id: chip
                required property var modelData
                required property int index
                width: chipText.implicitWidth + 26
                height: 22
                radius: 11
                color: modelData[0] === "fail" ? Qt.rgba(Theme.danger.r, Theme.danger.g, Theme.danger.b, 0.16) : Theme.selectionFill
                Label {
                    id: chipText
                    x: 8
                    anchors.verticalCenter: parent.verticalCenter
                    text: chip.modelData[1]
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.text
                }
                Label {
                    anchors { right: parent.right; rightMargin: 7; verticalCenter: parent.verticalCenter }
                    text: "×"
                    color: Theme.textMuted
                    MouseArea {
                        anchors.fill: parent
                        anchors.margins: -4
                        onClicked: chip.modelData[0] === "fail"
                                   ? settings.rehearsal.removeFailure(chip.index)
                                   : settings.rehearsal.removeAction(chip.index - settings.rehearsal.failures.length)
                    }
                }
            }
        }
    }
    Label {
        text: "At " + Math.round(settings.rehearsal.time) + " s, as the operator"
        font.pixelSize: Theme.smallFontSize
        color: Theme.textMuted
        visible: settings.rehearsal.availableControls().length > 0 && settings.rehearsal.revision >= 0
    }
    Flow {
        Layout.fillWidth: true
        spacing: 4
        Repeater {
            model: settings.rehearsal.revision >= 0 ? settings.rehearsal.availableControls() : []
            delegate: Button {
                required property string modelData
                objectName: "rolloutControl-" + modelData
                text: modelData === "stop" ? "Stop deployment" : modelData === "rollback" ? "Roll back" : "Continue"
                implicitHeight: 26
                font.pixelSize: Theme.smallFontSize
                onClicked: settings.report(settings.rehearsal.addAction(modelData + ":" + Math.round(settings.rehearsal.time)))
            }
        }
    }
    Label {
        text: "Scenario"
        font.pixelSize: Theme.smallFontSize
        color: Theme.textMuted
        Layout.topMargin: 6
    }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: scenarioName
            objectName: "rolloutScenarioName"
            Layout.fillWidth: true
            implicitHeight: 28
            font.pixelSize: Theme.smallFontSize
            placeholderText: settings.rehearsal.revision >= 0 ? settings.rehearsal.suggestedScenarioName() : ""
            onAccepted: saveScenario.clicked()
        }
        Button {
            id: saveScenario
            objectName: "rolloutSaveScenario"
            text: "Save"
            implicitHeight: 28
            font.pixelSize: Theme.smallFontSize
            enabled: settings.rehearsal.ready
            ToolTip.visible: hovered
            ToolTip.text: "Stores the scenario in the template's Metadata.StackCanvas (undo removes it)"
            onClicked: {
                const name = scenarioName.text !== "" ? scenarioName.text : scenarioName.placeholderText
                const error = settings.rehearsal.saveScenario(name)
                settings.report(error)
                if (error === "")
                    scenarioName.clear()
            }
        }
    }
    ComboBox {
        objectName: "rolloutSavedScenarios"
        Layout.fillWidth: true
        implicitHeight: 28
        font.pixelSize: Theme.smallFontSize
        visible: settings.rehearsal.savedScenarios.length > 0
        model: settings.rehearsal.savedScenarios
        displayText: "Open a saved scenario…"
        onActivated: settings.report(settings.rehearsal.openSavedScenario(currentText))
    }
}
