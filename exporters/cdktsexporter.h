#pragma once
// cdk-ts: the document as a CDK v2 TypeScript app. To stdout, the stack file alone; with -o a
// ready project (package.json pinned to the versions the tests use, tsconfig.json, cdk.json,
// bin/app.ts, lib/<stack>.ts, README.md). Synthesizing the app gives back the template.

#include "exporters/exporter.h"

namespace sc {

class CdkTsExporter : public Exporter {
public:
    std::string id() const override { return "cdk-ts"; }
    std::string displayName() const override { return "AWS CDK (TypeScript)"; }
    std::string fileExtension() const override { return "ts"; }
    bool writesProject() const override { return true; }
    ExportResult write(const Document &document, const ExportOptions &options) const override;

    // The bin/app.ts of a project whose stack class lives in lib/<fileStem>.ts.
    static std::string appSource(const std::string &className, const std::string &fileStem,
                                 const std::string &stackName);
    // Feature flags pinned for synthesis (cdk.json context and the App's context).
    static std::string pinnedContextJson(int indent);
};

} // namespace sc
