#pragma once
// The one undo command of the document: a list of tree edits recorded when the user acted,
// replayed forward on redo and backward on undo. Moves and typing in one field merge when they
// belong to one gesture, so a whole drag is one undo step.

#include "model/document/treeedit.h"

#include <QUndoCommand>

#include <string>
#include <utility>
#include <vector>

namespace sc {

class Document;

enum class MergeId : int { None = -1, Move = 1, SetValue = 2 };

class EditCommand : public QUndoCommand {
public:
    EditCommand(Document *document, const QString &text, std::vector<TreeEdit> edits,
                std::vector<std::pair<std::string, std::string>> renamed = {},
                MergeId mergeId = MergeId::None, int gesture = 0);

    void redo() override;
    void undo() override;
    int id() const override { return m_gesture ? static_cast<int>(m_mergeId) : -1; }
    bool mergeWith(const QUndoCommand *other) override;

    const std::vector<TreeEdit> &edits() const { return m_edits; }

private:
    Document *m_document;
    std::vector<TreeEdit> m_edits;
    std::vector<std::pair<std::string, std::string>> m_renamed;
    MergeId m_mergeId;
    int m_gesture;
    bool m_applied = true; // recorded edits are already in the tree when pushed
};

} // namespace sc
