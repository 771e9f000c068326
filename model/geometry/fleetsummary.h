#pragma once
// What an Elastic Beanstalk environment runs, in a line for its card's fleet strip: "ALB + ASG
// 2..6 instances · t3.small", "SQS daemon + ASG 1..4 instances", "Single instance". Read from the
// environment's option settings merged with those of its configuration template (TemplateName,
// by Ref or by name; the environment's own settings win), with Beanstalk's documented defaults
// for what neither sets.

#include "model/template/json.h"

#include <string>

namespace sc {

// "" for anything that is not an Elastic Beanstalk environment.
std::string fleetSummary(const Json &root, const std::string &logicalId);

} // namespace sc
