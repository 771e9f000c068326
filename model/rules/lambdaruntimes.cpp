#include "model/rules/lambdaruntimes.h"

#include <algorithm>

namespace sc {

namespace {

// Sources, read 2026-12-05:
// - Identifiers and the dates of deprecated runtimes: the data AWS's own CloudFormation validator
//   embeds (@aws/cloudformation-validate 1.14.0, inside the npm package aws-cdk-lib 2.276.0 that
//   tests/aws installs: its enumeration of Runtime and its W2531/E2531/E2533 deprecation
//   findings, read off one template per identifier), which follows the tables of the AWS Lambda
//   Developer Guide, "Lambda runtimes"
//   (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html).
// - Projected dates of runtimes not yet deprecated (nodejs22.x, nodejs24.x, python3.14): the
//   "Supported runtimes" table of that page. AWS says such dates are for planning and may move
//   (it moved the blocking dates of several runtimes to 2027); dates it has not published are
//   left empty.
const std::vector<LambdaRuntime> kRuntimes = {
    {"dotnet10", "", "", "", ""},
    {"dotnet6", "2024-12-20", "2027-02-01", "2027-03-03", "dotnet10"},
    {"dotnet8", "", "", "", ""},
    {"dotnetcore1.0", "2019-06-27", "2019-06-30", "2019-07-30", "dotnet10"},
    {"dotnetcore2.0", "2019-05-30", "2019-04-30", "2019-05-30", "dotnet10"},
    {"dotnetcore2.1", "2022-01-05", "2022-01-05", "2022-04-13", "dotnet10"},
    {"dotnetcore3.1", "2023-04-03", "2023-04-03", "2023-05-03", "dotnet10"},
    {"go1.x", "2024-01-08", "2024-02-08", "2027-03-03", "provided.al2023"},
    {"java11", "", "", "", ""},
    {"java11.al2023", "", "", "", ""},
    {"java17", "", "", "", ""},
    {"java17.al2023", "", "", "", ""},
    {"java21", "", "", "", ""},
    {"java25", "", "", "", ""},
    {"java8", "2024-01-08", "2024-02-08", "2027-03-03", "java25"},
    {"java8.al2", "", "", "", ""},
    {"java8.al2023", "", "", "", ""},
    {"nodejs", "2016-08-30", "2016-09-30", "2016-10-31", "nodejs24.x"},
    {"nodejs10.x", "2021-07-30", "2021-07-30", "2022-02-14", "nodejs24.x"},
    {"nodejs12.x", "2023-03-31", "2023-03-31", "2023-04-30", "nodejs24.x"},
    {"nodejs14.x", "2023-12-04", "2024-01-09", "2027-03-03", "nodejs24.x"},
    {"nodejs16.x", "2024-06-12", "2027-02-01", "2027-03-03", "nodejs24.x"},
    {"nodejs18.x", "2025-09-01", "2027-02-01", "2027-03-03", "nodejs24.x"},
    {"nodejs20.x", "2026-04-30", "2027-02-01", "2027-03-03", "nodejs24.x"},
    {"nodejs22.x", "2027-04-30", "2027-06-01", "2027-07-01", "nodejs24.x"},
    {"nodejs24.x", "2028-04-30", "2028-06-01", "2028-07-01", ""},
    {"nodejs26.x", "", "", "", ""},
    {"nodejs4.3", "2020-03-05", "2020-02-03", "2020-03-05", "nodejs24.x"},
    {"nodejs4.3-edge", "2020-03-05", "2019-03-31", "2019-04-30", "nodejs24.x"},
    {"nodejs6.10", "2019-08-12", "2019-07-12", "2019-08-12", "nodejs24.x"},
    {"nodejs8.10", "2020-03-06", "2020-02-04", "2020-03-06", "nodejs24.x"},
    {"provided", "2024-01-08", "2024-02-08", "2027-03-03", "provided.al2023"},
    {"provided.al2", "2026-07-31", "2027-02-01", "2027-03-03", "provided.al2023"},
    {"provided.al2023", "", "", "", ""},
    {"python2.7", "2021-07-15", "2021-07-15", "2022-05-30", "python3.14"},
    {"python3.10", "", "", "", ""},
    {"python3.11", "", "", "", ""},
    {"python3.12", "", "", "", ""},
    {"python3.13", "", "", "", ""},
    {"python3.14", "2029-06-30", "2029-07-31", "2029-08-31", ""},
    {"python3.15", "", "", "", ""},
    {"python3.6", "2022-07-18", "2022-07-18", "2022-08-29", "python3.14"},
    {"python3.7", "2023-12-04", "2024-01-09", "2027-03-03", "python3.14"},
    {"python3.8", "2024-10-14", "2027-02-01", "2027-03-03", "python3.14"},
    {"python3.9", "2025-12-15", "2027-02-01", "2027-03-03", "python3.14"},
    {"ruby2.5", "2021-07-30", "2021-07-30", "2022-03-31", "ruby4.0"},
    {"ruby2.7", "2023-12-07", "2024-01-09", "2027-03-03", "ruby4.0"},
    {"ruby3.2", "2026-03-31", "2027-02-01", "2027-03-03", "ruby4.0"},
    {"ruby3.3", "", "", "", ""},
    {"ruby3.4", "", "", "", ""},
    {"ruby4.0", "", "", "", ""},
};

bool reached(std::string_view date, std::string_view today)
{
    return !date.empty() && date <= today;
}

} // namespace

const std::vector<LambdaRuntime> &lambdaRuntimes()
{
    return kRuntimes;
}

const LambdaRuntime *findLambdaRuntime(std::string_view id)
{
    const auto it = std::find_if(kRuntimes.begin(), kRuntimes.end(), [id](const LambdaRuntime &r) { return r.id == id; });
    return it == kRuntimes.end() ? nullptr : &*it;
}

std::string_view lambdaRuntimeSource()
{
    return "AWS's Lambda runtime list, read 2026-12-05";
}

RuntimeStage lambdaRuntimeStage(const LambdaRuntime &runtime, std::string_view date)
{
    if (reached(runtime.updateBlock, date))
        return RuntimeStage::UpdateBlocked;
    if (reached(runtime.createBlock, date))
        return RuntimeStage::CreateBlocked;
    if (reached(runtime.deprecated, date))
        return RuntimeStage::Deprecated;
    return RuntimeStage::Supported;
}

} // namespace sc
