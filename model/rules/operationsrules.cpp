// Family 7: operations: Systems Manager maintenance windows, rate control and patch groups,
// Auto Scaling lifecycle hooks, and Cloud Map health checks (reference §8, §9).

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include <regex>
#include <set>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

const ResourceView *namespaceOf(const RuleContext &c, const ResourceView &service)
{
    const auto id = referencedId(service.property("NamespaceId"));
    if (!id) {
        const auto dnsNs = referencedId(member(service.property("DnsConfig"), "NamespaceId"));
        return dnsNs ? c.resource(*dnsNs) : nullptr;
    }
    return c.resource(*id);
}

const Json *taskParameters(const ResourceView &task)
{
    return member(member(task.property("TaskInvocationParameters"), "MaintenanceWindowRunCommandParameters"), "Parameters");
}

bool isPatchGroupKey(const std::string &k)
{
    return k == "Patch Group" || k == "PatchGroup";
}

bool looksLikePatchGroupKey(const std::string &k)
{
    std::string n;
    for (char ch : k)
        if (std::isalpha(static_cast<unsigned char>(ch)))
            n += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return n == "patchgroup" && !isPatchGroupKey(k);
}

} // namespace

namespace {

// Systems Manager maintenance windows, rate control and patching.

void cutoffNotBeforeEnd(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *w : c.ofType("AWS::SSM::MaintenanceWindow")) {
        const auto duration = literalNumber(w->property("Duration"));
        const auto cutoff = literalNumber(w->property("Cutoff"));
        if (duration && cutoff && *cutoff >= *duration)
            out.add(w->propertyPointer("Cutoff"), "Cutoff " + std::to_string(int(*cutoff)) + " h leaves no time in a "
                                                      + std::to_string(int(*duration)) + " h window");
    }
}

void durationOrCutoffOutOfRange(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *w : c.ofType("AWS::SSM::MaintenanceWindow")) {
        if (auto d = literalNumber(w->property("Duration")); d && (*d < 1 || *d > 24))
            out.add(w->propertyPointer("Duration"), "Duration must be between 1 and 24 hours");
        if (auto d = literalNumber(w->property("Cutoff")); d && (*d < 0 || *d > 23))
            out.add(w->propertyPointer("Cutoff"), "Cutoff must be between 0 and 23 hours");
    }
}

void malformedRateControl(const RuleContext &c, FindingList &out)
{
    for (const char *type : {"AWS::SSM::Association", "AWS::SSM::MaintenanceWindowTask"})
        for (const ResourceView *r : c.ofType(type))
            for (const char *p : {"MaxConcurrency", "MaxErrors"}) {
                const Json *v = r->property(p);
                std::string s;
                if (v && v->is_number_integer())
                    s = std::to_string(v->get<long long>());
                else if (auto str = literalString(v))
                    s = *str;
                else
                    continue;
                static const std::regex rate("([1-9][0-9]*|0)%?"); // compiled only where there is one
                std::smatch m;
                const bool ok = std::regex_match(s, m, rate)
                                && !(s.back() == '%' && std::stoi(s.substr(0, s.size() - 1)) > 100)
                                && !(std::string(p) == "MaxConcurrency" && (s == "0" || s == "0%"));
                if (!ok)
                    out.add(r->propertyPointer(p), std::string(p) + " '" + s + "' must be a number or a percentage"
                                                       + (std::string(p) == "MaxConcurrency" ? " above 0" : ""));
            }
}

