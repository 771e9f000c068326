#pragma once
// The one tree every layer shares: a CloudFormation template as an ordered JSON value with
// intrinsic functions in their long form ({"Ref": "X"}, {"Fn::GetAtt": ["A", "B"]}).
// A YAML tag that CloudFormation does not define is kept as a one-key object whose key is the
// tag itself ({"!Foo": value}) so that it survives every conversion and is written back.

#include <nlohmann/json.hpp>

namespace sc {

using Json = nlohmann::ordered_json;

} // namespace sc
