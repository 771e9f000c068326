#pragma once
// Small helpers shared by the rollout tests: scenarios by hand, and questions asked of a
// Timeline (wave sizes, lowest healthy count, traffic at a time) plus its invariants.

#include "model/rollout/simulator.h"

#include <QTest>

#include <algorithm>
#include <map>

namespace sc::test {

inline Scenario scenario(Platform platform, const std::string &strategy, int instances)
{
    Scenario s;
    s.target = "Target";
    s.platform = platform;
    s.instances = instances;
    s.strategy = parseStrategy(strategy, platform, defaultStrategy(platform));
    return s;
}

// How many instances ran `event` at each start time, in time order (Skipped ones excluded).
inline std::vector<int> waveSizes(const Timeline &t, const std::string &event = "Install")
{
    std::map<Seconds, int> waves;
    for (const auto &e : t.events) {
        if (e.type == "LifecycleEvent" && e.name == event && e.status != "Skipped")
            ++waves[e.t];
    }
    std::vector<int> sizes;
    for (const auto &[time, n] : waves)
        sizes.push_back(n);
    return sizes;
}

inline int lowestHealthy(const Timeline &t)
{
    int low = 1 << 30;
    for (const auto &s : t.samples)
        low = std::min(low, s.healthy.total());
    return low;
}

inline int highestInstances(const Timeline &t)
{
    int high = 0;
    for (const auto &s : t.samples)
        high = std::max(high, s.instances.total());
    return high;
}

inline double newTraffic(const Timeline &t, Seconds at)
{
    return t.sampleAt(at).trafficPercent.replacement;
}

inline Seconds firstEvent(const Timeline &t, const std::string &type, const std::string &name)
{
    for (const auto &e : t.events) {
        if (e.type == type && e.name == name)
            return e.t;
    }
    return -1;
}

inline bool hasEvent(const Timeline &t, const std::string &name, const std::string &status = {})
{
    return std::any_of(t.events.begin(), t.events.end(), [&](const TimelineEvent &e) {
        return e.name == name && (status.empty() || e.status == status);
    });
}

// The tiles a view draws at a sample time, counted from the unit tracks, are the sample:
// running units per version are its instances, InService ones its healthy capacity.
inline void checkTilesAgreeWithSamples(const Timeline &t)
{
    for (const auto &u : t.units) {
        QVERIFY2(!u.transitions.empty(), u.id.c_str());
        for (std::size_t i = 1; i < u.transitions.size(); ++i) {
            QVERIFY2(u.transitions[i - 1].t < u.transitions[i].t, "unit transitions in strictly increasing time");
            QVERIFY2(!(u.transitions[i - 1].state == u.transitions[i].state &&
                       u.transitions[i - 1].version == u.transitions[i].version),
                     "a transition is written only when something changes");
            QVERIFY2(u.transitions[i - 1].state != UnitState::Terminated, "nothing follows Terminated");
        }
    }
    for (const auto &s : t.samples) {
        VersionCount running;
        VersionCount healthy;
        for (const auto &tile : tilesAt(t, s.t)) {
            if (tile.kind != UnitKind::Instance && tile.kind != UnitKind::Task)
                continue;
            int &r = tile.version == Version::Original ? running.original : running.replacement;
            int &h = tile.version == Version::Original ? healthy.original : healthy.replacement;
            if (tile.state != UnitState::Terminated)
                r += tile.count;
            if (tile.state == UnitState::InService)
                h += tile.count;
        }
        const std::string at = "at t=" + std::to_string(s.t);
        QVERIFY2(running == s.instances, ("running tiles differ from the sample " + at).c_str());
        QVERIFY2(healthy == s.healthy, ("in-service tiles differ from the sample " + at).c_str());
    }
}

// What every timeline must satisfy, whatever the strategy.
inline void checkInvariants(const Timeline &t)
{
    QVERIFY(!t.samples.empty());
    QCOMPARE(t.samples.front().t, Seconds(0));
    for (std::size_t i = 1; i < t.samples.size(); ++i) {
        QVERIFY2(t.samples[i - 1].t < t.samples[i].t, "samples in strictly increasing time");
        QVERIFY2(!(t.samples[i - 1].trafficPercent == t.samples[i].trafficPercent &&
                   t.samples[i - 1].healthy == t.samples[i].healthy &&
                   t.samples[i - 1].instances == t.samples[i].instances),
                 "a sample is written only when something changes");
    }
    for (std::size_t i = 1; i < t.events.size(); ++i)
        QVERIFY2(t.events[i - 1].t <= t.events[i].t, "events in time order");
    for (const auto &s : t.samples) {
        QVERIFY(s.healthy.original >= 0 && s.healthy.replacement >= 0);
        QVERIFY(s.healthy.original <= s.instances.original);
        QVERIFY(s.healthy.replacement <= s.instances.replacement);
        const double sum = s.trafficPercent.original + s.trafficPercent.replacement;
        QVERIFY2(std::abs(sum - 100) < 1e-6 || sum == 0, "traffic adds up to 100 % (or 0 in downtime)");
        QVERIFY(s.t <= t.metrics.durationSeconds);
    }
    checkTilesAgreeWithSamples(t);
}

} // namespace sc::test
