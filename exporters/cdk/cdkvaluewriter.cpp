#include "exporters/cdk/cdkvaluewriter.h"

#include "exporters/cdk/typescriptsource.h"
#include "model/template/intrinsics.h"

#include <cmath>
#include <regex>
#include <string_view>
#include <unordered_map>

namespace sc {

namespace {


bool isDynamicReference(const Json &v)
{
    if (!v.is_string())
        return false;
    const auto &s = v.get_ref<const std::string &>();
    return s.rfind("{{resolve:", 0) == 0 && s.size() >= 12 && s.compare(s.size() - 2, 2, "}}") == 0;
}

// CDK's own token markers (core/lib/private/encoding.js): a literal string containing one is
// read back as a reference to a token that does not exist and synthesis fails.
const std::regex &tokenMarker()
{
    static const std::regex re(R"([$#]\{Token\[[a-zA-Z0-9:._-]+\]\}|-1\.\d{10,16}e\+289)");
    return re;
}

const char *pseudoConstant(const std::string &name, TsKind &kind)
{
    kind = TsKind::String;
    if (name == "AWS::AccountId") return "cdk.Aws.ACCOUNT_ID";
    if (name == "AWS::NotificationARNs") { kind = TsKind::StringList; return "cdk.Aws.NOTIFICATION_ARNS"; }
    if (name == "AWS::NoValue") return "cdk.Aws.NO_VALUE";
    if (name == "AWS::Partition") return "cdk.Aws.PARTITION";
    if (name == "AWS::Region") return "cdk.Aws.REGION";
    if (name == "AWS::StackId") return "cdk.Aws.STACK_ID";
    if (name == "AWS::StackName") return "cdk.Aws.STACK_NAME";
    if (name == "AWS::URLSuffix") return "cdk.Aws.URL_SUFFIX";
    return nullptr;
}

bool isListParameterType(const std::string &t)
{
    return t.find("List<") != std::string::npos || t.find("CommaDelimitedList") != std::string::npos;
}

bool isStringType(const std::string &t) { return t == "String"; }

std::string overridePath(const std::vector<std::string> &path)
{
    std::string joined;
    for (const std::string &segment : path) {
        if (!joined.empty())
            joined += '.';
        joined += ts::overrideSegment(segment);
    }
    return joined;
}

} // namespace

std::string formatList(const std::vector<std::string> &items, char open, char close, int indent)
{
    if (items.empty())
        return open == '{' ? "{}" : "[]";
    std::size_t total = 0;
    bool multiline = false;
    for (const std::string &item : items) {
        total += item.size() + 2;
        multiline = multiline || item.find('\n') != std::string::npos;
    }
    std::string out(1, open);
    if (!multiline && total + static_cast<std::size_t>(indent) < 90) {
        out.reserve(total + 3);
        if (open == '{')
            out += ' ';
        for (std::size_t i = 0; i < items.size(); ++i)
            (i ? out.append(", ") : out).append(items[i]);
        if (open == '{')
            out += ' ';
        return out += close;
    }
    const auto itemIndent = static_cast<std::size_t>(indent) + 2;
    out.reserve(total + items.size() * itemIndent + itemIndent + 1);
    out += '\n';
    for (const std::string &item : items)
        out.append(itemIndent, ' ').append(item).append(",\n");
    return out.append(itemIndent - 2, ' ') += close;
}

const CdkSymbol *CdkValueWriter::symbol(const std::string &name) const
{
    const auto it = m_symbols.find(name);
    return it == m_symbols.end() ? nullptr : &it->second;
}

std::vector<std::pair<std::string, std::string>> CdkValueWriter::takeOverrides()
{
    return std::exchange(m_overrides, {});
}

std::string CdkValueWriter::stringValue(const std::string &s)
{
    // Every marker holds one of these two runs: most strings hold neither and skip the search.
    if (s.find("{Token[") == std::string::npos && s.find("e+289") == std::string::npos)
        return ts::stringLiteral(s);
    std::smatch match;
    if (!std::regex_search(s, match, tokenMarker()))
        return ts::stringLiteral(s);
    // Cut every marker after its second character, so that no piece is a marker, and join the
    // pieces in CloudFormation (a raw Fn::Join: cdk.Fn.join would fold them back into one).
    m_tokenLike.push_back(s);
    std::vector<std::string> pieces;
    std::string rest = s;
    while (std::regex_search(rest, match, tokenMarker())) {
        const auto cut = static_cast<std::size_t>(match.position(0)) + 2;
        pieces.push_back(ts::stringLiteral(rest.substr(0, cut)));
        rest = rest.substr(cut);
    }
    pieces.push_back(ts::stringLiteral(rest));
    std::string list;
    for (std::size_t i = 0; i < pieces.size(); ++i)
        list += (i ? ", " : "") + pieces[i];
    return "cdk.Token.asString({ 'Fn::Join': ['', [" + list + "]] })";
}

std::string CdkValueWriter::literal(const Json &v, int indent, bool convertIntrinsics)
{
    if (convertIntrinsics && (intrinsics::isIntrinsic(v) || intrinsics::isPreservedTag(v)))
        return coerce(intrinsic(v, indent), Slot::Any);
    if (v.is_null())
        return "null";
    if (v.is_boolean())
        return v.get<bool>() ? "true" : "false";
    if (v.is_number())
        return ts::numberLiteral(v);
    if (v.is_string())
        return stringValue(v.get<std::string>());
    std::vector<std::string> items;
    if (v.is_array()) {
        for (const Json &e : v)
            items.push_back(literal(e, indent + 2, convertIntrinsics));
        return formatList(items, '[', ']', indent);
    }
    for (auto it = v.begin(); it != v.end(); ++it)
        items.push_back(ts::objectKey(it.key()) + ": " + literal(it.value(), indent + 2, convertIntrinsics));
    return formatList(items, '{', '}', indent);
}

std::string CdkValueWriter::any(const Json &value, int indent) { return literal(value, indent, true); }

std::string CdkValueWriter::coerce(const TsExpr &e, Slot slot)
{
    const TsKind k = e.kind;
    switch (slot) {
    case Slot::Any:
        return e.code;
    case Slot::String:
        return k == TsKind::String ? e.code : "cdk.Token.asString(" + e.code + ")";
    case Slot::Number:
        return k == TsKind::Number ? e.code : "cdk.Token.asNumber(" + e.code + ")";
    case Slot::StringList:
        return k == TsKind::StringList ? e.code : "cdk.Token.asList(" + e.code + ")";
    case Slot::NumberList:
        return "cdk.Token.asNumberList(" + e.code + ")";
    case Slot::Boolean:
    case Slot::Resolvable:
    case Slot::Condition:
        return k == TsKind::Resolvable || k == TsKind::Condition ? e.code : "cdk.Token.asAny(" + e.code + ")";
    }
    return e.code;
}

std::string CdkValueWriter::asString(const Json &v, int indent)
{
    if (v.is_string())
        return stringValue(v.get<std::string>());
    return coerce(intrinsics::isIntrinsic(v) || intrinsics::isPreservedTag(v) ? intrinsic(v, indent)
                                                                              : TsExpr{any(v, indent), TsKind::Literal},
                  Slot::String);
}

std::string CdkValueWriter::asNumber(const Json &v, int indent)
{
    if (v.is_number())
        return ts::numberLiteral(v);
    return coerce(intrinsics::isIntrinsic(v) ? intrinsic(v, indent) : TsExpr{any(v, indent), TsKind::Literal},
                  Slot::Number);
}

std::string CdkValueWriter::asList(const Json &v, int indent)
{
    if (v.is_array()) {
        std::vector<std::string> items;
        for (const Json &e : v)
            items.push_back(asString(e, indent + 2));
        return formatList(items, '[', ']', indent);
    }
    return coerce(intrinsics::isIntrinsic(v) ? intrinsic(v, indent) : TsExpr{any(v, indent), TsKind::Literal},
                  Slot::StringList);
}

std::string CdkValueWriter::asCondition(const Json &v, int indent)
{
    return coerce(intrinsics::isIntrinsic(v) ? intrinsic(v, indent) : TsExpr{any(v, indent), TsKind::Literal},
                  Slot::Condition);
}

TsExpr CdkValueWriter::raw(const Json &v, int indent)
{
    // The intrinsic exactly as written, with its arguments converted (references stay visible).
    const std::string key = v.begin().key();
    std::string inner = ts::stringLiteral(key) + ": " + any(v.begin().value(), indent + 2);
    return {formatList({inner}, '{', '}', indent), TsKind::Raw};
}

TsExpr CdkValueWriter::ref(const std::string &name)
{
    TsKind kind = TsKind::String;
    if (const char *constant = pseudoConstant(name, kind))
        return {constant, kind};
    const CdkSymbol *s = symbol(name);
    // A parameter written as a template fragment (NoEcho: "true") has no CfnParameter to use.
    if (s && s->kind == CdkSymbol::Kind::Parameter && !s->variable.empty() && isDefined(name)) {
        if (isListParameterType(s->parameterType))
            return {s->variable + ".valueAsList", TsKind::StringList};
        if (s->parameterType == "Number")
            return {s->variable + ".valueAsNumber", TsKind::Number};
        return {s->variable + ".valueAsString", TsKind::String};
    }
    if (s && s->kind == CdkSymbol::Kind::Resource && !s->variable.empty() && isDefined(name))
        return {s->variable + ".ref", TsKind::String};
    return {"cdk.Fn.ref(" + ts::stringLiteral(name) + ")", TsKind::String};
}

TsExpr CdkValueWriter::getAtt(const Json &args, int indent)
{
    std::string target, attribute;
    if (args.is_string()) {
        const std::string s = args.get<std::string>();
        const auto dot = s.find('.');
        // "A.B.C" stays a string: CDK would write ["A", "B.C"], the same meaning but not the same
        // text, and cloudformation-diff reads the string form as ["A", "B", "C"].
        if (dot == std::string::npos || s.find('.', dot + 1) != std::string::npos)
            return raw(Json{{"Fn::GetAtt", args}}, indent);
        target = s.substr(0, dot);
        attribute = s.substr(dot + 1);
    } else if (args.is_array() && args.size() == 2 && args[0].is_string()) {
        target = args[0].get<std::string>();
        if (!args[1].is_string())
            return {"cdk.Fn.getAtt(" + ts::stringLiteral(target) + ", " + asString(args[1], indent) + ")",
                    TsKind::Resolvable};
        attribute = args[1].get<std::string>();
    } else {
        return raw(Json{{"Fn::GetAtt", args}}, indent);
    }
    const CdkSymbol *s = symbol(target);
    if (s && s->kind == CdkSymbol::Kind::Resource && !s->variable.empty() && isDefined(target)) {
        // SAM's attributes are not L1 properties of aws_sam classes: only GetAtt reaches them.
        if (s->spec && s->spec->type.rfind("AWS::Serverless::", 0) != 0) {
            if (const AttributeSpec *a = s->spec->attribute(attribute); a && !a->cdkName.empty()) {
                if (a->type == "String")
                    return {s->variable + "." + a->cdkName, TsKind::String};
                if (a->type == "List<String>")
                    return {s->variable + "." + a->cdkName, TsKind::StringList};
            }
        }
        return {s->variable + ".getAtt(" + ts::stringLiteral(attribute) + ")", TsKind::Resolvable};
    }
    return {"cdk.Fn.getAtt(" + ts::stringLiteral(target) + ", " + ts::stringLiteral(attribute) + ")",
            TsKind::Resolvable};
}

TsExpr CdkValueWriter::join(const Json &args, int indent)
{
    const Json joinCall{{"Fn::Join", args}};
    if (!args.is_array() || args.size() != 2 || !args[0].is_string())
        return raw(joinCall, indent);
    const std::string delimiter = args[0].get<std::string>();
    const Json &list = args[1];
    if (intrinsics::isIntrinsic(list))
        return {"cdk.Fn.join(" + ts::stringLiteral(delimiter) + ", " + asList(list, indent) + ")", TsKind::String};
    if (!list.is_array() || list.size() < 2)
        return raw(joinCall, indent);
    // CDK merges neighbouring literals, drops a one-element join and splices a nested join with
    // the same delimiter: only a join it would leave alone goes through cdk.Fn.join.
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Json &e = list[i];
        if (!e.is_string() && !intrinsics::isIntrinsic(e))
            return raw(joinCall, indent);
        if (e.is_string() && i > 0 && list[i - 1].is_string())
            return raw(joinCall, indent);
        if (intrinsics::intrinsicName(e) == "Fn::Join")
            return raw(joinCall, indent);
    }
    bool anyToken = false;
    for (const Json &e : list)
        anyToken = anyToken || !e.is_string();
    if (!anyToken)
        return raw(joinCall, indent);
    std::vector<std::string> items;
    for (const Json &e : list)
        items.push_back(asString(e, indent + 2));
    return {"cdk.Fn.join(" + ts::stringLiteral(delimiter) + ", " + formatList(items, '[', ']', indent) + ")",
            TsKind::String};
}

