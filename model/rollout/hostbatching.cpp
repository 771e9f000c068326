#include "model/rollout/hostbatching.h"

#include <algorithm>

namespace sc {

HostBatching::HostBatching(const MinimumHealthyHosts &minimum, int fleet)
    : m_fleet(fleet)
    , m_minimum(0)
    , m_oneAtATime(minimum.type == MinimumHealthyHosts::Type::OneAtATime)
{
    switch (minimum.type) {
    case MinimumHealthyHosts::Type::OneAtATime:
        m_minimum = std::max(0, fleet - 1);
        break;
    case MinimumHealthyHosts::Type::HostCount:
        m_minimum = minimum.value;
        break;
    case MinimumHealthyHosts::Type::FleetPercent:
        // A percentage becomes a count at deployment start, rounding up.
        m_minimum = (fleet * minimum.value + 99) / 100;
        break;
    }
}

int HostBatching::requiredSuccesses() const
{
    if (m_oneAtATime)
        return m_fleet;
    // At least one instance must succeed even when the minimum is 0.
    return std::max(1, m_minimum);
}

bool HostBatching::failsImmediately() const
{
    return !m_oneAtATime && m_minimum >= m_fleet;
}

int HostBatching::nextBatch(int failed, int pending) const
{
    if (m_oneAtATime)
        return std::min(1, pending);
    return std::max(0, std::min(pending, m_fleet - failed - m_minimum));
}

bool HostBatching::mustStop(int succeeded, int failed, int pending, bool lastInstanceFailed) const
{
    if (m_oneAtATime)
        return failed > 0 && !(lastInstanceFailed && m_fleet > 1);
    return succeeded + pending < requiredSuccesses();
}

bool HostBatching::succeeded(int succeeded, int failed, bool onlyLastInstanceFailed) const
{
    if (m_oneAtATime)
        return failed == 0 || (failed == 1 && onlyLastInstanceFailed && m_fleet > 1);
    return succeeded >= requiredSuccesses();
}

std::string HostBatching::describe() const
{
    if (m_oneAtATime)
        return "one instance at a time; every instance must succeed except the last";
    return "minimum healthy " + std::to_string(m_minimum) + " of " + std::to_string(m_fleet) +
           ": up to " + std::to_string(std::max(0, m_fleet - m_minimum)) +
           " at a time; success needs " + std::to_string(requiredSuccesses());
}

} // namespace sc
