// Family 6: governance: StackSets (permission model, automatic deployment, operation
// preferences) and Service Catalog (products, portfolios, principals, constraints)
// (reference §6.3, §7).

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include <map>
#include <set>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

constexpr const char *kStackSet = "AWS::CloudFormation::StackSet";

std::string permissionModel(const ResourceView &s)
{
    return literalString(s.property("PermissionModel")).value_or("");
}

// The portfolio / product pair a constraint or association names, by logical ID or literal.
std::string keyOf(const Json *v)
{
    if (auto id = referencedId(v))
        return *id;
    return literalString(v).value_or("?");
}

} // namespace

namespace {

// StackSets: permission models, automatic deployment, operation preferences.

void autoDeploymentSelfManaged(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kStackSet))
        if (permissionModel(*s) == "SELF_MANAGED" && s->property("AutoDeployment"))
            out.add(s->propertyPointer("AutoDeployment"), "AutoDeployment needs PermissionModel SERVICE_MANAGED");
}

void retainStacksWithoutAutoDeployment(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kStackSet)) {
        const Json *auto_ = s->property("AutoDeployment");
        if (member(auto_, "RetainStacksOnAccountRemoval") && !literalBool(member(auto_, "Enabled")).value_or(false))
            out.add(s->propertyPointer("AutoDeployment") + "/RetainStacksOnAccountRemoval",
                    "RetainStacksOnAccountRemoval applies only when AutoDeployment Enabled is true",
                    removeFix("Remove RetainStacksOnAccountRemoval of " + s->id,
                              s->propertyPointer("AutoDeployment") + "/RetainStacksOnAccountRemoval"));
    }
}

void countAndPercentageTogether(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kStackSet)) {
        const Json *prefs = s->property("OperationPreferences");
        for (auto [a, b] : {std::pair{"FailureToleranceCount", "FailureTolerancePercentage"},
                            std::pair{"MaxConcurrentCount", "MaxConcurrentPercentage"}})
            if (member(prefs, a) && member(prefs, b))
                out.add(s->propertyPointer("OperationPreferences") + "/" + b,
                        std::string(a) + " and " + b + " cannot both be set");
    }
}

void concurrencyLoweredByTolerance(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kStackSet)) {
        const Json *prefs = s->property("OperationPreferences");
        if (literalString(member(prefs, "ConcurrencyMode")) == "SOFT_FAILURE_TOLERANCE")
            continue;
        const auto max = literalNumber(member(prefs, "MaxConcurrentCount"));
        const double tolerance = literalNumber(member(prefs, "FailureToleranceCount")).value_or(0);
        if (!max || member(prefs, "FailureTolerancePercentage") || *max <= tolerance + 1)
            continue;
        const std::string runs = std::to_string(int(tolerance + 1));
        out.add(s->propertyPointer("OperationPreferences") + "/MaxConcurrentCount",
                "MaxConcurrentCount " + std::to_string(int(*max)) + " is above FailureToleranceCount + 1: in strict "
                "mode (the default) at most " + runs + " account" + (runs == "1" ? "" : "s") + " at a time run in "
                "each Region; set ConcurrencyMode SOFT_FAILURE_TOLERANCE to run " + std::to_string(int(*max)));
    }
}

void targetsMisfitPermissionModel(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kStackSet)) {
        const Json *instances = literalList(s->property("StackInstancesGroup"));
        for (std::size_t i = 0; instances && i < instances->size(); ++i) {
            const Json *targets = member(&(*instances)[i], "DeploymentTargets");
            const std::string p = ptr(s->propertyPointer("StackInstancesGroup"), i) + "/DeploymentTargets";
            if (permissionModel(*s) == "SELF_MANAGED" && member(targets, "OrganizationalUnitIds"))
                out.add(p + "/OrganizationalUnitIds", "a SELF_MANAGED StackSet targets Accounts, not OUs");
            if (permissionModel(*s) == "SERVICE_MANAGED" && member(targets, "Accounts")
                && !member(targets, "OrganizationalUnitIds"))
                out.add(p + "/Accounts", "a SERVICE_MANAGED StackSet targets OrganizationalUnitIds");
        }
    }
}

void regionOrderWithParallel(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kStackSet)) {
        const Json *prefs = s->property("OperationPreferences");
        if (member(prefs, "RegionOrder") && literalString(member(prefs, "RegionConcurrencyType")) == "PARALLEL")
            out.add(s->propertyPointer("OperationPreferences") + "/RegionOrder", "RegionOrder is ignored with PARALLEL",
                    removeFix("Remove the ignored RegionOrder of " + s->id,
                              s->propertyPointer("OperationPreferences") + "/RegionOrder"));
    }
}

