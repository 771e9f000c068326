#include "model/template/sourcemap.h"

namespace sc {

SourcePos SourceMap::exact(std::string_view pointer) const
{
    auto it = m_positions.find(std::string(pointer));
    return it == m_positions.end() ? SourcePos{} : it->second;
}

SourcePos SourceMap::find(std::string_view pointer) const
{
    std::string p(pointer);
    while (true) {
        if (auto it = m_positions.find(p); it != m_positions.end())
            return it->second;
        if (p.empty())
            return {};
        p.resize(p.rfind('/'));
    }
}

namespace {

// Appends `token` escaped: the runs between "~" and "/" (most tokens have neither) go in as
// one copy each.
void appendEscaped(std::string &out, std::string_view token)
{
    std::size_t from = 0;
    for (std::size_t at = 0; at < token.size(); ++at) {
        if (token[at] != '~' && token[at] != '/')
            continue;
        out.append(token, from, at - from);
        out += token[at] == '~' ? "~0" : "~1";
        from = at + 1;
    }
    out.append(token, from);
}

} // namespace

std::string SourceMap::escape(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    appendEscaped(out, token);
    return out;
}

std::string SourceMap::join(std::string_view parent, std::string_view token)
{
    std::string out;
    out.reserve(parent.size() + 1 + token.size());
    out.append(parent);
    out += '/';
    appendEscaped(out, token);
    return out;
}

void SourceMap::append(std::string &pointer, std::string_view token)
{
    pointer += '/';
    appendEscaped(pointer, token);
}

} // namespace sc
