#pragma once
// A mapping or sequence a reader is still filling: its value so far, its JSON pointer and, in a
// mapping, the key waiting for its value and the keys seen (KeyInfo: where each was first
// written, to name it in a duplicate-key error). Shared by the YAML and JSON readers.

#include "model/template/json.h"
#include "model/template/sourcemap.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace sc {

template<typename KeyInfo>
struct OpenContainer {
    Json value;
    std::string pointer;
    std::optional<std::string> pendingKey;
    std::unordered_map<std::string, KeyInfo> keys;

    // The pointer of the child that comes next: the next index, or the pending key.
    std::string childPointer() const
    {
        if (value.is_array())
            return pointer + '/' + std::to_string(value.size());
        return SourceMap::join(pointer, *pendingKey);
    }

    // Appends the finished child, or sets it under the pending key. The readers refuse a key
    // written twice before it gets here, so the key is new and goes straight to the end of the
    // mapping (ordered_json's own insertion first looks through every key before it).
    void attach(Json child)
    {
        if (value.is_array()) {
            value.push_back(std::move(child));
        } else {
            value.template get_ref<Json::object_t &>().emplace_back(std::move(*pendingKey), std::move(child));
            pendingKey.reset();
        }
    }
};

} // namespace sc
