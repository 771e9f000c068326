// The Document intents that touch references: remove, rename, connect, disconnect; and the
// consistency checker. Kept apart from document.cpp, which holds state and plain edits.

#include "model/catalog/catalog.h"
#include "model/document/document.h"
#include "model/document/editrecorder.h"
#include "model/template/references.h"
#include "model/template/sourcemap.h"

#include <set>

namespace sc {

namespace {

std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return parts;
}

// Builds the value for the path remaining after a "-": {"Name": value} for ["Name"].
Json nestValue(const std::vector<std::string> &parts, std::size_t from, const Json &value)
{
    if (from >= parts.size())
        return value;
    Json object = Json::object();
    object[parts[from]] = nestValue(parts, from + 1, value);
    return object;
}

bool holdsReferenceTo(const Json &node, const std::string &target)
{
    std::vector<Reference> refs;
    collectReferences(node, "", refs);
    for (const Reference &r : refs) {
        if (r.target == target)
            return true;
    }
    return false;
}

} // namespace

bool Document::recordDisconnect(EditRecorder &recorder, const GraphEdge &edge, std::string &error)
{
    if (edge.kind == Reference::Kind::Sub) {
        error = "the reference to " + edge.target + " is inside an Fn::Sub string (" + edge.label
                + "); edit the text to remove it";
        return false;
    }
    if (!tree::find(recorder.root(), edge.pointer)) {
        error = "no reference at " + edge.pointer;
        return false;
    }
    const std::string resourcePointer = SourceMap::join("/Resources", edge.source);
    // Remove the reference, then every container that it leaves empty, up to the property.
    std::string pointer = edge.pointer;
    recorder.remove(pointer);
    while (true) {
        std::string parent, token;
        tree::splitPointer(pointer, parent, token);
        const bool underProperties = parent.rfind(resourcePointer + "/Properties/", 0) == 0;
        const bool dependsOn = parent == resourcePointer + "/DependsOn";
        const Json *container = tree::find(recorder.root(), parent);
        if (!container || !container->empty() || !(underProperties || dependsOn))
            break;
        recorder.remove(parent);
        pointer = parent;
    }
    return true;
}

EditResult Document::disconnect(const GraphEdge &edge)
{
    return edit("Disconnect " + edge.source + " from " + edge.target,
                [&](EditRecorder &r, std::string &error) { return recordDisconnect(r, edge, error); });
}

EditResult Document::removeResources(const std::vector<std::string> &ids)
{
    std::set<std::string> doomed;
    for (const std::string &id : ids) {
        if (!resource(id))
            return EditResult::failure("no resource '" + id + "'");
        doomed.insert(id);
    }
    if (doomed.empty())
        return EditResult::failure("nothing to remove");
    // Plain references held by the resources that stay are cut (a connection drawn on the
    // canvas goes with its card); references inside Fn::Sub text stay for the rules to flag.
    std::vector<GraphEdge> incoming;
    for (const GraphEdge &e : graph().edges()) {
        if (doomed.count(e.target) && !doomed.count(e.source) && e.kind != Reference::Kind::Sub)
            incoming.push_back(e);
    }
    // Later pointers first, so that removing a list item does not shift the ones still to go.
    std::sort(incoming.begin(), incoming.end(),
              [](const GraphEdge &a, const GraphEdge &b) { return a.pointer > b.pointer; });
    const std::string label = doomed.size() == 1 ? "Delete " + *doomed.begin()
                                                 : "Delete " + std::to_string(doomed.size()) + " resources";
    return edit(label, [&](EditRecorder &r, std::string &error) {
        for (const GraphEdge &e : incoming) {
            if (tree::find(r.root(), e.pointer) && !recordDisconnect(r, e, error))
                return false;
        }
        for (const std::string &id : doomed) {
            r.remove(SourceMap::join("/Resources", id));
            r.remove(SourceMap::join(kLayoutPointer, id));
        }
        return true;
    });
}

void Document::recordRename(EditRecorder &r, const std::string &from, const std::string &to)
{
    const Json &root = r.root();
    // The definition keeps its place in its section.
    for (const char *section : {"Resources", "Parameters"}) {
        const std::string sectionPointer = std::string("/") + section;
        const Json *object = tree::find(root, sectionPointer);
        if (!object || !object->contains(from))
            continue;
        const std::ptrdiff_t index = tree::indexOfKey(*object, from);
        Json value = (*object)[from];
        r.remove(SourceMap::join(sectionPointer, from));
        r.set(SourceMap::join(sectionPointer, to), std::move(value), index);
    }
    if (const Json *layout = tree::find(root, kLayoutPointer); layout && layout->contains(from)) {
        const std::ptrdiff_t index = tree::indexOfKey(*layout, from);
        Json value = (*layout)[from];
        r.remove(SourceMap::join(kLayoutPointer, from));
        r.set(SourceMap::join(kLayoutPointer, to), std::move(value), index);
    }
    // Every reference: per resource (so views see which changed) and per other section. The
    // loop reads a snapshot because the recorder edits the live tree as it goes.
    const Json snapshot = root;
    for (const auto &[key, section] : snapshot.items()) {
        if (key == "Resources" && section.is_object()) {
            for (const auto &[id, resource] : section.items()) {
                Json updated = resource;
                const bool refs = renameReferences(updated, from, to);
                const bool deps = renameDependsOn(updated, from, to);
                if (refs || deps)
                    r.set(SourceMap::join("/Resources", id), std::move(updated));
            }
        } else if (key != "Resources") {
            Json updated = section;
            if (renameReferences(updated, from, to))
                r.set(SourceMap::join("", key), std::move(updated));
        }
    }
}

