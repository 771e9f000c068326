#pragma once
// The writer behind writeCdkStack(), shared by the files that implement it: cdkstackwriter.cpp
// (symbols, resources, the stack class) and cdksections.cpp (parameters, mappings, conditions,
// outputs, rules, hooks, transforms). Internal to the cdk-ts exporter.

#include "exporters/cdk/cdkstackwriter.h"
#include "exporters/cdk/cdkvaluewriter.h"
#include "exporters/cdk/typescriptsource.h"
#include "model/template/references.h"

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sc::cdk {

constexpr int kBody = 4; // indentation of statements inside the constructor
constexpr std::size_t kBytesPerResource = 384; // about what one resource's statements take, to size the body once

// Every condition named by {"Condition": X} or Fn::If inside `node`. It walks the whole
// template, so it goes through the containers themselves rather than through Json's iterators.
template <typename NameSet>
void collectConditionNames(const Json &node, NameSet &out)
{
    if (node.is_object()) {
        const auto &members = node.get_ref<const Json::object_t &>();
        if (members.size() == 1) {
            const auto &[key, value] = members.front();
            if (key == "Condition" && value.is_string())
                out.insert(value.template get<std::string>());
            else if (key == "Fn::If" && value.is_array() && !value.empty() && value[0].is_string())
                out.insert(value[0].template get<std::string>());
        }
        for (const auto &member : members)
            collectConditionNames(member.second, out);
    } else if (node.is_array()) {
        for (const Json &e : node.get_ref<const Json::array_t &>())
            collectConditionNames(e, out);
    }
}

class StackWriter {
public:
    StackWriter(const Json &root, const std::string &stackName)
        : m_root(root), m_stackName(stackName), m_values(m_symbols, m_defined)
    {
    }
    CdkStackSource write();

private:
    void declareSymbols();
    void writeTemplateOptions();
    void writeParameters();
    void writeMappings();
    void writeConditions();
    void writeResources();
    void writeResource(const std::string &id, const Json &resource);
    // Notes each token marker the value writer has met so far, once.
    void noteTokenMarkers();
    void writeOutputs();
    void writeRules();
    void writeHooks();
    void writeTransforms();
    void fragment(const std::string &section, const std::string &key, const Json &value);
    std::string constructId(const std::string &logicalId, const std::string &suffix, std::string &overrideLine);
    void line(const std::string &text = {})
    {
        if (!text.empty())
            m_body.append(kBody, ' ').append(text);
        m_body += '\n';
    }
    void comment(const std::string &section) { m_body.append("\n").append(kBody, ' ').append("// ").append(section) += '\n'; }
    std::string variableFor(const std::string &id) const
    {
        const auto it = m_symbols.find(id);
        return it == m_symbols.end() ? std::string() : it->second.variable;
    }
    std::string conditionVariable(const std::string &name) const { return variableFor(cdkConditionKey(name)); }

    const Json &m_root;
    std::string m_stackName;
    std::map<std::string, CdkSymbol> m_symbols;
    std::unordered_set<std::string> m_defined;
    CdkValueWriter m_values;
    ts::NameAllocator m_names;
    std::unordered_set<std::string> m_constructIds;
    std::unordered_set<std::string> m_referenced; // targets of Ref, GetAtt and DependsOn; conditions by cdkConditionKey
    std::unordered_map<std::string, std::vector<Reference>> m_resourceReferences; // by logical ID
    std::unordered_map<std::string_view, const Json *> m_resourcesById; // the section's own lookup walks every key
    std::map<std::string, std::string> m_modules; // alias -> module
    std::string m_body;
    std::vector<std::string> m_deferred; // statements that must wait for every resource
    std::vector<std::string> m_notes;
    bool m_needsFragment = false;
};

} // namespace sc::cdk
