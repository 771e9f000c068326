// ScenarioBuilder for the targets that are not CodeDeploy deployment groups or Lambda aliases:
// ECS services, Elastic Beanstalk environments, Auto Scaling groups and Route 53 records.

#include "model/rollout/scenariobuilder.h"

#include <algorithm>
#include <map>

namespace sc {

namespace {

constexpr auto child = &TemplateLookup::child;

// ISO 8601 durations as CloudFormation writes them (PT5M, PT1H30M, PT45S).
std::optional<Seconds> isoDuration(const std::string &text)
{
    if (text.size() < 3 || text.compare(0, 2, "PT") != 0)
        return std::nullopt;
    Seconds total = 0;
    Seconds number = 0;
    bool digits = false;
    for (std::size_t i = 2; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            // Past the simulator's limit the count stops growing: TimingModel::set refuses it.
            number = std::min<Seconds>(number * 10 + (c - '0'), kMaxTimingSeconds + 1);
            digits = true;
            continue;
        }
        if (!digits)
            return std::nullopt;
        if (c == 'H')
            total += number * 3600;
        else if (c == 'M')
            total += number * 60;
        else if (c == 'S')
            total += number;
        else
            return std::nullopt;
        total = std::min<Seconds>(total, kMaxTimingSeconds + 1);
        number = 0;
        digits = false;
    }
    return digits ? std::nullopt : std::optional<Seconds>(total);
}

} // namespace

Scenario ScenarioBuilder::fromEcsService(const std::string &id) const
{
    const auto controller =
        m_lookup.string(child(m_lookup.property(id, "DeploymentController"), "Type")).value_or("ECS");
    if (controller == "ECS")
        return fromEcsNative(id);
    if (controller != "CODE_DEPLOY")
        throw ScenarioError(id + " uses the " + controller +
                            " deployment controller: a third-party tool deploys it (use ECS or CODE_DEPLOY "
                            "to rehearse its deployment)");
    Scenario s;
    s.platform = Platform::Ecs;
    s.loadBalancer = true;
    if (auto desired = m_lookup.integer(m_lookup.property(id, "DesiredCount"))) {
        s.instances = static_cast<int>(*desired);
    } else {
        s.instances = 1;
        s.notes.push_back("no DesiredCount: 1 task assumed");
    }
    for (const auto &group : m_lookup.resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
        const Json *services = m_lookup.property(group, "ECSServices");
        if (!services || !m_lookup.mentions(*services, id))
            continue;
        readDeploymentGroup(group, s);
        s.notes.push_back("deployment group " + group);
        const Json *pairs = child(m_lookup.property(group, "LoadBalancerInfo"), "TargetGroupPairInfoList");
        if (pairs && pairs->is_array()) {
            for (const auto &pair : *pairs) {
                const Json *test = child(child(&pair, "TestTrafficRoute"), "ListenerArns");
                s.testListener |= test && test->is_array() && !test->empty();
                const Json *prod = child(child(&pair, "ProdTrafficRoute"), "ListenerArns");
                if (prod && prod->is_array() && !prod->empty()) {
                    if (auto listener = m_lookup.referencedResource((*prod)[0])) {
                        const Json *lbArn = m_lookup.property(*listener, "LoadBalancerArn");
                        if (auto lb = lbArn ? m_lookup.referencedResource(*lbArn) : std::nullopt)
                            s.loadBalancerType =
                                m_lookup.string(m_lookup.property(*lb, "Type")).value_or("application");
                    }
                }
            }
        }
        return s;
    }
    // CloudFormation's own blue/green: the AWS::CodeDeploy::BlueGreen hook in the Hooks section.
    const Json *hooks = child(&m_root, "Hooks");
    if (hooks && hooks->is_object()) {
        for (const auto &[hookId, hook] : hooks->items()) {
            if (stringMember(hook, "Type") != "AWS::CodeDeploy::BlueGreen")
                continue;
            const Json *props = child(&hook, "Properties");
            const Json *apps = child(props, "Applications");
            if (!apps || !apps->is_array())
                continue;
            for (const auto &app : *apps) {
                if (m_lookup.string(child(child(&app, "Target"), "LogicalID")) != id)
                    continue;
                const Json *routing = child(props, "TrafficRoutingConfig");
                const auto type = m_lookup.string(child(routing, "Type")).value_or("AllAtOnce");
                s.strategy = defaultStrategy(Platform::Ecs);
                if (type == "TimeBasedCanary" || type == "TimeBasedLinear") {
                    // StepPercentage 15 / BakeTimeMins 5 are the documented canary defaults; the
                    // linear ones are not documented and the same values are assumed.
                    const Json *c = child(routing, type.c_str());
                    const int step = int(m_lookup.integer(child(c, "StepPercentage")).value_or(15));
                    const int bake = int(m_lookup.integer(child(c, "BakeTimeMins")).value_or(5));
                    const bool canary = type == "TimeBasedCanary";
                    s.strategy.trafficRouting = {canary ? TrafficRouting::Type::TimeBasedCanary
                                                        : TrafficRouting::Type::TimeBasedLinear,
                                                 step, bake};
                    s.strategy.name = (canary ? "canary:" : "linear:") + std::to_string(step) + ':' +
                                      std::to_string(bake);
                }
                if (auto wait = m_lookup.integer(
                        child(child(props, "AdditionalOptions"), "TerminationWaitTimeInMinutes")))
                    s.timing.setMinutes(timing::TerminationWait, *wait);
                const Json *traffic = child(child(&app, "ECSAttributes"), "TrafficRouting");
                s.testListener = child(traffic, "TestTrafficRoute") != nullptr;
                if (const Json *events = child(props, "LifecycleEventHooks"); events && events->is_object()) {
                    for (const auto &[event, fn] : events->items())
                        s.hooks.push_back(event);
                }
                // A failed hook deployment fails the stack update, which CloudFormation rolls back.
                s.rollback = {true, true, true, true};
                s.notes.push_back("AWS::CodeDeploy::BlueGreen hook " + hookId);
                return s;
            }
        }
    }
    throw ScenarioError(id + ": no CodeDeploy deployment group lists it in ECSServices and no "
                             "AWS::CodeDeploy::BlueGreen hook targets it");
}

