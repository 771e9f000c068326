// Family 4, fleets and DNS: Auto Scaling group sizes and update policies, Availability Zones,
// and Route 53 weighted records used for blue/green (reference §4.4).

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include <map>
#include <regex>
#include <set>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

constexpr const char *kGroup = "AWS::AutoScaling::AutoScalingGroup";

const Json *rolling(const ResourceView &g)
{
    return member(g.attribute("UpdatePolicy"), "AutoScalingRollingUpdate");
}

std::string fmt(double d)
{
    return std::to_string(static_cast<long long>(d));
}

// ISO 8601 durations as UpdatePolicy takes them: PT#H#M#S.
std::optional<double> isoSeconds(const std::string &s)
{
    static const std::regex re("PT(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?");
    std::smatch m;
    if (!std::regex_match(s, m, re) || s == "PT")
        return std::nullopt;
    double total = 0;
    if (m[1].matched) total += std::stod(m[1]) * 3600;
    if (m[2].matched) total += std::stod(m[2]) * 60;
    if (m[3].matched) total += std::stod(m[3]);
    return total;
}

} // namespace

namespace {

// Auto Scaling groups and their update policies.

void inconsistentGroupSizes(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const auto min = literalNumber(g->property("MinSize"));
        const auto max = literalNumber(g->property("MaxSize"));
        const auto desired = literalNumber(g->property("DesiredCapacity"));
        if (min && max && *min > *max)
            out.add(g->propertyPointer("MinSize"), "MinSize " + fmt(*min) + " is larger than MaxSize " + fmt(*max));
        else if (desired && ((min && *desired < *min) || (max && *desired > *max)))
            out.add(g->propertyPointer("DesiredCapacity"), "DesiredCapacity " + fmt(*desired) + " is outside MinSize..MaxSize");
    }
}

void rollingUpdateReplacesNothing(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const auto minIn = literalNumber(member(rolling(*g), "MinInstancesInService"));
        const auto max = literalNumber(g->property("MaxSize"));
        if (minIn && max && *minIn >= *max)
            out.add(g->pointer + "/UpdatePolicy/AutoScalingRollingUpdate/MinInstancesInService",
                    "MinInstancesInService " + fmt(*minIn) + " must be less than MaxSize " + fmt(*max));
    }
}

void invalidRollingUpdate(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const Json *r = rolling(*g);
        if (!r)
            continue;
        const std::string p = g->pointer + "/UpdatePolicy/AutoScalingRollingUpdate";
        if (auto n = literalNumber(member(r, "MaxBatchSize")); n && *n < 1)
            out.add(p + "/MaxBatchSize", "MaxBatchSize must be at least 1");
        if (auto n = literalNumber(member(r, "MinSuccessfulInstancesPercent")); n && (*n < 0 || *n > 100))
            out.add(p + "/MinSuccessfulInstancesPercent", "MinSuccessfulInstancesPercent must be between 0 and 100");
        if (auto s = literalString(member(r, "PauseTime"))) {
            const auto seconds = isoSeconds(*s);
            if (!seconds)
                out.add(p + "/PauseTime", "PauseTime '" + *s + "' is not an ISO 8601 duration such as PT5M");
            else if (*seconds > 3600)
                out.add(p + "/PauseTime", "PauseTime is at most PT1H");
        }
    }
}

void replacingAndRollingTogether(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const Json *replacing = member(g->attribute("UpdatePolicy"), "AutoScalingReplacingUpdate");
        if (rolling(*g) && literalBool(member(replacing, "WillReplace")).value_or(false))
            out.add(g->pointer + "/UpdatePolicy/AutoScalingRollingUpdate",
                    "AutoScalingRollingUpdate is ignored when AutoScalingReplacingUpdate WillReplace is true");
    }
}

void singleAvailabilityZone(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        for (const char *p : {"VPCZoneIdentifier", "AvailabilityZones"}) {
            const Json *list = literalList(g->property(p));
            if (list && list->size() == 1)
                out.add(g->propertyPointer(p), "the group uses a single " + std::string(*p == 'V' ? "subnet" : "Availability Zone"));
        }
    }
}

void signalsWithoutPauseTime(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const Json *r = rolling(*g);
        if (literalBool(member(r, "WaitOnResourceSignals")).value_or(false) && !member(r, "PauseTime"))
            out.add(g->pointer + "/UpdatePolicy/AutoScalingRollingUpdate/WaitOnResourceSignals",
                    "WaitOnResourceSignals without PauseTime waits only the default five minutes");
    }
}

void elbHealthChecksWithoutLoadBalancer(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup))
        if (literalString(g->property("HealthCheckType")) == "ELB" && !g->property("TargetGroupARNs")
            && !g->property("LoadBalancerNames"))
            out.add(g->propertyPointer("HealthCheckType"), "HealthCheckType ELB but no TargetGroupARNs or LoadBalancerNames");
}

