pragma Singleton
import QtQuick
import StackCanvas

// Where the canvas meets the rehearsal: the window's RehearsalController, and the request to
// rehearse a card's resource. Cards reach it through their RehearseHook without the canvas
// knowing about rollouts.
QtObject {
    property RehearsalController rehearsal: null
    // The logical IDs a rehearsal can start from.
    readonly property var deployableIds: {
        const ids = {}
        if (rehearsal) {
            for (const t of rehearsal.targets) {
                if (t.error === "")
                    ids[t.id] = true
            }
        }
        return ids
    }
    // During a rehearsal: the target, and the traffic path's resources with their shares.
    readonly property bool active: rehearsal !== null && rehearsal.ready
    signal rehearseRequested(string logicalId)
}
