#pragma once
// Writes one CloudFormation template as a CDK v2 TypeScript stack class: every section carried,
// every resource a top-level L1 construct whose construct id is its logical ID, in an order where
// every variable is defined before it is used.

#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

struct CdkStackSource {
    std::string code;              // the lib/<stack>.ts file
    std::string className;         // "LambdaCanaryStack"
    std::vector<std::string> notes; // what could not be written the CDK way, for the user
};

// "lambda-canary" -> "LambdaCanaryStack"; "" -> "TemplateStack".
std::string cdkClassName(const std::string &stackName);
// "lambda-canary" -> "lambda-canary-stack" (the lib/ file name without .ts).
std::string cdkFileStem(const std::string &stackName);

CdkStackSource writeCdkStack(const Json &root, const std::string &stackName);

} // namespace sc
