#include "model/template/references.h"

#include "model/template/intrinsics.h"
#include "model/template/sourcemap.h"

#include <unordered_set>

namespace sc {

namespace {

void splitTargetAttribute(const std::string &variable, std::string &target, std::string &attribute)
{
    const std::size_t dot = variable.find('.');
    target = variable.substr(0, dot);
    attribute = dot == std::string::npos ? std::string() : variable.substr(dot + 1);
}

// The walk keeps one pointer, each level appending its token and cutting it off again, and
// copies it only into a reference found: most nodes hold none.
void collect(const Json &node, std::string &pointer, std::vector<Reference> &out);

// Runs `f` with `token` appended to `pointer`, then cuts it off again.
template <class F>
void below(std::string &pointer, std::string_view token, F &&f)
{
    const std::size_t size = pointer.size();
    SourceMap::append(pointer, token);
    f();
    pointer.resize(size);
}

void collectSub(const Json &argument, std::string &pointer, std::vector<Reference> &out)
{
    const Json *text = &argument;
    std::unordered_set<std::string_view> locals;
    if (argument.is_array() && !argument.empty()) {
        text = &argument[0];
        if (argument.size() > 1 && argument[1].is_object()) {
            below(pointer, "1", [&] {
                for (auto it = argument[1].begin(); it != argument[1].end(); ++it) {
                    locals.insert(it.key());
                    below(pointer, it.key(), [&] { collect(it.value(), pointer, out); });
                }
            });
        }
    }
    if (!text->is_string())
        return;
    for (const intrinsics::SubPart &part : intrinsics::parseSub(text->get_ref<const std::string &>())) {
        if (part.kind != intrinsics::SubPart::Kind::Variable || locals.count(part.text))
            continue;
        Reference ref;
        ref.kind = Reference::Kind::Sub;
        splitTargetAttribute(part.text, ref.target, ref.attribute);
        ref.pointer = pointer;
        out.push_back(std::move(ref));
    }
}

void collect(const Json &node, std::string &pointer, std::vector<Reference> &out)
{
    if (node.is_array()) {
        std::size_t i = 0;
        for (const Json &item : node)
            below(pointer, std::to_string(i++), [&] { collect(item, pointer, out); });
        return;
    }
    if (!node.is_object())
        return;
    if (node.size() == 1) {
        const std::string &key = node.begin().key();
        const Json &argument = node.begin().value();
        if (key == "Ref" && argument.is_string()) {
            out.push_back({Reference::Kind::Ref, argument.get<std::string>(), {}, pointer});
            return;
        }
        if (key == "Fn::GetAtt") {
            Reference ref{Reference::Kind::GetAtt, {}, {}, pointer};
            if (argument.is_string()) {
                splitTargetAttribute(argument.get<std::string>(), ref.target, ref.attribute);
            } else if (argument.is_array() && !argument.empty() && argument[0].is_string()) {
                ref.target = argument[0].get<std::string>();
                if (argument.size() > 1 && argument[1].is_string())
                    ref.attribute = argument[1].get<std::string>();
                else if (argument.size() > 1)
                    below(pointer, key, [&] { below(pointer, "1", [&] { collect(argument[1], pointer, out); }); });
            }
            if (!ref.target.empty())
                out.push_back(std::move(ref));
            return;
        }
        if (key == "Fn::Sub") {
            below(pointer, key, [&] { collectSub(argument, pointer, out); });
            return;
        }
    }
    for (auto it = node.begin(); it != node.end(); ++it)
        below(pointer, it.key(), [&] { collect(it.value(), pointer, out); });
}

} // namespace

void collectReferences(const Json &node, const std::string &pointer, std::vector<Reference> &out)
{
    std::string walked = pointer;
    walked.reserve(pointer.size() + 128);
    collect(node, walked, out);
}

std::vector<Reference> resourceReferences(const Json &resource, const std::string &logicalId)
{
    std::vector<Reference> out;
    if (!resource.is_object())
        return out;
    const std::string base = SourceMap::join("/Resources", logicalId);
    for (const auto &[key, value] : resource.items()) {
        const std::string pointer = SourceMap::join(base, key);
        if (key == "DependsOn") {
            if (value.is_string()) {
                out.push_back({Reference::Kind::DependsOn, value.get<std::string>(), {}, pointer});
            } else if (value.is_array()) {
                std::size_t i = 0;
                for (const Json &item : value) {
                    if (item.is_string())
                        out.push_back({Reference::Kind::DependsOn, item.get<std::string>(), {},
                                       pointer + '/' + std::to_string(i)});
                    ++i;
                }
            }
        } else if (key != "Type" && key != "Condition" && key != "DeletionPolicy"
                   && key != "UpdateReplacePolicy") {
            collectReferences(value, pointer, out);
        }
    }
    return out;
}

namespace {

bool renameInSub(Json &argument, const std::string &from, const std::string &to)
{
    Json *text = &argument;
    std::unordered_set<std::string> locals;
    bool changed = false;
    if (argument.is_array() && !argument.empty()) {
        text = &argument[0];
        if (argument.size() > 1 && argument[1].is_object()) {
            for (auto &[name, value] : argument[1].items()) {
                locals.insert(name);
                changed |= renameReferences(value, from, to);
            }
        }
    }
    if (!text->is_string() || locals.count(from))
        return changed;
    auto parts = intrinsics::parseSub(text->get_ref<const std::string &>());
    bool textChanged = false;
    for (auto &part : parts) {
        if (part.kind != intrinsics::SubPart::Kind::Variable)
            continue;
        std::string target, attribute;
        splitTargetAttribute(part.text, target, attribute);
        if (target == from) {
            part.text = attribute.empty() ? to : to + '.' + attribute;
            textChanged = true;
        }
    }
    if (textChanged)
        *text = intrinsics::formatSub(parts);
    return changed || textChanged;
}

} // namespace

bool renameReferences(Json &node, const std::string &from, const std::string &to)
{
    bool changed = false;
    if (node.is_array()) {
        for (Json &item : node)
            changed |= renameReferences(item, from, to);
        return changed;
    }
    if (!node.is_object())
        return false;
    if (node.size() == 1) {
        const std::string key = node.begin().key();
        Json &argument = node.begin().value();
        if (key == "Ref" && argument.is_string()) {
            if (argument.get<std::string>() != from)
                return false;
            argument = to;
            return true;
        }
        if (key == "Fn::GetAtt") {
            if (argument.is_string()) {
                const std::string s = argument.get<std::string>();
                if (s.rfind(from + '.', 0) == 0) {
                    argument = to + s.substr(from.size());
                    return true;
                }
                return false;
            }
            if (argument.is_array() && !argument.empty() && argument[0] == from) {
                argument[0] = to;
                changed = true;
            }
            if (argument.is_array() && argument.size() > 1)
                changed |= renameReferences(argument[1], from, to);
            return changed;
        }
        if (key == "Fn::Sub")
            return renameInSub(argument, from, to);
    }
    for (auto &[key, value] : node.items())
        changed |= renameReferences(value, from, to);
    return changed;
}

bool renameDependsOn(Json &resource, const std::string &from, const std::string &to)
{
    if (!resource.is_object() || !resource.contains("DependsOn"))
        return false;
    Json &dependsOn = resource["DependsOn"];
    bool changed = false;
    if (dependsOn.is_string() && dependsOn == from) {
        dependsOn = to;
        changed = true;
    } else if (dependsOn.is_array()) {
        for (Json &item : dependsOn) {
            if (item == from) {
                item = to;
                changed = true;
            }
        }
    }
    return changed;
}

} // namespace sc
