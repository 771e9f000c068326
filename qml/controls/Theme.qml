pragma Singleton
import QtQuick

// Colours, type sizes and spacing for the whole window, in light and dark. The categories'
// colours come from DiagramStyle, shared with the exported diagram. This file imports no module
// of its own: two singletons of one module that both import it form a load cycle.
QtObject {
    property bool dark: false

    readonly property color window: dark ? "#16181d" : "#f4f5f7"
    readonly property color canvas: dark ? "#1b1e24" : "#fbfbfc"
    readonly property color grid: dark ? "#262a32" : "#e6e8ec"
    readonly property color gridDot: dark ? "#363c47" : "#c9ced6" // as icons/grid-*.svg draw it
    readonly property color panel: dark ? "#20242b" : "#ffffff"
    readonly property color border: dark ? "#333944" : "#d9dce1"
    readonly property color card: dark ? "#252a33" : "#ffffff"
    readonly property color cardBorder: dark ? "#3a4150" : "#cfd4db"
    readonly property color text: dark ? "#e8eaee" : "#1d2129"
    readonly property color textMuted: dark ? "#9aa3b2" : "#5f6875"
    readonly property color accent: dark ? "#5b9cff" : "#2166d9"
    readonly property color edge: dark ? "#6f7a8c" : "#8a94a3"
    readonly property color selection: dark ? "#5b9cff" : "#2166d9"
    readonly property color selectionFill: dark ? "#1f5b9cff" : "#1a2166d9"
    readonly property color hover: dark ? "#2b313b" : "#eef1f5"
    readonly property color vpcBox: dark ? "#147b5cd6" : "#0d7b5cd6"
    readonly property color vpcBorder: dark ? "#6a55b8" : "#a391e3"
    readonly property color subnetBox: dark ? "#142f7fc1" : "#0f2f7fc1"
    readonly property color subnetBorder: dark ? "#3d6f9c" : "#9cc0e3"
    readonly property color error: dark ? "#ff6b6b" : "#d93b3b"
    readonly property color warning: dark ? "#f5b94a" : "#d98a00"
    readonly property color info: dark ? "#6fb3ff" : "#2f7fc1"
    readonly property color tooltip: dark ? "#e8eaee" : "#1d2129"
    readonly property color tooltipText: dark ? "#1d2129" : "#ffffff"
    // Panels, fields and states of the window shell.
    readonly property color panelAlt: dark ? "#1c2026" : "#f7f8fa"
    readonly property color field: dark ? "#181b21" : "#ffffff"
    readonly property color fieldBorder: dark ? "#3a4150" : "#c9ced6"
    readonly property color textSelection: dark ? "#24406b" : "#dce8fb"
    readonly property color highlightLine: dark ? "#2b3a52" : "#fff4d1"
    readonly property color highlightMark: dark ? "#5b9cff" : "#e0a21b"
    readonly property color danger: dark ? "#ff6b6b" : "#c62828"
    readonly property color success: dark ? "#5cc98a" : "#2e7d4f"
    readonly property color textOnAccent: "#ffffff"
    readonly property color codeText: dark ? "#d6dae1" : "#2a2f38"
    readonly property color lineNumber: dark ? "#5d6676" : "#a3aab5"

    readonly property int fontSize: 13
    readonly property int smallFontSize: 11
    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property int headingFontSize: 15
    readonly property int rowHeight: 30
    readonly property string monoFont: "monospace"

    // A finding's colour by its severity name ("error", "warning", "info").
    function severityColor(severity) {
        return severity === "error" ? error : severity === "warning" ? warning : info
    }

    // The halves of a blue/green setup.
    readonly property color blueHalf: dark ? "#5b9cff" : "#2f7fc1"
    readonly property color greenHalf: dark ? "#5cc98a" : "#3f8f5f"
}
