#pragma once
// Where each node of a template tree came from: JSON Pointer (RFC 6901) -> line and column
// (1-based). A mapping entry is recorded at its key, a sequence item at the item, so a finding
// about "/Resources/Api/Properties/Role" points at the word "Role" in the file.

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
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
    SourceMap() = default;
    // A map that holds nothing yet and is filled by `fill` when first read, from whichever
    // thread reads it first (for a text read without positions, which reading it again gives).
    static SourceMap onDemand(std::function<SourceMap()> fill);

    void set(const std::string &pointer, SourcePos pos) { own()[pointer] = pos; }
    // The position of the node, or of its nearest recorded ancestor (a node added after
    // reading has none of its own); invalid when nothing on the way up is known.
    SourcePos find(std::string_view pointer) const;
    // Exactly this node, no fallback.
    SourcePos exact(std::string_view pointer) const;
    std::size_t size() const { return table().size(); }
    void clear()
    {
        m_pending.reset();
        m_positions.clear();
    }
    void reserve(std::size_t n) { own().reserve(n); }
    // Takes over the positions of `other` for the nodes this map has none for; the others stay
    // in `other`.
    void merge(SourceMap &&other) { own().merge(other.own()); }
    void erase(const std::string &pointer) { own().erase(pointer); }
    // Calls f(pointer, position) for every recorded node, in no particular order.
    template <class F>
    void forEach(F &&f) const
    {
        for (const auto &[pointer, pos] : table())
            f(pointer, pos);
    }
    // Whether the positions are still to be found (nothing has read them yet).
    bool isPending() const;
    friend bool operator==(const SourceMap &a, const SourceMap &b) { return a.table() == b.table(); }

    // JSON Pointer helpers: escape one reference token ("~" -> "~0", "/" -> "~1").
    static std::string escape(std::string_view token);
    static std::string join(std::string_view parent, std::string_view token);
    // Appends "/" and the escaped token to `pointer`, in place.
    static void append(std::string &pointer, std::string_view token);

private:
    using Table = std::unordered_map<std::string, SourcePos>;
    // Shared by the copies of an on-demand map: filled once, then only read.
    struct Pending {
        std::once_flag once;
        std::function<SourceMap()> fill;
        Table positions;
        std::atomic<bool> filled = false;
    };

    const Table &table() const;
    // The table to change: an on-demand map is filled and becomes a map of its own first.
    Table &own();

    Table m_positions;
    std::shared_ptr<Pending> m_pending;
};

} // namespace sc
