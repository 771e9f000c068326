#include "model/document/treeedit.h"

#include <charconv>
#include <stdexcept>

namespace sc::tree {

namespace {

std::string unescape(std::string_view token)
{
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

bool toIndex(const std::string &token, std::size_t &index)
{
    if (token.empty() || (token.size() > 1 && token[0] == '0'))
        return false;
    auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
    return ec == std::errc{} && p == token.data() + token.size();
}

template<typename J>
J *walk(J &root, const std::string &pointer)
{
    J *node = &root;
    std::size_t pos = 0;
    while (pos < pointer.size()) {
        if (pointer[pos] != '/')
            return nullptr;
        const std::size_t next = pointer.find('/', pos + 1);
        const std::string token =
            unescape(std::string_view(pointer).substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
        if (node->is_object()) {
            auto it = node->find(token);
            if (it == node->end())
                return nullptr;
            node = &*it;
        } else if (node->is_array()) {
            std::size_t index = 0;
            if (!toIndex(token, index) || index >= node->size())
                return nullptr;
            node = &(*node)[index];
        } else {
            return nullptr;
        }
        if (next == std::string::npos)
            break;
        pos = next;
    }
    return node;
}

// Rebuilds an object with `key` inserted at `index` (ordered_json cannot insert in the middle).
void insertAt(Json &object, const std::string &key, Json value, std::ptrdiff_t index)
{
    if (index < 0 || static_cast<std::size_t>(index) >= object.size()) {
        object[key] = std::move(value);
        return;
    }
    Json rebuilt = Json::object();
    std::ptrdiff_t i = 0;
    for (auto &[k, v] : object.items()) {
        if (i++ == index)
            rebuilt[key] = std::move(value);
        rebuilt[k] = std::move(v);
    }
    object = std::move(rebuilt);
}

} // namespace

std::ptrdiff_t indexOfKey(const Json &object, const std::string &key)
{
    std::ptrdiff_t i = 0;
    for (const auto &[k, v] : object.items()) {
        if (k == key)
            return i;
        ++i;
    }
    return -1;
}

const Json *find(const Json &root, const std::string &pointer) { return walk(root, pointer); }
Json *find(Json &root, const std::string &pointer) { return walk(root, pointer); }

void splitPointer(const std::string &pointer, std::string &parent, std::string &token)
{
    const std::size_t slash = pointer.rfind('/');
    if (slash == std::string::npos)
        throw std::invalid_argument("not a JSON pointer: " + pointer);
    parent = pointer.substr(0, slash);
    token = unescape(std::string_view(pointer).substr(slash + 1));
}

void apply(Json &root, const TreeEdit &edit, bool forward)
{
    const std::optional<Json> &target = forward ? edit.after : edit.before;
    if (edit.pointer.empty()) {
        root = target.value_or(Json::object());
        return;
    }
    std::string parentPointer, token;
    splitPointer(edit.pointer, parentPointer, token);
    Json *parent = find(root, parentPointer);
    if (!parent)
        throw std::invalid_argument("no node at " + parentPointer);
    if (parent->is_object()) {
        const bool exists = parent->contains(token);
        if (!target) {
            if (exists)
                parent->erase(token);
        } else if (exists) {
            (*parent)[token] = *target;
        } else {
            insertAt(*parent, token, *target, edit.index);
        }
        return;
    }
    if (parent->is_array()) {
        std::size_t index = 0;
        const bool append = token == "-";
        if (!append && !toIndex(token, index))
            throw std::invalid_argument("not an index: " + edit.pointer);
        // For arrays, "before absent" means the edit inserted an item and "after absent" that
        // it removed one; otherwise it replaced one in place.
        const bool inserts = !edit.before && edit.after;
        const bool removes = edit.before && !edit.after;
        if (append)
            index = forward ? parent->size() : parent->size() - 1;
        if ((inserts && forward) || (removes && !forward)) {
            if (index > parent->size())
                throw std::invalid_argument("index out of range: " + edit.pointer);
            parent->insert(parent->begin() + static_cast<std::ptrdiff_t>(index), *target);
        } else if ((inserts && !forward) || (removes && forward)) {
            if (index >= parent->size())
                throw std::invalid_argument("index out of range: " + edit.pointer);
            parent->erase(parent->begin() + static_cast<std::ptrdiff_t>(index));
        } else if (target) {
            if (index >= parent->size())
                throw std::invalid_argument("index out of range: " + edit.pointer);
            (*parent)[index] = *target;
        }
        return;
    }
    throw std::invalid_argument("parent is not a container: " + edit.pointer);
}

} // namespace sc::tree

