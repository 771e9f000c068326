#pragma once
// The diagram as the canvas shows it, as plain geometry: cards at their saved (or automatic)
// positions, edges as cubic curves between card sides, VPC and subnet containers around what
// they hold, and the theme colours of qml/controls/Theme.qml. Both the SVG and the PNG writer
// draw from this, so the two always agree.

#include "model/document/document.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <string>
#include <vector>

namespace sc {

struct DiagramTheme {
    QColor canvas, card, cardBorder, text, textMuted, edge, vpcBox, vpcBorder, subnetBox, subnetBorder;
    static DiagramTheme named(const std::string &name); // "light" or "dark"
    QColor category(const std::string &category) const;
    bool dark = false;
};

struct DiagramCard {
    std::string id, type, displayName, category;
    QRectF rect;
    QString iconPath; // icons/<name>.svg when the file exists, else empty
};

struct DiagramEdge {
    std::string source, target, label;
    QPointF from, c1, c2, to; // cubic curve; the arrowhead points at `to`
};

struct DiagramContainer {
    std::string id;   // the VPC or subnet resource
    std::string kind; // "vpc" or "subnet"
    QRectF rect;
    QString label;
};

struct DiagramScene {
    std::vector<DiagramContainer> containers; // outer (VPC) before inner (subnet)
    std::vector<DiagramEdge> edges;
    std::vector<DiagramCard> cards;
    QRectF bounds; // everything, with a margin
    DiagramTheme theme;

    static constexpr double kCardWidth = 200;
    static constexpr double kCardHeight = 72;
    static DiagramScene build(const Document &document, const std::string &theme, const QString &iconDir);
};

// Where icons are looked up: the icons embedded in the application.
QString defaultIconDirectory();

} // namespace sc
