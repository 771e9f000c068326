// Family 4, CodeDeploy: deployment groups and configurations for EC2/on-premises, Lambda and
// ECS, the Lambda alias update policy, SAM's DeploymentPreference and ECS deployment
// controllers (reference: aws-deployment-semantics §1-3, §5).

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include <algorithm>
#include <set>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

const Json *at(const Json *v, std::initializer_list<const char *> path)
{
    for (const char *key : path)
        v = member(v, key);
    return v;
}

const std::set<std::string> &serverConfigs()
{
    static const std::set<std::string> s{"CodeDeployDefault.AllAtOnce", "CodeDeployDefault.HalfAtATime",
                                         "CodeDeployDefault.OneAtATime"};
    return s;
}
const std::set<std::string> &lambdaConfigs()
{
    static const std::set<std::string> s{
        "CodeDeployDefault.LambdaCanary10Percent5Minutes", "CodeDeployDefault.LambdaCanary10Percent10Minutes",
        "CodeDeployDefault.LambdaCanary10Percent15Minutes", "CodeDeployDefault.LambdaCanary10Percent30Minutes",
        "CodeDeployDefault.LambdaLinear10PercentEvery1Minute", "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
        "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes",
        "CodeDeployDefault.LambdaAllAtOnce"};
    return s;
}
const std::set<std::string> &ecsConfigs()
{
    static const std::set<std::string> s{
        "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes",
        "CodeDeployDefault.ECSCanary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent15Minutes",
        "CodeDeployDefault.ECSAllAtOnce"};
    return s;
}

// The compute platform of a deployment group's application: Server (default), Lambda, ECS; ""
// when it cannot be known from the template.
std::string applicationPlatform(const RuleContext &c, const ResourceView &group)
{
    const auto id = referencedId(group.property("ApplicationName"));
    if (!id)
        return "";
    if (*id == "ServerlessDeploymentApplication" && c.isSam())
        return "Lambda";
    const ResourceView *app = c.resource(*id);
    if (!app || app->type != "AWS::CodeDeploy::Application")
        return "";
    const Json *platform = app->property("ComputePlatform");
    if (!platform)
        return "Server";
    return literalString(platform).value_or("");
}

struct ConfigInfo {
    std::string platform; // Server, Lambda, ECS, "" unknown
    std::string shape;    // "canary", "linear", "all", "" (Server or unknown)
    const ResourceView *custom = nullptr;
};

ConfigInfo configInfo(const RuleContext &c, const Json *value)
{
    ConfigInfo info;
    if (const auto name = literalString(value)) {
        if (serverConfigs().count(*name))
            info.platform = "Server";
        else if (lambdaConfigs().count(*name))
            info.platform = "Lambda";
        else if (ecsConfigs().count(*name))
            info.platform = "ECS";
        if (name->find("Canary") != std::string::npos)
            info.shape = "canary";
        else if (name->find("Linear") != std::string::npos)
            info.shape = "linear";
        else if (info.platform == "Lambda" || info.platform == "ECS")
            info.shape = "all";
        return info;
    }
    const auto id = referencedId(value);
    const ResourceView *config = id ? c.resource(*id) : nullptr;
    if (!config || config->type != "AWS::CodeDeploy::DeploymentConfig")
        return info;
    info.custom = config;
    info.platform = config->property("ComputePlatform") ? literalString(config->property("ComputePlatform")).value_or("")
                                                         : "Server";
    const auto type = literalString(at(config->property("TrafficRoutingConfig"), {"Type"}));
    if (type == "TimeBasedCanary")
        info.shape = "canary";
    else if (type == "TimeBasedLinear")
        info.shape = "linear";
    else if (type == "AllAtOnce")
        info.shape = "all";
    return info;
}

bool isBlueGreen(const ResourceView &g)
{
    return literalString(at(g.property("DeploymentStyle"), {"DeploymentType"})) == "BLUE_GREEN";
}

bool alarmsEnabled(const ResourceView &g)
{
    const Json *alarms = g.property("AlarmConfiguration");
    const Json *list = member(alarms, "Alarms");
    return alarms && literalBool(member(alarms, "Enabled")).value_or(true) && list && list->is_array() && !list->empty();
}

std::vector<std::string> rollbackEvents(const ResourceView &g)
{
    std::vector<std::string> out;
    const Json *rollback = g.property("AutoRollbackConfiguration");
    if (!rollback || !literalBool(member(rollback, "Enabled")).value_or(false))
        return out;
    if (const Json *events = member(rollback, "Events"); events && events->is_array())
        for (const Json &e : *events)
            if (e.is_string())
                out.push_back(e.get<std::string>());
    return out;
}

