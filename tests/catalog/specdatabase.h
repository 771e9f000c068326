#pragma once
// Test helper: the AWS CDK service specification database (db.json.gz from the npm package
// aws-cdk), read independently of the generator so the catalog can be checked against it.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

class SpecDatabase
{
public:
    // The installed database, or nullopt when tests/aws has not been installed.
    static std::optional<SpecDatabase> load(const std::string &path);

    // The resource entity of a type, or nullptr.
    const nlohmann::json *resource(const std::string &type) const;

private:
    nlohmann::json m_root;
};
