// Family 1: the template's structure and CloudFormation's limits.

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include "model/catalog/catalog.h"
#include "model/document/treeedit.h"

#include <algorithm>
#include <string_view>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

bool isAlnum(const std::string &s)
{
    if (s.empty())
        return false;
    for (unsigned char c : s)
        if (!std::isalnum(c))
            return false;
    return true;
}

// Renames a misspelt Resources section. Each resource is moved on its own, so that the document
// sees resources arrive one by one (as a user adding them would), not a section replaced.
Fix resourcesSectionFix(const std::string &section)
{
    return Fix{"Rename section " + section + " to Resources", [section](EditRecorder &r, std::string &error) {
                   const std::string from = SourceMap::join("", section);
                   const Json *old = tree::find(r.root(), from);
                   if (!old || !old->is_object() || r.root().contains("Resources")) {
                       error = "cannot rename " + section;
                       return false;
                   }
                   const Json resources = *old;
                   r.set("/Resources", Json::object(), tree::indexOfKey(r.root(), section));
                   r.remove(from);
                   for (auto it = resources.begin(); it != resources.end(); ++it)
                       r.set(SourceMap::join("/Resources", it.key()), *it);
                   return true;
               }};
}

struct UnknownType {
    std::string guess; // the closest catalog type of the same service, or ""
};

// An AWS:: (or Alexa::) type the catalog does not know; nullopt for known, custom and
// third-party registry types.
std::optional<UnknownType> unknownType(const ResourceView &r)
{
    if (r.type.empty() || r.spec)
        return std::nullopt;
    if (r.type.rfind("AWS::", 0) != 0 && r.type.rfind("Alexa::", 0) != 0)
        return std::nullopt;
    // Suggest within the same service: cheap, and a close name there is almost surely a typo.
    std::vector<std::string> candidates;
    const std::string service = r.type.substr(0, r.type.rfind("::") + 2);
    for (const std::string &t : Catalog::instance().typeNames())
        if (t.rfind(service, 0) == 0)
            candidates.push_back(t);
    return UnknownType{closest(r.type, candidates)};
}

// Counted sections and their limits (CloudFormation quotas, reference §6.7).
struct Limit {
    const char *section;
    std::size_t max;
    const char *what;
};
constexpr Limit kLimits[] = {{"Resources", 500, "resources"},
                             {"Parameters", 200, "parameters"},
                             {"Outputs", 200, "outputs"},
                             {"Mappings", 200, "mappings"}};

} // namespace

