#include "exporters/cdk/typescriptsource.h"

#include <array>
#include <cstdio>

namespace sc::ts {

namespace {

// Decodes one UTF-8 sequence at `i`; returns the code point and advances `i`.
char32_t decode(std::string_view s, std::size_t &i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t cp = b0;
    if (b0 >= 0xF0 && b0 < 0xF8) { extra = 3; cp = b0 & 0x07; }
    else if (b0 >= 0xE0) { extra = 2; cp = b0 & 0x0F; }
    else if (b0 >= 0xC0) { extra = 1; cp = b0 & 0x1F; }
    // Invalid UTF-8 (the readers never produce it) becomes U+FFFD, as any decoder would make it.
    if (b0 >= 0x80 && extra == 0) { ++i; return 0xFFFD; }
    if (i + static_cast<std::size_t>(extra) >= s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool mustEscape(char32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD || cp == 0x2028
        || cp == 0x2029 || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFF)
        || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFD;
}

const std::set<std::string_view> &reservedWords()
{
    // ECMAScript and TypeScript reserved words, strict-mode words, and names that would shadow
    // something the generated file uses.
    static const std::set<std::string_view> words{
        "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
        "default", "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally",
        "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let",
        "new", "null", "package", "private", "protected", "public", "return", "static", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
        "yield", "any", "boolean", "number", "string", "symbol", "type", "undefined", "never",
        "object", "unknown", "as", "async", "from", "of", "get", "set", "declare", "module",
        "namespace", "require", "readonly", "keyof", "infer", "is", "abstract", "constructor",
        "satisfies", "accessor", "override", "global",
        // names the generated file itself uses
        "cdk", "Construct", "scope", "id", "props", "stack", "app", "TemplateFragment",
        "Object", "Array", "String", "Number", "Boolean", "JSON", "Math", "Symbol", "Error",
        "Promise", "process", "console"};
    return words;
}

} // namespace

std::string stringLiteral(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '\'';
    std::size_t i = 0;
    while (i < s.size()) {
        // Printable ASCII other than the quote and the backslash is written as is, a run at a time.
        std::size_t run = i;
        while (run < s.size() && s[run] >= 0x20 && s[run] < 0x7F && s[run] != '\'' && s[run] != '\\')
            ++run;
        out.append(s.substr(i, run - i));
        i = run;
        if (i == s.size())
            break;
        const std::size_t start = i;
        const char32_t cp = decode(s, i);
        switch (cp) {
        case U'\'': out += "\\'"; continue;
        case U'\\': out += "\\\\"; continue;
        case U'\n': out += "\\n"; continue;
        case U'\r': out += "\\r"; continue;
        case U'\t': out += "\\t"; continue;
        default: break;
        }
        if (mustEscape(cp)) {
            std::array<char, 16> buf{};
            std::snprintf(buf.data(), buf.size(), "\\u{%X}", static_cast<unsigned>(cp));
            out += buf.data();
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    out += '\'';
    return out;
}

bool isIdentifier(std::string_view name)
{
    if (name.empty())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
        const bool digit = c >= '0' && c <= '9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

bool isReservedWord(std::string_view name) { return reservedWords().count(name) != 0; }

std::string objectKey(std::string_view key)
{
    if (key == "__proto__")
        return "['__proto__']";
    if (isIdentifier(key))
        return std::string(key);
    return stringLiteral(key);
}

std::string numberLiteral(const Json &number)
{
    std::string text = number.dump();
    // A negative number as an object value or argument is fine; NaN/Infinity cannot occur in JSON.
    return text;
}

std::string camelVariable(std::string_view id)
{
    std::string clean;
    for (const char c : id) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')
            clean += c;
    }
    if (clean.empty())
        return "resource";
    // Lower the leading run of capitals, keeping the last one of a run that starts a word:
    // "DBSubnetGroup" -> "dbSubnetGroup", "VPC" -> "vpc", "Bucket" -> "bucket".
    std::size_t run = 0;
    while (run < clean.size() && clean[run] >= 'A' && clean[run] <= 'Z')
        ++run;
    std::size_t lower = run;
    if (run > 1 && run < clean.size() && clean[run] >= 'a' && clean[run] <= 'z')
        lower = run - 1;
    if (run == 1)
        lower = 1;
    for (std::size_t i = 0; i < lower; ++i)
        clean[i] = static_cast<char>(clean[i] - 'A' + 'a');
    if (clean[0] >= '0' && clean[0] <= '9')
        clean.insert(clean.begin(), '_');
    return clean;
}

std::string overrideSegment(std::string_view key)
{
    std::string out;
    for (const char c : key) {
        if (c == '.' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

NameAllocator::NameAllocator() = default;

std::string NameAllocator::take(const std::string &base)
{
    std::string name = base;
    for (int n = 2; m_used.count(name) != 0 || isReservedWord(name); ++n)
        name = base + std::to_string(n);
    m_used.insert(name);
    return name;
}

} // namespace sc::ts
