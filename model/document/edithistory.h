#pragma once
// Where a document's edit steps go. The window keeps them on a QUndoStack (UndoableDocument, in
// model/undo, which needs Qt Gui); a headless document (the command line) keeps none and only
// remembers that it was modified, so the command line never loads Qt Gui.

#include "model/document/treeedit.h"

#include <string>
#include <utility>
#include <vector>

namespace sc {

// Which consecutive steps of one gesture fold into one undo step.
enum class MergeId : int { None = -1, Move = 1, SetValue = 2 };

// One user action: the tree edits it made (already applied when the step is recorded), the
// logical IDs it renamed, and how it merges with the steps of the same gesture.
struct EditStep {
    std::string label;
    std::vector<TreeEdit> edits;
    std::vector<std::pair<std::string, std::string>> renamed;
    MergeId mergeId = MergeId::None;
    int gesture = 0;
};

class EditHistory {
public:
    virtual ~EditHistory() = default;
    // Takes a step whose edits are in the tree already; telling the views is the history's job
    // (a QUndoStack does it when it "redoes" the pushed command).
    virtual void record(EditStep step) = 0;
    virtual void clear() = 0;
    virtual bool isClean() const = 0;
    virtual void setClean() = 0;
};

} // namespace sc
