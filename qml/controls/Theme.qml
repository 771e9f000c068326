pragma Singleton
import QtQuick

// Colours, type sizes and spacing for the whole window, in light and dark.
QtObject {
    property bool dark: false

    readonly property color window: dark ? "#16181d" : "#f4f5f7"
    readonly property color canvas: dark ? "#1b1e24" : "#fbfbfc"
    readonly property color grid: dark ? "#262a32" : "#e6e8ec"
    readonly property color panel: dark ? "#20242b" : "#ffffff"
    readonly property color border: dark ? "#333944" : "#d9dce1"
    readonly property color card: dark ? "#252a33" : "#ffffff"
    readonly property color cardBorder: dark ? "#3a4150" : "#cfd4db"
    readonly property color text: dark ? "#e8eaee" : "#1d2129"
    readonly property color textMuted: dark ? "#9aa3b2" : "#5f6875"
    readonly property color accent: dark ? "#5b9cff" : "#2166d9"
    readonly property color edge: dark ? "#6f7a8c" : "#8a94a3"

    readonly property int fontSize: 13
    readonly property int smallFontSize: 11
    readonly property int spacing: 8
    readonly property int radius: 6

    // One hue per palette category, readable on both backgrounds.
    function categoryColor(category) {
        switch (category) {
        case "Compute": return "#e8833a"
        case "Containers": return "#d9593d"
        case "Serverless": return "#e0a21b"
        case "Deployment": return "#3f8f5f"
        case "Networking and delivery": return "#7b5cd6"
        case "Data": return "#2f7fc1"
        case "Management and governance": return "#c2407a"
        default: return dark ? "#7d8696" : "#8d95a3"
        }
    }
}
