#include "model/template/sourcemap.h"

namespace sc {

SourceMap SourceMap::onDemand(std::function<SourceMap()> fill)
{
    SourceMap map;
    map.m_pending = std::make_shared<Pending>();
    map.m_pending->fill = std::move(fill);
    return map;
}

const SourceMap::Table &SourceMap::table() const
{
    if (!m_pending)
        return m_positions;
    Pending &pending = *m_pending;
    std::call_once(pending.once, [&pending] {
        SourceMap filled = pending.fill();
        pending.positions = std::move(filled.own());
        pending.fill = nullptr;
        pending.filled = true;
    });
    return pending.positions;
}

SourceMap::Table &SourceMap::own()
{
    if (m_pending) {
        m_positions = table();
        m_pending.reset();
    }
    return m_positions;
}

bool SourceMap::isPending() const
{
    return m_pending && !m_pending->filled;
}

SourcePos SourceMap::exact(std::string_view pointer) const
{
    const Table &positions = table();
    auto it = positions.find(std::string(pointer));
    return it == positions.end() ? SourcePos{} : it->second;
}

SourcePos SourceMap::find(std::string_view pointer) const
{
    const Table &positions = table();
    std::string p(pointer);
    while (true) {
        if (auto it = positions.find(p); it != positions.end())
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
