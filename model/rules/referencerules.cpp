// Family 2: references between logical IDs and the shape of intrinsic functions.

#include "model/rules/ruleregistry.h"
#include "model/rules/dependencycycles.h"
#include "model/rules/rulehelpers.h"

#include "model/catalog/catalog.h"
#include "model/document/treeedit.h"
#include "model/template/intrinsics.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

// A card dropped from the palette carries its kind's default references (a subnet's
// VpcId: !Ref VPC) until the user connects it. Such a reference is "not connected yet" (W2017),
// not a broken one: it is exactly what the overlay writes at that place, in a resource placed on
// the canvas (it has a layout entry), and its target does not exist. The connection rule of that
// place says what to connect it to.
std::optional<ConnectionRule> unconnectedPlaceholder(const RuleContext &c, const Reference &r)
{
    if (r.kind == Reference::Kind::DependsOn || c.isRefTarget(r.target) || r.pointer.rfind("/Resources/", 0) != 0)
        return std::nullopt;
    const std::size_t end = r.pointer.find('/', 11);
    const std::string resourcePointer = r.pointer.substr(0, end);
    const std::string properties = resourcePointer + "/Properties";
    if (r.pointer.compare(0, properties.size(), properties) != 0 || r.pointer.size() <= properties.size())
        return std::nullopt;
    const Json *resource = tree::find(c.root(), resourcePointer);
    const Json *type = member(resource, "Type");
    const KindOverlay *overlay = type && type->is_string() ? Catalog::instance().overlay(type->get<std::string>()) : nullptr;
    const std::string id = resourcePointer.substr(11);
    if (!overlay || !tree::find(c.root(), SourceMap::join(Document::kLayoutPointer, id)))
        return std::nullopt;
    const std::string relative = r.pointer.substr(properties.size());
    const Json *placeholder = tree::find(overlay->defaults, relative);
    const Json *actual = tree::find(c.root(), r.pointer);
    if (!placeholder || !actual || *placeholder != *actual)
        return std::nullopt;
    // The place as a rule path: "/SubnetIds/0/..." -> "SubnetIds/-/...", matched against the
    // rules of this kind.
    std::vector<std::string> segments;
    for (std::size_t at = 1; at <= relative.size();) {
        const std::size_t next = std::min(relative.find('/', at), relative.size());
        std::string segment = relative.substr(at, next - at);
        if (!segment.empty() && segment.find_first_not_of("0123456789") == std::string::npos)
            segment = "-";
        segments.push_back(segment);
        at = next + 1;
    }
    for (const ConnectionRule &rule : Catalog::instance().connectionRulesFrom(type->get<std::string>())) {
        std::string path;
        for (const std::string &segment : segments) {
            path += (path.empty() ? "" : "/") + segment;
            if (path == rule.propertyPath)
                return rule;
        }
    }
    return ConnectionRule{};
}

const std::vector<const Reference *> &allReferences(const RuleContext &c)
{
    // Inside Fn::ForEach, ${Identifier} names the loop variable, not a template entity; a
    // palette card's default reference is W2017's. Found once for the rules that read them.
    static const char tag = 0;
    return c.shared<std::vector<const Reference *>>(&tag, [&c] {
        std::vector<const Reference *> out;
        for (const std::vector<Reference> *list : {&c.references(), &c.otherReferences()})
            for (const Reference &r : *list)
                if (r.pointer.find("/Fn::ForEach::") == std::string::npos && !unconnectedPlaceholder(c, r))
                    out.push_back(&r);
        return out;
    });
}

// The module resource ("Org::Service::Name::MODULE") whose logical ID starts `target`: the
// template refers to a module's resources by the module's logical ID followed by theirs
// ("Storage" + "Bucket"), and what a module holds is not in the template to check.
const ResourceView *moduleHolding(const RuleContext &c, const std::string &target)
{
    static constexpr std::string_view suffix = "::MODULE";
    for (const ResourceView &r : c.resources()) {
        if (r.type.size() > suffix.size() && r.type.compare(r.type.size() - suffix.size(), suffix.size(), suffix) == 0
            && target.size() > r.id.size() && target.compare(0, r.id.size(), r.id) == 0)
            return &r;
    }
    return nullptr;
}

