#include "model/template/scalars.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace sc::scalars {

namespace {

bool isNull(const std::string &t)
{
    return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}

bool isTrue(const std::string &t) { return t == "true" || t == "True" || t == "TRUE"; }
bool isFalse(const std::string &t) { return t == "false" || t == "False" || t == "FALSE"; }

bool isDecimalInteger(const std::string &t)
{
    std::size_t i = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
    if (i >= t.size())
        return false;
    for (std::size_t j = i; j < t.size(); ++j) {
        if (t[j] < '0' || t[j] > '9')
            return false;
    }
    // A leading zero ("0123", an account ID) is kept as text: YAML 1.1 would read it as octal.
    return !(t[i] == '0' && t.size() - i > 1);
}

// YAML 1.2's core schema float, [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, scanned by
// hand: a std::regex costs more to compile (a millisecond) than reading a small template.
bool matchesFloat(std::string_view t)
{
    std::size_t i = 0;
    const auto sign = [&] {
        if (i < t.size() && (t[i] == '-' || t[i] == '+'))
            ++i;
    };
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
        return i > from;
    };
    sign();
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits())
            return false;
    } else {
        if (!digits())
            return false;
        if (i < t.size() && t[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        sign();
        if (!digits())
            return false;
    }
    return i == t.size();
}

bool isFloat(const std::string &t)
{
    if (!matchesFloat(t))
        return false;
    std::size_t i = (t[0] == '-' || t[0] == '+') ? 1 : 0;
    // "01.5" is not a number YAML 1.2 agrees on either.
    return !(t.size() > i + 1 && t[i] == '0' && t[i + 1] >= '0' && t[i + 1] <= '9');
}


bool isYaml11Boolean(const std::string &t)
{
    static const char *const words[] = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
                                        "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
    for (const char *w : words) {
        if (t == w)
            return true;
    }
    return false;
}

// "---" or "..." then a space, a tab, a line break or nothing: at the start of a line YAML reads
// it as the start or end of a document, so a key or value written there plain would split the
// template in two.
bool startsWithDocumentMarker(const std::string &t)
{
    if (t.rfind("---", 0) != 0 && t.rfind("...", 0) != 0)
        return false;
    return t.size() == 3 || t[3] == ' ' || t[3] == '\t' || t[3] == '\n' || t[3] == '\r';
}

// Numbers and dates all start like this; most strings do not, and skip the regular expressions.
bool mayBeNumeric(const std::string &t)
{
    const char c = t.empty() ? '\0' : t[0];
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t][^\r\n]*)?
bool isYaml11Date(std::string_view t)
{
    std::size_t i = 0;
    const auto digits = [&](std::size_t most) {
        const std::size_t from = i;
        while (i < t.size() && i - from < most && isDigit(t[i]))
            ++i;
        return i - from;
    };
    if (digits(4) != 4 || i == t.size() || t[i++] != '-' || digits(2) == 0 || i == t.size() || t[i++] != '-'
        || digits(2) == 0)
        return false;
    if (i == t.size())
        return true;
    if (t[i] != 'T' && t[i] != 't' && t[i] != ' ' && t[i] != '\t')
        return false;
    return t.find_first_of("\r\n", i) == std::string_view::npos;
}

// One of the number forms of YAML 1.1 other than decimal integers and floats, without its sign
// and exponent: 0x1F, 0o17, 0b101 (with underscores), 190:20:30.15 (base 60), 1_000.5, .5_0.
bool isYaml11NumberBody(std::string_view t)
{
    const auto allOf = [&](std::size_t from, std::string_view set) {
        return t.find_first_not_of(set, from) == std::string_view::npos;
    };
    if (t.size() >= 3 && t[0] == '0' && std::string_view("xXoObB").find(t[1]) != std::string_view::npos
        && allOf(2, "0123456789abcdefABCDEF_"))
        return true;
    if (t.size() >= 2 && t[0] == '.' && allOf(1, "0123456789_"))
        return true;
    if (t.empty() || !isDigit(t[0]))
        return false;
    if (allOf(1, "0123456789_."))
        return true;
    // [0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?
    std::size_t i = 1;
    while (i < t.size() && (isDigit(t[i]) || t[i] == '_'))
        ++i;
    bool sexagesimal = false;
    while (i < t.size() && t[i] == ':') {
        ++i;
        if (i + 1 < t.size() && t[i] >= '0' && t[i] <= '5' && isDigit(t[i + 1]))
            i += 2;
        else if (i < t.size() && isDigit(t[i]))
            ++i;
        else
            return false;
        sexagesimal = true;
    }
    if (!sexagesimal)
        return false;
    return i == t.size() || (t[i] == '.' && allOf(i + 1, "0123456789_"));
}

