#include "exporters/sam/serverlessconverter.h"

#include "model/template/intrinsics.h"

#include <map>
#include <optional>
#include <set>

namespace sc {

namespace {

const char *const kSamTransform = "AWS::Serverless-2016-10-31";

std::optional<std::string> refTarget(const Json &v)
{
    if (v.is_object() && v.size() == 1 && v.contains("Ref") && v["Ref"].is_string())
        return v["Ref"].get<std::string>();
    return std::nullopt;
}

std::optional<std::pair<std::string, std::string>> getAtt(const Json &v)
{
    if (!v.is_object() || v.size() != 1 || !v.contains("Fn::GetAtt"))
        return std::nullopt;
    const Json &a = v["Fn::GetAtt"];
    if (a.is_array() && a.size() == 2 && a[0].is_string() && a[1].is_string())
        return std::make_pair(a[0].get<std::string>(), a[1].get<std::string>());
    if (a.is_string()) {
        const std::string s = a.get<std::string>();
        const auto dot = s.find('.');
        if (dot != std::string::npos)
            return std::make_pair(s.substr(0, dot), s.substr(dot + 1));
    }
    return std::nullopt;
}

// The converter reads templates of any shape the reader accepts: a value that should be a
// mapping may be a scalar or a list. These read a member without assuming the shape.
const Json &member(const Json &object, const char *key)
{
    static const Json null;
    if (!object.is_object())
        return null;
    const auto it = object.find(key);
    return it == object.end() ? null : *it;
}

const Json &mapping(const Json &object, const char *key)
{
    static const Json empty = Json::object();
    const Json &value = member(object, key);
    return value.is_object() ? value : empty;
}

std::string typeOf(const Json &resources, const std::string &id)
{
    if (!resources.contains(id) || !resources[id].is_object() || !resources[id].contains("Type")
        || !resources[id]["Type"].is_string())
        return {};
    return resources[id]["Type"].get<std::string>();
}

// Lambda properties SAM's function takes under the same name and shape.
const std::set<std::string> &sameNameProperties()
{
    static const std::set<std::string> names{
        "Architectures", "CodeSigningConfigArn", "Description", "Environment", "EphemeralStorage",
        "FileSystemConfigs", "FunctionName", "Handler", "ImageConfig", "KmsKeyArn", "Layers",
        "LoggingConfig", "MemorySize", "PackageType", "ReservedConcurrentExecutions", "Role",
        "Runtime", "RuntimeManagementConfig", "Timeout", "VpcConfig"};
    return names;
}

// One group to convert: function, version, alias, deployment group (and its application).
struct Canary {
    std::string function, version, alias, group, application;
};

class Converter {
public:
    explicit Converter(const Json &root)
        : m_root(root)
    {
    }
    ServerlessConversion run();

private:
    std::optional<Canary> match(const std::string &aliasId, std::string &why) const;
    std::optional<Json> functionProperties(const Canary &c, std::string &why) const;
    void rewrite(Json &node, const std::map<std::string, Json> &refs, const std::map<std::string, std::string> &subs) const;
    bool otherGroupUses(const std::string &application, const std::string &group) const;

