#pragma once
// Read-only questions about a template tree that the scenario builder asks: a resource and its
// properties, which resource a Ref or GetAtt points at, and the value of a property when it is
// a literal or a Ref to a parameter with a Default. Anything that cannot be known before the
// stack is deployed (an import, a condition) gives no value rather than a guess.

#include "model/template/json.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

class TemplateLookup {
public:
    explicit TemplateLookup(const Json &root);

    const Json *resource(const std::string &logicalId) const;
    std::string type(const std::string &logicalId) const; // empty when absent
    const Json *property(const std::string &logicalId, const std::string &name) const;
    std::vector<std::string> resourcesOfType(const std::string &type) const;

    // The logical ID a {"Ref": X} or {"Fn::GetAtt": [X, ...]} names (X must be a resource).
    std::optional<std::string> referencedResource(const Json &value) const;
    // Whether `value` mentions the resource anywhere (Ref, GetAtt, ${X} in Fn::Sub).
    bool mentions(const Json &value, const std::string &logicalId) const;

    std::optional<long long> integer(const Json *value) const;
    std::optional<double> number(const Json *value) const; // 0.5, "256", 10
    // The member `key` of an object, or null (also when `object` is null or not an object).
    static const Json *child(const Json *object, const char *key);
    std::optional<std::string> string(const Json *value) const;
    std::optional<bool> boolean(const Json *value) const;

private:
    const Json *parameterDefault(const Json &value) const;

    const Json &m_root;
};

} // namespace sc
