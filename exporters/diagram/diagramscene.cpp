#include "exporters/diagram/diagramscene.h"

#include "model/catalog/catalog.h"
#include "model/geometry/cardstyle.h"
#include "model/geometry/containers.h"
#include "model/geometry/fleetsummary.h"

#include <QDir>
#include <QFileInfo>

#include <map>

namespace sc {

DiagramTheme DiagramTheme::named(const std::string &name)
{
    DiagramTheme t;
    t.dark = name == "dark";
    const bool d = t.dark;
    // The colours of qml/controls/Theme.qml; #AARRGGBB there is QColor's format too.
    t.canvas = QColor(d ? "#1b1e24" : "#fbfbfc");
    t.card = QColor(d ? "#252a33" : "#ffffff");
    t.cardBorder = QColor(d ? "#3a4150" : "#cfd4db");
    t.text = QColor(d ? "#e8eaee" : "#1d2129");
    t.textMuted = QColor(d ? "#9aa3b2" : "#5f6875");
    t.edge = QColor(d ? "#6f7a8c" : "#8a94a3");
    t.vpcBox = QColor(d ? "#147b5cd6" : "#0d7b5cd6");
    t.vpcBorder = QColor(d ? "#6a55b8" : "#a391e3");
    t.subnetBox = QColor(d ? "#142f7fc1" : "#0f2f7fc1");
    t.subnetBorder = QColor(d ? "#3d6f9c" : "#9cc0e3");
    t.fleetStrip = QColor(d ? "#2b313b" : "#eef1f5");
    t.blueHalf = QColor(d ? "#5b9cff" : "#2f7fc1");
    t.greenHalf = QColor(d ? "#5cc98a" : "#3f8f5f");
    return t;
}

QColor DiagramTheme::category(const std::string &c) const
{
    return QColor::fromString(categoryColor(c, dark));
}

QString defaultIconDirectory()
{
    return QStringLiteral(":/icons"); // embedded by icons/CMakeLists.txt
}

DiagramScene DiagramScene::build(const Document &document, const std::string &theme, const QString &iconDir)
{
    DiagramScene scene;
    scene.theme = DiagramTheme::named(theme);
    const Catalog &catalog = Catalog::instance();
    const Graph &graph = document.graph();
    QRectF bounds;
    for (const GraphNode &node : graph.nodes()) {
        DiagramCard card;
        card.id = node.id;
        card.type = node.type;
        card.displayName = catalog.displayName(node.type);
        card.category = catalog.category(node.type);
        card.fleet = fleetSummary(document.root(), node.id);
        card.layout = document.cardLayout(node.id);
        card.rect = QRectF(document.position(node.id), card.layout.size);
        const QString icon = QDir(iconDir).filePath(QString::fromStdString(cardIcon(node.type)) + QStringLiteral(".svg"));
        if (QFileInfo::exists(icon))
            card.iconPath = icon;
        bounds |= card.layout.footprint(card.rect.topLeft());
        scene.cards.push_back(std::move(card));
    }
    const auto footprint = [&](const std::string &id) { return document.footprint(id); };
    for (const ContainerBox &box : containerBoxes(ContainerMembership::of(document.root(), graph), footprint)) {
        const std::string_view kind = kindName(box.kind);
        scene.containers.push_back({box.id, std::string(kind), box.rect, QString::fromStdString(box.label)});
        bounds |= box.rect;
    }
    // One edge per referring pair, as the canvas draws it, labelled with every property it holds.
    std::map<std::pair<std::string, std::string>, std::size_t> pairs;
    for (const GraphEdge &e : graph.edges()) {
        if (e.source == e.target)
            continue;
        const auto [it, added] = pairs.emplace(std::pair(e.source, e.target), scene.edges.size());
        if (!added) {
            scene.edges[it->second].label += ", " + e.label;
            continue;
        }
        scene.edges.push_back({e.source, e.target, e.label, routeEdge(document.cardRect(e.source), document.cardRect(e.target))});
    }
    if (bounds.isNull())
        bounds = QRectF(0, 0, 320, 160);
    scene.bounds = bounds.adjusted(-24, -24, 24, 24);
    return scene;
}

} // namespace sc
