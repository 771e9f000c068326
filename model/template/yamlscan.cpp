#include "model/template/yamlscan.h"

#include <algorithm>

namespace sc::yamlscan {

namespace {

bool isBreak(char c) { return c == '\n' || c == '\r'; }
bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isBlankChar(char c) { return isSpace(c) || isBreak(c); }

// Past one line break ("\r\n", "\n" or a lone "\r"); pos must be at one.
std::size_t pastBreak(std::string_view text, std::size_t pos)
{
    if (text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')
        return pos + 2;
    return pos + 1;
}

} // namespace

int indentation(std::string_view text, std::size_t lineStartPos)
{
    int n = 0;
    while (lineStartPos + static_cast<std::size_t>(n) < text.size() && text[lineStartPos + static_cast<std::size_t>(n)] == ' ')
        ++n;
    return n;
}

std::size_t skipSpaces(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && isSpace(text[pos]))
        ++pos;
    return pos;
}

std::size_t skipBlank(std::string_view text, std::size_t pos)
{
    while (pos < text.size()) {
        const char c = text[pos];
        if (isBlankChar(c)) {
            ++pos;
        } else if (c == '#') {
            pos = lineEnd(text, pos);
        } else {
            break;
        }
    }
    return pos;
}

Properties skipProperties(std::string_view text, std::size_t pos)
{
    Properties p;
    p.end = pos;
    while (pos < text.size() && (text[pos] == '!' || text[pos] == '&')) {
        (text[pos] == '&' ? p.anchored : p.tagged) = true;
        if (text.compare(pos, 2, "!<") == 0) {
            const std::size_t close = text.find('>', pos);
            pos = close == npos ? text.size() : close + 1;
        } else {
            // Tag and anchor characters exclude blanks and the flow indicators.
            while (pos < text.size() && !isBlankChar(text[pos]) && text[pos] != ',' && text[pos] != '['
                   && text[pos] != ']' && text[pos] != '{' && text[pos] != '}')
                ++pos;
        }
        p.end = pos;
        pos = skipBlank(text, pos);
    }
    p.content = pos;
    return p;
}

std::size_t quotedEnd(std::string_view text, std::size_t pos)
{
    const char quote = text[pos];
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\') {
            ++i;
        } else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i; // '' is a quote inside single quotes
                continue;
            }
            return i + 1;
        }
    }
    return npos;
}

std::size_t plainEnd(std::string_view text, std::size_t pos, std::string_view value)
{
    std::size_t i = pos;
    std::size_t j = 0;
    while (j < value.size()) {
        const char c = value[j];
        if (c == ' ' || c == '\n') {
            // A line break in the text folds into one space, or into n-1 line feeds for n breaks.
            std::size_t k = skipSpaces(text, i);
            if (k < text.size() && isBreak(text[k])) {
                std::size_t breaks = 0;
                while (k < text.size() && isBreak(text[k])) {
                    k = skipSpaces(text, pastBreak(text, k));
                    ++breaks;
                }
                if (breaks == 1) {
                    if (c != ' ')
                        return npos;
                    ++j;
                } else {
                    for (std::size_t b = 1; b < breaks; ++b, ++j) {
                        if (j >= value.size() || value[j] != '\n')
                            return npos;
                    }
                }
                i = k;
                continue;
            }
        }
        if (i >= text.size() || text[i] != c)
            return npos;
        ++i;
        ++j;
    }
    return i;
}

std::size_t blockScalarEnd(std::string_view text, std::size_t pos, int parentIndent)
{
    // Header: "|" or ">", then chomping and indentation indicators in either order.
    std::size_t i = pos + 1;
    int explicitIndent = 0;
    bool keep = false;
    while (i < text.size() && (text[i] == '+' || text[i] == '-' || (text[i] >= '1' && text[i] <= '9'))) {
        if (text[i] >= '1' && text[i] <= '9')
            explicitIndent = text[i] - '0';
        keep = keep || text[i] == '+';
        ++i;
    }
    const std::size_t headerEnd = i;
    std::size_t line = nextLine(text, pos);
    int indent = explicitIndent ? std::max(parentIndent, 0) + explicitIndent : -1;
    std::size_t end = headerEnd;
    while (line < text.size()) {
        const int spaces = indentation(text, line);
        const std::size_t after = line + static_cast<std::size_t>(spaces);
        const bool blank = after >= text.size() || isBreak(text[after]);
        if (!blank) {
            if (indent < 0)
                indent = spaces > parentIndent ? spaces : parentIndent + 1;
            if (spaces < indent)
                break;
        }
        // Trailing blank lines are content only when the block keeps them ("|+").
        if (!blank || keep)
            end = lineEnd(text, line);
        line = nextLine(text, line);
    }
    return end;
}

std::size_t aliasEnd(std::string_view text, std::size_t pos)
{
    std::size_t i = pos + 1;
    while (i < text.size() && !isBlankChar(text[i]) && text[i] != ',' && text[i] != ']' && text[i] != '}')
        ++i;
    return i;
}

std::size_t flowClose(std::string_view text, std::size_t pos)
{
    pos = skipBlank(text, pos);
    if (pos < text.size() && text[pos] == ',')
        pos = skipBlank(text, pos + 1);
    if (pos < text.size() && (text[pos] == ']' || text[pos] == '}'))
        return pos + 1;
    return npos;
}

bool isNullWord(std::string_view text, std::size_t pos)
{
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
        if (text.compare(pos, word.size(), word) != 0)
            continue;
        const std::size_t after = pos + word.size();
        if (after >= text.size() || isBlankChar(text[after]) || text[after] == ',' || text[after] == ']'
            || text[after] == '}' || text[after] == '#')
            return true;
    }
    return false;
}

std::size_t lineStart(std::string_view text, std::size_t pos)
{
    while (pos > 0 && text[pos - 1] != '\n')
        --pos;
    return pos;
}

std::size_t lineEnd(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && !isBreak(text[pos]))
        ++pos;
    return pos;
}

std::size_t nextLine(std::string_view text, std::size_t pos)
{
    pos = lineEnd(text, pos);
    return pos < text.size() ? pastBreak(text, pos) : pos;
}

int column(std::string_view text, std::size_t pos)
{
    return static_cast<int>(pos - lineStart(text, pos));
}

bool onlySpacesBefore(std::string_view text, std::size_t pos)
{
    for (std::size_t i = lineStart(text, pos); i < pos; ++i) {
        if (text[i] != ' ')
            return false;
    }
    return true;
}

bool isCommentLine(std::string_view text, std::size_t lineStartPos)
{
    const std::size_t i = skipSpaces(text, lineStartPos);
    return i < text.size() && text[i] == '#';
}

bool isBlankLine(std::string_view text, std::size_t lineStartPos)
{
    const std::size_t i = skipSpaces(text, lineStartPos);
    return i >= text.size() || isBreak(text[i]);
}

} // namespace sc::yamlscan