namespace {

TsExpr fnCall(const std::string &fn, const std::vector<std::string> &args, TsKind kind)
{
    std::string joined;
    for (std::size_t i = 0; i < args.size(); ++i)
        joined += (i ? ", " : "") + args[i];
    return TsExpr{"cdk.Fn." + fn + "(" + joined + ")", kind};
}

bool isPair(const Json &a) { return a.is_array() && a.size() == 2; }
bool isStringPair(const Json &a) { return isPair(a) && a[0].is_string() && a[1].is_string(); }

} // namespace

// One writer per intrinsic: its cdk.Fn call, or no value when the arguments are of a shape CDK
// would not type (the intrinsic is then written raw, as CloudFormation reads it).
TsExpr CdkValueWriter::intrinsic(const Json &v, int indent)
{
    if (!intrinsics::isIntrinsic(v))
        return raw(v, indent);
    using Writer = std::optional<TsExpr> (*)(CdkValueWriter &, const Json &, int);
    static const std::unordered_map<std::string_view, Writer> writers = {
        {"Ref", [](CdkValueWriter &w, const Json &a, int) -> std::optional<TsExpr> {
             if (a.is_string())
                 return w.ref(a.get<std::string>());
             return std::nullopt;
         }},
        {"Fn::GetAtt", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> { return w.getAtt(a, indent); }},
        {"Fn::Join", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> { return w.join(a, indent); }},
        {"Fn::Sub", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (a.is_string())
                 return fnCall("sub", {w.stringValue(a.get<std::string>())}, TsKind::String);
             if (!isPair(a) || !a[0].is_string() || !a[1].is_object())
                 return std::nullopt;
             std::vector<std::string> vars;
             for (auto it = a[1].begin(); it != a[1].end(); ++it)
                 vars.push_back(ts::objectKey(it.key()) + ": " + w.asString(it.value(), indent + 2));
             return fnCall("sub", {w.stringValue(a[0].get<std::string>()), formatList(vars, '{', '}', indent)}, TsKind::String);
         }},
        {"Fn::Select", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!isPair(a) || !a[0].is_number_integer() || a[0].get<long long>() < 0)
                 return std::nullopt;
             // A select from literals only is a literal to CloudFormation: CDK would fold it.
             bool anyToken = intrinsics::isIntrinsic(a[1]);
             if (a[1].is_array())
                 for (const Json &e : a[1])
                     anyToken = anyToken || intrinsics::isIntrinsic(e);
             if (!anyToken || !(a[1].is_array() || intrinsics::isIntrinsic(a[1])))
                 return std::nullopt;
             return fnCall("select", {ts::numberLiteral(a[0]), w.asList(a[1], indent)}, TsKind::String);
         }},
        {"Fn::Split", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!isPair(a) || !a[0].is_string() || !intrinsics::isIntrinsic(a[1]))
                 return std::nullopt;
             return fnCall("split", {ts::stringLiteral(a[0].get<std::string>()), w.asString(a[1], indent)}, TsKind::StringList);
         }},
        {"Fn::If", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!a.is_array() || a.size() != 3 || !a[0].is_string())
                 return std::nullopt;
             return fnCall("conditionIf", {ts::stringLiteral(a[0].get<std::string>()), w.any(a[1], indent), w.any(a[2], indent)},
                           TsKind::Resolvable);
         }},
        {"Fn::Equals", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!isPair(a))
                 return std::nullopt;
             return fnCall("conditionEquals", {w.any(a[0], indent), w.any(a[1], indent)}, TsKind::Condition);
         }},
        {"Fn::And", [](CdkValueWriter &w, const Json &a, int indent) { return w.conditionList("conditionAnd", a, indent); }},
        {"Fn::Or", [](CdkValueWriter &w, const Json &a, int indent) { return w.conditionList("conditionOr", a, indent); }},
        {"Fn::Not", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!a.is_array() || a.size() != 1)
                 return std::nullopt;
             return fnCall("conditionNot", {w.asCondition(a[0], indent)}, TsKind::Condition);
         }},
        {"Condition", [](CdkValueWriter &w, const Json &a, int) -> std::optional<TsExpr> {
             if (!a.is_string())
                 return std::nullopt;
             const std::string key = cdkConditionKey(a.get<std::string>());
             const CdkSymbol *s = w.symbol(key);
             if (!s || s->kind != CdkSymbol::Kind::Condition || s->variable.empty() || !w.isDefined(key))
                 return std::nullopt;
             return TsExpr{s->variable, TsKind::Condition};
         }},
        {"Fn::GetAZs", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (a.is_string() && a.get<std::string>().empty())
                 return fnCall("getAzs", {}, TsKind::StringList);
             return fnCall("getAzs", {w.asString(a, indent)}, TsKind::StringList);
         }},
        {"Fn::ImportValue", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             return fnCall("importValue", {w.asString(a, indent)}, TsKind::String);
         }},
        {"Fn::Base64", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             return fnCall("base64", {w.asString(a, indent)}, TsKind::String);
         }},
        {"Fn::FindInMap", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!a.is_array() || a.size() != 3)
                 return std::nullopt;
             return fnCall("findInMap", {w.asString(a[0], indent), w.asString(a[1], indent), w.asString(a[2], indent)},
                           TsKind::String);
         }},
        {"Fn::Cidr", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!a.is_array() || a.size() != 3 || !a[1].is_number_integer() || a[1].get<long long>() < 1
                 || a[1].get<long long>() > 256 || !a[2].is_string())
                 return std::nullopt;
             return fnCall("cidr", {w.asString(a[0], indent), ts::numberLiteral(a[1]), ts::stringLiteral(a[2].get<std::string>())},
                           TsKind::StringList);
         }},
        {"Fn::Contains", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!isPair(a))
                 return std::nullopt;
             return fnCall("conditionContains", {w.asList(a[0], indent), w.asString(a[1], indent)}, TsKind::Condition);
         }},
        {"Fn::EachMemberEquals", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!isPair(a))
                 return std::nullopt;
             return fnCall("conditionEachMemberEquals", {w.asList(a[0], indent), w.asString(a[1], indent)}, TsKind::Condition);
         }},
        {"Fn::EachMemberIn", [](CdkValueWriter &w, const Json &a, int indent) -> std::optional<TsExpr> {
             if (!isPair(a))
                 return std::nullopt;
             return fnCall("conditionEachMemberIn", {w.asList(a[0], indent), w.asList(a[1], indent)}, TsKind::Condition);
         }},
        {"Fn::ValueOf", [](CdkValueWriter &, const Json &a, int) -> std::optional<TsExpr> {
             if (!isStringPair(a))
                 return std::nullopt;
             return fnCall("valueOf", {ts::stringLiteral(a[0].get<std::string>()), ts::stringLiteral(a[1].get<std::string>())},
                           TsKind::String);
         }},
        {"Fn::ValueOfAll", [](CdkValueWriter &, const Json &a, int) -> std::optional<TsExpr> {
             if (!isStringPair(a))
                 return std::nullopt;
             return fnCall("valueOfAll", {ts::stringLiteral(a[0].get<std::string>()), ts::stringLiteral(a[1].get<std::string>())},
                           TsKind::StringList);
         }},
        {"Fn::RefAll", [](CdkValueWriter &, const Json &a, int) -> std::optional<TsExpr> {
             if (!a.is_string())
                 return std::nullopt;
             return fnCall("refAll", {ts::stringLiteral(a.get<std::string>())}, TsKind::StringList);
         }},
    };
    const auto it = writers.find(intrinsics::intrinsicName(v));
    if (it == writers.end())
        return raw(v, indent);
    std::optional<TsExpr> written = it->second(*this, v.begin().value(), indent);
    return written ? *std::move(written) : raw(v, indent);
}