std::string fixFor(const std::string &name)
{
    std::vector<std::string> all;
    for (const auto *set : {&serverConfigs(), &lambdaConfigs(), &ecsConfigs()})
        all.insert(all.end(), set->begin(), set->end());
    // The classic slip is Lambda's singular "...Every1Minute" against ECS's plural.
    for (const std::string &candidate : {name.ends_with("s") ? name.substr(0, name.size() - 1) : name + "s"})
        if (std::find(all.begin(), all.end(), candidate) != all.end())
            return candidate;
    return closest(name, all);
}

// Deployment groups with a canary or linear traffic shift (Lambda or ECS).
template<typename F>
void forShiftingGroups(const RuleContext &c, F f)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        const ConfigInfo info = configInfo(c, g->property("DeploymentConfigName"));
        if (info.shape == "canary" || info.shape == "linear")
            f(*g, info);
    }
}

const Json *samPreference(const ResourceView &fn)
{
    const Json *p = fn.property("DeploymentPreference");
    return p && p->is_object() ? p : nullptr;
}

// Automatic rollback on failure and on alarm, keeping the events already chosen.
Json rollbackConfiguration(const ResourceView &g)
{
    std::vector<std::string> events = rollbackEvents(g);
    for (const char *e : {"DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"})
        if (std::find(events.begin(), events.end(), e) == events.end())
            events.push_back(e);
    return Json{{"Enabled", true}, {"Events", events}};
}

// A CloudWatch alarm on any error of a Lambda function, in the one-minute periods a canary
// step is measured in: the signal a traffic shift should stop on.
Json functionErrorsAlarm(const std::string &function)
{
    return Json{{"Type", "AWS::CloudWatch::Alarm"},
                {"Properties",
                 {{"AlarmDescription", "Errors of " + function + " during a deployment"},
                  {"Namespace", "AWS/Lambda"},
                  {"MetricName", "Errors"},
                  {"Dimensions", Json::array({{{"Name", "FunctionName"}, {"Value", {{"Ref", function}}}}})},
                  {"Statistic", "Sum"},
                  {"Period", 60},
                  {"EvaluationPeriods", 1},
                  {"Threshold", 0},
                  {"ComparisonOperator", "GreaterThanThreshold"},
                  {"TreatMissingData", "notBreaching"}}}};
}

// The Lambda function a Lambda deployment group shifts: the alias whose
// CodeDeployLambdaAliasUpdate names the group, and the function that alias belongs to.
std::optional<std::string> shiftedFunction(const RuleContext &c, const ResourceView &group)
{
    for (const ResourceView *a : c.ofType("AWS::Lambda::Alias")) {
        const auto named = referencedId(at(a->attribute("UpdatePolicy"), {"CodeDeployLambdaAliasUpdate", "DeploymentGroupName"}));
        if (named != group.id)
            continue;
        if (const auto fn = referencedId(a->property("FunctionName")); fn && c.resource(*fn))
            return fn;
    }
    return std::nullopt;
}

// W4010: an alarm on the shifted function's errors, watched by the group, which rolls back when
// it fires (so that W4012 does not follow).
std::optional<Fix> groupAlarmFix(const RuleContext &c, const ResourceView &g)
{
    const auto fn = shiftedFunction(c, g);
    const std::string alarm = fn ? *fn + "ErrorsAlarm" : std::string();
    if (!fn || c.resource(alarm))
        return std::nullopt;
    return Fix{"Stop and roll back " + g.id + " on errors of " + *fn,
               [alarm, function = *fn, group = g.pointer + "/Properties", rollback = rollbackConfiguration(g)](EditRecorder &r, std::string &) {
                   r.set(SourceMap::join("/Resources", alarm), functionErrorsAlarm(function));
                   r.set(group + "/AlarmConfiguration",
                         Json{{"Enabled", true}, {"Alarms", Json::array({{{"Name", {{"Ref", alarm}}}}})}});
                   r.set(group + "/AutoRollbackConfiguration", rollback);
                   return true;
               }};
}

// W4022: the same alarm for a SAM function, listed in its DeploymentPreference.
std::optional<Fix> samAlarmFix(const RuleContext &c, const ResourceView &fn)
{
    const std::string alarm = fn.id + "ErrorsAlarm";
    if (c.resource(alarm))
        return std::nullopt;
    return Fix{"Stop " + fn.id + "'s deployments on its errors",
               [alarm, function = fn.id, pref = fn.propertyPointer("DeploymentPreference")](EditRecorder &r, std::string &) {
                   r.set(SourceMap::join("/Resources", alarm), functionErrorsAlarm(function));
                   r.set(pref + "/Alarms", Json::array({{{"Ref", alarm}}}));
                   return true;
               }};
}

} // namespace

