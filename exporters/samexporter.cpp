#include "exporters/samexporter.h"

#include "exporters/sam/serverlessconverter.h"
#include "model/document/documentio.h"
#include "model/template/templatewriter.h"

namespace sc {

ExportResult SamExporter::write(const Document &document, const ExportOptions &options) const
{
    ExportResult result;
    if (!options.serverless) {
        // Already SAM or plain CloudFormation: both are valid SAM templates as written.
        result.bytes = serialize(document, TemplateFormat::Yaml);
        return result;
    }
    ServerlessConversion conversion = convertToServerless(document.root());
    result.bytes = QByteArray::fromStdString(writeYaml(conversion.root));
    for (const std::string &note : conversion.notes)
        result.notes.push_back("sam: " + note);
    return result;
}

} // namespace sc