namespace {

// Top-level sections.

void unknownSection(const RuleContext &c, FindingList &out)
{
    static const std::vector<std::string> known{
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
        "Conditions", "Transform", "Resources", "Outputs", "Hooks"};
    if (!c.root().is_object()) {
        out.add("", "the template must be a mapping of sections");
        return;
    }
    for (auto it = c.root().begin(); it != c.root().end(); ++it) {
        if (std::find(known.begin(), known.end(), it.key()) != known.end())
            continue;
        if (c.isSam() && it.key() == "Globals")
            continue; // SAM's section of shared function/API settings
        const std::string p = SourceMap::join("", it.key());
        const std::string guess = closest(it.key(), known);
        if (guess.empty() || c.root().contains(guess))
            out.add(p, "'" + it.key() + "' is not a template section"
                           + (guess.empty() ? std::string() : "; did you mean '" + guess + "'?"));
        else
            out.add(p, "'" + it.key() + "' is not a template section; did you mean '" + guess + "'?",
                    guess == "Resources" ? resourcesSectionFix(it.key())
                                         : renameKeyFix("Rename section " + it.key() + " to " + guess, p, guess));
    }
}

void noResources(const RuleContext &c, FindingList &out)
{
    if (!c.root().is_object())
        return;
    const auto it = c.root().find("Resources");
    if (it == c.root().end())
        out.add("", "the template has no Resources section");
    else if (!it->is_object() || it->empty())
        out.add("/Resources", "Resources must declare at least one resource");
}

void invalidFormatVersion(const RuleContext &c, FindingList &out)
{
    const Json *v = member(&c.root(), "AWSTemplateFormatVersion");
    if (v && !(v->is_string() && v->get<std::string>() == "2010-09-09"))
        out.add("/AWSTemplateFormatVersion", "AWSTemplateFormatVersion must be '2010-09-09'",
                setFix("Set AWSTemplateFormatVersion to 2010-09-09", "/AWSTemplateFormatVersion", "2010-09-09"));
}

void invalidDescription(const RuleContext &c, FindingList &out)
{
    const Json *v = member(&c.root(), "Description");
    if (!v)
        return;
    if (!v->is_string())
        out.add("/Description", "Description must be a literal string");
    else if (v->get_ref<const std::string &>().size() > 1024)
        out.add("/Description", "Description is " + std::to_string(v->get_ref<const std::string &>().size())
                                    + " bytes; the limit is 1,024");
}

void addSectionRules(std::vector<Rule> &rules)
{
    add(rules, "E1001", "Unknown top-level section", 3,
        "A template has a fixed set of top-level sections: AWSTemplateFormatVersion, Description, "
        "Metadata, Parameters, Rules, Mappings, Conditions, Transform, Resources, Outputs and Hooks. "
        "CloudFormation rejects any other key before it creates anything, so a misspelt section "
        "(\"Resource\", \"Output\") fails the whole stack operation.",
        unknownSection);

    add(rules, "E1002", "No resources", 3,
        "Resources is the only required section of a template, and it must declare at least one "
        "resource: a stack is the set of resources it manages. A template with only parameters or "
        "outputs is rejected.",
        noResources);

    add(rules, "E1003", "Invalid AWSTemplateFormatVersion", 3,
        "The only format version CloudFormation has ever defined is the date string '2010-09-09'. "
        "Written unquoted in YAML some tools read it as a date; any other value is rejected.",
        invalidFormatVersion);

    add(rules, "E1004", "Invalid Description", 3,
        "The template Description is a literal string of at most 1,024 bytes; intrinsic functions "
        "are not allowed there because it is read before anything is resolved.",
        invalidDescription);
}

// Resource entries: type, logical ID, attributes, Properties.

void resourceWithoutType(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        if (!r.node->is_object())
            out.add(r.pointer, "resource '" + r.id + "' must be a mapping with a Type");
        else if (!r.node->contains("Type"))
            out.add(r.pointer, "resource '" + r.id + "' has no Type");
        else if (r.type.empty())
            out.add(r.pointer + "/Type", "the Type of '" + r.id + "' must be a string");
    }
}

void unknownResourceType(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources())
        if (const auto unknown = unknownType(r); unknown && !unknown->guess.empty())
            out.add(r.pointer + "/Type", "'" + r.type + "' is not a CloudFormation resource type; did you mean '"
                                             + unknown->guess + "'?",
                    Fix{"Change the type of " + r.id + " to " + unknown->guess,
                        [p = r.pointer + "/Type", guess = unknown->guess](EditRecorder &rec, std::string &) {
                            rec.set(p, guess);
                            return true;
                        }});
}

void typeNotInCatalog(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources())
        if (const auto unknown = unknownType(r); unknown && unknown->guess.empty())
            out.add(r.pointer + "/Type", "'" + r.type + "' is not in StackCanvas's catalog (" + catalogSource()
                                             + "): it may be newer than the catalog, or misspelt");
}

void invalidLogicalId(const RuleContext &c, FindingList &out)
{
    for (const char *section : {"Resources", "Parameters", "Outputs", "Mappings"}) {
        const Json &s = c.section(section);
        for (auto it = s.begin(); it != s.end(); ++it) {
            if (it.key().rfind("Fn::", 0) == 0 || isAlnum(it.key()))
                continue;
            out.add(SourceMap::join(std::string("/") + section, it.key()),
                    "'" + it.key() + "' is not a valid name: use only letters and digits");
        }
    }
}

void nameTooLong(const RuleContext &c, FindingList &out)
{
    for (const char *section : {"Resources", "Parameters", "Outputs", "Conditions", "Mappings"}) {
        const Json &s = c.section(section);
        for (auto it = s.begin(); it != s.end(); ++it)
            if (it.key().size() > 255)
                out.add(SourceMap::join(std::string("/") + section, it.key()),
                        "the name has " + std::to_string(it.key().size()) + " characters; the limit is 255");
    }
}

