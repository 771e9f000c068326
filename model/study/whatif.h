#pragma once
// One entry point for the five what-ifs, shared by the CLI (`stackcanvas whatif KIND`), the
// lessons' what-if steps and the window: a kind, the template when the what-if reads one, and
// options as JSON (the CLI flags under the same names). Results are the JSON documented for
// the CLI, or the text table it prints by default.
//
// Options:
//   deletion    replacement (bool), emptyBuckets (bool)
//   stackset    target (logical ID), accounts (N), regions [..], fail ["K" | "K@REGION"],
//               maxConcurrent ("N" | "P%"), failureTolerance, mode (strict | soft),
//               regionConcurrency (sequential | parallel), regionOrder [..], stopAt (seconds),
//               instanceSeconds
//   runcommand  targets (N), maxConcurrency, maxErrors, fail [K..], invocationSeconds
//   drift       set ["ID.PROP=JSON"..], unset ["ID.PROP"..], delete ["ID"..]
//   import      automatic (bool)
// Unknown options and wrong types throw std::invalid_argument, as do impossible scenarios.

#include "model/study/driftdetection.h"
#include "model/study/resourceimport.h"
#include "model/study/runcommand.h"
#include "model/study/stackdeletion.h"
#include "model/study/stacksetoperation.h"

#include <string>
#include <vector>

namespace sc {

const std::vector<std::string> &whatIfKinds();     // deletion, stackset, runcommand, drift, import
bool whatIfReadsTemplate(const std::string &kind); // all but runcommand

StackSetScenario stackSetScenario(const Json &root, const Json &options);
RunCommandScenario runCommandScenario(const Json &options);
Json driftLiveCopy(const Json &root, const Json &options);

Json runWhatIf(const std::string &kind, const Json &root, const Json &options);
std::string runWhatIfText(const std::string &kind, const Json &root, const Json &options);

} // namespace sc
