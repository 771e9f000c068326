#include "model/template/templatewriter.h"

#include "model/template/intrinsics.h"
#include "model/template/scalars.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

#include <algorithm>

namespace sc {

namespace {

// A literal block reads back exactly only for plain multi-line text: no leading space on the
// first line, no trailing spaces or tabs, no carriage returns or other control characters.
bool fitsLiteralBlock(const std::string &s)
{
    if (s.find('\n') == std::string::npos || s.front() == ' ' || s.front() == '\n')
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n') {
            if (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
                return false;
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            return false;
    }
    // The emitter writes "|" (clip chomping): the text must end in exactly one newline.
    return s.back() == '\n' && !(s.size() >= 2 && s[s.size() - 2] == '\n');
}

bool isPrintableAscii(const std::string &s)
{
    for (unsigned char c : s) {
        if (c < 0x20 || c >= 0x7F)
            return false;
    }
    return true;
}

// Control characters (C0, DEL, C1) are not printable in YAML: only a double-quoted escape
// carries them.
bool needsDoubleQuotes(const std::string &s)
{
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F)
            return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F)
            return true;
    }
    return false;
}

enum class StringStyle { Plain, SingleQuoted, DoubleQuoted, EscapedDoubleQuoted, Literal };

// One style per scalar, decided here; `literalAllowed` is false where yaml-cpp would not read a
// literal block back (see Slot).
StringStyle chooseStringStyle(const std::string &s, bool flow, bool literalAllowed)
{
    if (s.empty())
        return StringStyle::SingleQuoted;
    if (!flow && literalAllowed && fitsLiteralBlock(s))
        return StringStyle::Literal;
    if (needsDoubleQuotes(s))
        return StringStyle::EscapedDoubleQuoted;
    if (scalars::needsQuotes(s))
        return isPrintableAscii(s) ? StringStyle::SingleQuoted : StringStyle::DoubleQuoted;
    return StringStyle::Plain;
}

void emitString(YAML::Emitter &out, const std::string &s, StringStyle style)
{
    // One style manipulator per scalar at most: a second one leaks into later scalars.
    switch (style) {
    case StringStyle::Plain:
        out << s;
        break;
    case StringStyle::SingleQuoted:
        out << YAML::SingleQuoted << s;
        break;
    case StringStyle::DoubleQuoted:
        out << YAML::DoubleQuoted << s;
        break;
    case StringStyle::EscapedDoubleQuoted:
        // yaml-cpp escapes C0 controls by itself; DEL and C1 only when escaping non-ASCII
        // (a charset setting for this scalar alone, not a second string format).
        out << YAML::EscapeNonAscii << YAML::DoubleQuoted << s;
        break;
    case StringStyle::Literal:
        out << YAML::Literal << s;
        break;
    }
}

constexpr std::size_t implicitKeyLimit = 1024;

// yaml-cpp makes a key explicit ("? key") by itself when it is a literal block or longer than
// YAML's limit for an implicit key before escaping.
bool emitterMakesKeyExplicit(const std::string &key, StringStyle style)
{
    return style == StringStyle::Literal || key.size() > implicitKeyLimit;
}

// YAML reads an implicit key of at most 1024 characters as written, escapes and quotes included:
// a key that escaping takes past the limit must be made explicit by us.
bool escapesMakeKeyTooLong(const std::string &key, StringStyle style)
{
    // An escape spells one byte in at most four characters ("\x7F"), plus two quotes.
    if (key.size() * 4 + 2 <= implicitKeyLimit)
        return false;
    YAML::Emitter probe;
    probe.SetOutputCharset(YAML::EmitNonAscii);
    emitString(probe, key, style);
    return probe.size() > implicitKeyLimit;
}

// Where a node is written. yaml-cpp reads a tagged literal block ("!Sub |") back only as the
// value of an implicit key: after "- " or after an explicit key's ": " it takes the block's
// lines, indented as the entry itself, for the end of the collection.
enum class Slot { ImplicitKeyValue, Other };

class YamlWriter {
public:
    explicit YamlWriter(int indent = 2, bool flow = false)
        : m_flow(flow)
    {
        m_out.SetIndent(static_cast<std::size_t>(std::max(indent, 2)));
        m_out.SetMapFormat(flow ? YAML::Flow : YAML::Block);
        m_out.SetSeqFormat(flow ? YAML::Flow : YAML::Block);
        m_out.SetOutputCharset(YAML::EmitNonAscii);
    }