namespace {

// Deployment groups and their configurations: platform, names, blue/green on EC2.

void configForAnotherPlatform(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        const std::string platform = applicationPlatform(c, *g);
        const ConfigInfo info = configInfo(c, g->property("DeploymentConfigName"));
        if (!platform.empty() && !info.platform.empty() && platform != info.platform)
            out.add(g->propertyPointer("DeploymentConfigName"),
                    "the application's compute platform is " + platform + " but the deployment configuration is for "
                        + info.platform);
    }
}

void unknownPredefinedConfig(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        const auto name = literalString(g->property("DeploymentConfigName"));
        if (!name || name->rfind("CodeDeployDefault.", 0) != 0 || !configInfo(c, g->property("DeploymentConfigName")).platform.empty())
            continue;
        const std::string msg = "'" + *name + "' is not a predefined deployment configuration";
        if (const std::string guess = fixFor(*name); !guess.empty())
            out.add(g->propertyPointer("DeploymentConfigName"), msg + "; did you mean '" + guess + "'?",
                    setFix("Use " + guess, g->propertyPointer("DeploymentConfigName"), guess));
        else
            out.add(g->propertyPointer("DeploymentConfigName"), msg);
    }
}

void blueGreenWithoutLoadBalancer(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup"))
        if (isBlueGreen(*g) && applicationPlatform(c, *g) == "Server" && !g->property("LoadBalancerInfo"))
            out.add(g->propertyPointer("DeploymentStyle"),
                    "a blue/green deployment group needs LoadBalancerInfo (the target groups to reroute)");
}

void blueGreenOnPremises(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup"))
        for (const char *p : {"OnPremisesInstanceTagFilters", "OnPremisesTagSet"})
            if (isBlueGreen(*g) && g->property(p))
                out.add(g->propertyPointer(p), "blue/green deployments do not support on-premises instances");
}

void terminationWaitOutOfRange(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        const Json *terminate = at(g->property("BlueGreenDeploymentConfiguration"), {"TerminateBlueInstancesOnDeploymentSuccess"});
        const auto wait = literalNumber(member(terminate, "TerminationWaitTimeInMinutes"));
        if (wait && (*wait < 0 || *wait > 2880))
            out.add(g->propertyPointer("BlueGreenDeploymentConfiguration")
                        + "/TerminateBlueInstancesOnDeploymentSuccess/TerminationWaitTimeInMinutes",
                    "TerminationWaitTimeInMinutes must be between 0 and 2880 (2 days)");
    }
}

void addDeploymentConfigRules(std::vector<Rule> &rules)
{
    add(rules, "E4001", "Deployment configuration for another compute platform", 2,
        "A CodeDeploy application has one compute platform (Server for EC2/on-premises, Lambda or "
        "ECS) and its deployment groups can only use configurations of that platform: "
        "HalfAtATime is a Server configuration, LambdaCanary10Percent5Minutes a Lambda one, "
        "ECSLinear10PercentEvery1Minutes an ECS one. The deployment fails when it is created.",
        configForAnotherPlatform);

    add(rules, "E4002", "Unknown predefined deployment configuration", 2,
        "Predefined configurations have exact names: CodeDeployDefault.OneAtATime, HalfAtATime, "
        "AllAtOnce for servers; LambdaCanary10Percent{5,10,15,30}Minutes, "
        "LambdaLinear10PercentEvery{1Minute,2Minutes,3Minutes,10Minutes} and LambdaAllAtOnce; "
        "ECSCanary10Percent{5,15}Minutes, ECSLinear10PercentEvery{1,3}Minutes and ECSAllAtOnce. Note "
        "the singular ...Every1Minute for Lambda but plural ...Every1Minutes for ECS.",
        unknownPredefinedConfig);

    add(rules, "E4003", "Blue/green without load balancer information", 2,
        "An EC2 blue/green deployment moves traffic from the original instances to the "
        "replacement fleet through a load balancer: CodeDeploy registers the replacements with the "
        "target groups in LoadBalancerInfo and deregisters the originals. Without it there is "
        "nothing to reroute and CodeDeploy refuses the deployment group.",
        blueGreenWithoutLoadBalancer);

    add(rules, "E4004", "Blue/green with on-premises instances", 2,
        "EC2 blue/green deployments provision or discover replacement EC2 instances; on-premises "
        "instances cannot be replaced, so blue/green works with EC2 instances only.",
        blueGreenOnPremises);

    add(rules, "E4005", "Termination wait out of range", 2,
        "After a successful blue/green deployment the original instances (or the original ECS task "
        "set) are kept for TerminationWaitTimeInMinutes, during which you can still roll back by "
        "rerouting traffic. The wait is 0 to 2,880 minutes (two days).",
        terminationWaitOutOfRange);
}

// Blue/green waits, traffic control and traffic routing settings.

