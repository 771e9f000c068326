#include "model/rollout/timingmodel.h"

#include <algorithm>

#include <stdexcept>

namespace sc {

const std::vector<TimingDefinition> &timingDefinitions()
{
    static const std::vector<TimingDefinition> definitions = {
        {timing::InstanceLaunch, 90, false, "assumption: typical EC2 launch until running",
         "launching a new EC2 instance until it is running"},
        {timing::InstanceBootstrap, 60, false, "assumption: user data and application start",
         "a new instance installs and starts the application (and sends cfn-signal)"},
        {timing::ScriptHook, 5, false, "assumption: short AppSpec scripts (AWS allows up to 3600 s)",
         "each scriptable CodeDeploy lifecycle event on an instance"},
        {timing::DownloadBundle, 10, false, "assumption: small revision bundle",
         "CodeDeploy DownloadBundle on an instance"},
        {timing::Install, 10, false, "assumption: small revision bundle",
         "CodeDeploy Install (copying files) on an instance"},
        {timing::DeregistrationDelay, 300, true,
         "Elastic Load Balancing target group attribute deregistration_delay.timeout_seconds",
         "BlockTraffic: draining a target before it is deregistered"},
        {timing::HealthCheck, 150, true,
         "ELBv2 target group defaults: HealthCheckIntervalSeconds 30 x HealthyThresholdCount 5",
         "AllowTraffic: a registered target passing health checks"},
        {timing::TerminationWait, 3600, false,
         "UNCONFIRMED: the console pre-fills 1 hour; the API default is not documented",
         "blue/green wait before the original instances or task set are terminated"},
        {timing::ManualApproval, 600, false, "assumption: when a person continues the deployment",
         "blue/green with STOP_DEPLOYMENT: time until ContinueDeployment is called"},
        {timing::ReadyWait, 0, false, "template WaitTimeInMinutes (0 when absent)",
         "blue/green with STOP_DEPLOYMENT: how long CodeDeploy waits for ContinueDeployment"},
        {timing::LambdaHook, 30, false, "assumption: a short validation function",
         "a Lambda or ECS lifecycle hook function until it reports its status"},
        {timing::LambdaHookTimeout, 3600, true,
         "CodeDeploy: a hook that reports nothing within 1 hour fails the deployment",
         "a hook that never calls PutLifecycleEventHookExecutionStatus"},
        {timing::EcsTaskStart, 60, false, "assumption: image pull, start and target health",
         "ECS Install: the replacement task set's tasks running and healthy"},
        {timing::EbInstanceDeploy, 60, false, "assumption: application version deployed on one instance",
         "Elastic Beanstalk deploying the new version to an instance"},
        {timing::EbHealthCheck, 120, true,
         "Elastic Beanstalk enhanced health: 12 consecutive checks within 2 minutes (web tier)",
         "Elastic Beanstalk waiting for instances of a batch to be healthy"},
        {timing::EbConnectionDraining, 20, false, "assumption: Elastic Beanstalk connection draining",
         "Elastic Beanstalk detaching a batch from the load balancer"},
        {timing::EbCommandTimeout, 840, true,
         "aws:elasticbeanstalk:command Timeout default 600 s + 240 s added by Elastic Beanstalk",
         "Elastic Beanstalk giving up on instances that do not become healthy"},
        {timing::EbCnameSwap, 60, false, "assumption: DNS TTL of the environment CNAME",
         "Elastic Beanstalk blue/green: clients following the swapped CNAME"},
        {timing::AsgPauseTime, 0, true,
         "AutoScalingRollingUpdate PauseTime default PT0S (PT5M with WaitOnResourceSignals)",
         "CloudFormation pause after each rolling-update batch; the signal deadline with signals"},
        {timing::DnsTtl, 60, false, "assumption when the record set has no TTL",
         "Route 53: clients following new weights after the DNS TTL"},
        {timing::EcsBakeTime, 0, false,
         "UNCONFIRMED: BakeTimeInMinutes when the template has none (the ECS API requires it for "
         "BLUE_GREEN; CloudFormation's default for it is not documented)",
         "ECS blue/green, canary, linear: both revisions run after the shift before blue scales down"},
        {timing::EcsHookTimeout, 900, true,
         "ECS lifecycle hooks: a Lambda function that validates within 15 minutes (its longest run); "
         "no hookStatus rolls the deployment back",
         "an ECS lifecycle hook that never returns a hookStatus"},
        {timing::EcsTaskStop, 30, false, "assumption: a task stopping after SIGTERM (stopTimeout 30 s)",
         "ECS stopping a task once it is out of the load balancer"},
        {timing::RefreshWarmup, 300, false,
         "the group's DefaultInstanceWarmup, else HealthCheckGracePeriod; 300 s assumed when the template has neither",
         "instance refresh: wait after a new instance is in service before replacing more"},
        {timing::RefreshCheckpointDelay, 3600, true,
         "RefreshPreferences CheckpointDelay default 3600 s with CheckpointPercentages",
         "instance refresh: pause at each checkpoint"},
        {timing::RefreshBakeTime, 0, true, "RefreshPreferences BakeTime default 0 (0-172800 s)",
         "instance refresh: wait at the end before the refresh counts as complete (alarms still watched)"},
        {timing::LifecycleAction, 60, false,
         "assumption: the hook's handler (a script, an SSM document, a Lambda function) completes the action",
         "Auto Scaling lifecycle hook until CompleteLifecycleAction"},
    };
    return definitions;
}

const TimingDefinition *findTimingDefinition(const std::string &name)
{
    for (const auto &d : timingDefinitions()) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

Seconds TimingModel::seconds(const std::string &name) const
{
    if (auto it = m_overrides.find(name); it != m_overrides.end())
        return it->second;
    if (const auto *d = findTimingDefinition(name))
        return d->defaultSeconds;
    throw std::out_of_range("unknown timing \"" + name + '"');
}

void TimingModel::set(const std::string &name, Seconds value)
{
    if (!findTimingDefinition(name))
        throw std::invalid_argument("unknown timing \"" + name + "\" (see simulate --help)");
    if (value < 0)
        throw std::invalid_argument("timing \"" + name + "\" cannot be negative");
    if (value > kMaxTimingSeconds)
        throw std::invalid_argument("timing \"" + name + "\" of " + std::to_string(value) +
                                    " s is above the simulator's limit of " + std::to_string(kMaxTimingSeconds) +
                                    " s (30 days)");
    m_overrides[name] = value;
}

void TimingModel::setMinutes(const std::string &name, long long minutes)
{
    constexpr long long maxMinutes = kMaxTimingSeconds / 60;
    if (minutes > maxMinutes)
        throw std::invalid_argument("timing \"" + name + "\" of " + std::to_string(minutes) +
                                    " minutes is above the simulator's limit of " + std::to_string(maxMinutes) +
                                    " minutes (30 days)");
    set(name, std::max(minutes, -1LL) * 60); // a negative count is refused as negative
}

} // namespace sc