    std::string run(const Json &root)
    {
        write(root);
        std::string text = m_out.c_str();
        text += '\n';
        return text;
    }

private:
    void write(const Json &node, Slot slot = Slot::Other)
    {
        switch (node.type()) {
        case Json::value_t::object:
            writeObject(node, slot);
            break;
        case Json::value_t::array:
            m_out << YAML::BeginSeq;
            for (const Json &item : node)
                write(item);
            m_out << YAML::EndSeq;
            break;
        case Json::value_t::string:
            writeString(node.get_ref<const std::string &>(), true);
            break;
        case Json::value_t::boolean:
            m_out << (node.get<bool>() ? "true" : "false");
            break;
        case Json::value_t::null:
            m_out << YAML::Null;
            break;
        default:
            // Numbers as JSON spells them: the shortest text that reads back exactly.
            m_out << node.dump();
            break;
        }
    }

    void writeObject(const Json &node, Slot slot)
    {
        if (node.size() == 1 && writeTagged(node.begin().key(), node.begin().value(), slot))
            return;
        m_out << YAML::BeginMap;
        for (const auto &[key, value] : node.items()) {
            const StringStyle style = chooseStringStyle(key, m_flow, true);
            // yaml-cpp restores a setting changed twice for one scalar to the first change, not
            // to what it was: a LongKey of ours on a key it makes explicit itself would make
            // every later key in the document explicit.
            const bool explicitKey = emitterMakesKeyExplicit(key, style);
            const bool forceExplicit = !explicitKey && escapesMakeKeyTooLong(key, style);
            m_out << YAML::Key;
            if (forceExplicit)
                m_out << YAML::LongKey;
            emitString(m_out, key, style);
            m_out << YAML::Value;
            write(value, explicitKey || forceExplicit || m_flow ? Slot::Other : Slot::ImplicitKeyValue);
        }
        m_out << YAML::EndMap;
    }

    // Writes {"Fn::X": v} as "!X v" (and {"!Tag": v} as "!Tag v"); false when the long form
    // must stay: YAML cannot put two tags on one node ("!Base64 !Sub ..."), and a tagged
    // scalar cannot be anything but a string.
    bool writeTagged(const std::string &key, const Json &value, Slot slot)
    {
        const bool preserved = intrinsics::isTagName(key);
        const std::string_view shortName = preserved ? std::string_view{} : intrinsics::tagForLongName(key);
        if (!preserved && shortName.empty())
            return false;
        if (value.is_object() && value.size() == 1
            && (intrinsics::isIntrinsic(value) || intrinsics::isPreservedTag(value)))
            return false;
        // Under a tag a scalar always reads back as text ("!GetAZs ~" is the string "~",
        // "!Length 5" the string "5"): null, booleans and numbers keep the long form.
        if (value.is_primitive() && !value.is_string())
            return false;
        // "Fn::GetAtt: A.B" as a string would read back as the list form from "!GetAtt A.B".
        if (key == "Fn::GetAtt" && value.is_string())
            return false;
        if (preserved) {
            if (key.rfind("!!", 0) == 0)
                m_out << YAML::SecondaryTag(key.substr(2));
            else
                m_out << YAML::LocalTag(key.substr(1));
        } else {
            m_out << YAML::LocalTag(std::string(shortName));
        }
        if (key == "Fn::GetAtt" && value.is_array() && value.size() == 2 && value[0].is_string()
            && value[1].is_string()) {
            const std::string &resource = value[0].get_ref<const std::string &>();
            if (resource.find('.') == std::string::npos) {
                writeString(resource + '.' + value[1].get<std::string>(), false);
                return true;
            }
        }
        if (value.is_string())
            writeString(value.get_ref<const std::string &>(), slot == Slot::ImplicitKeyValue);
        else
            write(value);
        return true;
    }

    void writeString(const std::string &s, bool literalAllowed)
    {
        emitString(m_out, s, chooseStringStyle(s, m_flow, literalAllowed));
    }

    YAML::Emitter m_out;
    bool m_flow;
};

} // namespace

std::string writeYaml(const Json &root)
{
    return YamlWriter().run(root);
}

std::string writeYamlFragment(const Json &value, int indent, bool flow)
{
    std::string text = YamlWriter(indent, flow).run(value);
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

std::string writeJson(const Json &root)
{
    return root.dump(2, ' ', false, Json::error_handler_t::strict) + '\n';
}

} // namespace sc
