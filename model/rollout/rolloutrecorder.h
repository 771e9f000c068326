#pragma once
// The bookkeeping every strategy shares: the fleet (each instance or task with its version and
// whether it serves), the traffic split, the events, a sample at every change point, and the
// metrics once the rollout ends.
//
// Strategies drive it in time order. An alarm is modelled as a cutoff: anything a strategy does
// at or after the cutoff is ignored (and a step that runs across it is recorded as Stopped), so
// that the fleet is left exactly as it was when the alarm fired; the strategy then sees
// live() turn false, clears the cutoff and plays the stop or rollback from that moment.

#include "model/rollout/scenario.h"
#include "model/rollout/timeline.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

enum class Version { Original, Replacement };

struct FleetMember {
    std::string id;
    Version version = Version::Original;
    bool running = true;
    bool inService = false;
};

class RolloutRecorder {
public:
    RolloutRecorder(const Scenario &scenario, Timeline &out);

    int addInstance(Seconds t, Version version, bool inService); // returns its index
    void setInService(Seconds t, int index, bool inService);
    void setVersion(Seconds t, int index, Version version);
    void terminate(Seconds t, int index);
    const FleetMember &member(int index) const { return m_fleet[static_cast<std::size_t>(index)]; }
    int memberCount() const { return static_cast<int>(m_fleet.size()); }

    // Traffic follows healthy capacity (a load balancer spreading requests over its targets)
    // until a strategy sets it explicitly (weighted routing: alias, listener, DNS).
    void setTraffic(Seconds t, double replacementPercent);

    void event(Seconds t, const std::string &type, const std::string &name, const std::string &status,
               const std::string &subject = {}, Seconds duration = 0, const std::string &detail = {});

    void setCutoff(std::optional<Seconds> cutoff) { m_cutoff = cutoff; }
    std::optional<Seconds> cutoff() const { return m_cutoff; }
    bool live(Seconds t) const { return !m_cutoff || t < *m_cutoff; }
    void clearCutoff() { m_cutoff.reset(); }

    void markRollbackStart(Seconds t);
    void finish(Seconds end, DeploymentResult result);

private:
    void touch(Seconds t);
    TimelineSample current(Seconds t) const;

    const Scenario &m_scenario;
    Timeline &m_out;
    std::vector<FleetMember> m_fleet;
    VersionCount m_running;
    VersionCount m_healthy;
    std::optional<double> m_explicitTraffic;
    std::optional<Seconds> m_cutoff;
    std::optional<Seconds> m_rollbackStart;
    std::string m_idPrefix;
};

} // namespace sc