// Fn::And and Fn::Or: two to ten conditions.
std::optional<TsExpr> CdkValueWriter::conditionList(const char *fn, const Json &a, int indent)
{
    if (!a.is_array() || a.size() < 2 || a.size() > 10)
        return std::nullopt;
    std::vector<std::string> args;
    for (const Json &c : a)
        args.push_back(asCondition(c, indent));
    return fnCall(fn, args, TsKind::Condition);
}

void CdkValueWriter::recordOverride(const std::vector<std::string> &path, const Json &value)
{
    m_overrides.emplace_back(overridePath(path), any(value, 0));
}

std::string CdkValueWriter::placeholder(const PropertySpec &spec)
{
    if (spec.kind == PropertySpec::Kind::Scalar && spec.isPrimitive() && isStringType(spec.type))
        return "cdk.Aws.NO_VALUE";
    if (spec.kind == PropertySpec::Kind::Scalar && spec.isPrimitive() && isNumberType(spec.type))
        return "cdk.Token.asNumber(cdk.Aws.NO_VALUE)";
    if (spec.kind == PropertySpec::Kind::List && spec.isPrimitive() && isStringType(spec.type))
        return "cdk.Token.asList(cdk.Aws.NO_VALUE)";
    if (spec.kind == PropertySpec::Kind::List && spec.isPrimitive() && isNumberType(spec.type))
        return "cdk.Token.asNumberList(cdk.Aws.NO_VALUE)";
    return "cdk.Token.asAny(cdk.Aws.NO_VALUE)";
}

