// The YAML reader on any bytes: it reads the text or refuses it with a positioned TemplateError,
// never crashes, hangs or exhausts memory; what it reads, both writers write and it reads back.
// Read in parts at once (a large template's Resources, model/template/yamlparts.h), the text
// means what it means read whole: the same tree and positions, or the same error.

#include "tests/fuzz/fuzzsupport.h"

#include "model/template/templatereader.h"

namespace {

struct Outcome {
    sc::Template tree;
    std::string error;
};

Outcome readWith(std::string_view text, std::size_t threads)
{
    sc::ReadLimits limits;
    limits.readThreads = threads;
    limits.minPartBytes = 1; // parts of any size, so that every input with entries is cut
    Outcome outcome;
    try {
        outcome.tree = sc::readTemplate(text, "fuzz", sc::TemplateFormat::Yaml, limits);
    } catch (const sc::TemplateError &e) {
        outcome.error = e.what();
    }
    return outcome;
}

void checkPartsReadAsWhole(std::string_view text)
{
    const Outcome whole = readWith(text, 1);
    const Outcome parts = readWith(text, 3);
    if (parts.error != whole.error)
        sc::fuzz::fail("read in parts, the text gets another error than read whole:",
                       "parts: " + parts.error + "\nwhole: " + whole.error);
    if (parts.tree.root != whole.tree.root)
        sc::fuzz::fail("read in parts, the text is another tree than read whole:",
                       "parts: " + parts.tree.root.dump() + "\nwhole: " + whole.tree.root.dump());
    if (!(parts.tree.positions == whole.tree.positions))
        sc::fuzz::fail("read in parts, the text has other positions than read whole:", whole.tree.root.dump());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input = sc::fuzz::text(data, size);
    checkPartsReadAsWhole(input);
    if (const auto content = sc::fuzz::read(input, sc::TemplateFormat::Yaml))
        sc::fuzz::checkWritersReadBack(*content);
    return 0;
}
