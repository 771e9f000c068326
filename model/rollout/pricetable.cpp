#include "model/rollout/pricetable.h"

#include <cstdio>
#include <stdexcept>

namespace sc::pricedata {
extern const char *const kBuiltInPrices;
} // namespace sc::pricedata

namespace sc {

namespace {

const Json &need(const Json &object, const char *key, const std::string &where)
{
    if (!object.is_object() || !object.contains(key))
        throw std::invalid_argument("price table: " + where + " needs \"" + key + '"');
    return object.at(key);
}

double amount(const Json &object, const char *key, const std::string &where)
{
    const Json &v = need(object, key, where);
    if (!v.is_number() || v.get<double>() < 0)
        throw std::invalid_argument("price table: " + where + '.' + key + " must be a number of at least 0");
    return v.get<double>();
}

std::string text(const Json &object, const char *key)
{
    const Json &v = need(object, key, "the table");
    if (!v.is_string())
        throw std::invalid_argument(std::string("price table: \"") + key + "\" must be a string");
    return v.get<std::string>();
}

std::string decimal(double v)
{
    char out[32];
    std::snprintf(out, sizeof out, "%g", v);
    return out;
}

} // namespace

const PriceTable &PriceTable::builtIn()
{
    static const PriceTable table = fromJson(Json::parse(pricedata::kBuiltInPrices));
    return table;
}

PriceTable PriceTable::fromJson(const Json &json)
{
    PriceTable t;
    t.m_region = text(json, "region");
    t.m_readOn = text(json, "readOn");
    const Json &ec2 = need(json, "ec2LinuxPerHour", "the table");
    if (!ec2.is_object())
        throw std::invalid_argument("price table: \"ec2LinuxPerHour\" must map instance types to prices");
    for (const auto &[type, entry] : ec2.items())
        t.m_ec2[type] = amount(entry, "usd", "ec2LinuxPerHour." + type);
    const Json &fargate = need(json, "fargateLinuxX86", "the table");
    t.m_fargateVcpuHour = amount(fargate, "usdPerVcpuHour", "fargateLinuxX86");
    t.m_fargateGbHour = amount(fargate, "usdPerGbHour", "fargateLinuxX86");
    const Json &lambda = need(json, "lambdaX86", "the table");
    t.m_lambdaGbSecond = amount(lambda, "usdPerGbSecond", "lambdaX86");
    t.m_lambdaRequest = amount(lambda, "usdPerRequest", "lambdaX86");
    return t;
}

std::string PriceTable::basis(const std::string &what) const
{
    return what + ", on demand, " + m_region + ", prices read " + m_readOn;
}

std::optional<UnitPrice> PriceTable::ec2(const std::string &instanceType) const
{
    const auto it = m_ec2.find(instanceType);
    if (it == m_ec2.end())
        return std::nullopt;
    UnitPrice p;
    p.usdPerUnitHour = it->second;
    p.basis = basis(instanceType + " at $" + decimal(it->second) + "/h");
    return p;
}

UnitPrice PriceTable::fargateTask(double vcpu, double gb) const
{
    UnitPrice p;
    p.usdPerUnitHour = vcpu * m_fargateVcpuHour + gb * m_fargateGbHour;
    p.basis = basis("Fargate task of " + decimal(vcpu) + " vCPU and " + decimal(gb) + " GB at $" +
                    decimal(p.usdPerUnitHour) + "/h");
    return p;
}

UnitPrice PriceTable::lambdaHook(int memoryMb) const
{
    UnitPrice p;
    p.usdPerRequest = m_lambdaRequest;
    p.usdPerInvocationSecond = memoryMb / 1024.0 * m_lambdaGbSecond;
    p.basis = basis("hook functions of " + std::to_string(memoryMb) + " MB");
    return p;
}

} // namespace sc
