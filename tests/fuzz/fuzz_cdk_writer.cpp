// The cdk-ts writer on any template the reader accepts, with any stack name (the CLI takes it
// from the file name): it writes a project, never fails or crashes.

#include "tests/fuzz/fuzzsupport.h"

#include "exporters/cdktsexporter.h"

#include <fuzzer/FuzzedDataProvider.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto content = sc::fuzz::read(sc::fuzz::text(data, size), std::nullopt);
    if (!content)
        return 0;
    FuzzedDataProvider choices(data, size);
    sc::ExportOptions options;
    options.stackName = choices.ConsumeRandomLengthString(40);
    sc::Document document;
    sc::fuzz::load(document, *content);
    const sc::ExportResult result = sc::CdkTsExporter().write(document, options);
    if (!result.ok)
        sc::fuzz::fail("cdk-ts refused a template the reader accepts:", result.error);
    if (result.bytes.isEmpty() || result.files.empty())
        sc::fuzz::fail("cdk-ts wrote no stack:", options.stackName);
    return 0;
}
