#pragma once
// Small scanners over YAML text, for the parts yaml-cpp's events do not say: where a scalar,
// an alias or a flow collection ends, where the "-" of a sequence item or the ":" after a key
// is. Each takes the text and a byte offset and returns a byte offset (npos when the text is
// not what was expected). Used to record source spans and to edit text in place.

#include <cstddef>
#include <string>
#include <string_view>

namespace sc::yamlscan {

constexpr std::size_t npos = std::string_view::npos;

// Spaces and tabs.
std::size_t skipSpaces(std::string_view text, std::size_t pos);
// Spaces, tabs, line breaks and comments: to the next token.
std::size_t skipBlank(std::string_view text, std::size_t pos);
// Past tags ("!Ref", "!!str", "!<tag:...>") and anchors ("&name") and the blanks after them.
struct Properties {
    std::size_t content = 0; // where the value itself starts
    std::size_t end = 0;     // one past the last tag or anchor (pos when there is none)
    bool anchored = false;
    bool tagged = false;
};
Properties skipProperties(std::string_view text, std::size_t pos);

// One past the closing quote of the quoted scalar whose opening quote is at pos.
std::size_t quotedEnd(std::string_view text, std::size_t pos);
// One past the plain scalar at pos whose value (as the parser folded it) is `value`.
std::size_t plainEnd(std::string_view text, std::size_t pos, std::string_view value);
// One past the last content line of the block scalar whose "|" or ">" is at pos (its line break
// not included). `parentIndent`: the indentation of the node that holds it, for an explicit
// indentation indicator.
std::size_t blockScalarEnd(std::string_view text, std::size_t pos, int parentIndent);
// One past "*name".
std::size_t aliasEnd(std::string_view text, std::size_t pos);
// One past the "]" or "}" that closes a flow collection, looking from pos (after its last item
// or just inside its opening bracket) past blanks, comments and a trailing comma.
std::size_t flowClose(std::string_view text, std::size_t pos);
// "~", "null", "Null" or "NULL" as a whole token at pos.
bool isNullWord(std::string_view text, std::size_t pos);

// Lines.
std::size_t lineStart(std::string_view text, std::size_t pos);
// The offset of the line break ending the line of pos ("\r\n" or "\n"), or the text's size.
std::size_t lineEnd(std::string_view text, std::size_t pos);
// The offset after that line break.
std::size_t nextLine(std::string_view text, std::size_t pos);
// Bytes from the start of the line to pos (YAML indents with spaces only).
int column(std::string_view text, std::size_t pos);
// The spaces that start the line at lineStartPos.
int indentation(std::string_view text, std::size_t lineStartPos);
bool onlySpacesBefore(std::string_view text, std::size_t pos);
// A line that holds nothing but spaces or a comment.
bool isCommentLine(std::string_view text, std::size_t lineStartPos);
bool isBlankLine(std::string_view text, std::size_t lineStartPos);

} // namespace sc::yamlscan
