#include "exporters/cloudformationexporter.h"

#include "model/document/documentio.h"

namespace sc {

ExportResult CloudFormationExporter::write(const Document &document, const ExportOptions &) const
{
    ExportResult result;
    result.bytes = serialize(document, m_format);
    return result;
}

} // namespace sc