const std::vector<std::string> &pseudoParameters()
{
    static const std::vector<std::string> names{"AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
                                                "AWS::Partition", "AWS::Region", "AWS::StackId",
                                                "AWS::StackName", "AWS::URLSuffix"};
    return names;
}

// What a Ref may name in this template: resources and parameters.
std::vector<std::string> refTargets(const RuleContext &c)
{
    std::vector<std::string> out;
    for (const ResourceView &r : c.resources())
        out.push_back(r.id);
    const Json &params = c.section("Parameters");
    for (auto it = params.begin(); it != params.end(); ++it)
        out.push_back(it.key());
    return out;
}

std::string cycleMessage(const DependencyCycle &cycle)
{
    std::string msg = "circular dependency: " + describeCycle(cycle);
    if (cycle.members > cycle.path.size())
        msg += " (" + std::to_string(cycle.members) + " resources depend on each other in all)";
    return msg;
}

// Types whose GetAtt attributes are decided by their provider, not by a schema.
bool acceptsAnyAttribute(const ResourceView &r)
{
    return r.type.rfind("Custom::", 0) == 0 || r.type == "AWS::CloudFormation::CustomResource" || !r.spec
           || r.type.rfind("AWS::Serverless::", 0) == 0;
}

// "Treatments.*.Key" matches "Treatments.0.Key": some attributes are indexed by the template.
bool matchesPattern(std::string_view pattern, std::string_view name)
{
    while (true) {
        const std::size_t star = pattern.find('*');
        if (star == std::string_view::npos)
            return pattern == name;
        if (name.substr(0, star) != pattern.substr(0, star))
            return false;
        const std::size_t end = name.find('.', star);
        pattern.remove_prefix(star + 1);
        name.remove_prefix(end == std::string_view::npos ? name.size() : end);
    }
}

// Whether CloudFormation accepts the attribute: a fixed one of the type, or a dynamic member of a
// map attribute. A nested stack's and a provisioned product's outputs are read as
// Outputs.<OutputName> (CloudFormation template reference: AWS::CloudFormation::Stack and
// AWS::ServiceCatalog::CloudFormationProvisionedProduct, "Return values").
bool knownAttribute(const ResourceView &r, const std::string &attribute)
{
    if (r.spec->attribute(attribute))
        return true;
    for (const AttributeSpec &a : r.spec->attributes) {
        const bool dynamic = a.type.rfind("Map<", 0) == 0 || (r.type == "AWS::CloudFormation::Stack" && a.name == "Outputs");
        if (dynamic && attribute.size() > a.name.size() + 1 && attribute.compare(0, a.name.size() + 1, a.name + ".") == 0)
            return true;
        if (a.name.find('*') != std::string::npos && matchesPattern(a.name, attribute))
            return true;
    }
    return false;
}

std::optional<Fix> attributeFix(const RuleContext &c, const Reference &ref, const std::string &guess);

void checkAttribute(const RuleContext &c, const Reference &ref, FindingList &out)
{
    const ResourceView *target = c.resource(ref.target);
    if (!target || ref.attribute.empty() || acceptsAnyAttribute(*target) || knownAttribute(*target, ref.attribute))
        return;
    std::vector<std::string> names;
    for (const AttributeSpec &a : target->spec->attributes)
        if (a.name.find('*') == std::string::npos)
            names.push_back(a.name);
    std::string msg = "'" + target->type + "' has no attribute '" + ref.attribute + "'";
    const std::string guess = closest(ref.attribute, names);
    if (guess.empty()) {
        out.add(ref.pointer, msg + (names.empty() ? "; it has no attributes" : ""));
        return;
    }
    out.add(ref.pointer, msg + "; did you mean '" + guess + "'?", attributeFix(c, ref, guess));
}

