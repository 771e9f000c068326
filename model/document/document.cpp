#include "model/document/document.h"

#include "model/catalog/catalog.h"
#include "model/document/autolayout.h"
#include "model/document/editrecorder.h"
#include "model/geometry/fleetsummary.h"
#include "model/geometry/placement.h"
#include "model/template/references.h"
#include "model/template/sourcetext.h"
#include "model/template/templatewriter.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <regex>

namespace sc {

namespace {

// The logical ID a pointer under /Resources or the layout belongs to, or empty.
std::string idUnder(const std::string &pointer, std::string_view prefix)
{
    if (pointer.size() <= prefix.size() + 1 || pointer.compare(0, prefix.size(), prefix) != 0
        || pointer[prefix.size()] != '/')
        return {};
    const std::size_t end = pointer.find('/', prefix.size() + 1);
    std::string parent, token;
    tree::splitPointer(pointer.substr(0, end), parent, token);
    return token;
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
{
}

Document::~Document() = default;

void Document::reset(Template content, const std::string &filePath)
{
    if (m_history)
        m_history->clear();
    m_content = std::move(content);
    if (!m_content.root.is_object())
        m_content.root = Json::object();
    m_filePath = filePath;
    invalidate();
    markSaved();
    const std::vector<std::string> ids = resourceIds();
    m_knownIds = std::set<std::string>(ids.begin(), ids.end());
    DocumentChange change;
    change.reset = true;
    change.graphChanged = true;
    emit changed(change);
}

void Document::invalidate()
{
    m_graph.reset();
    m_positions.reset();
    m_textBytes.reset();
    m_placed.clear();
    m_placedAll = false;
    m_cardLayouts.clear();
    m_savedPositions.reset();
}

const Graph &Document::graph() const
{
    if (!m_graph)
        m_graph = Graph::build(m_content.root);
    return *m_graph;
}

const SourceMap &Document::positions() const
{
    if (!isModified())
        return m_content.positions;
    if (!m_positions) {
        std::size_t bytes = 0;
        if (m_content.source && m_content.source->format() == m_content.format) {
            m_positions = m_content.source->positionsFor(m_content.root, m_filePath, &bytes);
        } else {
            SaveText text = SourceText::write(m_content.root, m_content.format, m_filePath);
            bytes = text.bytes.size();
            m_positions = std::move(text.reread.positions);
        }
        m_textBytes = bytes;
    }
    return *m_positions;
}

std::size_t Document::textBytes() const
{
    if (!m_textBytes) {
        if (isModified())
            positions(); // finds the size with the text it renders
        else if (m_content.source)
            m_textBytes = m_content.source->bytes().size();
        else // a tree without its text (an example): the text it would be saved as, not read back
            m_textBytes = (m_content.format == TemplateFormat::Json ? writeJson(m_content.root) : writeYaml(m_content.root)).size();
    }
    return *m_textBytes;
}

void Document::adoptSavedText(Template saved)
{
    m_content.source = std::move(saved.source);
    m_content.positions = std::move(saved.positions);
    m_content.format = saved.format;
    m_positions.reset();
    m_textBytes.reset();
}

const Json *Document::resource(const std::string &id) const
{
    return tree::find(m_content.root, SourceMap::join("/Resources", id));
}

std::vector<std::string> Document::resourceIds() const
{
    std::vector<std::string> ids;
    const auto it = m_content.root.find("Resources");
    if (it != m_content.root.end() && it->is_object()) {
        for (const auto &[id, value] : it->items())
            ids.push_back(id);
    }
    return ids;
}

std::size_t Document::resourceCount() const
{
    const auto it = m_content.root.find("Resources");
    return it != m_content.root.end() && it->is_object() ? it->size() : 0;
}

std::string Document::resourceType(const std::string &id) const
{
    const Json *r = resource(id);
    if (!r || !r->is_object() || !r->contains("Type") || !(*r)["Type"].is_string())
        return {};
    return (*r)["Type"].get<std::string>();
}

bool Document::isNameTaken(const std::string &id) const
{
    for (const char *section : {"Resources", "Parameters", "Conditions", "Outputs"}) {
        const auto it = m_content.root.find(section);
        if (it != m_content.root.end() && it->is_object() && it->contains(id))
            return true;
    }
    return false;
}

std::string Document::freshLogicalId(const std::string &base) const
{
    std::string clean;
    for (char c : base) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            clean += c;
    }
    if (clean.empty() || std::isdigit(static_cast<unsigned char>(clean[0])))
        clean = "Resource" + clean;
    if (!isNameTaken(clean))
        return clean;
    for (int n = 2;; ++n) {
        const std::string candidate = clean + std::to_string(n);
        if (!isNameTaken(candidate))
            return candidate;
    }
}

bool Document::isValidLogicalId(const std::string &id, std::string *why)
{
    static const std::regex alnum("[A-Za-z0-9]+");
    std::string reason;
    if (id.empty())
        reason = "a logical ID cannot be empty";
    else if (id.size() > 255)
        reason = "a logical ID has at most 255 characters";
    else if (!std::regex_match(id, alnum))
        reason = "a logical ID has only letters A-Z, a-z and digits 0-9";
    if (why)
        *why = reason;
    return reason.empty();
}

namespace {

// A layout entry's position: {x, y}, both finite numbers (YAML can say .inf or .nan; such a
// position places nothing and would poison every bound).
std::optional<QPointF> positionIn(const Json &entry)
{
    if (!entry.is_object())
        return std::nullopt;
    const auto x = entry.find("x"), y = entry.find("y");
    if (x == entry.end() || y == entry.end() || !x->is_number() || !y->is_number())
        return std::nullopt;
    const double px = x->get<double>(), py = y->get<double>();
    if (!std::isfinite(px) || !std::isfinite(py))
        return std::nullopt;
    return QPointF(px, py);
}

} // namespace

std::optional<QPointF> Document::savedPosition(const std::string &id) const
{
    if (!m_savedPositions) {
        m_savedPositions.emplace();
        if (const Json *layout = tree::find(m_content.root, kLayoutPointer); layout && layout->is_object()) {
            m_savedPositions->reserve(layout->size());
            for (auto it = layout->begin(); it != layout->end(); ++it)
                if (const auto at = positionIn(it.value()))
                    m_savedPositions->emplace(it.key(), *at);
        }
    }
    const auto it = m_savedPositions->find(id);
    return it == m_savedPositions->end() ? std::nullopt : std::optional<QPointF>(it->second);
}

// Keeps m_savedPositions in step with an edit at `pointer`: an edit of one entry reads that entry
// again, an edit of the layout or anything holding it reads the whole layout when next asked.
void Document::noteLayoutEdit(const std::string &pointer)
{
    if (!m_savedPositions)
        return;
    const std::string_view layout = kLayoutPointer;
    if (layout.rfind(pointer, 0) == 0) {
        m_savedPositions.reset();
        return;
    }
    if (pointer.size() <= layout.size() || pointer.compare(0, layout.size(), layout) != 0 || pointer[layout.size()] != '/')
        return;
    const std::string entryPointer = pointer.substr(0, pointer.find('/', layout.size() + 1));
    std::string parent, id;
    tree::splitPointer(entryPointer, parent, id);
    const Json *entry = tree::find(m_content.root, entryPointer);
    if (const auto at = entry ? positionIn(*entry) : std::nullopt)
        (*m_savedPositions)[id] = *at;
    else
        m_savedPositions->erase(id);
}

bool Document::hasSavedLayout() const
{
    const Json *layout = tree::find(m_content.root, kLayoutPointer);
    return layout && layout->is_object() && !layout->empty();
}

QPointF Document::position(const std::string &id) const
{
    if (auto saved = savedPosition(id))
        return *saved;
    auto it = m_placed.find(id);
    if (it == m_placed.end() && resource(id)) {
        placeNewcomers();
        it = m_placed.find(id);
    }
    return it == m_placed.end() ? QPointF() : it->second;
}

void Document::placeNewcomers() const
{
    if (!m_placedAll) {
        // The opened document: every card without a saved position where the layout puts it.
        m_placedAll = true;
        const auto sizeOf = [this](const std::string &id) { return cardLayout(id).footprint({}).size(); };
        for (auto &[id, at] : autoLayout(root(), graph(), defaultLayoutMode(), sizeOf)) {
            if (!savedPosition(id))
                m_placed.emplace(id, at);
        }
        return;
    }
    // Later arrivals, in template order: beside what they are connected to, else right of
    // everything, on the nearest free spot.
    std::vector<std::string> newcomers;
    std::vector<QRectF> occupied;
    QRectF all;
    std::unordered_map<std::string, QPointF> known;
    for (const std::string &id : resourceIds()) {
        std::optional<QPointF> at = savedPosition(id);
        if (!at) {
            if (const auto it = m_placed.find(id); it != m_placed.end())
                at = it->second;
        }
        if (!at) {
            newcomers.push_back(id);
            continue;
        }
        known.emplace(id, *at);
        occupied.push_back(footprint(id));
        all |= occupied.back();
    }
    for (const std::string &id : newcomers) {
        const QSizeF size = cardLayout(id).footprint({}).size();
        QPointF sum;
        int count = 0;
        for (const GraphEdge &e : graph().edges()) {
            const std::string &other = e.source == id ? e.target : e.target == id ? e.source : std::string();
            if (const auto it = known.find(other); !other.empty() && it != known.end()) {
                sum += it->second;
                ++count;
            }
        }
        const QPointF wanted = count ? sum / count + QPointF(size.width() / 2, 0)
                                     : QPointF(all.isNull() ? 0 : all.right() + 96, all.isNull() ? 0 : all.top());
        const QPointF at = freeSpotNear(QRectF(wanted, size), occupied, card::kGrid, 24);
        m_placed.emplace(id, at);
        known.emplace(id, at);
        occupied.emplace_back(at, size);
        all |= occupied.back();
    }
}

CardLayout Document::cardLayout(const std::string &id) const
{
    return keptCardLayout(id);
}

const CardLayout &Document::keptCardLayout(const std::string &id) const
{
    if (const auto it = m_cardLayouts.find(id); it != m_cardLayouts.end())
        return it->second;
    const std::string type = resourceType(id);
    return m_cardLayouts.emplace(id, layoutCard({id, Catalog::instance().displayName(type), fleetSummary(root(), id)}))
        .first->second;
}

QRectF Document::cardRect(const std::string &id) const
{
    return QRectF(position(id), keptCardLayout(id).size);
}

QRectF Document::footprint(const std::string &id) const
{
    return keptCardLayout(id).footprint(position(id));
}

LayoutMode Document::defaultLayoutMode() const
{
    return sc::defaultLayoutMode(root(), graph());
}

EditResult Document::arrange(LayoutMode mode)
{
    const auto sizeOf = [this](const std::string &id) { return cardLayout(id).footprint({}).size(); };
    const auto positions = autoLayout(root(), graph(), mode, sizeOf);
    const std::string label = mode == LayoutMode::TrafficFlow ? "Arrange by traffic flow" : "Arrange by dependencies";
    return edit(label, [&](EditRecorder &r, std::string &) {
        r.ensureObject(kLayoutPointer);
        for (const std::string &id : resourceIds()) {
            const QPointF at = positions.at(id);
            r.set(SourceMap::join(kLayoutPointer, id), Json{{"x", std::lround(at.x())}, {"y", std::lround(at.y())}});
        }
        return true;
    });
}

void Document::applyEdits(const std::vector<TreeEdit> &edits, bool forward)
{
    if (forward) {
        for (const TreeEdit &e : edits)
            tree::apply(m_content.root, e, true);
    } else {
        for (auto it = edits.rbegin(); it != edits.rend(); ++it)
            tree::apply(m_content.root, *it, false);
    }
}

DocumentChange Document::classify(const std::vector<TreeEdit> &edits)
{
    // Whether a resource was added or removed is decided by comparing with the IDs known at the
    // previous notification, which works the same for redo and undo.
    DocumentChange change;
    for (const TreeEdit &e : edits) {
        if (std::string id = idUnder(e.pointer, "/Resources"); !id.empty()) {
            const bool known = m_knownIds.count(id) > 0;
            const bool exists = resource(id) != nullptr;
            if (!known && exists)
                change.added.insert(id);
            else if (known && !exists)
                change.removed.insert(id);
            else if (known && exists)
                change.modified.insert(id);
        } else if (std::string moved = idUnder(e.pointer, kLayoutPointer); !moved.empty()) {
            change.moved.insert(moved);
        } else if (e.pointer.rfind(kLayoutPointer, 0) != 0) {
            change.otherSections = true;
        }
    }
    for (const std::string &id : change.added) {
        change.modified.erase(id);
        m_knownIds.insert(id);
    }
    for (const std::string &id : change.removed) {
        change.modified.erase(id);
        m_knownIds.erase(id);
    }
    return change;
}

namespace {

// The references a node edited at `pointer` holds, DependsOn included.
std::vector<Reference> referencesAt(const std::optional<Json> &node, const std::string &pointer)
{
    std::vector<Reference> refs;
    if (!node)
        return refs;
    std::string id = idUnder(pointer, "/Resources");
    const std::string base = SourceMap::join("/Resources", id);
    if (pointer == base)
        return resourceReferences(*node, id);
    if (pointer.rfind(base + "/DependsOn", 0) == 0) {
        // A DependsOn entry or list: plain logical IDs, not intrinsics.
        const auto add = [&](const Json &v) {
            if (v.is_string())
                refs.push_back({Reference::Kind::DependsOn, v.get<std::string>(), {}, pointer});
        };
        if (node->is_array())
            std::for_each(node->begin(), node->end(), add);
        else
            add(*node);
        return refs;
    }
    collectReferences(*node, pointer, refs);
    return refs;
}

bool sameReferences(const std::vector<Reference> &a, const std::vector<Reference> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Reference &x, const Reference &y) {
        return x.kind == y.kind && x.target == y.target && x.attribute == y.attribute && x.pointer == y.pointer;
    });
}

} // namespace

