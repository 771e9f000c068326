#pragma once
// The one undo command of the document: an edit step (a list of tree edits recorded when the
// user acted), replayed forward on redo and backward on undo. Moves and typing in one field
// merge when they belong to one gesture, so a whole drag is one undo step.

#include "model/document/edithistory.h"

#include <QUndoCommand>

namespace sc {

class Document;

class EditCommand : public QUndoCommand {
public:
    EditCommand(Document *document, EditStep step);

    void redo() override;
    void undo() override;
    int id() const override { return m_step.gesture ? static_cast<int>(m_step.mergeId) : -1; }
    bool mergeWith(const QUndoCommand *other) override;

    const std::vector<TreeEdit> &edits() const { return m_step.edits; }

private:
    Document *m_document;
    EditStep m_step;
    bool m_applied = true; // recorded edits are already in the tree when pushed
};

} // namespace sc
