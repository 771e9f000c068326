#pragma once
// One output format (cfn-yaml, cfn-json, sam, cdk-ts, svg, png) behind one narrow interface.
// Exporters are pure: they read the document and return bytes (or a set of files for formats
// that write a project), never touching the disk; callers write through QSaveFile.

#include "model/document/document.h"

#include <QByteArray>

#include <map>
#include <string>
#include <vector>

namespace sc {

struct ExportOptions {
    double scale = 1.0;        // png
    bool serverless = false;   // sam --serverless
    std::string theme = "light"; // svg, png
    std::string stackName;     // cdk-ts; derived from the file name when empty
};

struct ExportResult {
    bool ok = true;
    std::string error;
    QByteArray bytes;                         // the main output (stdout without -o)
    std::map<std::string, QByteArray> files;  // extra files of a project, relative paths
    std::vector<std::string> notes;           // what was converted or left alone, for the user

    static ExportResult failure(std::string why)
    {
        ExportResult r;
        r.ok = false;
        r.error = std::move(why);
        return r;
    }
};

class Exporter {
public:
    virtual ~Exporter() = default;
    virtual std::string id() const = 0;           // "cfn-yaml"
    virtual std::string displayName() const = 0;  // "CloudFormation (YAML)"
    virtual std::string fileExtension() const = 0; // "yaml"
    // True when -o names a directory that receives `files` as a project.
    virtual bool writesProject() const { return false; }
    virtual ExportResult write(const Document &document, const ExportOptions &options) const = 0;
};

} // namespace sc
