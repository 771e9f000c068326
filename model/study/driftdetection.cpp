#include "model/study/driftdetection.h"

#include "model/study/resourcesupport.h"
#include "model/study/whatiftext.h"
#include "model/template/intrinsics.h"

#include <stdexcept>

namespace sc {

namespace {

std::string escapeToken(const std::string &token)
{
    std::string out;
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

bool holdsDynamicReference(const Json &value)
{
    if (value.is_string())
        return value.get<std::string>().find("{{resolve:") != std::string::npos;
    if (value.is_structured()) {
        for (const Json &item : value)
            if (holdsDynamicReference(item))
                return true;
    }
    return false;
}

// CloudFormation takes "20" and 20 for the same number: compare scalars by their text.
bool sameScalar(const Json &a, const Json &b)
{
    if (a == b)
        return true;
    const auto text = [](const Json &v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    return !a.is_structured() && !b.is_structured() && !a.is_null() && !b.is_null() && text(a) == text(b);
}

void compare(const Json &expected, const Json &actual, const std::string &path, std::vector<PropertyDifference> &out)
{
    if (holdsDynamicReference(expected))
        return; // dynamic references are not checked for drift
    if (expected.is_object() && !intrinsics::isIntrinsic(expected)) {
        if (!actual.is_object()) {
            out.push_back({path, "NOT_EQUAL", expected, actual});
            return;
        }
        for (const auto &[key, value] : expected.items()) {
            const std::string child = path + "/" + escapeToken(key);
            if (!actual.contains(key)) {
                if (!holdsDynamicReference(value))
                    out.push_back({child, "REMOVE", value, nullptr});
            } else {
                compare(value, actual[key], child, out);
            }
        }
        return;
    }
    if (expected.is_array()) {
        if (!actual.is_array()) {
            out.push_back({path, "NOT_EQUAL", expected, actual});
            return;
        }
        const std::size_t common = std::min(expected.size(), actual.size());
        for (std::size_t i = 0; i < common; ++i)
            compare(expected[i], actual[i], path + "/" + std::to_string(i), out);
        for (std::size_t i = common; i < expected.size(); ++i)
            out.push_back({path + "/" + std::to_string(i), "REMOVE", expected[i], nullptr});
        for (std::size_t i = common; i < actual.size(); ++i)
            out.push_back({path + "/" + std::to_string(i), "ADD", nullptr, actual[i]});
        return;
    }
    if (!sameScalar(expected, actual))
        out.push_back({path, "NOT_EQUAL", expected, actual});
}

const Json *resourceOf(const Json &root, const std::string &id)
{
    const auto resources = root.find("Resources");
    if (resources == root.end() || !resources->is_object())
        return nullptr;
    const auto it = resources->find(id);
    return it != resources->end() && it->is_object() ? &*it : nullptr;
}

std::vector<std::string> splitPath(const std::string &text)
{
    std::vector<std::string> parts;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t dot = std::min(text.find('.', from), text.size());
        parts.push_back(text.substr(from, dot - from));
        from = dot + 1;
    }
    for (const auto &p : parts) {
        if (p.empty())
            throw std::invalid_argument("\"" + text + "\" has an empty name between dots");
    }
    return parts;
}

bool isIndex(const std::string &token)
{
    return !token.empty() && token.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

DriftResult detectDrift(const Json &expected, const Json &live)
{
    DriftResult result;
    result.stackStatus = "IN_SYNC";
    const auto resources = expected.find("Resources");
    if (resources == expected.end() || !resources->is_object())
        return result;
    for (const auto &[id, resource] : resources->items()) {
        if (!resource.is_object())
            continue;
        ResourceDrift drift;
        drift.logicalId = id;
        drift.type = stringMember(resource, "Type");
        const ResourceSupport support = driftSupport(drift.type);
        const Json *actual = resourceOf(live, id);
        if (support.support != Support::Supported) {
            drift.status = "NOT_CHECKED";
            drift.reason = support.reason;
        } else if (!actual) {
            drift.status = "DELETED";
            drift.reason = "the resource no longer exists";
        } else {
            const Json props = resource.value("Properties", Json::object());
            const Json liveProps = actual->value("Properties", Json::object());
            compare(props, liveProps, "", drift.differences);
            drift.status = drift.differences.empty() ? "IN_SYNC" : "MODIFIED";
            drift.reason = drift.differences.empty()
                               ? "every property the template sets has its expected value"
                               : std::to_string(drift.differences.size()) + " property difference(s)";
        }
        if (drift.status == "MODIFIED" || drift.status == "DELETED")
            result.stackStatus = "DRIFTED";
        result.resources.push_back(std::move(drift));
    }
    return result;
}

LiveEdit LiveEdit::parseSet(const std::string &text)
{
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0)
        throw std::invalid_argument("--set takes ID.PROPERTY[.SUB...]=JSON, not \"" + text + "\"");
    LiveEdit edit;
    auto parts = splitPath(text.substr(0, eq));
    if (parts.size() < 2)
        throw std::invalid_argument("--set needs a property after the logical ID: \"" + text + "\"");
    edit.logicalId = parts.front();
    edit.path.assign(parts.begin() + 1, parts.end());
    const std::string value = text.substr(eq + 1);
    edit.value = Json::parse(value, nullptr, false);
    if (edit.value.is_discarded())
        edit.value = value; // a bare word is a string
    return edit;
}

LiveEdit LiveEdit::parseRemove(const std::string &text)
{
    LiveEdit edit;
    edit.kind = Kind::Remove;
    auto parts = splitPath(text);
    if (parts.size() < 2)
        throw std::invalid_argument("--unset takes ID.PROPERTY[.SUB...], not \"" + text + "\"");
    edit.logicalId = parts.front();
    edit.path.assign(parts.begin() + 1, parts.end());
    return edit;
}

LiveEdit LiveEdit::parseDelete(const std::string &text)
{
    LiveEdit edit;
    edit.kind = Kind::DeleteResource;
    if (text.empty() || text.find('.') != std::string::npos)
        throw std::invalid_argument("--delete takes a logical ID, not \"" + text + "\"");
    edit.logicalId = text;
    return edit;
}

void applyLiveEdit(Json &live, const LiveEdit &edit)
{
    if (!resourceOf(live, edit.logicalId))
        throw std::invalid_argument("the live copy has no resource '" + edit.logicalId + "'");
    Json &resource = live["Resources"][edit.logicalId];
    if (edit.kind == LiveEdit::Kind::DeleteResource) {
        live["Resources"].erase(edit.logicalId);
        return;
    }
    if (!resource.contains("Properties") || !resource["Properties"].is_object())
        resource["Properties"] = Json::object();
    Json *node = &resource["Properties"];
    for (std::size_t i = 0; i + 1 < edit.path.size(); ++i) {
        const std::string &token = edit.path[i];
        if (node->is_array() && isIndex(token) && std::stoul(token) < node->size())
            node = &(*node)[std::stoul(token)];
        else if (node->is_object() && node->contains(token))
            node = &(*node)[token];
        else
            throw std::invalid_argument("'" + edit.logicalId + "' has no property " + token + " in its live copy");
    }
    const std::string &last = edit.path.back();
    if (edit.kind == LiveEdit::Kind::Remove) {
        if (node->is_array() && isIndex(last) && std::stoul(last) < node->size())
            node->erase(std::stoul(last));
        else if (node->is_object() && node->contains(last))
            node->erase(last);
        else
            throw std::invalid_argument("'" + edit.logicalId + "' has no property " + last + " to remove");
        return;
    }
    if (node->is_array() && isIndex(last)) {
        const std::size_t index = std::stoul(last);
        if (index < node->size())
            (*node)[index] = edit.value;
        else if (index == node->size())
            node->push_back(edit.value);
        else
            throw std::invalid_argument("list item " + last + " is past the end of its list");
    } else if (node->is_object()) {
        (*node)[last] = edit.value;
    } else {
        throw std::invalid_argument("'" + edit.logicalId + "': " + last + " is not inside an object or a list");
    }
}

Json driftResultToJson(const DriftResult &r)
{
    Json resources = Json::array();
    for (const auto &d : r.resources) {
        Json diffs = Json::array();
        for (const auto &p : d.differences) {
            diffs.push_back({{"propertyPath", p.path},
                             {"differenceType", p.type},
                             {"expectedValue", p.expected},
                             {"actualValue", p.actual}});
        }
        resources.push_back({{"logicalId", d.logicalId},
                             {"type", d.type},
                             {"status", d.status},
                             {"reason", d.reason},
                             {"differences", std::move(diffs)}});
    }
    return {{"stackDriftStatus", r.stackStatus}, {"resources", std::move(resources)}};
}

std::string driftResultToText(const DriftResult &r)
{
    std::string out = "Stack drift status: " + r.stackStatus + "\n\n";
    std::vector<std::vector<std::string>> rows{{"resource", "type", "status", "why"}};
    for (const auto &d : r.resources)
        rows.push_back({d.logicalId, d.type, d.status, d.reason});
    out += whatiftext::table(rows);
    for (const auto &d : r.resources) {
        if (d.differences.empty())
            continue;
        out += "\n" + d.logicalId + ":\n";
        std::vector<std::vector<std::string>> diffs{{"  property", "difference", "expected", "actual"}};
        for (const auto &p : d.differences) {
            diffs.push_back({"  " + p.path, p.type, p.expected.is_null() ? "-" : p.expected.dump(),
                             p.actual.is_null() ? "-" : p.actual.dump()});
        }
        out += whatiftext::table(diffs);
    }
    return out;
}

} // namespace sc
