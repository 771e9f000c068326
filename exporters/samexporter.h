#pragma once
// sam: the template as an AWS SAM template (YAML). AWS::Serverless::* resources are kept as they
// are; with ExportOptions::serverless, plain Lambda canaries become AWS::Serverless::Function
// (see serverlessconverter.h) and the notes say what was converted and what was left alone.

#include "exporters/exporter.h"

namespace sc {

class SamExporter : public Exporter {
public:
    std::string id() const override { return "sam"; }
    std::string displayName() const override { return "AWS SAM (YAML)"; }
    std::string fileExtension() const override { return "yaml"; }
    ExportResult write(const Document &document, const ExportOptions &options) const override;
};

} // namespace sc
