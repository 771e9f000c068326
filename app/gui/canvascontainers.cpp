// CanvasController: the boxes drawn around what a VPC or a subnet holds, and the managed fleet
// an Elastic Beanstalk environment card shows. Both are read from the template; the boxes'
// membership only on an edit, their rectangles when a card inside one moves.

#include "app/gui/canvascontroller.h"

#include "app/gui/containermodel.h"
#include "model/document/document.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace sc {

namespace {

constexpr qreal kSubnetPadding = 20;
constexpr qreal kVpcPadding = 28;
constexpr qreal kLabelHeight = 24;

QRectF padded(const QRectF &r, qreal pad)
{
    return r.adjusted(-pad, -pad - kLabelHeight, pad, pad);
}

// The value of a Beanstalk option, or "" when absent; "?" when it is not a literal.
std::string option(const Json &settings, const std::string &ns, const std::string &name)
{
    if (!settings.is_array())
        return {};
    for (const Json &s : settings) {
        if (!s.is_object() || s.value("Namespace", Json()) != ns || s.value("OptionName", Json()) != name)
            continue;
        const Json value = s.value("Value", Json());
        if (value.is_string())
            return value.get<std::string>();
        if (value.is_number())
            return value.dump();
        return "?";
    }
    return {};
}

} // namespace

void CanvasController::rebuildContainers(const DocumentChange *change)
{
    if (change && change->isLayoutOnly()) {
        const bool touches = std::any_of(change->moved.begin(), change->moved.end(),
                                         [&](const std::string &id) { return m_inContainers.count(id) > 0; });
        if (!touches)
            return;
        for (const std::string &id : change->moved) {
            if (m_inContainers.count(id))
                m_containerPositions[id] = m_document->position(id);
        }
    } else {
        // Membership from the graph: a subnet holds what refers to it, a VPC its subnets.
        const Graph &graph = m_document->graph();
        std::unordered_map<std::string, std::string> types;
        m_subnetMembers.clear();
        m_vpcSubnets.clear();
        for (const GraphNode &node : graph.nodes()) {
            types[node.id] = node.type;
            if (node.type == "AWS::EC2::Subnet")
                m_subnetMembers[node.id];
            else if (node.type == "AWS::EC2::VPC")
                m_vpcSubnets[node.id];
        }
        for (const GraphEdge &e : graph.edges()) {
            if (e.kind == Reference::Kind::DependsOn || e.source == e.target)
                continue;
            const std::string &sourceType = types[e.source];
            if (m_subnetMembers.count(e.target) && sourceType != "AWS::EC2::Subnet" && sourceType != "AWS::EC2::VPC")
                m_subnetMembers[e.target].insert(e.source);
            if (m_vpcSubnets.count(e.target) && sourceType == "AWS::EC2::Subnet")
                m_vpcSubnets[e.target].insert(e.source);
        }
        m_inContainers.clear();
        for (const auto &[subnet, members] : m_subnetMembers) {
            m_inContainers.insert(subnet);
            m_inContainers.insert(members.begin(), members.end());
        }
        for (const auto &[vpc, subnets] : m_vpcSubnets)
            m_inContainers.insert(vpc);
        m_containerPositions.clear();
        for (const std::string &id : m_inContainers)
            m_containerPositions[id] = m_document->position(id);
    }
    const QSizeF card(cardWidth(), cardHeight());
    const auto cardRect = [&](const std::string &id) { return QRectF(m_containerPositions[id], card); };
    std::map<std::string, QRectF> subnetBoxes;
    for (const auto &[subnet, members] : m_subnetMembers) {
        QRectF r = cardRect(subnet);
        for (const std::string &m : members)
            r |= cardRect(m);
        subnetBoxes[subnet] = padded(r, kSubnetPadding);
    }
    std::vector<ContainerModel::Box> boxes;
    for (const auto &[vpc, subnets] : m_vpcSubnets) {
        if (subnets.empty())
            continue;
        QRectF r = cardRect(vpc);
        for (const std::string &s : subnets)
            r |= subnetBoxes[s];
        boxes.push_back({QString::fromStdString(vpc), QStringLiteral("vpc"), padded(r, kVpcPadding)});
    }
    for (const auto &[subnet, members] : m_subnetMembers) {
        if (members.empty())
            continue;
        boxes.push_back({QString::fromStdString(subnet), QStringLiteral("subnet"), subnetBoxes[subnet]});
    }
    if (m_containerModel->setBoxes(std::move(boxes)))
        emit containersChanged();
}

QVariantList CanvasController::containers() const
{
    return m_containerModel->toVariantList();
}

QString CanvasController::fleetSummary(const QString &logicalId) const
{
    const Json *resource = m_document->resource(logicalId.toStdString());
    if (!resource || resource->value("Type", Json()) != "AWS::ElasticBeanstalk::Environment")
        return {};
    const Json properties = resource->value("Properties", Json::object());
    const Json settings = properties.is_object() ? properties.value("OptionSettings", Json::array()) : Json::array();
    const Json tier = properties.is_object() ? properties.value("Tier", Json::object()) : Json::object();
    const bool worker = tier.is_object() && tier.value("Name", Json()) == "Worker";
    const std::string type = option(settings, "aws:elasticbeanstalk:environment", "EnvironmentType");
    std::string instanceType = option(settings, "aws:autoscaling:launchconfiguration", "InstanceType");
    if (instanceType.empty())
        instanceType = option(settings, "aws:ec2:instances", "InstanceTypes");
    if (const std::size_t comma = instanceType.find(','); comma != std::string::npos)
        instanceType = instanceType.substr(0, comma);
    // An instance type from a parameter is not worth a "?" on the card.
    const std::string suffix = instanceType.empty() || instanceType == "?" ? std::string() : " · " + instanceType;
    if (type == "SingleInstance")
        return QString::fromStdString((worker ? "SQS daemon + 1 instance" : "Single instance") + suffix);
    std::string min = option(settings, "aws:autoscaling:asg", "MinSize");
    std::string max = option(settings, "aws:autoscaling:asg", "MaxSize");
    // Beanstalk's defaults for a load-balanced environment's Auto Scaling group.
    if (min.empty())
        min = "1";
    if (max.empty())
        max = "4";
    std::string front;
    if (worker) {
        front = "SQS daemon";
    } else {
        std::string lb = option(settings, "aws:elasticbeanstalk:environment", "LoadBalancerType");
        front = lb == "classic" ? "CLB" : lb == "network" ? "NLB" : "ALB";
    }
    return QString::fromStdString(front + " + ASG " + min + ".." + max + " instances" + suffix);
}

} // namespace sc