    Json m_root;
    std::vector<std::string> m_notes;
    mutable std::vector<std::string> m_pendingNotes; // said only when the group is converted
};

std::optional<Canary> Converter::match(const std::string &aliasId, std::string &why) const
{
    const Json &resources = m_root["Resources"];
    const Json &alias = resources[aliasId];
    Canary c;
    c.alias = aliasId;
    const Json *update = alias.contains("UpdatePolicy") ? &alias["UpdatePolicy"] : nullptr;
    if (!update || !update->is_object() || !update->contains("CodeDeployLambdaAliasUpdate")) {
        why = "it has no UpdatePolicy.CodeDeployLambdaAliasUpdate (nothing to deploy gradually)";
        return std::nullopt;
    }
    const Json &props = mapping(alias, "Properties");
    const auto fn = refTarget(member(props, "FunctionName"));
    if (!fn || typeOf(resources, *fn) != "AWS::Lambda::Function") {
        why = "its FunctionName is not a Ref to an AWS::Lambda::Function of this template";
        return std::nullopt;
    }
    c.function = *fn;
    const auto version = getAtt(member(props, "FunctionVersion"));
    if (!version || version->second != "Version" || typeOf(resources, version->first) != "AWS::Lambda::Version") {
        why = "its FunctionVersion is not GetAtt of an AWS::Lambda::Version";
        return std::nullopt;
    }
    c.version = version->first;
    const Json &vprops = mapping(resources[c.version], "Properties");
    if (refTarget(member(vprops, "FunctionName")) != c.function) {
        why = "the version publishes another function";
        return std::nullopt;
    }
    const Json &hook = (*update)["CodeDeployLambdaAliasUpdate"];
    const auto group = refTarget(member(hook, "DeploymentGroupName"));
    if (!group || typeOf(resources, *group) != "AWS::CodeDeploy::DeploymentGroup") {
        why = "its DeploymentGroupName is not a Ref to a deployment group of this template";
        return std::nullopt;
    }
    c.group = *group;
    const auto app = refTarget(member(hook, "ApplicationName"));
    if (!app || typeOf(resources, *app) != "AWS::CodeDeploy::Application") {
        why = "its ApplicationName is not a Ref to a CodeDeploy application of this template";
        return std::nullopt;
    }
    c.application = *app;
    for (const std::string &id : {c.function, c.version, c.alias, c.group}) {
        const Json &r = resources[id];
        for (const char *attribute : {"Condition", "DependsOn"})
            if (r.contains(attribute)) {
                why = id + " has " + attribute + ", which SAM's generated resources cannot carry over";
                return std::nullopt;
            }
    }
    // Only one alias and one version per function: SAM publishes exactly one of each.
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        const std::string &id = it.key();
        const std::string type = typeOf(resources, id);
        if ((type == "AWS::Lambda::Version" && id != c.version) || (type == "AWS::Lambda::Alias" && id != c.alias)) {
            const Json &p = mapping(it.value(), "Properties");
            if (refTarget(member(p, "FunctionName")) == c.function) {
                why = c.function + " has another " + type + " (" + id + ")";
                return std::nullopt;
            }
        }
    }
    // ${Version.Version} inside Fn::Sub has no SAM form.
    const std::string needle = "${" + c.version + ".";
    if (m_root.dump().find(needle) != std::string::npos) {
        why = "a Fn::Sub string uses " + needle + "...}, which has no SAM form";
        return std::nullopt;
    }
    return c;
}

std::optional<Json> Converter::functionProperties(const Canary &c, std::string &why) const
{
    const Json &resources = m_root["Resources"];
    const Json lambda = mapping(resources[c.function], "Properties");
    Json out = Json::object();
    for (auto it = lambda.begin(); it != lambda.end(); ++it) {
        const std::string &key = it.key();
        const Json &v = it.value();
        if (sameNameProperties().count(key)) {
            out[key] = v;
        } else if (key == "Code" && v.is_object() && v.size() == 1 && v.contains("ZipFile")) {
            out["InlineCode"] = v["ZipFile"];
        } else if (key == "Code" && v.is_object() && v.size() == 1 && v.contains("ImageUri")) {
            out["ImageUri"] = v["ImageUri"];
        } else if (key == "Code" && v.is_object() && v.contains("S3Bucket") && v.contains("S3Key")) {
            Json uri = {{"Bucket", v["S3Bucket"]}, {"Key", v["S3Key"]}};
            if (v.contains("S3ObjectVersion"))
                uri["Version"] = v["S3ObjectVersion"];
            out["CodeUri"] = uri;
        } else if (key == "TracingConfig" && v.is_object() && v.size() == 1 && v.contains("Mode")) {
            out["Tracing"] = v["Mode"];
        } else if (key == "SnapStart") {
            out["SnapStart"] = v;
        } else if (key == "Tags" && v.is_array()) {
            Json tags = Json::object();
            for (const Json &t : v) {
                if (!t.is_object() || !t.contains("Key") || !t["Key"].is_string() || !t.contains("Value")) {
                    why = "a tag of " + c.function + " is not a plain Key/Value pair";
                    return std::nullopt;
                }
                tags[t["Key"].get<std::string>()] = t["Value"];
            }
            out["Tags"] = tags;
        } else {
            why = c.function + "'s property " + key + " has no SAM equivalent written by this converter";
            return std::nullopt;
        }
    }
    const Json &alias = resources[c.alias];
    const Json &aliasProps = mapping(alias, "Properties");
    for (auto it = aliasProps.begin(); it != aliasProps.end(); ++it) {
        if (it.key() != "FunctionName" && it.key() != "FunctionVersion" && it.key() != "Name") {
            why = c.alias + "'s property " + it.key() + " (SAM's alias takes only a name)";
            return std::nullopt;
        }
    }
    out["AutoPublishAlias"] = member(aliasProps, "Name");

    const Json &group = mapping(resources[c.group], "Properties");
    const Json configName = group.value("DeploymentConfigName", Json("CodeDeployDefault.LambdaAllAtOnce"));
    const std::string type = configName.is_string() ? samDeploymentType(configName.get<std::string>()) : std::string();
    if (type.empty()) {
        why = c.group + "'s DeploymentConfigName is not one of SAM's deployment types";
        return std::nullopt;
    }
    for (auto it = group.begin(); it != group.end(); ++it) {
        static const std::set<std::string> understood{"ApplicationName", "ServiceRoleArn", "DeploymentConfigName",
                                                      "DeploymentStyle", "AlarmConfiguration",
                                                      "AutoRollbackConfiguration"};
        if (!understood.count(it.key())) {
            why = c.group + "'s property " + it.key() + " has no place in a DeploymentPreference";
            return std::nullopt;
        }
    }
    Json preference = {{"Type", type}};
    if (group.contains("AlarmConfiguration")) {
        const Json &alarms = group["AlarmConfiguration"];
        if (!alarms.is_object() || alarms.value("Enabled", Json(true)) != Json(true)
            || alarms.contains("IgnorePollAlarmFailure") || !alarms.value("Alarms", Json::array()).is_array()) {
            why = c.group + "'s AlarmConfiguration is disabled or has options SAM does not take";
            return std::nullopt;
        }
        Json list = Json::array();
        for (const Json &a : alarms.value("Alarms", Json::array())) {
            if (member(a, "Name").is_null()) {
                why = c.group + " has an alarm without a Name";
                return std::nullopt;
            }
            list.push_back(a["Name"]);
        }
        if (!list.empty())
            preference["Alarms"] = list;
    }
    const Json &hook = alias["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"];
    Json hooks = Json::object();
    if (hook.contains("BeforeAllowTrafficHook"))
        hooks["PreTraffic"] = hook["BeforeAllowTrafficHook"];
    if (hook.contains("AfterAllowTrafficHook"))
        hooks["PostTraffic"] = hook["AfterAllowTrafficHook"];
    if (!hooks.empty())
        preference["Hooks"] = hooks;
    if (group.contains("ServiceRoleArn"))
        preference["Role"] = group["ServiceRoleArn"];
    // SAM's deployment group always rolls back on failure, on alarm and on request.
    const Json &rollback = mapping(group, "AutoRollbackConfiguration");
    std::set<std::string> events;
    for (const Json &e : rollback.value("Events", Json::array()))
        if (e.is_string())
            events.insert(e.get<std::string>());
    const std::set<std::string> samEvents{"DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"};
    if (rollback.value("Enabled", Json(false)) != Json(true) || events != samEvents)
        m_pendingNotes.push_back("changed: " + c.group + "'s automatic rollback becomes SAM's (on failure, on alarm "
                                 "and on request)");
    out["DeploymentPreference"] = preference;
    return out;
}

bool Converter::otherGroupUses(const std::string &application, const std::string &group) const
{
    // References from anything else are rewritten to ServerlessDeploymentApplication; only a
    // deployment group that stays needs the application to stay.
    const Json &resources = m_root["Resources"];
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (it.key() == group || typeOf(resources, it.key()) != "AWS::CodeDeploy::DeploymentGroup")
            continue;
        if (it.value().dump().find("\"" + application + "\"") != std::string::npos)
            return true;
    }
    return false;
}

