#include "exporters/cdk/cdkstackwriter.h"

#include "exporters/cdk/cdkresourceorder.h"
#include "exporters/cdk/cdkvaluewriter.h"
#include "exporters/cdk/stackwriter.h"
#include "exporters/cdk/typescriptsource.h"
#include "model/catalog/catalog.h"
#include "model/template/intrinsics.h"
#include "model/template/references.h"
#include "model/template/sourcemap.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

namespace sc {

namespace {

std::string words(const std::string &name, bool pascal)
{
    std::string out;
    bool upper = pascal;
    for (const char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    return out;
}

std::string moduleAlias(const std::string &module)
{
    std::string alias = module.rfind("aws_", 0) == 0 ? module.substr(4) : module;
    for (char &c : alias) {
        if (c == '-')
            c = '_';
    }
    return alias;
}

// Whether a resource of `type` is written with its typed L1 class. Not when the CDK has none, not
// for custom resources, and not when a required property has no CDK name in the catalog: the
// class's props would be incomplete (TypeScript rejects them) and nothing could fill the gap, so
// such a resource is written as a cdk.CfnResource with its properties as they are.
bool writtenAsL1(const ResourceTypeSpec *spec, const std::string &type)
{
    if (!spec || spec->cdkModule.empty() || spec->cdkClass.empty() || type.rfind("Custom::", 0) == 0)
        return false;
    return std::none_of(spec->properties.begin(), spec->properties.end(),
                        [](const PropertySpec &p) { return p.required && p.cdkName.empty(); });
}

// A property's value that is an empty object: the CDK leaves such a value out of the template
// unless it comes from a token, which it resolves after it has dropped the empty ones. The
// token is cast because some L1 props (SSM's tags) are typed without IResolvable.
bool isEmptyObject(const Json &value)
{
    return value.is_object() && value.empty();
}
constexpr const char *kKeptEmptyObject = "cdk.Lazy.any({ produce: () => ({}) }) as any";

// CDK's tag manager sorts tags by key (String.localeCompare) and drops duplicates; tags that
// are not already in that order are written as an override so the template keeps its order.
bool tagsKeepTheirOrder(const Json &tags)
{
    std::vector<std::string> keys;
    if (tags.is_array()) {
        if (tags.empty())
            return false;
        for (const Json &t : tags) {
            if (!t.is_object() || !t.contains("Key") || !t["Key"].is_string())
                return false;
            keys.push_back(t["Key"].get<std::string>());
        }
    } else if (tags.is_object() && !intrinsics::isIntrinsic(tags)) {
        for (auto it = tags.begin(); it != tags.end(); ++it)
            keys.push_back(it.key());
    } else {
        return false;
    }
    const auto folded = [](const std::string &s) {
        std::string out;
        for (const char c : s) {
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum)
                return std::string("\x01");
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        return out;
    };
    for (std::size_t i = 1; i < keys.size(); ++i) {
        const std::string a = folded(keys[i - 1]), b = folded(keys[i]);
        if (a == "\x01" || b == "\x01" || !(a < b))
            return false;
    }
    return keys.empty() || folded(keys.front()) != "\x01";
}

std::string deletionPolicy(const std::string &value)
{
    if (value == "Delete") return "cdk.CfnDeletionPolicy.DELETE";
    if (value == "Retain") return "cdk.CfnDeletionPolicy.RETAIN";
    if (value == "Snapshot") return "cdk.CfnDeletionPolicy.SNAPSHOT";
    if (value == "RetainExceptOnCreate") return "cdk.CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE";
    return {};
}

// A comment that cannot be closed early by the text inside it.
std::string commentText(const std::string &text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r')
            out += ' ';
        else if (c == '*' && i + 1 < text.size() && text[i + 1] == '/')
            out += "* ";
        else
            out += c;
    }
    return out;
}

} // namespace

namespace cdk {

void StackWriter::declareSymbols()
{
    // Each resource's references are found once: here for the names to declare, and again
    // below for the order to write them in.
    std::vector<Reference> refs;
    for (auto section = m_root.begin(); section != m_root.end(); ++section) {
        if (section.key() != "Resources" || !section.value().is_object()) {
            collectReferences(section.value(), SourceMap::join("", section.key()), refs);
            continue;
        }
        for (auto it = section.value().begin(); it != section.value().end(); ++it) {
            std::vector<Reference> &own = m_resourceReferences[it.key()];
            own = resourceReferences(it.value(), it.key());
            for (const Reference &r : own)
                m_referenced.insert(r.target);
        }
    }
    for (const Reference &r : refs)
        m_referenced.insert(r.target);
    std::unordered_set<std::string> conditions;
    collectConditionNames(m_root, conditions);
    if (m_root.contains("Resources") && m_root["Resources"].is_object()) {
        for (auto it = m_root["Resources"].begin(); it != m_root["Resources"].end(); ++it) {
            if (it.value().is_object() && it.value().contains("DependsOn")) {
                const Json &d = it.value()["DependsOn"];
                if (d.is_string())
                    m_referenced.insert(d.get<std::string>());
                for (const Json &e : d.is_array() ? d : Json::array())
                    if (e.is_string())
                        m_referenced.insert(e.get<std::string>());
            }
            if (it.value().is_object() && it.value().contains("Condition") && it.value()["Condition"].is_string())
                conditions.insert(it.value()["Condition"].get<std::string>());
        }
    }
    if (m_root.contains("Outputs") && m_root["Outputs"].is_object()) {
        for (auto it = m_root["Outputs"].begin(); it != m_root["Outputs"].end(); ++it)
            if (it.value().is_object() && it.value().contains("Condition") && it.value()["Condition"].is_string())
                conditions.insert(it.value()["Condition"].get<std::string>());
    }
    for (const std::string &name : conditions)
        m_referenced.insert(cdkConditionKey(name));
    const Catalog &catalog = Catalog::instance();
    // Module aliases first: a resource named like a module gets the suffix, not the import.
    if (m_root.contains("Resources") && m_root["Resources"].is_object()) {
        for (auto it = m_root["Resources"].begin(); it != m_root["Resources"].end(); ++it) {
            const Json &r = it.value();
            if (!r.is_object() || !r.contains("Type") || !r["Type"].is_string())
                continue;
            const ResourceTypeSpec *spec = catalog.find(r["Type"].get<std::string>());
            if (writtenAsL1(spec, r["Type"].get<std::string>())) {
                const std::string alias = moduleAlias(spec->cdkModule);
                if (!m_modules.count(alias)) {
                    m_modules[alias] = spec->cdkModule;
                    m_names.reserve(alias);
                }
            }
        }
    }
    const auto declare = [&](const char *section, CdkSymbol::Kind kind) {
        if (!m_root.contains(section) || !m_root[section].is_object())
            return;
        for (auto it = m_root[section].begin(); it != m_root[section].end(); ++it) {
            CdkSymbol s;
            s.kind = kind;
            const std::string &id = it.key();
            if (id.rfind("Fn::", 0) == 0)
                continue;
            const std::string key = kind == CdkSymbol::Kind::Condition ? cdkConditionKey(id) : id;
            if (m_referenced.count(key) && !m_symbols.count(key))
                s.variable = m_names.take(ts::camelVariable(id));
            if (kind == CdkSymbol::Kind::Parameter && it.value().is_object() && it.value().contains("Type")
                && it.value()["Type"].is_string())
                s.parameterType = it.value()["Type"].get<std::string>();
            if (kind == CdkSymbol::Kind::Resource && it.value().is_object() && it.value().contains("Type")
                && it.value()["Type"].is_string()) {
                const std::string type = it.value()["Type"].get<std::string>();
                const ResourceTypeSpec *spec = catalog.find(type);
                if (writtenAsL1(spec, type))
                    s.spec = spec;
            }
            if (!m_symbols.count(key))
                m_symbols[key] = s;
        }
    };
    declare("Parameters", CdkSymbol::Kind::Parameter);
    declare("Resources", CdkSymbol::Kind::Resource);
    declare("Conditions", CdkSymbol::Kind::Condition);
    declare("Mappings", CdkSymbol::Kind::Mapping);
    // Construct ids: resources keep theirs; the other sections take what is left.
    if (m_root.contains("Resources") && m_root["Resources"].is_object())
        for (auto it = m_root["Resources"].begin(); it != m_root["Resources"].end(); ++it)
            m_constructIds.insert(it.key());
}

std::string StackWriter::constructId(const std::string &logicalId, const std::string &suffix,
                                     std::string &overrideLine)
{
    // The CDK takes a top-level construct's logical ID from its id with everything but letters
    // and digits removed; a name with other characters (a condition "PrivateSubnets&3AZCondition")
    // keeps them only through overrideLogicalId.
    std::string base;
    for (const char c : logicalId)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            base += c;
    const bool plain = !base.empty() && base.size() == logicalId.size();
    if (plain && !m_constructIds.count(logicalId)) {
        m_constructIds.insert(logicalId);
        return logicalId;
    }
    std::string id = plain || base.empty() ? base + suffix : base;
    for (int n = 2; m_constructIds.count(id); ++n)
        id = base + suffix + std::to_string(n);
    m_constructIds.insert(id);
    overrideLine = ".overrideLogicalId(" + ts::stringLiteral(logicalId) + ")";
    return id;
}

void StackWriter::fragment(const std::string &section, const std::string &key, const Json &value)
{
    m_needsFragment = true;
    std::string dummy;
    const std::string id = constructId(words(section + " " + key, true), "Fragment", dummy);
    Json piece = Json::object();
    piece[section] = Json::object();
    piece[section][key] = value;
    line("new TemplateFragment(this, " + ts::stringLiteral(id) + ", " + m_values.any(piece, kBody) + ");");
}

void StackWriter::writeResources()
{
    if (!m_root.contains("Resources") || !m_root["Resources"].is_object())
        return;
    comment("Resources");
    const Json &resources = m_root["Resources"];
    m_body.reserve(m_body.size() + resources.size() * kBytesPerResource);
    // Only references the code turns into variables order the resources; DependsOn and ${X}
    // inside Fn::Sub strings are by name, so they may point forward.
    std::vector<std::string> order = dependencyOrder(resources, [this](const std::string &id, const Json &) {
        std::set<std::string> out;
        for (const Reference &ref : m_resourceReferences[id])
            if (ref.kind == Reference::Kind::Ref || ref.kind == Reference::Kind::GetAtt || ref.kind == Reference::Kind::DependsOn)
                out.insert(ref.target);
        return out;
    });
    m_resourcesById.reserve(resources.size());
    for (auto it = resources.begin(); it != resources.end(); ++it)
        m_resourcesById.try_emplace(it.key(), &it.value());
    for (const std::string &id : order) {
        const Json &r = *m_resourcesById.at(id);
        if (id.rfind("Fn::", 0) == 0 || !r.is_object() || !r.contains("Type") || !r["Type"].is_string()) {
            fragment("Resources", id, r);
            continue;
        }
        writeResource(id, r);
        m_defined.insert(id);
    }
}

void StackWriter::writeResource(const std::string &id, const Json &r)
{
    const std::string type = r["Type"].get<std::string>();
    const CdkSymbol &symbol = m_symbols[id];
    const ResourceTypeSpec *spec = symbol.spec;
    m_constructIds.insert(id);
    std::vector<std::string> after; // statements on the construct, in order
    bool hasDeferred = false;
    static const Json noProperties;
    const auto found = r.find("Properties");
    const Json &properties = found != r.end() ? *found : noProperties;
    const bool propertiesAreObject = properties.is_object() && !intrinsics::isIntrinsic(properties)
                                     && !properties.contains("Fn::Transform");
    std::string decl;
    if (spec) {
        std::vector<std::string> items;
        std::vector<std::pair<std::string, std::string>> overrides;
        if (propertiesAreObject) {
            for (auto it = properties.begin(); it != properties.end(); ++it) {
                const PropertySpec *p = spec->property(it.key());
                const auto noteDroppedEmpty = [&] {
                    if (isEmptyObject(it.value()))
                        m_notes.push_back(id + ": Properties." + it.key() + " is an empty object the L1 cannot hold, "
                                          "and the CDK drops an empty override (the same to CloudFormation)");
                };
                if (!p || p->cdkName.empty()) {
                    noteDroppedEmpty();
                    overrides.emplace_back(ts::overrideSegment(it.key()), m_values.any(it.value(), kBody));
                    continue;
                }
                if ((p->cdkTagList || it.key() == "Tags") && !tagsKeepTheirOrder(it.value())) {
                    overrides.emplace_back(it.key(), m_values.any(it.value(), kBody));
                    if (p->required)
                        items.push_back(p->cdkName + ": " + CdkValueWriter::placeholder(*p));
                    continue;
                }
                std::string code = m_values.property(it.value(), *p, *spec, {it.key()}, kBody + 2);
                for (auto &o : m_values.takeOverrides())
                    overrides.push_back(std::move(o));
                if (isEmptyObject(it.value()) && code == "{}")
                    code = kKeptEmptyObject;
                else if (code.empty())
                    noteDroppedEmpty();
                if (code.empty()) {
                    if (!p->required)
                        continue;
                    code = CdkValueWriter::placeholder(*p);
                }
                items.push_back(p->cdkName + ": " + code);
            }
        }
        for (const PropertySpec &p : spec->properties) {
            if (p.required && !(propertiesAreObject && properties.contains(p.name))) {
                // Not in the template: satisfy the L1's type, then take it out again.
                items.push_back(p.cdkName + ": " + CdkValueWriter::placeholder(p));
                after.push_back(".addPropertyDeletionOverride(" + ts::stringLiteral(p.name) + ");");
            }
        }
        decl = "new " + moduleAlias(spec->cdkModule) + "." + spec->cdkClass + "(this, " + ts::stringLiteral(id)
               + (items.empty() ? std::string() : ", " + formatList(items, '{', '}', kBody)) + ")";
        for (const auto &[path, code] : overrides) {
            if (code == "undefined")
                after.push_back(".addPropertyDeletionOverride(" + ts::stringLiteral(path) + ");");
            else
                after.push_back(".addPropertyOverride(" + ts::stringLiteral(path) + ", " + code + ");");
        }
        if (!propertiesAreObject && r.contains("Properties"))
            after.push_back(".addOverride('Properties', " + m_values.any(properties, kBody) + ");");
    } else {
        std::vector<std::string> items{"type: " + ts::stringLiteral(type)};
        if (propertiesAreObject)
            items.push_back("properties: " + m_values.any(properties, kBody + 2));
        decl = "new cdk.CfnResource(this, " + ts::stringLiteral(id) + ", " + formatList(items, '{', '}', kBody) + ")";
        if (!propertiesAreObject && r.contains("Properties"))
            after.push_back(".addOverride('Properties', " + m_values.any(properties, kBody) + ");");
    }
    if (r.contains("Properties") && properties.is_object() && properties.empty())
        m_notes.push_back(id + ": an empty Properties object is not written by the CDK (same meaning)");

    for (auto it = r.begin(); it != r.end(); ++it) {
        const std::string &key = it.key();
        const Json &v = it.value();
        if (key == "Type" || key == "Properties")
            continue;
        if ((key == "DeletionPolicy" || key == "UpdateReplacePolicy") && v.is_string()
            && !deletionPolicy(v.get<std::string>()).empty()) {
            after.push_back(".cfnOptions." + std::string(key == "DeletionPolicy" ? "deletionPolicy" : "updateReplacePolicy")
                            + " = " + deletionPolicy(v.get<std::string>()) + ";");
        } else if (key == "Condition" && v.is_string() && !conditionVariable(v.get<std::string>()).empty()
                   && m_defined.count(cdkConditionKey(v.get<std::string>()))) {
            after.push_back(".cfnOptions.condition = " + conditionVariable(v.get<std::string>()) + ";");
        } else if (key == "Metadata" && v.is_object() && !v.empty()) {
            after.push_back(".cfnOptions.metadata = " + m_values.any(v, kBody) + ";");
        } else if (key == "DependsOn") {
            const Json list = v.is_array() ? v : Json::array({v});
            bool allResources = !list.empty();
            for (const Json &d : list)
                allResources = allResources && d.is_string() && m_symbols.count(d.get<std::string>())
                               && m_symbols[d.get<std::string>()].kind == CdkSymbol::Kind::Resource
                               && !variableFor(d.get<std::string>()).empty()
                               && m_resourcesById.at(d.get<std::string>())->is_object()
                               && d.get<std::string>() != id;
            if (!allResources) {
                after.push_back(".addOverride('DependsOn', " + m_values.any(v, kBody) + ");");
                continue;
            }
            for (const Json &d : list) {
                const std::string target = d.get<std::string>();
                const std::string statement = ".addResourceDependency(" + variableFor(target) + ");";
                if (m_defined.count(target))
                    after.push_back(statement);
                else {
                    m_deferred.push_back("\x01" + id + "\x02" + statement);
                    hasDeferred = true;
                }
            }
        } else {
            // UpdatePolicy, CreationPolicy and anything else: written as is, keys unchanged.
            after.push_back(".addOverride(" + ts::stringLiteral(key) + ", " + m_values.any(v, kBody) + ");");
        }
    }
    noteTokenMarkers();

    std::string var = symbol.variable;
    if (var.empty() && (!after.empty() || hasDeferred)) {
        var = m_names.take(ts::camelVariable(id));
        m_symbols[id].variable = var;
    }
    line((var.empty() ? "" : "const " + var + " = ") + decl + ";");
    for (const std::string &statement : after)
        line(var + statement);
}

void StackWriter::noteTokenMarkers()
{
    for (const std::string &marker : m_values.tokenLikeStrings())
        if (std::find(m_notes.begin(), m_notes.end(), "token marker: " + marker) == m_notes.end())
            m_notes.push_back("token marker: " + marker);
}

CdkStackSource StackWriter::write()
{
    declareSymbols();
    writeTemplateOptions();
    writeParameters();
    writeMappings();
    writeConditions();
    writeResources();
    if (!m_deferred.empty()) {
        comment("Dependencies on resources defined further down");
        for (const std::string &d : m_deferred) {
            const auto sep = d.find('\x02');
            line(variableFor(d.substr(1, sep - 1)) + d.substr(sep + 1));
        }
    }
    writeOutputs();
    writeRules();
    writeHooks();
    writeTransforms();
    noteTokenMarkers(); // those found after the last resource (an output's value, a rule's assertion)

    CdkStackSource out;
    out.className = cdkClassName(m_stackName);
    out.notes = m_notes;
    std::string code;
    code += "import * as cdk from 'aws-cdk-lib';\n";
    if (!m_modules.empty()) {
        std::vector<std::string> imports;
        for (const auto &[alias, module] : m_modules)
            imports.push_back(module == alias ? module : module + " as " + alias);
        code += "import " + formatList(imports, '{', '}', 0) + " from 'aws-cdk-lib';\n";
    }
    code += "import { Construct } from 'constructs';\n\n";
    if (m_needsFragment) {
        code += "/**\n"
                " * A piece of the template that has no CDK construct (Fn::ForEach, Fn::Transform or a\n"
                " * section CDK does not model), added to the synthesized template exactly as written.\n"
                " */\n"
                "class TemplateFragment extends cdk.CfnElement {\n"
                "  constructor(scope: Construct, id: string, private readonly fragment: object) {\n"
                "    super(scope, id);\n"
                "  }\n\n"
                "  /** @internal */\n"
                "  public _toCloudFormation(): object {\n"
                "    return this.fragment;\n"
                "  }\n"
                "}\n\n";
    }
    code += "/**\n";
    if (m_root.contains("Description") && m_root["Description"].is_string())
        code += " * " + commentText(m_root["Description"].get<std::string>()) + "\n *\n";
    code += " * Every resource is an L1 construct whose construct id is its logical ID, so the\n"
            " * synthesized template keeps the logical IDs of the original.\n"
            " */\n";
    code += "export class " + out.className + " extends cdk.Stack {\n";
    code += "  constructor(scope: Construct, id: string, props?: cdk.StackProps) {\n";
    code += "    super(scope, id, props);\n";
    if (!m_body.empty() && m_body.front() != '\n')
        code += "\n";
    // The head goes in front of the body where the body already stands, not into a third copy.
    out.code = std::move(m_body.insert(0, code));
    out.code += "  }\n}\n";
    return out;
}

} // namespace cdk

std::string cdkClassName(const std::string &stackName)
{
    std::string base = words(stackName, true);
    if (base.empty() || (base[0] >= '0' && base[0] <= '9'))
        base = "Template" + base;
    if (base.size() < 5 || base.compare(base.size() - 5, 5, "Stack") != 0)
        base += "Stack";
    return base;
}

std::string cdkFileStem(const std::string &stackName)
{
    std::string out;
    const std::string pascal = cdkClassName(stackName);
    for (std::size_t i = 0; i < pascal.size(); ++i) {
        const char c = pascal[i];
        if (c >= 'A' && c <= 'Z') {
            if (i > 0)
                out += '-';
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    return out;
}

CdkStackSource writeCdkStack(const Json &root, const std::string &stackName)
{
    return cdk::StackWriter(root, stackName).write();
}

} // namespace sc
