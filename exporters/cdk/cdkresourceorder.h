#pragma once
// Orders the entries of a template section so that each comes after the entries it depends on,
// keeping the template's own order wherever the dependencies allow. A cycle (impossible in a
// valid template except through DependsOn or Fn::Sub) is broken at the earliest entry, so the
// result always holds every key exactly once.

#include "model/template/json.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace sc {

std::vector<std::string> dependencyOrder(
    const Json &section, const std::function<std::set<std::string>(const std::string &, const Json &)> &dependencies);

} // namespace sc
