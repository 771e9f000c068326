#pragma once
// A CloudFormation template as read from a file: the ordered JSON tree (long-form intrinsics),
// where each node came from in the source text, the format it was written in, and the text.

#include "model/template/json.h"
#include "model/template/sourcemap.h"

#include <cstddef>
#include <memory>

namespace sc {

enum class TemplateFormat { Yaml, Json };

class SourceText;

struct Template {
    Json root = Json::object();
    SourceMap positions;
    TemplateFormat format = TemplateFormat::Yaml;
    // The text it was read from, for saves that keep it (absent for a tree made in memory).
    std::shared_ptr<const SourceText> source;
};

// Limits that keep hostile or broken input from crashing or hanging the reader. Each is
// stated in the error message when it is hit, so a user knows what to change.
struct ReadLimits {
    std::size_t maxFileBytes = 8u * 1024 * 1024; // CloudFormation itself takes at most 1 MB
    int maxDepth = 128;                           // mapping/sequence nesting levels
    std::size_t maxNodes = 1'000'000;             // nodes after alias expansion: every value and
                                                  // every key, counted alike in YAML and JSON
    int pipeIdleMs = 30'000; // a pipe or FIFO that sends nothing for this long is given up on
    // A large YAML template is read in parts on up to this many threads at once, each part at
    // least minPartBytes long (1: on the calling thread only).
    std::size_t readThreads = defaultReadThreads();
    std::size_t minPartBytes = 32 * 1024;
    // Not a limit: whether the positions are left out of reading and found only when first
    // asked for, by reading the text again. For a reader that names no line (an export) reading
    // then costs less; for one that does, the text is read twice.
    bool positionsOnDemand = false;

    // The cores of the machine, at most 4.
    static std::size_t defaultReadThreads();
};

} // namespace sc
