#include "model/geometry/fleetsummary.h"

#include <map>
#include <utility>

namespace sc {

namespace {

using Options = std::map<std::pair<std::string, std::string>, const Json *>;

const Json *resourceOf(const Json &root, const std::string &id)
{
    const auto resources = root.find("Resources");
    if (resources == root.end() || !resources->is_object())
        return nullptr;
    const auto it = resources->find(id);
    return it == resources->end() || !it->is_object() ? nullptr : &*it;
}

const Json *propertiesOf(const Json *resource)
{
    if (!resource)
        return nullptr;
    const auto it = resource->find("Properties");
    return it == resource->end() || !it->is_object() ? nullptr : &*it;
}

// Adds the settings of one resource that are not set yet.
void collect(const Json *properties, Options &options)
{
    if (!properties || !properties->contains("OptionSettings") || !(*properties)["OptionSettings"].is_array())
        return;
    for (const Json &s : (*properties)["OptionSettings"]) {
        if (!s.is_object() || !s.contains("Namespace") || !s.contains("OptionName") || !s["Namespace"].is_string()
            || !s["OptionName"].is_string())
            continue;
        options.emplace(std::pair(s["Namespace"].get<std::string>(), s["OptionName"].get<std::string>()),
                        s.contains("Value") ? &s["Value"] : nullptr);
    }
}

// The configuration template an environment's TemplateName refers to. A literal name is the
// deployed template's name, unknown here: only a Ref can be followed.
const Json *configurationTemplate(const Json &root, const Json &properties)
{
    const Json name = properties.value("TemplateName", Json());
    if (!name.is_object() || !name.contains("Ref") || !name["Ref"].is_string())
        return nullptr;
    const Json *resource = resourceOf(root, name["Ref"].get<std::string>());
    if (!resource || resource->value("Type", Json()) != "AWS::ElasticBeanstalk::ConfigurationTemplate")
        return nullptr;
    return propertiesOf(resource);
}

// A literal option value; "" when absent, "?" when it is not a literal (a parameter, a Ref).
std::string option(const Options &options, const char *ns, const char *name)
{
    const auto it = options.find({ns, name});
    if (it == options.end() || !it->second)
        return {};
    const Json &value = *it->second;
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number())
        return value.dump();
    return "?";
}

} // namespace

std::string fleetSummary(const Json &root, const std::string &logicalId)
{
    const Json *resource = resourceOf(root, logicalId);
    if (!resource || resource->value("Type", Json()) != "AWS::ElasticBeanstalk::Environment")
        return {};
    const Json empty = Json::object();
    const Json *properties = propertiesOf(resource);
    if (!properties)
        properties = &empty;
    Options options;
    collect(properties, options);
    collect(configurationTemplate(root, *properties), options);

    const Json tier = properties->value("Tier", Json::object());
    const bool worker = tier.is_object() && tier.value("Name", Json()) == "Worker";
    std::string instanceType = option(options, "aws:autoscaling:launchconfiguration", "InstanceType");
    if (instanceType.empty())
        instanceType = option(options, "aws:ec2:instances", "InstanceTypes");
    if (const std::size_t comma = instanceType.find(','); comma != std::string::npos)
        instanceType = instanceType.substr(0, comma);
    // An instance type from a parameter is not worth a "?" on the card.
    const std::string suffix = instanceType.empty() || instanceType == "?" ? std::string() : " · " + instanceType;
    if (option(options, "aws:elasticbeanstalk:environment", "EnvironmentType") == "SingleInstance")
        return (worker ? "SQS daemon + 1 instance" : "Single instance") + suffix;
    // Beanstalk's defaults for a load-balanced environment: an Auto Scaling group of 1 to 4
    // instances behind a Classic Load Balancer (aws:autoscaling:asg, aws:elasticbeanstalk:environment).
    std::string min = option(options, "aws:autoscaling:asg", "MinSize");
    std::string max = option(options, "aws:autoscaling:asg", "MaxSize");
    if (min.empty())
        min = "1";
    if (max.empty())
        max = "4";
    std::string front = "SQS daemon";
    if (!worker) {
        const std::string lb = option(options, "aws:elasticbeanstalk:environment", "LoadBalancerType");
        front = lb == "application" ? "ALB" : lb == "network" ? "NLB" : lb == "?" ? "Load balancer" : "CLB";
    }
    // Sizes from parameters are shown as the group alone.
    const std::string size = min == "?" || max == "?" ? std::string() : " " + min + ".." + max + " instances";
    return front + " + ASG" + size + suffix;
}

} // namespace sc
