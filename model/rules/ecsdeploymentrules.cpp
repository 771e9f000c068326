// Family 4, ECS deploying by itself (DeploymentController ECS with DeploymentConfiguration
// Strategy BLUE_GREEN, CANARY, LINEAR or ROLLING; reference §11). Sources: CloudFormation
// AWS::ECS::Service DeploymentConfiguration, CanaryConfiguration, LinearConfiguration,
// DeploymentLifecycleHook; ECS API DeploymentConfiguration, ServiceDeploymentCircuitBreaker.

#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include <cmath>
#include <set>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

constexpr const char *kService = "AWS::ECS::Service";
// CloudFormation operations time out after 36 hours; it rejects canary and linear deployments
// whose configured waits exceed 33 hours.
constexpr double kStackWaitMinutes = 33 * 60;

const Json *config(const ResourceView &s)
{
    return s.property("DeploymentConfiguration");
}

std::string strategyOf(const ResourceView &s)
{
    return literalString(member(config(s), "Strategy")).value_or("ROLLING");
}

bool shiftsTraffic(const std::string &strategy)
{
    return strategy == "BLUE_GREEN" || strategy == "CANARY" || strategy == "LINEAR";
}

std::string controllerOf(const ResourceView &s)
{
    return literalString(member(s.property("DeploymentController"), "Type")).value_or("ECS");
}

std::string whole(double v)
{
    return std::to_string(static_cast<long long>(std::llround(v)));
}

bool tenths(double v)
{
    return std::fabs(v * 10 - std::round(v * 10)) < 1e-9;
}

void waitsLongerThanStack(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kService)) {
        const Json *dc = config(*s);
        const std::string strategy = strategyOf(*s);
        const double bake = literalNumber(member(dc, "BakeTimeInMinutes")).value_or(0);
        double total = bake;
        std::string pointer;
        if (strategy == "CANARY") {
            total += literalNumber(member(member(dc, "CanaryConfiguration"), "CanaryBakeTimeInMinutes")).value_or(10);
            pointer = "CanaryConfiguration";
        } else if (strategy == "LINEAR") {
            const Json *linear = member(dc, "LinearConfiguration");
            const double step = literalNumber(member(linear, "StepPercent")).value_or(10);
            if (step <= 0)
                continue;
            const double ratio = 100 / step;
            const double steps = std::fabs(ratio - std::round(ratio)) < 1e-9 ? std::round(ratio) - 1 : std::floor(ratio);
            total += literalNumber(member(linear, "StepBakeTimeInMinutes")).value_or(6) * steps;
            pointer = "LinearConfiguration";
        } else {
            continue;
        }
        if (total > kStackWaitMinutes)
            out.add(s->propertyPointer("DeploymentConfiguration") + (member(dc, pointer) ? "/" + pointer : ""),
                    "the " + std::string(strategy == "CANARY" ? "canary" : "linear") + " waits add up to " +
                        whole(total) + " minutes, more than the 1,980 (33 hours) CloudFormation accepts");
    }
}

void hookAtPassiveStage(const RuleContext &c, FindingList &out)
{
    static const std::set<std::string> hookable = {
        "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
        "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"};
    static const std::set<std::string> passive = {"SCALE_UP", "BAKE_TIME", "CLEAN_UP"};
    for (const ResourceView *s : c.ofType(kService)) {
        const Json *hooks = literalList(member(config(*s), "LifecycleHooks"));
        for (std::size_t i = 0; hooks && i < hooks->size(); ++i) {
            const Json *stages = literalList(member(&(*hooks)[i], "LifecycleStages"));
            for (std::size_t k = 0; stages && k < stages->size(); ++k) {
                const auto stage = literalString(&(*stages)[k]);
                if (!stage || hookable.count(*stage))
                    continue;
                const std::string p = ptr(ptr(s->propertyPointer("DeploymentConfiguration") + "/LifecycleHooks", i) +
                                              "/LifecycleStages", k);
                out.add(p, passive.count(*stage) ? *stage + " runs no hook: use a stage that does, such as POST_" +
                                                       (*stage == "SCALE_UP" ? std::string("SCALE_UP")
                                                                             : std::string("PRODUCTION_TRAFFIC_SHIFT"))
                                                 : "'" + *stage + "' is not a lifecycle stage");
            }
        }
    }
}

