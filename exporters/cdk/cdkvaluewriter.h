#pragma once
// Turns template values into TypeScript expressions for a CDK v2 stack: intrinsic functions
// into their CDK forms (x.ref, typed attr* attributes, cdk.Fn.*, cdk.Aws.*), typed L1
// properties into camelCase object literals through the catalog, everything else into literals
// with keys kept as written.
//
// Contract: synthesizing what it writes gives back the template value exactly. Where the CDK
// would change a value (an L1 validator rejecting a string where a number is typed, CDK folding
// a literal Fn::Join, a property the catalog does not know), the value is left out of the typed
// literal and recorded as a property override at its path instead.

#include "model/catalog/resourcetypespec.h"
#include "model/template/json.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sc {

// A condition's key among the symbols. CloudFormation keeps conditions apart from parameters and
// resources (a condition may share a parameter's name, as AWS's RDS read replica sample does), so
// they are looked up under a key no logical ID can take.
inline std::string cdkConditionKey(const std::string &name)
{
    return '\x1f' + name;
}

// A named thing the generated code can point at.
struct CdkSymbol {
    enum class Kind { Resource, Parameter, Condition, Mapping } kind = Kind::Resource;
    std::string variable;                    // empty: not held in a variable
    const ResourceTypeSpec *spec = nullptr;  // typed L1 resources only
    std::string parameterType;               // parameters only
};

// What an expression evaluates to in TypeScript's eyes; decides which cdk.Token.as* it needs.
enum class TsKind { String, Number, Boolean, StringList, Resolvable, Condition, Raw, Literal };

struct TsExpr {
    std::string code;
    TsKind kind = TsKind::Literal;
};

class CdkValueWriter {
public:
    CdkValueWriter(const std::map<std::string, CdkSymbol> &symbols, const std::unordered_set<std::string> &defined)
        : m_symbols(symbols), m_defined(defined)
    {
    }

    // A value in an untyped position (Json properties, CfnResource properties, Metadata).
    std::string any(const Json &value, int indent);
    // A value where TypeScript expects a string / number / list / condition expression.
    std::string asString(const Json &value, int indent);
    std::string asNumber(const Json &value, int indent);
    std::string asList(const Json &value, int indent);
    std::string asCondition(const Json &value, int indent);
    TsExpr intrinsic(const Json &value, int indent);

    // The typed literal of one resource property; empty when the whole value went to an
    // override. `path` is the CloudFormation path below Properties.
    std::string property(const Json &value, const PropertySpec &spec, const ResourceTypeSpec &owner,
                         const std::vector<std::string> &path, int indent);
    // A placeholder that satisfies TypeScript and CDK's validators for a required property whose
    // real value is written by an override.
    static std::string placeholder(const PropertySpec &spec);

    // Overrides recorded since the last call: (CloudFormation path below Properties, code).
    std::vector<std::pair<std::string, std::string>> takeOverrides();
    // Strings CDK would read as its own token markers; reported to the user.
    const std::vector<std::string> &tokenLikeStrings() const { return m_tokenLike; }

private:
    enum class Slot { Any, String, Number, Boolean, StringList, NumberList, Resolvable, Condition };
    std::string coerce(const TsExpr &e, Slot slot);
    std::string literal(const Json &value, int indent, bool convertIntrinsics);
    std::string stringValue(const std::string &s);
    TsExpr raw(const Json &value, int indent);
    TsExpr ref(const std::string &name);
    TsExpr getAtt(const Json &args, int indent);
    TsExpr join(const Json &args, int indent);
    std::optional<TsExpr> conditionList(const char *fn, const Json &args, int indent);
    // Both give no value when the L1 type cannot hold it: the caller writes an override instead.
    std::optional<std::string> structLiteral(const Json &value, const PropertyTypeSpec &type, const ResourceTypeSpec &owner,
                                             const std::vector<std::string> &path, int indent);
    std::optional<std::string> typedValue(const Json &value, const PropertySpec &spec, const ResourceTypeSpec &owner,
                                          const std::vector<std::string> &path, int indent, bool element);
    void recordOverride(const std::vector<std::string> &path, const Json &value);
    bool isDefined(const std::string &id) const { return m_defined.count(id) != 0; }
    const CdkSymbol *symbol(const std::string &name) const;

    const std::map<std::string, CdkSymbol> &m_symbols;
    const std::unordered_set<std::string> &m_defined;
    std::vector<std::pair<std::string, std::string>> m_overrides;
    std::vector<std::string> m_tokenLike;
};

// Joins items into a TypeScript literal: on one line when short, else one item per line.
std::string formatList(const std::vector<std::string> &items, char open, char close, int indent);

} // namespace sc
