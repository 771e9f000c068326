#pragma once
// sam --serverless: turns a plain Lambda canary (AWS::Lambda::Function + Version + Alias with
// UpdatePolicy.CodeDeployLambdaAliasUpdate + a CodeDeploy Lambda deployment group) into one
// AWS::Serverless::Function with AutoPublishAlias and DeploymentPreference (Type, Alarms, Hooks,
// Role), rewriting references to the removed resources into SAM's forms (Function.Alias,
// Function.Version, <Function>DeploymentGroup, ServerlessDeploymentApplication). Anything it cannot
// convert without changing meaning is left as it is, with a note saying why.

#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

struct ServerlessConversion {
    Json root;                      // the converted template
    std::vector<std::string> notes; // what was converted and what was left alone, and why
};

ServerlessConversion convertToServerless(const Json &root);

// "CodeDeployDefault.LambdaCanary10Percent5Minutes" -> "Canary10Percent5Minutes"; empty when the
// name is not one of the predefined Lambda configurations SAM accepts.
std::string samDeploymentType(const std::string &deploymentConfigName);

} // namespace sc
