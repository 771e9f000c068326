// The template sections around the resources, as CDK code: parameters, mappings, conditions,
// outputs, rules, hooks and transforms. Part of the StackWriter (stackwriter.h).

#include "exporters/cdk/stackwriter.h"

#include "exporters/cdk/cdkresourceorder.h"
#include "model/template/intrinsics.h"
#include "model/template/references.h"

#include <algorithm>
#include <set>

namespace sc::cdk {

void StackWriter::writeTemplateOptions()
{
    if (m_root.contains("AWSTemplateFormatVersion"))
        line("this.templateOptions.templateFormatVersion = " + m_values.asString(m_root["AWSTemplateFormatVersion"], kBody) + ";");
    if (m_root.contains("Description"))
        line("this.templateOptions.description = " + m_values.asString(m_root["Description"], kBody) + ";");
    if (m_root.contains("Metadata"))
        line("this.templateOptions.metadata = " + m_values.any(m_root["Metadata"], kBody) + ";");
    static const std::set<std::string> known{"AWSTemplateFormatVersion", "Description", "Metadata", "Transform",
                                             "Parameters", "Mappings", "Conditions", "Resources", "Outputs",
                                             "Rules", "Hooks"};
    for (auto it = m_root.begin(); it != m_root.end(); ++it) {
        if (!known.count(it.key()))
            for (auto e = it.value().begin(); it.value().is_object() && e != it.value().end(); ++e)
                fragment(it.key(), e.key(), e.value());
    }
}

void StackWriter::writeParameters()
{
    if (!m_root.contains("Parameters") || !m_root["Parameters"].is_object() || m_root["Parameters"].empty())
        return;
    comment("Parameters");
    static const std::vector<std::pair<std::string, std::string>> fields{
        {"Type", "type"}, {"Default", "default"}, {"AllowedValues", "allowedValues"},
        {"AllowedPattern", "allowedPattern"}, {"ConstraintDescription", "constraintDescription"},
        {"Description", "description"}, {"MaxLength", "maxLength"}, {"MaxValue", "maxValue"},
        {"MinLength", "minLength"}, {"MinValue", "minValue"}, {"NoEcho", "noEcho"}};
    for (auto it = m_root["Parameters"].begin(); it != m_root["Parameters"].end(); ++it) {
        const Json &p = it.value();
        bool plain = p.is_object();
        for (auto f = p.begin(); plain && f != p.end(); ++f) {
            plain = std::any_of(fields.begin(), fields.end(), [&](const auto &x) { return x.first == f.key(); });
            if (f.key() == "NoEcho" && !f.value().is_boolean())
                plain = false;
        }
        if (!plain) {
            fragment("Parameters", it.key(), p);
            continue;
        }
        std::vector<std::string> items;
        for (const auto &[cfn, cdk] : fields) {
            if (!p.contains(cfn))
                continue;
            const Json &v = p[cfn];
            std::string code;
            if (cfn == "Default")
                code = m_values.any(v, kBody + 2);
            else if (cfn == "AllowedValues")
                code = m_values.asList(v, kBody + 2);
            else if (cfn.rfind("Max", 0) == 0 || cfn.rfind("Min", 0) == 0)
                code = m_values.asNumber(v, kBody + 2);
            else if (cfn == "NoEcho")
                code = v.get<bool>() ? "true" : "false";
            else
                code = m_values.asString(v, kBody + 2);
            items.push_back(cdk + ": " + code);
        }
        std::string overrideLine;
        const std::string id = constructId(it.key(), "Parameter", overrideLine);
        const std::string var = variableFor(it.key());
        const std::string decl = "new cdk.CfnParameter(this, " + ts::stringLiteral(id) + ", "
                                 + formatList(items, '{', '}', kBody) + ")";
        if (!overrideLine.empty() && var.empty())
            line(decl + overrideLine + ";");
        else
            line((var.empty() ? "" : "const " + var + " = ") + decl + ";");
        if (!overrideLine.empty() && !var.empty())
            line(var + overrideLine + ";");
        m_defined.insert(it.key());
    }
}

void StackWriter::writeMappings()
{
    if (!m_root.contains("Mappings") || !m_root["Mappings"].is_object() || m_root["Mappings"].empty())
        return;
    comment("Mappings");
    for (auto it = m_root["Mappings"].begin(); it != m_root["Mappings"].end(); ++it) {
        // CfnMapping accepts only alphanumeric second-level keys; others go in as written.
        bool alphanumeric = it.value().is_object();
        for (auto top = it.value().begin(); alphanumeric && top != it.value().end(); ++top) {
            alphanumeric = top.value().is_object() && !top.value().empty();
            for (auto second = top.value().begin(); alphanumeric && second != top.value().end(); ++second)
                alphanumeric = ts::isIdentifier(second.key()) && second.key().find('_') == std::string::npos
                               && second.key().find('$') == std::string::npos;
        }
        if (!alphanumeric || it.value().empty()) {
            fragment("Mappings", it.key(), it.value());
            continue;
        }
        std::string overrideLine;
        const std::string id = constructId(it.key(), "Mapping", overrideLine);
        line("new cdk.CfnMapping(this, " + ts::stringLiteral(id) + ", { mapping: " + m_values.any(it.value(), kBody)
             + " })" + overrideLine + ";");
        m_defined.insert(it.key());
    }
}

void StackWriter::writeConditions()
{
    if (!m_root.contains("Conditions") || !m_root["Conditions"].is_object() || m_root["Conditions"].empty())
        return;
    comment("Conditions");
    const Json &conditions = m_root["Conditions"];
    std::vector<std::string> order = dependencyOrder(conditions, [&](const std::string &, const Json &c) {
        std::set<std::string> names;
        collectConditionNames(c, names);
        return names;
    });
    for (const std::string &id : order) {
        std::string overrideLine;
        const std::string cid = constructId(id, "Condition", overrideLine);
        const std::string var = conditionVariable(id);
        const std::string decl = "new cdk.CfnCondition(this, " + ts::stringLiteral(cid) + ", { expression: "
                                 + m_values.asCondition(conditions[id], kBody) + " })";
        line((var.empty() ? "" : "const " + var + " = ") + decl + (var.empty() ? overrideLine : "") + ";");
        if (!var.empty() && !overrideLine.empty())
            line(var + overrideLine + ";");
        m_defined.insert(cdkConditionKey(id));
    }
}

void StackWriter::writeOutputs()
{
    if (!m_root.contains("Outputs") || !m_root["Outputs"].is_object() || m_root["Outputs"].empty())
        return;
    comment("Outputs");
    for (auto it = m_root["Outputs"].begin(); it != m_root["Outputs"].end(); ++it) {
        const Json &o = it.value();
        bool plain = o.is_object() && o.contains("Value") && it.key().rfind("Fn::", 0) != 0;
        for (auto f = o.begin(); plain && f != o.end(); ++f) {
            const std::string &k = f.key();
            plain = k == "Value" || k == "Description" || (k == "Condition" && f.value().is_string()
                                                           && !conditionVariable(f.value().get<std::string>()).empty())
                    || (k == "Export" && f.value().is_object() && f.value().size() == 1 && f.value().contains("Name"));
        }
        if (!plain) {
            fragment("Outputs", it.key(), o);
            continue;
        }
        std::vector<std::string> items{"value: " + m_values.asString(o["Value"], kBody + 2)};
        if (o.contains("Description"))
            items.push_back("description: " + m_values.asString(o["Description"], kBody + 2));
        if (o.contains("Export"))
            items.push_back("exportName: " + m_values.asString(o["Export"]["Name"], kBody + 2));
        if (o.contains("Condition"))
            items.push_back("condition: " + conditionVariable(o["Condition"].get<std::string>()));
        std::string overrideLine;
        const std::string id = constructId(it.key(), "Output", overrideLine);
        line("new cdk.CfnOutput(this, " + ts::stringLiteral(id) + ", " + formatList(items, '{', '}', kBody) + ")"
             + overrideLine + ";");
    }
}

void StackWriter::writeRules()
{
    if (!m_root.contains("Rules") || !m_root["Rules"].is_object() || m_root["Rules"].empty())
        return;
    comment("Rules");
    for (auto it = m_root["Rules"].begin(); it != m_root["Rules"].end(); ++it) {
        const Json &rule = it.value();
        bool plain = rule.is_object();
        for (auto f = rule.begin(); plain && f != rule.end(); ++f)
            plain = f.key() == "RuleCondition" || (f.key() == "Assertions" && f.value().is_array());
        for (const Json &a : plain && rule.contains("Assertions") ? rule["Assertions"] : Json::array()) {
            plain = plain && a.is_object() && a.contains("Assert") && a.contains("AssertDescription");
            for (auto f = a.begin(); plain && f != a.end(); ++f)
                plain = f.key() == "Assert" || f.key() == "AssertDescription";
        }
        if (!plain) {
            fragment("Rules", it.key(), rule);
            continue;
        }
        std::vector<std::string> items;
        if (rule.contains("RuleCondition"))
            items.push_back("ruleCondition: " + m_values.asCondition(rule["RuleCondition"], kBody + 2));
        if (rule.contains("Assertions")) {
            std::vector<std::string> assertions;
            for (const Json &a : rule["Assertions"]) {
                std::vector<std::string> fields{"assert: " + m_values.asCondition(a["Assert"], kBody + 6)};
                if (a.contains("AssertDescription"))
                    fields.push_back("assertDescription: " + m_values.asString(a["AssertDescription"], kBody + 6));
                assertions.push_back(formatList(fields, '{', '}', kBody + 4));
            }
            items.push_back("assertions: " + formatList(assertions, '[', ']', kBody + 2));
        }
        std::string overrideLine;
        const std::string id = constructId(it.key(), "Rule", overrideLine);
        line("new cdk.CfnRule(this, " + ts::stringLiteral(id) + ", " + formatList(items, '{', '}', kBody) + ")"
             + overrideLine + ";");
    }
}

void StackWriter::writeHooks()
{
    if (!m_root.contains("Hooks") || !m_root["Hooks"].is_object() || m_root["Hooks"].empty())
        return;
    comment("Hooks");
    for (auto it = m_root["Hooks"].begin(); it != m_root["Hooks"].end(); ++it) {
        const Json &h = it.value();
        bool plain = h.is_object() && h.contains("Type") && h["Type"].is_string();
        for (auto f = h.begin(); plain && f != h.end(); ++f)
            plain = f.key() == "Type" || (f.key() == "Properties" && f.value().is_object());
        if (!plain) {
            fragment("Hooks", it.key(), h);
            continue;
        }
        std::vector<std::string> items{"type: " + ts::stringLiteral(h["Type"].get<std::string>())};
        if (h.contains("Properties"))
            items.push_back("properties: " + m_values.any(h["Properties"], kBody + 2));
        std::string overrideLine;
        const std::string id = constructId(it.key(), "Hook", overrideLine);
        line("new cdk.CfnHook(this, " + ts::stringLiteral(id) + ", " + formatList(items, '{', '}', kBody) + ")"
             + overrideLine + ";");
    }
}

void StackWriter::writeTransforms()
{
    if (!m_root.contains("Transform"))
        return;
    // Set last: the aws_sam constructs add their transform when created. CDK writes a single
    // transform as a string and several as a list without duplicates, so a one-element list is
    // spelled with the name twice.
    const Json &t = m_root["Transform"];
    std::vector<std::string> names;
    for (const Json &name : t.is_array() ? t : Json::array({t})) {
        if (!name.is_string()) {
            m_notes.push_back("a Transform entry that is not a name was left out");
            continue;
        }
        names.push_back(ts::stringLiteral(name.get<std::string>()));
    }
    if (t.is_array() && names.size() == 1)
        names.push_back(names.front());
    comment("Transforms");
    line("this.templateOptions.transforms = " + formatList(names, '[', ']', kBody) + ";");
}

} // namespace sc::cdk
