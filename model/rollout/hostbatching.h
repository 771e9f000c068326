#pragma once
// CodeDeploy's minimum-healthy-hosts arithmetic for EC2/On-premises (reference §1.1-1.2): how
// many instances may be deployed at once, how many must succeed, and when a deployment can no
// longer succeed. Used for in-place deployments and for a blue/green replacement fleet.

#include "model/rollout/strategy.h"

namespace sc {

class HostBatching {
public:
    HostBatching(const MinimumHealthyHosts &minimum, int fleet);

    int fleet() const { return m_fleet; }
    int minimumHealthy() const { return m_minimum; }
    int requiredSuccesses() const;
    bool oneAtATime() const { return m_oneAtATime; }
    // The minimum equals the fleet: CodeDeploy fails at once without touching an instance.
    bool failsImmediately() const;
    // How many of `pending` instances may start now, with `failed` instances already failed.
    // 0 means the deployment cannot go on.
    int nextBatch(int failed, int pending) const;
    // Whether the deployment must stop now: a OneAtATime failure before the last instance, or
    // too few instances left to reach the required successes.
    bool mustStop(int succeeded, int failed, int pending, bool lastInstanceFailed) const;
    bool succeeded(int succeeded, int failed, bool onlyLastInstanceFailed) const;
    std::string describe() const;

private:
    int m_fleet;
    int m_minimum;
    bool m_oneAtATime;
};

} // namespace sc
