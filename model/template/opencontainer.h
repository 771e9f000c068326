#pragma once
// A mapping or sequence a reader is still filling: its value so far, its JSON pointer and, in a
// mapping, the key waiting for its value and where each key was first written (KeyInfo, to
// name it in a duplicate-key error). Shared by the YAML and JSON readers.

#include "model/template/json.h"
#include "model/template/sourcemap.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

template<typename KeyInfo>
struct OpenContainer {
    Json value;
    std::string pointer;
    std::optional<std::string> pendingKey;

    // Where `key` was first written, if this mapping has it already.
    const KeyInfo *find(const std::string &key) const
    {
        if (!m_index.empty()) {
            const auto it = m_index.find(key);
            return it == m_index.end() ? nullptr : &m_keyInfo[it->second];
        }
        // A small mapping is looked through: cheaper than hashing every key into a table.
        std::size_t entry = 0;
        for (const auto &[name, child] : value.template get_ref<const Json::object_t &>()) {
            if (name == key)
                return &m_keyInfo[entry];
            ++entry;
        }
        return nullptr;
    }

    // Makes `key` (not in the mapping yet: see find) the one waiting for its value; returns the
    // pointer of that value.
    const std::string &takeKey(std::string key, KeyInfo info)
    {
        const std::size_t entry = m_keyInfo.size();
        m_keyInfo.push_back(info);
        if (!m_index.empty() || entry + 1 >= kIndexedFrom) {
            if (m_index.empty())
                for (const auto &[name, child] : value.template get_ref<const Json::object_t &>())
                    m_index.emplace(name, m_index.size());
            m_index.emplace(key, entry);
        }
        m_pendingPointer = SourceMap::join(pointer, key);
        pendingKey = std::move(key);
        return m_pendingPointer;
    }

    // The pointer of the child that comes next: the next index, or the pending key's.
    std::string childPointer() const
    {
        if (value.is_array())
            return pointer + '/' + std::to_string(value.size());
        return m_pendingPointer;
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

private:
    // Keys are looked up in a hash table once a mapping has this many.
    static constexpr std::size_t kIndexedFrom = 16;

    std::vector<KeyInfo> m_keyInfo; // by entry, the pending key's last
    std::unordered_map<std::string, std::size_t> m_index; // key -> entry, in a large mapping
    std::string m_pendingPointer;
};

} // namespace sc