void patchBaselineWithoutOperation(const RuleContext &c, FindingList &out)
{
    auto check = [&](const Json *document, const Json *parameters, const std::string &p) {
        if (literalString(document) != "AWS-RunPatchBaseline")
            return;
        const Json *op = member(parameters, "Operation");
        const Json *value = op && op->is_array() && op->size() == 1 ? &(*op)[0] : op;
        const auto s = literalString(value);
        if (!op)
            out.add(p, "AWS-RunPatchBaseline needs the Operation parameter (Scan or Install)");
        else if (s && *s != "Scan" && *s != "Install")
            out.add(p + "/Operation", "Operation must be Scan or Install, not '" + *s + "'");
    };
    for (const ResourceView *a : c.ofType("AWS::SSM::Association"))
        check(a->property("Name"), a->property("Parameters"), a->property("Parameters") ? a->propertyPointer("Parameters") : a->propertyPointer("Name"));
    for (const ResourceView *t : c.ofType("AWS::SSM::MaintenanceWindowTask")) {
        const std::string base = t->propertyPointer("TaskInvocationParameters") + "/MaintenanceWindowRunCommandParameters/Parameters";
        if (const Json *params = taskParameters(*t)) {
            check(t->property("TaskArn"), params, base);
            continue;
        }
        // The legacy TaskParameters form, {Operation: {Values: [Scan]}}, still works.
        const Json *legacy = t->property("TaskParameters");
        Json values = Json::object();
        if (legacy && legacy->is_object())
            for (auto it = legacy->begin(); it != legacy->end(); ++it)
                if (const Json *v = member(&*it, "Values"))
                    values[it.key()] = *v;
        check(t->property("TaskArn"), legacy ? &values : nullptr,
              legacy ? t->propertyPointer("TaskParameters") : t->propertyPointer("TaskArn"));
    }
}

void misspeltPatchGroup(const RuleContext &c, FindingList &out)
{
    for (const ResourceView &r : c.resources()) {
        std::vector<std::pair<const Json *, std::string>> lists;
        if (const Json *tags = literalList(r.property("Tags")))
            lists.push_back({tags, r.propertyPointer("Tags")});
        const Json *specs = literalList(member(r.property("LaunchTemplateData"), "TagSpecifications"));
        for (std::size_t i = 0; specs && i < specs->size(); ++i)
            if (const Json *tags = literalList(member(&(*specs)[i], "Tags")))
                lists.push_back({tags, ptr(r.propertyPointer("LaunchTemplateData") + "/TagSpecifications", i) + "/Tags"});
        for (const auto &[tags, base] : lists)
            for (std::size_t i = 0; i < tags->size(); ++i)
                if (auto key = literalString(member(&(*tags)[i], "Key")); key && looksLikePatchGroupKey(*key)) {
                    // Keep the writer's choice of a space; without one, the form that also
                    // works with instance metadata tags.
                    const std::string meant = key->find(' ') != std::string::npos ? "Patch Group" : "PatchGroup";
                    out.add(ptr(base, i) + "/Key", "'" + *key + "' is not a patch group tag; use 'Patch Group' or 'PatchGroup'",
                            setFix("Use the tag key " + meant, ptr(base, i) + "/Key", meant));
                }
    }
}

void addMaintenanceRules(std::vector<Rule> &rules)
{
    add(rules, "E7001", "Maintenance window cutoff not before its end", 7,
        "Cutoff is the number of hours before the end of a maintenance window after which no new "
        "task starts (start 15:00, Duration 3, Cutoff 1: nothing starts after 17:00). A cutoff "
        "equal to or longer than the duration means no task can ever start.",
        cutoffNotBeforeEnd);

    add(rules, "E7002", "Maintenance window duration or cutoff out of range", 7,
        "A maintenance window lasts 1 to 24 hours (Duration), and its Cutoff, the hours before the "
        "end when no new task starts, is 0 to 23 hours. Values outside are rejected when the window "
        "is created.",
        durationOrCutoffOutOfRange);

    add(rules, "E7003", "Malformed rate control", 7,
        "MaxConcurrency and MaxErrors take a number (10) or a percentage of the targets (10%). "
        "Run Command ramps up to MaxConcurrency (1, then 2 more, growing) and stops sending to "
        "new targets when error MaxErrors + 1 arrives; the defaults are 50 and 0.",
        malformedRateControl);

    add(rules, "E7004", "AWS-RunPatchBaseline without Operation", 7,
        "AWS-RunPatchBaseline requires its Operation parameter: Scan (report compliance only) or "
        "Install (install approved missing patches, rebooting when needed unless RebootOption is "
        "NoReboot). A maintenance-window task passes it in TaskInvocationParameters, or in the "
        "legacy TaskParameters ({Operation: {Values: [Scan]}}).",
        patchBaselineWithoutOperation);

    add(rules, "W7005", "Misspelt patch group tag", 7,
        "Patch Manager finds a node's patch group from the tag key 'Patch Group' or 'PatchGroup' "
        "(the form without a space is required when instance metadata tags are on). Any other "
        "spelling is just a tag: the node silently falls back to the default baseline.",
        misspeltPatchGroup);
}

