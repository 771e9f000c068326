#include "exporters/diagram/diagramscene.h"

#include "model/catalog/catalog.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <set>

namespace sc {

namespace {

// Every resource a node's properties name with Ref (directly or in a list).
void collectRefs(const Json &node, std::set<std::string> &out)
{
    if (node.is_object()) {
        if (node.size() == 1 && node.contains("Ref") && node["Ref"].is_string())
            out.insert(node["Ref"].get<std::string>());
        for (auto it = node.begin(); it != node.end(); ++it)
            collectRefs(it.value(), out);
    } else if (node.is_array()) {
        for (const Json &e : node)
            collectRefs(e, out);
    }
}

QRectF around(const std::vector<QRectF> &rects, double padding, double top)
{
    QRectF box;
    for (const QRectF &r : rects)
        box = box.isNull() ? r : box.united(r);
    return box.adjusted(-padding, -padding - top, padding, padding);
}

} // namespace

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
    return t;
}

QColor DiagramTheme::category(const std::string &c) const
{
    static const std::map<std::string, const char *> colours{
        {"Compute", "#e8833a"}, {"Containers", "#d9593d"}, {"Serverless", "#e0a21b"},
        {"Deployment", "#3f8f5f"}, {"Networking and delivery", "#7b5cd6"}, {"Data", "#2f7fc1"},
        {"Management and governance", "#c2407a"}};
    const auto it = colours.find(c);
    if (it != colours.end())
        return QColor(it->second);
    return QColor(dark ? "#7d8696" : "#8d95a3");
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
    std::map<std::string, QRectF> rects;
    for (const GraphNode &node : graph.nodes()) {
        DiagramCard card;
        card.id = node.id;
        card.type = node.type;
        card.displayName = catalog.displayName(node.type);
        card.category = catalog.category(node.type);
        const QPointF at = document.position(node.id);
        card.rect = QRectF(at.x(), at.y(), kCardWidth, kCardHeight);
        if (const KindOverlay *overlay = catalog.overlay(node.type); overlay && !overlay->icon.empty()) {
            const QString path = QDir(iconDir).filePath(QString::fromStdString(overlay->icon) + QStringLiteral(".svg"));
            if (QFileInfo::exists(path))
                card.iconPath = path;
        }
        rects[node.id] = card.rect;
        scene.cards.push_back(card);
    }

    // Containers: a subnet holds the resources whose properties Ref it; a VPC holds its subnets.
    const Json &resources = document.root().value("Resources", Json::object());
    std::map<std::string, std::vector<std::string>> subnetMembers, vpcSubnets;
    for (const GraphNode &node : graph.nodes()) {
        // Resources entries that are not mappings (an Fn::ForEach list, a null) hold no properties.
        const auto resource = resources.is_object() ? resources.find(node.id) : resources.end();
        if (resource == resources.end() || !resource->is_object())
            continue;
        std::set<std::string> refs;
        collectRefs(resource->value("Properties", Json::object()), refs);
        for (const std::string &target : refs) {
            const std::string targetType = document.resourceType(target);
            if (targetType == "AWS::EC2::Subnet" && node.type != "AWS::EC2::Subnet")
                subnetMembers[target].push_back(node.id);
            if (targetType == "AWS::EC2::VPC" && node.type == "AWS::EC2::Subnet")
                vpcSubnets[target].push_back(node.id);
        }
    }
    std::map<std::string, QRectF> subnetBoxes;
    for (const auto &[subnet, members] : subnetMembers) {
        std::vector<QRectF> inside{rects[subnet]};
        for (const std::string &m : members)
            inside.push_back(rects[m]);
        subnetBoxes[subnet] = around(inside, 16, 18);
    }
    for (const auto &[vpc, subnets] : vpcSubnets) {
        std::vector<QRectF> inside{rects[vpc]};
        for (const std::string &s : subnets)
            inside.push_back(subnetBoxes.count(s) ? subnetBoxes[s] : rects[s]);
        scene.containers.push_back({vpc, "vpc", around(inside, 20, 18), QString::fromStdString(vpc) + QStringLiteral(" (VPC)")});
    }
    for (const auto &[subnet, box] : subnetBoxes)
        scene.containers.push_back({subnet, "subnet", box, QString::fromStdString(subnet) + QStringLiteral(" (subnet)")});

    // Edges: from the side of the referring card to the facing side of the referred one.
    std::set<std::pair<std::string, std::string>> seen;
    for (const GraphEdge &e : graph.edges()) {
        if (!rects.count(e.source) || !rects.count(e.target) || e.source == e.target)
            continue;
        if (!seen.insert({e.source, e.target}).second)
            continue;
        const QRectF s = rects[e.source], t = rects[e.target];
        const bool rightward = t.center().x() >= s.center().x();
        DiagramEdge edge;
        edge.source = e.source;
        edge.target = e.target;
        edge.label = e.label;
        edge.from = rightward ? QPointF(s.right(), s.center().y()) : QPointF(s.left(), s.center().y());
        edge.to = rightward ? QPointF(t.left(), t.center().y()) : QPointF(t.right(), t.center().y());
        const double pull = std::max(40.0, std::abs(edge.to.x() - edge.from.x()) / 2);
        edge.c1 = edge.from + QPointF(rightward ? pull : -pull, 0);
        edge.c2 = edge.to + QPointF(rightward ? -pull : pull, 0);
        scene.edges.push_back(edge);
    }

    QRectF bounds;
    for (const auto &[id, r] : rects)
        bounds = bounds.isNull() ? r : bounds.united(r);
    for (const DiagramContainer &c : scene.containers)
        bounds = bounds.united(c.rect);
    if (bounds.isNull())
        bounds = QRectF(0, 0, 320, 160);
    scene.bounds = bounds.adjusted(-24, -24, 24, 24);
    return scene;
}

} // namespace sc