// Rewrites the one reference to name `guess`, in the form it was written.
std::optional<Fix> attributeFix(const RuleContext &c, const Reference &ref, const std::string &guess)
{
    const std::string label = "Use " + ref.target + "." + guess;
    if (ref.kind == Reference::Kind::GetAtt) {
        const Json *call = tree::find(c.root(), ref.pointer);
        const Json *argument = member(call, "Fn::GetAtt");
        if (!argument)
            return std::nullopt;
        Json fixed = argument->is_string() ? Json(ref.target + "." + guess) : Json::array({ref.target, guess});
        return setFix(label, ref.pointer + "/Fn::GetAtt", std::move(fixed));
    }
    // ${Target.Attribute} inside an Fn::Sub string (alone, or first of [string, variables]).
    const Json *argument = tree::find(c.root(), ref.pointer);
    const bool list = argument && argument->is_array() && !argument->empty();
    const Json *text = list ? &(*argument)[0] : argument;
    if (!text || !text->is_string())
        return std::nullopt;
    std::vector<intrinsics::SubPart> parts = intrinsics::parseSub(text->get_ref<const std::string &>());
    for (intrinsics::SubPart &part : parts) {
        if (part.kind == intrinsics::SubPart::Kind::Variable && part.text == ref.target + "." + ref.attribute)
            part.text = ref.target + "." + guess;
    }
    return setFix(label, list ? ref.pointer + "/0" : ref.pointer, intrinsics::formatSub(parts));
}

std::vector<std::string> dependsOnList(const ResourceView &r)
{
    std::vector<std::string> out;
    const Json *d = r.attribute("DependsOn");
    if (d && d->is_string())
        out.push_back(d->get<std::string>());
    else if (d && d->is_array())
        for (const Json &item : *d)
            if (item.is_string())
                out.push_back(item.get<std::string>());
    return out;
}

// Shapes of the intrinsic functions: which argument forms CloudFormation accepts.
std::string shapeProblem(std::string_view name, const Json &arg)
{
    // A macro's Fn::Transform is replaced by what the macro returns before any function runs.
    if (arg.is_object() && arg.size() == 1 && arg.contains("Fn::Transform"))
        return "";
    auto isList = [&](std::size_t lo, std::size_t hi) { return arg.is_array() && arg.size() >= lo && arg.size() <= hi; };
    if (name == "Ref")
        return arg.is_string() ? "" : "Ref takes a logical ID or parameter name";
    if (name == "Fn::GetAtt") {
        if (arg.is_string())
            return arg.get_ref<const std::string &>().find('.') != std::string::npos ? "" : "Fn::GetAtt takes 'LogicalId.Attribute'";
        return isList(2, 2) && (arg[0].is_string() || arg[0].is_object()) ? "" : "Fn::GetAtt takes [LogicalId, Attribute]";
    }
    if (name == "Fn::Sub")
        return arg.is_string() || (isList(2, 2) && arg[0].is_string() && arg[1].is_object()) || isList(1, 1)
                   ? "" : "Fn::Sub takes a string or [string, {variables}]";
    if (name == "Fn::Join")
        return isList(2, 2) && arg[0].is_string() ? "" : "Fn::Join takes [delimiter, [values]]";
    if (name == "Fn::Select")
        return isList(2, 2) ? "" : "Fn::Select takes [index, list]";
    if (name == "Fn::Split")
        return isList(2, 2) && arg[0].is_string() ? "" : "Fn::Split takes [delimiter, string]";
    if (name == "Fn::FindInMap")
        return isList(3, 4) ? "" : "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]";
    if (name == "Fn::If")
        return isList(3, 3) && arg[0].is_string() ? "" : "Fn::If takes [ConditionName, valueIfTrue, valueIfFalse]";
    if (name == "Fn::Equals")
        return isList(2, 2) ? "" : "Fn::Equals takes two values";
    if (name == "Fn::And" || name == "Fn::Or")
        return isList(2, 10) ? "" : std::string(name) + " takes 2 to 10 conditions";
    if (name == "Fn::Not")
        return isList(1, 1) ? "" : "Fn::Not takes a list of one condition";
    if (name == "Fn::Cidr")
        return isList(2, 3) ? "" : "Fn::Cidr takes [ipBlock, count, cidrBits]";
    return "";
}

} // namespace