std::map<std::string, std::string> ScenarioBuilder::beanstalkOptions(const std::string &id) const
{
    // Options of the configuration template first, then the environment's own, which win.
    std::map<std::string, std::string> options;
    auto collect = [&](const Json *settings) {
        if (!settings || !settings->is_array())
            return;
        for (const auto &o : *settings) {
            const auto ns = m_lookup.string(child(&o, "Namespace"));
            const auto name = m_lookup.string(child(&o, "OptionName"));
            const auto value = m_lookup.string(child(&o, "Value"));
            if (ns && name && value)
                options[*ns + ':' + *name] = *value;
        }
    };
    if (const Json *templateName = m_lookup.property(id, "TemplateName")) {
        if (auto config = m_lookup.referencedResource(*templateName))
            collect(m_lookup.property(*config, "OptionSettings"));
    }
    collect(m_lookup.property(id, "OptionSettings"));
    return options;
}

Scenario ScenarioBuilder::fromBeanstalkEnvironment(const std::string &id) const
{
    const std::map<std::string, std::string> options = beanstalkOptions(id);
    auto option = [&](const std::string &ns, const std::string &name, const std::string &fallback) {
        auto it = options.find(ns + ':' + name);
        return it != options.end() ? it->second : fallback;
    };
    auto number = [&](const std::string &ns, const std::string &name, int fallback) {
        const auto text = option(ns, name, std::to_string(fallback));
        try {
            return std::stoi(text);
        } catch (const std::exception &) {
            throw ScenarioError(id + ": option " + ns + ' ' + name + " is not a number: \"" + text + '"');
        }
    };

    Scenario s;
    s.platform = Platform::ElasticBeanstalk;
    const bool worker = m_lookup.string(child(m_lookup.property(id, "Tier"), "Name")).value_or("WebServer") == "Worker";
    const bool single = option("aws:elasticbeanstalk:environment", "EnvironmentType", "LoadBalanced") == "SingleInstance";
    if (single) {
        s.instances = 1;
        s.maxInstances = 1;
    } else {
        s.instances = number("aws:autoscaling:asg", "MinSize", 1);
        s.maxInstances = number("aws:autoscaling:asg", "MaxSize", 4);
        s.notes.push_back("fleet assumed at MinSize " + std::to_string(s.instances) + " (MaxSize " +
                          std::to_string(s.maxInstances) + ")");
        s.loadBalancer = !worker;
        if (s.loadBalancer)
            s.loadBalancerType = option("aws:elasticbeanstalk:environment", "LoadBalancerType", "classic");
    }
    const std::string command = "aws:elasticbeanstalk:command";
    const auto policy = option(command, "DeploymentPolicy", "");
    if (policy.empty())
        s.notes.push_back("no DeploymentPolicy: AllAtOnce, the documented default (the EB CLI and "
                          "console may have set Rolling)");
    s.strategy = parseStrategy(policy.empty() ? "AllAtOnce" : policy, Platform::ElasticBeanstalk,
                               defaultStrategy(Platform::ElasticBeanstalk));
    s.strategy.batchSizeFixed = option(command, "BatchSizeType", "Percentage") == "Fixed";
    s.strategy.batchSize = number(command, "BatchSize", 100);
    s.strategy.newVersionPercent = number("aws:elasticbeanstalk:trafficsplitting", "NewVersionPercent", 10);
    s.strategy.evaluationTimeMinutes = number("aws:elasticbeanstalk:trafficsplitting", "EvaluationTime", 5);
    s.ignoreHealthCheck = option(command, "IgnoreHealthCheck", "false") == "true";
    if (options.count(command + ":Timeout"))
        s.timing.set(timing::EbCommandTimeout, number(command, "Timeout", 600) + 240);
    return s;
}