void delegatedAdminSelfManaged(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kStackSet))
        if (literalString(s->property("CallAs")) == "DELEGATED_ADMIN" && permissionModel(*s) == "SELF_MANAGED")
            out.add(s->propertyPointer("CallAs"), "DELEGATED_ADMIN needs PermissionModel SERVICE_MANAGED");
}

void addStackSetRules(std::vector<Rule> &rules)
{
    add(rules, "E6001", "Automatic deployment on a self-managed StackSet", 3,
        "AutoDeployment (new accounts of a targeted OU get stack instances automatically) uses AWS "
        "Organizations and exists only with PermissionModel SERVICE_MANAGED. Self-managed "
        "StackSets target explicit accounts through roles you create.",
        autoDeploymentSelfManaged);

    add(rules, "E6002", "RetainStacksOnAccountRemoval without automatic deployment", 3,
        "RetainStacksOnAccountRemoval says whether an account leaving the targeted OU keeps its "
        "stack resources; it can only be given when AutoDeployment is enabled.",
        retainStacksWithoutAutoDeployment);

    add(rules, "E6003", "Both count and percentage in operation preferences", 3,
        "StackSet operation preferences take FailureToleranceCount or FailureTolerancePercentage, "
        "and MaxConcurrentCount or MaxConcurrentPercentage, never both of a pair. Percentages "
        "round down (concurrency never below 1).",
        countAndPercentageTogether);

    add(rules, "I6004", "Concurrency lowered by strict failure tolerance", 3,
        "Under ConcurrencyMode STRICT_FAILURE_TOLERANCE, the default, a StackSet operation starts "
        "at most FailureToleranceCount + 1 accounts at a time in each Region, whatever "
        "MaxConcurrentCount says, and lowers that further as accounts fail: no more accounts can "
        "fail at once than you tolerate. A larger MaxConcurrentCount is not an error, it is "
        "silently lowered. SOFT_FAILURE_TOLERANCE runs at MaxConcurrentCount regardless of "
        "failures. (CloudFormation API Reference, StackSetOperationPreferences.)",
        concurrencyLoweredByTolerance);

    add(rules, "E6005", "Deployment targets that do not fit the permission model", 3,
        "Self-managed StackSets deploy to accounts listed by ID; service-managed ones deploy to "
        "organizational units (OrganizationalUnitIds, optionally filtered by Accounts and "
        "AccountFilterType).",
        targetsMisfitPermissionModel);

    add(rules, "W6006", "Region order with parallel deployment", 3,
        "RegionOrder sets the order of Regions for a SEQUENTIAL operation; with "
        "RegionConcurrencyType PARALLEL every Region starts at once and the order means nothing.",
        regionOrderWithParallel);

    add(rules, "E6007", "Delegated administrator on a self-managed StackSet", 3,
        "CallAs DELEGATED_ADMIN lets a delegated administrator account of the organization act for "
        "the management account; it applies to service-managed StackSets only.",
        delegatedAdminSelfManaged);
}

// Service Catalog products, portfolios and constraints.

void productInNoPortfolio(const RuleContext &c, FindingList &out)
{
    std::set<std::string> associated;
    for (const ResourceView *a : c.ofType("AWS::ServiceCatalog::PortfolioProductAssociation"))
        associated.insert(keyOf(a->property("ProductId")));
    for (const ResourceView *p : c.ofType("AWS::ServiceCatalog::CloudFormationProduct"))
        if (!associated.count(p->id))
            out.add(p->pointer, "product '" + p->id + "' is not associated with any portfolio");
}

void portfolioWithoutPrincipals(const RuleContext &c, FindingList &out)
{
    std::set<std::string> granted;
    for (const char *type : {"AWS::ServiceCatalog::PortfolioPrincipalAssociation", "AWS::ServiceCatalog::PortfolioShare"})
        for (const ResourceView *a : c.ofType(type))
            granted.insert(keyOf(a->property("PortfolioId")));
    for (const ResourceView *p : c.ofType("AWS::ServiceCatalog::Portfolio"))
        if (!granted.count(p->id))
            out.add(p->pointer, "portfolio '" + p->id + "' has no principal association or share");
}

void conflictingLaunchConstraints(const RuleContext &c, FindingList &out)
{
    std::map<std::string, std::vector<const ResourceView *>> launch, stackset;
    for (const ResourceView *r : c.ofType("AWS::ServiceCatalog::LaunchRoleConstraint"))
        launch[keyOf(r->property("PortfolioId")) + "/" + keyOf(r->property("ProductId"))].push_back(r);
    for (const ResourceView *r : c.ofType("AWS::ServiceCatalog::StackSetConstraint"))
        stackset[keyOf(r->property("PortfolioId")) + "/" + keyOf(r->property("ProductId"))].push_back(r);
    for (const auto &[key, list] : launch) {
        for (std::size_t i = 1; i < list.size(); ++i)
            out.add(list[i]->pointer, "a second launch constraint for the same product and portfolio");
        if (stackset.count(key))
            out.add(stackset[key].front()->pointer, "a StackSet constraint cannot coexist with launch constraint '"
                                                        + list.front()->id + "'");
    }
    for (const auto &[key, list] : stackset)
        for (std::size_t i = 1; i < list.size(); ++i)
            out.add(list[i]->pointer, "a second StackSet constraint for the same product and portfolio");
}

