#pragma once
// Copy and paste of resources as a JSON fragment: {"StackCanvasFragment": 1, "Resources": {...},
// "Layout": {id: {x, y}}}. Pasting gives every resource a fresh logical ID and rewrites the
// references between the pasted resources (Ref, GetAtt, ${X} in Fn::Sub, DependsOn) to the new
// IDs; references to resources outside the fragment are kept as they are. A paste is one undo
// step, and a refused paste changes nothing.

#include "model/document/document.h"
#include "model/template/json.h"

#include <QPointF>

#include <string>
#include <vector>

namespace sc {

// The fragment for `ids` (unknown IDs are skipped), in the template's resource order.
Json copyResources(const Document &document, const std::vector<std::string> &ids);
bool isFragment(const Json &fragment);
// Adds the fragment's resources, each placed at its copied position plus `offset`.
// `created` receives the new logical IDs in fragment order.
EditResult pasteFragment(Document &document, const Json &fragment, QPointF offset,
                         std::vector<std::string> *created = nullptr);

} // namespace sc
