#include "model/document/commands/editcommand.h"

#include "model/document/document.h"

#include <algorithm>

namespace sc {

EditCommand::EditCommand(Document *document, const QString &text, std::vector<TreeEdit> edits,
                         std::vector<std::pair<std::string, std::string>> renamed,
                         MergeId mergeId, int gesture)
    : QUndoCommand(text)
    , m_document(document)
    , m_edits(std::move(edits))
    , m_renamed(std::move(renamed))
    , m_mergeId(mergeId)
    , m_gesture(gesture)
{
}

void EditCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        m_document->notify(m_edits, m_renamed);
        return;
    }
    m_document->applyEdits(m_edits, true);
    m_document->notify(m_edits, m_renamed);
}

void EditCommand::undo()
{
    m_document->applyEdits(m_edits, false);
    std::vector<std::pair<std::string, std::string>> reversed;
    for (const auto &[from, to] : m_renamed)
        reversed.emplace_back(to, from);
    m_document->notify(m_edits, reversed);
}

bool EditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const EditCommand *>(other);
    if (!next || next->m_mergeId != m_mergeId || next->m_gesture != m_gesture || !m_gesture)
        return false;
    // Only a command that sets existing nodes again can fold in: keep the first "before",
    // take the last "after".
    for (const TreeEdit &edit : next->m_edits) {
        auto it = std::find_if(m_edits.begin(), m_edits.end(),
                               [&](const TreeEdit &e) { return e.pointer == edit.pointer; });
        if (it != m_edits.end())
            it->after = edit.after;
        else
            m_edits.push_back(edit);
    }
    return true;
}

} // namespace sc