bool Document::changesGraph(const std::vector<TreeEdit> &edits)
{
    for (const TreeEdit &e : edits) {
        const std::string id = idUnder(e.pointer, "/Resources");
        if (id.empty()) {
            if (e.pointer == "/Resources" || e.pointer.empty())
                return true;
            continue;
        }
        const std::string base = SourceMap::join("/Resources", id);
        if (e.pointer == base + "/Type")
            return true;
        if (e.pointer == base && (!e.before || !e.after || e.before->value("Type", Json()) != e.after->value("Type", Json())))
            return true;
        if (!sameReferences(referencesAt(e.before, e.pointer), referencesAt(e.after, e.pointer)))
            return true;
    }
    return false;
}

void Document::notify(const std::vector<TreeEdit> &edits,
                      const std::vector<std::pair<std::string, std::string>> &renamed)
{
    const bool structural = std::any_of(edits.begin(), edits.end(), [](const TreeEdit &e) {
        return e.pointer.rfind(kLayoutPointer, 0) != 0;
    });
    m_positions.reset();
    m_textBytes.reset();
    if (structural)
        m_cardLayouts.clear();
    for (const TreeEdit &e : edits)
        noteLayoutEdit(e.pointer);
    DocumentChange change = classify(edits);
    change.renamed = renamed;
    for (const auto &[from, to] : renamed) {
        change.added.erase(to);
        change.removed.erase(from);
        // A placed card keeps its place under its new name.
        if (auto node = m_placed.extract(from))
            m_placed.emplace(to, node.mapped());
    }
    change.graphChanged = structural
        && (!change.added.empty() || !change.removed.empty() || !renamed.empty() || changesGraph(edits));
    // The graph is kept while no edge or node changed: a keystroke in a value costs no rebuild.
    if (change.graphChanged)
        m_graph.reset();
    if (!change.isEmpty())
        emit changed(change);
}

