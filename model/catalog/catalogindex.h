#pragma once
// The catalog's index: one row per CloudFormation type, with its CDK module and class, where
// its CBOR record sits in the records blob (specs.cbor), and the curated overlay's words for
// what Ref returns (so that a type's specification is complete without parsing the overlay).
// The rows and the blob are generated from data/index.json.z and data/specs.bin (themselves
// generated from the AWS CDK's specification database by generate-catalog.mjs) when the project
// is built (catalogindexgen.cpp), so a process that validates one file neither inflates nor
// parses an index at start, nor inflates a record.

#include <cstddef>
#include <string_view>

namespace sc::catalogindex {

struct Row {
    std::string_view type, cdkModule, cdkClass;
    std::size_t offset, size;    // of the type's record in specs.cbor
    std::string_view refReturns; // overlay.json's words for what Ref returns; empty for the spec's
};

extern const Row rows[]; // sorted by type
extern const std::size_t rowCount;
extern const std::string_view source; // where the generated data came from

} // namespace sc::catalogindex