namespace {

// Ref, Fn::GetAtt, Fn::Sub variables and palette placeholders.

void refToMissing(const RuleContext &c, FindingList &out)
{
    for (const Reference *r : allReferences(c)) {
        if (r->kind != Reference::Kind::Ref || c.isRefTarget(r->target) || moduleHolding(c, r->target))
            continue;
        if (r->pointer.rfind("/Metadata", 0) == 0 || r->pointer.rfind("/Globals", 0) == 0)
            continue;
        const bool pseudo = r->target.rfind("AWS::", 0) == 0;
        std::string msg = pseudo ? "'" + r->target + "' is not a pseudo parameter"
                                 : "Ref to '" + r->target + "', which is not a resource, parameter or pseudo parameter";
        const std::string guess = closest(r->target, pseudo ? pseudoParameters() : refTargets(c));
        if (guess.empty())
            out.add(r->pointer, msg);
        else
            out.add(r->pointer, msg + "; did you mean '" + guess + "'?",
                    setFix("Refer to " + guess, r->pointer + "/Ref", guess));
    }
}

void getAttOnMissing(const RuleContext &c, FindingList &out)
{
    for (const Reference *r : allReferences(c)) {
        const bool getAtt = r->kind == Reference::Kind::GetAtt
                            || (r->kind == Reference::Kind::Sub && !r->attribute.empty());
        if (!getAtt || c.resource(r->target) || c.isSamImplicit(r->target) || moduleHolding(c, r->target))
            continue;
        if (r->pointer.rfind("/Metadata", 0) == 0)
            continue;
        if (r->kind == Reference::Kind::Sub && c.isParameter(r->target))
            out.add(r->pointer, "'${" + r->target + "." + r->attribute + "}': parameters have no attributes");
        else if (r->kind == Reference::Kind::Sub)
            continue; // reported by E2004
        else if (c.isParameter(r->target))
            out.add(r->pointer, "Fn::GetAtt on parameter '" + r->target + "': parameters have no attributes");
        else
            out.add(r->pointer, "Fn::GetAtt on '" + r->target + "', which is not a resource of this template");
    }
}

void unknownGetAttAttribute(const RuleContext &c, FindingList &out)
{
    for (const Reference *r : allReferences(c))
        if (r->kind == Reference::Kind::GetAtt || (r->kind == Reference::Kind::Sub && !r->attribute.empty()))
            checkAttribute(c, *r, out);
}

void unresolvedSubVariable(const RuleContext &c, FindingList &out)
{
    for (const Reference *r : allReferences(c)) {
        if (r->kind != Reference::Kind::Sub || c.isRefTarget(r->target) || moduleHolding(c, r->target))
            continue;
        if (r->pointer.rfind("/Metadata", 0) == 0 || r->pointer.rfind("/Globals", 0) == 0)
            continue;
        const std::string var = r->attribute.empty() ? r->target : r->target + "." + r->attribute;
        out.add(r->pointer, "'${" + var + "}' names no parameter, resource, pseudo parameter or Sub variable");
    }
}

void referenceIntoModule(const RuleContext &c, FindingList &out)
{
    for (const Reference *r : allReferences(c)) {
        if (c.resource(r->target) || c.isRefTarget(r->target))
            continue;
        if (const ResourceView *module = moduleHolding(c, r->target))
            out.add(r->pointer, "'" + r->target + "' is not in this template: it names resource '"
                                    + r->target.substr(module->id.size()) + "' of module " + module->id + " ("
                                    + module->type + "), which CloudFormation adds when it expands the module, "
                                    "so only the deployment can check it");
    }
}

void unterminatedSubVariable(const RuleContext &c, FindingList &out)
{
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        if (u.name != "Fn::Sub")
            continue;
        const Json &arg = u.node->begin().value();
        const Json *text = arg.is_array() && !arg.empty() ? &arg[0] : &arg;
        if (!text->is_string())
            continue;
        const std::string &s = text->get_ref<const std::string &>();
        for (std::size_t at = s.find("${"); at != std::string::npos; at = s.find("${", at + 2)) {
            const std::size_t close = s.find('}', at + 2);
            const std::size_t next = s.find("${", at + 2);
            if (close != std::string::npos && (next == std::string::npos || close < next))
                continue;
            out.add(u.pointer, "'" + s.substr(at, std::min<std::size_t>(24, (next == std::string::npos ? s.size() : next) - at))
                                   + "' opens ${ without closing it: CloudFormation keeps it as text");
            break;
        }
    }
}

