// Template I/O and catalog figures: median time and peak memory to read and write a
// 500-resource template (CloudFormation's per-template maximum) in YAML and JSON, and the
// catalog's load time; and how fast hostile input is refused (`flow-yaml`, `flow-json`: a 7.6 MiB
// flow sequence of 4,000,000 numbers, past the node budget; run each in its own process, since
// peak RSS is per process). Usage: bench_template [yaml|json|catalog|all|flow-yaml|flow-json] [runs]

#include "benchtemplates.h"
#include "model/catalog/catalog.h"
#include "model/document/document.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

long peakKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void format(bool json, int runs)
{
    const sc::Json tree = sc::bench::makeTemplate(500);
    const std::string text = json ? sc::writeJson(tree) : sc::writeYaml(tree);
    std::size_t sink = 0;
    const double read = medianMs(runs, [&] { sink += sc::readTemplate(text, "bench", std::nullopt).root.size(); });
    const double write = medianMs(runs, [&] { sink += (json ? sc::writeJson(tree) : sc::writeYaml(tree)).size(); });
    std::printf("%s 500 resources, %zu bytes: read median %.2f ms, write median %.2f ms, peak RSS %ld KB (%zu)\n",
                json ? "JSON" : "YAML", text.size(), read, write, peakKb(), sink % 10);
    if (!json) {
        // The same text read on one thread, against the parts read at once above.
        sc::ReadLimits oneThread;
        oneThread.readThreads = 1;
        const double whole = medianMs(runs, [&] { sink += sc::readTemplate(text, "bench", std::nullopt, oneThread).root.size(); });
        std::printf("YAML read on one thread: median %.2f ms (in parts on up to %zu: %.2f ms)\n", whole,
                    sc::ReadLimits().readThreads, read);
    }
}

void catalog()
{
    const auto t0 = std::chrono::steady_clock::now();
    const sc::Catalog &c = sc::Catalog::instance();
    const auto names = c.typeNames();
    const auto t1 = std::chrono::steady_clock::now();
    c.find("AWS::AutoScaling::AutoScalingGroup");
    const auto t2 = std::chrono::steady_clock::now();
    std::size_t props = 0;
    for (const auto &n : names)
        props += c.find(n)->properties.size();
    const auto t3 = std::chrono::steady_clock::now();
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    std::printf("catalog: %zu types indexed in %.2f ms; first deep kind in %.2f ms; all %zu properties parsed in %.1f ms; peak RSS %ld KB\n",
                names.size(), ms(t0, t1), ms(t1, t2), props, ms(t2, t3), peakKb());
}

void hostileFlow(bool json)
{
    std::string text = json ? "{\"A\": [" : "A: [";
    text.reserve(8'100'000);
    for (int i = 0; i < 4'000'000; ++i)
        text += i ? ",1" : "1";
    text += json ? "]}" : "]\n";
    const long before = peakKb();
    const auto start = std::chrono::steady_clock::now();
    std::string outcome = "accepted";
    try {
        sc::readTemplate(text, "flow", std::nullopt);
    } catch (const sc::TemplateError &e) {
        outcome = e.what();
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s flow sequence of 4,000,000 items (%zu bytes): %.0f ms, peak RSS %ld KB (%ld KB before reading): %s\n",
                json ? "JSON" : "YAML", text.size(), ms, peakKb(), before, outcome.c_str());
}

} // namespace

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "all";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 21;
    if (!std::strcmp(what, "yaml") || !std::strcmp(what, "all"))
        format(false, runs);
    if (!std::strcmp(what, "json") || !std::strcmp(what, "all"))
        format(true, runs);
    if (!std::strcmp(what, "catalog") || !std::strcmp(what, "all"))
        catalog();
    if (!std::strcmp(what, "flow-yaml") || !std::strcmp(what, "flow-json"))
        hostileFlow(!std::strcmp(what, "flow-json"));
    return 0;
}
