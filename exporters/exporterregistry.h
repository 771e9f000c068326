#pragma once
// Every exporter, by short name; used by the CLI (export --to NAME) and the Export dialog.

#include "exporters/exporter.h"

#include <memory>
#include <string>
#include <vector>

namespace sc {

class ExporterRegistry {
public:
    static const ExporterRegistry &instance();

    const Exporter *find(const std::string &id) const;
    std::vector<const Exporter *> all() const;
    std::vector<std::string> ids() const;

private:
    ExporterRegistry();
    std::vector<std::unique_ptr<Exporter>> m_exporters;
};

// Writes an export result to `path` (a file, or a directory for project exporters) through
// QSaveFile; returns an empty string or the error.
std::string writeExport(const Exporter &exporter, const ExportResult &result, const std::string &path);

} // namespace sc
