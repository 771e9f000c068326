#pragma once
// A CloudFormation template as read from a file: the ordered JSON tree (long-form intrinsics),
// where each node came from in the source text, and the format it was written in.

#include "model/template/json.h"
#include "model/template/sourcemap.h"

#include <cstddef>

namespace sc {

enum class TemplateFormat { Yaml, Json };

struct Template {
    Json root = Json::object();
    SourceMap positions;
    TemplateFormat format = TemplateFormat::Yaml;
};

// Limits that keep hostile or broken input from crashing or hanging the reader. Each is
// stated in the error message when it is hit, so a user knows what to change.
struct ReadLimits {
    std::size_t maxFileBytes = 8u * 1024 * 1024; // CloudFormation itself takes at most 1 MB
    int maxDepth = 128;                           // mapping/sequence nesting levels
    std::size_t maxNodes = 1'000'000;             // nodes after alias expansion: every value and
                                                  // every key, counted alike in YAML and JSON
    int pipeIdleMs = 30'000; // a pipe or FIFO that sends nothing for this long is given up on
};

} // namespace sc
