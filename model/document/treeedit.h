#pragma once
// The one primitive change to a template tree: set or remove the node at a JSON pointer,
// remembering what was there and where (key order matters: an undone removal puts the key back
// in its place). Every undo command is a list of these.

#include "model/template/json.h"

#include <optional>
#include <string>

namespace sc {

struct TreeEdit {
    std::string pointer;         // RFC 6901 pointer of the node set or removed
    std::optional<Json> before;  // absent: the node did not exist
    std::optional<Json> after;   // absent: the node is removed
    std::ptrdiff_t index = -1;   // where a key that does not exist on one side is inserted
                                 // (-1: at the end); keeps key order through undo and rename
};

namespace tree {

// The node at `pointer`, or nullptr. "-" is not accepted here.
const Json *find(const Json &root, const std::string &pointer);
Json *find(Json &root, const std::string &pointer);
// Splits "/a/b~1c" into parent "/a" and unescaped last token "b/c".
void splitPointer(const std::string &pointer, std::string &parent, std::string &token);

// Position of `key` among the object's keys, or -1.
std::ptrdiff_t indexOfKey(const Json &object, const std::string &key);

// Makes `edit.after` true in `root` (forward) or restores `edit.before` (backward). The parent
// must exist. Throws std::invalid_argument for a pointer that cannot be applied.
void apply(Json &root, const TreeEdit &edit, bool forward);

} // namespace tree
} // namespace sc