EditResult Document::edit(const std::string &label,
                          const std::function<bool(EditRecorder &, std::string &)> &steps,
                          int mergeId, int gesture)
{
    EditRecorder recorder(m_content.root);
    std::string error;
    bool ok = false;
    try {
        ok = steps(recorder, error);
    } catch (const std::exception &e) {
        error = e.what();
        ok = false;
    }
    if (!ok) {
        recorder.rollback();
        m_cardLayouts.clear(); // a step may have set a card or read a place from the half-made edit
        m_savedPositions.reset();
        return EditResult::failure(error.empty() ? "the edit could not be made" : error);
    }
    if (recorder.isEmpty())
        return {}; // nothing to do: no undo step for a no-op
    record({label, recorder.take(), {}, static_cast<MergeId>(mergeId), gesture});
    return {};
}

void Document::record(EditStep step)
{
    if (m_history) {
        m_history->record(std::move(step));
        return;
    }
    notify(step.edits, step.renamed);
    if (!std::exchange(m_modified, true))
        emit modifiedChanged(true);
}

void Document::markSaved()
{
    if (m_history)
        m_history->setClean();
    else if (std::exchange(m_modified, false))
        emit modifiedChanged(false);
}

EditResult Document::addResource(const std::string &type, QPointF at, const std::string &requestedId,
                                  bool placeOnCanvas)
{
    const Catalog &catalog = Catalog::instance();
    if (type.empty())
        return EditResult::failure("a resource needs a type");
    std::string id = requestedId;
    if (id.empty()) {
        const std::size_t colon = type.rfind(':');
        id = freshLogicalId(colon == std::string::npos ? type : type.substr(colon + 1));
    }
    std::string why;
    if (!isValidLogicalId(id, &why))
        return EditResult::failure(why);
    if (isNameTaken(id))
        return EditResult::failure("the logical ID '" + id + "' is already used");
    Json resource = Json::object();
    resource["Type"] = type;
    if (const KindOverlay *overlay = catalog.overlay(type); overlay && overlay->defaults.is_object()
                                                              && !overlay->defaults.empty())
        resource["Properties"] = overlay->defaults;
    EditResult result = edit("Add " + id, [&](EditRecorder &r, std::string &) {
        r.ensureObject("/Resources");
        r.set(SourceMap::join("/Resources", id), resource);
        if (!placeOnCanvas)
            return true;
        r.ensureObject(kLayoutPointer);
        r.set(SourceMap::join(kLayoutPointer, id),
              Json{{"x", std::lround(at.x())}, {"y", std::lround(at.y())}});
        return true;
    });
    result.createdId = id;
    return result;
}

