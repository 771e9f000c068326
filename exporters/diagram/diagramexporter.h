#pragma once
// svg and png: the diagram as the canvas shows it (cards with category stripe, icon, logical ID,
// display name and type; edges as curves with arrowheads; VPC and subnet containers), drawn
// headless from DiagramScene. SVG has one <g> per resource (id "resource-<LogicalId>" and data-*
// attributes); PNG is drawn with QPainter at ExportOptions::scale and needs a QGuiApplication
// (the CLI makes an offscreen one for export). Both live with the window (Qt Gui and Qt Svg).

#include "exporters/exporter.h"

#include <QImage>

namespace sc {

struct DiagramScene;

class DiagramExporter : public Exporter {
public:
    enum class Format { Svg, Png };
    explicit DiagramExporter(Format format)
        : m_format(format)
    {
    }
    std::string id() const override { return m_format == Format::Svg ? "svg" : "png"; }
    std::string displayName() const override { return m_format == Format::Svg ? "Diagram (SVG)" : "Diagram (PNG)"; }
    std::string fileExtension() const override { return m_format == Format::Svg ? "svg" : "png"; }
    ExportResult write(const Document &document, const ExportOptions &options) const override;

    static QByteArray svg(const DiagramScene &scene);
    static QImage image(const DiagramScene &scene, double scale);

private:
    Format m_format;
};

// Adds svg and png to the exporter registry (a second call changes nothing).
void registerDiagramExporters();

} // namespace sc