EditResult Document::renameLogicalId(const std::string &from, const std::string &to)
{
    if (from == to)
        return {};
    const bool isResource = resource(from) != nullptr;
    const Json *parameters = tree::find(m_content.root, "/Parameters");
    const bool isParameter = parameters && parameters->is_object() && parameters->contains(from);
    if (!isResource && !isParameter)
        return EditResult::failure("no resource or parameter named '" + from + "'");
    std::string why;
    if (!isValidLogicalId(to, &why))
        return EditResult::failure(why);
    if (isNameTaken(to))
        return EditResult::failure("the logical ID '" + to + "' is already used");
    EditRecorder recorder(m_content.root);
    try {
        recordRename(recorder, from, to);
    } catch (const std::exception &e) {
        recorder.rollback();
        return EditResult::failure(e.what());
    }
    std::vector<std::pair<std::string, std::string>> renamed;
    if (isResource)
        renamed.emplace_back(from, to);
    record({"Rename " + from + " to " + to, recorder.take(), renamed});
    return {};
}

EditResult Document::connect(const std::string &source, const std::string &target,
                             const ConnectionRule &rule)
{
    return connect(source, target, std::vector<ConnectionRule>{rule});
}

EditResult Document::connect(const std::string &source, const std::string &target,
                             const std::vector<ConnectionRule> &rules)
{
    if (!resource(source) || !resource(target))
        return EditResult::failure("both ends of a connection must be resources");
    if (source == target)
        return EditResult::failure("a resource cannot be connected to itself");
    if (rules.empty())
        return EditResult::failure("no connection rule given");
    for (const ConnectionRule &rule : rules) {
        if (rule.sourceType != resourceType(source) || rule.targetType != resourceType(target))
            return EditResult::failure("the rule '" + rule.label + "' connects " + rule.sourceType
                                       + " to " + rule.targetType);
    }
    const std::string properties = SourceMap::join("/Resources", source) + "/Properties";
    const auto applyRule = [&](EditRecorder &r, const ConnectionRule &rule, std::string &error) {
        const Json value = rule.valueFor(target);
        const std::vector<std::string> parts = splitPath(rule.propertyPath);
        r.ensureObject(properties);
        for (const std::string &replaced : rule.replaces)
            r.remove(SourceMap::join(properties, replaced));
        std::string pointer = properties;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (parts[i] == "-") {
                const Json *list = tree::find(r.root(), pointer);
                if (list && !list->is_array()) {
                    error = "the property " + pointer.substr(properties.size() + 1) + " is not a list";
                    return false;
                }
                if (list && holdsReferenceTo(*list, target)) {
                    error = source + " is already connected to " + target + " (" + rule.label + ")";
                    return false;
                }
                if (!list)
                    r.set(pointer, Json::array());
                Json element = nestValue(parts, i + 1, value);
                if (element.is_object()) {
                    const Json extra = rule.elementFor(target);
                    for (const auto &[key, member] : extra.items())
                        element[key] = member;
                }
                r.insertItem(pointer, std::move(element));
                return true;
            }
            pointer = SourceMap::join(pointer, parts[i]);
            if (i + 1 < parts.size() && parts[i + 1] != "-")
                r.ensureObject(pointer);
        }
        const Json *current = tree::find(r.root(), pointer);
        if (current && *current == value) {
            error = source + " is already connected to " + target + " (" + rule.label + ")";
            return false;
        }
        r.set(pointer, value);
        // Literal members that belong beside the reference (a redrive policy's maxReceiveCount),
        // unless the user already chose them.
        const std::string parent = pointer.substr(0, pointer.rfind('/'));
        const Json beside = rule.elementFor(target);
        for (const auto &[key, member] : beside.items())
            if (!tree::find(r.root(), SourceMap::join(parent, key)))
                r.set(SourceMap::join(parent, key), member);
        return true;
    };
    return edit("Connect " + source + " to " + target, [&](EditRecorder &r, std::string &error) {
        for (const ConnectionRule &rule : rules) {
            if (!applyRule(r, rule, error))
                return false;
        }
        return true;
    });
}

std::vector<std::string> Document::checkConsistency() const
{
    std::vector<std::string> problems;
    const Json &root = m_content.root;
    if (!root.is_object())
        return {"the template is not an object"};
    const Json *resources = tree::find(root, "/Resources");
    if (resources && !resources->is_object())
        problems.push_back("Resources is not an object");
    std::set<std::string> ids;
    if (resources && resources->is_object()) {
        for (const auto &[id, r] : resources->items()) {
            ids.insert(id);
            if (!r.is_object() || !r.contains("Type") || !r["Type"].is_string())
                problems.push_back("resource " + id + " has no string Type");
        }
    }
    if (ids != m_knownIds)
        problems.push_back("the views' list of resources differs from the template");
    if (const Json *layout = tree::find(root, kLayoutPointer)) {
        if (!layout->is_object()) {
            problems.push_back("the layout is not an object");
        } else {
            for (const auto &[id, p] : layout->items()) {
                if (!ids.count(id))
                    problems.push_back("layout entry for missing resource " + id);
                if (!p.is_object() || !p.contains("x") || !p.contains("y") || !p["x"].is_number()
                    || !p["y"].is_number())
                    problems.push_back("layout entry " + id + " is not {x, y}");
            }
        }
    }
    const Graph fresh = Graph::build(root);
    if (m_graph && (m_graph->edges() != fresh.edges() || m_graph->nodes().size() != fresh.nodes().size()))
        problems.push_back("the cached graph is stale");
    for (const GraphEdge &e : fresh.edges()) {
        if (!tree::find(root, e.pointer))
            problems.push_back("edge " + e.source + " -> " + e.target + " points at nothing");
    }
    return problems;
}

} // namespace sc