void Converter::rewrite(Json &node, const std::map<std::string, Json> &refs,
                        const std::map<std::string, std::string> &subs) const
{
    if (node.is_object()) {
        if (const auto target = refTarget(node); target && refs.count("Ref:" + *target)) {
            node = refs.at("Ref:" + *target);
            return;
        }
        if (const auto ga = getAtt(node); ga && refs.count("GetAtt:" + ga->first + "." + ga->second)) {
            node = refs.at("GetAtt:" + ga->first + "." + ga->second);
            return;
        }
        if (node.size() == 1 && node.contains("Fn::Sub")) {
            Json &sub = node["Fn::Sub"];
            Json *text = sub.is_string() ? &sub : (sub.is_array() && !sub.empty() && sub[0].is_string() ? &sub[0] : nullptr);
            if (text) {
                auto parts = intrinsics::parseSub(text->get<std::string>());
                for (auto &p : parts)
                    if (p.kind == intrinsics::SubPart::Kind::Variable && subs.count(p.text))
                        p.text = subs.at(p.text);
                *text = intrinsics::formatSub(parts);
            }
        }
        for (auto it = node.begin(); it != node.end(); ++it)
            rewrite(it.value(), refs, subs);
    } else if (node.is_array()) {
        for (Json &e : node)
            rewrite(e, refs, subs);
    }
}

