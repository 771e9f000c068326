// Family 3, values the specification types only as strings or JSON: a Lambda function's
// runtime (known identifiers and their deprecation dates) and an SQS queue's redrive policy.

#include "model/rules/lambdaruntimes.h"
#include "model/rules/ruleregistry.h"
#include "model/rules/rulehelpers.h"

#include "model/template/intrinsics.h"

#include <algorithm>
#include <cctype>

namespace sc::rulefamilies {

using namespace rulehelpers;

namespace {

// A Runtime value: where it is and its literal text.
struct RuntimeUse {
    std::string pointer;
    std::string value;
    std::string owner; // "Fn" or "Globals"
};

// Every literal Runtime of a function, and SAM's Globals/Function/Runtime.
std::vector<RuntimeUse> runtimeUses(const RuleContext &c)
{
    std::vector<RuntimeUse> out;
    for (const char *type : {"AWS::Lambda::Function", "AWS::Serverless::Function"})
        for (const ResourceView *r : c.ofType(type))
            if (const auto value = literalString(r->property("Runtime")))
                out.push_back({r->propertyPointer("Runtime"), *value, r->id});
    if (c.isSam())
        if (const auto value = literalString(member(member(member(&c.root(), "Globals"), "Function"), "Runtime")))
            out.push_back({"/Globals/Function/Runtime", *value, "Globals"});
    return out;
}

std::string normalized(std::string_view text)
{
    std::string out;
    for (const char ch : text)
        if (!std::isspace(static_cast<unsigned char>(ch)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// The identifier a value surely means: the same in another case or with spaces ("Python3.12"),
// or without the ".x" Node.js identifiers carry ("nodejs20"). Empty when there is none.
std::string certainRuntime(const std::string &value)
{
    const std::string n = normalized(value);
    for (const LambdaRuntime &r : lambdaRuntimes())
        if (r.id == n || r.id == n + ".x")
            return std::string(r.id);
    return {};
}

std::vector<std::string> runtimeIds()
{
    std::vector<std::string> out;
    for (const LambdaRuntime &r : lambdaRuntimes())
        out.emplace_back(r.id);
    return out;
}

std::string movesTo(const LambdaRuntime &r)
{
    return r.successor.empty() ? std::string("a supported runtime of the same language")
                               : std::string(r.successor);
}

void runtimeInWrongForm(const RuleContext &c, FindingList &out)
{
    for (const RuntimeUse &use : runtimeUses(c)) {
        if (findLambdaRuntime(use.value))
            continue;
        const std::string meant = certainRuntime(use.value);
        if (!meant.empty())
            out.add(use.pointer, "'" + use.value + "' is not a Lambda runtime identifier: write '" + meant + "'",
                    setFix("Set the runtime of " + use.owner + " to " + meant, use.pointer, meant));
    }
}

void unknownRuntime(const RuleContext &c, FindingList &out)
{
    static const std::vector<std::string> ids = runtimeIds();
    for (const RuntimeUse &use : runtimeUses(c)) {
        if (findLambdaRuntime(use.value) || !certainRuntime(use.value).empty())
            continue;
        std::string message = "'" + use.value + "' is not a Lambda runtime StackCanvas knows ("
                              + std::string(lambdaRuntimeSource()) + "); Lambda rejects unknown runtimes";
        const std::string guess = closest(normalized(use.value), ids);
        if (guess.empty()) {
            out.add(use.pointer, message);
            continue;
        }
        out.add(use.pointer, message + ". Did you mean '" + guess + "'?",
                setFix("Set the runtime of " + use.owner + " to " + guess, use.pointer, guess));
    }
}

void deprecatedRuntime(const RuleContext &c, FindingList &out)
{
    for (const RuntimeUse &use : runtimeUses(c)) {
        const LambdaRuntime *r = findLambdaRuntime(use.value);
        if (!r || lambdaRuntimeStage(*r, c.today()) != RuntimeStage::Deprecated)
            continue;
        std::string message = use.value + " is deprecated since " + std::string(r->deprecated)
                              + ": it no longer receives security patches";
        message += r->createBlock.empty()
                       ? "; AWS has not yet published when Lambda blocks creating functions with it"
                       : "; Lambda blocks creating functions with it from " + std::string(r->createBlock)
                             + " and updating them from " + std::string(r->updateBlock);
        out.add(use.pointer, message + ". Move to " + movesTo(*r) + " (" + std::string(lambdaRuntimeSource()) + ")");
    }
}

void blockedRuntime(const RuleContext &c, FindingList &out)
{
    for (const RuntimeUse &use : runtimeUses(c)) {
        const LambdaRuntime *r = findLambdaRuntime(use.value);
        if (!r)
            continue;
        const RuntimeStage stage = lambdaRuntimeStage(*r, c.today());
        if (stage != RuntimeStage::CreateBlocked && stage != RuntimeStage::UpdateBlocked)
            continue;
        std::string message = "Lambda no longer creates functions with " + use.value + " (blocked since "
                              + std::string(r->createBlock);
        message += stage == RuntimeStage::UpdateBlocked
                       ? "; updates are blocked since " + std::string(r->updateBlock) + ")"
                       : "; updates will be blocked from " + std::string(r->updateBlock) + ")";
        out.add(use.pointer, message + ". Move to " + movesTo(*r) + " (" + std::string(lambdaRuntimeSource()) + ")");
    }
}

void addRuntimeRules(std::vector<Rule> &rules)
{
    addTemplateWide(rules, "E3012", "Lambda runtime identifier in the wrong form", 5,
        "Lambda names each runtime by an exact, lower-case identifier (python3.12, nodejs22.x, "
        "java21, provided.al2023). CloudFormation passes the value to Lambda as written, and "
        "Lambda rejects 'Python3.12' or 'nodejs22': the stack fails when it creates the function.",
        runtimeInWrongForm);

    add(rules, "W3013", "Lambda runtime StackCanvas does not know", 5,
        "Lambda accepts only the runtime identifiers it lists; anything else fails when the "
        "function is created. StackCanvas knows the identifiers AWS listed when its table was "
        "read: a runtime Lambda added since then is reported here too, which is why this is a "
        "warning and not an error.",
        unknownRuntime);

    add(rules, "W3014", "Deprecated Lambda runtime", 5,
        "Lambda deprecates a runtime when its language version (or its operating system) stops "
        "receiving security updates: from that day the runtime gets no patches and no technical "
        "support. Some time later Lambda blocks creating functions with it, then updating them. "
        "Existing functions keep running, but a stack that creates or replaces one fails once "
        "creation is blocked. AWS publishes the dates in the Lambda Developer Guide.",
        deprecatedRuntime);

    add(rules, "E3015", "Lambda runtime blocked for new functions", 5,
        "Once a deprecated runtime's creation block date has passed, Lambda refuses to create "
        "functions with it, and after the update block date also to update them. A stack that "
        "creates (or replaces) such a function fails and rolls back.",
        blockedRuntime);
}

// maxReceiveCount is required in a redrive policy: AWS CloudFormation User Guide, "Amazon SQS
// RedrivePolicy" (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-sqs-queues-redrivepolicy.html),
// and AWS recommends at least 5 when Lambda consumes the queue, "Understanding SQS retries"
// (https://docs.aws.amazon.com/lambda/latest/dg/sqs-retries.html); both read 2026-12-05.
constexpr int kSuggestedMaxReceiveCount = 5;

void redriveWithoutMaxReceiveCount(const RuleContext &c, FindingList &out)
{
    for (const ResourceView *r : c.ofType("AWS::SQS::Queue")) {
        const Json *policy = r->property("RedrivePolicy");
        if (!policy || !policy->is_object() || intrinsics::isIntrinsic(*policy) || policy->contains("maxReceiveCount"))
            continue;
        const std::string pointer = r->propertyPointer("RedrivePolicy");
        out.add(pointer,
                "the redrive policy of " + r->id + " has no maxReceiveCount: SQS requires the number of "
                "receives after which a message moves to the dead-letter queue",
                setFix("Move messages of " + r->id + " to the dead-letter queue after "
                           + std::to_string(kSuggestedMaxReceiveCount) + " receives",
                       SourceMap::join(pointer, "maxReceiveCount"), kSuggestedMaxReceiveCount));
    }
}

void addQueueRules(std::vector<Rule> &rules)
{
    add(rules, "E3016", "Redrive policy without maxReceiveCount", 3,
        "A queue's RedrivePolicy names the dead-letter queue (deadLetterTargetArn) and how many "
        "times a consumer may receive a message before SQS moves it there (maxReceiveCount, 1 to "
        "1,000). AWS documents both as required: SQS refuses a policy without maxReceiveCount and "
        "the stack fails. Too low a count sends messages to the dead-letter queue on a transient "
        "error (AWS advises against 1, and at least 5 when Lambda reads the queue); too high a "
        "count lets a poison message be retried for a long time.",
        redriveWithoutMaxReceiveCount);
}

} // namespace

void addServiceValueRules(std::vector<Rule> &rules)
{
    addRuntimeRules(rules);
    addQueueRules(rules);
}

} // namespace sc::rulefamilies
