#pragma once
// CloudFormation as it is: YAML with short-form tags, or JSON indented by two spaces.

#include "exporters/exporter.h"

namespace sc {

class CloudFormationExporter : public Exporter {
public:
    explicit CloudFormationExporter(TemplateFormat format)
        : m_format(format)
    {
    }
    std::string id() const override { return m_format == TemplateFormat::Json ? "cfn-json" : "cfn-yaml"; }
    std::string displayName() const override
    {
        return m_format == TemplateFormat::Json ? "CloudFormation (JSON)" : "CloudFormation (YAML)";
    }
    std::string fileExtension() const override { return m_format == TemplateFormat::Json ? "json" : "yaml"; }
    ExportResult write(const Document &document, const ExportOptions &options) const override;

private:
    TemplateFormat m_format;
};

} // namespace sc