EditResult Document::moveNodes(const std::map<std::string, QPointF> &positions, int gesture)
{
    for (const auto &[id, pos] : positions) {
        if (!resource(id))
            return EditResult::failure("no resource '" + id + "'");
    }
    const std::string label = positions.size() == 1 ? "Move " + positions.begin()->first
                                                    : "Move " + std::to_string(positions.size()) + " resources";
    return edit(label, [&](EditRecorder &r, std::string &) {
        r.ensureObject(kLayoutPointer);
        for (const auto &[id, pos] : positions)
            r.set(SourceMap::join(kLayoutPointer, id),
                  Json{{"x", std::lround(pos.x())}, {"y", std::lround(pos.y())}});
        return true;
    }, static_cast<int>(MergeId::Move), gesture);
}

EditResult Document::setValue(const std::string &pointer, const Json &value, int gesture)
{
    if (pointer.empty())
        return EditResult::failure("cannot replace the whole template");
    std::string parent, token;
    tree::splitPointer(pointer, parent, token);
    return edit("Set " + pointer.substr(1), [&](EditRecorder &r, std::string &error) {
        const Json *container = tree::find(r.root(), parent);
        if (!container) {
            r.ensureObject(parent);
            container = tree::find(r.root(), parent);
        }
        if (!container->is_object() && !container->is_array()) {
            error = "cannot set a value inside a " + std::string(container->type_name());
            return false;
        }
        if (container->is_array() && !tree::find(r.root(), pointer)) {
            error = "no list item at " + pointer;
            return false;
        }
        r.set(pointer, value);
        return true;
    }, static_cast<int>(MergeId::SetValue), gesture);
}

EditResult Document::removeValue(const std::string &pointer)
{
    if (!tree::find(m_content.root, pointer))
        return EditResult::failure("nothing at " + pointer);
    if (pointer.empty() || pointer == "/Resources")
        return EditResult::failure("cannot remove " + (pointer.empty() ? std::string("the template") : pointer));
    return edit("Remove " + pointer.substr(1), [&](EditRecorder &r, std::string &) {
        r.remove(pointer);
        return true;
    });
}

} // namespace sc
