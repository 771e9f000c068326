// Validation speed: every rule over a 500-resource template, in process, as the Problems panel
// runs it after an edit. Prints the median and the slowest run; with --write FILE it also saves
// the template, for timing `stackcanvas validate FILE` against AWS's validator on the same file.

#include "benchtemplates.h"
#include "model/rules/ruleregistry.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

int main(int argc, char **argv)
{
    int resources = 500;
    const char *writeTo = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--write") && i + 1 < argc)
            writeTo = argv[++i];
        else if (!std::strcmp(argv[i], "--resources") && i + 1 < argc)
            resources = std::atoi(argv[++i]);
    }
    const std::string text = sc::writeYaml(sc::bench::makeTemplate(resources));
    if (writeTo)
        std::ofstream(writeTo, std::ios::binary) << text;
    const sc::Template parsed = sc::readTemplate(text, "bench.yaml");
    sc::ValidateOptions options;
    options.templateBytes = text.size();

    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    std::size_t findings = sc::validate(parsed, options).size(); // first run: catalog specs parsed
    const double first = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    std::vector<double> runs;
    for (int i = 0; i < 31; ++i) {
        const auto start = Clock::now();
        findings = sc::validate(parsed, options).size();
        runs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(runs.begin(), runs.end());
    std::printf("validate: %d resources, %zu bytes, %zu rules, %zu findings\n", resources, text.size(),
                sc::RuleRegistry::instance().rules().size(), findings);
    std::printf("first run (catalog specs parsed) %.2f ms; median of %zu runs %.2f ms, max %.2f ms\n", first,
                runs.size(), runs[runs.size() / 2], runs.back());
    return 0;
}
