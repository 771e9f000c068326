import QtQuick
import StackCanvas

// The Problems tab's list with its filters, which its delegates read through ListView.view.
DocumentListView {
    property string severityFilter: "all" // all, error, warning, info
    property string textFilter: ""

    function matches(severity, ruleId, logicalId, message) {
        if (severityFilter !== "all" && severity !== severityFilter)
            return false
        if (textFilter === "")
            return true
        const needle = textFilter.toLowerCase()
        return (ruleId + " " + logicalId + " " + message).toLowerCase().indexOf(needle) >= 0
    }
}