void cardNotConnected(const RuleContext &c, FindingList &out)
{
    for (const std::vector<Reference> *list : {&c.references(), &c.otherReferences()})
        for (const Reference &r : *list) {
            const auto rule = unconnectedPlaceholder(c, r);
            if (!rule)
                continue;
            std::string msg = "'" + r.target + "' is not connected yet";
            if (!rule->targetType.empty())
                msg += ": connect this card to " + Catalog::instance().displayName(rule->targetType) + " (" + rule->label
                       + "), or add one named " + r.target;
            out.add(r.pointer, msg);
        }
}

void addRefAndGetAttRules(std::vector<Rule> &rules)
{
    add(rules, "E2001", "Ref to something that does not exist", 3,
        "Ref returns a resource's physical ID (what it returns depends on the type) or a "
        "parameter's value. The name must be a logical ID in this template, a parameter or a "
        "pseudo parameter such as AWS::Region; a dangling Ref fails template validation before "
        "anything is created.",
        refToMissing);

    add(rules, "E2002", "Fn::GetAtt on a missing resource", 3,
        "Fn::GetAtt reads an attribute of a resource in the same template (an ARN, an endpoint "
        "address...). Parameters have no attributes; a resource of another stack is reached through "
        "an export and Fn::ImportValue instead.",
        getAttOnMissing);

    add(rules, "E2003", "Unknown GetAtt attribute", 3,
        "Each resource type exposes a fixed set of attributes (listed under 'Return values' in its "
        "reference page). Custom resources are the exception: their attributes are whatever the "
        "provider returns in Data.",
        unknownGetAttAttribute);

    add(rules, "E2004", "Unresolved ${} variable in Fn::Sub", 3,
        "Fn::Sub replaces ${Name} with a parameter, resource (its Ref value), pseudo parameter or a "
        "variable of the Sub's own map, and ${Name.Attr} with an attribute. Anything else fails "
        "validation; write ${!Literal} to keep the text ${Literal}.",
        unresolvedSubVariable);

    add(rules, "I2018", "Reference into a module", 3,
        "A CloudFormation module (a registered type whose name ends in ::MODULE) adds its own "
        "resources when the stack is created, each under the module's logical ID followed by "
        "its own: a template that uses module Storage with a resource Bucket refers to "
        "StorageBucket with Ref, Fn::GetAtt, Fn::Sub or DependsOn. The module's contents are "
        "not in the template, so such a reference is taken as it is and checked only at "
        "deployment.",
        referenceIntoModule);

    add(rules, "W2016", "Unterminated ${ in Fn::Sub", 3,
        "Fn::Sub substitutes ${Name} only when the braces close. An opening ${ without its } is "
        "kept as plain text, so the value deploys with a literal '${Name' in it instead of the "
        "value meant. Close the brace, or write ${! for a literal ${.",
        unterminatedSubVariable);

    add(rules, "W2017", "Card not connected yet", 3,
        "A card added from the palette comes with references to the resources it needs (a "
        "subnet to its VPC, an alias to its function), named as the palette names new cards. "
        "Until such a resource exists, by adding it or by dragging the card's handle onto an "
        "existing one, CloudFormation would reject the reference; StackCanvas keeps it as a "
        "reminder of what is still to connect.",
        cardNotConnected);
}

// DependsOn and dependency cycles.

