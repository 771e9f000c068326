#pragma once
// What instances, tasks and hook functions cost, from a price table: on-demand EC2 prices per
// instance type, Fargate per vCPU and GB, Lambda per GB-second and request, in one Region, with
// the date they were read and the page each was read from. The built-in table is the data file
// model/rollout/data/prices.json compiled in; a user's own file of the same shape replaces it
// (simulate --prices FILE).

#include "model/rollout/scenario.h"

#include <map>
#include <optional>
#include <string>

namespace sc {

class PriceTable {
public:
    static const PriceTable &builtIn();
    // Throws std::invalid_argument naming the member that is missing or of the wrong type.
    static PriceTable fromJson(const Json &json);

    const std::string &region() const { return m_region; }
    const std::string &readOn() const { return m_readOn; }
    std::optional<UnitPrice> ec2(const std::string &instanceType) const;
    UnitPrice fargateTask(double vcpu, double gb) const;
    UnitPrice lambdaHook(int memoryMb) const;

private:
    std::string basis(const std::string &what) const;

    std::string m_region;
    std::string m_readOn;
    std::map<std::string, double> m_ec2;
    double m_fargateVcpuHour = 0;
    double m_fargateGbHour = 0;
    double m_lambdaGbSecond = 0;
    double m_lambdaRequest = 0;
};

} // namespace sc
