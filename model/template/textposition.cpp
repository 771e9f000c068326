#include "model/template/textposition.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace sc {

TextPositions::TextPositions(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            m_lineStarts.push_back(i + 1);
    }
}

SourcePos TextPositions::at(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - m_lineStarts.begin());
    const std::size_t start = m_lineStarts[line - 1];
    // Readers ask in increasing order; continue from the last answer on the same line so that
    // a minified one-line file costs linear time, not quadratic.
    std::size_t from = start;
    int column = 1;
    if (m_cacheLine == line && m_cacheOffset <= offset) {
        from = m_cacheOffset;
        column = m_cacheColumn;
    }
    for (std::size_t i = from; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
            ++column; // count characters: skip UTF-8 continuation bytes
    }
    m_cacheLine = line;
    m_cacheOffset = offset;
    m_cacheColumn = column;
    return {static_cast<int>(line), column};
}

std::optional<std::size_t> findInvalidUtf8(std::string_view text)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Templates are mostly ASCII: eight bytes at a time while no byte has its high bit set.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i == n)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned int cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return i;
        }
        if (i + len > n)
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::nullopt;
}

} // namespace sc
