#include "model/rules/rulecontext.h"

#include "model/catalog/catalog.h"
#include "model/template/intrinsics.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace sc {

namespace {
// Most keys need no escaping: append them as they are rather than through a copy.
void appendToken(std::string &pointer, std::string_view key)
{
    pointer += '/';
    if (std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; }))
        pointer += key;
    else
        pointer += SourceMap::escape(key);
}

// A one-key object naming an intrinsic function ({"Condition": X} only with a name).
void noteCall(const Json &node, const std::string &pointer, std::vector<IntrinsicUse> &out)
{
    if (!node.is_object() || node.size() != 1)
        return;
    const std::string_view name = intrinsics::intrinsicName(node);
    if (!name.empty() && (name != "Condition" || node.begin()->is_string()))
        out.push_back({name, &node, pointer});
}

// Every validation walks the whole template (and an edit in the window starts one), so the walk
// goes through the containers themselves rather than through Json's iterators, and an array
// index is written without a string of its own.
void walk(const Json &node, std::string &pointer, std::vector<IntrinsicUse> &out)
{
    if (node.is_string()) {
        if (node.get_ref<const std::string &>().find("{{resolve:") != std::string::npos)
            out.push_back({"{{resolve", &node, pointer});
        return;
    }
    const std::size_t size = pointer.size();
    if (node.is_object()) {
        noteCall(node, pointer, out);
        for (const auto &[key, value] : node.get_ref<const Json::object_t &>()) {
            appendToken(pointer, key);
            walk(value, pointer, out);
            pointer.resize(size);
        }
    } else if (node.is_array()) {
        const auto &items = node.get_ref<const Json::array_t &>();
        char digits[24];
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto written = std::to_chars(digits, digits + sizeof digits, i);
            pointer += '/';
            pointer.append(digits, written.ptr);
            walk(items[i], pointer, out);
            pointer.resize(size);
        }
    }
}

const Json &emptyObject()
{
    static const Json empty = Json::object();
    return empty;
}
} // namespace

const Json *ResourceView::property(std::string_view name) const
{
    if (!properties || !properties->is_object())
        return nullptr;
    const auto it = properties->find(name);
    return it == properties->end() ? nullptr : &*it;
}

std::string ResourceView::propertyPointer(std::string_view name) const
{
    return pointer + "/Properties/" + SourceMap::escape(name);
}

const Json *ResourceView::attribute(std::string_view name) const
{
    if (!node || !node->is_object())
        return nullptr;
    const auto it = node->find(name);
    return it == node->end() ? nullptr : &*it;
}

namespace {

std::string currentDate()
{
    const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(day.year()), unsigned(day.month()), unsigned(day.day()));
    return text;
}

} // namespace

RuleContext::RuleContext(const Json &root, const SourceMap &positions, std::size_t templateBytes)
    : RuleContext(root, positions, templateBytes, {}, {})
{
}

RuleContext::RuleContext(const Json &root, const SourceMap &positions, std::size_t templateBytes,
                         ResourceReferences earlier, const std::set<std::string, std::less<>> &touched)
    : m_root(root)
    , m_positions(positions)
    , m_templateBytes(templateBytes)
    , m_today(currentDate())
{
    noteTransforms();
    indexResources();
    indexReferences(earlier, touched);
    indexIntrinsics(earlier, touched);
}

ResourceReferences RuleContext::takeResourceReferences()
{
    ResourceReferences out = std::move(m_references);
    m_references = {};
    out.intrinsics = std::move(m_intrinsics);
    out.intrinsicRanges = std::move(m_intrinsicsOf);
    m_intrinsics.clear();
    m_intrinsicsOf.clear();
    return out;
}

