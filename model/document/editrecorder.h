#pragma once
// Builds one undoable change as a list of TreeEdits, applying each to the live tree as it is
// recorded so that later steps see earlier ones. If a step fails, rollback() restores the tree
// exactly: a refused edit changes nothing.

#include "model/document/treeedit.h"

#include <string>
#include <vector>

namespace sc {

class EditRecorder {
public:
    explicit EditRecorder(Json &root)
        : m_root(root)
    {
    }

    // Sets the node at `pointer` (creating it at the end of its parent object, or at `index`).
    void set(const std::string &pointer, Json value, std::ptrdiff_t index = -1);
    // Removes the node; nothing happens when it does not exist.
    void remove(const std::string &pointer);
    // Inserts into the array at `arrayPointer` (index -1: append).
    void insertItem(const std::string &arrayPointer, Json value, std::ptrdiff_t index = -1);
    // Makes sure an object exists at `pointer`, creating missing parents as objects.
    void ensureObject(const std::string &pointer);

    const Json &root() const { return m_root; }
    bool isEmpty() const { return m_edits.empty(); }
    std::vector<TreeEdit> take() { return std::move(m_edits); }
    void rollback();

private:
    void record(TreeEdit edit);

    Json &m_root;
    std::vector<TreeEdit> m_edits;
};

} // namespace sc
