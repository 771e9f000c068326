#pragma once
// A mapping or sequence a reader is still filling: its value so far, its JSON pointer and, in a
// mapping, the key waiting for its value and where each key was first written (KeyInfo, to
// name it in a duplicate-key error). Shared by the YAML and JSON readers.
//
// A mapping's entries are kept aside until it closes: ordered_json holds its keys const, so a
// growing mapping would copy every key each time its storage grows.

#include "model/template/json.h"
#include "model/template/sourcemap.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

template<typename KeyInfo>
struct OpenContainer {
    Json value; // an empty object until finished(), for a mapping
    std::string pointer;
    bool tracksPointers = true; // false: no pointer is built (a reader that records no positions)
    std::optional<std::string> pendingKey;

    // Where `key` was first written, if this mapping has it already.
    const KeyInfo *find(const std::string &key) const
    {
        if (!m_index.empty()) {
            const auto it = m_index.find(key);
            return it == m_index.end() ? nullptr : &m_keyInfo[it->second];
        }
        // A small mapping is looked through: cheaper than hashing every key into a table.
        for (std::size_t entry = 0; entry < m_entries.size(); ++entry)
            if (m_entries[entry].first == key)
                return &m_keyInfo[entry];
        return nullptr;
    }

    // Makes `key` (not in the mapping yet: see find) the one waiting for its value; returns the
    // pointer of that value (empty when pointers are not tracked).
    const std::string &takeKey(std::string key, KeyInfo info)
    {
        const std::size_t entry = m_keyInfo.size();
        m_keyInfo.push_back(info);
        if (!m_index.empty() || entry + 1 >= kIndexedFrom) {
            if (m_index.empty())
                for (std::size_t i = 0; i < entry; ++i)
                    m_index.emplace(m_entries[i].first, i);
            m_index.emplace(key, entry);
        }
        if (tracksPointers)
            m_pendingPointer = SourceMap::join(pointer, key);
        pendingKey = std::move(key);
        return m_pendingPointer;
    }

    // The pointer of the child that comes next: the next index, or the pending key's.
    std::string childPointer() const
    {
        if (!tracksPointers)
            return {};
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
            m_entries.emplace_back(std::move(*pendingKey), std::move(child));
            pendingKey.reset();
        }
    }

    // The whole value, once every child is attached.
    Json finished()
    {
        if (value.is_object()) {
            auto &object = value.template get_ref<Json::object_t &>();
            object.reserve(m_entries.size());
            for (auto &[key, child] : m_entries)
                object.emplace_back(std::move(key), std::move(child));
            m_entries.clear();
        }
        return std::move(value);
    }

private:
    // Keys are looked up in a hash table once a mapping has this many.
    static constexpr std::size_t kIndexedFrom = 16;

    std::vector<std::pair<std::string, Json>> m_entries; // a mapping's, until finished()
    std::vector<KeyInfo> m_keyInfo; // by entry, the pending key's last
    std::unordered_map<std::string, std::size_t> m_index; // key -> entry, in a large mapping
    std::string m_pendingPointer;
};

} // namespace sc
