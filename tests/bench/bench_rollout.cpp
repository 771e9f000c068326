// Time to simulate large rollouts to completion: 1,000 instances one at a time (CodeDeploy
// in place, behind a load balancer) and 1,000 instances rolling (Elastic Beanstalk Rolling and
// a CloudFormation AutoScalingRollingUpdate, one instance per batch: the worst case), 1,000
// tasks deployed by ECS itself with CANARY, and an Auto Scaling instance refresh of 1,000
// instances with checkpoints. Prints the median of N runs and the size of each Timeline.

#include "model/rollout/simulator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

using namespace sc;

Scenario make(Platform platform, const std::string &strategy, int instances)
{
    Scenario s;
    s.target = "Bench";
    s.platform = platform;
    s.instances = instances;
    s.loadBalancer = true;
    s.strategy = parseStrategy(strategy, platform, defaultStrategy(platform));
    return s;
}

void measure(const char *label, const Scenario &scenario, int runs)
{
    std::vector<double> ms;
    Timeline timeline;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        timeline = simulate(scenario);
        const auto end = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-44s median %8.2f ms  (min %.2f, max %.2f, %d runs)  result %s, %zu samples, "
                "%zu events, simulated duration %lld s\n",
                label, ms[ms.size() / 2], ms.front(), ms.back(), runs, resultName(timeline.result).c_str(),
                timeline.samples.size(), timeline.events.size(),
                static_cast<long long>(timeline.metrics.durationSeconds));
}

} // namespace

int main(int argc, char **argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 21;
    measure("CodeDeploy OneAtATime in place, 1000", make(Platform::Server, "CodeDeployDefault.OneAtATime", 1000), runs);

    auto rolling = make(Platform::ElasticBeanstalk, "Rolling", 1000);
    rolling.strategy.batchSizeFixed = true;
    rolling.strategy.batchSize = 1;
    measure("Elastic Beanstalk Rolling (batch 1), 1000", rolling, runs);
    rolling.strategy.batchSizeFixed = false;
    rolling.strategy.batchSize = 10;
    measure("Elastic Beanstalk Rolling (batch 10%), 1000", rolling, runs);

    auto asg = make(Platform::AutoScaling, "AutoScalingRollingUpdate", 1000);
    asg.strategy.maxBatchSize = 1;
    asg.strategy.minInstancesInService = 999;
    asg.maxInstances = 1001;
    measure("AutoScalingRollingUpdate (batch 1), 1000", asg, runs);

    measure("ECS CANARY (ECS controller), 1000 tasks", make(Platform::Ecs, "CANARY", 1000), runs);

    auto refresh = make(Platform::AutoScaling, "InstanceRefresh", 1000);
    refresh.strategy.refresh.checkpointPercentages = {10, 50, 100};
    refresh.maxInstances = 1000;
    measure("Instance refresh, checkpoints 10/50/100, 1000", refresh, runs);
    return 0;
}
