#include "model/rollout/timeline.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace sc {

std::string unitStateName(UnitState state)
{
    switch (state) {
    case UnitState::Pending: return "Pending";
    case UnitState::PendingWait: return "Pending:Wait";
    case UnitState::Installing: return "Installing";
    case UnitState::Idle: return "Idle";
    case UnitState::InService: return "InService";
    case UnitState::Draining: return "Draining";
    case UnitState::TerminatingWait: return "Terminating:Wait";
    case UnitState::Terminated: return "Terminated";
    case UnitState::Failed: return "Failed";
    }
    return "Failed";
}

std::string unitKindName(UnitKind kind)
{
    switch (kind) {
    case UnitKind::Instance: return "Instance";
    case UnitKind::Task: return "Task";
    case UnitKind::FunctionVersion: return "FunctionVersion";
    case UnitKind::Record: return "Record";
    }
    return "Instance";
}

std::string versionName(Version version)
{
    return version == Version::Original ? "original" : "replacement";
}

const UnitTransition *UnitTrack::at(Seconds t) const
{
    const auto after = std::upper_bound(transitions.begin(), transitions.end(), t,
                                        [](Seconds x, const UnitTransition &u) { return x < u.t; });
    return after == transitions.begin() ? nullptr : &*(after - 1);
}

