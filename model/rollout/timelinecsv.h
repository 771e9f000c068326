#pragma once
// A Timeline's samples as CSV (RFC 4180: comma-separated, CRLF line ends, quoted when a field
// holds a comma, a quote or a line break), one row per sample, for spreadsheets and charts.
// `stackcanvas simulate --format csv` prints it; the window exports the same text.
//
// Header (the columns, in order):
//   t                               seconds from the start of the deployment
//   trafficOriginalPercent          production traffic to the original version, 0-100
//   trafficReplacementPercent       production traffic to the new version, 0-100
//   testTrafficOriginalPercent      test-listener traffic (ECS); empty without a test route
//   testTrafficReplacementPercent
//   healthyOriginal                 units in service, per version
//   healthyReplacement
//   instancesOriginal               units running (instances, tasks), per version
//   instancesReplacement
//   phase                           the event under way at t (see phaseAt())

#include "model/rollout/timeline.h"

#include <string>

namespace sc {

std::string timelineCsvHeader();
std::string timelineToCsv(const Timeline &timeline);

} // namespace sc
