#include "model/rollout/timeline.h"

#include <cmath>
#include <stdexcept>

namespace sc {

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
    const TimelineSample *found = &samples.front();
    for (const auto &s : samples) {
        if (s.t > t)
            break;
        found = &s;
    }
    return *found;
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

} // namespace

Json timelineToJson(const Timeline &timeline)
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
        samples.push_back(Json{
            {"t", s.t},
            {"trafficPercent", pair(s.trafficPercent.original, s.trafficPercent.replacement)},
            {"healthy", pair(s.healthy.original, s.healthy.replacement)},
            {"instances", pair(s.instances.original, s.instances.replacement)}});
    }
    const auto &m = timeline.metrics;
    Json metrics{{"minHealthyPercent", number(m.minHealthyPercent)},
                 {"peakInstances", m.peakInstances},
                 {"downtimeSeconds", m.downtimeSeconds},
                 {"secondsToFullShift",
                  m.secondsToFullShift ? Json(*m.secondsToFullShift) : Json(nullptr)},
                 {"extraInstanceMinutes", number(m.extraInstanceMinutes)}};
    if (m.failingVersionRequestPercent)
        metrics["failingVersionRequestPercent"] = number(*m.failingVersionRequestPercent);
    return Json{{"target", timeline.target},
                {"platform", timeline.platform},
                {"strategy", timeline.strategy},
                {"result", resultName(timeline.result)},
                {"durationSeconds", m.durationSeconds},
                {"events", std::move(events)},
                {"samples", std::move(samples)},
                {"metrics", std::move(metrics)}};
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
            t.samples.push_back(sample);
        }
        const auto &m = member(json, "metrics");
        t.metrics.minHealthyPercent = member(m, "minHealthyPercent").get<double>();
        t.metrics.peakInstances = member(m, "peakInstances").get<int>();
        t.metrics.downtimeSeconds = member(m, "downtimeSeconds").get<Seconds>();
        if (m.contains("secondsToFullShift") && !m["secondsToFullShift"].is_null())
            t.metrics.secondsToFullShift = m["secondsToFullShift"].get<Seconds>();
        t.metrics.extraInstanceMinutes = m.value("extraInstanceMinutes", 0.0);
        if (m.contains("failingVersionRequestPercent"))
            t.metrics.failingVersionRequestPercent = m["failingVersionRequestPercent"].get<double>();
        return t;
    } catch (const nlohmann::json::exception &e) {
        throw std::invalid_argument(std::string("timeline JSON has a wrong type: ") + e.what());
    }
}

} // namespace sc
