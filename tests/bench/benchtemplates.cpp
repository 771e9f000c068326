#include "benchtemplates.h"

#include <string>

namespace sc::bench {

Json makeTemplate(int resources)
{
    Json root = Json::object();
    root["AWSTemplateFormatVersion"] = "2010-09-09";
    root["Description"] = "Benchmark template with " + std::to_string(resources) + " resources";
    root["Parameters"]["Env"] = {{"Type", "String"}, {"Default", "prod"}, {"AllowedValues", {"dev", "prod"}}};
    root["Conditions"]["IsProd"] = {{"Fn::Equals", {Json{{"Ref", "Env"}}, "prod"}}};
    Json &res = root["Resources"];
    res["Vpc"] = {{"Type", "AWS::EC2::VPC"}, {"Properties", {{"CidrBlock", "10.0.0.0/16"}}}};
    for (int i = 1; i < resources; ++i) {
        const std::string id = std::to_string(i);
        const std::string prev = i == 1 ? "Vpc" : "R" + std::to_string(i - 1);
        Json r;
        switch (i % 5) {
        case 0:
            r = {{"Type", "AWS::SQS::Queue"},
                 {"Properties", {{"VisibilityTimeout", 60}, {"QueueName", {{"Fn::Sub", "${AWS::StackName}-q" + id}}}}}};
            break;
        case 1:
            r = {{"Type", "AWS::EC2::Subnet"},
                 {"Properties", {{"VpcId", {{"Ref", "Vpc"}}}, {"CidrBlock", "10.0." + std::to_string(i % 250) + ".0/24"},
                                 {"AvailabilityZone", {{"Fn::Select", {i % 3, Json{{"Fn::GetAZs", ""}}}}}}}}};
            break;
        case 2:
            r = {{"Type", "AWS::Lambda::Function"},
                 {"Properties",
                  {{"Runtime", "python3.12"},
                   {"Handler", "index.handler"},
                   // The role made three resources earlier (every fifth resource is a role).
                   {"Role", i > 5 ? Json{{"Fn::GetAtt", {"R" + std::to_string(i - 3), "Arn"}}}
                                  : Json{{"Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/bench"}}},
                   {"Code", {{"ZipFile", "import json\n\ndef handler(event, context):\n    return {'ok': True, 'n': " + id + "}\n"}}},
                   {"Environment", {{"Variables", {{"PREV", {{"Ref", prev}}}, {"STAGE", {{"Ref", "Env"}}}}}}},
                   {"Tags", {{{"Key", "team"}, {"Value", "core"}}, {{"Key", "n"}, {"Value", id}}}}}}};
            break;
        case 3:
            r = {{"Type", "AWS::DynamoDB::Table"},
                 {"DeletionPolicy", "Retain"},
                 {"UpdateReplacePolicy", "Retain"},
                 {"Properties",
                  {{"BillingMode", "PAY_PER_REQUEST"},
                   {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                   {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}}}}};
            break;
        default:
            r = {{"Type", "AWS::IAM::Role"},
                 {"DependsOn", {prev}},
                 {"Properties",
                  {{"AssumeRolePolicyDocument",
                    {{"Version", "2012-10-17"},
                     {"Statement", {{{"Effect", "Allow"}, {"Principal", {{"Service", "lambda.amazonaws.com"}}}, {"Action", "sts:AssumeRole"}}}}}},
                   {"ManagedPolicyArns", {"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}}}}};
            break;
        }
        res["R" + id] = std::move(r);
    }
    root["Outputs"]["VpcId"] = {{"Value", {{"Ref", "Vpc"}}}, {"Condition", "IsProd"}};
    return root;
}

} // namespace sc::bench
