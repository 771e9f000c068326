#pragma once
// The one tree every layer shares: a CloudFormation template as an ordered JSON value with
// intrinsic functions in their long form ({"Ref": "X"}, {"Fn::GetAtt": ["A", "B"]}).
// A YAML tag that CloudFormation does not define is kept as a one-key object whose key is the
// tag itself ({"!Foo": value}) so that it survives every conversion and is written back.

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

using Json = nlohmann::ordered_json;

// The string member `key` of `object`, or `fallback` when `object` is not an object or the member
// is missing or not a string. Json::value() throws on a member of another type, and a template
// may hold anything anywhere ("Type: {a: 1}").
inline std::string stringMember(const Json &object, const char *key, std::string fallback = {})
{
    if (!object.is_object())
        return fallback;
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

} // namespace sc
