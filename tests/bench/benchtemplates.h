#pragma once
// Synthetic but realistic templates for the benchmarks: N resources of the deep kinds, with
// properties, tags, multi-line user data and ~1.6 references per resource.

#include "model/template/json.h"

namespace sc::bench {

Json makeTemplate(int resources);

} // namespace sc::bench
