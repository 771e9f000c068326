#pragma once
// The diagram as the canvas shows it, as plain geometry: cards where the document places them
// and as it sets them (model/geometry: size, title lines, fleet strip), edges routed as the
// canvas routes them, the boxes around VPCs, subnets and blue/green halves, and the theme
// colours of qml/controls/Theme.qml. Both the SVG and the PNG writer draw from this, so the
// two always agree with each other and with the window.

#include "model/document/document.h"
#include "model/geometry/cardgeometry.h"
#include "model/geometry/edgeroute.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <string>
#include <vector>

namespace sc {

struct DiagramTheme {
    QColor canvas, card, cardBorder, text, textMuted, edge, vpcBox, vpcBorder, subnetBox, subnetBorder,
        fleetStrip, blueHalf, greenHalf;
    static DiagramTheme named(const std::string &name); // "light" or "dark"
    QColor category(const std::string &category) const;
    bool dark = false;
};

struct DiagramCard {
    std::string id, type, displayName, category, fleet;
    QRectF rect;
    CardLayout layout;
    QString iconPath; // the card's icon (its kind's, else its category's) when the file exists
};

struct DiagramEdge {
    std::string source, target, label; // label: each property holding a reference, ", " between
    EdgeRoute route;
};

struct DiagramContainer {
    std::string id;   // the VPC or subnet resource, or the blue/green half
    std::string kind; // "vpc", "subnet", "blue" or "green"
    QRectF rect;
    QString label;
};

struct DiagramScene {
    std::vector<DiagramContainer> containers; // outer (VPC) before inner (subnet), halves last
    std::vector<DiagramEdge> edges;           // one per referring pair of cards
    std::vector<DiagramCard> cards;
    QRectF bounds; // everything, with a margin
    DiagramTheme theme;

    static DiagramScene build(const Document &document, const std::string &theme, const QString &iconDir);
};

// Where icons are looked up: the icons embedded in the application.
QString defaultIconDirectory();

} // namespace sc
