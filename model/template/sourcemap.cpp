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

std::string SourceMap::escape(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string SourceMap::join(std::string_view parent, std::string_view token)
{
    std::string out(parent);
    out += '/';
    out += escape(token);
    return out;
}

} // namespace sc
