#pragma once
// Reads a CloudFormation template (YAML or JSON) into the shared tree, with source positions.
// Every failure is a TemplateError naming file, line, column and what was expected; the
// limits of ReadLimits turn hostile input (alias bombs, deep nesting, huge files) into such
// errors instead of crashes or hangs.

#include "model/template/sourcespans.h"
#include "model/template/template.h"
#include "model/template/templateerror.h"

#include <optional>
#include <string>
#include <string_view>

namespace sc {

// Reads from memory. Without a format, the text decides: JSON when it starts with '{'.
// With `spans`, also records where every node is written (offsets into `bytes`); reading is
// otherwise the same, and costs nothing more without it.
Template readTemplate(std::string_view bytes, const std::string &fileName,
                      std::optional<TemplateFormat> format = std::nullopt,
                      const ReadLimits &limits = {}, SourceSpans *spans = nullptr);
// The bytes of a file, a pipe or a device, reading at most one byte past limits.maxFileBytes
// (so /dev/zero is refused, not read forever) and never blocking longer than
// limits.pipeIdleMs on a FIFO that sends nothing. Throws TemplateError (line 1, column 1).
std::string readTemplateBytes(const std::string &path, const ReadLimits &limits = {});
// Reads a file; ".json" files are JSON, anything else is decided by the text.
Template readTemplateFile(const std::string &path, const ReadLimits &limits = {});

// Format-specific entry points (the text has passed the size and encoding checks).
Template readYaml(std::string_view text, const std::string &fileName, const ReadLimits &limits,
                  SourceSpans *spans = nullptr);
Template readJson(std::string_view text, const std::string &fileName, const ReadLimits &limits,
                  SourceSpans *spans = nullptr);

} // namespace sc