void dependsOnMissing(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        const Json *d = r.attribute("DependsOn");
        if (!d)
            continue;
        if (!d->is_string() && !d->is_array()) {
            out.add(r.pointer + "/DependsOn", "DependsOn takes a logical ID or a list of them");
            continue;
        }
        auto check = [&](const Json &item, const std::string &p) {
            if (!item.is_string())
                out.add(p, "DependsOn entries are logical IDs (strings)");
            else if (!c.resource(item.get<std::string>()) && !c.isSamImplicit(item.get<std::string>())
                     && !moduleHolding(c, item.get<std::string>())) {
                const std::string msg = "DependsOn '" + item.get<std::string>() + "', which is not a resource of this template";
                std::vector<std::string> ids;
                for (const ResourceView &other : c.resources())
                    if (other.id != r.id)
                        ids.push_back(other.id);
                if (const std::string guess = closest(item.get<std::string>(), ids); !guess.empty())
                    out.add(p, msg + "; did you mean '" + guess + "'?", setFix("Depend on " + guess, p, guess));
                else
                    out.add(p, msg);
            }
        };
        if (d->is_string())
            check(*d, r.pointer + "/DependsOn");
        else
            for (std::size_t i = 0; i < d->size(); ++i)
                check((*d)[i], ptr(r.pointer + "/DependsOn", i));
    }
}

// The cycles, found once for the two rules that report them.
const std::vector<DependencyCycle> &cyclesOf(const RuleContext &c)
{
    static const char tag = 0;
    return c.shared<std::vector<DependencyCycle>>(&tag, [&c] { return dependencyCycles(c); });
}

void circularDependency(const RuleContext &c, FindingList &out)
{
    for (const DependencyCycle &cycle : cyclesOf(c))
        if (cycle.certain)
            out.add(SourceMap::join("/Resources", cycle.path.front()), cycleMessage(cycle));
}

void circularDependencyThroughSam(const RuleContext &c, FindingList &out)
{
    // Only the edges of SAM resources are uncertain: without one there is no such cycle to find.
    const auto &resources = c.resources();
    if (std::none_of(resources.begin(), resources.end(),
                     [](const ResourceView &r) { return r.type.rfind("AWS::Serverless::", 0) == 0; }))
        return;
    for (const DependencyCycle &cycle : cyclesOf(c))
        if (!cycle.certain)
            out.add(SourceMap::join("/Resources", cycle.path.front()),
                    cycleMessage(cycle) + "; it goes through an AWS SAM resource, so check the transformed template");
}

void addDependencyRules(std::vector<Rule> &rules)
{
    add(rules, "E2005", "DependsOn names a missing resource", 3,
        "DependsOn orders creation (and reverse deletion) after the named resources. It takes "
        "logical IDs of resources in the same template only, not parameters or outputs.",
        dependsOnMissing);

    add(rules, "E2006", "Circular dependency", 3,
        "CloudFormation creates a resource only after everything it references (Ref, Fn::GetAtt, "
        "Fn::Sub, DependsOn). A cycle means no order works and the template is rejected. Break it "
        "with a separate resource (for example an AWS::EC2::SecurityGroupIngress instead of an "
        "inline rule) or by passing a name instead of a reference. The cycle is reported once, on "
        "its first resource in the template.",
        circularDependency);

    add(rules, "W2015", "Circular dependency through an AWS SAM resource", 3,
        "The SAM transform turns each AWS::Serverless resource into several CloudFormation "
        "resources before anything is ordered, and some references end up on a generated resource "
        "rather than on the one you wrote (a GraphQL API's data sources and resolvers, a "
        "function's events and deployment preference). A cycle that needs a reference from a SAM "
        "resource may therefore be resolved by the transform, or may be real: check the "
        "transformed template (sam validate, or the change set's processed template).",
        circularDependencyThroughSam);
}

// Conditions and mappings looked up.

void undefinedCondition(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources())
        if (const auto name = literalString(r.attribute("Condition")); name && !c.isCondition(*name))
            out.add(r.pointer + "/Condition", "condition '" + *name + "' is not defined in Conditions");
    const Json &outputs = c.section("Outputs");
    for (auto it = outputs.begin(); it != outputs.end(); ++it)
        if (const auto name = literalString(member(&*it, "Condition")); name && !c.isCondition(*name))
            out.add(SourceMap::join("/Outputs", it.key()) + "/Condition",
                    "condition '" + *name + "' is not defined in Conditions");
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        if (u.pointer.rfind("/Rules", 0) == 0)
            continue;
        const Json &arg = u.node->begin().value();
        std::string name;
        if (u.name == "Fn::If" && arg.is_array() && !arg.empty() && arg[0].is_string())
            name = arg[0].get<std::string>();
        else if (u.name == "Condition" && arg.is_string())
            name = arg.get<std::string>();
        if (!name.empty() && !c.isCondition(name))
            out.add(u.pointer, "condition '" + name + "' is not defined in Conditions");
    }
}