std::string CdkValueWriter::property(const Json &value, const PropertySpec &spec, const ResourceTypeSpec &owner,
                                     const std::vector<std::string> &path, int indent)
{
    std::optional<std::string> code = typedValue(value, spec, owner, path, indent, false);
    if (!code) {
        recordOverride(path, value);
        return {};
    }
    return *std::move(code);
}

std::optional<std::string> CdkValueWriter::structLiteral(const Json &value, const PropertyTypeSpec &type,
                                                         const ResourceTypeSpec &owner,
                                                         const std::vector<std::string> &path, int indent)
{
    for (auto it = value.begin(); it != value.end(); ++it) {
        const PropertySpec *p = type.property(it.key());
        if (!p || p->cdkName.empty()) {
            return std::nullopt; // a key the L1 struct does not have: the whole struct goes to an override
        }
    }
    std::vector<std::string> items;
    for (auto it = value.begin(); it != value.end(); ++it) {
        const PropertySpec &p = *type.property(it.key());
        std::vector<std::string> sub = path;
        sub.push_back(it.key());
        std::string code = property(it.value(), p, owner, sub, indent + 2);
        if (code.empty()) {
            if (!p.required)
                continue;
            code = placeholder(p);
        }
        items.push_back(p.cdkName + ": " + code);
    }
    for (const PropertySpec &p : type.properties) {
        if (p.required && !value.contains(p.name)) {
            items.push_back(p.cdkName + ": " + placeholder(p));
            std::vector<std::string> sub = path;
            sub.push_back(p.name);
            m_overrides.emplace_back(overridePath(sub), "undefined");
        }
    }
    // Every member went to an override: an empty struct would be left for the L1's validator,
    // which may require members the specification does not (SAM's EventInvokeDestinationConfig
    // wants OnSuccess and OnFailure), so the whole struct goes to one override instead.
    if (items.empty() && !value.empty())
        return std::nullopt;
    return formatList(items, '{', '}', indent);
}

