// The YAML reader on any bytes: it reads the text or refuses it with a positioned TemplateError,
// never crashes, hangs or exhausts memory; what it reads, both writers write and it reads back.
// Read in parts at once (a large template's Resources, model/template/yamlparts.h), the text
// means what it means read whole: the same tree and positions, or the same error.

#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input = sc::fuzz::text(data, size);
    sc::fuzz::checkPartsReadAsWhole(input, sc::TemplateFormat::Yaml);
    if (const auto content = sc::fuzz::read(input, sc::TemplateFormat::Yaml))
        sc::fuzz::checkWritersReadBack(*content);
    return 0;
}
