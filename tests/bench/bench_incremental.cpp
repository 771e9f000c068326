// Incremental validation: one property change in a 500-resource document, then the findings
// re-validated incrementally (the Problems panel's path) and by a full run, median and p95 of
// each. The positions of the edited text are computed before timing: both paths need them.

#include "benchtemplates.h"
#include "model/document/document.h"
#include "model/rules/incrementalvalidator.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

void report(const char *what, std::vector<double> runs)
{
    std::sort(runs.begin(), runs.end());
    std::printf("%-12s median %.3f ms, p95 %.3f ms (%zu edits)\n", what, runs[runs.size() / 2],
                runs[runs.size() * 95 / 100], runs.size());
}

} // namespace

int main()
{
    const std::string text = sc::writeYaml(sc::bench::makeTemplate(500));
    sc::Document document;
    document.reset(sc::readTemplate(text, "bench.yaml"));
    sc::DocumentChange change;
    QObject::connect(&document, &sc::Document::changed, &document, [&](const sc::DocumentChange &c) { change = c; });
    sc::IncrementalValidator incremental;
    incremental.validateAll(document.root(), document.positions());
    std::vector<double> fast, full;
    for (int i = 0; i < 41; ++i) {
        // A Lambda function's handler (every fifth resource from R2 is a function).
        const std::string id = "R" + std::to_string(2 + 5 * (i % 99));
        document.setValue("/Resources/" + id + "/Properties/Handler", "h" + std::to_string(i) + ".handler");
        const sc::SourceMap &positions = document.positions();
        auto start = Clock::now();
        const std::size_t a = incremental.update(document.root(), positions, change).size();
        fast.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        start = Clock::now();
        const std::size_t b = sc::validate(document.root(), positions).size();
        full.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (a != b)
            std::printf("findings differ: %zu incremental, %zu full\n", a, b);
    }
    std::printf("one property change, 500 resources, focus of %zu resources\n", incremental.lastFocus().size());
    report("incremental", fast);
    report("full", full);
    return 0;
}