// Auto Scaling lifecycle hooks.

void heartbeatOutOfRange(const RuleContext &c, FindingList &out)
{
    auto check = [&](const Json *hook, const std::string &p) {
        if (auto n = literalNumber(member(hook, "HeartbeatTimeout")); n && (*n < 30 || *n > 7200))
            out.add(p + "/HeartbeatTimeout", "HeartbeatTimeout must be between 30 and 7200 seconds");
    };
    for (const ResourceView *h : c.ofType("AWS::AutoScaling::LifecycleHook"))
        check(h->properties, h->pointer + "/Properties");
    for (const ResourceView *g : c.ofType("AWS::AutoScaling::AutoScalingGroup"))
        if (const Json *hooks = literalList(g->property("LifecycleHookSpecificationList")))
            for (std::size_t i = 0; i < hooks->size(); ++i)
                check(&(*hooks)[i], ptr(g->propertyPointer("LifecycleHookSpecificationList"), i));
}

void hookWithoutDefaultResult(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *h : c.ofType("AWS::AutoScaling::LifecycleHook"))
        if (!h->property("DefaultResult"))
            out.add(h->pointer + "/Properties", "no DefaultResult: a timeout ABANDONs the lifecycle action",
                    Fix{"Set DefaultResult CONTINUE on " + h->id, [p = h->propertyPointer("DefaultResult")](EditRecorder &r, std::string &) {
                            r.set(p, "CONTINUE");
                            return true;
                        }});
}

void terminatingHookNeverCompleted(const RuleContext &c, FindingList &out)
{
    bool rule = false;
    for (const ResourceView *r : c.ofType("AWS::Events::Rule"))
        rule = rule || r->properties->dump().find("Lifecycle Action") != std::string::npos;
    for (const ResourceView *h : c.ofType("AWS::AutoScaling::LifecycleHook"))
        if (literalString(h->property("LifecycleTransition")) == "autoscaling:EC2_INSTANCE_TERMINATING"
            && !h->property("NotificationTargetARN") && !rule)
            out.add(h->propertyPointer("LifecycleTransition"),
                    "nothing reacts to this terminating hook (no notification target, no EventBridge rule)");
}

void addLifecycleHookRules(std::vector<Rule> &rules)
{
    add(rules, "E7006", "Lifecycle hook heartbeat out of range", 7,
        "A lifecycle hook holds an instance in Pending:Wait or Terminating:Wait for HeartbeatTimeout "
        "seconds: 30 to 7,200, default 3,600. RecordLifecycleActionHeartbeat restarts the timer, up "
        "to 48 hours or 100 heartbeats in all.",
        heartbeatOutOfRange);

    add(rules, "W7007", "Lifecycle hook without DefaultResult", 7,
        "When a hook times out (or its handler fails), DefaultResult decides: CONTINUE or ABANDON, "
        "and the API default is ABANDON. On a launch hook ABANDON terminates the new instance; on "
        "a terminate hook it skips the remaining hooks. Say which one you mean.",
        hookWithoutDefaultResult);

    add(rules, "I7008", "Terminating hook that nothing completes", 7,
        "A terminating lifecycle hook is useful when something acts during Terminating:Wait (an "
        "EventBridge rule on 'EC2 Instance-terminate Lifecycle Action' starting an SSM Automation "
        "to copy logs, or a notification target). Without either, every scale-in just waits for "
        "the heartbeat timeout.",
        terminatingHookNeverCompleted);
}

// Cloud Map services and health checks.

void healthCheckInPrivateNamespace(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ServiceDiscovery::Service")) {
        const ResourceView *ns = namespaceOf(c, *s);
        if (ns && ns->type == "AWS::ServiceDiscovery::PrivateDnsNamespace" && s->property("HealthCheckConfig"))
            out.add(s->propertyPointer("HealthCheckConfig"), "a private DNS namespace allows only HealthCheckCustomConfig");
    }
}

