#pragma once
// Turns byte offsets into 1-based line and column (columns count characters, not bytes), and
// checks that text is UTF-8. Used by the readers for positions and errors.

#include "model/template/sourcemap.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace sc {

class TextPositions {
public:
    explicit TextPositions(std::string_view text);
    SourcePos at(std::size_t offset) const;

private:
    std::string_view m_text;
    std::vector<std::size_t> m_lineStarts;
    mutable std::size_t m_cacheLine = 0;
    mutable std::size_t m_cacheOffset = 0;
    mutable int m_cacheColumn = 1;
};

// The offset of the first byte that breaks UTF-8, if any.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

} // namespace sc
