#pragma once
// CodeDeploy lifecycle events on EC2/On-premises instances (reference §2.1): their AWS order,
// their durations from the timing model, what each does to an instance (BlockTraffic takes it
// out of the load balancer, Install puts the new revision on it, AllowTraffic puts it back),
// and where an injected failure strikes. A wave of instances runs the events in lockstep.

#include "model/rollout/hostbatching.h"
#include "model/rollout/rolloutrecorder.h"

#include <optional>
#include <string>
#include <vector>

namespace sc {

std::vector<std::string> inPlaceEvents(bool loadBalancer);
std::vector<std::string> installEvents();      // ApplicationStop ... ValidateService
std::vector<std::string> allowTrafficEvents(); // BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic
std::vector<std::string> blockTrafficEvents(); // BeforeBlockTraffic, BlockTraffic, AfterBlockTraffic

class ServerLifecycle {
public:
    ServerLifecycle(const Scenario &scenario, RolloutRecorder &recorder);

    struct Wave {
        std::vector<int> members;  // recorder indices
        std::vector<int> ordinals; // 1-based order in which they receive the revision (0: none)
    };
    struct Result {
        Seconds end = 0;
        std::vector<bool> failed; // parallel to members
        bool interrupted = false; // the alarm cutoff was reached
    };

    // Runs `events` on the wave from t. `installs` is the revision Install puts on an instance;
    // `servesAfterStart` puts an instance back in service after ApplicationStart (no load
    // balancer); `injectFailures` lets instance:K and hook:NAME strike.
    Result run(Seconds t, const Wave &wave, const std::vector<std::string> &events, Version installs,
               bool servesAfterStart, bool injectFailures);
    Seconds duration(const std::string &event) const;

    struct Waves {
        Seconds end = 0;
        bool interrupted = false;
        std::vector<int> failed;           // members that failed
        std::optional<std::string> failure; // why the deployment fails, when it does
    };
    // Deploys `events` to `members` in waves sized by the minimum healthy hosts, with
    // CodeDeploy's rules: stop as soon as success is out of reach (or, one at a time, at a
    // failure before the last instance), then require the needed successes.
    Waves runWaves(Seconds t, const std::vector<int> &members, const HostBatching &batching,
                   const std::vector<std::string> &events, Version installs, bool servesAfterStart,
                   const std::string &batchName);

private:
    // The state an event puts an instance in when it starts: BlockTraffic drains it,
    // ApplicationStop takes it out to install, the allow-traffic events register it.
    void enterEvent(Seconds t, int index, const std::string &event);
    bool failsAt(int ordinal, const std::string &event, const std::vector<std::string> &events);

    const Scenario &m_scenario;
    RolloutRecorder &m_recorder;
    bool m_hookFailureUsed = false;
};

} // namespace sc
