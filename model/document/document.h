#pragma once
// The open document: a CloudFormation template (the one source of truth, layout included under
// Metadata.StackCanvas), its undo stack, and what is derived from it (the graph, positions in
// the text). Every edit goes through an intent method that pushes one undo command; a refused
// edit returns an error and changes nothing. Views listen to changed().

#include "model/document/autolayout.h"
#include "model/document/documentchange.h"
#include "model/document/edithistory.h"
#include "model/document/graph.h"
#include "model/geometry/cardgeometry.h"
#include "model/document/treeedit.h"
#include "model/template/template.h"

#include <QObject>
#include <QPointF>

#include <functional>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

class EditRecorder;
struct ConnectionRule;

// The outcome of an intent: ok, or why nothing was changed.
struct EditResult {
    bool ok = true;
    std::string error;
    std::string createdId; // for addResource
    static EditResult failure(std::string why) { return {false, std::move(why), {}}; }
    explicit operator bool() const { return ok; }
};

class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // Replaces the content (open, new): clears the history, not modified afterwards.
    void reset(Template content, const std::string &filePath = {});

    const Json &root() const { return m_content.root; }
    TemplateFormat format() const { return m_content.format; }
    void setFormat(TemplateFormat format) { m_content.format = format; }
    const std::string &filePath() const { return m_filePath; }
    void setFilePath(const std::string &path) { m_filePath = path; }
    bool isModified() const { return m_history ? !m_history->isClean() : m_modified; }
    void markSaved();
    // The text the template was read from or last saved as (null for a new document): saves
    // edit it in place. Adopting a saved text also adopts its positions.
    const std::shared_ptr<const SourceText> &source() const { return m_content.source; }
    void adoptSavedText(Template saved);

    const Graph &graph() const;
    // Line and column of each node in the text: the file's while unmodified, otherwise the text
    // as it would be saved now, edits made in place (computed when asked for).
    const SourceMap &positions() const;
    // The size of that text in bytes, which CloudFormation's template quotas judge: the file's
    // while unmodified, otherwise the text as it would be saved now.
    std::size_t textBytes() const;

    const Json *resource(const std::string &id) const;
    std::vector<std::string> resourceIds() const;
    std::size_t resourceCount() const; // resourceIds().size(), without building the list
    std::string resourceType(const std::string &id) const;
    // Names Ref can reach and a new logical ID must not take: resources and parameters
    // (conditions and outputs are checked too, to keep IDs unambiguous).
    bool isNameTaken(const std::string &id) const;
    // "Queue", "Queue2", ... the first free logical ID for a base name.
    std::string freshLogicalId(const std::string &base) const;
    static bool isValidLogicalId(const std::string &id, std::string *why = nullptr);

    // Layout: the saved position of a card, else where the document placed it. A card never
    // moves unless asked: the cards of a template without a saved layout are placed once, by the
    // automatic layout, when it is opened; a card that arrives later without a saved position
    // (a fix that adds an alarm, a headless edit) gets the free spot nearest its neighbours.
    // Neither is written to the template until the user moves cards or asks for Arrange.
    QPointF position(const std::string &id) const;
    std::optional<QPointF> savedPosition(const std::string &id) const;
    bool hasSavedLayout() const;
    // How a card is set (size, title lines, fleet strip) and where it stands.
    CardLayout cardLayout(const std::string &id) const;
    QRectF cardRect(const std::string &id) const;
    // The card with its fleet strip: what no other card may cover.
    QRectF footprint(const std::string &id) const;
    // What Arrange does when not told otherwise, and what placed the cards of an opened file.
    LayoutMode defaultLayoutMode() const;

    // Intent methods: each is one undo step.
    // `placeOnCanvas` false leaves the layout alone (a headless edit): the card is then placed
    // by the automatic layout.
    EditResult addResource(const std::string &type, QPointF at, const std::string &id = {},
                           bool placeOnCanvas = true);
    EditResult removeResources(const std::vector<std::string> &ids);
    // `gesture` != 0 merges consecutive moves of one drag into one undo step.
    EditResult moveNodes(const std::map<std::string, QPointF> &positions, int gesture = 0);
    EditResult setValue(const std::string &pointer, const Json &value, int gesture = 0);
    EditResult removeValue(const std::string &pointer);
    EditResult renameLogicalId(const std::string &from, const std::string &to);
    EditResult connect(const std::string &source, const std::string &target, const ConnectionRule &rule);
    // Rules of one pair that share a label are one connection, made in one step.
    EditResult connect(const std::string &source, const std::string &target,
                       const std::vector<ConnectionRule> &rules);
    EditResult disconnect(const GraphEdge &edge);
    // Re-runs the automatic layout and saves every card's position: one undo step.
    EditResult arrange(LayoutMode mode);
    // Several steps as one undo command (paste, duplicate, one-click fixes). The function
    // returns false with an error to refuse; then nothing changes.
    EditResult edit(const std::string &label,
                    const std::function<bool(EditRecorder &, std::string &error)> &steps,
                    int mergeId = -1, int gesture = 0);

    // Invariants the tests check after every step; empty when all hold.
    std::vector<std::string> checkConsistency() const;

    // Called by commands: applies edits in either direction and tells the views.
    void applyEdits(const std::vector<TreeEdit> &edits, bool forward);
    void notify(const std::vector<TreeEdit> &edits,
                const std::vector<std::pair<std::string, std::string>> &renamed);

    static constexpr const char *kLayoutPointer = "/Metadata/StackCanvas/layout";

