#include "exporters/diagram/diagramexporter.h"

#include "exporters/diagram/diagramscene.h"
#include "exporters/exporterregistry.h"

#include <QBuffer>
#include <QFile>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>
#include <QXmlStreamWriter>

#include <algorithm>
#include <array>
#include <cmath>

namespace sc {

namespace {

QString hex(const QColor &c) { return c.name(QColor::HexRgb); }
QString opacity(const QColor &c) { return QString::number(c.alphaF(), 'g', 3); }
QString num(double v) { return QString::number(v, 'f', 1); }

// The arrowhead's corners: the tip and the two corners of its base.
std::array<QPointF, 3> arrowOf(const EdgeRoute &r)
{
    const QPointF base = r.tip + r.direction * kEdgeArrowLength;
    const QPointF side = QPointF(-r.direction.y(), r.direction.x()) * (kEdgeArrowLength * 0.5);
    return {r.tip, base + side, base - side};
}

QColor boxFill(const DiagramContainer &c, const DiagramTheme &t)
{
    if (c.kind == "vpc")
        return t.vpcBox;
    if (c.kind == "subnet")
        return t.subnetBox;
    QColor fill = c.kind == "blue" ? t.blueHalf : t.greenHalf;
    fill.setAlphaF(0.06);
    return fill;
}

QColor boxEdge(const DiagramContainer &c, const DiagramTheme &t)
{
    return c.kind == "vpc" ? t.vpcBorder : c.kind == "subnet" ? t.subnetBorder : c.kind == "blue" ? t.blueHalf : t.greenHalf;
}

// Baselines of the texts of a card, from the tops the layout gives: the fonts' ascent below.
double baseline(double top, double pixelSize) { return top + pixelSize * 0.93; }

} // namespace

QByteArray DiagramExporter::svg(const DiagramScene &scene)
{
    QByteArray out;
    QXmlStreamWriter x(&out);
    x.setAutoFormatting(true);
    x.setAutoFormattingIndent(1);
    x.writeStartDocument();
    const QRectF b = scene.bounds;
    const DiagramTheme &t = scene.theme;
    const auto text = [&](QPointF at, double size, bool bold, const QColor &colour, const QString &value) {
        x.writeStartElement(QStringLiteral("text"));
        x.writeAttribute(QStringLiteral("x"), num(at.x()));
        x.writeAttribute(QStringLiteral("y"), num(at.y()));
        x.writeAttribute(QStringLiteral("font-size"), QString::number(size));
        if (bold)
            x.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("600"));
        x.writeAttribute(QStringLiteral("fill"), hex(colour));
        x.writeCharacters(value);
        x.writeEndElement();
    };
    const auto rect = [&](const QRectF &r, double radius, const QColor &fill, const QColor *stroke) {
        x.writeStartElement(QStringLiteral("rect"));
        x.writeAttribute(QStringLiteral("x"), num(r.x()));
        x.writeAttribute(QStringLiteral("y"), num(r.y()));
        x.writeAttribute(QStringLiteral("width"), num(r.width()));
        x.writeAttribute(QStringLiteral("height"), num(r.height()));
        if (radius > 0)
            x.writeAttribute(QStringLiteral("rx"), num(radius));
        x.writeAttribute(QStringLiteral("fill"), hex(fill));
        if (fill.alphaF() < 1)
            x.writeAttribute(QStringLiteral("fill-opacity"), opacity(fill));
        if (stroke)
            x.writeAttribute(QStringLiteral("stroke"), hex(*stroke));
    };