void readyWaitIgnored(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        const Json *ready = at(g->property("BlueGreenDeploymentConfiguration"), {"DeploymentReadyOption"});
        if (literalString(member(ready, "ActionOnTimeout")) == "CONTINUE_DEPLOYMENT"
            && literalNumber(member(ready, "WaitTimeInMinutes")).value_or(0) > 0)
            out.add(g->propertyPointer("BlueGreenDeploymentConfiguration") + "/DeploymentReadyOption/WaitTimeInMinutes",
                    "WaitTimeInMinutes has no effect with ActionOnTimeout CONTINUE_DEPLOYMENT",
                    removeFix("Remove the ignored WaitTimeInMinutes of " + g->id,
                              g->propertyPointer("BlueGreenDeploymentConfiguration")
                                  + "/DeploymentReadyOption/WaitTimeInMinutes"));
    }
}

void trafficControlWithoutLoadBalancer(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup"))
        if (literalString(at(g->property("DeploymentStyle"), {"DeploymentOption"})) == "WITH_TRAFFIC_CONTROL"
            && !isBlueGreen(*g) && applicationPlatform(c, *g) == "Server" && !g->property("LoadBalancerInfo"))
            out.add(g->propertyPointer("DeploymentStyle") + "/DeploymentOption",
                    "WITH_TRAFFIC_CONTROL needs LoadBalancerInfo");
}

void configSettingsForWrongPlatform(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *d : c.ofType("AWS::CodeDeploy::DeploymentConfig")) {
        const std::string platform = d->property("ComputePlatform")
                                         ? literalString(d->property("ComputePlatform")).value_or("")
                                         : "Server";
        if (platform == "Server") {
            if (d->property("TrafficRoutingConfig"))
                out.add(d->propertyPointer("TrafficRoutingConfig"), "a Server configuration has no TrafficRoutingConfig");
            else if (!d->property("MinimumHealthyHosts"))
                out.add(d->pointer + "/Properties", "a Server configuration needs MinimumHealthyHosts");
        } else if (platform == "Lambda" || platform == "ECS") {
            for (const char *p : {"MinimumHealthyHosts", "ZonalConfig"})
                if (d->property(p))
                    out.add(d->propertyPointer(p), std::string(p) + " applies to Server configurations only");
        }
    }
}

void trafficRoutingWithoutSettings(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *d : c.ofType("AWS::CodeDeploy::DeploymentConfig")) {
        const Json *routing = d->property("TrafficRoutingConfig");
        const auto type = literalString(member(routing, "Type"));
        if (!type)
            continue;
        const std::string p = d->propertyPointer("TrafficRoutingConfig");
        for (const char *kind : {"TimeBasedCanary", "TimeBasedLinear"}) {
            if (*type == kind && !member(routing, kind))
                out.add(p + "/Type", "Type " + *type + " needs " + kind);
            else if (*type != kind && member(routing, kind))
                out.add(SourceMap::join(p, kind), std::string(kind) + " does not apply to Type " + *type);
        }
    }
}

void addTrafficRoutingRules(std::vector<Rule> &rules)
{
    add(rules, "W4006", "Ready wait ignored with CONTINUE_DEPLOYMENT", 2,
        "DeploymentReadyOption.WaitTimeInMinutes applies only with ActionOnTimeout "
        "STOP_DEPLOYMENT: CodeDeploy waits that long for a manual ContinueDeployment before it "
        "stops. With CONTINUE_DEPLOYMENT traffic is rerouted as soon as the replacements are ready "
        "and the wait is ignored.",
        readyWaitIgnored);

    add(rules, "E4007", "Traffic control without a load balancer", 2,
        "DeploymentOption WITH_TRAFFIC_CONTROL makes CodeDeploy take each instance out of its load "
        "balancer before installing (BlockTraffic) and put it back afterwards (AllowTraffic). "
        "Without LoadBalancerInfo those steps have nothing to act on.",
        trafficControlWithoutLoadBalancer);

    add(rules, "E4008", "Deployment configuration settings for the wrong platform", 2,
        "A custom Server configuration is defined by MinimumHealthyHosts (and optionally "
        "ZonalConfig); a Lambda or ECS configuration by TrafficRoutingConfig (canary, linear or "
        "all at once). Mixing them is rejected.",
        configSettingsForWrongPlatform);

    add(rules, "E4009", "Traffic routing type without its settings", 2,
        "TrafficRoutingConfig.Type TimeBasedCanary needs TimeBasedCanary {CanaryPercentage, "
        "CanaryInterval} (exactly two shifts); TimeBasedLinear needs TimeBasedLinear "
        "{LinearPercentage, LinearInterval} (equal steps until 100%); AllAtOnce takes neither.",
        trafficRoutingWithoutSettings);
}

// Alarms and automatic rollback of gradual deployments.

