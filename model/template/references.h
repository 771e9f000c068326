#pragma once
// Finding and rewriting the references between a template's logical IDs: Ref, Fn::GetAtt,
// ${X} / ${X.Attr} inside Fn::Sub, and DependsOn. The graph's edges, rename and the reference
// rules are all built on these two functions.

#include "model/template/json.h"

#include <string>
#include <vector>

namespace sc {

struct Reference {
    enum class Kind { Ref, GetAtt, Sub, DependsOn };
    Kind kind = Kind::Ref;
    std::string target;    // logical ID, parameter or pseudo parameter
    std::string attribute; // GetAtt / ${X.Attr}; empty otherwise (or when not a literal)
    std::string pointer;   // JSON pointer of the node that holds the reference
};

// Appends every reference inside `node`, whose own JSON pointer is `pointer`. Variables
// defined by an Fn::Sub's own map are not references and are skipped.
void collectReferences(const Json &node, const std::string &pointer, std::vector<Reference> &out);

// Every reference a resource makes: inside Properties, Metadata, UpdatePolicy, CreationPolicy
// and the like, plus its DependsOn entries.
std::vector<Reference> resourceReferences(const Json &resource, const std::string &logicalId);

// Rewrites every Ref / GetAtt / Sub reference to `from` inside `node` so that it names `to`.
// DependsOn is a resource attribute, not an intrinsic: see renameDependsOn. Returns whether
// anything changed.
bool renameReferences(Json &node, const std::string &from, const std::string &to);
// Rewrites a resource's DependsOn (string or list) entries naming `from`.
bool renameDependsOn(Json &resource, const std::string &from, const std::string &to);

} // namespace sc
