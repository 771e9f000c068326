// Family 4, Auto Scaling instance refresh (UpdatePolicy AutoScalingInstanceRefresh; reference
// §12). Sources: Auto Scaling API RefreshPreferences and InstanceMaintenancePolicy; the AWS CDK's
// checks of the same preferences (aws-autoscaling UpdatePolicy.instanceRefresh); EC2 Auto
// Scaling User Guide, instance refresh limitations.

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

constexpr const char *kGroup = "AWS::AutoScaling::AutoScalingGroup";

const Json *refreshPolicy(const ResourceView &g)
{
    return member(g.attribute("UpdatePolicy"), "AutoScalingInstanceRefresh");
}

std::string refreshPointer(const ResourceView &g)
{
    return g.pointer + "/UpdatePolicy/AutoScalingInstanceRefresh";
}

std::string fmt(double d)
{
    return std::to_string(static_cast<long long>(d));
}

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

void refreshAndRollingUpdateTogether(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup))
        if (refreshPolicy(*g) && member(g->attribute("UpdatePolicy"), "AutoScalingRollingUpdate"))
            out.add(refreshPointer(*g), "AutoScalingInstanceRefresh cannot be combined with AutoScalingRollingUpdate");
}

void invalidRefreshPreferences(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const Json *policy = refreshPolicy(*g);
        if (!policy)
            continue;
        const std::string base = refreshPointer(*g);
        if (auto s = literalString(member(policy, "Strategy")); s && *s != "Rolling" && *s != "ReplaceRootVolume")
            out.add(base + "/Strategy", "Strategy must be Rolling or ReplaceRootVolume, not '" + *s + "'");
        const Json *p = member(policy, "Preferences");
        const std::string prefs = base + "/Preferences";
        const auto min = literalNumber(member(p, "MinHealthyPercentage"));
        const auto max = literalNumber(member(p, "MaxHealthyPercentage"));
        if (min && (*min < 0 || *min > 100))
            out.add(prefs + "/MinHealthyPercentage", "MinHealthyPercentage must be 0 to 100");
        if (max && (*max < 100 || *max > 200))
            out.add(prefs + "/MaxHealthyPercentage", "MaxHealthyPercentage must be 100 to 200");
        else if (max && !member(p, "MinHealthyPercentage"))
            out.add(prefs + "/MaxHealthyPercentage", "MaxHealthyPercentage needs MinHealthyPercentage");
        else if (min && max && *max - *min > 100)
            out.add(prefs + "/MaxHealthyPercentage", "MaxHealthyPercentage is more than 100 above MinHealthyPercentage");
        const Json *checkpoints = literalList(member(p, "CheckpointPercentages"));
        double last = 0;
        for (std::size_t i = 0; checkpoints && i < checkpoints->size(); ++i) {
            const auto v = literalNumber(&(*checkpoints)[i]);
            if (v && (*v < 1 || *v > 100 || *v <= last)) {
                out.add(ptr(prefs + "/CheckpointPercentages", i),
                        "CheckpointPercentages must be unique values of 1 to 100 in ascending order");
                break;
            }
            last = v.value_or(last);
        }
        if (member(p, "CheckpointDelay") && !member(p, "CheckpointPercentages"))
            out.add(prefs + "/CheckpointDelay", "CheckpointDelay needs CheckpointPercentages");
        for (const char *seconds : {"CheckpointDelay", "BakeTime"})
            if (auto v = literalNumber(member(p, seconds)); v && (*v < 0 || *v > 172800))
                out.add(prefs + "/" + seconds, std::string(seconds) + " must be 0 to 172800 seconds");
        if (const Json *alarms = literalList(member(member(p, "AlarmSpecification"), "Alarms")); alarms && alarms->size() > 10)
            out.add(prefs + "/AlarmSpecification/Alarms", "at most 10 alarms, not " + fmt(double(alarms->size())));
    }
}