void addAutoScalingRules(std::vector<Rule> &rules)
{
    add(rules, "E4050", "Auto Scaling group sizes inconsistent", 2,
        "An Auto Scaling group keeps DesiredCapacity between MinSize and MaxSize; CloudFormation "
        "rejects MinSize above MaxSize or a desired capacity outside the range.",
        inconsistentGroupSizes);

    add(rules, "E4051", "Rolling update that cannot replace any instance", 2,
        "AutoScalingRollingUpdate replaces instances in batches while keeping "
        "MinInstancesInService in service. If MinInstancesInService is not below MaxSize there is "
        "no room to take an instance out, and the update fails at deploy time: keep it at most "
        "MaxSize - 1.",
        rollingUpdateReplacesNothing);

    add(rules, "E4052", "Invalid rolling update settings", 2,
        "AutoScalingRollingUpdate: MaxBatchSize at least 1, MinSuccessfulInstancesPercent 0-100, "
        "PauseTime an ISO 8601 duration (PT5M) of at most one hour (PT1H).",
        invalidRollingUpdate);

    add(rules, "W4053", "Replacing and rolling update policies together", 2,
        "With AutoScalingReplacingUpdate WillReplace true, CloudFormation builds a whole new group "
        "and ignores AutoScalingRollingUpdate. Keep the one you mean, so nobody expects batches "
        "that will not happen.",
        replacingAndRollingTogether);

    add(rules, "W4054", "Auto Scaling group in a single Availability Zone", 2,
        "A group in one Availability Zone (one subnet) goes down with that zone, and a rolling or "
        "in-place deployment there has no healthy capacity elsewhere. Spread production fleets "
        "over two or three zones.",
        singleAvailabilityZone);

    add(rules, "W4055", "Signals awaited without a pause time", 2,
        "With WaitOnResourceSignals, each batch of a rolling update waits for cfn-signal from the "
        "new instances for PauseTime; left out, the wait is five minutes, often too short for an "
        "application to boot and report. Set PauseTime to what boot really takes.",
        signalsWithoutPauseTime);

    add(rules, "W4056", "ELB health checks without a load balancer", 2,
        "HealthCheckType ELB replaces instances the load balancer marks unhealthy. A group not "
        "attached to any target group or classic load balancer never gets that signal.",
        elbHealthChecksWithoutLoadBalancer);
}

// Route 53 weighted records.

void incompleteWeightedRecord(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *r : c.ofType("AWS::Route53::RecordSet")) {
        const Json *weight = r->property("Weight");
        if (!weight)
            continue;
        if (!r->property("SetIdentifier"))
            out.add(r->propertyPointer("Weight"), "a weighted record needs a SetIdentifier",
                    setFix("Identify " + r->id + " by its logical ID", r->propertyPointer("SetIdentifier"), r->id));
        if (auto n = literalNumber(weight); n && (*n < 0 || *n > 255))
            out.add(r->propertyPointer("Weight"), "Weight must be between 0 and 255");
    }
}

void weightedAndPlainRecords(const RuleContext &c, FindingList &out)
{
    struct Seen { bool weighted = false; bool plain = false; std::set<std::string> ids; };
    std::map<std::string, Seen> byName;
    for (const ResourceView *r : c.ofType("AWS::Route53::RecordSet")) {
        const auto name = literalString(r->property("Name"));
        const auto type = literalString(r->property("Type"));
        if (!name || !type)
            continue;
        std::string key = *name;
        if (!key.empty() && key.back() != '.')
            key += '.';
        key += " " + *type;
        Seen &seen = byName[key];
        const bool weighted = r->property("Weight") != nullptr;
        const bool otherPolicy = r->property("Failover") || r->property("Region") || r->property("GeoLocation")
                                 || r->property("MultiValueAnswer");
        if (weighted) {
            if (seen.plain)
                out.add(r->propertyPointer("Weight"), "'" + *name + "' " + *type + " also has a record without weight");
            if (auto id = literalString(r->property("SetIdentifier")); id && !seen.ids.insert(*id).second)
                out.add(r->propertyPointer("SetIdentifier"), "SetIdentifier '" + *id + "' is used twice for '" + *name + "'");
            seen.weighted = true;
        } else if (!otherPolicy) {
            if (seen.weighted)
                out.add(r->pointer, "'" + *name + "' " + *type + " already has weighted records");
            seen.plain = true;
        }
    }
}

void allWeightsZero(const RuleContext &c, FindingList &out)
{
    std::map<std::string, std::vector<const ResourceView *>> byName;
    for (const ResourceView *r : c.ofType("AWS::Route53::RecordSet"))
        if (auto name = literalString(r->property("Name")); name && r->property("Weight"))
            byName[*name + " " + literalString(r->property("Type")).value_or("")].push_back(r);
    for (const auto &[name, records] : byName) {
        bool allZero = records.size() > 1;
        for (const ResourceView *r : records)
            allZero = allZero && literalNumber(r->property("Weight")) == 0.0;
        if (allZero)
            out.add(records.front()->propertyPointer("Weight"),
                    "every weighted record of '" + name + "' has weight 0: traffic is spread evenly");
    }
}

void addWeightedRecordRules(std::vector<Rule> &rules)
{
    add(rules, "E4060", "Incomplete weighted record", 1,
        "A weighted record needs a SetIdentifier (unique among the records of that name and type) "
        "and a Weight from 0 to 255; its share of answers is its weight divided by the sum of the "
        "weights. Weighted records are how traffic is shifted between a blue and a green "
        "environment by DNS.",
        incompleteWeightedRecord);

    addTemplateWide(rules, "E4061", "Weighted and plain records of the same name", 1,
        "All records with one name and type must use the same routing policy: a plain (simple) "
        "record next to weighted ones is rejected, and two weighted records cannot share a "
        "SetIdentifier.",
        weightedAndPlainRecords);

    addTemplateWide(rules, "W4062", "All weights zero", 1,
        "Weight 0 normally stops traffic to a record, but when every record of a name has weight 0 "
        "Route 53 answers with all of them evenly. That is rarely the intended cut-over state.",
        allWeightsZero);
}

} // namespace

void addFleetRules(std::vector<Rule> &rules)
{
    addAutoScalingRules(rules);
    addWeightedRecordRules(rules);
}

} // namespace sc::rulefamilies
