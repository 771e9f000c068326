// Family 4, Elastic Beanstalk: deployment policies against environment type, load balancer and
// health reporting, option ranges, worker tiers and blue/green readiness (reference §4).

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include <algorithm>
#include <cctype>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

constexpr const char *kEnvironment = "AWS::ElasticBeanstalk::Environment";

struct EnvFacts {
    std::vector<OptionSetting> options;
    std::string environmentType = "LoadBalanced"; // documented default
    std::string loadBalancerType = "classic";
    std::string systemType = "basic";
    std::string policy = "AllAtOnce";
    bool policyGiven = false;
    bool worker = false;
    const OptionSetting *policyOption = nullptr;
};

std::string optionString(const std::vector<OptionSetting> &options, const char *ns, const char *name,
                         const std::string &fallback)
{
    const OptionSetting *o = findOption(options, ns, name);
    if (!o)
        return fallback;
    return literalString(o->value).value_or("");
}

EnvFacts factsOf(const RuleContext &c, const ResourceView &env)
{
    EnvFacts f;
    f.options = effectiveOptionSettings(c, env);
    f.environmentType = optionString(f.options, "aws:elasticbeanstalk:environment", "EnvironmentType", f.environmentType);
    f.loadBalancerType = optionString(f.options, "aws:elasticbeanstalk:environment", "LoadBalancerType", f.loadBalancerType);
    f.systemType = optionString(f.options, "aws:elasticbeanstalk:healthreporting:system", "SystemType", f.systemType);
    f.policyOption = findOption(f.options, "aws:elasticbeanstalk:command", "DeploymentPolicy");
    f.policyGiven = f.policyOption != nullptr;
    f.policy = optionString(f.options, "aws:elasticbeanstalk:command", "DeploymentPolicy", f.policy);
    f.worker = literalString(member(env.property("Tier"), "Name")) == "Worker";
    return f;
}

template<typename F>
void forEnvironments(const RuleContext &c, F f)
{
    for (const ResourceView *env : c.ofType(kEnvironment))
        f(*env, factsOf(c, *env));
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
    return s;
}

bool markedProduction(const ResourceView &env)
{
    for (const char *p : {"EnvironmentName", "CNAMEPrefix"})
        if (auto s = literalString(env.property(p)); s && lower(*s).find("prod") != std::string::npos)
            return true;
    if (const Json *tags = literalList(env.property("Tags")))
        for (const Json &t : *tags) {
            const auto key = literalString(member(&t, "Key"));
            const auto value = literalString(member(&t, "Value"));
            if (key && value && (lower(*key) == "environment" || lower(*key) == "stage" || lower(*key) == "env")
                && (lower(*value) == "prod" || lower(*value) == "production"))
                return true;
        }
    return false;
}

struct OptionRange {
    const char *ns;
    const char *name;
    double min, max;
};
constexpr OptionRange kOptionRanges[] = {
    {"aws:elasticbeanstalk:command", "Timeout", 1, 3600},
    {"aws:elasticbeanstalk:trafficsplitting", "NewVersionPercent", 1, 100},
    {"aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", 3, 600},
    {"aws:autoscaling:asg", "MinSize", 1, 10000},
    {"aws:autoscaling:asg", "MaxSize", 1, 10000},
    {"aws:elasticbeanstalk:sqsd", "HttpConnections", 1, 100},
    {"aws:elasticbeanstalk:sqsd", "ConnectTimeout", 1, 60},
    {"aws:elasticbeanstalk:sqsd", "InactivityTimeout", 1, 36000},
    {"aws:elasticbeanstalk:sqsd", "VisibilityTimeout", 0, 43200},
    {"aws:elasticbeanstalk:sqsd", "ErrorVisibilityTimeout", 0, 43200},
    {"aws:elasticbeanstalk:sqsd", "RetentionPeriod", 60, 1209600},
    {"aws:elasticbeanstalk:sqsd", "MaxRetries", 1, 100},
};

std::string fmt(double d)
{
    return std::to_string(static_cast<long long>(d));
}

} // namespace