ServerlessConversion Converter::run()
{
    ServerlessConversion result;
    if (!m_root.contains("Resources") || !m_root["Resources"].is_object()) {
        result.root = m_root;
        return result;
    }
    std::vector<std::string> aliases;
    for (auto it = m_root["Resources"].begin(); it != m_root["Resources"].end(); ++it)
        if (typeOf(m_root["Resources"], it.key()) == "AWS::Lambda::Alias")
            aliases.push_back(it.key());
    bool applicationGone = false;
    int converted = 0;
    for (const std::string &aliasId : aliases) {
        std::string why;
        std::optional<Canary> c = match(aliasId, why);
        std::optional<Json> props;
        m_pendingNotes.clear();
        if (c)
            props = functionProperties(*c, why);
        if (!c || !props) {
            m_notes.push_back("left alone: alias " + aliasId + ": " + why);
            continue;
        }
        if (applicationGone || m_root["Resources"].contains("ServerlessDeploymentApplication")) {
            m_notes.push_back("left alone: alias " + aliasId
                              + ": SAM makes one ServerlessDeploymentApplication per template and it is taken");
            continue;
        }
        // The application can go only when nothing but the converted resources uses it.
        const bool ownsApplication = !otherGroupUses(c->application, c->group);
        const std::string aliasRef = c->function + ".Alias";
        const std::string versionRef = c->function + ".Version";
        const std::string groupId = c->function + "DeploymentGroup";
        std::map<std::string, Json> refs{
            {"Ref:" + c->alias, Json{{"Ref", aliasRef}}},
            {"Ref:" + c->version, Json{{"Ref", versionRef}}},
            {"GetAtt:" + c->version + ".Version",
             Json{{"Fn::Select", Json::array({7, Json{{"Fn::Split", Json::array({":", Json{{"Ref", versionRef}}})}}})}}},
            {"Ref:" + c->group, Json{{"Ref", groupId}}},
        };
        std::map<std::string, std::string> subs{{c->alias, aliasRef}, {c->version, versionRef}, {c->group, groupId}};
        if (ownsApplication) {
            refs["Ref:" + c->application] = Json{{"Ref", "ServerlessDeploymentApplication"}};
            subs[c->application] = "ServerlessDeploymentApplication";
        }
        Json resources = Json::object();
        for (auto it = m_root["Resources"].begin(); it != m_root["Resources"].end(); ++it) {
            const std::string &id = it.key();
            if (id == c->version || id == c->alias || id == c->group || (ownsApplication && id == c->application))
                continue;
            if (id == c->function)
                resources[id] = Json{{"Type", "AWS::Serverless::Function"}, {"Properties", *props}};
            else
                resources[id] = it.value();
        }
        m_root["Resources"] = resources;
        rewrite(m_root, refs, subs);
        applicationGone = ownsApplication;
        ++converted;
        m_notes.push_back("converted: " + c->function + " + " + c->version + " + " + c->alias + " + " + c->group
                          + (ownsApplication ? " + " + c->application : std::string())
                          + " -> AWS::Serverless::Function " + c->function + " with AutoPublishAlias and "
                          + "DeploymentPreference " + (*props)["DeploymentPreference"]["Type"].get<std::string>());
        m_notes.insert(m_notes.end(), m_pendingNotes.begin(), m_pendingNotes.end());
    }
    if (converted > 0) {
        Json &t = m_root["Transform"];
        if (t.is_null())
            t = kSamTransform;
        else if (t.is_string() && t.get<std::string>() != kSamTransform)
            t = Json::array({t, kSamTransform});
        else if (t.is_array() && std::find(t.begin(), t.end(), Json(kSamTransform)) == t.end())
            t.push_back(kSamTransform);
        // Keep Transform near the top, where readers expect it.
        Json ordered = Json::object();
        for (auto it = m_root.begin(); it != m_root.end(); ++it) {
            if (it.key() == "Transform")
                continue;
            ordered[it.key()] = it.value();
            if (it.key() == "AWSTemplateFormatVersion")
                ordered["Transform"] = t;
        }
        if (!ordered.contains("Transform"))
            ordered["Transform"] = t;
        m_root = ordered;
    }
    if (aliases.empty())
        m_notes.push_back("nothing to convert: no AWS::Lambda::Alias in the template");
    result.root = m_root;
    result.notes = m_notes;
    return result;
}

} // namespace