const UnitTrack *Timeline::unit(const std::string &id) const
{
    for (const auto &u : units) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

std::vector<TileCount> tilesAt(const Timeline &timeline, Seconds t)
{
    std::map<std::tuple<int, int, int>, int> counts;
    for (const auto &u : timeline.units) {
        if (const UnitTransition *now = u.at(t))
            ++counts[{static_cast<int>(u.kind), static_cast<int>(now->version), static_cast<int>(now->state)}];
    }
    std::vector<TileCount> out;
    for (const auto &[key, n] : counts) {
        out.push_back({static_cast<UnitKind>(std::get<0>(key)), static_cast<Version>(std::get<1>(key)),
                       static_cast<UnitState>(std::get<2>(key)), n});
    }
    return out;
}

std::string resultName(DeploymentResult result)
{
    switch (result) {
    case DeploymentResult::Succeeded: return "Succeeded";
    case DeploymentResult::Failed: return "Failed";
    case DeploymentResult::RolledBack: return "RolledBack";
    case DeploymentResult::Stopped: return "Stopped";
    }
    return "Failed";
}

DeploymentResult deploymentResultFromString(const std::string &text)
{
    for (auto r : {DeploymentResult::Succeeded, DeploymentResult::Failed,
                   DeploymentResult::RolledBack, DeploymentResult::Stopped}) {
        if (resultName(r) == text)
            return r;
    }
    throw std::invalid_argument("unknown deployment result \"" + text + '"');
}

const TimelineSample &Timeline::sampleAt(Seconds t) const
{
    if (samples.empty())
        throw std::logic_error("timeline has no samples");
    const auto after = std::upper_bound(samples.begin(), samples.end(), t,
                                        [](Seconds x, const TimelineSample &s) { return x < s.t; });
    return after == samples.begin() ? samples.front() : *(after - 1);
}

std::vector<const TimelineEvent *> Timeline::eventsNamed(const std::string &name) const
{
    std::vector<const TimelineEvent *> out;
    for (const auto &e : events) {
        if (e.name == name)
            out.push_back(&e);
    }
    return out;
}

namespace {

// Whole numbers are written as integers so that the JSON reads like the documented example;
// fractions (a 1/256 Route 53 weight, 66.67 % healthy) keep two decimals.
Json number(double value)
{
    const double rounded = std::round(value);
    if (std::fabs(value - rounded) < 1e-9)
        return static_cast<std::int64_t>(rounded);
    return std::round(value * 100.0) / 100.0;
}

// Costs keep four decimals: a short deployment of a few instances costs fractions of a cent.
Json cents(double usd)
{
    return std::round(usd * 10000.0) / 10000.0;
}

Json pair(double original, double replacement)
{
    return Json{{"original", number(original)}, {"replacement", number(replacement)}};
}

const Json &member(const Json &object, const char *key)
{
    if (!object.is_object() || !object.contains(key))
        throw std::invalid_argument(std::string("timeline JSON lacks \"") + key + '"');
    return object.at(key);
}

VersionCount countFrom(const Json &j)
{
    return {member(j, "original").get<int>(), member(j, "replacement").get<int>()};
}

Json unitsToJson(const std::vector<UnitTrack> &units)
{
    Json out = Json::array();
    for (const auto &u : units) {
        Json transitions = Json::array();
        for (const auto &tr : u.transitions)
            transitions.push_back(Json{{"t", tr.t}, {"version", versionName(tr.version)},
                                       {"state", unitStateName(tr.state)}});
        Json unit{{"id", u.id}, {"kind", unitKindName(u.kind)}, {"transitions", std::move(transitions)}};
        if (u.zone > 0)
            unit["zone"] = u.zone;
        out.push_back(std::move(unit));
    }
    return out;
}

template<typename Enum, typename Name>
Enum enumNamed(const std::string &text, Name name, int count, const char *what)
{
    for (int i = 0; i < count; ++i) {
        if (name(static_cast<Enum>(i)) == text)
            return static_cast<Enum>(i);
    }
    throw std::invalid_argument(std::string("unknown ") + what + " \"" + text + '"');
}

std::vector<UnitTrack> unitsFromJson(const Json &json)
{
    std::vector<UnitTrack> units;
    for (const auto &u : json) {
        UnitTrack track;
        track.id = member(u, "id").get<std::string>();
        track.kind = enumNamed<UnitKind>(member(u, "kind").get<std::string>(), unitKindName, 4, "unit kind");
        track.zone = u.value("zone", 0);
        for (const auto &tr : member(u, "transitions")) {
            track.transitions.push_back(
                {member(tr, "t").get<Seconds>(),
                 enumNamed<Version>(member(tr, "version").get<std::string>(), versionName, 2, "version"),
                 enumNamed<UnitState>(member(tr, "state").get<std::string>(), unitStateName, 9, "unit state")});
        }
        units.push_back(std::move(track));
    }
    return units;
}

} // namespace

Json timelineToJson(const Timeline &timeline, const TimelineJsonOptions &options)
{
    Json events = Json::array();
    for (const auto &e : timeline.events) {
        Json j{{"t", e.t}, {"type", e.type}, {"name", e.name}, {"status", e.status}};
        if (!e.subject.empty())
            j["subject"] = e.subject;
        if (e.durationSeconds != 0)
            j["durationSeconds"] = e.durationSeconds;
        if (!e.detail.empty())
            j["detail"] = e.detail;
        events.push_back(std::move(j));
    }
    Json samples = Json::array();
    for (const auto &s : timeline.samples) {
        Json j{{"t", s.t},
               {"trafficPercent", pair(s.trafficPercent.original, s.trafficPercent.replacement)},
               {"healthy", pair(s.healthy.original, s.healthy.replacement)},
               {"instances", pair(s.instances.original, s.instances.replacement)}};
        if (s.testTrafficPercent)
            j["testTrafficPercent"] = pair(s.testTrafficPercent->original, s.testTrafficPercent->replacement);
        samples.push_back(std::move(j));
    }
    const auto &m = timeline.metrics;
    Json metrics{{"minHealthyPercent", number(m.minHealthyPercent)},
                 {"peakInstances", m.peakInstances},
                 {"downtimeSeconds", m.downtimeSeconds},
                 {"secondsToFullShift",
                  m.secondsToFullShift ? Json(*m.secondsToFullShift) : Json(nullptr)},
                 {"instanceMinutes", pair(m.instanceMinutes.original, m.instanceMinutes.replacement)},
                 {"extraInstanceMinutes", number(m.extraInstanceMinutes)},
                 {"estimatedCostUsd", m.estimatedCostUsd ? cents(*m.estimatedCostUsd) : Json(nullptr)},
                 {"extraCostUsd", m.extraCostUsd ? cents(*m.extraCostUsd) : Json(nullptr)}};
    if (m.failingVersionRequestPercent)
        metrics["failingVersionRequestPercent"] = number(*m.failingVersionRequestPercent);
    Json out{{"target", timeline.target},
             {"platform", timeline.platform},
             {"strategy", timeline.strategy},
             {"result", resultName(timeline.result)},
             {"durationSeconds", m.durationSeconds},
             {"events", std::move(events)},
             {"samples", std::move(samples)},
             {"metrics", std::move(metrics)}};
    if (options.units)
        out["units"] = unitsToJson(timeline.units);
    return out;
}

Timeline timelineFromJson(const Json &json)
{
    try {
        Timeline t;
        t.target = member(json, "target").get<std::string>();
        t.platform = member(json, "platform").get<std::string>();
        t.strategy = member(json, "strategy").get<std::string>();
        t.result = deploymentResultFromString(member(json, "result").get<std::string>());
        t.metrics.durationSeconds = member(json, "durationSeconds").get<Seconds>();
        for (const auto &e : member(json, "events")) {
            TimelineEvent ev;
            ev.t = member(e, "t").get<Seconds>();
            ev.type = member(e, "type").get<std::string>();
            ev.name = member(e, "name").get<std::string>();
            ev.status = member(e, "status").get<std::string>();
            ev.subject = e.value("subject", std::string());
            ev.durationSeconds = e.value("durationSeconds", Seconds(0));
            ev.detail = e.value("detail", std::string());
            t.events.push_back(std::move(ev));
        }
        for (const auto &s : member(json, "samples")) {
            TimelineSample sample;
            sample.t = member(s, "t").get<Seconds>();
            const auto &traffic = member(s, "trafficPercent");
            sample.trafficPercent = {member(traffic, "original").get<double>(),
                                     member(traffic, "replacement").get<double>()};
            sample.healthy = countFrom(member(s, "healthy"));
            sample.instances = countFrom(member(s, "instances"));
            if (s.contains("testTrafficPercent")) {
                const auto &test = s["testTrafficPercent"];
                sample.testTrafficPercent = VersionShare{member(test, "original").get<double>(),
                                                         member(test, "replacement").get<double>()};
            }
            t.samples.push_back(sample);
        }
        const auto &m = member(json, "metrics");
        t.metrics.minHealthyPercent = member(m, "minHealthyPercent").get<double>();
        t.metrics.peakInstances = member(m, "peakInstances").get<int>();
        t.metrics.downtimeSeconds = member(m, "downtimeSeconds").get<Seconds>();
        if (m.contains("secondsToFullShift") && !m["secondsToFullShift"].is_null())
            t.metrics.secondsToFullShift = m["secondsToFullShift"].get<Seconds>();
        t.metrics.extraInstanceMinutes = m.value("extraInstanceMinutes", 0.0);
        if (m.contains("instanceMinutes")) {
            const auto &minutes = m["instanceMinutes"];
            t.metrics.instanceMinutes = {member(minutes, "original").get<double>(),
                                         member(minutes, "replacement").get<double>()};
        }
        if (m.contains("estimatedCostUsd") && !m["estimatedCostUsd"].is_null())
            t.metrics.estimatedCostUsd = m["estimatedCostUsd"].get<double>();
        if (m.contains("extraCostUsd") && !m["extraCostUsd"].is_null())
            t.metrics.extraCostUsd = m["extraCostUsd"].get<double>();
        if (json.contains("units"))
            t.units = unitsFromJson(json["units"]);
        if (m.contains("failingVersionRequestPercent"))
            t.metrics.failingVersionRequestPercent = m["failingVersionRequestPercent"].get<double>();
        return t;
    } catch (const nlohmann::json::exception &e) {
        throw std::invalid_argument(std::string("timeline JSON has a wrong type: ") + e.what());
    }
}

} // namespace sc
