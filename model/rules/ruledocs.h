#pragma once
// The rule reference generated from the registry: docs/rules.md (`stackcanvas rules`) and its
// JSON form. One generator, so the committed page, the CLI and the tests cannot disagree.

#include "model/template/json.h"

#include <string>

namespace sc {

std::string rulesMarkdown();
Json rulesJson();
// The seed topic's title, "Elastic Beanstalk" for 1 ... "Cloud Map" for 8.
std::string topicName(int topic);
std::string familyName(int family);

} // namespace sc
