#pragma once
// Applies every one-click fix a document's findings offer, each as its own undo step through
// Document::edit, exactly as clicking them one after the other would. After each fix the
// template is validated again (a fix can settle or reshape other findings), so what is applied
// is always a fix of the current document. Used by `stackcanvas validate --fix`.

#include "model/rules/ruleregistry.h"

#include <string>
#include <vector>

namespace sc {

struct FixReport {
    std::vector<std::string> applied; // the fixes' labels, in the order applied
    std::vector<std::string> failed;  // "label: why" for a fix the document refused
};

// Fixes findings at least as severe as options.minSeverity (and of options.onlyRules, when
// set). Stops when no finding offers a fix it has not already tried.
FixReport applyAllFixes(Document &document, const ValidateOptions &options = {});

} // namespace sc