void shiftWithoutAlarms(const RuleContext &c, FindingList &out)
{
    forShiftingGroups(c, [&](const ResourceView &g, const ConfigInfo &) {
        if (!alarmsEnabled(g))
            out.add(g.propertyPointer("DeploymentConfigName"),
                    "a " + configInfo(c, g.property("DeploymentConfigName")).shape
                        + " deployment without alarms cannot stop on errors",
                    groupAlarmFix(c, g));
    });
}

void shiftWithoutAutoRollback(const RuleContext &c, FindingList &out)
{
    forShiftingGroups(c, [&](const ResourceView &g, const ConfigInfo &) {
        if (!rollbackEvents(g).empty())
            return;
        const Json *rollback = g.property("AutoRollbackConfiguration");
        const bool enabled = rollback && literalBool(member(rollback, "Enabled")).value_or(false);
        out.add(rollback ? g.propertyPointer("AutoRollbackConfiguration") : g.propertyPointer("DeploymentConfigName"),
                    enabled ? "automatic rollback is enabled but names no Events, so no failure or alarm "
                              "triggers it on this traffic-shifting deployment"
                            : "automatic rollback is off for a traffic-shifting deployment",
                    setFix("Roll " + g.id + " back on failure and on alarm", g.propertyPointer("AutoRollbackConfiguration"),
                           rollbackConfiguration(g)));
    });
}

void alarmsWithoutRollback(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        if (!alarmsEnabled(*g))
            continue;
        const std::vector<std::string> events = rollbackEvents(*g);
        if (std::find(events.begin(), events.end(), "DEPLOYMENT_STOP_ON_ALARM") == events.end())
            out.add(g->propertyPointer("AlarmConfiguration"),
                    "alarms are configured but DEPLOYMENT_STOP_ON_ALARM is not a rollback event",
                    setFix("Roll " + g->id + " back when an alarm stops it", g->propertyPointer("AutoRollbackConfiguration"),
                           rollbackConfiguration(*g)));
    }
}

void tooManyAlarms(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        const Json *list = at(g->property("AlarmConfiguration"), {"Alarms"});
        if (list && list->is_array() && list->size() > 10)
            out.add(g->propertyPointer("AlarmConfiguration") + "/Alarms",
                    std::to_string(list->size()) + " alarms; a deployment group takes at most 10");
    }
}

void addAlarmRules(std::vector<Rule> &rules)
{
    addTemplateWide(rules, "W4010", "Canary or linear deployment without alarms", 2,
        "A canary or linear shift exists so that a bad version is caught while it takes only part "
        "of the traffic. CodeDeploy can only stop (and roll back) on CloudWatch alarms listed in the "
        "deployment group's AlarmConfiguration; without them the shift completes whatever happens.",
        shiftWithoutAlarms);

    add(rules, "W4011", "Canary or linear deployment with automatic rollback off", 2,
        "A rollback on a traffic-shifting deployment just moves the alias or listener back to the "
        "original version, instantly. With AutoRollbackConfiguration disabled, or enabled without "
        "Events (the failures that trigger it: DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM), a "
        "failed or stopped deployment leaves traffic split until someone acts.",
        shiftWithoutAutoRollback);

    add(rules, "W4012", "Alarms stop the deployment but do not roll it back", 2,
        "When an alarm of the deployment group goes into ALARM, CodeDeploy stops the deployment "
        "(status Stopped). It rolls back only if DEPLOYMENT_STOP_ON_ALARM is among the automatic "
        "rollback events; otherwise the fleet is left with the versions it had at that moment.",
        alarmsWithoutRollback);

    add(rules, "E4013", "More than 10 alarms on a deployment group", 2,
        "A deployment group watches at most 10 CloudWatch alarms. Combine alarms into a composite "
        "alarm to watch more signals.",
        tooManyAlarms);
}

// ECS blue/green deployment groups.

void incompleteEcsBlueGreenGroup(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        if (applicationPlatform(c, *g) != "ECS")
            continue;
        const Json *style = g->property("DeploymentStyle");
        if (literalString(member(style, "DeploymentType")) != "BLUE_GREEN"
            || literalString(member(style, "DeploymentOption")) != "WITH_TRAFFIC_CONTROL")
            out.add(style ? g->propertyPointer("DeploymentStyle") : g->pointer + "/Properties",
                    "ECS deployments need DeploymentType BLUE_GREEN and DeploymentOption WITH_TRAFFIC_CONTROL");
        if (!g->property("ECSServices"))
            out.add(g->pointer + "/Properties", "an ECS deployment group needs ECSServices");
        const Json *pairs = literalList(at(g->property("LoadBalancerInfo"), {"TargetGroupPairInfoList"}));
        if (!pairs || pairs->empty()) {
            out.add(g->property("LoadBalancerInfo") ? g->propertyPointer("LoadBalancerInfo") : g->pointer + "/Properties",
                    "an ECS deployment group needs LoadBalancerInfo.TargetGroupPairInfoList");
            continue;
        }
        const std::string p = g->propertyPointer("LoadBalancerInfo") + "/TargetGroupPairInfoList/0";
        const Json *groups = literalList(member(&(*pairs)[0], "TargetGroups"));
        if (groups && groups->size() != 2)
            out.add(p + "/TargetGroups", "exactly two target groups are needed, not " + std::to_string(groups->size()));
        if (!member(&(*pairs)[0], "ProdTrafficRoute"))
            out.add(p, "a production listener (ProdTrafficRoute) is required");
    }
}

