#pragma once
// What the fuzz targets share: reading the input as a template, the properties every target
// checks, and a failure that libFuzzer reports as a crash (with the input saved).

#include "model/document/document.h"
#include "model/template/template.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sc::fuzz {

std::string_view text(const std::uint8_t *data, std::size_t size);

// The input as a template in that format (or decided by the text), or nothing when the reader
// refuses it with a TemplateError, which is the reader doing its job.
std::optional<Template> read(std::string_view input, std::optional<TemplateFormat> format);

// Prints what went wrong and aborts: libFuzzer keeps the input as a crash.
[[noreturn]] void fail(const std::string &what, const std::string &detail);

// What the reader accepts, both writers write and the reader reads back as the same tree.
void checkWritersReadBack(const Template &content);

// Read in parts at once (a large template's Resources: model/template/templateparts.h), the
// text means what it means read whole: the same tree and positions, or the same error. Parts of
// any size are cut, so that every input with entries is.
void checkPartsReadAsWhole(std::string_view input, TemplateFormat format);

// The template in a Document, as the window and the CLI hold it.
void load(Document &document, const Template &content);

// Fleet sizes the targets ask for: enough for every batching rule, small enough that one input
// runs in milliseconds (the fleet limits themselves are unit-tested).
inline constexpr int kMaxFuzzInstances = 64;

// Inputs for `simulate`'s options, mostly well-formed so the engine is reached, sometimes any text.
std::string strategyName(FuzzedDataProvider &choices);
std::string failureSpec(FuzzedDataProvider &choices);
std::string timingName(FuzzedDataProvider &choices);

} // namespace sc::fuzz
