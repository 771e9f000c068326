#pragma once
// Writes the template tree back out. YAML uses CloudFormation's short-form tags, block style,
// and literal blocks for multi-line strings; JSON is indented by two spaces. Both are
// deterministic: the same tree always gives the same bytes.

#include "model/template/json.h"

#include <string>

namespace sc {

std::string writeYaml(const Json &root);
// Any value as YAML text without the final line break, indented by `indent` spaces per level,
// in block style or on one line in flow style: the pieces a text-preserving save inserts.
std::string writeYamlFragment(const Json &value, int indent = 2, bool flow = false);
std::string writeJson(const Json &root);

} // namespace sc
