// CanvasController: the boxes drawn around what a VPC or a subnet holds, and the managed fleet
// an Elastic Beanstalk environment card shows. Both are read from the template on each change.

#include "app/gui/canvascontroller.h"

#include "model/document/document.h"

#include <map>
#include <set>

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

void CanvasController::rebuildContainers()
{
    const Graph &graph = m_document->graph();
    const QSizeF card(cardWidth(), cardHeight());
    const auto cardRect = [&](const std::string &id) { return QRectF(m_document->position(id), card); };
    std::map<std::string, std::set<std::string>> subnetMembers, vpcSubnets;
    for (const GraphNode &node : graph.nodes()) {
        if (node.type == "AWS::EC2::Subnet")
            subnetMembers[node.id];
        else if (node.type == "AWS::EC2::VPC")
            vpcSubnets[node.id];
    }
    for (const GraphEdge &e : graph.edges()) {
        if (e.kind == Reference::Kind::DependsOn || e.source == e.target)
            continue;
        const std::string sourceType = m_document->resourceType(e.source);
        if (subnetMembers.count(e.target) && sourceType != "AWS::EC2::Subnet" && sourceType != "AWS::EC2::VPC")
            subnetMembers[e.target].insert(e.source);
        if (vpcSubnets.count(e.target) && sourceType == "AWS::EC2::Subnet")
            vpcSubnets[e.target].insert(e.source);
    }
    std::map<std::string, QRectF> subnetBoxes;
    for (const auto &[subnet, members] : subnetMembers) {
        QRectF r = cardRect(subnet);
        for (const std::string &m : members)
            r |= cardRect(m);
        subnetBoxes[subnet] = padded(r, kSubnetPadding);
    }
    QVariantList boxes;
    for (const auto &[vpc, subnets] : vpcSubnets) {
        if (subnets.empty())
            continue;
        QRectF r = cardRect(vpc);
        for (const std::string &s : subnets)
            r |= subnetBoxes[s];
        boxes << QVariantMap{{QStringLiteral("id"), QString::fromStdString(vpc)},
                             {QStringLiteral("kind"), QStringLiteral("vpc")},
                             {QStringLiteral("rect"), padded(r, kVpcPadding)}};
    }
    for (const auto &[subnet, members] : subnetMembers) {
        if (members.empty())
            continue;
        boxes << QVariantMap{{QStringLiteral("id"), QString::fromStdString(subnet)},
                             {QStringLiteral("kind"), QStringLiteral("subnet")},
                             {QStringLiteral("rect"), subnetBoxes[subnet]}};
    }
    if (boxes != m_containers) {
        m_containers = boxes;
        emit containersChanged();
    }
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
