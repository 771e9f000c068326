#include "model/undo/editcommand.h"

#include "model/document/document.h"

#include <algorithm>

namespace sc {

EditCommand::EditCommand(Document *document, EditStep step)
    : QUndoCommand(QString::fromStdString(step.label))
    , m_document(document)
    , m_step(std::move(step))
{
}

void EditCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        m_document->notify(m_step.edits, m_step.renamed);
        return;
    }
    m_document->applyEdits(m_step.edits, true);
    m_document->notify(m_step.edits, m_step.renamed);
}

void EditCommand::undo()
{
    m_document->applyEdits(m_step.edits, false);
    std::vector<std::pair<std::string, std::string>> reversed;
    for (const auto &[from, to] : m_step.renamed)
        reversed.emplace_back(to, from);
    m_document->notify(m_step.edits, reversed);
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const EditCommand *>(other);
    if (!next || next->m_step.mergeId != m_step.mergeId || next->m_step.gesture != m_step.gesture
        || !m_step.gesture)
        return false;
    // Only a command that sets existing nodes again can fold in: keep the first "before",
    // take the last "after".
    std::vector<TreeEdit> &edits = m_step.edits;
    for (const TreeEdit &edit : next->m_step.edits) {
        auto it = std::find_if(edits.begin(), edits.end(),
                               [&](const TreeEdit &e) { return e.pointer == edit.pointer; });
        if (it != edits.end())
            it->after = edit.after;
        else
            edits.push_back(edit);
    }
    return true;
}

} // namespace sc