void RuleContext::noteTransforms()
{
    auto noteTransform = [this](const Json &t) {
        if (t.is_string()) {
            m_transform = true;
            if (t.get_ref<const std::string &>() == "AWS::Serverless-2016-10-31")
                m_sam = true;
        } else if (t.is_object()) {
            m_transform = true; // {"Name": "AWS::Include", ...}
        }
    };
    if (m_root.is_object() && m_root.contains("Transform")) {
        const Json &t = m_root["Transform"];
        if (t.is_array())
            for (const Json &item : t)
                noteTransform(item);
        else
            noteTransform(t);
    }
    if (m_sam) {
        for (const char *id : {"ServerlessRestApi", "ServerlessHttpApi", "ServerlessDeploymentApplication",
                               "CodeDeployServiceRole", "ServerlessRestApiDeployment",
                               "ServerlessRestApiProdStage", "ServerlessHttpApiApiGatewayDefaultStage"})
            m_samImplicit.insert(id);
    }
}

void RuleContext::indexResources()
{
    const Json &resources = section("Resources");
    const Catalog &catalog = Catalog::instance();
    m_resources.reserve(resources.size());
    m_index.reserve(resources.size());
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        // Fn::ForEach loops (AWS::LanguageExtensions) expand into resources at deploy time.
        // and Fn::Transform (AWS::Include) splices resources in.
        if (it.key().rfind("Fn::", 0) == 0)
            continue;
        ResourceView view;
        view.id = it.key();
        view.node = &*it;
        view.pointer = SourceMap::join("/Resources", it.key());
        view.properties = &emptyObject();
        if (it->is_object()) {
            const auto type = it->find("Type");
            if (type != it->end() && type->is_string())
                view.type = type->get<std::string>();
            const auto props = it->find("Properties");
            if (props != it->end() && props->is_object())
                view.properties = &*props;
        }
        if (!view.type.empty())
            view.spec = catalog.find(view.type);
        m_index.emplace(view.id, m_resources.size());
        m_byType[view.type].push_back(m_resources.size());
        m_resources.push_back(std::move(view));
    }
}

void RuleContext::indexReferences(ResourceReferences &earlier, const std::set<std::string, std::less<>> &touched)
{
    std::vector<Reference> &all = m_references.all;
    all.reserve(earlier.all.size());
    for (const ResourceView &r : m_resources) {
        if (!r.node->is_object())
            continue;
        const std::size_t begin = all.size();
        const auto kept = touched.count(r.id) ? earlier.ranges.end() : earlier.ranges.find(r.id);
        if (kept != earlier.ranges.end()) {
            const auto from = earlier.all.begin();
            std::move(from + static_cast<std::ptrdiff_t>(kept->second.first),
                      from + static_cast<std::ptrdiff_t>(kept->second.second), std::back_inserter(all));
        } else {
            std::vector<Reference> refs = resourceReferences(*r.node, r.id);
            std::move(refs.begin(), refs.end(), std::back_inserter(all));
        }
        m_references.ranges.emplace(r.id, std::pair(begin, all.size()));
    }
    for (const char *name : {"Outputs", "Conditions", "Rules", "Metadata", "Globals"}) {
        if (m_root.is_object() && m_root.contains(name))
            collectReferences(m_root[name], std::string("/") + name, m_otherReferences);
    }
    const Json &resources = section("Resources");
    for (auto it = resources.begin(); it != resources.end(); ++it)
        if (it.key().rfind("Fn::", 0) == 0)
            collectReferences(*it, SourceMap::join("/Resources", it.key()), m_loopReferences);
}

void RuleContext::indexIntrinsics(ResourceReferences &earlier, const std::set<std::string, std::less<>> &touched)
{
    std::string pointer;
    if (!m_root.is_object()) {
        walk(m_root, pointer, m_intrinsics);
        return;
    }
    // Section by section in document order, as walk() goes, each resource's calls taken over or
    // found again.
    m_intrinsics.reserve(earlier.intrinsics.size());
    noteCall(m_root, pointer, m_intrinsics);
    for (const auto &[section, value] : m_root.get_ref<const Json::object_t &>()) {
        pointer.clear();
        appendToken(pointer, section);
        if (section != "Resources" || !value.is_object()) {
            walk(value, pointer, m_intrinsics);
            continue;
        }
        noteCall(value, pointer, m_intrinsics);
        for (const auto &[id, entry] : value.get_ref<const Json::object_t &>()) {
            const std::size_t begin = m_intrinsics.size();
            // An entry that is itself a call may have moved with the entries around it.
            const bool retake = touched.count(id) || !entry.is_object() || intrinsics::isIntrinsic(entry);
            const auto kept = retake ? earlier.intrinsicRanges.end() : earlier.intrinsicRanges.find(id);
            if (kept != earlier.intrinsicRanges.end()) {
                const auto from = earlier.intrinsics.begin();
                std::move(from + static_cast<std::ptrdiff_t>(kept->second.first),
                          from + static_cast<std::ptrdiff_t>(kept->second.second), std::back_inserter(m_intrinsics));
            } else {
                const std::size_t size = pointer.size();
                appendToken(pointer, id);
                walk(entry, pointer, m_intrinsics);
                pointer.resize(size);
            }
            // Kept when empty too: a resource without calls is not walked again either.
            m_intrinsicsOf.emplace(id, std::pair(begin, m_intrinsics.size()));
        }
    }
}