void findInMapMissingKey(const RuleContext &c, FindingList &out)
{
    const Json &maps = c.section("Mappings");
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        if (u.name != "Fn::FindInMap")
            continue;
        const Json &arg = u.node->begin().value();
        if (!arg.is_array() || arg.size() < 3 || arg.size() > 3)
            continue; // malformed (E2010) or with a default value
        if (!arg[0].is_string())
            continue;
        const std::string map = arg[0].get<std::string>();
        const Json *m = member(&maps, map);
        if (!m) {
            out.add(u.pointer, "mapping '" + map + "' is not defined in Mappings");
            continue;
        }
        if (!arg[1].is_string())
            continue;
        const Json *top = member(m, arg[1].get<std::string>());
        if (!top) {
            out.add(u.pointer, "mapping '" + map + "' has no key '" + arg[1].get<std::string>() + "'");
            continue;
        }
        if (arg[2].is_string() && !member(top, arg[2].get<std::string>()))
            out.add(u.pointer, "mapping '" + map + "' has no key '" + arg[1].get<std::string>() + "/"
                                   + arg[2].get<std::string>() + "'");
    }
}

void addLookupRules(std::vector<Rule> &rules)
{
    add(rules, "E2007", "Undefined condition", 3,
        "A resource's or output's Condition, the first argument of Fn::If and the Condition function "
        "must name an entry of the Conditions section.",
        undefinedCondition);

    add(rules, "E2008", "Fn::FindInMap with a missing map or key", 3,
        "Fn::FindInMap looks up Mappings[MapName][TopLevelKey][SecondLevelKey]. Keys written "
        "literally are checked here; keys computed with Ref (often AWS::Region) fail at deploy time "
        "in a Region the map does not list.",
        findInMapMissingKey);
}

// Unused entries, malformed intrinsics, redundant DependsOn.

// Reports each entry of a top-level section that nothing uses, with a fix that removes it.
void reportUnused(const RuleContext &c, const std::string &section, const std::string &what,
                  const std::set<std::string> &used, FindingList &out)
{
    const std::string pointer = "/" + section;
    const Json &entries = c.section(section);
    for (auto it = entries.begin(); it != entries.end(); ++it)
        if (!used.count(it.key()))
            out.add(SourceMap::join(pointer, it.key()), what + " '" + it.key() + "' is never used",
                    removeEntryFix("Remove unused " + what + " " + it.key(), pointer, it.key(), entries.size()));
}

void unusedParameter(const RuleContext &c, FindingList &out)
{
    if (c.hasTransform() && !c.isSam())
        return; // AWS::Include and macros may use parameters we cannot see
    std::set<std::string> used;
    for (const std::vector<Reference> *list : {&c.references(), &c.otherReferences(), &c.loopReferences()})
        for (const Reference &r : *list)
            used.insert(r.target);
    reportUnused(c, "Parameters", "parameter", used, out);
}

void malformedIntrinsic(const RuleContext &c, FindingList &out)
{
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        if (u.name == "{{resolve")
            continue;
        if (const std::string why = shapeProblem(u.name, u.node->begin().value()); !why.empty())
            out.add(u.pointer, why);
    }
}

void unusedCondition(const RuleContext &c, FindingList &out)
{
    std::set<std::string> used;
    for (const ResourceView &r : c.resources())
        if (auto n = literalString(r.attribute("Condition")))
            used.insert(*n);
    const Json &outputs = c.section("Outputs");
    for (auto it = outputs.begin(); it != outputs.end(); ++it)
        if (auto n = literalString(member(&*it, "Condition")))
            used.insert(*n);
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        const Json &arg = u.node->begin().value();
        if (u.name == "Fn::If" && arg.is_array() && !arg.empty() && arg[0].is_string())
            used.insert(arg[0].get<std::string>());
        else if (u.name == "Condition" && arg.is_string())
            used.insert(arg.get<std::string>());
    }
    if (c.hasTransform() && !c.isSam())
        return;
    reportUnused(c, "Conditions", "condition", used, out);
}

