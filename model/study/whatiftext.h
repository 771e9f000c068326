#pragma once
// Small helpers the what-ifs share to write their plain-text tables (the CLI's default output).

#include "model/rollout/timeline.h"

#include <string>
#include <vector>

namespace sc::whatiftext {

// 0:00, 12:05, 1:02:03
std::string clock(Seconds t);
// Left-aligned columns, two spaces apart; the first row is the header.
std::string table(const std::vector<std::vector<std::string>> &rows);

} // namespace sc::whatiftext
