#include "exporters/diagramexporter.h"

#include "exporters/diagram/diagramscene.h"

#include <QBuffer>
#include <QFile>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>
#include <QXmlStreamWriter>

#include <algorithm>
#include <cmath>

namespace sc {

namespace {

constexpr double kTextX = 58;
constexpr double kRadius = 6;

QString hex(const QColor &c) { return c.name(QColor::HexRgb); }
QString opacity(const QColor &c) { return QString::number(c.alphaF(), 'g', 3); }
QString num(double v) { return QString::number(v, 'f', 1); }

// Without font metrics (SVG is drawn by whoever opens it), elide by an average glyph width.
QString elideApprox(const QString &text, double width, double charWidth)
{
    const int fits = static_cast<int>(width / charWidth);
    if (text.size() <= fits)
        return text;
    return text.left(std::max(1, fits - 1)) + QChar(0x2026);
}

QPointF arrowBase(const DiagramEdge &e, double length, QPointF &left, QPointF &right)
{
    QPointF d = e.to - e.c2;
    const double n = std::hypot(d.x(), d.y());
    d = n > 0 ? d / n : QPointF(1, 0);
    const QPointF base = e.to - d * length;
    const QPointF normal(-d.y(), d.x());
    left = base + normal * (length * 0.45);
    right = base - normal * (length * 0.45);
    return base;
}

QString cardType(const DiagramCard &c) { return QString::fromStdString(c.type); }

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
    x.writeStartElement(QStringLiteral("svg"));
    x.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    x.writeAttribute(QStringLiteral("width"), num(b.width()));
    x.writeAttribute(QStringLiteral("height"), num(b.height()));
    x.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("%1 %2 %3 %4").arg(num(b.x()), num(b.y()), num(b.width()), num(b.height())));
    x.writeAttribute(QStringLiteral("font-family"), QStringLiteral("sans-serif"));

    x.writeStartElement(QStringLiteral("rect"));
    x.writeAttribute(QStringLiteral("x"), num(b.x()));
    x.writeAttribute(QStringLiteral("y"), num(b.y()));
    x.writeAttribute(QStringLiteral("width"), num(b.width()));
    x.writeAttribute(QStringLiteral("height"), num(b.height()));
    x.writeAttribute(QStringLiteral("fill"), hex(t.canvas));
    x.writeEndElement();

    x.writeStartElement(QStringLiteral("g"));
    x.writeAttribute(QStringLiteral("id"), QStringLiteral("containers"));
    for (const DiagramContainer &c : scene.containers) {
        const bool vpc = c.kind == "vpc";
        x.writeStartElement(QStringLiteral("g"));
        x.writeAttribute(QStringLiteral("id"), QStringLiteral("container-") + QString::fromStdString(c.id));
        x.writeAttribute(QStringLiteral("data-kind"), QString::fromStdString(c.kind));
        x.writeStartElement(QStringLiteral("rect"));
        x.writeAttribute(QStringLiteral("x"), num(c.rect.x()));
        x.writeAttribute(QStringLiteral("y"), num(c.rect.y()));
        x.writeAttribute(QStringLiteral("width"), num(c.rect.width()));
        x.writeAttribute(QStringLiteral("height"), num(c.rect.height()));
        x.writeAttribute(QStringLiteral("rx"), QStringLiteral("10"));
        x.writeAttribute(QStringLiteral("fill"), hex(vpc ? t.vpcBox : t.subnetBox));
        x.writeAttribute(QStringLiteral("fill-opacity"), opacity(vpc ? t.vpcBox : t.subnetBox));
        x.writeAttribute(QStringLiteral("stroke"), hex(vpc ? t.vpcBorder : t.subnetBorder));
        x.writeAttribute(QStringLiteral("stroke-dasharray"), vpc ? QStringLiteral("6 4") : QStringLiteral("3 3"));
        x.writeEndElement();
        x.writeStartElement(QStringLiteral("text"));
        x.writeAttribute(QStringLiteral("x"), num(c.rect.x() + 10));
        x.writeAttribute(QStringLiteral("y"), num(c.rect.y() + 15));
        x.writeAttribute(QStringLiteral("font-size"), QStringLiteral("11"));
        x.writeAttribute(QStringLiteral("fill"), hex(t.textMuted));
        x.writeCharacters(c.label);
        x.writeEndElement();
        x.writeEndElement();
    }
    x.writeEndElement();

