// The sam writer, with and without the serverless conversion, on any template the reader
// accepts: it writes a template the reader reads back, never fails or crashes.

#include "tests/fuzz/fuzzsupport.h"

#include "exporters/samexporter.h"
#include "model/template/templatereader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto content = sc::fuzz::read(sc::fuzz::text(data, size), std::nullopt);
    if (!content)
        return 0;
    sc::Document document;
    sc::fuzz::load(document, *content);
    for (const bool serverless : {false, true}) {
        sc::ExportOptions options;
        options.serverless = serverless;
        const sc::ExportResult result = sc::SamExporter().write(document, options);
        if (!result.ok)
            sc::fuzz::fail("sam refused a template the reader accepts:", result.error);
        try {
            sc::readTemplate(std::string_view(result.bytes.constData(), static_cast<std::size_t>(result.bytes.size())),
                             "written.yaml", sc::TemplateFormat::Yaml);
        } catch (const sc::TemplateError &e) {
            sc::fuzz::fail("sam wrote what the reader refuses:", std::string(e.what()) + "\n--- written ---\n"
                                                                     + result.bytes.toStdString());
        }
    }
    return 0;
}