std::string samDeploymentType(const std::string &name)
{
    // SAM's DeploymentPreference types and the CodeDeploy configurations they stand for.
    static const std::map<std::string, std::string> table{
        {"CodeDeployDefault.LambdaCanary10Percent5Minutes", "Canary10Percent5Minutes"},
        {"CodeDeployDefault.LambdaCanary10Percent10Minutes", "Canary10Percent10Minutes"},
        {"CodeDeployDefault.LambdaCanary10Percent15Minutes", "Canary10Percent15Minutes"},
        {"CodeDeployDefault.LambdaCanary10Percent30Minutes", "Canary10Percent30Minutes"},
        {"CodeDeployDefault.LambdaLinear10PercentEvery1Minute", "Linear10PercentEvery1Minute"},
        {"CodeDeployDefault.LambdaLinear10PercentEvery2Minutes", "Linear10PercentEvery2Minutes"},
        {"CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", "Linear10PercentEvery3Minutes"},
        {"CodeDeployDefault.LambdaLinear10PercentEvery10Minutes", "Linear10PercentEvery10Minutes"},
        {"CodeDeployDefault.LambdaAllAtOnce", "AllAtOnce"},
    };
    const auto it = table.find(name);
    return it == table.end() ? std::string() : it->second;
}

ServerlessConversion convertToServerless(const Json &root) { return Converter(root).run(); }

} // namespace sc
