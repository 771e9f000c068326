#include "model/document/editrecorder.h"

#include "model/template/sourcemap.h"

#include <stdexcept>

namespace sc {

void EditRecorder::record(TreeEdit edit)
{
    tree::apply(m_root, edit, true);
    m_edits.push_back(std::move(edit));
}

void EditRecorder::set(const std::string &pointer, Json value, std::ptrdiff_t index)
{
    TreeEdit edit;
    edit.pointer = pointer;
    std::string parentPointer, token;
    tree::splitPointer(pointer, parentPointer, token);
    const Json *parent = tree::find(m_root, parentPointer);
    if (!parent)
        throw std::invalid_argument("no node at " + parentPointer);
    if (const Json *current = tree::find(m_root, pointer)) {
        if (*current == value)
            return;
        edit.before = *current;
    }
    edit.index = parent->is_object() && !edit.before ? index : tree::indexOfKey(*parent, token);
    edit.after = std::move(value);
    record(std::move(edit));
}

void EditRecorder::remove(const std::string &pointer)
{
    const Json *current = tree::find(m_root, pointer);
    if (!current)
        return;
    TreeEdit edit;
    edit.pointer = pointer;
    edit.before = *current;
    std::string parentPointer, token;
    tree::splitPointer(pointer, parentPointer, token);
    const Json *parent = tree::find(m_root, parentPointer);
    edit.index = parent && parent->is_object() ? tree::indexOfKey(*parent, token) : -1;
    record(std::move(edit));
}

void EditRecorder::insertItem(const std::string &arrayPointer, Json value, std::ptrdiff_t index)
{
    const Json *array = tree::find(m_root, arrayPointer);
    if (!array || !array->is_array())
        throw std::invalid_argument("not a list: " + arrayPointer);
    const std::size_t at = index < 0 ? array->size() : static_cast<std::size_t>(index);
    TreeEdit edit;
    edit.pointer = arrayPointer + '/' + std::to_string(at);
    edit.after = std::move(value);
    record(std::move(edit));
}

void EditRecorder::ensureObject(const std::string &pointer)
{
    if (pointer.empty() || tree::find(m_root, pointer))
        return;
    std::string parentPointer, token;
    tree::splitPointer(pointer, parentPointer, token);
    ensureObject(parentPointer);
    set(pointer, Json::object());
}

void EditRecorder::rollback()
{
    for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it)
        tree::apply(m_root, *it, false);
    m_edits.clear();
}

} // namespace sc
