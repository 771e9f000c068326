#include "tests/fuzz/fuzzsupport.h"

#include "model/rollout/strategy.h"
#include "model/rollout/timingmodel.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace sc::fuzz {

std::string_view text(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

std::optional<Template> read(std::string_view input, std::optional<TemplateFormat> format)
{
    try {
        return readTemplate(input, "fuzz", format);
    } catch (const TemplateError &) {
        return std::nullopt;
    }
}

void fail(const std::string &what, const std::string &detail)
{
    std::fprintf(stderr, "\n%s\n%s\n", what.c_str(), detail.c_str());
    std::fflush(stderr);
    std::abort();
}

void checkWritersReadBack(const Template &content)
{
    for (const TemplateFormat format : {TemplateFormat::Yaml, TemplateFormat::Json}) {
        const bool isYaml = format == TemplateFormat::Yaml;
        const std::string written = isYaml ? writeYaml(content.root) : writeJson(content.root);
        Template back;
        try {
            back = readTemplate(written, isYaml ? "written.yaml" : "written.json", format);
        } catch (const TemplateError &e) {
            fail(std::string("the ") + (isYaml ? "YAML" : "JSON") + " writer wrote what the reader refuses:",
                 std::string(e.what()) + "\n--- written ---\n" + written);
        }
        if (back.root != content.root)
            fail(std::string("the ") + (isYaml ? "YAML" : "JSON") + " writer changed the meaning of a value:",
                 "--- read ---\n" + content.root.dump() + "\n--- written ---\n" + written);
    }
}

namespace {

struct ReadOutcome {
    Template tree;
    std::string error;
};

ReadOutcome readWith(std::string_view text, TemplateFormat format, std::size_t threads)
{
    ReadLimits limits;
    limits.readThreads = threads;
    limits.minPartBytes = 1;
    ReadOutcome outcome;
    try {
        outcome.tree = readTemplate(text, "fuzz", format, limits);
    } catch (const TemplateError &e) {
        outcome.error = e.what();
    }
    return outcome;
}

} // namespace

void checkPartsReadAsWhole(std::string_view input, TemplateFormat format)
{
    const ReadOutcome whole = readWith(input, format, 1);
    const ReadOutcome parts = readWith(input, format, 3);
    if (parts.error != whole.error)
        fail("read in parts, the text gets another error than read whole:",
             "parts: " + parts.error + "\nwhole: " + whole.error);
    if (parts.tree.root != whole.tree.root)
        fail("read in parts, the text is another tree than read whole:",
             "parts: " + parts.tree.root.dump() + "\nwhole: " + whole.tree.root.dump());
    if (!(parts.tree.positions == whole.tree.positions))
        fail("read in parts, the text has other positions than read whole:", whole.tree.root.dump());
}

void load(Document &document, const Template &content)
{
    document.reset(content, "fuzz.yaml");
}

std::string strategyName(FuzzedDataProvider &choices)
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all{"canary:10:5", "linear:20:1", "min-healthy:2", "min-healthy:75%",
                                     "canary:0:0", "linear:100:0", "min-healthy:0%", "BlueGreen"};
        for (Platform p : {Platform::Server, Platform::Lambda, Platform::Ecs, Platform::ElasticBeanstalk,
                           Platform::AutoScaling, Platform::Route53})
            for (const std::string &name : predefinedStrategyNames(p))
                all.push_back(name);
        return all;
    }();
    if (choices.ConsumeIntegralInRange(0, 7) == 0)
        return choices.ConsumeRandomLengthString(24);
    return names[choices.ConsumeIntegralInRange<std::size_t>(0, names.size() - 1)];
}

std::string failureSpec(FuzzedDataProvider &choices)
{
    switch (choices.ConsumeIntegralInRange(0, 4)) {
    case 0:
        return "instance:" + std::to_string(choices.ConsumeIntegralInRange(-1, kMaxFuzzInstances + 1));
    case 1:
        return "alarm:" + std::to_string(choices.ConsumeIntegralInRange(-1, 7200));
    case 2:
        return "hook:" + choices.ConsumeRandomLengthString(24);
    case 3:
        return "hook:" + choices.ConsumeRandomLengthString(24) + ":timeout";
    default:
        return choices.ConsumeRandomLengthString(24);
    }
}

std::string timingName(FuzzedDataProvider &choices)
{
    const std::vector<TimingDefinition> &all = timingDefinitions();
    return all[choices.ConsumeIntegralInRange<std::size_t>(0, all.size() - 1)].name;
}

} // namespace sc::fuzz
