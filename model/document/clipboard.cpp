#include "model/document/clipboard.h"

#include "model/document/editrecorder.h"
#include "model/template/references.h"
#include "model/template/sourcemap.h"

#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace sc {

namespace {

constexpr const char *kMarker = "StackCanvasFragment";

// "Queue2" -> "Queue": a copy of Queue2 is named Queue3, not Queue22.
std::string baseName(const std::string &id)
{
    std::size_t end = id.size();
    while (end > 1 && std::isdigit(static_cast<unsigned char>(id[end - 1])))
        --end;
    return id.substr(0, end);
}

} // namespace

Json copyResources(const Document &document, const std::vector<std::string> &ids)
{
    const std::set<std::string> wanted(ids.begin(), ids.end());
    Json fragment = Json::object();
    fragment[kMarker] = 1;
    fragment["Resources"] = Json::object();
    fragment["Layout"] = Json::object();
    for (const std::string &id : document.resourceIds()) {
        if (!wanted.count(id))
            continue;
        fragment["Resources"][id] = *document.resource(id);
        const QPointF p = document.position(id);
        fragment["Layout"][id] = Json{{"x", std::lround(p.x())}, {"y", std::lround(p.y())}};
    }
    return fragment;
}

bool isFragment(const Json &fragment)
{
    if (!fragment.is_object() || !fragment.contains(kMarker))
        return false;
    const auto resources = fragment.find("Resources");
    if (resources == fragment.end() || !resources->is_object() || resources->empty())
        return false;
    for (const auto &[id, resource] : resources->items()) {
        if (!resource.is_object() || !resource.contains("Type") || !resource["Type"].is_string()
            || !Document::isValidLogicalId(id))
            return false;
    }
    return true;
}

EditResult pasteFragment(Document &document, const Json &fragment, QPointF offset,
                         std::vector<std::string> *created)
{
    if (!isFragment(fragment))
        return EditResult::failure("the clipboard holds no StackCanvas resources");
    const Json resources = fragment["Resources"];
    const Json layout = fragment.value("Layout", Json::object());

    // New IDs are free in the document and differ from every old ID of the fragment, so that
    // renaming the references one old ID at a time can never capture another's.
    std::set<std::string> oldIds, taken;
    for (const auto &[id, resource] : resources.items())
        oldIds.insert(id);
    std::vector<std::pair<std::string, std::string>> renames;
    for (const auto &[id, resource] : resources.items()) {
        const std::string base = baseName(id);
        std::string candidate = base;
        for (int n = 2; document.isNameTaken(candidate) || oldIds.count(candidate) || taken.count(candidate); ++n)
            candidate = base + std::to_string(n);
        taken.insert(candidate);
        renames.emplace_back(id, candidate);
    }

    std::vector<std::pair<std::string, Json>> pasted;
    for (const auto &[from, to] : renames) {
        Json resource = resources[from];
        for (const auto &[oldId, newId] : renames) {
            renameReferences(resource, oldId, newId);
            renameDependsOn(resource, oldId, newId);
        }
        pasted.emplace_back(to, std::move(resource));
    }

    const std::string label = pasted.size() == 1 ? "Paste " + pasted.front().first
                                                 : "Paste " + std::to_string(pasted.size()) + " resources";
    EditResult result = document.edit(label, [&](EditRecorder &r, std::string &) {
        r.ensureObject("/Resources");
        r.ensureObject(Document::kLayoutPointer);
        for (std::size_t i = 0; i < pasted.size(); ++i) {
            const auto &[id, resource] = pasted[i];
            r.set(SourceMap::join("/Resources", id), resource);
            const Json at = layout.value(renames[i].first, Json::object());
            const double x = at.value("x", 0.0) + offset.x();
            const double y = at.value("y", 0.0) + offset.y();
            r.set(SourceMap::join(Document::kLayoutPointer, id), Json{{"x", std::lround(x)}, {"y", std::lround(y)}});
        }
        return true;
    });
    if (result && created) {
        created->clear();
        for (const auto &[id, resource] : pasted)
            created->push_back(id);
    }
    return result;
}

} // namespace sc