signals:
    void changed(const sc::DocumentChange &change);
    void modifiedChanged(bool modified);

protected:
    // Where edit steps go from now on (UndoableDocument's undo stack); none keeps no history.
    void setHistory(std::unique_ptr<EditHistory> history) { m_history = std::move(history); }

private:
    // Hands a step whose edits are applied to the history, or tells the views directly.
    void record(EditStep step);
    void invalidate();
    DocumentChange classify(const std::vector<TreeEdit> &edits);
    // Whether the edits change an edge or a node of the graph (added and removed resources and
    // renames aside, which always do).
    static bool changesGraph(const std::vector<TreeEdit> &edits);
    // Places the resources that have neither a saved nor a placed position yet.
    void placeNewcomers() const;
    // Records the removal of every plain reference held at `edge` (used by disconnect and by
    // removeResources); Sub references cannot be cut out of a string.
    bool recordDisconnect(EditRecorder &recorder, const GraphEdge &edge, std::string &error);
    void recordRename(EditRecorder &recorder, const std::string &from, const std::string &to);

    Template m_content;
    std::string m_filePath;
    std::unique_ptr<EditHistory> m_history;
    bool m_modified = false; // without a history
    std::set<std::string> m_knownIds; // resource IDs as of the last notification
    mutable std::optional<Graph> m_graph;
    mutable std::optional<SourceMap> m_positions;
    mutable std::optional<std::size_t> m_textBytes; // found with m_positions
    // Positions of cards without a saved one; only reset() clears them.
    mutable std::unordered_map<std::string, QPointF> m_placed;
    mutable bool m_placedAll = false; // the automatic layout of the opened document is in m_placed
    // How each card is set: its text, type and fleet summary (which reads other resources, a
    // configuration template) do not change when cards only move, so a drag sets no text.
    mutable std::unordered_map<std::string, CardLayout> m_cardLayouts;
    // The saved layout's positions by logical ID, read in one pass when first asked: the layout
    // is an ordered mapping whose lookup walks every key, and a drag inside a box asks for the
    // place of every card in it each frame. Kept in step by notify().
    mutable std::optional<std::unordered_map<std::string, QPointF>> m_savedPositions;
    void noteLayoutEdit(const std::string &pointer);
    // The kept layout, set first if needed: valid until the next edit that is not a move.
    const CardLayout &keptCardLayout(const std::string &id) const;
};

} // namespace sc
