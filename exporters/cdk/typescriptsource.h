#pragma once
// Exact TypeScript spelling of values and names for the cdk-ts exporter: string literals that no
// input can break out of or change, object keys, and variable names that cannot collide with
// each other, with module aliases or with the language's reserved words.

#include "model/template/json.h"

#include <set>
#include <string>
#include <string_view>

namespace sc::ts {

// A single-quoted literal whose value is exactly `utf8`: quotes, backslashes, line breaks,
// control and invisible characters (U+2028/2029, bidi controls, BOM) are escaped; other
// printable Unicode is kept as is so text stays readable.
std::string stringLiteral(std::string_view utf8);
// An object key: bare when it is a plain identifier, quoted otherwise; "__proto__" as a
// computed key, since a literal "__proto__" key would set the prototype instead.
std::string objectKey(std::string_view key);
// A number as written in the JSON tree (integers stay integers).
std::string numberLiteral(const Json &number);
bool isIdentifier(std::string_view name);
bool isReservedWord(std::string_view name);
// "MyBucket" -> "myBucket", "VPC" -> "vpc", "DBSubnetGroup" -> "dbSubnetGroup", "3rd" -> "_3rd".
std::string camelVariable(std::string_view logicalId);
// One addOverride path segment: dots and backslashes escaped as CDK's splitOnPeriods expects.
std::string overrideSegment(std::string_view key);

// Hands out names that are unique within one generated file.
class NameAllocator {
public:
    NameAllocator();
    void reserve(const std::string &name) { m_used.insert(name); }
    bool isUsed(const std::string &name) const { return m_used.count(name) != 0; }
    // `base`, or base2, base3, ... when taken or reserved.
    std::string take(const std::string &base);

private:
    std::set<std::string> m_used;
};

} // namespace sc::ts
