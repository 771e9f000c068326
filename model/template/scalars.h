#pragma once
// How an unquoted YAML scalar becomes a value, and when a string must be quoted to read back
// as the same string. The rules are YAML 1.2's core schema, made conservative for
// CloudFormation: text that other YAML readers could take for a number, a boolean or a date
// ("0123", "yes", "2010-09-09") stays a string here and is always written quoted.

#include "model/template/json.h"

#include <string>
#include <string_view>

namespace sc::scalars {

// The value of a plain (unquoted, untagged) scalar. Throws std::range_error (with the reason)
// for a number a double cannot hold, such as 1e999: it would silently become infinity or 0.
Json resolvePlain(const std::string &text);
// Why the number written as `text`, read as `value`, cannot be kept, or empty when it can.
std::string unrepresentableNumber(std::string_view text, double value);
// True when writing `text` unquoted could read back as anything but this string, in this
// reader or in YAML 1.1 readers (CloudFormation's among them).
bool needsQuotes(const std::string &text);
// Whether a YAML 1.1 reader takes `text` for a number or a date in a form YAML 1.2 does not
// have (0x1F, 0o17, 190:20:30, 1_000, .inf, .nan, 2010-09-09), so that it must be quoted.
bool looksLikeYaml11NumberOrDate(std::string_view text);

} // namespace sc::scalars