// What YAML 1.1 readers (CloudFormation's among them) take for a number or a date beyond YAML
// 1.2's: the pattern
// [-+]?(0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9][0-9_.]*|\.[0-9_]+)([eE][-+]?[0-9]+)?
// |[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t].*)?
// scanned by hand, like matchesFloat.
bool looksLikeOtherNumberOrDate(std::string_view t)
{
    if (t == ".nan" || t == ".NaN" || t == ".NAN" || isYaml11Date(t))
        return true;
    if (!t.empty() && (t[0] == '-' || t[0] == '+'))
        t.remove_prefix(1);
    if (t == ".inf" || t == ".Inf" || t == ".INF" || isYaml11NumberBody(t))
        return true;
    // A body then an exponent that runs to the end: every 'e' may be where the exponent starts
    // (a hexadecimal body holds 'e's of its own).
    for (std::size_t e = t.find_first_of("eE"); e != std::string_view::npos; e = t.find_first_of("eE", e + 1)) {
        std::size_t i = e + 1;
        if (i < t.size() && (t[i] == '-' || t[i] == '+'))
            ++i;
        if (i < t.size() && t.find_first_not_of("0123456789", i) == std::string_view::npos
            && isYaml11NumberBody(t.substr(0, e)))
            return true;
    }
    return false;
}

} // namespace

bool looksLikeYaml11NumberOrDate(std::string_view text)
{
    return looksLikeOtherNumberOrDate(text);
}

Json resolvePlain(const std::string &text)
{
    if (isNull(text))
        return nullptr;
    if (isTrue(text))
        return true;
    if (isFalse(text))
        return false;
    if (!mayBeNumeric(text))
        return text;
    if (isDecimalInteger(text)) {
        const char *begin = text.data() + (text[0] == '+' ? 1 : 0);
        const char *end = text.data() + text.size();
        std::int64_t value = 0;
        if (auto [p, ec] = std::from_chars(begin, end, value); ec == std::errc{} && p == end)
            return value;
        std::uint64_t unsignedValue = 0;
        if (auto [p, ec] = std::from_chars(begin, end, unsignedValue); ec == std::errc{} && p == end)
            return unsignedValue;
        return text; // too large for an integer: keep every digit
    }
    if (isFloat(text)) {
        const double value = std::strtod(text.c_str(), nullptr);
        if (std::string why = unrepresentableNumber(text, value); !why.empty())
            throw std::range_error(why);
        return value;
    }
    return text;
}

std::string unrepresentableNumber(std::string_view text, double value)
{
    if (!std::isfinite(value))
        return "the number " + std::string(text)
               + " is too large for a template number (a double, at most about 1.8e308)";
    if (value != 0.0)
        return {};
    // Zero is fine when it is written as zero; any other digit before the exponent means the
    // value underflowed to 0.
    for (char c : text) {
        if (c == 'e' || c == 'E')
            break;
        if (c >= '1' && c <= '9')
            return "the number " + std::string(text)
                   + " is too close to zero for a template number (a double) and would become 0";
    }
    return {};
}

bool needsQuotes(const std::string &text)
{
    try {
        if (!resolvePlain(text).is_string())
            return true;
    } catch (const std::range_error &) {
        return true; // "1e999" unquoted would be refused as a number
    }
    return isYaml11Boolean(text)
           || (mayBeNumeric(text) && looksLikeOtherNumberOrDate(text))
           || startsWithDocumentMarker(text);
}

} // namespace sc::scalars