namespace {

// Option settings: values, load balancer type, deployment policies, health.

void unknownOptionValue(const RuleContext &c, FindingList &out)
{
    struct Known { const char *ns; const char *name; std::vector<std::string> values; };
    static const std::vector<Known> known{
        {"aws:elasticbeanstalk:command", "DeploymentPolicy", {"AllAtOnce", "Rolling", "RollingWithAdditionalBatch", "Immutable", "TrafficSplitting"}},
        {"aws:elasticbeanstalk:command", "BatchSizeType", {"Percentage", "Fixed"}},
        {"aws:elasticbeanstalk:environment", "EnvironmentType", {"LoadBalanced", "SingleInstance"}},
        {"aws:elasticbeanstalk:environment", "LoadBalancerType", {"classic", "application", "network"}},
        {"aws:elasticbeanstalk:healthreporting:system", "SystemType", {"basic", "enhanced"}}};
    for (const char *type : {kEnvironment, "AWS::ElasticBeanstalk::ConfigurationTemplate"})
        for (const ResourceView *r : c.ofType(type))
            for (const OptionSetting &o : optionSettings(*r))
                for (const Known &k : known) {
                    const auto v = literalString(o.value);
                    if (o.ns != k.ns || o.name != k.name || !v
                        || std::find(k.values.begin(), k.values.end(), *v) != k.values.end())
                        continue;
                    const std::string msg = "'" + *v + "' is not a value of " + o.name;
                    if (const std::string guess = closest(*v, k.values); !guess.empty())
                        out.add(o.pointer, msg + "; did you mean '" + guess + "'?",
                                setFix("Use " + guess + " for " + o.name, o.pointer, guess));
                    else
                        out.add(o.pointer, msg);
                }
}

void trafficSplittingWithoutAlb(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &env, const EnvFacts &f) {
        if (f.policy == "TrafficSplitting" && f.environmentType == "LoadBalanced" && !f.worker
            && f.loadBalancerType != "application")
            out.add(f.policyOption->pointer, "TrafficSplitting needs LoadBalancerType application, not "
                                                 + f.loadBalancerType);
        (void)env;
    });
}

void rollingPolicyOnSingleInstance(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &, const EnvFacts &f) {
        if (f.environmentType == "SingleInstance"
            && (f.policy == "Rolling" || f.policy == "RollingWithAdditionalBatch" || f.policy == "TrafficSplitting"))
            out.add(f.policyOption->pointer, f.policy + " is not supported on a single-instance environment");
    });
}

void deploymentWithoutEnhancedHealth(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &env, const EnvFacts &f) {
        if ((f.policy != "Immutable" && f.policy != "TrafficSplitting") || f.systemType == "enhanced")
            return;
        const std::string list = env.propertyPointer("OptionSettings");
        const bool hasList = env.property("OptionSettings") != nullptr;
        out.add(f.policyOption->pointer, f.policy + " needs enhanced health reporting (SystemType enhanced)",
                Fix{"Enable enhanced health on " + env.id, [list, hasList](EditRecorder &r, std::string &) {
                        const Json setting = {{"Namespace", "aws:elasticbeanstalk:healthreporting:system"},
                                              {"OptionName", "SystemType"},
                                              {"Value", "enhanced"}};
                        if (hasList)
                            r.insertItem(list, setting);
                        else
                            r.set(list, Json::array({setting}));
                        return true;
                    }});
    });
}

void optionValueOutOfRange(const RuleContext &c, FindingList &out)
{
    for (const char *type : {kEnvironment, "AWS::ElasticBeanstalk::ConfigurationTemplate"})
        for (const ResourceView *r : c.ofType(type)) {
            const std::vector<OptionSetting> options = optionSettings(*r);
            for (const OptionSetting &o : options) {
                const auto n = literalNumber(o.value);
                if (!n)
                    continue;
                for (const OptionRange &range : kOptionRanges)
                    if (o.ns == range.ns && o.name == range.name && (*n < range.min || *n > range.max))
                        out.add(o.pointer, o.name + " must be between " + fmt(range.min) + " and " + fmt(range.max));
                if (o.ns == "aws:elasticbeanstalk:command" && o.name == "BatchSize"
                    && optionString(options, "aws:elasticbeanstalk:command", "BatchSizeType", "Percentage") == "Percentage"
                    && (*n < 1 || *n > 100))
                    out.add(o.pointer, "a percentage BatchSize must be between 1 and 100");
            }
        }
}