void codeDeployControllerWithoutLoadBalancer(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ECS::Service"))
        if (literalString(at(s->property("DeploymentController"), {"Type"})) == "CODE_DEPLOY"
            && !s->property("LoadBalancers"))
            out.add(s->propertyPointer("DeploymentController"), "a CODE_DEPLOY service needs LoadBalancers");
}

void nlbWithGradualEcsConfig(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup")) {
        const ConfigInfo info = configInfo(c, g->property("DeploymentConfigName"));
        if (info.platform != "ECS" || info.shape == "all")
            continue;
        const Json *pairs = literalList(at(g->property("LoadBalancerInfo"), {"TargetGroupPairInfoList"}));
        if (!pairs || pairs->empty())
            continue;
        const Json *listeners = literalList(at(&(*pairs)[0], {"ProdTrafficRoute", "ListenerArns"}));
        for (const Json &l : listeners ? *listeners : Json::array()) {
            const auto lid = referencedId(&l);
            const ResourceView *listener = lid ? c.resource(*lid) : nullptr;
            const auto lbid = listener ? referencedId(listener->property("LoadBalancerArn")) : std::nullopt;
            const ResourceView *lb = lbid ? c.resource(*lbid) : nullptr;
            if (lb && literalString(lb->property("Type")) == "network")
                out.add(g->propertyPointer("DeploymentConfigName"),
                        "load balancer '" + lb->id + "' is a Network Load Balancer: only CodeDeployDefault.ECSAllAtOnce is supported");
        }
    }
}

void addEcsBlueGreenRules(std::vector<Rule> &rules)
{
    add(rules, "E4014", "ECS blue/green deployment group incomplete", 2,
        "CodeDeploy deploys to ECS only as blue/green with traffic control: the deployment group "
        "names the ECS service (ECSServices) and a TargetGroupPairInfoList with exactly two target "
        "groups (one serves the original task set, the other the replacement, swapping each "
        "deployment) and one production listener (ProdTrafficRoute); a test listener is optional.",
        incompleteEcsBlueGreenGroup);

    add(rules, "E4015", "CODE_DEPLOY controller without a load balancer", 2,
        "An ECS service with DeploymentController CODE_DEPLOY is deployed by CodeDeploy blue/green, "
        "which shifts traffic between two target groups of an Application or Network Load "
        "Balancer. The service must be created with LoadBalancers.",
        codeDeployControllerWithoutLoadBalancer);

    add(rules, "E4016", "Network Load Balancer with a gradual ECS configuration", 2,
        "With a Network Load Balancer, ECS blue/green supports only CodeDeployDefault.ECSAllAtOnce: "
        "NLB listeners cannot split traffic by weight between the two target groups.",
        nlbWithGradualEcsConfig);
}

// Lambda traffic shifting through CodeDeploy.

void lambdaShiftWithoutVersion(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *a : c.ofType("AWS::Lambda::Alias")) {
        if (!at(a->attribute("UpdatePolicy"), {"CodeDeployLambdaAliasUpdate"}))
            continue;
        const Json *v = a->property("FunctionVersion");
        const auto id = referencedId(v);
        const ResourceView *target = id ? c.resource(*id) : nullptr;
        if (literalString(v) == "$LATEST")
            out.add(a->propertyPointer("FunctionVersion"), "traffic shifting needs a published version, not $LATEST");
        else if (target && target->type == "AWS::Lambda::Function")
            out.add(a->propertyPointer("FunctionVersion"),
                    "FunctionVersion refers to the function '" + target->id + "', not to a published version");
    }
}

void lambdaGroupNoAliasUses(const RuleContext &c, FindingList &out)
{
    std::set<std::string> used;
    for (const ResourceView *a : c.ofType("AWS::Lambda::Alias"))
        if (auto id = referencedId(at(a->attribute("UpdatePolicy"), {"CodeDeployLambdaAliasUpdate", "DeploymentGroupName"})))
            used.insert(*id);
    for (const ResourceView *g : c.ofType("AWS::CodeDeploy::DeploymentGroup"))
        if (applicationPlatform(c, *g) == "Lambda" && !used.count(g->id))
            out.add(g->pointer, "no Lambda alias's CodeDeployLambdaAliasUpdate names deployment group '" + g->id + "'");
}