void unknownResourceAttribute(const RuleContext &c, FindingList &out)
{
    static const std::vector<std::string> known{
        "Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy",
        "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy", "Version"};
    for (const ResourceView &r : c.resources()) {
        if (!r.node->is_object())
            continue;
        for (auto it = r.node->begin(); it != r.node->end(); ++it) {
            if (std::find(known.begin(), known.end(), it.key()) != known.end())
                continue;
            // SAM's own attributes: Connectors, and IgnoreGlobals (Globals this resource opts out of).
            if (c.isSam() && (it.key() == "Connectors" || (it.key() == "IgnoreGlobals" && r.type.rfind("AWS::Serverless::", 0) == 0)))
                continue;
            const std::string p = SourceMap::join(r.pointer, it.key());
            const std::string msg = "'" + it.key() + "' is not a resource attribute";
            const Json *props = r.attribute("Properties");
            const std::string guess = closest(it.key(), known);
            if (r.spec && r.spec->property(it.key()) && (!props || (props->is_object() && !props->contains(it.key()))))
                out.add(p, msg + "; it is a property: move it under Properties",
                        Fix{"Move " + it.key() + " of " + r.id + " under Properties",
                            [p, key = it.key(), value = *it, props = r.pointer + "/Properties"](EditRecorder &rec, std::string &) {
                                rec.remove(p);
                                rec.ensureObject(props);
                                rec.set(SourceMap::join(props, key), value);
                                return true;
                            }});
            else if (!guess.empty() && !r.node->contains(guess))
                out.add(p, msg + "; did you mean '" + guess + "'?",
                        renameKeyFix("Rename " + it.key() + " to " + guess, p, guess));
            else
                out.add(p, msg + (guess.empty() ? std::string() : "; did you mean '" + guess + "'?"));
        }
    }
}

void propertiesNotMapping(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        const Json *p = r.attribute("Properties");
        if (p && !p->is_object() && !p->is_null())
            out.add(r.pointer + "/Properties", "Properties of '" + r.id + "' must be a mapping");
    }
}

void addResourceEntryRules(std::vector<Rule> &rules)
{
    add(rules, "E1010", "Resource without a valid Type", 3,
        "Every resource is a mapping with a Type string such as AWS::S3::Bucket; the type decides "
        "which properties apply and which service creates it.",
        resourceWithoutType);

    add(rules, "E1011", "Unknown resource type", 3,
        "CloudFormation creates only the types in its registry. A misspelt AWS:: type (AWS::S3::Buckets) "
        "is rejected when the stack is created; Custom:: types go to your own provider, and types of "
        "other namespaces are registry extensions that must be activated in the account.",
        unknownResourceType);

    add(rules, "W1016", "Resource type not in the catalog", 3,
        "StackCanvas knows the resource types of the AWS specification it was built with. A type it "
        "does not know and that resembles none of them may be newer than that specification, or a "
        "type that does not exist; only CloudFormation can tell, when the stack is created. Check "
        "the name against the AWS resource and property types reference.",
        typeNotInCatalog);

    add(rules, "E1012", "Invalid logical ID or name", 3,
        "Logical IDs of resources, and the names of parameters, outputs and mappings, are "
        "alphanumeric (A-Z, a-z, 0-9) and unique within the template. They are how Ref, Fn::GetAtt "
        "and DependsOn find each other, and changing a resource's logical ID replaces it. Condition "
        "names are the exception: CloudFormation accepts other characters there, and widely "
        "deployed templates use names such as Is-EC2-VPC or PrivateSubnets&3AZCondition.",
        invalidLogicalId);

    add(rules, "E1013", "Name too long", 3,
        "Logical IDs and parameter, output and mapping names have at most 255 characters; custom "
        "resource type names (after Custom::) at most 60.",
        nameTooLong);

    add(rules, "E1014", "Unknown resource attribute", 3,
        "Besides Type and Properties a resource may carry only CloudFormation's resource attributes: "
        "DependsOn, Condition, Metadata, DeletionPolicy, UpdateReplacePolicy, UpdatePolicy and "
        "CreationPolicy. A property written one level too high (at the resource instead of under "
        "Properties) is a common slip and is rejected.",
        unknownResourceAttribute);

    add(rules, "E1015", "Properties is not a mapping", 3,
        "A resource's Properties is a mapping of property names to values (or an Fn::If choosing "
        "one); a list or a string there is rejected.",
        propertiesNotMapping);
}

// CloudFormation quotas on templates.

void limitExceeded(const RuleContext &c, FindingList &out)
{
    for (const Limit &l : kLimits) {
        const std::size_t n = c.section(l.section).size();
        if (n > l.max)
            out.add(std::string("/") + l.section, "the template has " + std::to_string(n) + " " + l.what
                                                       + "; CloudFormation allows " + std::to_string(l.max));
    }
}

