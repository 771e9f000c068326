// The narration table: one sentence per event the engine writes, grounded in
// shared/reference/aws-deployment-semantics.md (cited as "reference §N") or, for the sections
// it does not cover, in the AWS page named beside the entry.

#include "model/rollout/narration.h"

#include <array>
#include <string_view>

namespace sc {

namespace {

struct Entry {
    const char *platform; // nullptr: any
    const char *type;     // nullptr: any
    const char *name;     // a trailing '*' matches a prefix ("Batch *")
    const char *status;   // nullptr: any
    int topic;            // 0: the platform's topic
    const char *reference;
    const char *text;
};

constexpr const char *kServer = "Server";
constexpr const char *kLambda = "Lambda";
constexpr const char *kEcs = "ECS";
constexpr const char *kBeanstalk = "ElasticBeanstalk";
constexpr const char *kAsg = "AutoScaling";
constexpr const char *kRoute53 = "Route53";

constexpr Entry kEntries[] = {
    // The deployment as a whole.
    {nullptr, "Deployment", "Start", nullptr, 0, "reference §1-§5",
     "The deployment begins: the service reads the strategy shown above and plans which units get the "
     "new version, in what order and how fast."},
    {nullptr, "Deployment", "End", "Succeeded", 0, "reference §1-§5",
     "The deployment succeeded: every unit that had to get the new version has it, and traffic reached "
     "it as the strategy planned."},
    {nullptr, "Deployment", "End", "Failed", 0, "reference §1.2, §3",
     "The deployment failed: a rule of the strategy can no longer be met (too few healthy instances, a "
     "failed hook, a unit that never became healthy). What happens next depends on the rollback settings."},
    {nullptr, "Deployment", "End", "Stopped", 0, "reference §3",
     "The deployment stopped: an alarm or an operator interrupted it. Without a rollback, whatever was "
     "already deployed stays as it is."},

    // CodeDeploy on EC2: waves and lifecycle events (reference §1.1-1.2, §2.1-2.2).
    {kServer, "Batch", "Batch *", nullptr, 2, "reference §1.2",
     "CodeDeploy starts the next wave: as many instances as the minimum healthy hosts allow go out of "
     "service together, so the healthy count never drops below the minimum."},
    {kServer, "Batch", "Install *", nullptr, 2, "reference §1.1",
     "The replacement fleet receives the revision in waves sized by the same minimum-healthy-hosts rule "
     "as an in-place deployment; the originals keep serving meanwhile."},
    {kServer, "Batch", "Reroute *", nullptr, 2, "reference §1.1",
     "Rerouting: replacement instances are registered with the load balancer, as many at a time as the "
     "deployment configuration allows."},
    {kServer, "Batch", "DeregisterOriginals", nullptr, 2, "reference §1.1",
     "Traffic reaches the replacements, so CodeDeploy deregisters all the original instances at once, "
     "whatever the deployment configuration."},
    {kServer, "LifecycleEvent", "ApplicationStop", nullptr, 2, "reference §2.1",
     "ApplicationStop runs the previous revision's script to stop the application before the new bundle "
     "arrives (it does not run on an instance's very first deployment)."},
    {kServer, "LifecycleEvent", "DownloadBundle", nullptr, 2, "reference §2.1",
     "DownloadBundle: the CodeDeploy agent copies the revision to a temporary folder on the instance; no "
     "script of yours runs here."},
    {kServer, "LifecycleEvent", "BeforeInstall", nullptr, 2, "reference §2.1",
     "BeforeInstall runs your pre-install script: decrypt files, back up the current version."},
    {kServer, "LifecycleEvent", "Install", nullptr, 2, "reference §2.1",
     "Install: the agent copies the new revision's files to their destinations; from here the instance "
     "runs the new version."},
    {kServer, "LifecycleEvent", "AfterInstall", nullptr, 2, "reference §2.1",
     "AfterInstall runs your script to configure the application or change permissions."},
    {kServer, "LifecycleEvent", "ApplicationStart", nullptr, 2, "reference §2.1",
     "ApplicationStart restarts the services stopped in ApplicationStop. Without a load balancer the "
     "instance serves again from here."},
    {kServer, "LifecycleEvent", "ValidateService", nullptr, 2, "reference §2.1",
     "ValidateService, the last install event: your script checks that the new version works. A bad "
     "revision shows here and fails the instance."},
    {kServer, "LifecycleEvent", "BeforeBlockTraffic", nullptr, 2, "reference §2.1",
     "BeforeBlockTraffic runs while the instance is still in the load balancer and serving requests."},
    {kServer, "LifecycleEvent", "BlockTraffic", nullptr, 2, "reference §2.1",
     "BlockTraffic deregisters the instance from its target groups. The load balancer sends it no new "
     "requests but lets in-flight ones finish for the deregistration delay (300 s by default) before the "
     "instance is stopped, so no request is cut off."},
    {kServer, "LifecycleEvent", "AfterBlockTraffic", nullptr, 2, "reference §2.1",
     "AfterBlockTraffic runs once the instance is out of the load balancer."},
    {kServer, "LifecycleEvent", "BeforeAllowTraffic", nullptr, 2, "reference §2.1",
     "BeforeAllowTraffic runs before the instance is registered with the load balancer again."},
    {kServer, "LifecycleEvent", "AllowTraffic", nullptr, 2, "reference §2.1",
     "AllowTraffic registers the instance with its target groups; it serves once it passes the health "
     "checks (interval times healthy threshold: 150 s with the target group defaults)."},
    {kServer, "LifecycleEvent", "AfterAllowTraffic", nullptr, 2, "reference §2.1",
     "AfterAllowTraffic runs with the instance back in the load balancer: a last check under real traffic."},
    {kServer, "Instance", "ProvisionReplacementFleet", nullptr, 2, "reference §2.2",
     "CodeDeploy provisions the replacement fleet: with COPY_AUTO_SCALING_GROUP it creates a new Auto "
     "Scaling group from the original's settings, with as many instances as are healthy there; with "
     "DISCOVER_EXISTING it takes instances you prepared."},
    {kServer, "Instance", "TerminateOriginals", nullptr, 2, "reference §2.2",
     "The termination wait is over: the original instances are terminated, and from now on there is "
     "nothing to roll back to."},
    {kServer, "Instance", "KeepOriginalsAlive", nullptr, 2, "reference §2.2",
     "KEEP_ALIVE: the originals are deregistered and removed from the deployment group but keep running, "
     "and costing, until you terminate them."},
    {kServer, "Instance", "TerminateReplacements", nullptr, 2, "reference §3",
     "After the rollback the replacement instances are removed; the originals serve as before."},
    {kServer, "Rollback", "Deployment", nullptr, 2, "reference §3",
     "CodeDeploy rolls back. In place, that is a new deployment (new ID) of the last revision that "
     "succeeded: it redeploys, it does not restore, so files your scripts created stay. Blue/green, it "
     "registers the original instances again while they still exist."},

    // Waits and approvals of CodeDeploy blue/green (reference §2.2, §2.4).
    {nullptr, "Wait", "READY_WAIT", nullptr, 2, "reference §2.2",
     "DeploymentReadyOption STOP_DEPLOYMENT: the replacement is ready, but traffic moves only when "
     "someone calls ContinueDeployment; if WaitTimeInMinutes passes first, the deployment stops."},
    {kServer, "Wait", "TERMINATION_WAIT", nullptr, 2, "reference §2.2",
     "Traffic is on the replacement, but the originals are kept for TerminationWaitTimeInMinutes (at most "
     "2,880): until they are terminated, a rollback can register them again."},
    {kEcs, "Wait", "TERMINATION_WAIT", nullptr, 2, "reference §2.4",
     "The original task set is kept for the termination wait: alarms are still watched and a rollback "
     "is still possible until the task set is deleted."},

    // Lambda through CodeDeploy (reference §1.4, §2.3, §3).
    {kLambda, "LifecycleEvent", "BeforeAllowTraffic", nullptr, 2, "reference §2.3",
     "BeforeAllowTraffic invokes your validation function before any traffic moves to the new version; "
     "it must report Succeeded or Failed within an hour, or the deployment fails."},
    {kLambda, nullptr, "AllowTraffic", nullptr, 2, "reference §1.4",
     "AllowTraffic moves the alias weights from the original version to the new one on the "
     "configuration's schedule: a canary moves a share, waits, then moves the rest; a linear "
     "configuration adds equal steps at equal intervals."},
    {kLambda, "LifecycleEvent", "AfterAllowTraffic", nullptr, 2, "reference §2.3",
     "AfterAllowTraffic invokes your validation function once all traffic is on the new version; a "
     "failure can still send the alias back."},
    {kLambda, "Rollback", "AliasToOriginalVersion", nullptr, 2, "reference §3",
     "The alias points back at the original version: every invocation goes there again."},

    // ECS through CodeDeploy (reference §1.5, §2.4, §3).
    {kEcs, "LifecycleEvent", "BeforeInstall", nullptr, 2, "reference §2.4",
     "BeforeInstall runs your hook before the replacement task set exists; a rollback is not possible yet."},
    {kEcs, "LifecycleEvent", "Install", nullptr, 2, "reference §2.4",
     "Install creates the replacement (green) task set with the new task definition and attaches the "
     "second target group to it; the original task set keeps all production traffic."},
    {kEcs, "LifecycleEvent", "AfterInstall", nullptr, 2, "reference §2.4",
     "AfterInstall runs your hook once the replacement task set is up; a failure here can roll back."},
    {kEcs, "LifecycleEvent", "AllowTestTraffic", nullptr, 2, "reference §2.4",
     "AllowTestTraffic points the test listener at the replacement task set, so it can be tried on the "
     "test port before customers see it."},
    {kEcs, "LifecycleEvent", "AfterAllowTestTraffic", nullptr, 2, "reference §2.4",
     "AfterAllowTestTraffic runs your hook to validate the replacement with test traffic; on failure "
     "CodeDeploy can put everything back as it was."},
    {kEcs, "LifecycleEvent", "BeforeAllowTraffic", nullptr, 2, "reference §2.4",
     "BeforeAllowTraffic runs your hook with the second target group attached and production traffic "
     "not yet moved."},
    {kEcs, nullptr, "AllowTraffic", nullptr, 2, "reference §1.5, §2.4",
     "AllowTraffic shifts production listener traffic to the replacement target group on the "
     "configuration's schedule: canary, linear or all at once (only all at once behind a Network Load "
     "Balancer)."},
    {kEcs, "LifecycleEvent", "AfterAllowTraffic", nullptr, 2, "reference §2.4",
     "AfterAllowTraffic runs your hook with production traffic on the replacement task set."},
    {kEcs, "Instance", "TerminateOriginalTaskSet", nullptr, 2, "reference §2.4",
     "CodeDeploy deletes the original task set: the deployment is complete and can no longer be rolled back."},
    {kEcs, "Rollback", "TrafficToOriginalTaskSet", nullptr, 2, "reference §3",
     "CodeDeploy reroutes production traffic to the original task set and removes the replacement."},

    // Elastic Beanstalk (reference §4.3-4.4).
    {kBeanstalk, "Batch", "Batch *", nullptr, 1, "reference §4.3",
     "Elastic Beanstalk takes the next batch (BatchSize) out of the load balancer, deploys the new "
     "version to it and waits until it is healthy before the next one: capacity drops by one batch, "
     "never to zero."},
    {kBeanstalk, "Batch", "Rollback batch *", nullptr, 1,
     "EB-DG using-features.rollingupdates.cancel",
     "After AbortEnvironmentUpdate, Elastic Beanstalk rolls back the way it deployed: batch by batch, each "
     "updated instance gets the previous version again."},
    {kBeanstalk, "Instance", "DetachFromLoadBalancer", nullptr, 1, "reference §4.3",
     "The batch leaves the load balancer; connection draining lets in-flight requests finish first."},
    {kBeanstalk, "Instance", "DeployApplicationVersion", nullptr, 1, "reference §4.3",
     "Elastic Beanstalk deploys the new application version to the instances; an all-at-once deployment "
     "does it to every instance together, which is why it has a short outage."},
    {kBeanstalk, "Instance", "HealthCheck", nullptr, 1, "reference §4.3",
     "Elastic Beanstalk waits until the instances are healthy (enhanced health: 12 consecutive good checks "
     "within 2 minutes for a web tier); one still unhealthy after the command timeout fails the deployment."},
    {kBeanstalk, "Instance", "LaunchAdditionalBatch", nullptr, 1, "reference §4.3",
     "RollingWithAdditionalBatch first launches one extra batch with the new version, so capacity never "
     "drops below the full fleet."},
    {kBeanstalk, "Instance", "TerminateAdditionalBatch", nullptr, 1, "reference §4.3",
     "Every batch is done: the extra batch is terminated and the fleet is back to its size."},
    {kBeanstalk, "Instance", "LaunchFirstInstance", nullptr, 1, "reference §4.3",
     "Immutable: Elastic Beanstalk creates a second, temporary Auto Scaling group behind the same load "
     "balancer and launches one new instance first, to prove the version on a fresh instance without "
     "touching the running ones."},
    {kBeanstalk, "Instance", "LaunchRemainingInstances", nullptr, 1, "reference §4.3",
     "The first new instance is healthy: the temporary group launches the rest to match the original "
     "count, so capacity doubles for a while."},
    {kBeanstalk, "Instance", "LaunchNewFleet", nullptr, 1, "reference §4.3",
     "Traffic splitting launches a full-size fleet with the new version in a temporary Auto Scaling group."},
    {kBeanstalk, nullptr, "TrafficSplitting", nullptr, 1, "reference §4.3",
     "The Application Load Balancer sends NewVersionPercent of requests to the new instances for "
     "EvaluationTime; if they stay healthy, all traffic moves to them."},
    {kBeanstalk, "Instance", "TerminateOldInstances", nullptr, 1, "reference §4.3",
     "The new instances move into the original Auto Scaling group; the old instances and the temporary "
     "group are terminated."},
    {kBeanstalk, "Instance", "CreateGreenEnvironment", nullptr, 1, "reference §4.4",
     "Blue/green: a second environment runs the new version beside the current one; users see no change yet."},
    {kBeanstalk, nullptr, "SwapEnvironmentURLs", nullptr, 1, "reference §4.4",
     "Swap environment URLs exchanges the CNAMEs of the two environments: all traffic moves at once, as "
     "clients' DNS caches expire."},
    {kBeanstalk, "Instance", "KeepBlueEnvironment", nullptr, 1, "reference §4.4",
     "The old (blue) environment keeps running after the swap: terminate it once cached DNS answers have "
     "expired, or swap back if something is wrong."},
    {kBeanstalk, "Rollback", "TerminateNewInstances", nullptr, 1, "reference §4.3",
     "The new instances are terminated; the old ones never left service."},
    {kBeanstalk, "Rollback", "SwapEnvironmentURLsBack", nullptr, 1, "reference §4.4",
     "Swap back: the URLs are exchanged again and traffic returns to the blue environment."},
    {kBeanstalk, "Rollback", "PreviousVersionRedeployed", nullptr, 1,
     "EB-DG using-features.rollingupdates.cancel", "Every updated instance runs the previous version again."},
    {kBeanstalk, "Alarm", "EnvironmentHealth", nullptr, 1, "reference §4.3",
     "The environment's health turned Severe. Rolling policies stop with a mixed fleet to redeploy by "
     "hand; Immutable, traffic splitting and blue/green drop the new instances and keep the old ones."},
    {kBeanstalk, "Operator", "AbortEnvironmentUpdate", nullptr, 1, "EB-DG using-features.rollingupdates.cancel",
     "AbortEnvironmentUpdate cancels the update and Elastic Beanstalk rolls it back the way it deployed; "
     "once the cleanup phase starts, it can no longer be cancelled."},

    // CloudFormation UpdatePolicy on an Auto Scaling group.
    {kAsg, "Batch", "Batch *", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "CloudFormation replaces the next batch of at most MaxBatchSize instances, keeping "
     "MinInstancesInService in service; when that needs room, new instances launch first, up to MaxSize."},
    {kAsg, "Instance", "LaunchInstances", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "New instances launch from the new launch configuration and boot until they are ready (and send "
     "cfn-signal, with WaitOnResourceSignals)."},
    {kAsg, "Instance", "TerminateInstances", nullptr, 3, "reference §8.2",
     "Replaced instances are deregistered from the load balancer first, drained, then terminated."},
    {kAsg, "Instance", "ResourceSignal", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "No cfn-signal SUCCESS arrived within PauseTime: CloudFormation counts the instance as failed against "
     "MinSuccessfulInstancesPercent."},
    {kAsg, "Wait", "PauseTime", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "PauseTime: CloudFormation waits after each batch before the next one, so new instances can warm up; "
     "without WaitOnResourceSignals nothing is checked during the pause."},
    {kAsg, "Instance", "CreateNewAutoScalingGroup", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "AutoScalingReplacingUpdate: CloudFormation builds a whole new Auto Scaling group; the old one is "
     "deleted only once the new one is complete, so a failure just drops the new group."},
    {kAsg, "Rollback", "UPDATE_ROLLBACK_IN_PROGRESS", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "CloudFormation rolls the stack back: the group gets its previous launch configuration, and the "
     "instances are replaced again, batch by batch."},
    {kAsg, "Rollback", "UPDATE_ROLLBACK_COMPLETE", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "The stack is back to its previous template."},
    {kAsg, "Rollback", "DeleteNewAutoScalingGroup", nullptr, 3, "CFN-UG aws-attribute-updatepolicy",
     "The new group is deleted; the old group never stopped serving."},
    {kAsg, "Operator", "CancelUpdateStack", nullptr, 3, "CFN-UG using-cfn-updating-stacks-cancel",
     "CancelUpdateStack cancels the stack update, and CloudFormation rolls the whole update back."},

    // Route 53 weighted records (reference §4.4).
    {kRoute53, nullptr, "UpdateWeights", nullptr, 1, "reference §4.4",
     "The weights of the two records change: each answers its share of DNS queries (its weight over the "
     "sum of weights), and clients follow once their cached answer's TTL has passed."},
    {kRoute53, "Alarm", nullptr, "ALARM", 1, "reference §4.4",
     "The new version misbehaves: nothing in Route 53 reacts by itself, so its record is set back to "
     "weight 0."},
    {kRoute53, "Operator", "ChangeResourceRecordSets", nullptr, 1, "reference §4.4",
     "You set the weights back by hand; clients return as their cached answers expire."},


    // ECS deploying by itself (reference §11; ECS API DeploymentLifecycleHook, ServiceDeployment).
    {kEcs, "LifecycleEvent", "PRE_SCALE_UP", nullptr, 2, "reference §11",
     "PRE_SCALE_UP: the green revision has not started; blue serves all production traffic. A hook here "
     "can stop the deployment before anything changes."},
    {kEcs, "LifecycleEvent", "SCALE_UP", nullptr, 2, "reference §11",
     "SCALE_UP: ECS starts the green tasks beside blue, at full size, registered with the alternate "
     "target group; they serve no traffic yet. Both revisions run, so capacity doubles for a while."},
    {kEcs, "LifecycleEvent", "POST_SCALE_UP", nullptr, 2, "reference §11",
     "POST_SCALE_UP: green is running; a hook can check it before any traffic reaches it."},
    {kEcs, "LifecycleEvent", "TEST_TRAFFIC_SHIFT", nullptr, 2, "reference §11",
     "TEST_TRAFFIC_SHIFT: the test listener rule sends test traffic to green while production stays on "
     "blue, so the new revision can be tried with real requests first."},
    {kEcs, "LifecycleEvent", "POST_TEST_TRAFFIC_SHIFT", nullptr, 2, "reference §11",
     "POST_TEST_TRAFFIC_SHIFT: all test traffic is on green; a hook validates it before production moves."},
    {kEcs, "LifecycleEvent", "PRE_PRODUCTION_TRAFFIC_SHIFT", nullptr, 2, "ECS API DeploymentLifecycleHook",
     "PRE_PRODUCTION_TRAFFIC_SHIFT runs before production traffic moves (before every step of a canary "
     "or linear shift)."},
    {kEcs, nullptr, "PRODUCTION_TRAFFIC_SHIFT", nullptr, 2, "reference §11",
     "PRODUCTION_TRAFFIC_SHIFT: the production listener rule's weights move traffic to green: all at once "
     "(BLUE_GREEN), CanaryPercent for CanaryBakeTimeInMinutes then the rest (CANARY), or StepPercent per "
     "step with StepBakeTimeInMinutes between steps (LINEAR)."},
    {kEcs, "LifecycleEvent", "POST_PRODUCTION_TRAFFIC_SHIFT", nullptr, 2, "reference §11",
     "POST_PRODUCTION_TRAFFIC_SHIFT: all production traffic is on green; a last hook can still roll back."},
    {kEcs, "Wait", "BAKE_TIME", nullptr, 2, "reference §11",
     "BAKE_TIME: both revisions keep running for BakeTimeInMinutes after the shift, so an alarm or a "
     "rollback can still send traffic straight back to blue."},
    {kEcs, "LifecycleEvent", "CLEAN_UP", nullptr, 2, "ECS API ServiceDeployment",
     "CLEAN_UP: blue scales down to zero tasks; green is now the production revision and the deployment "
     "can no longer roll back to blue."},
    {kEcs, "Rollback", "TrafficBackToBlue", nullptr, 2, "reference §11",
     "Rollback: production and test traffic return to blue at once, and green scales down."},
    {kEcs, "Instance", "StartTasks", nullptr, 2, "reference §11",
     "A rolling update starts new tasks while the running count stays within MaximumPercent of the desired "
     "count (rounded down)."},
    {kEcs, "Instance", "StopTasks", nullptr, 2, "reference §11",
     "Old tasks stop while the healthy count stays at MinimumHealthyPercent of the desired count (rounded "
     "up); with a load balancer they are deregistered and drained first."},
    {kEcs, "Instance", "HealthCheck", nullptr, 2, "reference §11",
     "A new task never became healthy: ECS stops it and starts another. The deployment circuit breaker "
     "counts such failures."},
    {kEcs, "Alarm", "DeploymentCircuitBreaker", nullptr, 2, "ECS API ServiceDeploymentCircuitBreaker",
     "The deployment circuit breaker tripped: failed tasks reached its threshold (half the desired count, "
     "at least 3, at most 200). The deployment fails, and rolls back only with Rollback enabled."},
    {kEcs, "Rollback", "RollingBackToPreviousRevision", nullptr, 2, "reference §11",
     "Rollback: ECS deploys the last completed revision again, as a rolling update within the same bounds."},
    {kEcs, "Operator", "StopServiceDeployment", nullptr, 2, "ECS API StopServiceDeployment",
     "StopServiceDeployment with stopType ROLLBACK: ECS rolls the deployment back to the previous service "
     "revision, even when the service does not roll back by itself."},
    {kEcs, "Alarm", nullptr, "ALARM", 2, "reference §11",
     "An alarm of DeploymentAlarms entered ALARM: the deployment fails, and traffic returns to the previous "
     "revision when Rollback is enabled."},

    // Auto Scaling instance refresh and lifecycle hooks (reference §8.2, §12).
    {kAsg, "Instance", "HealthCheck", nullptr, 3, "reference §12",
     "A new instance did not become healthy: the instance refresh fails, and the update rolls back."},
    {kAsg, "Wait", "InstanceWarmup", nullptr, 3, "reference §12",
     "Instance warmup: the new instance is in service, but the refresh waits InstanceWarmup before it counts "
     "it as healthy capacity and replaces more."},
    {kAsg, "Wait", "Checkpoint", nullptr, 3, "reference §12",
     "A checkpoint: the refresh has replaced this share of the group and pauses for CheckpointDelay, so you "
     "can verify the new instances before it goes on."},
    {kAsg, "Wait", "BakeTime", nullptr, 3, "reference §12",
     "BakeTime: every instance is replaced, but the refresh waits before it counts as complete; an alarm "
     "can still fail it and roll it back."},
    {kAsg, "Operator", "CancelInstanceRefresh", nullptr, 3, "reference §12",
     "CancelInstanceRefresh stops the refresh; instances it already replaced keep the new configuration."},
    {kAsg, nullptr, "RollbackInstanceRefresh", nullptr, 3, "reference §12",
     "The refresh rolls back: instances it launched are replaced by the previous launch template. It cannot "
     "with a launch template version $Latest or $Default, or an AMI from a Systems Manager parameter."},
    {kAsg, "Alarm", nullptr, "ALARM", 3, "reference §12",
     "An alarm of the refresh's AlarmSpecification entered ALARM: the instance refresh fails and rolls back."},
    {nullptr, "LifecycleHook", "Pending:Wait", nullptr, 7, "reference §8.2",
     "Pending:Wait: a launch lifecycle hook holds the new instance until its handler completes the action "
     "or HeartbeatTimeout passes; DefaultResult then decides (ABANDON, the default, terminates it)."},
    {nullptr, "LifecycleHook", "Terminating:Wait", nullptr, 7, "reference §8.2",
     "Terminating:Wait: the instance is already out of the load balancer; a terminate hook holds it so a "
     "script (for example through EventBridge and Systems Manager) can collect logs before it is terminated."},

    // CodeDeploy zonal deployments (reference §1.3).
    {kServer, "Batch", "Zone *", nullptr, 2, "reference §1.3",
     "Zonal deployment: CodeDeploy deploys to one Availability Zone at a time, in waves that respect both "
     "the fleet's minimum healthy hosts and the zone's MinimumHealthyHostsPerZone."},
    {kServer, "Wait", "ZoneMonitor", nullptr, 2, "reference §1.3",
     "The zone is done: CodeDeploy waits MonitorDurationInSeconds (after the first zone, "
     "FirstZoneMonitorDurationInSeconds if set) before the next zone, so a problem shows in one zone only."},

    // Alarms and operators, whatever the platform (reference §3).
    {nullptr, "Alarm", nullptr, "ALARM", 2, "reference §3",
     "A CloudWatch alarm the deployment watches entered ALARM: CodeDeploy stops the deployment, and rolls "
     "it back only if DEPLOYMENT_STOP_ON_ALARM is configured."},
    {nullptr, "Alarm", nullptr, "Ignored", 0, "reference §3",
     "This alarm changes nothing: the deployment does not watch it, or it came after the end."},
    {nullptr, "Operator", "StopDeployment", nullptr, 2, "reference §3",
     "The operator stopped the deployment (StopDeployment). CodeDeploy rolls back when asked to, or when "
     "the group has DEPLOYMENT_STOP_ON_REQUEST; otherwise what was deployed stays."},
    {nullptr, "Operator", "ContinueDeployment", nullptr, 2, "reference §2.2",
     "ContinueDeployment: the operator lets the blue/green deployment move on, from the ready wait to "
     "rerouting traffic, or from the termination wait to terminating the originals at once."},
    {nullptr, "Operator", nullptr, "Ignored", 0, "reference §2.2, §3",
     "This action came when there was nothing left it could change."},
};

int platformTopic(std::string_view platform)
{
    if (platform == kBeanstalk || platform == kRoute53)
        return 1;
    if (platform == kAsg)
        return 3;
    return 2;
}

bool nameMatches(std::string_view pattern, std::string_view name)
{
    if (!pattern.empty() && pattern.back() == '*')
        return name.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
    return pattern == name;
}

} // namespace

std::optional<Narration> narrate(const std::string &platform, const TimelineEvent &event)
{
    // The most specific entry wins: platform, type, exact name and status each count.
    const Entry *best = nullptr;
    int bestScore = -1;
    for (const Entry &e : kEntries) {
        if ((e.platform && platform != e.platform) || (e.type && event.type != e.type) ||
            (e.name && !nameMatches(e.name, event.name)) || (e.status && event.status != e.status))
            continue;
        const int score = (e.platform ? 8 : 0) + (e.status ? 4 : 0) + (e.name ? 2 : 0) + (e.type ? 1 : 0);
        if (score > bestScore) {
            best = &e;
            bestScore = score;
        }
    }
    if (!best)
        return std::nullopt;
    return Narration{best->text, best->topic ? best->topic : platformTopic(platform), best->reference};
}

PhaseCursor::PhaseCursor(const Timeline &timeline)
    : m_timeline(timeline)
{
}

std::optional<Phase> PhaseCursor::at(Seconds t)
{
    const auto &events = m_timeline.events;
    auto end = [&](std::size_t i) { return events[i].t + events[i].durationSeconds; };
    for (; m_next < events.size() && events[m_next].t <= t; ++m_next) {
        if (events[m_next].status == "Ignored")
            continue;
        m_open.push_back(m_next);
        m_last = m_next;
    }
    // The top of the stack is the latest-started event not yet seen to end: once ended events
    // are popped from the top, it is the one under way.
    while (!m_open.empty() && end(m_open.back()) <= t)
        m_open.pop_back();
    const std::optional<std::size_t> index = !m_open.empty() ? std::optional<std::size_t>(m_open.back()) : m_last;
    if (!index)
        return std::nullopt;
    return Phase{*index, events[*index].t, end(*index)};
}

std::optional<Phase> phaseAt(const Timeline &timeline, Seconds t)
{
    return PhaseCursor(timeline).at(t);
}

} // namespace sc