void launchRoleTwiceOrNever(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *r : c.ofType("AWS::ServiceCatalog::LaunchRoleConstraint")) {
        const bool arn = r->property("RoleArn"), local = r->property("LocalRoleName");
        if (arn && local)
            out.add(r->propertyPointer("LocalRoleName"), "give RoleArn or LocalRoleName, not both");
        else if (!arn && !local)
            out.add(r->attribute("Properties") ? r->pointer + "/Properties" : r->pointer,
                    "a launch constraint needs RoleArn or LocalRoleName");
    }
}

void artifactWithTwoSources(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *p : c.ofType("AWS::ServiceCatalog::CloudFormationProduct")) {
        const Json *artifacts = literalList(p->property("ProvisioningArtifactParameters"));
        for (std::size_t i = 0; artifacts && i < artifacts->size(); ++i) {
            const Json *info = member(&(*artifacts)[i], "Info");
            if (!info || !info->is_object())
                continue;
            const bool url = member(info, "LoadTemplateFromURL"), stack = member(info, "ImportFromPhysicalId");
            const std::string base = ptr(p->propertyPointer("ProvisioningArtifactParameters"), i) + "/Info";
            if (url && stack)
                out.add(base + "/ImportFromPhysicalId", "use LoadTemplateFromURL or ImportFromPhysicalId, not both");
            else if (!url && !stack)
                out.add(base, "Info needs LoadTemplateFromURL or ImportFromPhysicalId");
        }
    }
}

void principalPatternMisuse(const RuleContext &c, FindingList &out)
{
    std::map<std::string, int> patterns;
    for (const ResourceView *a : c.ofType("AWS::ServiceCatalog::PortfolioPrincipalAssociation")) {
        const auto type = literalString(a->property("PrincipalType"));
        const auto arn = literalString(a->property("PrincipalARN"));
        if (type == "IAM" && arn && arn->find_first_of("*?") != std::string::npos)
            out.add(a->propertyPointer("PrincipalARN"), "wildcards need PrincipalType IAM_PATTERN");
        if (type == "IAM_PATTERN" && ++patterns[keyOf(a->property("PortfolioId"))] == 11)
            out.add(a->propertyPointer("PrincipalType"), "more than 10 IAM_PATTERN principals on one portfolio");
    }
}

void addServiceCatalogRules(std::vector<Rule> &rules)
{
    add(rules, "W6008", "Service Catalog product in no portfolio", 4,
        "End users see products through portfolios they are granted. A product not associated "
        "with any portfolio (AWS::ServiceCatalog::PortfolioProductAssociation) cannot be launched "
        "by anyone.",
        productInNoPortfolio);

    add(rules, "W6009", "Portfolio without principals", 4,
        "Only the IAM users, groups and roles associated with a portfolio "
        "(AWS::ServiceCatalog::PortfolioPrincipalAssociation) see its products. A portfolio with "
        "no principals and no shares is invisible.",
        portfolioWithoutPrincipals);

    add(rules, "E6010", "Conflicting launch constraints", 4,
        "For one product in one portfolio there is at most one LAUNCH constraint and at most one "
        "STACKSET constraint, and LAUNCH cannot coexist with STACKSET.",
        conflictingLaunchConstraints);

    add(rules, "E6011", "Launch role given twice or not at all", 4,
        "A launch constraint names the role that provisions the product: RoleArn (one account's "
        "role) or LocalRoleName (the same-named role in whichever account launches, which suits "
        "shared portfolios), exactly one of them.",
        launchRoleTwiceOrNever);

    add(rules, "E6012", "Provisioning artifact with two template sources", 4,
        "A product version (provisioning artifact) comes from one template: LoadTemplateFromURL "
        "(an S3 URL) or ImportFromPhysicalId (an existing stack's ARN), not both and not neither.",
        artifactWithTwoSources);

    add(rules, "E6013", "Principal association pattern misuse", 4,
        "PrincipalType IAM takes a full ARN of an existing principal, without wildcards; "
        "IAM_PATTERN takes an ARN without account ID where * and ? are allowed, at most 10 per "
        "portfolio.",
        principalPatternMisuse);
}

} // namespace

void addGovernanceRules(std::vector<Rule> &rules)
{
    addStackSetRules(rules);
    addServiceCatalogRules(rules);
}

} // namespace sc::rulefamilies