void closeToLimit(const RuleContext &c, FindingList &out)
{
    for (const Limit &l : kLimits) {
        const std::size_t n = c.section(l.section).size();
        if (n <= l.max && n * 10 >= l.max * 9)
            out.add(std::string("/") + l.section, "the template has " + std::to_string(n) + " of at most "
                                                       + std::to_string(l.max) + " " + l.what);
    }
    const std::size_t bytes = c.templateBytes();
    if (bytes <= 1024 * 1024 && bytes * 10 >= 1024 * 1024 * 9)
        out.add("", "the template is " + std::to_string(bytes) + " bytes; the limit is 1,048,576");
}

void bodyOverOneMegabyte(const RuleContext &c, FindingList &out)
{
    if (c.templateBytes() > 1024 * 1024)
        out.add("", "the template is " + std::to_string(c.templateBytes())
                        + " bytes; CloudFormation accepts at most 1,048,576");
}

void tooLargeToPassInline(const RuleContext &c, FindingList &out)
{
    const std::size_t bytes = c.templateBytes();
    if (bytes > 51200 && bytes <= 1024 * 1024)
        out.add("", "the template is " + std::to_string(bytes)
                        + " bytes: more than 51,200, so deploy it from S3 (TemplateURL)");
}

void addLimitRules(std::vector<Rule> &rules)
{
    add(rules, "E1020", "Template limit exceeded", 3,
        "CloudFormation quotas per template: 500 resources, 200 parameters, 200 outputs, 200 mappings. "
        "A larger architecture is split into nested stacks or several stacks that share values "
        "through exports (Fn::ImportValue).",
        limitExceeded);

    add(rules, "W1021", "Close to a template limit", 3,
        "Within 10% of a CloudFormation quota (500 resources, 200 parameters, 200 outputs, 200 "
        "mappings, 1 MB body): the next features will not fit. Plan the split into nested stacks "
        "now, while moving resources is still cheap.",
        closeToLimit);

    add(rules, "E1022", "Template body larger than 1 MB", 3,
        "A template uploaded through S3 (TemplateURL) may be at most 1 MB (1,048,576 bytes). "
        "Beyond that, split it into nested stacks.",
        bodyOverOneMegabyte);

    add(rules, "W1023", "Template too large to pass inline", 3,
        "A template passed in the request (TemplateBody, the console's file upload, "
        "aws cloudformation deploy without --s3-bucket) may be at most 51,200 bytes. A larger one "
        "must be uploaded to S3 first and passed as TemplateURL.",
        tooLargeToPassInline);
}

// Parameters and Outputs.

// "AWS::Service::Resource::Property": three names of ASCII letters and digits after "AWS::".
bool isAwsSpecificParameterType(std::string_view type)
{
    constexpr std::string_view prefix = "AWS::";
    if (type.substr(0, prefix.size()) != prefix)
        return false;
    type.remove_prefix(prefix.size());
    for (int names = 1;; ++names) {
        const std::size_t end = type.find("::");
        const std::string_view name = type.substr(0, end);
        const bool alnum = std::all_of(name.begin(), name.end(), [](char ch) {
            return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        });
        if (name.empty() || !alnum)
            return false;
        if (end == std::string_view::npos)
            return names == 3;
        type.remove_prefix(end + 2);
    }
}

bool isDocumentedParameterType(const std::string &type)
{
    if (type == "String" || type == "Number" || type == "List<Number>" || type == "CommaDelimitedList"
        || type == "AWS::SSM::Parameter::Name" || isAwsSpecificParameterType(type))
        return true;
    const std::string_view t = type;
    constexpr std::string_view list = "List<", ssmValue = "AWS::SSM::Parameter::Value<";
    if (t.substr(0, list.size()) == list && t.back() == '>')
        return isAwsSpecificParameterType(t.substr(list.size(), t.size() - list.size() - 1));
    // Any type in the angle brackets, on one line.
    return t.size() > ssmValue.size() + 1 && t.substr(0, ssmValue.size()) == ssmValue && t.back() == '>'
           && t.find_first_of("\n\r") == std::string_view::npos;
}

