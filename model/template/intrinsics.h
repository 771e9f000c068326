#pragma once
// CloudFormation's intrinsic functions: the short-form YAML tags and their long-form keys,
// and the parts of an Fn::Sub string. Shared by the readers, the writers, the graph, rename
// and the rules, so that every layer agrees on what counts as an intrinsic.

#include "model/template/json.h"

#include <string>
#include <string_view>
#include <vector>

namespace sc::intrinsics {

// "!Ref" -> "Ref", "!GetAtt" -> "Fn::GetAtt", "!Condition" -> "Condition"; empty if the tag is
// not one of CloudFormation's.
std::string_view longNameForTag(std::string_view tag);
// "Fn::GetAtt" -> "GetAtt", "Ref" -> "Ref"; empty if the key is not an intrinsic.
std::string_view tagForLongName(std::string_view key);
// Every long-form name, for listings and rules.
const std::vector<std::string_view> &longNames();

// A one-key object whose key is an intrinsic's long name.
bool isIntrinsic(const Json &node);
// The intrinsic's long name, or empty.
std::string_view intrinsicName(const Json &node);
// A one-key object whose key is a YAML tag kept verbatim ({"!Foo": value}).
bool isPreservedTag(const Json &node);
// Whether a key spells a YAML tag ("!Name", "!!name") that the writer can put back as a tag:
// not one that reading resolves (CloudFormation's short forms, "!!str" and the other core types).
bool isTagName(std::string_view key);

// One piece of an Fn::Sub string: literal text, or a ${Name} / ${Name.Attribute} variable.
// "${!Literal}" is literal text "${Literal}".
// CloudFormation ignores blanks around a variable's name ("${ AWS::Region }"): `text` is the name
// without them, and `before`/`after` keep them so that formatSub writes the text back as it was.
struct SubPart {
    enum class Kind { Literal, Variable } kind;
    std::string text;    // the literal text, or the variable's name ("Bucket.Arn")
    std::size_t offset;  // byte offset in the source string
    std::string before = {}, after = {}; // a variable's blanks inside "${" and "}"
};
std::vector<SubPart> parseSub(std::string_view text);
// Inverse of parseSub: writes variables as ${...} and escapes literal "${" as "${!".
std::string formatSub(const std::vector<SubPart> &parts);

// AWS::Region, AWS::AccountId, ... (Ref targets that are not resources or parameters).
bool isPseudoParameter(std::string_view name);

} // namespace sc::intrinsics
