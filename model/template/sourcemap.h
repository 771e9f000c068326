#pragma once
// Where each node of a template tree came from: JSON Pointer (RFC 6901) -> line and column
// (1-based). A mapping entry is recorded at its key, a sequence item at the item, so a finding
// about "/Resources/Api/Properties/Role" points at the word "Role" in the file.

#include <string>
#include <string_view>
#include <unordered_map>

namespace sc {

struct SourcePos {
    int line = 0; // 0 = unknown
    int column = 0;
    bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePos &, const SourcePos &) = default;
};

class SourceMap {
public:
    void set(const std::string &pointer, SourcePos pos) { m_positions[pointer] = pos; }
    // The position of the node, or of its nearest recorded ancestor (a node added after
    // reading has none of its own); invalid when nothing on the way up is known.
    SourcePos find(std::string_view pointer) const;
    // Exactly this node, no fallback.
    SourcePos exact(std::string_view pointer) const;
    std::size_t size() const { return m_positions.size(); }
    void clear() { m_positions.clear(); }
    void reserve(std::size_t n) { m_positions.reserve(n); }
    // Takes over the positions of `other` for the nodes this map has none for; the others stay
    // in `other`.
    void merge(SourceMap &&other) { m_positions.merge(other.m_positions); }
    void erase(const std::string &pointer) { m_positions.erase(pointer); }
    // Calls f(pointer, position) for every recorded node, in no particular order.
    template <class F>
    void forEach(F &&f) const
    {
        for (const auto &[pointer, pos] : m_positions)
            f(pointer, pos);
    }
    friend bool operator==(const SourceMap &, const SourceMap &) = default;

    // JSON Pointer helpers: escape one reference token ("~" -> "~0", "/" -> "~1").
    static std::string escape(std::string_view token);
    static std::string join(std::string_view parent, std::string_view token);
    // Appends "/" and the escaped token to `pointer`, in place.
    static void append(std::string &pointer, std::string_view token);

private:
    std::unordered_map<std::string, SourcePos> m_positions;
};

} // namespace sc