void shiftSettingsOutOfRange(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kService)) {
        const Json *dc = config(*s);
        const std::string base = s->propertyPointer("DeploymentConfiguration");
        auto check = [&](const char *object, const char *percent, double low, const char *bake) {
            const Json *o = member(dc, object);
            if (auto p = literalNumber(member(o, percent)); p && (*p < low || *p > 100 || !tenths(*p)))
                out.add(base + "/" + object + "/" + percent,
                        std::string(percent) + " must be a multiple of 0.1 from " + (low < 1 ? "0.1" : "3") + " to 100");
            if (auto b = literalNumber(member(o, bake)); b && (*b < 0 || *b > 1440))
                out.add(base + "/" + object + "/" + bake, std::string(bake) + " must be 0 to 1440 minutes");
        };
        check("CanaryConfiguration", "CanaryPercent", 0.1, "CanaryBakeTimeInMinutes");
        check("LinearConfiguration", "StepPercent", 3, "StepBakeTimeInMinutes");
    }
}

void settingsStrategyIgnores(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kService)) {
        const std::string strategy = strategyOf(*s);
        for (const auto &[object, wanted] : {std::pair{"CanaryConfiguration", "CANARY"}, std::pair{"LinearConfiguration", "LINEAR"}})
            if (member(config(*s), object) && strategy != wanted)
                out.add(s->propertyPointer("DeploymentConfiguration") + "/" + object,
                        std::string(object) + " is ignored: Strategy is " + strategy + ", not " + wanted);
    }
}

void trafficShiftWithoutBakeTime(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kService))
        if (controllerOf(*s) == "ECS" && shiftsTraffic(strategyOf(*s)) && !member(config(*s), "BakeTimeInMinutes"))
            out.add(s->propertyPointer("DeploymentConfiguration") + "/Strategy",
                    strategyOf(*s) + " without BakeTimeInMinutes");
}

void trafficShiftWithoutAlternateTargetGroup(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kService)) {
        const Json *lbs = literalList(s->property("LoadBalancers"));
        if (controllerOf(*s) != "ECS" || !shiftsTraffic(strategyOf(*s)) || !lbs || lbs->empty())
            continue;
        for (std::size_t i = 0; i < lbs->size(); ++i) {
            const Json *advanced = member(&(*lbs)[i], "AdvancedConfiguration");
            if (!member(advanced, "AlternateTargetGroupArn") || !member(advanced, "ProductionListenerRule"))
                out.add(ptr(s->propertyPointer("LoadBalancers"), i),
                        strategyOf(*s) + " needs AdvancedConfiguration with AlternateTargetGroupArn and "
                                         "ProductionListenerRule");
        }
    }
}

void strategyUnderAnotherController(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kService))
        if (controllerOf(*s) != "ECS" && shiftsTraffic(strategyOf(*s)))
            out.add(s->propertyPointer("DeploymentConfiguration") + "/Strategy",
                    "Strategy " + strategyOf(*s) + " applies to the ECS controller; this service uses " +
                        controllerOf(*s));
}

void circuitBreakerWithoutRollback(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *s : c.ofType(kService)) {
        const Json *breaker = member(config(*s), "DeploymentCircuitBreaker");
        if (literalBool(member(breaker, "Enable")).value_or(false) &&
            !literalBool(member(breaker, "Rollback")).value_or(false))
            out.add(s->propertyPointer("DeploymentConfiguration") + "/DeploymentCircuitBreaker",
                    "a tripped circuit breaker leaves the deployment FAILED, not rolled back");
    }
}

} // namespace