// A "List<...>" that is not a documented list type: CloudFormation takes it, unchecked.
bool isUncheckedListType(const std::string &type)
{
    return type.size() > 6 && type.rfind("List<", 0) == 0 && type.back() == '>' && !isDocumentedParameterType(type);
}

void invalidParameter(const RuleContext &c, FindingList &out)
{
    const Json &params = c.section("Parameters");
    for (auto it = params.begin(); it != params.end(); ++it) {
        const std::string p = SourceMap::join("/Parameters", it.key());
        if (!it->is_object()) {
            out.add(p, "parameter '" + it.key() + "' must be a mapping with a Type");
            continue;
        }
        const Json *t = member(&*it, "Type");
        if (!t) {
            out.add(p, "parameter '" + it.key() + "' has no Type");
            continue;
        }
        if (!t->is_string() || !isDocumentedParameterType(t->get<std::string>())) {
            // Any other List<...> is W1031's: CloudFormation takes it without checking it.
            if (!t->is_string() || !isUncheckedListType(t->get<std::string>()))
                out.add(p + "/Type", "'" + (t->is_string() ? t->get<std::string>() : t->dump())
                                         + "' is not a parameter type");
            continue;
        }
        const Json *allowed = member(&*it, "AllowedValues");
        const Json *def = member(&*it, "Default");
        if (allowed && allowed->is_array() && def && !def->is_array() && !def->is_object()) {
            const std::string d = def->is_string() ? def->get<std::string>() : def->dump();
            bool found = false;
            for (const Json &a : *allowed)
                found = found || (a.is_string() ? a.get<std::string>() : a.dump()) == d;
            const bool list = t->get<std::string>().rfind("List<", 0) == 0
                              || t->get<std::string>() == "CommaDelimitedList";
            if (!found && !list)
                out.add(p + "/Default", "the Default '" + d + "' is not one of the AllowedValues");
        }
    }
}

void uncheckedListParameter(const RuleContext &c, FindingList &out)
{
    const Json &params = c.section("Parameters");
    for (auto it = params.begin(); it != params.end(); ++it) {
        const Json *t = it->is_object() ? member(&*it, "Type") : nullptr;
        if (t && t->is_string() && isUncheckedListType(t->get<std::string>()))
            out.add(SourceMap::join("/Parameters", it.key()) + "/Type",
                    "'" + t->get<std::string>() + "' is not a documented parameter type: CloudFormation "
                    "accepts any List<...> but checks only List<Number> and the AWS-specific lists, "
                    "so a wrong value reaches the resources unchecked (CommaDelimitedList is the "
                    "documented list of strings)");
    }
}

void outputWithoutValue(const RuleContext &c, FindingList &out)
{
    const Json &outputs = c.section("Outputs");
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        if (it.key().rfind("Fn::ForEach", 0) == 0)
            continue;
        const std::string p = SourceMap::join("/Outputs", it.key());
        if (!it->is_object() || !it->contains("Value"))
            out.add(p, "output '" + it.key() + "' has no Value");
    }
}

void addParameterAndOutputRules(std::vector<Rule> &rules)
{
    add(rules, "E1030", "Invalid parameter", 3,
        "A parameter needs a Type: String, Number, List<Number>, CommaDelimitedList, an "
        "AWS-specific type (AWS::EC2::VPC::Id, List<AWS::EC2::Subnet::Id>, ...) or an SSM parameter "
        "type (AWS::SSM::Parameter::Value<String>). A Default must satisfy the parameter's own "
        "AllowedValues, or the stack cannot be created with the defaults.",
        invalidParameter);

    add(rules, "W1031", "Parameter type CloudFormation does not check", 3,
        "CloudFormation accepts a parameter of any List<...> type, but it checks the values only of "
        "List<Number> and the AWS-specific lists such as List<AWS::EC2::Subnet::Id>; for another "
        "one, such as List<String>, whatever is passed reaches the resources as it is. "
        "CommaDelimitedList is the documented type for a list of strings.",
        uncheckedListParameter);

    add(rules, "E1040", "Output without a Value", 3,
        "Each output needs a Value; an Export Name, if given, must be unique in the Region and "
        "cannot depend on a resource (exports are resolved before resources exist).",
        outputWithoutValue);
}

} // namespace

void addTemplateRules(std::vector<Rule> &rules)
{
    addSectionRules(rules);
    addResourceEntryRules(rules);
    addLimitRules(rules);
    addParameterAndOutputRules(rules);
}

} // namespace sc::rulefamilies
