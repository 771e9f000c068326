#pragma once
// The bookkeeping every strategy shares: the fleet (each instance or task with its version and
// state), the traffic split, the events, a sample at every change point, one track per unit,
// and the metrics once the rollout ends. Samples and unit tracks are written by the same calls,
// so the tiles a view counts at any time always agree with the sample in force.
//
// Strategies drive it in time order. An interruption (a watched alarm, an operator's stop or
// rollback request) is modelled as a cutoff: anything a strategy does at or after the cutoff is
// ignored (and a step that runs across it is recorded as Stopped), so that the fleet is left
// exactly as it was when the interruption came; the strategy then sees live() turn false, and
// plays the stop or rollback from that moment (see interrupt() in rolloutstrategies.h).

#include "model/rollout/scenario.h"
#include "model/rollout/timeline.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

struct FleetMember {
    std::string id;
    Version version = Version::Original;
    UnitState state = UnitState::InService;
    bool running() const { return state != UnitState::Terminated; }
    bool inService() const { return state == UnitState::InService; }
};

// Why the cutoff came.
struct Interruption {
    enum class Kind { Alarm, StopRequest, RollbackRequest };
    Kind kind = Kind::Alarm;
    Seconds at = 0;
};

class RolloutRecorder {
public:
    RolloutRecorder(const Scenario &scenario, Timeline &out);

    // Fleet units (instances or tasks). Returns the index, or -1 after the cutoff.
    int addInstance(Seconds t, Version version, bool inService);
    int addInstance(Seconds t, Version version, UnitState state);
    void setState(Seconds t, int index, UnitState state);
    void setInService(Seconds t, int index, bool inService); // InService, or Idle
    void setVersion(Seconds t, int index, Version version);
    void terminate(Seconds t, int index);
    void setZone(int index, int zone); // where a zonal deployment places it (1-based)
    const FleetMember &member(int index) const { return m_fleet[static_cast<std::size_t>(index)]; }
    int memberCount() const { return static_cast<int>(m_fleet.size()); }

    // Endpoints that receive traffic but are not counted as fleet (Lambda versions, weighted
    // records): one per version, InService while they receive traffic, Idle otherwise.
    void addEndpoints(UnitKind kind, const std::string &originalId, const std::string &replacementId);
    void failEndpoint(Seconds t, Version version);

    // Traffic follows healthy capacity (a load balancer spreading requests over its targets)
    // until a strategy sets it explicitly (weighted routing: alias, listener, DNS).
    void setTraffic(Seconds t, double replacementPercent);
    // Test traffic (ECS test listener): where it goes, in percent to the replacement.
    void setTestTraffic(Seconds t, double replacementPercent);

    void event(Seconds t, const std::string &type, const std::string &name, const std::string &status,
               const std::string &subject = {}, Seconds duration = 0, const std::string &detail = {});

    void setInterruption(std::optional<Interruption> interruption);
    const std::optional<Interruption> &interruption() const { return m_interruption; }
    std::optional<Seconds> cutoff() const { return m_cutoff; }
    bool live(Seconds t) const { return !m_cutoff || t < *m_cutoff; }
    void clearCutoff() { m_cutoff.reset(); }

    void markRollbackStart(Seconds t);
    void finish(Seconds end, DeploymentResult result);

private:
    void touch(Seconds t);
    void track(Seconds t, std::size_t unit, Version version, UnitState state);
    void applyEndpointTraffic(Seconds t);
    TimelineSample current(Seconds t) const;

    const Scenario &m_scenario;
    Timeline &m_out;
    std::vector<FleetMember> m_fleet;
    std::vector<std::size_t> m_fleetUnits; // index into m_out.units, parallel to m_fleet
    std::vector<std::size_t> m_endpointUnits; // original, replacement
    VersionCount m_running;
    VersionCount m_healthy;
    std::optional<double> m_explicitTraffic;
    std::optional<double> m_testTraffic;
    std::optional<Seconds> m_cutoff;
    std::optional<Interruption> m_interruption;
    std::optional<Seconds> m_rollbackStart;
    std::string m_idPrefix;
    UnitKind m_fleetKind;
};

} // namespace sc