void unusedMapping(const RuleContext &c, FindingList &out)
{
    if (c.hasTransform() && !c.isSam())
        return;
    std::set<std::string> used;
    bool computed = false;
    for (const IntrinsicUse &u : c.intrinsicUses()) {
        const Json &arg = u.node->begin().value();
        if (u.name == "Fn::FindInMap" && arg.is_array() && !arg.empty()) {
            if (arg[0].is_string())
                used.insert(arg[0].get<std::string>());
            else
                computed = true;
        }
    }
    if (computed)
        return;
    reportUnused(c, "Mappings", "mapping", used, out);
}

void redundantDependsOn(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        const std::vector<std::string> deps = dependsOnList(r);
        if (deps.empty())
            continue;
        std::set<std::string> implicitTargets;
        for (const Reference &ref : c.referencesFrom(r.id))
            if (ref.kind != Reference::Kind::DependsOn)
                implicitTargets.insert(ref.target);
        const Json *d = r.attribute("DependsOn");
        for (std::size_t i = 0; i < deps.size(); ++i) {
            if (!implicitTargets.count(deps[i]))
                continue;
            const bool whole = d->is_string() || d->size() == 1;
            const std::string p = d->is_string() ? r.pointer + "/DependsOn" : ptr(r.pointer + "/DependsOn", i);
            out.add(p, "'" + r.id + "' already references '" + deps[i] + "'; this DependsOn is redundant",
                    removeFix("Remove the redundant DependsOn " + deps[i] + " of " + r.id,
                              whole ? r.pointer + "/DependsOn" : p));
        }
    }
}

void conditionRefersToResource(const RuleContext &c, FindingList &out)
{
    for (const Reference &r : c.otherReferences())
        if (r.pointer.rfind("/Conditions", 0) == 0 && c.resource(r.target))
            out.add(r.pointer, "conditions cannot refer to resource '" + r.target + "'");
}

void addHygieneRules(std::vector<Rule> &rules)
{
    add(rules, "W2009", "Unused parameter", 3,
        "A parameter nothing refers to still has to be answered at every deployment and makes the "
        "template harder to read. Remove it, or use it.",
        unusedParameter);

    add(rules, "E2010", "Malformed intrinsic function", 3,
        "Each intrinsic function takes a fixed argument shape: Ref a name, Fn::GetAtt [LogicalId, "
        "Attribute], Fn::Join [delimiter, list], Fn::If [condition, then, else] ... CloudFormation "
        "rejects any other shape when it validates the template.",
        malformedIntrinsic);

    add(rules, "W2011", "Unused condition", 3,
        "A condition no resource, output or Fn::If uses has no effect. It often means a Condition "
        "attribute was forgotten on the resource that should be optional.",
        unusedCondition);

    add(rules, "W2012", "Unused mapping", 3,
        "A mapping no Fn::FindInMap reads is dead weight (and counts against the 200-mapping quota).",
        unusedMapping);

    add(rules, "I2013", "Redundant DependsOn", 3,
        "A Ref, Fn::GetAtt or Fn::Sub reference already makes CloudFormation create the target "
        "first; repeating it in DependsOn changes nothing. DependsOn is for dependencies the "
        "template cannot see (a route that needs the gateway attachment, an instance that needs "
        "a NAT route).",
        redundantDependsOn);

    add(rules, "E2014", "Condition refers to a resource", 3,
        "Conditions are evaluated from parameters and pseudo parameters before any resource "
        "exists, so a Ref to a resource inside the Conditions section is rejected.",
        conditionRefersToResource);
}

} // namespace

void addReferenceRules(std::vector<Rule> &rules)
{
    addRefAndGetAttRules(rules);
    addDependencyRules(rules);
    addLookupRules(rules);
    addHygieneRules(rules);
}

} // namespace sc::rulefamilies
