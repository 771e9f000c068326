#pragma once
// The schema of the UpdatePolicy and CreationPolicy resource attributes, in the catalog's own
// terms (property and property-type specifications), so that the inspector edits them with the
// same rows as properties. Each policy is offered only on the resource types where
// CloudFormation accepts it.

#include "model/catalog/resourcetypespec.h"
#include "model/template/json.h"

#include <optional>
#include <string_view>

namespace sc::inspectorpolicies {

// The attribute ("UpdatePolicy" or "CreationPolicy") as a property type for `resourceType`, or
// null when CloudFormation does not accept that attribute on that type.
const PropertyTypeSpec *attribute(std::string_view name, std::string_view resourceType);
// What "+ Set" writes for a policy setting: CloudFormation's documented default, so that adding
// a setting changes nothing until the user edits it. Empty for settings without one.
std::optional<Json> defaultValue(std::string_view setting);
// What "+ Set" on the attribute itself writes for `resourceType`, when that is more than an empty
// object: the policies made only of switches arrive switched on.
std::optional<Json> attributeDefault(std::string_view name, std::string_view resourceType);
// A nested policy type by name ("AutoScalingRollingUpdate", "ResourceSignal", ...), or null.
const PropertyTypeSpec *type(std::string_view name);

} // namespace sc::inspectorpolicies