void addOptionRules(std::vector<Rule> &rules)
{
    add(rules, "E4030", "Unknown Beanstalk option value", 1,
        "Beanstalk options with a fixed set of values: DeploymentPolicy (AllAtOnce, Rolling, "
        "RollingWithAdditionalBatch, Immutable, TrafficSplitting), EnvironmentType (LoadBalanced, "
        "SingleInstance), LoadBalancerType (classic, application, network), BatchSizeType "
        "(Percentage, Fixed) and the health SystemType (basic, enhanced). A wrong value fails the "
        "environment update.",
        unknownOptionValue);

    add(rules, "E4031", "Traffic splitting without an Application Load Balancer", 1,
        "Traffic-splitting deployments send NewVersionPercent of requests to a new fleet for "
        "EvaluationTime minutes by weighting the target groups of an Application Load Balancer. "
        "They need a load-balanced environment with LoadBalancerType application; classic and "
        "network load balancers cannot split by weight.",
        trafficSplittingWithoutAlb);

    add(rules, "E4032", "Rolling policy on a single-instance environment", 1,
        "A single-instance environment has one instance and no load balancer, so there are no "
        "batches to roll through and no traffic to split: only AllAtOnce and Immutable are "
        "supported there. Rolling, RollingWithAdditionalBatch and TrafficSplitting need a "
        "load-balanced environment.",
        rollingPolicyOnSingleInstance);

    add(rules, "E4033", "Immutable or traffic-splitting deployment without enhanced health", 1,
        "Immutable and traffic-splitting deployments launch a new fleet in a temporary Auto Scaling "
        "group and decide from enhanced health reporting whether to keep it. With basic health "
        "(the default SystemType) Beanstalk refuses these policies.",
        deploymentWithoutEnhancedHealth);

    add(rules, "E4034", "Beanstalk option value out of range", 1,
        "Documented ranges: command Timeout 1-3600 s; traffic splitting NewVersionPercent 1-100 and "
        "EvaluationTime 3-600 minutes; Auto Scaling MinSize and MaxSize 1-10000; worker daemon "
        "HttpConnections 1-100, ConnectTimeout 1-60, InactivityTimeout 1-36000, VisibilityTimeout "
        "and ErrorVisibilityTimeout 0-43200, RetentionPeriod 60-1209600, MaxRetries 1-100; "
        "BatchSize 1-100 when it is a percentage.",
        optionValueOutOfRange);
}

// Environment shape: instance counts, worker tier, production use, databases.

void inconsistentInstanceCounts(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &, const EnvFacts &f) {
        const OptionSetting *min = findOption(f.options, "aws:autoscaling:asg", "MinSize");
        const OptionSetting *max = findOption(f.options, "aws:autoscaling:asg", "MaxSize");
        const double minValue = min ? literalNumber(min->value).value_or(1) : 1;
        const double maxValue = max ? literalNumber(max->value).value_or(4) : 4;
        if (minValue > maxValue)
            out.add((min ? min : max)->pointer, "MinSize " + fmt(minValue) + " is larger than MaxSize " + fmt(maxValue));
        const OptionSetting *batch = findOption(f.options, "aws:elasticbeanstalk:command", "BatchSize");
        if (batch && optionString(f.options, "aws:elasticbeanstalk:command", "BatchSizeType", "Percentage") == "Fixed"
            && literalNumber(batch->value).value_or(0) > maxValue)
            out.add(batch->pointer, "a Fixed BatchSize of " + fmt(*literalNumber(batch->value))
                                        + " is larger than MaxSize " + fmt(maxValue));
    });
}

void workerOnFifoQueue(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &, const EnvFacts &f) {
        const OptionSetting *queue = findOption(f.options, "aws:elasticbeanstalk:sqsd", "WorkerQueueURL");
        if (!f.worker || !queue)
            return;
        bool fifo = literalString(queue->value).value_or("").ends_with(".fifo");
        if (auto id = referencedId(queue->value))
            if (const ResourceView *q = c.resource(*id))
                fifo = fifo || literalBool(q->property("FifoQueue")).value_or(false);
        if (fifo)
            out.add(queue->pointer, "periodic tasks (cron.yaml) are not supported with a FIFO queue");
    });
}

void loadBalancerSettingsOnWorker(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &, const EnvFacts &f) {
        if (!f.worker)
            return;
        for (const OptionSetting &o : f.options)
            if ((o.ns == "aws:elasticbeanstalk:environment" && o.name == "LoadBalancerType")
                || o.ns.rfind("aws:elb:", 0) == 0 || o.ns.rfind("aws:elbv2:", 0) == 0
                || (o.ns == "aws:elasticbeanstalk:command" && o.name == "DeploymentPolicy"
                    && literalString(o.value) == "TrafficSplitting"))
                out.add(o.pointer, o.ns + " " + o.name + " does not apply to a worker environment");
    });
}

void singleInstanceInProduction(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &env, const EnvFacts &f) {
        if (f.environmentType == "SingleInstance" && markedProduction(env))
            out.add(findOption(f.options, "aws:elasticbeanstalk:environment", "EnvironmentType")->pointer,
                    "environment '" + env.id + "' looks like production but is single-instance");
    });
}

