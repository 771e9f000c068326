// Source positions after an edit: one edit on a 500-resource document followed by
// Document::positions() (what the Problems tab asks for after each keystroke in the inspector),
// median and p95 for each kind of edit, in YAML and in JSON, beside the whole reading of the
// edited text that gives the same positions. Every edit builds on the previous ones, as a
// user's do, so the document drifts further from the text it was opened from. The first edit
// includes reading the opened text's layout once.

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

double since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
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

// Times `edit(document, i)`, then positions(), then the whole reading positions() did before
// (render the saved text, read it all back) on the same edited document, for `runs` edits.
void measure(const std::string &text, sc::TemplateFormat format, const char *what,
             const std::function<void(sc::Document &, int)> &edit, int runs = 41)
{
    const auto document = open(text, format);
    std::vector<double> edits, positions, whole;
    int differ = 0;
    for (int i = 0; i < runs; ++i) {
        auto start = Clock::now();
        edit(*document, i);
        edits.push_back(since(start));
        start = Clock::now();
        const sc::SourceMap &found = document->positions();
        positions.push_back(since(start));
        start = Clock::now();
        const sc::SourceMap read = document->source()->render(document->root(), document->filePath()).reread.positions;
        whole.push_back(since(start));
        differ += found == read ? 0 : 1;
    }
    std::printf("%-4s %-14s positions() median %6.2f ms, p95 %6.2f ms | whole reading median %6.2f ms, "
                "p95 %6.2f ms | the edit %5.2f ms%s\n",
                format == sc::TemplateFormat::Json ? "json" : "yaml", what, percentile(positions, 50),
                percentile(positions, 95), percentile(whole, 50), percentile(whole, 95), percentile(edits, 50),
                differ ? " | POSITIONS DIFFER" : "");
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