void incompleteAliasUpdate(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        const Json *update = at(r.attribute("UpdatePolicy"), {"CodeDeployLambdaAliasUpdate"});
        if (!update)
            continue;
        const std::string p = r.pointer + "/UpdatePolicy/CodeDeployLambdaAliasUpdate";
        if (r.type != "AWS::Lambda::Alias")
            out.add(p, "CodeDeployLambdaAliasUpdate applies to AWS::Lambda::Alias only");
        else
            for (const char *key : {"ApplicationName", "DeploymentGroupName"})
                if (!member(update, key))
                    out.add(p, std::string("CodeDeployLambdaAliasUpdate needs ") + key);
    }
}

void addLambdaShiftingRules(std::vector<Rule> &rules)
{
    add(rules, "E4017", "Lambda traffic shifting without a published version", 2,
        "CodeDeploy shifts a Lambda alias's traffic from one published version to another. An "
        "alias with a CodeDeployLambdaAliasUpdate policy must point at a version "
        "(AWS::Lambda::Version, or !GetAtt Version.Version), not at $LATEST or the function itself.",
        lambdaShiftWithoutVersion);

    addTemplateWide(rules, "W4018", "Lambda deployment group that no alias uses", 2,
        "A Lambda deployment group does nothing by itself: CloudFormation starts a CodeDeploy "
        "deployment when an alias whose UpdatePolicy.CodeDeployLambdaAliasUpdate names the group "
        "gets a new FunctionVersion. Without such an alias, updates change nothing gradually.",
        lambdaGroupNoAliasUses);

    add(rules, "E4019", "Incomplete CodeDeployLambdaAliasUpdate", 2,
        "The UpdatePolicy CodeDeployLambdaAliasUpdate applies to AWS::Lambda::Alias only and needs "
        "ApplicationName and DeploymentGroupName; BeforeAllowTrafficHook and AfterAllowTrafficHook "
        "are optional Lambda functions that must report back within one hour.",
        incompleteAliasUpdate);
}

// SAM's DeploymentPreference.

void preferenceWithoutAutoPublishAlias(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *f : c.ofType("AWS::Serverless::Function"))
        if (samPreference(*f) && !f->property("AutoPublishAlias"))
            out.add(f->propertyPointer("DeploymentPreference"), "DeploymentPreference needs AutoPublishAlias",
                    setFix("Publish " + f->id + " through an alias named live", f->propertyPointer("AutoPublishAlias"), "live"));
}

void unknownPreferenceType(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *f : c.ofType("AWS::Serverless::Function")) {
        const auto type = literalString(member(samPreference(*f), "Type"));
        if (!type || lambdaConfigs().count("CodeDeployDefault.Lambda" + *type))
            continue;
        std::vector<std::string> names;
        for (const std::string &n : lambdaConfigs())
            names.push_back(n.substr(std::string("CodeDeployDefault.Lambda").size()));
        const std::string msg = "'" + *type + "' is not a SAM deployment type; it is used as a custom configuration name";
        const std::string p = f->propertyPointer("DeploymentPreference") + "/Type";
        if (const std::string guess = closest(*type, names); !guess.empty())
            out.add(p, msg + "; did you mean '" + guess + "'?", setFix("Use " + guess, p, guess));
        else
            out.add(p, msg);
    }
}

void samShiftWithoutAlarms(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *f : c.ofType("AWS::Serverless::Function")) {
        const Json *pref = samPreference(*f);
        const auto type = literalString(member(pref, "Type"));
        const Json *alarms = member(pref, "Alarms");
        if (type && (type->rfind("Canary", 0) == 0 || type->rfind("Linear", 0) == 0)
            && (!alarms || (alarms->is_array() && alarms->empty())))
            out.add(f->propertyPointer("DeploymentPreference"), "a " + *type + " deployment without Alarms",
                    samAlarmFix(c, *f));
    }
}

void unknownPreferenceHook(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *f : c.ofType("AWS::Serverless::Function")) {
        const Json *hooks = member(samPreference(*f), "Hooks");
        if (!hooks || !hooks->is_object())
            continue;
        for (auto it = hooks->begin(); it != hooks->end(); ++it) {
            if (it.key() == "PreTraffic" || it.key() == "PostTraffic")
                continue;
            const std::string p = SourceMap::join(f->propertyPointer("DeploymentPreference") + "/Hooks", it.key());
            const std::string msg = "'" + it.key() + "' is not a hook; use PreTraffic or PostTraffic";
            const std::string guess = closest(it.key(), {"PreTraffic", "PostTraffic"});
            if (!guess.empty() && !hooks->contains(guess))
                out.add(p, msg, renameKeyFix("Rename hook " + it.key() + " to " + guess, p, guess));
            else
                out.add(p, msg);
        }
    }
}

