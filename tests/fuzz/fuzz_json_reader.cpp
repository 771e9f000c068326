// The JSON reader on any bytes: it reads the text or refuses it with a positioned TemplateError,
// never crashes, hangs or exhausts memory; what it reads, both writers write and it reads back.

#include "tests/fuzz/fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (const auto content = sc::fuzz::read(sc::fuzz::text(data, size), sc::TemplateFormat::Json))
        sc::fuzz::checkWritersReadBack(*content);
    return 0;
}