void refreshWithoutRollback(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        if (!refreshPolicy(*g))
            continue;
        const Json *spec = g->property("LaunchTemplate");
        const std::string specPointer = g->propertyPointer("LaunchTemplate");
        if (auto v = literalString(member(spec, "Version")); v && (*v == "$Latest" || *v == "$Default")) {
            out.add(specPointer + "/Version", "launch template version " + *v + ": a refresh cannot roll back");
            continue;
        }
        auto lt = referencedId(member(spec, "LaunchTemplateId"));
        if (!lt)
            lt = referencedId(member(spec, "LaunchTemplateName"));
        const ResourceView *template_ = lt ? c.resource(*lt) : nullptr;
        const Json *image = template_ ? member(template_->property("LaunchTemplateData"), "ImageId") : nullptr;
        if (!image)
            continue;
        bool ssm = literalString(image) && startsWith(*literalString(image), "{{resolve:ssm:");
        if (auto param = referencedId(image); param && c.isParameter(*param)) {
            const auto type = literalString(member(member(&c.section("Parameters"), *param), "Type"));
            ssm |= type && startsWith(*type, "AWS::SSM::Parameter::Value");
        }
        if (ssm)
            out.add(template_->propertyPointer("LaunchTemplateData") + "/ImageId",
                    "an AMI from a Systems Manager parameter: an instance refresh of " + g->id + " cannot roll back");
    }
}

void checkpointsStopShort(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const Json *checkpoints = literalList(member(member(refreshPolicy(*g), "Preferences"), "CheckpointPercentages"));
        if (!checkpoints || checkpoints->empty())
            continue;
        if (auto last = literalNumber(&checkpoints->back()); last && *last < 100)
            out.add(ptr(refreshPointer(*g) + "/Preferences/CheckpointPercentages", checkpoints->size() - 1),
                    "the last checkpoint is " + fmt(*last) + " %: the refresh stops there");
    }
}

void refreshTakesSingleInstanceDown(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *g : c.ofType(kGroup)) {
        const Json *policy = refreshPolicy(*g);
        if (!policy)
            continue;
        const auto desired = literalNumber(g->property("DesiredCapacity"));
        const auto max = literalNumber(g->property("MaxSize"));
        const bool one = desired ? *desired == 1 : max && *max == 1;
        const double maxHealthy = literalNumber(member(member(policy, "Preferences"), "MaxHealthyPercentage"))
                                      .value_or(literalNumber(member(g->property("InstanceMaintenancePolicy"),
                                                                     "MaxHealthyPercentage"))
                                                    .value_or(100));
        if (one && maxHealthy <= 100)
            out.add(refreshPointer(*g), "one instance and MaxHealthyPercentage " + fmt(maxHealthy) +
                                            ": the group is down while its instance is replaced");
    }
}

} // namespace

void addInstanceRefreshRules(std::vector<Rule> &rules)
{
    add(rules, "E4090", "Instance refresh and rolling update together", 3,
        "AutoScalingInstanceRefresh and AutoScalingRollingUpdate are two ways for CloudFormation to "
        "replace a group's instances when its launch template changes; they are mutually exclusive. "
        "An instance refresh keeps a healthy percentage, warms instances up and can pause at "
        "checkpoints; a rolling update works in batches with MinInstancesInService.",
        refreshAndRollingUpdateTogether);

    add(rules, "E4091", "Invalid instance refresh preferences", 3,
        "RefreshPreferences: MinHealthyPercentage 0-100 (default 90), MaxHealthyPercentage 100-200 "
        "(default 100, needs MinHealthyPercentage, at most 100 above it), CheckpointPercentages unique, "
        "ascending values of 1-100, CheckpointDelay (default 3,600 s, only with checkpoints) and "
        "BakeTime 0-172,800 s, at most 10 alarms, Strategy Rolling or ReplaceRootVolume.",
        invalidRefreshPreferences);

    addTemplateWide(rules, "W4092", "Instance refresh that cannot roll back", 3,
        "An instance refresh cannot roll back a group whose launch template version is $Latest or "
        "$Default, or whose AMI comes from a Systems Manager parameter: a failed refresh or an alarm "
        "leaves the instances it replaced on the new configuration. A $Latest or $Default group also "
        "does not change when its launch template does, so CloudFormation starts no refresh at all. "
        "Point the group at a version number (Fn::GetAtt LatestVersionNumber) and an AMI ID.",
        refreshWithoutRollback);

    add(rules, "W4093", "Instance refresh checkpoints that stop short", 3,
        "CheckpointPercentages are the shares of the group after which a refresh pauses for "
        "CheckpointDelay. To replace every instance the last one must be 100; a list that ends lower "
        "leaves the rest of the group on the old configuration.",
        checkpointsStopShort);

    add(rules, "W4094", "Instance refresh of a one-instance group takes it down", 3,
        "With MaxHealthyPercentage 100 (the default) there is no room to launch a replacement first, "
        "so a refresh terminates and launches at the same time: a group of one instance is down until "
        "the new instance is healthy. Set MaxHealthyPercentage above 100 (for example 200) to launch "
        "first.",
        refreshTakesSingleInstanceDown);
}

} // namespace sc::rulefamilies
