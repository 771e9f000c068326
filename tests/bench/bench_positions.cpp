// Source positions after an edit: one edit on a 500-resource document followed by
// Document::positions() (what the Problems tab asks for after each keystroke in the inspector),
// median and p95 for each kind of edit, in YAML and in JSON. Every edit builds on the previous
// ones, as a user's do, so the document drifts further from the text it was opened from.

#include "benchtemplates.h"
#include "model/document/document.h"
#include "model/template/sourcetext.h"
#include "model/template/templatereader.h"
#include "model/template/templatewriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> runs, std::size_t percent)
{
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() * percent / 100];
}

void report(const char *format, const char *what, const std::vector<double> &total,
            const std::vector<double> &edit)
{
    std::printf("%-5s %-15s edit+positions median %8.3f ms, p95 %8.3f ms; the edit alone median %.3f ms (%zu edits)\n",
                format, what, percentile(total, 50), percentile(total, 95), percentile(edit, 50), total.size());
}

std::unique_ptr<sc::Document> open(const std::string &text, sc::TemplateFormat format)
{
    sc::Template t = sc::readTemplate(text, "bench", format);
    t.source = std::make_shared<sc::SourceText>(text, format);
    auto document = std::make_unique<sc::Document>();
    document->reset(std::move(t), format == sc::TemplateFormat::Json ? "bench.json" : "bench.yaml");
    document->positions();
    return document;
}

// Times `edit(document, i)` followed by positions() for `runs` edits on a fresh document.
void measure(const std::string &text, sc::TemplateFormat format, const char *what,
             const std::function<void(sc::Document &, int)> &edit, int runs = 41)
{
    const auto document = open(text, format);
    std::vector<double> total, alone;
    std::size_t nodes = 0;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        edit(*document, i);
        const auto edited = Clock::now();
        nodes = document->positions().size();
        const auto end = Clock::now();
        total.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        alone.push_back(std::chrono::duration<double, std::milli>(edited - start).count());
    }
    if (nodes == 0)
        std::printf("no positions\n");
    report(format == sc::TemplateFormat::Json ? "json" : "yaml", what, total, alone);
}

// A Lambda function's ID (every fifth resource from R2 is a function).
std::string function(int i)
{
    return "R" + std::to_string(2 + 5 * (i % 99));
}

} // namespace

int main()
{
    const sc::Json tree = sc::bench::makeTemplate(500);
    for (const sc::TemplateFormat format : {sc::TemplateFormat::Yaml, sc::TemplateFormat::Json}) {
        const std::string text = format == sc::TemplateFormat::Json ? sc::writeJson(tree) : sc::writeYaml(tree);
        measure(text, format, "scalar change", [](sc::Document &d, int i) {
            d.setValue("/Resources/" + function(i) + "/Properties/Handler", "h" + std::to_string(i) + ".handler");
        });
        measure(text, format, "key added", [](sc::Document &d, int i) {
            d.setValue("/Resources/" + function(i) + "/Properties/MemorySize", 256 + i);
        });
        measure(text, format, "resource added", [](sc::Document &d, int i) {
            d.addResource("AWS::SQS::Queue", {}, "Added" + std::to_string(i), false);
        });
        measure(text, format, "rename", [](sc::Document &d, int i) {
            // Roles are referenced by a function's GetAtt: the rename rewrites those too.
            const std::string from = "R" + std::to_string(4 + 5 * (i % 99));
            d.renameLogicalId(from, from + "Renamed");
        });
    }
    return 0;
}