void route53AndCustomHealthChecks(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ServiceDiscovery::Service"))
        if (s->property("HealthCheckConfig") && s->property("HealthCheckCustomConfig"))
            out.add(s->propertyPointer("HealthCheckCustomConfig"), "use HealthCheckConfig or HealthCheckCustomConfig, not both");
}

void healthCheckOnCname(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ServiceDiscovery::Service")) {
        if (!s->property("HealthCheckConfig"))
            continue;
        const Json *records = literalList(member(s->property("DnsConfig"), "DnsRecords"));
        for (std::size_t i = 0; records && i < records->size(); ++i)
            if (literalString(member(&(*records)[i], "Type")) == "CNAME")
                out.add(s->propertyPointer("HealthCheckConfig"), "HealthCheckConfig is not allowed with a CNAME record");
    }
}

void resourcePathOnTcpCheck(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ServiceDiscovery::Service")) {
        const Json *hc = s->property("HealthCheckConfig");
        if (literalString(member(hc, "Type")) == "TCP" && member(hc, "ResourcePath"))
            out.add(s->propertyPointer("HealthCheckConfig") + "/ResourcePath", "ResourcePath does not apply to a TCP check",
                    removeFix("Remove ResourcePath of " + s->id, s->propertyPointer("HealthCheckConfig") + "/ResourcePath"));
    }
}

void dnsRecordsInHttpNamespace(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType("AWS::ServiceDiscovery::Service")) {
        const ResourceView *ns = namespaceOf(c, *s);
        if (ns && ns->type == "AWS::ServiceDiscovery::HttpNamespace" && s->property("DnsConfig"))
            out.add(s->propertyPointer("DnsConfig"), "an HTTP namespace has no DNS records");
    }
}

void addDiscoveryRules(std::vector<Rule> &rules)
{
    add(rules, "E7009", "Route 53 health check in a private DNS namespace", 8,
        "Cloud Map services in a private DNS namespace can only use custom health checks "
        "(HealthCheckCustomConfig): Route 53 health checkers on the internet cannot reach private "
        "addresses. HealthCheckConfig is for public DNS and HTTP namespaces.",
        healthCheckInPrivateNamespace);

    add(rules, "E7010", "Both Route 53 and custom health checks", 8,
        "A Cloud Map service uses HealthCheckConfig (Route 53 probes the endpoint) or "
        "HealthCheckCustomConfig (your code calls UpdateInstanceCustomHealthStatus), never both.",
        route53AndCustomHealthChecks);

    add(rules, "E7011", "Health check on a CNAME record", 8,
        "Route 53 health checks are not allowed for Cloud Map services whose DNS records include "
        "a CNAME: there is no IP address to probe.",
        healthCheckOnCname);

    add(rules, "E7012", "Resource path on a TCP health check", 8,
        "A Cloud Map Route 53 health check of Type TCP only opens a connection; ResourcePath "
        "applies to HTTP and HTTPS checks (default '/'). The Type cannot be changed after creation.",
        resourcePathOnTcpCheck);

    add(rules, "E7013", "DNS records in an HTTP namespace", 8,
        "An HTTP namespace is discovered through the DiscoverInstances API only; it has no hosted "
        "zone, so a service in it cannot define DnsConfig.",
        dnsRecordsInHttpNamespace);
}

// Systems Manager associations.

void associationInstanceAndTargets(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *a : c.ofType("AWS::SSM::Association"))
        if (a->property("InstanceId") && a->property("Targets"))
            out.add(a->propertyPointer("Targets"), "use InstanceId or Targets, not both");
}

void addAssociationRules(std::vector<Rule> &rules)
{
    add(rules, "E7014", "Association with both an instance and targets", 7,
        "A State Manager association applies to one InstanceId (legacy) or to Targets (tags, "
        "resource groups, instance IDs), not both.",
        associationInstanceAndTargets);
}

} // namespace

void addOperationsRules(std::vector<Rule> &rules)
{
    addMaintenanceRules(rules);
    addLifecycleHookRules(rules);
    addDiscoveryRules(rules);
    addAssociationRules(rules);
}

} // namespace sc::rulefamilies
