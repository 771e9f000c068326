#include "model/rules/rule.h"

#include "model/rules/rulecontext.h"

namespace sc {

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    }
    return "error";
}

std::optional<Severity> parseSeverity(std::string_view name)
{
    if (name == "error")
        return Severity::Error;
    if (name == "warning")
        return Severity::Warning;
    if (name == "info")
        return Severity::Info;
    return std::nullopt;
}

void FindingList::add(std::string pointer, std::string message, std::optional<Fix> fix)
{
    Finding f;
    f.path = std::move(pointer);
    f.message = std::move(message);
    f.fix = std::move(fix);
    m_items.push_back(std::move(f));
}

Severity Rule::severity() const
{
    switch (id.empty() ? 'E' : id.front()) {
    case 'W': return Severity::Warning;
    case 'I': return Severity::Info;
    default: return Severity::Error;
    }
}

std::vector<Finding> Rule::run(const RuleContext &context) const
{
    FindingList list;
    check(context, list);
    std::vector<Finding> out = std::move(list.items());
    const Severity s = severity();
    for (Finding &f : out) {
        f.ruleId = id;
        f.severity = s;
        // "/Resources/<id>/..." names the resource; other sections have no logical ID.
        constexpr std::string_view prefix = "/Resources/";
        if (f.path.rfind(prefix, 0) == 0) {
            const std::size_t end = f.path.find('/', prefix.size());
            std::string token = f.path.substr(prefix.size(), end == std::string::npos ? std::string::npos
                                                                                       : end - prefix.size());
            std::string unescaped;
            for (std::size_t i = 0; i < token.size(); ++i) {
                if (token[i] == '~' && i + 1 < token.size()) {
                    unescaped += token[i + 1] == '1' ? '/' : '~';
                    ++i;
                } else {
                    unescaped += token[i];
                }
            }
            f.logicalId = std::move(unescaped);
        }
        const SourcePos pos = context.positions().find(f.path);
        f.line = pos.line;
        f.column = pos.column;
    }
    return out;
}

} // namespace sc