    x.writeStartElement(QStringLiteral("svg"));
    x.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    x.writeAttribute(QStringLiteral("width"), num(b.width()));
    x.writeAttribute(QStringLiteral("height"), num(b.height()));
    x.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("%1 %2 %3 %4").arg(num(b.x()), num(b.y()), num(b.width()), num(b.height())));
    x.writeAttribute(QStringLiteral("font-family"), QStringLiteral("DejaVu Sans, sans-serif"));
    rect(b, 0, t.canvas, nullptr);
    x.writeEndElement();

    x.writeStartElement(QStringLiteral("g"));
    x.writeAttribute(QStringLiteral("id"), QStringLiteral("containers"));
    for (const DiagramContainer &c : scene.containers) {
        const QColor edge = boxEdge(c, t);
        x.writeStartElement(QStringLiteral("g"));
        x.writeAttribute(QStringLiteral("id"), QStringLiteral("container-") + QString::fromStdString(c.id));
        x.writeAttribute(QStringLiteral("data-kind"), QString::fromStdString(c.kind));
        rect(c.rect, 10, boxFill(c, t), &edge);
        x.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("1.5"));
        x.writeEndElement();
        text(QPointF(c.rect.x() + 12, baseline(c.rect.y() + 6, 11)), 11, true, edge, c.label);
        x.writeEndElement();
    }
    x.writeEndElement();

    x.writeStartElement(QStringLiteral("g"));
    x.writeAttribute(QStringLiteral("id"), QStringLiteral("edges"));
    x.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
    x.writeAttribute(QStringLiteral("stroke"), hex(t.edge));
    x.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("1.5"));
    for (const DiagramEdge &e : scene.edges) {
        const EdgeRoute &r = e.route;
        const auto arrow = arrowOf(r);
        x.writeStartElement(QStringLiteral("g"));
        x.writeAttribute(QStringLiteral("class"), QStringLiteral("edge"));
        x.writeAttribute(QStringLiteral("data-source"), QString::fromStdString(e.source));
        x.writeAttribute(QStringLiteral("data-target"), QString::fromStdString(e.target));
        x.writeAttribute(QStringLiteral("data-label"), QString::fromStdString(e.label));
        x.writeStartElement(QStringLiteral("path"));
        x.writeAttribute(QStringLiteral("d"), QStringLiteral("M %1 %2 C %3 %4 %5 %6 %7 %8")
                                                  .arg(num(r.start.x()), num(r.start.y()), num(r.c1.x()), num(r.c1.y()),
                                                       num(r.c2.x()), num(r.c2.y()), num(r.end.x()), num(r.end.y())));
        x.writeEndElement();
        x.writeStartElement(QStringLiteral("path"));
        x.writeAttribute(QStringLiteral("d"), QStringLiteral("M %1 %2 L %3 %4 L %5 %6 Z")
                                                  .arg(num(arrow[0].x()), num(arrow[0].y()), num(arrow[1].x()), num(arrow[1].y()),
                                                       num(arrow[2].x()), num(arrow[2].y())));
        x.writeAttribute(QStringLiteral("fill"), hex(t.edge));
        x.writeAttribute(QStringLiteral("stroke"), QStringLiteral("none"));
        x.writeEndElement();
        x.writeEndElement();
    }
    x.writeEndElement();

    x.writeStartElement(QStringLiteral("g"));
    x.writeAttribute(QStringLiteral("id"), QStringLiteral("resources"));
    for (const DiagramCard &c : scene.cards) {
        const QRectF r = c.rect;
        x.writeStartElement(QStringLiteral("g"));
        x.writeAttribute(QStringLiteral("id"), QStringLiteral("resource-") + QString::fromStdString(c.id));
        x.writeAttribute(QStringLiteral("class"), QStringLiteral("resource"));
        x.writeAttribute(QStringLiteral("data-logical-id"), QString::fromStdString(c.id));
        x.writeAttribute(QStringLiteral("data-type"), QString::fromStdString(c.type));
        x.writeAttribute(QStringLiteral("data-category"), QString::fromStdString(c.category));
        rect(r, card::kRadius, t.card, &t.cardBorder);
        x.writeEndElement();
        rect(QRectF(r.x() + card::kStripeX, r.y() + 6, card::kStripeWidth, r.height() - 12), 2, t.category(c.category), nullptr);
        x.writeEndElement();
        if (!c.iconPath.isEmpty()) {
            QFile icon(c.iconPath);
            if (icon.open(QIODevice::ReadOnly)) {
                x.writeStartElement(QStringLiteral("image"));
                x.writeAttribute(QStringLiteral("x"), num(r.x() + card::kIconX));
                x.writeAttribute(QStringLiteral("y"), num(r.center().y() - card::kIconSize / 2));
                x.writeAttribute(QStringLiteral("width"), num(card::kIconSize));
                x.writeAttribute(QStringLiteral("height"), num(card::kIconSize));
                x.writeAttribute(QStringLiteral("href"), QStringLiteral("data:image/svg+xml;base64,")
                                                             + QString::fromLatin1(icon.readAll().toBase64()));
                x.writeEndElement();
            }
        }
        for (std::size_t i = 0; i < c.layout.titleLines.size(); ++i) {
            const double top = r.y() + card::kTitleTop + static_cast<double>(i) * card::kTitleLineHeight;
            text(QPointF(r.x() + card::kTextX, baseline(top, card::kTitleSize)), card::kTitleSize, true, t.text,
                 QString::fromStdString(c.layout.titleLines[i]));
        }
        text(QPointF(r.x() + card::kTextX, baseline(r.y() + c.layout.subtitleTop, card::kSubtitleSize)), card::kSubtitleSize,
             false, t.textMuted, QString::fromStdString(c.displayName));
        if (c.layout.hasFleet) {
            const QRectF strip = c.layout.fleetStrip(r.topLeft());
            rect(strip, strip.height() / 2, t.fleetStrip, &t.cardBorder);
            x.writeEndElement();
            for (int i = 0; i < 3; ++i) {
                rect(QRectF(strip.x() + 12 + i * 10, strip.center().y() - 4, 6, 8), 1.5, t.category("Compute"), nullptr);
                x.writeEndElement();
            }
            text(QPointF(strip.x() + card::kFleetLead, baseline(strip.center().y() - card::kFleetTextSize * 0.6, card::kFleetTextSize)),
                 card::kFleetTextSize, false, t.textMuted, QString::fromStdString(c.fleet));
        }
        x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QImage DiagramExporter::image(const DiagramScene &scene, double scale)
{
    const QRectF b = scene.bounds;
    const DiagramTheme &t = scene.theme;
    QImage img(QSize(static_cast<int>(std::ceil(b.width() * scale)), static_cast<int>(std::ceil(b.height() * scale))),
               QImage::Format_ARGB32_Premultiplied);
    img.fill(t.canvas);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.scale(scale, scale);
    p.translate(-b.topLeft());
    const auto text = [&](QPointF topLeft, double size, bool bold, const QColor &colour, const QString &value) {
        QFont f = p.font();
        f.setPixelSize(static_cast<int>(size));
        f.setWeight(bold ? QFont::DemiBold : QFont::Normal);
        p.setFont(f);
        p.setPen(colour);
        p.drawText(topLeft + QPointF(0, QFontMetricsF(f).ascent()), value);
    };
    for (const DiagramContainer &c : scene.containers) {
        const QColor edge = boxEdge(c, t);
        p.setPen(QPen(edge, 1.5));
        p.setBrush(boxFill(c, t));
        p.drawRoundedRect(c.rect, 10, 10);
        text(QPointF(c.rect.x() + 12, c.rect.y() + 6), 11, true, edge, c.label);
    }
    for (const DiagramEdge &e : scene.edges) {
        const EdgeRoute &r = e.route;
        QPainterPath path(r.start);
        path.cubicTo(r.c1, r.c2, r.end);
        p.setPen(QPen(t.edge, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(Qt::NoPen);
        p.setBrush(t.edge);
        const auto arrow = arrowOf(r);
        p.drawPolygon(arrow.data(), 3);
    }
    for (const DiagramCard &c : scene.cards) {
        const QRectF r = c.rect;
        p.setPen(QPen(t.cardBorder, 1));
        p.setBrush(t.card);
        p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), card::kRadius, card::kRadius);
        p.setPen(Qt::NoPen);
        p.setBrush(t.category(c.category));
        p.drawRoundedRect(QRectF(r.x() + card::kStripeX, r.y() + 6, card::kStripeWidth, r.height() - 12), 2, 2);
        if (!c.iconPath.isEmpty()) {
            QSvgRenderer icon(c.iconPath);
            if (icon.isValid())
                icon.render(&p, QRectF(r.x() + card::kIconX, r.center().y() - card::kIconSize / 2, card::kIconSize, card::kIconSize));
        }
        for (std::size_t i = 0; i < c.layout.titleLines.size(); ++i)
            text(QPointF(r.x() + card::kTextX, r.y() + card::kTitleTop + static_cast<double>(i) * card::kTitleLineHeight),
                 card::kTitleSize, true, t.text, QString::fromStdString(c.layout.titleLines[i]));
        text(QPointF(r.x() + card::kTextX, r.y() + c.layout.subtitleTop), card::kSubtitleSize, false, t.textMuted,
             QString::fromStdString(c.displayName));
        if (c.layout.hasFleet) {
            const QRectF strip = c.layout.fleetStrip(r.topLeft());
            p.setPen(QPen(t.cardBorder, 1));
            p.setBrush(t.fleetStrip);
            p.drawRoundedRect(strip, strip.height() / 2, strip.height() / 2);
            p.setPen(Qt::NoPen);
            p.setBrush(t.category("Compute"));
            for (int i = 0; i < 3; ++i)
                p.drawRoundedRect(QRectF(strip.x() + 12 + i * 10, strip.center().y() - 4, 6, 8), 1.5, 1.5);
            text(QPointF(strip.x() + card::kFleetLead, strip.center().y() - card::kFleetTextSize * 0.6),
                 card::kFleetTextSize, false, t.textMuted, QString::fromStdString(c.fleet));
        }
    }
    p.end();
    return img;
}

ExportResult DiagramExporter::write(const Document &document, const ExportOptions &options) const
{
    const DiagramScene scene = DiagramScene::build(document, options.theme, defaultIconDirectory());
    ExportResult result;
    if (m_format == Format::Svg) {
        result.bytes = svg(scene);
        return result;
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return ExportResult::failure("png export draws text and needs a QGuiApplication (offscreen is enough)");
    if (!(options.scale > 0) || options.scale > 16)
        return ExportResult::failure("the PNG scale must be above 0 and at most 16");
    // Saved card positions can be anywhere: refuse a raster that cannot be allocated or painted
    // (QPainter's raster engine works in 16-bit coordinates) instead of trying.
    const double width = std::ceil(scene.bounds.width() * options.scale);
    const double height = std::ceil(scene.bounds.height() * options.scale);
    constexpr double kMaxSide = 32767, kMaxPixels = 256.0 * 1024 * 1024;
    if (!std::isfinite(width) || !std::isfinite(height) || width > kMaxSide || height > kMaxSide
        || width * height > kMaxPixels) {
        const auto pixels = [](double v) { return std::isfinite(v) && v < 1e15 ? std::to_string(static_cast<long long>(v)) : std::string("too many"); };
        return ExportResult::failure("the diagram would be " + pixels(width) + " x " + pixels(height)
                                     + " pixels; a PNG is at most 32767 pixels a side and 268 million pixels in all "
                                       "(use a smaller --scale, or SVG)");
    }
    const QImage img = image(scene, options.scale);
    if (img.isNull())
        return ExportResult::failure("there is not enough memory for a PNG of this size (use a smaller --scale, or SVG)");
    QBuffer buffer(&result.bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!img.save(&buffer, "PNG"))
        return ExportResult::failure("the PNG could not be encoded");
    return result;
}

void registerDiagramExporters()
{
    ExporterRegistry::add(std::make_unique<DiagramExporter>(DiagramExporter::Format::Svg));
    ExporterRegistry::add(std::make_unique<DiagramExporter>(DiagramExporter::Format::Png));
}

} // namespace sc