void RuleContext::setFocus(const std::set<std::string, std::less<>> *ids)
{
    m_derived.clear();
    m_focus = ids;
    m_focused.clear();
    m_focusedIntrinsics.clear();
    if (!ids)
        return;
    for (const ResourceView &r : m_resources) {
        if (ids->count(r.id))
            m_focused.push_back(r);
    }
    // Uses stay in document order: resources' ranges in template order.
    for (const ResourceView &r : m_focused) {
        if (const auto it = m_intrinsicsOf.find(r.id); it != m_intrinsicsOf.end())
            m_focusedIntrinsics.insert(m_focusedIntrinsics.end(), m_intrinsics.begin() + static_cast<std::ptrdiff_t>(it->second.first),
                                       m_intrinsics.begin() + static_cast<std::ptrdiff_t>(it->second.second));
    }
}

const Json &RuleContext::section(std::string_view name) const
{
    if (!m_root.is_object())
        return emptyObject();
    const auto it = m_root.find(name);
    return it != m_root.end() && it->is_object() ? *it : emptyObject();
}

const ResourceView *RuleContext::resource(std::string_view id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &m_resources[it->second];
}

std::vector<const ResourceView *> RuleContext::ofType(std::string_view type) const
{
    std::vector<const ResourceView *> out;
    const auto it = m_byType.find(type);
    if (it == m_byType.end())
        return out;
    if (m_focus) {
        for (const ResourceView &r : m_focused)
            if (r.type == type)
                out.push_back(&r);
        return out;
    }
    for (std::size_t i : it->second)
        out.push_back(&m_resources[i]);
    return out;
}

bool RuleContext::isParameter(std::string_view name) const
{
    return section("Parameters").contains(name);
}

bool RuleContext::isCondition(std::string_view name) const
{
    return section("Conditions").contains(name);
}

bool RuleContext::isSamImplicit(std::string_view name) const
{
    if (!m_sam)
        return false;
    if (m_samImplicit.count(name))
        return true;
    // <Fn>Role, <Fn>.Version, <Fn>.Alias, <Fn>Alias<name>, <Api>.Stage, <Fn><Event>Permission ...
    for (const ResourceView &r : m_resources) {
        if (r.type.rfind("AWS::Serverless::", 0) == 0 && name.size() > r.id.size()
            && name.substr(0, r.id.size()) == r.id)
            return true;
    }
    return false;
}

bool RuleContext::isRefTarget(std::string_view name) const
{
    return resource(name) || isParameter(name) || intrinsics::isPseudoParameter(name)
           || isSamImplicit(name);
}

std::span<const Reference> RuleContext::referencesFrom(std::string_view id) const
{
    const auto it = m_references.ranges.find(id);
    if (it == m_references.ranges.end())
        return {};
    return std::span<const Reference>(m_references.all).subspan(it->second.first, it->second.second - it->second.first);
}

std::vector<const Reference *> RuleContext::referencesTo(std::string_view id) const
{
    std::vector<const Reference *> out;
    for (const Reference &r : m_references.all)
        if (r.target == id)
            out.push_back(&r);
    for (const Reference &r : m_otherReferences)
        if (r.target == id)
            out.push_back(&r);
    return out;
}

} // namespace sc