    x.writeStartElement(QStringLiteral("g"));
    x.writeAttribute(QStringLiteral("id"), QStringLiteral("edges"));
    x.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
    x.writeAttribute(QStringLiteral("stroke"), hex(t.edge));
    x.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("1.6"));
    for (const DiagramEdge &e : scene.edges) {
        QPointF left, right;
        const QPointF base = arrowBase(e, 9, left, right);
        x.writeStartElement(QStringLiteral("g"));
        x.writeAttribute(QStringLiteral("class"), QStringLiteral("edge"));
        x.writeAttribute(QStringLiteral("data-source"), QString::fromStdString(e.source));
        x.writeAttribute(QStringLiteral("data-target"), QString::fromStdString(e.target));
        x.writeAttribute(QStringLiteral("data-label"), QString::fromStdString(e.label));
        x.writeStartElement(QStringLiteral("path"));
        x.writeAttribute(QStringLiteral("d"), QStringLiteral("M %1 %2 C %3 %4 %5 %6 %7 %8")
                                                  .arg(num(e.from.x()), num(e.from.y()), num(e.c1.x()), num(e.c1.y()),
                                                       num(e.c2.x()), num(e.c2.y()), num(base.x()), num(base.y())));
        x.writeEndElement();
        x.writeStartElement(QStringLiteral("path"));
        x.writeAttribute(QStringLiteral("d"), QStringLiteral("M %1 %2 L %3 %4 L %5 %6 Z")
                                                  .arg(num(e.to.x()), num(e.to.y()), num(left.x()), num(left.y()),
                                                       num(right.x()), num(right.y())));
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
        x.writeAttribute(QStringLiteral("data-type"), cardType(c));
        x.writeAttribute(QStringLiteral("data-category"), QString::fromStdString(c.category));
        x.writeStartElement(QStringLiteral("rect"));
        x.writeAttribute(QStringLiteral("x"), num(r.x()));
        x.writeAttribute(QStringLiteral("y"), num(r.y()));
        x.writeAttribute(QStringLiteral("width"), num(r.width()));
        x.writeAttribute(QStringLiteral("height"), num(r.height()));
        x.writeAttribute(QStringLiteral("rx"), QString::number(kRadius));
        x.writeAttribute(QStringLiteral("fill"), hex(t.card));
        x.writeAttribute(QStringLiteral("stroke"), hex(t.cardBorder));
        x.writeEndElement();
        x.writeStartElement(QStringLiteral("rect"));
        x.writeAttribute(QStringLiteral("x"), num(r.x() + 6));
        x.writeAttribute(QStringLiteral("y"), num(r.y() + 6));
        x.writeAttribute(QStringLiteral("width"), QStringLiteral("4"));
        x.writeAttribute(QStringLiteral("height"), num(r.height() - 12));
        x.writeAttribute(QStringLiteral("rx"), QStringLiteral("2"));
        x.writeAttribute(QStringLiteral("fill"), hex(t.category(c.category)));
        x.writeEndElement();
        if (!c.iconPath.isEmpty()) {
            QFile icon(c.iconPath);
            if (icon.open(QIODevice::ReadOnly)) {
                x.writeStartElement(QStringLiteral("image"));
                x.writeAttribute(QStringLiteral("x"), num(r.x() + 16));
                x.writeAttribute(QStringLiteral("y"), num(r.center().y() - 16));
                x.writeAttribute(QStringLiteral("width"), QStringLiteral("32"));
                x.writeAttribute(QStringLiteral("height"), QStringLiteral("32"));
                x.writeAttribute(QStringLiteral("href"), QStringLiteral("data:image/svg+xml;base64,")
                                                             + QString::fromLatin1(icon.readAll().toBase64()));
                x.writeEndElement();
            }
        }
        const double textWidth = r.width() - kTextX - 12;
        const auto text = [&](double y, int size, bool bold, const QColor &colour, const QString &value, double cw) {
            x.writeStartElement(QStringLiteral("text"));
            x.writeAttribute(QStringLiteral("x"), num(r.x() + kTextX));
            x.writeAttribute(QStringLiteral("y"), num(r.y() + y));
            x.writeAttribute(QStringLiteral("font-size"), QString::number(size));
            if (bold)
                x.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("600"));
            x.writeAttribute(QStringLiteral("fill"), hex(colour));
            x.writeCharacters(elideApprox(value, textWidth, cw));
            x.writeEndElement();
        };
        text(26, 14, true, t.text, QString::fromStdString(c.id), 8.2);
        text(44, 11, false, t.textMuted, QString::fromStdString(c.displayName), 6.2);
        text(60, 10, false, t.textMuted, cardType(c), 5.7);
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
    for (const DiagramContainer &c : scene.containers) {
        const bool vpc = c.kind == "vpc";
        QPen pen(vpc ? t.vpcBorder : t.subnetBorder, 1, vpc ? Qt::DashLine : Qt::DotLine);
        p.setPen(pen);
        p.setBrush(vpc ? t.vpcBox : t.subnetBox);
        p.drawRoundedRect(c.rect, 10, 10);
        QFont f = p.font();
        f.setPixelSize(11);
        p.setFont(f);
        p.setPen(t.textMuted);
        p.drawText(QPointF(c.rect.x() + 10, c.rect.y() + 15), c.label);
    }
    for (const DiagramEdge &e : scene.edges) {
        QPointF left, right;
        const QPointF base = arrowBase(e, 9, left, right);
        QPainterPath path(e.from);
        path.cubicTo(e.c1, e.c2, base);
        p.setPen(QPen(t.edge, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(Qt::NoPen);
        p.setBrush(t.edge);
        p.drawPolygon(QPolygonF({e.to, left, right}));
    }
    for (const DiagramCard &c : scene.cards) {
        const QRectF r = c.rect;
        p.setPen(QPen(t.cardBorder, 1));
        p.setBrush(t.card);
        p.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
        p.setPen(Qt::NoPen);
        p.setBrush(t.category(c.category));
        p.drawRoundedRect(QRectF(r.x() + 6, r.y() + 6, 4, r.height() - 12), 2, 2);
        if (!c.iconPath.isEmpty()) {
            QSvgRenderer icon(c.iconPath);
            if (icon.isValid())
                icon.render(&p, QRectF(r.x() + 16, r.center().y() - 16, 32, 32));
        }
        const double width = r.width() - kTextX - 12;
        const auto text = [&](double baseline, int size, bool bold, const QColor &colour, const QString &value) {
            QFont f = p.font();
            f.setPixelSize(size);
            f.setWeight(bold ? QFont::DemiBold : QFont::Normal);
            p.setFont(f);
            p.setPen(colour);
            p.drawText(QPointF(r.x() + kTextX, r.y() + baseline), QFontMetricsF(f).elidedText(value, Qt::ElideRight, width));
        };
        text(26, 14, true, t.text, QString::fromStdString(c.id));
        text(44, 11, false, t.textMuted, QString::fromStdString(c.displayName));
        text(60, 10, false, t.textMuted, cardType(c));
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

} // namespace sc
