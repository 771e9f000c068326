// ScenarioBuilder: which resources of the template carry the target's traffic, and which
// version's traffic each carries (Scenario::trafficPath). Read from the same properties AWS
// uses: a deployment group's LoadBalancerInfo, an ECS service's load balancers and a CodeDeploy
// blue/green hook's traffic routes, an Auto Scaling group's target groups, a Lambda alias.

#include "model/rollout/scenariobuilder.h"

#include <algorithm>

namespace sc {

namespace {

constexpr auto child = &TemplateLookup::child;
using Carries = TrafficPathElement::Carries;

void add(Scenario &s, const TemplateLookup &lookup, const std::string &id, const std::string &role,
         Carries carries = Carries::Both, bool test = false)
{
    const bool known = std::any_of(s.trafficPath.begin(), s.trafficPath.end(), [&](const TrafficPathElement &e) {
        return e.logicalId == id && e.test == test;
    });
    if (!known && lookup.resource(id))
        s.trafficPath.push_back({id, lookup.type(id), role, carries, test});
}

} // namespace

void ScenarioBuilder::addListenerPath(Scenario &s, const std::string &listener, bool test) const
{
    const std::string type = m_lookup.type(listener);
    if (type == "AWS::ElasticLoadBalancingV2::ListenerRule") {
        add(s, m_lookup, listener, test ? "test listener rule" : "production listener rule", Carries::Both, test);
        if (const Json *arn = m_lookup.property(listener, "ListenerArn")) {
            if (auto parent = m_lookup.referencedResource(*arn))
                addListenerPath(s, *parent, test);
        }
        return;
    }
    add(s, m_lookup, listener, test ? "test listener" : "production listener", Carries::Both, test);
    if (const Json *lb = m_lookup.property(listener, "LoadBalancerArn")) {
        if (auto id = m_lookup.referencedResource(*lb))
            add(s, m_lookup, *id, "load balancer", Carries::Both, test);
    }
}

void ScenarioBuilder::addTargetGroupPath(Scenario &s, const std::string &targetGroup, Carries carries,
                                         const std::string &role) const
{
    add(s, m_lookup, targetGroup, role, carries);
    // The listeners (and listener rules) that forward to it, and their load balancers.
    for (const auto &[type, property] : {std::pair{"AWS::ElasticLoadBalancingV2::Listener", "DefaultActions"},
                                         std::pair{"AWS::ElasticLoadBalancingV2::ListenerRule", "Actions"}}) {
        for (const auto &listener : m_lookup.resourcesOfType(type)) {
            const Json *actions = m_lookup.property(listener, property);
            if (actions && m_lookup.mentions(*actions, targetGroup))
                addListenerPath(s, listener, false);
        }
    }
}

void ScenarioBuilder::readTrafficPath(Scenario &s) const
{
    readTrafficPathElements(s);
    // The target groups' own deregistration delay replaces the documented 300 s default.
    for (const auto &e : s.trafficPath) {
        if (e.type != "AWS::ElasticLoadBalancingV2::TargetGroup")
            continue;
        if (const Json *attrs = m_lookup.property(e.logicalId, "TargetGroupAttributes"); attrs && attrs->is_array()) {
            for (const auto &a : *attrs) {
                if (m_lookup.string(child(&a, "Key")) != "deregistration_delay.timeout_seconds")
                    continue;
                if (auto seconds = m_lookup.integer(child(&a, "Value"))) {
                    s.timing.set(timing::DeregistrationDelay, *seconds);
                    s.notes.push_back("deregistration delay " + std::to_string(*seconds) + " s from target group " +
                                      e.logicalId);
                    return;
                }
            }
        }
    }
}

void ScenarioBuilder::readTrafficPathElements(Scenario &s) const
{
    const std::string type = m_lookup.type(s.target);
    auto targetGroupOf = [&](const Json *entry) -> std::optional<std::string> {
        const Json *name = child(entry, "Name");
        if (!name)
            return std::nullopt;
        if (auto id = m_lookup.referencedResource(*name))
            return id;
        for (const auto &tg : m_lookup.resourcesOfType("AWS::ElasticLoadBalancingV2::TargetGroup")) {
            if (m_lookup.string(m_lookup.property(tg, "Name")) == m_lookup.string(name))
                return tg;
        }
        return std::nullopt;
    };
    // A Lambda alias carries both versions by weight; a function URL on the alias is where the
    // requests come in.
    auto addAliasPath = [&](const std::string &alias) {
        for (const auto &url : m_lookup.resourcesOfType("AWS::Lambda::Url")) {
            if (const Json *t = m_lookup.property(url, "TargetFunctionArn"); t && m_lookup.referencedResource(*t) == alias)
                add(s, m_lookup, url, "function URL (the alias)");
        }
        add(s, m_lookup, alias, "alias");
        if (const Json *fn = m_lookup.property(alias, "FunctionName")) {
            if (auto id = m_lookup.referencedResource(*fn))
                add(s, m_lookup, *id, "function (both versions)");
        }
    };
    if (type == "AWS::Lambda::Alias") {
        addAliasPath(s.target);
        return;
    }
    // A Lambda deployment group shifts the aliases whose CodeDeployLambdaAliasUpdate names it.
    if (type == "AWS::CodeDeploy::DeploymentGroup" && s.platform == Platform::Lambda) {
        for (const auto &alias : m_lookup.resourcesOfType("AWS::Lambda::Alias")) {
            const Json *group = child(child(child(m_lookup.resource(alias), "UpdatePolicy"), "CodeDeployLambdaAliasUpdate"),
                                      "DeploymentGroupName");
            if (group && m_lookup.mentions(*group, s.target))
                addAliasPath(alias);
        }
        return;
    }
    if (type == "AWS::Serverless::Function") {
        add(s, m_lookup, s.target, "function and its alias (AutoPublishAlias)");
        return;
    }
    if (type == "AWS::ElasticBeanstalk::Environment") {
        add(s, m_lookup, s.target, "environment URL (CNAME)");
        return;
    }
    if (type == "AWS::Route53::RecordSet") {
        add(s, m_lookup, weightedPartner(s.target), "weighted record (original)", Carries::Original);
        add(s, m_lookup, s.target, "weighted record (new version)", Carries::Replacement);
        return;
    }
    if (type == "AWS::AutoScaling::AutoScalingGroup") {
        if (const Json *tgs = m_lookup.property(s.target, "TargetGroupARNs"); tgs && tgs->is_array()) {
            for (const auto &tg : *tgs) {
                if (auto id = m_lookup.referencedResource(tg))
                    addTargetGroupPath(s, *id, Carries::Both, "target group");
            }
        }
        if (const Json *lbs = m_lookup.property(s.target, "LoadBalancerNames"); lbs && lbs->is_array()) {
            for (const auto &lb : *lbs) {
                if (auto id = m_lookup.referencedResource(lb))
                    add(s, m_lookup, *id, "Classic Load Balancer");
            }
        }
        return;
    }
    // CodeDeploy deployment groups: EC2 target groups or the ECS target-group pair.
    std::vector<std::string> groups;
    if (type == "AWS::CodeDeploy::DeploymentGroup")
        groups.push_back(s.target);
    else if (type == "AWS::ECS::Service") {
        for (const auto &group : m_lookup.resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
            const Json *services = m_lookup.property(group, "ECSServices");
            if (services && m_lookup.mentions(*services, s.target))
                groups.push_back(group);
        }
    }
    for (const auto &group : groups) {
        const Json *info = m_lookup.property(group, "LoadBalancerInfo");
        if (const Json *list = child(info, "TargetGroupInfoList"); list && list->is_array()) {
            for (const auto &entry : *list) {
                if (auto tg = targetGroupOf(&entry))
                    addTargetGroupPath(s, *tg, Carries::Both, "target group");
            }
        }
        if (const Json *list = child(info, "ElbInfoList"); list && list->is_array()) {
            for (const auto &entry : *list) {
                for (const auto &lb : m_lookup.resourcesOfType("AWS::ElasticLoadBalancing::LoadBalancer")) {
                    if (const Json *name = child(&entry, "Name");
                        name && (m_lookup.mentions(*name, lb) ||
                                 m_lookup.string(m_lookup.property(lb, "LoadBalancerName")) == m_lookup.string(name)))
                        add(s, m_lookup, lb, "Classic Load Balancer");
                }
            }
        }
        if (const Json *pairs = child(info, "TargetGroupPairInfoList"); pairs && pairs->is_array()) {
            for (const auto &pair : *pairs) {
                if (const Json *tgs = child(&pair, "TargetGroups"); tgs && tgs->is_array()) {
                    for (std::size_t i = 0; i < tgs->size() && i < 2; ++i) {
                        if (auto tg = targetGroupOf(&(*tgs)[i]))
                            add(s, m_lookup, *tg, i == 0 ? "target group (blue task set)" : "target group (green task set)",
                                i == 0 ? Carries::Original : Carries::Replacement);
                    }
                }
                for (const auto &[route, test] : {std::pair{"ProdTrafficRoute", false}, std::pair{"TestTrafficRoute", true}}) {
                    if (const Json *arns = child(child(&pair, route), "ListenerArns"); arns && arns->is_array()) {
                        for (const auto &arn : *arns) {
                            if (auto listener = m_lookup.referencedResource(arn))
                                addListenerPath(s, *listener, test);
                        }
                    }
                }
            }
        }
    }
    if (type != "AWS::ECS::Service" || !groups.empty())
        return;
    // An ECS service without a deployment group: its own load balancers (and, for ECS's own
    // blue/green, the alternate target group and listener rules), or a CodeDeploy blue/green hook.
    if (const Json *lbs = m_lookup.property(s.target, "LoadBalancers"); lbs && lbs->is_array()) {
        for (const auto &lb : *lbs) {
            const Json *advanced = child(&lb, "AdvancedConfiguration");
            if (const Json *tg = child(&lb, "TargetGroupArn")) {
                if (auto id = m_lookup.referencedResource(*tg))
                    add(s, m_lookup, *id, advanced ? "target group (blue)" : "target group",
                        advanced ? Carries::Original : Carries::Both);
            }
            if (const Json *alt = child(advanced, "AlternateTargetGroupArn")) {
                if (auto id = m_lookup.referencedResource(*alt))
                    add(s, m_lookup, *id, "alternate target group (green)", Carries::Replacement);
            }
            for (const auto &[key, test] : {std::pair{"ProductionListenerRule", false}, std::pair{"TestListenerRule", true}}) {
                if (const Json *rule = child(advanced, key)) {
                    if (auto id = m_lookup.referencedResource(*rule))
                        addListenerPath(s, *id, test);
                }
            }
            if (!advanced) {
                if (const Json *tg = child(&lb, "TargetGroupArn")) {
                    if (auto id = m_lookup.referencedResource(*tg))
                        addTargetGroupPath(s, *id, Carries::Both, "target group");
                }
            }
        }
    }
    if (const Json *hooks = child(&m_root, "Hooks"); hooks && hooks->is_object()) {
        for (const auto &[hookId, hook] : hooks->items()) {
            const Json *apps = child(child(&hook, "Properties"), "Applications");
            if (!apps || !apps->is_array())
                continue;
            for (const auto &app : *apps) {
                if (m_lookup.string(child(child(&app, "Target"), "LogicalID")) != s.target)
                    continue;
                const Json *attrs = child(&app, "ECSAttributes");
                const Json *routing = child(attrs, "TrafficRouting");
                if (auto prod = m_lookup.string(child(child(routing, "ProdTrafficRoute"), "LogicalID")))
                    addListenerPath(s, *prod, false);
                if (auto test = m_lookup.string(child(child(routing, "TestTrafficRoute"), "LogicalID")))
                    addListenerPath(s, *test, true);
                if (const Json *tgs = child(routing, "TargetGroups"); tgs && tgs->is_array()) {
                    for (std::size_t i = 0; i < tgs->size() && i < 2; ++i) {
                        if (auto tg = m_lookup.string(&(*tgs)[i]))
                            add(s, m_lookup, *tg, i == 0 ? "target group (blue task set)" : "target group (green task set)",
                                i == 0 ? Carries::Original : Carries::Replacement);
                    }
                }
            }
        }
    }
}

} // namespace sc