void addSamPreferenceRules(std::vector<Rule> &rules)
{
    add(rules, "E4020", "DeploymentPreference without AutoPublishAlias", 5,
        "SAM's DeploymentPreference shifts traffic on the alias that AutoPublishAlias creates and "
        "moves to each new version. Without AutoPublishAlias there is no alias and no version to "
        "shift to: the SAM transform fails.",
        preferenceWithoutAutoPublishAlias);

    add(rules, "W4021", "DeploymentPreference type is not one of SAM's", 5,
        "SAM knows Canary10Percent{5,10,15,30}Minutes, Linear10PercentEvery{1Minute,2Minutes,"
        "3Minutes,10Minutes} and AllAtOnce, and rewrites them to CodeDeployDefault.Lambda<Type>. Any "
        "other string is passed through as a custom deployment configuration name, which must "
        "exist in the account.",
        unknownPreferenceType);

    add(rules, "W4022", "SAM canary or linear deployment without alarms", 5,
        "Without DeploymentPreference.Alarms SAM writes AlarmConfiguration {Enabled: false}: the "
        "gradual shift cannot stop on errors, so it only slows the bad version down.",
        samShiftWithoutAlarms);

    add(rules, "E4023", "Unknown DeploymentPreference hook", 5,
        "SAM's DeploymentPreference.Hooks takes PreTraffic (becomes the alias's "
        "BeforeAllowTrafficHook) and PostTraffic (AfterAllowTrafficHook), each a Lambda function.",
        unknownPreferenceHook);
}

// ECS service deployment controllers and alias routing.

void circuitBreakerUnderCodeDeploy(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ECS::Service"))
        if (literalString(at(s->property("DeploymentController"), {"Type"})) == "CODE_DEPLOY"
            && at(s->property("DeploymentConfiguration"), {"DeploymentCircuitBreaker"}))
            out.add(s->propertyPointer("DeploymentConfiguration") + "/DeploymentCircuitBreaker",
                    "the circuit breaker applies to the ECS deployment controller only",
                    removeFix("Remove the circuit breaker of " + s->id,
                              s->propertyPointer("DeploymentConfiguration") + "/DeploymentCircuitBreaker"));
}

void rollingUpdateWithoutProgress(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ECS::Service")) {
        const Json *dc = s->property("DeploymentConfiguration");
        const auto min = literalNumber(member(dc, "MinimumHealthyPercent"));
        const auto max = literalNumber(member(dc, "MaximumPercent"));
        if (min && max && *max <= *min)
            out.add(s->propertyPointer("DeploymentConfiguration") + "/MaximumPercent",
                    "MaximumPercent must be greater than MinimumHealthyPercent");
    }
}

void aliasRoutingManagedTwice(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *a : c.ofType("AWS::Lambda::Alias"))
        if (at(a->attribute("UpdatePolicy"), {"CodeDeployLambdaAliasUpdate"}) && a->property("RoutingConfig"))
            out.add(a->propertyPointer("RoutingConfig"), "RoutingConfig conflicts with CodeDeploy traffic shifting",
                    removeFix("Remove RoutingConfig of " + a->id, a->propertyPointer("RoutingConfig")));
}

void addServiceControllerRules(std::vector<Rule> &rules)
{
    add(rules, "E4024", "Circuit breaker on a CodeDeploy-controlled service", 2,
        "The ECS deployment circuit breaker watches rolling updates made by the ECS controller. A "
        "service deployed by CodeDeploy (controller CODE_DEPLOY) rolls back through CodeDeploy's "
        "alarms and rollback settings instead; the circuit breaker is rejected there.",
        circuitBreakerUnderCodeDeploy);

    add(rules, "E4025", "ECS rolling update that cannot make progress", 2,
        "A rolling update starts new tasks up to MaximumPercent of the desired count and stops old "
        "ones down to MinimumHealthyPercent. With MaximumPercent not above MinimumHealthyPercent "
        "it can do neither, and the deployment never progresses.",
        rollingUpdateWithoutProgress);

    add(rules, "W4026", "Alias routing configuration managed twice", 2,
        "When CodeDeploy shifts an alias (CodeDeployLambdaAliasUpdate) it owns the alias's "
        "RoutingConfig; a RoutingConfig in the template fights it on every update.",
        aliasRoutingManagedTwice);
}

} // namespace

void addCodeDeployRules(std::vector<Rule> &rules)
{
    addDeploymentConfigRules(rules);
    addTrafficRoutingRules(rules);
    addAlarmRules(rules);
    addEcsBlueGreenRules(rules);
    addLambdaShiftingRules(rules);
    addSamPreferenceRules(rules);
    addServiceControllerRules(rules);
}

} // namespace sc::rulefamilies
