#pragma once
// What one command (or its undo) changed, so views update only that: resources added, removed,
// renamed or modified, cards moved, other sections touched, or the whole document replaced; and
// whether the graph (references, DependsOn, types, resources added or removed) changed, which a
// keystroke in a plain property value does not.

#include <QMetaType>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace sc {

struct DocumentChange {
    std::set<std::string> added;
    std::set<std::string> removed;
    std::set<std::string> modified;
    std::set<std::string> moved;
    std::vector<std::pair<std::string, std::string>> renamed; // old, new
    bool otherSections = false; // Parameters, Outputs, Conditions, ...
    bool reset = false;         // a new document: everything changed
    bool graphChanged = false;  // an edge, a node or a node's type is not what it was

    // Only cards moved: what the template means is unchanged (the layout lives in Metadata).
    bool isLayoutOnly() const
    {
        return !moved.empty() && added.empty() && removed.empty() && modified.empty()
               && renamed.empty() && !otherSections && !reset;
    }

    bool isEmpty() const
    {
        return added.empty() && removed.empty() && modified.empty() && moved.empty()
               && renamed.empty() && !otherSections && !reset;
    }

    // Adds a later change: what the two together changed (a consumer that handles changes in
    // batches merges them).
    void merge(const DocumentChange &later)
    {
        added.insert(later.added.begin(), later.added.end());
        removed.insert(later.removed.begin(), later.removed.end());
        modified.insert(later.modified.begin(), later.modified.end());
        moved.insert(later.moved.begin(), later.moved.end());
        renamed.insert(renamed.end(), later.renamed.begin(), later.renamed.end());
        otherSections |= later.otherSections;
        reset |= later.reset;
        graphChanged |= later.graphChanged;
    }

    // The resources whose own content (or name) changed: what a per-resource view redraws.
    bool touches(const std::string &id) const
    {
        if (reset || modified.count(id) || added.count(id) || removed.count(id))
            return true;
        for (const auto &[from, to] : renamed) {
            if (from == id || to == id)
                return true;
        }
        return false;
    }
};

} // namespace sc

Q_DECLARE_METATYPE(sc::DocumentChange)
