#pragma once
// Every exporter, by short name; used by the CLI (export --to NAME) and the Export dialog.

#include "exporters/exporter.h"

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

class ExporterRegistry {
public:
    static const ExporterRegistry &instance();
    // Adds an exporter built outside this library: the diagram exporters draw with Qt Gui, which
    // the command line does not load, so the window's executable adds them when it starts
    // (registerDiagramExporters).
    static void add(std::unique_ptr<Exporter> exporter);

    const Exporter *find(const std::string &id) const;
    std::vector<const Exporter *> all() const;
    std::vector<std::string> ids() const;

private:
    ExporterRegistry();
    static ExporterRegistry &registry();
    std::vector<std::unique_ptr<Exporter>> m_exporters;
};

// The formats of the diagram exporters: the command line hands an export to one of them to the
// window's executable.
inline constexpr std::array<std::string_view, 2> kDiagramFormats{"svg", "png"};

// Writes an export result to `path` (a file, or a directory for project exporters) through
// QSaveFile; a file that already holds the exported bytes is not written again. Returns an empty
// string or the error.
std::string writeExport(const Exporter &exporter, const ExportResult &result, const std::string &path);

} // namespace sc