void databaseCoupledToBlueGreen(const RuleContext &c, FindingList &out)
{
    std::map<std::string, int> perApplication;
    for (const ResourceView *env : c.ofType(kEnvironment))
        if (auto app = referencedId(env->property("ApplicationName")))
            ++perApplication[*app];
    std::set<std::string> weighted;
    for (const ResourceView *rs : c.ofType("AWS::Route53::RecordSet"))
        if (rs->property("Weight"))
            for (const Reference &ref : c.referencesFrom(rs->id))
                weighted.insert(ref.target);
    forEnvironments(c, [&](const ResourceView &env, const EnvFacts &f) {
        const OptionSetting *db = nullptr;
        for (const OptionSetting &o : f.options)
            if (o.ns == "aws:rds:dbinstance" && !db)
                db = &o;
        if (!db)
            return;
        const auto app = referencedId(env.property("ApplicationName"));
        if ((app && perApplication[*app] > 1) || weighted.count(env.id))
            out.add(db->pointer, "environment '" + env.id
                                     + "' takes part in blue/green but owns its database; decouple it");
    });
}

void visibilityTimeoutShorterThanProcessing(const RuleContext &c, FindingList &out)
{
    forEnvironments(c, [&](const ResourceView &, const EnvFacts &f) {
        if (!f.worker)
            return;
        const OptionSetting *vis = findOption(f.options, "aws:elasticbeanstalk:sqsd", "VisibilityTimeout");
        const OptionSetting *inact = findOption(f.options, "aws:elasticbeanstalk:sqsd", "InactivityTimeout");
        const double v = vis ? literalNumber(vis->value).value_or(300) : 300;
        const double i = inact ? literalNumber(inact->value).value_or(299) : 299;
        if ((vis || inact) && v <= i)
            out.add((vis ? vis : inact)->pointer, "VisibilityTimeout " + fmt(v) + " is not above InactivityTimeout "
                                                     + fmt(i) + ": messages may be processed twice");
    });
}

void addEnvironmentRules(std::vector<Rule> &rules)
{
    add(rules, "E4035", "Inconsistent Beanstalk instance counts", 1,
        "The environment's Auto Scaling group needs MinSize <= MaxSize, and a Fixed BatchSize "
        "larger than MaxSize cannot be formed: a rolling deployment would take the whole fleet "
        "at once.",
        inconsistentInstanceCounts);

    add(rules, "W4036", "Worker environment on a FIFO queue", 1,
        "A worker environment's daemon can read a FIFO queue, but periodic tasks from cron.yaml "
        "are not supported with a FIFO queue: the leader instance cannot enqueue the scheduled "
        "messages. Keep cron.yaml out of the source bundle or use a standard queue.",
        workerOnFifoQueue);

    add(rules, "E4037", "Load balancer settings on a worker environment", 1,
        "A worker environment has no load balancer: its instances take work from an SQS queue "
        "through the sqsd daemon. Load balancer types, listeners and traffic splitting only apply "
        "to the web server tier.",
        loadBalancerSettingsOnWorker);

    add(rules, "W4038", "Single-instance environment marked as production", 1,
        "A single-instance environment is one EC2 instance with an Elastic IP: no load balancer, "
        "no second Availability Zone, and downtime on every all-at-once deployment. It suits "
        "development; production belongs in a load-balanced environment across 2-3 AZs.",
        singleInstanceInProduction);

    addTemplateWide(rules, "W4039", "Database coupled to a blue/green environment", 1,
        "A database created by Beanstalk (aws:rds:dbinstance options) lives and dies with its "
        "environment. Blue/green swaps traffic to a new environment and later terminates the old "
        "one: its coupled database would go with it. Create the database outside the environment "
        "and pass its endpoint in environment properties.",
        databaseCoupledToBlueGreen);

    add(rules, "W4040", "Worker visibility timeout shorter than processing time", 1,
        "The worker daemon waits up to InactivityTimeout for the application's answer, while SQS "
        "hides the message for VisibilityTimeout. If the message becomes visible again first, "
        "another instance processes it a second time. Keep VisibilityTimeout above "
        "InactivityTimeout (defaults 300 and 299 seconds).",
        visibilityTimeoutShorterThanProcessing);
}

} // namespace

void addBeanstalkRules(std::vector<Rule> &rules)
{
    addOptionRules(rules);
    addEnvironmentRules(rules);
}

} // namespace sc::rulefamilies