Scenario ScenarioBuilder::fromAutoScalingGroup(const std::string &id) const
{
    const Json *r = m_lookup.resource(id);
    const Json *policy = child(r, "UpdatePolicy");
    const Json *rolling = child(policy, "AutoScalingRollingUpdate");
    const Json *refresh = child(policy, "AutoScalingInstanceRefresh");
    const bool replace =
        m_lookup.boolean(child(child(policy, "AutoScalingReplacingUpdate"), "WillReplace")).value_or(false);
    Scenario s;
    s.platform = Platform::AutoScaling;
    s.instances = autoScalingCapacity(id);
    s.maxInstances = static_cast<int>(m_lookup.integer(m_lookup.property(id, "MaxSize")).value_or(0));
    s.zones = availabilityZones(id);
    auto nonEmpty = [&](const char *name) {
        const Json *v = m_lookup.property(id, name);
        return v && v->is_array() && !v->empty();
    };
    s.loadBalancer = nonEmpty("TargetGroupARNs") || nonEmpty("LoadBalancerNames");
    s.strategy = defaultStrategy(Platform::AutoScaling);
    s.rollbackSupported = refreshCanRollBack(id);
    readLifecycleHooks(id, s);
    if (refresh || (!rolling && !replace)) {
        if (!refresh)
            s.notes.push_back("no UpdatePolicy: CloudFormation would change the launch template without "
                              "replacing running instances; rehearsing an instance refresh you start yourself "
                              "(StartInstanceRefresh) with AWS's default preferences");
        readInstanceRefresh(id, refresh, s);
        return s;
    }
    if (replace) {
        // WillReplace takes precedence over a rolling update.
        s.strategy.name = "AutoScalingReplacingUpdate";
        s.strategy.autoScalingPolicy = AutoScalingPolicy::ReplacingUpdate;
        const Json *creation = child(r, "CreationPolicy");
        const Json *signal = child(creation, "ResourceSignal");
        s.waitOnResourceSignals = signal != nullptr;
        if (auto timeout = isoDuration(m_lookup.string(child(signal, "Timeout")).value_or("")))
            s.timing.set(timing::AsgPauseTime, *timeout);
        else if (signal)
            s.timing.set(timing::AsgPauseTime, 300);
        if (auto percent = m_lookup.integer(
                child(child(creation, "AutoScalingCreationPolicy"), "MinSuccessfulInstancesPercent")))
            s.strategy.minSuccessfulInstancesPercent = static_cast<int>(*percent);
        return s;
    }
    s.strategy.maxBatchSize = static_cast<int>(m_lookup.integer(child(rolling, "MaxBatchSize")).value_or(1));
    s.strategy.minInstancesInService =
        static_cast<int>(m_lookup.integer(child(rolling, "MinInstancesInService")).value_or(0));
    s.strategy.minSuccessfulInstancesPercent =
        static_cast<int>(m_lookup.integer(child(rolling, "MinSuccessfulInstancesPercent")).value_or(100));
    s.waitOnResourceSignals = m_lookup.boolean(child(rolling, "WaitOnResourceSignals")).value_or(false);
    const auto pause = m_lookup.string(child(rolling, "PauseTime"));
    if (pause) {
        const auto seconds = isoDuration(*pause);
        if (!seconds)
            throw ScenarioError(id + ": PauseTime \"" + *pause + "\" is not an ISO 8601 duration such as PT5M");
        s.timing.set(timing::AsgPauseTime, *seconds);
    } else if (s.waitOnResourceSignals) {
        s.timing.set(timing::AsgPauseTime, 300); // PT5M when waiting on signals
    }
    return s;
}

std::string ScenarioBuilder::weightedPartner(const std::string &id) const
{
    const Json *name = m_lookup.property(id, "Name");
    const Json *type = m_lookup.property(id, "Type");
    for (const auto &other : m_lookup.resourcesOfType("AWS::Route53::RecordSet")) {
        if (other == id || !m_lookup.property(other, "Weight"))
            continue;
        const Json *otherName = m_lookup.property(other, "Name");
        const Json *otherType = m_lookup.property(other, "Type");
        if (name && type && otherName && otherType && *name == *otherName && *type == *otherType)
            return other;
    }
    return {};
}

Scenario ScenarioBuilder::fromRecordSet(const std::string &id) const
{
    if (!m_lookup.property(id, "Weight") || !m_lookup.property(id, "SetIdentifier"))
        throw ScenarioError(id + " is not a weighted record: it needs Weight and SetIdentifier");
    const std::string partner = weightedPartner(id);
    if (partner.empty())
        throw ScenarioError(id + ": no other weighted record with the same Name and Type to shift from");
    Scenario s;
    s.platform = Platform::Route53;
    s.instances = 0;
    s.strategy = defaultStrategy(Platform::Route53);
    s.notes.push_back("shifts traffic from " + partner + " to " + id +
                      "; the weight schedule linear:10:5 is an assumption (AWS defines none)");
    if (auto ttl = m_lookup.integer(m_lookup.property(id, "TTL")))
        s.timing.set(timing::DnsTtl, *ttl);
    return s;
}

} // namespace sc