std::optional<std::string> CdkValueWriter::typedValue(const Json &value, const PropertySpec &spec,
                                                      const ResourceTypeSpec &owner,
                                                      const std::vector<std::string> &path, int indent, bool element)
{
    using Kind = PropertySpec::Kind;
    const bool isIntr = intrinsics::isIntrinsic(value);
    if (intrinsics::isPreservedTag(value))
        return std::nullopt;
    if (spec.cdkTypedDeeper)
        return std::nullopt;
    // Untyped in the L1 (`any`): CDK writes the value as given, so its keys stay as they are. Its
    // validator wants an object, though, where CloudFormation also takes a JSON text
    // (EventPattern: |).
    if (spec.kind == Kind::Json || (spec.isPrimitive() && spec.type == "Json") || spec.cdkUntyped) {
        if (value.is_string())
            return std::nullopt;
        return any(value, indent);
    }
    const Kind kind = element ? Kind::Scalar : spec.kind;
    if (!spec.alternativeTypes.empty() && !element) {
        // A union (SAM's CodeUri: string or S3Location): CDK picks the member by validating the
        // synthesized value, so only a plain string is safe to type.
        bool hasString = false;
        for (const std::string &t : spec.alternativeTypes)
            hasString = hasString || t == "String";
        if (value.is_string() && hasString)
            return stringValue(value.get<std::string>());
        return std::nullopt;
    }
    if (kind == Kind::List || kind == Kind::Map) {
        const bool isList = kind == Kind::List;
        if (isIntr) {
            const TsExpr e = intrinsic(value, indent);
            if (spec.type == "Tag" || e.kind == TsKind::Raw)
                return std::nullopt;
            if (isList && spec.isPrimitive())
                return coerce(e, isNumberType(spec.type) ? Slot::NumberList : Slot::StringList);
            return coerce(e, Slot::Resolvable);
        }
        if ((isList && !value.is_array()) || (!isList && !value.is_object()))
            return std::nullopt;
        if (isList && spec.type == "Tag" && value.empty())
            return std::nullopt; // CDK's tag manager drops an empty tag list
        std::vector<std::string> items;
        std::size_t index = 0;
        for (auto it = value.begin(); it != value.end(); ++it, ++index) {
            std::vector<std::string> sub = path;
            sub.push_back(isList ? std::to_string(index) : it.key());
            std::optional<std::string> code = typedValue(it.value(), spec, owner, sub, indent + 2, true);
            if (!code)
                return std::nullopt; // a list or map with one odd member is written whole as an override
            items.push_back(isList ? *code : ts::objectKey(it.key()) + ": " + *code);
        }
        return formatList(items, isList ? '[' : '{', isList ? ']' : '}', indent);
    }
    // One value of `spec.type`.
    if (isDynamicReference(value)) {
        if (spec.isPrimitive() && isNumberType(spec.type))
            return "cdk.Token.asNumber(" + ts::stringLiteral(value.get<std::string>()) + ")";
        if (spec.isPrimitive() && isStringType(spec.type))
            return ts::stringLiteral(value.get<std::string>());
        return "cdk.Token.asAny(" + ts::stringLiteral(value.get<std::string>()) + ")";
    }
    if (isIntr) {
        const TsExpr e = intrinsic(value, indent);
        if (e.kind == TsKind::Raw) {
            const std::string key = value.begin().key();
            if (key != "Ref" && key.rfind("Fn::", 0) != 0)
                return std::nullopt;
        }
        if (spec.type == "Tag")
            return std::nullopt;
        if (!spec.isPrimitive())
            return coerce(e, Slot::Resolvable);
        if (isStringType(spec.type))
            return coerce(e, Slot::String);
        if (isNumberType(spec.type))
            return coerce(e, Slot::Number);
        if (spec.type == "Boolean")
            return coerce(e, Slot::Boolean);
        return std::nullopt; // Timestamp: typed as Date by the L1
    }
    if (!spec.isPrimitive()) {
        const PropertyTypeSpec *type = owner.propertyType(spec.type);
        if (!type || !value.is_object())
            return std::nullopt;
        std::vector<std::pair<std::string, std::string>> saved = std::exchange(m_overrides, {});
        std::optional<std::string> code = structLiteral(value, *type, owner, path, indent);
        std::vector<std::pair<std::string, std::string>> inner = std::exchange(m_overrides, std::move(saved));
        if (!code || (spec.type == "Tag" && !inner.empty()))
            return std::nullopt;
        m_overrides.insert(m_overrides.end(), inner.begin(), inner.end());
        return code;
    }
    if (isStringType(spec.type) && value.is_string())
        return stringValue(value.get<std::string>());
    // A whole number written with a fraction ("GlueVersion: 4.0") is the text "4.0" to
    // CloudFormation where a string is typed, but JavaScript would print the number as 4 (a
    // different Glue version): the text CloudFormation reads is written instead.
    if (isStringType(spec.type) && value.is_number_float() && std::isfinite(value.get<double>())
        && std::trunc(value.get<double>()) == value.get<double>())
        return ts::stringLiteral(value.dump());
    if (isNumberType(spec.type) && value.is_number())
        return ts::numberLiteral(value);
    if (spec.type == "Boolean" && value.is_boolean())
        return value.get<bool>() ? "true" : "false";
    return std::nullopt;
}

} // namespace sc
