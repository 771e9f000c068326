import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Qt.labs.settings
import StackCanvas

// The window shell (DESIGN §7): menus and tool bar; palette, canvas and inspector side by side;
// the Template, Problems and History tabs below; a status bar. File commands guard unsaved
// changes; the layout, theme and recent files persist between runs.
ApplicationWindow {
    id: window
    required property DocumentController controller
    // The theme at start: --theme, else the system's. `themeLocked` when --theme forced it.
    required property bool darkTheme
    property bool themeLocked: false
    // False for --screenshot and tests that need a fixed window: no saved layout, no prompts.
    property bool interactive: true
    property string themeMode: "system" // system, light or dark

    // What to do once the unsaved-changes question is answered.
    property var pendingAction: null
    // Set while Save As runs on behalf of a pending action.
    property bool saveThenContinue: false
    property bool closeConfirmed: false

    width: 1400
    height: 860
    minimumWidth: 900
    minimumHeight: 560
    visible: true
    title: controller.fileName + (controller.modified ? " *" : "") + " — StackCanvas"
    color: Theme.window

    Binding {
        target: Theme
        property: "dark"
        value: window.themeLocked || window.themeMode === "system" ? window.darkTheme : window.themeMode === "dark"
    }

    palette {
        window: Theme.panel
        windowText: Theme.text
        base: Theme.field
        alternateBase: Theme.panelAlt
        text: Theme.text
        button: Theme.panel
        buttonText: Theme.text
        brightText: Theme.text
        highlight: Theme.accent
        highlightedText: Theme.textOnAccent
        placeholderText: Theme.textMuted
        toolTipBase: Theme.panel
        toolTipText: Theme.text
        light: Theme.hover
        midlight: Theme.hover
        mid: Theme.border
        dark: Theme.fieldBorder
        shadow: Theme.border
    }

    Settings {
        id: settings
        category: "window"
        property int x: -1
        property int y: -1
        // First run: most of the screen, so that the canvas has room; later runs: as left.
        property int width: Math.max(window.minimumWidth, Math.min(1720, Screen.desktopAvailableWidth - 48))
        property int height: Math.max(window.minimumHeight, Math.min(1080, Screen.desktopAvailableHeight - 48))
        property bool maximized: false
        property var layout
        property var centreLayout
        property string themeMode: "system"
        property int bottomTab: 0
        property bool inspectorVisible: true
        property bool bottomVisible: true
    }

    Component.onCompleted: {
        if (!interactive)
            return
        themeMode = settings.themeMode
        if (settings.x >= 0) { x = settings.x; y = settings.y }
        width = settings.width
        height = settings.height
        if (settings.layout) mainSplit.restoreState(settings.layout)
        if (settings.centreLayout) centreSplit.restoreState(settings.centreLayout)
        bottomTabs.currentIndex = settings.bottomTab
        inspector.visible = settings.inspectorVisible
        bottomPanel.visible = settings.bottomVisible
        if (settings.maximized) showMaximized()
        if (controller.recovery.hasRecovery) recoveryDialog.open()
    }

    function saveLayout() {
        if (!interactive)
            return
        settings.maximized = visibility === Window.Maximized
        if (!settings.maximized) {
            settings.x = x; settings.y = y; settings.width = width; settings.height = height
        }
        settings.layout = mainSplit.saveState()
        settings.centreLayout = centreSplit.saveState()
        settings.themeMode = themeMode
        settings.bottomTab = bottomTabs.currentIndex
        settings.inspectorVisible = inspector.visible
        settings.bottomVisible = bottomPanel.visible
    }

    onClosing: (close) => {
        if (controller.modified && interactive && !closeConfirmed) {
            close.accepted = false
            guardUnsaved(() => { closeConfirmed = true; window.close() })
            return
        }
        saveLayout()
        controller.closing()
    }

    // ---- file commands ----

    function showError(title, message) {
        errorDialog.title = title
        errorDialog.message = message
        errorDialog.open()
    }
    function guardUnsaved(action) {
        if (!controller.modified || !interactive) {
            action()
            return
        }
        pendingAction = action
        unsavedDialog.open()
    }
    function runPending() {
        const action = pendingAction
        pendingAction = null
        if (action) action()
    }
    function openPath(path) {
        const error = controller.openFile(path)
        if (error !== "")
            showError("Cannot open the file", error)
    }
    // True when saved now; false when Save As was asked for (or the save failed).
    function save() {
        if (controller.filePath === "") {
            saveAs()
            return false
        }
        const error = controller.save()
        if (error !== "") {
            showError("Cannot save", error)
            return false
        }
        return true
    }
    function saveAs() {
        if (controller.filePath !== "")
            saveDialog.currentFolder = window.controller.folderOf(window.controller.filePath)
        saveDialog.open()
    }
    function openExample(folder) {
        guardUnsaved(() => {
            const error = controller.newFromExample(folder)
            if (error !== "") showError("Cannot open the example", error)
        })
    }
    function widestItem(menu) {
        let widest = 0
        for (let i = 0; i < menu.count; ++i)
            widest = Math.max(widest, menu.itemAt(i).implicitWidth)
        return widest + menu.leftPadding + menu.rightPadding
    }
    function toggleTheme() {
        themeLocked = false
        themeMode = Theme.dark ? "light" : "dark"
    }
    function showBottomTab(index) {
        bottomPanel.visible = true
        bottomTabs.currentIndex = index
    }

    // The rollout rehearsal (qml/rollout): a card's "Rehearse deployment…" opens the Rollout tab,
    // tall enough for its charts.
    RehearsalController {
        id: rehearsal
        objectName: "rehearsal"
        documentController: window.controller
        Component.onCompleted: RolloutHub.rehearsal = rehearsal
    }
    // A playing rehearsal moves on once per rendered frame, in step with the display.
    FrameAnimation {
        running: rehearsal.playing
        onTriggered: rehearsal.advanceFrame()
    }
    Connections {
        target: RolloutHub
        function onRehearseRequested(logicalId) { window.startRehearsal(logicalId) }
    }
    function startRehearsal(logicalId) {
        const error = rehearsal.rehearse(logicalId)
        window.showBottomTab(3)
        bottomPanel.SplitView.preferredHeight = Math.max(bottomPanel.height, 380)
        if (error === "")
            Qt.callLater(() => canvasView.reveal(logicalId, 90)) // once the split has settled
        return error
    }

    Action { id: newAction; text: "&New"; shortcut: "Ctrl+N"; onTriggered: window.guardUnsaved(() => window.controller.newDocument()) }
    Action { id: openAction; text: "&Open…"; shortcut: "Ctrl+O"; onTriggered: window.guardUnsaved(() => openDialog.open()) }
    Action { id: saveAction; text: "&Save"; shortcut: "Ctrl+S"; onTriggered: window.save() }
    Action { id: saveAsAction; text: "Save &As…"; shortcut: "Ctrl+Shift+S"; onTriggered: window.saveAs() }
    Action { id: exportAction; text: "&Export…"; shortcut: "Ctrl+E"; onTriggered: exportDialog.open() }
    Action { id: quitAction; text: "&Quit"; shortcut: "Ctrl+Q"; onTriggered: window.close() }
    Action {
        id: undoAction
        text: window.controller.canUndo ? "&Undo " + window.controller.undoText : "&Undo"
        shortcut: "Ctrl+Z"
        enabled: window.controller.canUndo
        onTriggered: window.controller.undo()
    }
    Action {
        id: redoAction
        text: window.controller.canRedo ? "&Redo " + window.controller.redoText : "&Redo"
        shortcut: "Ctrl+Shift+Z"
        enabled: window.controller.canRedo
        onTriggered: window.controller.redo()
    }
    // Arrange re-runs the automatic layout: the default is traffic flow for an architecture that
    // takes requests (DNS, load balancer, alias), else dependencies.
    Action {
        id: arrangeAction
        objectName: "arrangeAction"
        text: "&Arrange"
        shortcut: "Ctrl+Shift+A"
        enabled: window.controller.resourceCount > 0
        onTriggered: window.controller.canvas.arrange("")
    }
    Action {
        id: arrangeTrafficAction
        text: "Arrange by &Traffic Flow" + (window.controller.canvas.defaultArrangement === "traffic" ? " (default)" : "")
        enabled: window.controller.resourceCount > 0
        onTriggered: window.controller.canvas.arrange("traffic")
    }
    Action {
        id: arrangeDependenciesAction
        text: "Arrange by &Dependencies" + (window.controller.canvas.defaultArrangement === "dependencies" ? " (default)" : "")
        enabled: window.controller.resourceCount > 0
        onTriggered: window.controller.canvas.arrange("dependencies")
    }
    Shortcut { sequence: "Ctrl+Y"; enabled: window.controller.canRedo; onActivated: window.controller.redo() }
    Shortcut { sequence: "Ctrl+Shift+L"; onActivated: window.toggleTheme() }
    // Alt+digit: Ctrl+digit belongs to the canvas (Ctrl+0 actual size, Ctrl+1 fit).
    Shortcut { sequence: "Alt+1"; onActivated: window.showBottomTab(0) }
    Shortcut { sequence: "Alt+2"; onActivated: window.showBottomTab(1) }
    Shortcut { sequence: "Alt+3"; onActivated: window.showBottomTab(2) }
    Shortcut { sequence: "Alt+4"; onActivated: window.showBottomTab(3) }
    Shortcut { sequence: "Ctrl+H"; onActivated: window.showBottomTab(2) }
    Shortcut { sequence: "Ctrl+J"; onActivated: bottomPanel.visible = !bottomPanel.visible }
    Shortcut { sequence: "Ctrl+I"; onActivated: inspector.visible = !inspector.visible }
    Shortcut { sequence: "F1"; onActivated: shortcutsDialog.open() }
    Shortcut { sequence: "Ctrl+L"; onActivated: studyPanel.visible = !studyPanel.visible }
    // A finding chosen in the Problems tab is shown in the inspector, even when it was hidden.
    Connections {
        target: window.controller.inspector
        function onRevealed() { inspector.visible = true }
    }

    menuBar: MenuBar {
        Menu {
            title: "&File"
            MenuItem { action: newAction }
            Menu {
                id: examplesMenu
                objectName: "examplesMenu"
                title: "New from &Example"
                // As wide as its widest title: a menu is 200 px by default and would cut them.
                width: Math.max(implicitWidth, window.widestItem(examplesMenu))
                // The items are wired here, in the window's scope (a delegate cannot see `window`).
                Instantiator {
                    model: window.controller.examples
                    delegate: MenuItem {
                        required property var modelData
                        text: modelData.title
                    }
                    onObjectAdded: (index, object) => {
                        const item = object as MenuItem
                        const folder = window.controller.examples[index].folder
                        item.triggered.connect(() => window.openExample(folder))
                        examplesMenu.insertItem(index, item)
                    }
                    onObjectRemoved: (index, object) => examplesMenu.removeItem(object as MenuItem)
                }
            }
            MenuItem { action: openAction }
            Menu {
                id: recentMenu
                title: "Open &Recent"
                width: Math.max(implicitWidth, window.widestItem(recentMenu))
                enabled: window.controller.recentFiles.length > 0
                Instantiator {
                    model: window.controller.recentFiles
                    delegate: MenuItem {
                        required property string modelData
                        text: modelData
                    }
                    onObjectAdded: (index, object) => {
                        const item = object as MenuItem
                        const path = item.text
                        item.triggered.connect(() => window.guardUnsaved(() => window.openPath(path)))
                        recentMenu.insertItem(index, item)
                    }
                    onObjectRemoved: (index, object) => recentMenu.removeItem(object as MenuItem)
                }
                MenuSeparator {}
                MenuItem { text: "Clear the List"; onTriggered: window.controller.clearRecentFiles() }
            }
            MenuSeparator {}
            MenuItem { action: saveAction }
            MenuItem { action: saveAsAction }
            MenuItem { action: exportAction }
            MenuSeparator {}
            MenuItem { action: quitAction }
        }
        Menu {
            title: "&Edit"
            MenuItem { action: undoAction }
            MenuItem { action: redoAction }
            MenuSeparator {}
            MenuItem { text: "Undo &History"; onTriggered: window.showBottomTab(2) }
            MenuItem { text: "Select &None"; onTriggered: window.controller.canvas.clearSelection() }
            MenuSeparator {}
            MenuItem { action: arrangeAction }
            MenuItem { action: arrangeTrafficAction }
            MenuItem { action: arrangeDependenciesAction }
        }
        Menu {
            title: "&View"
            MenuItem { text: "&Inspector"; checkable: true; checked: inspector.visible; onTriggered: inspector.visible = !inspector.visible }
            MenuItem { text: "&Bottom Panel"; checkable: true; checked: bottomPanel.visible; onTriggered: bottomPanel.visible = !bottomPanel.visible }
            MenuSeparator {}
            // The layouts, here too: a layout is also a way of looking at the architecture.
            MenuItem { action: arrangeTrafficAction }
            MenuItem { action: arrangeDependenciesAction }
            MenuSeparator {}
            MenuItem { text: "Theme: &System"; checkable: true; checked: !window.themeLocked && window.themeMode === "system"; onTriggered: { window.themeLocked = false; window.themeMode = "system" } }
            MenuItem { text: "Theme: &Light"; checkable: true; checked: !Theme.dark && (window.themeLocked || window.themeMode !== "system"); onTriggered: { window.themeLocked = false; window.themeMode = "light" } }
            MenuItem { text: "Theme: &Dark"; checkable: true; checked: Theme.dark && (window.themeLocked || window.themeMode !== "system"); onTriggered: { window.themeLocked = false; window.themeMode = "dark" } }
        }
        Menu {
            title: "&Help"
            MenuItem { text: "Keyboard &Shortcuts"; onTriggered: shortcutsDialog.open() }
            MenuItem { text: "&About StackCanvas"; onTriggered: aboutDialog.open() }
        }
    }

    header: ToolBar {
        height: 44
        background: Rectangle {
            color: Theme.panel
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
        }
        RowLayout {
            anchors { fill: parent; leftMargin: 10; rightMargin: 12 }
            spacing: 2
            ToolButton { action: newAction; text: "New"; ToolTip.visible: hovered; ToolTip.text: "New document (Ctrl+N)" }
            ToolButton { action: openAction; text: "Open"; ToolTip.visible: hovered; ToolTip.text: "Open a template (Ctrl+O)" }
            ToolButton { action: saveAction; text: "Save"; ToolTip.visible: hovered; ToolTip.text: "Save (Ctrl+S)" }
            Rectangle { Layout.preferredWidth: 1; Layout.preferredHeight: 22; Layout.leftMargin: 6; Layout.rightMargin: 6; color: Theme.border }
            ToolButton { action: undoAction; text: "Undo"; ToolTip.visible: hovered; ToolTip.text: window.controller.undoText !== "" ? "Undo " + window.controller.undoText + " (Ctrl+Z)" : "Undo (Ctrl+Z)" }
            ToolButton { action: redoAction; text: "Redo"; ToolTip.visible: hovered; ToolTip.text: window.controller.redoText !== "" ? "Redo " + window.controller.redoText + " (Ctrl+Shift+Z)" : "Redo (Ctrl+Shift+Z)" }
            ToolButton {
                action: arrangeAction
                text: "Arrange"
                ToolTip.visible: hovered
                ToolTip.text: (window.controller.canvas.defaultArrangement === "traffic" ? "Lay the cards out by traffic flow" : "Lay the cards out by dependencies") + " (Ctrl+Shift+A)"
            }
            Rectangle { Layout.preferredWidth: 1; Layout.preferredHeight: 22; Layout.leftMargin: 6; Layout.rightMargin: 10; color: Theme.border }
            Label {
                text: window.controller.fileName
                font.pixelSize: Theme.fontSize + 1
                font.bold: true
                color: Theme.text
            }
            Rectangle {
                visible: window.controller.modified
                Layout.preferredWidth: 8
                Layout.preferredHeight: 8
                radius: 4
                color: Theme.accent
            }
            // The description's first sentence, shown only when it fits whole; all of it on hover.
            Label {
                objectName: "descriptionLabel"
                readonly property string full: window.controller.description
                readonly property var sentence: full.match(/^.*?[.!?](\s|$)/)
                Layout.fillWidth: true
                Layout.leftMargin: 8
                text: sentence ? sentence[0].trim() : full
                opacity: implicitWidth <= width ? 1 : 0
                font.pixelSize: Theme.fontSize
                color: Theme.textMuted
                HoverHandler { id: descriptionHover }
                ToolTip.visible: descriptionHover.hovered && window.controller.description !== ""
                ToolTip.text: window.controller.description
                ToolTip.delay: 500
            }
            ToolButton {
                objectName: "studyButton"
                text: "Study"
                checkable: true
                checked: studyPanel.visible
                ToolTip.visible: hovered
                ToolTip.text: "Lessons, what-ifs and practice for the exam (Ctrl+L)"
                onClicked: studyPanel.visible = !studyPanel.visible
            }
            ToolButton {
                objectName: "themeButton"
                text: Theme.dark ? "Light theme" : "Dark theme"
                ToolTip.visible: hovered
                ToolTip.text: "Switch theme (Ctrl+Shift+L)"
                onClicked: window.toggleTheme()
            }
        }
    }

    // Files dropped anywhere on the window open (after the unsaved-changes question).
    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            if (!drop.hasUrls || drop.urls.length === 0)
                return
            const url = drop.urls[0].toString()
            drop.accept(Qt.CopyAction)
            window.guardUnsaved(() => window.openPath(url))
        }
    }

    SplitView {
        id: mainSplit
        anchors.fill: parent
        orientation: Qt.Horizontal
        handle: Rectangle {
            implicitWidth: 1
            implicitHeight: 1
            color: SplitHandle.pressed || SplitHandle.hovered ? Theme.accent : Theme.border
        }

        StudyPanel {
            id: studyPanel
            objectName: "studyPanel"
            visible: false
            SplitView.preferredWidth: 400
            SplitView.minimumWidth: 320
            controller: window.controller
            guard: window.guardUnsaved
            onProblemsWanted: window.showBottomTab(1)
        }

        PalettePanel {
            id: palettePanel
            // The Study panel takes the palette's place while it is open.
            visible: !studyPanel.visible
            SplitView.preferredWidth: 260
            SplitView.minimumWidth: 200
            controller: window.controller
        }

        SplitView {
            id: centreSplit
            SplitView.fillWidth: true
            SplitView.minimumWidth: 300
            orientation: Qt.Vertical
            handle: Rectangle {
                implicitWidth: 1
                implicitHeight: 1
                color: SplitHandle.pressed || SplitHandle.hovered ? Theme.accent : Theme.border
            }

            CanvasView {
                id: canvasView
                SplitView.fillHeight: true
                SplitView.minimumHeight: 160
                controller: window.controller
            }

            Rectangle {
                id: bottomPanel
                SplitView.preferredHeight: 250
                SplitView.minimumHeight: 120
                color: Theme.panel
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0
                    TabBar {
                        id: bottomTabs
                        objectName: "bottomTabs"
                        Layout.fillWidth: true
                        background: Rectangle {
                            color: Theme.panelAlt
                            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                        }
                        TabButton { text: "Template"; width: implicitWidth + 24 }
                        TabButton {
                            text: "Problems" + (window.controller.problems.errors + window.controller.problems.warnings > 0
                                                ? "  " + (window.controller.problems.errors + window.controller.problems.warnings) : "")
                            width: implicitWidth + 24
                        }
                        TabButton { text: "History"; width: implicitWidth + 24 }
                        TabButton { objectName: "rolloutTab"; text: "Rollout"; width: implicitWidth + 24 }
                    }
                    StackLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        currentIndex: bottomTabs.currentIndex
                        TemplatePanel { controller: window.controller }
                        ProblemsPanel { controller: window.controller }
                        HistoryPanel { controller: window.controller }
                        RolloutPanel { rehearsal: rehearsal }
                    }
                }
            }
        }

        InspectorPanel {
            id: inspector
            objectName: "inspector"
            SplitView.preferredWidth: 400
            SplitView.minimumWidth: 300
            controller: window.controller
        }
    }

    footer: Rectangle {
        height: 28
        color: Theme.panelAlt
        Rectangle { anchors.top: parent.top; width: parent.width; height: 1; color: Theme.border }
        RowLayout {
            anchors { fill: parent; leftMargin: 14; rightMargin: 14 }
            spacing: 18
            Label {
                objectName: "statusState"
                text: window.controller.modified ? "Modified" : (window.controller.filePath === "" ? "Not saved yet" : "Saved")
                font.pixelSize: Theme.smallFontSize
                color: window.controller.modified ? Theme.accent : Theme.textMuted
            }
            Label {
                objectName: "statusSaveNote"
                visible: window.controller.saveNote !== ""
                text: window.controller.saveNote
                elide: Text.ElideRight
                Layout.maximumWidth: 520
                font.pixelSize: Theme.smallFontSize
                color: Theme.warning
            }
            Label {
                objectName: "statusCounts"
                text: window.controller.resourceCount + " resources · " + window.controller.edgeCount + " connections"
                      + (window.controller.canvas.selection.length > 0 ? " · " + window.controller.canvas.selection.length + " selected" : "")
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
            Label {
                objectName: "statusProblems"
                text: window.controller.problems.errors + " errors · " + window.controller.problems.warnings + " warnings"
                font.pixelSize: Theme.smallFontSize
                color: window.controller.problems.errors > 0 ? Theme.error : Theme.textMuted
                TapHandler { onTapped: window.showBottomTab(1) }
            }
            Item { Layout.fillWidth: true }
            Label {
                text: window.controller.filePath
                elide: Text.ElideMiddle
                Layout.maximumWidth: 420
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
            Label {
                objectName: "statusZoom"
                Layout.minimumWidth: implicitWidth
                text: "Zoom " + canvasView.zoomPercent + "%"
                font.pixelSize: Theme.smallFontSize
                color: Theme.textMuted
            }
        }
    }

    // ---- dialogs ----

    FileDialog {
        id: openDialog
        title: "Open a template"
        fileMode: FileDialog.OpenFile
        nameFilters: ["CloudFormation templates (*.yaml *.yml *.json *.template)", "All files (*)"]
        onAccepted: window.openPath(String(selectedFile))
    }
    SaveFileDialog {
        id: saveDialog
        objectName: "saveDialog"
        title: "Save the template"
        popupLayer: window.Overlay.overlay
        defaultSuffix: "yaml"
        nameFilters: ["YAML (*.yaml *.yml)", "JSON (*.json)"]
        onAccepted: {
            const error = window.controller.saveAs(String(selectedFile))
            if (error !== "") {
                window.showError("Cannot save", error)
                window.pendingAction = null
            } else if (window.saveThenContinue) {
                window.saveThenContinue = false
                window.runPending()
            }
        }
        onRejected: { window.saveThenContinue = false; window.pendingAction = null }
    }

    Dialog {
        id: unsavedDialog
        objectName: "unsavedDialog"
        title: "Save changes?"
        modal: true
        anchors.centerIn: parent
        width: 440
        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            text: "“" + window.controller.fileName + "” has changes that are not saved. They are lost if you continue without saving."
            color: Theme.text
        }
        footer: DialogButtonBox {
            Button { text: "Save"; DialogButtonBox.buttonRole: Dialog.AcceptRole; highlighted: true }
            Button { text: "Don't Save"; DialogButtonBox.buttonRole: Dialog.DestructiveRole }
            Button { text: "Cancel"; DialogButtonBox.buttonRole: Dialog.RejectRole }
            onAccepted: {
                unsavedDialog.close()
                if (window.controller.filePath === "") {
                    window.saveThenContinue = true
                    window.saveAs()
                } else if (window.save()) {
                    window.runPending()
                } else {
                    window.pendingAction = null
                }
            }
            onDiscarded: { unsavedDialog.close(); window.runPending() }
            onRejected: { unsavedDialog.close(); window.pendingAction = null }
        }
    }

    Dialog {
        id: errorDialog
        objectName: "errorDialog"
        property string message
        modal: true
        anchors.centerIn: parent
        width: Math.min(640, window.width - 80)
        standardButtons: Dialog.Ok
        TextEdit {
            width: parent.width
            text: errorDialog.message
            readOnly: true
            selectByMouse: true
            wrapMode: Text.Wrap
            font.family: Theme.monoFont
            color: Theme.text
        }
    }

    Dialog {
        id: recoveryDialog
        objectName: "recoveryDialog"
        title: "Recover unsaved changes?"
        modal: true
        anchors.centerIn: parent
        width: 480
        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            color: Theme.text
            text: "StackCanvas did not close normally. Changes to “"
                  + (window.controller.recovery.recoveryPath !== "" ? window.controller.recovery.recoveryPath : "Untitled")
                  + "” were kept for recovery at " + window.controller.recovery.recoveryTime + "."
        }
        footer: DialogButtonBox {
            Button { text: "Recover"; DialogButtonBox.buttonRole: Dialog.AcceptRole; highlighted: true }
            Button { text: "Discard"; DialogButtonBox.buttonRole: Dialog.DestructiveRole }
            onAccepted: {
                recoveryDialog.close()
                const error = window.controller.recovery.recover()
                if (error !== "") window.showError("Cannot recover", error)
            }
            onDiscarded: { recoveryDialog.close(); window.controller.recovery.discardRecovery() }
        }
    }

    Dialog {
        id: aboutDialog
        title: "StackCanvas"
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Ok
        Label {
            text: "A visual designer for AWS architectures.\nDraw, check, rehearse and ship CloudFormation."
            color: Theme.text
        }
    }

    ShortcutsDialog { id: shortcutsDialog }
    ExportDialog {
        id: exportDialog
        controller: window.controller
        onFailed: (message) => window.showError("Cannot export", message)
    }
}