void addEcsDeploymentRules(std::vector<Rule> &rules)
{
    add(rules, "E4080", "ECS canary or linear deployment longer than a stack can wait", 2,
        "A CloudFormation stack operation times out after 36 hours, so CloudFormation rejects an ECS "
        "canary whose BakeTimeInMinutes + CanaryBakeTimeInMinutes passes 33 hours, and a linear "
        "deployment whose BakeTimeInMinutes + StepBakeTimeInMinutes x steps does (steps: 100 / "
        "StepPercent - 1 when it divides evenly, else its floor; no bake after 100 %). Shorten the "
        "bake times or use larger steps.",
        waitsLongerThanStack);

    add(rules, "E4081", "ECS lifecycle hook at a stage that takes none", 2,
        "ECS runs a deployment lifecycle hook only at RECONCILE_SERVICE, PRE_SCALE_UP, POST_SCALE_UP, "
        "TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, "
        "PRODUCTION_TRAFFIC_SHIFT and POST_PRODUCTION_TRAFFIC_SHIFT. SCALE_UP, BAKE_TIME and CLEAN_UP are "
        "stages a deployment goes through, but no hook runs there: a check placed there never happens.",
        hookAtPassiveStage);

    add(rules, "E4082", "ECS canary or linear settings out of range", 2,
        "CanaryPercent takes multiples of 0.1 from 0.1 to 100 (default 5) and CanaryBakeTimeInMinutes "
        "0 to 1,440 (default 10); StepPercent takes multiples of 0.1 from 3 to 100 (default 10) and "
        "StepBakeTimeInMinutes 0 to 1,440 (default 6). ECS refuses other values.",
        shiftSettingsOutOfRange);

    add(rules, "W4083", "Canary or linear settings the strategy ignores", 2,
        "CanaryConfiguration is used only when DeploymentConfiguration.Strategy is CANARY, and "
        "LinearConfiguration only when it is LINEAR. Set beside another strategy they change nothing, "
        "which usually means the strategy is not the one intended.",
        settingsStrategyIgnores);

    add(rules, "W4084", "ECS blue/green without a bake time", 2,
        "BakeTimeInMinutes is how long both revisions keep running after production traffic moved: "
        "the window in which an alarm or a rollback still sends traffic straight back to blue. The ECS "
        "API requires it for BLUE_GREEN; set it for canary and linear too, so the rollback window is "
        "chosen, not left to a default.",
        trafficShiftWithoutBakeTime);

    add(rules, "W4085", "ECS traffic shift without an alternate target group", 2,
        "To shift traffic, ECS needs the green target group and the listener rules it may change: "
        "LoadBalancers[].AdvancedConfiguration with AlternateTargetGroupArn, ProductionListenerRule "
        "(and TestListenerRule for test traffic) and a RoleArn ECS assumes to change the rules.",
        trafficShiftWithoutAlternateTargetGroup);

    add(rules, "W4087", "ECS deployment strategy under another controller", 2,
        "DeploymentConfiguration.Strategy BLUE_GREEN, CANARY or LINEAR is how ECS itself deploys, with "
        "DeploymentController ECS. A service with the CODE_DEPLOY controller is deployed by its "
        "CodeDeploy deployment group (and EXTERNAL by your own tool): the strategy does not apply.",
        strategyUnderAnotherController);

    add(rules, "I4088", "Circuit breaker without rollback", 2,
        "With DeploymentCircuitBreaker Enable and no Rollback, a rolling update that trips the breaker "
        "(failed tasks reaching half the desired count, at least 3, at most 200) stops launching tasks "
        "and stays FAILED with whatever mix of old and new tasks it had. With Rollback, ECS returns to "
        "the last completed deployment by itself.",
        circuitBreakerWithoutRollback);
}

} // namespace sc::rulefamilies
