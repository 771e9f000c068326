#pragma once
// What every rule looks at: the template tree, where its nodes are in the text, and indexes
// built once per validation (resources by id and type, their catalog specs, every reference)
// so that eighty rules over a 500-resource template stay within a few milliseconds.

#include "model/catalog/resourcetypespec.h"
#include "model/template/references.h"
#include "model/template/sourcemap.h"

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sc {

struct ResourceView {
    std::string id;
    std::string type;                     // "" when Type is missing or not a string
    const Json *node = nullptr;           // the resource entry
    const Json *properties = nullptr;     // its Properties object, or an empty object
    const ResourceTypeSpec *spec = nullptr; // nullptr for unknown types
    std::string pointer;                  // "/Resources/<id>"

    const Json *property(std::string_view name) const;
    std::string propertyPointer(std::string_view name) const;
    const Json *attribute(std::string_view name) const; // DeletionPolicy, UpdatePolicy, ...
};

// One intrinsic function call or dynamic reference found in the template.
struct IntrinsicUse {
    std::string_view name; // "Fn::Sub", "Ref", ... ; "{{resolve" for a dynamic reference string
    const Json *node;      // the one-key object (or the string holding {{resolve:...}})
    std::string pointer;
};

// A map by logical ID that a string_view can look up without building a string.
struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};
template<typename T>
using IdMap = std::unordered_map<std::string, T, IdHash, std::equal_to<>>;

// The references of every resource, in template order, and where each resource's lie (begin,
// end); with the intrinsic calls found in the template, those of each resource likewise. A
// resource's follow from its own entry alone, so a later context can take over those of the
// resources an edit left alone instead of collecting them again. The calls point into the tree:
// an edit inside one resource moves no node of another, but adding, removing or renaming one
// grows or rebuilds the mapping behind Resources, whose vector copies every entry, deep, when it
// grows. So the calls are for a context after edits of resources in place only; forgetCalls()
// leaves the references alone to take over.
struct ResourceReferences {
    std::vector<Reference> all;
    IdMap<std::pair<std::size_t, std::size_t>> ranges;
    std::vector<IntrinsicUse> intrinsics;
    IdMap<std::pair<std::size_t, std::size_t>> intrinsicRanges;

    void forgetCalls()
    {
        intrinsics.clear();
        intrinsicRanges.clear();
    }
};

class RuleContext {
public:
    // `templateBytes` is the size of the text the template came from (0 when unknown).
    RuleContext(const Json &root, const SourceMap &positions, std::size_t templateBytes = 0);
    // The same, taking over `earlier`'s references and intrinsic calls of every resource outside
    // `touched`: `earlier` must come from a context of this very tree as it was before edits that
    // added, removed, renamed or changed only the resources in `touched`, and hold calls only
    // if no resource was added, removed or renamed (see ResourceReferences; IncrementalValidator).
    RuleContext(const Json &root, const SourceMap &positions, std::size_t templateBytes,
                ResourceReferences earlier, const std::set<std::string, std::less<>> &touched);
    // Hands the resources' references and intrinsic calls over to a later context; references()
    // and intrinsicUses() are empty afterwards.
    ResourceReferences takeResourceReferences();

    const Json &root() const { return m_root; }
    const SourceMap &positions() const { return m_positions; }
    std::size_t templateBytes() const { return m_templateBytes; }
    // The date dated facts are judged on, "YYYY-MM-DD": today (UTC) unless set.
    const std::string &today() const { return m_today; }
    void setToday(std::string date) { m_today = std::move(date); }
    // A top-level section, or an empty object.
    const Json &section(std::string_view name) const;

    // The resources a rule iterates: every resource, or those of the focus.
    const std::vector<ResourceView> &resources() const { return m_focus ? m_focused : m_resources; }
    // Any resource by logical ID, focused or not.
    const ResourceView *resource(std::string_view id) const;
    // The resources of a type a rule iterates, in template order (within the focus, if any).
    std::vector<const ResourceView *> ofType(std::string_view type) const;

    // Restricts what resources(), ofType() and intrinsicUses() iterate to these logical IDs, so
    // that the rules of RuleScope::Resource re-check only what an edit can have affected; lookups
    // by ID and the reference indexes still see the whole template. nullptr: the whole template.
    // The set must outlive the focus.
    void setFocus(const std::set<std::string, std::less<>> *ids);

    // Transform: AWS::Serverless-2016-10-31 (string or list).
    bool isSam() const { return m_sam; }
    bool hasTransform() const { return m_transform; }
    bool isParameter(std::string_view name) const;
    bool isCondition(std::string_view name) const;
    // Logical IDs SAM generates that a template may refer to (ServerlessRestApi, <Fn>Role,
    // <Fn>.Alias, ...): empty for plain templates.
    bool isSamImplicit(std::string_view name) const;
    // Ref can name it: resource, parameter, pseudo parameter or a SAM implicit id.
    bool isRefTarget(std::string_view name) const;

    // Every reference of every resource (Properties, attributes, DependsOn), in order.
    const std::vector<Reference> &references() const { return m_references.all; }
    // References made by one resource.
    std::span<const Reference> referencesFrom(std::string_view id) const;
    // References to a logical ID from resources and outputs.
    std::vector<const Reference *> referencesTo(std::string_view id) const;
    // References made from Outputs and Conditions/Rules sections.
    const std::vector<Reference> &otherReferences() const { return m_otherReferences; }
    // References inside Fn::ForEach loops: they only count as uses (their targets may be loop
    // identifiers).
    const std::vector<Reference> &loopReferences() const { return m_loopReferences; }
    // Every intrinsic call and dynamic-reference string, in document order (with a focus: those
    // inside the focused resources).
    const std::vector<IntrinsicUse> &intrinsicUses() const { return m_focus ? m_focusedIntrinsics : m_intrinsics; }

    // A value rules derive from the whole context, computed once per context by whichever rule
    // asks first and shared with the others (several rules walk every reference alike). `tag` is
    // the address of an object private to the code that asks. Safe on the threads validate() runs
    // rules on; forgotten when the focus changes, since what rules iterate changes with it.
    template <typename T, typename Compute>
    const T &shared(const void *tag, Compute &&compute) const
    {
        Derived *slot = nullptr;
        {
            const std::lock_guard lock(m_derivedMutex);
            slot = &m_derived[tag];
        }
        std::call_once(slot->once, [&] { slot->value = std::make_shared<const T>(compute()); });
        return *static_cast<const T *>(slot->value.get());
    }

private:
    struct Derived {
        std::once_flag once;
        std::shared_ptr<const void> value;
    };

    // The constructor's steps, in order.
    void noteTransforms();
    void indexResources();
    void indexReferences(ResourceReferences &earlier, const std::set<std::string, std::less<>> &touched);
    void indexIntrinsics(ResourceReferences &earlier, const std::set<std::string, std::less<>> &touched);

    const Json &m_root;
    const SourceMap &m_positions;
    std::size_t m_templateBytes;
    std::string m_today;
    bool m_sam = false;
    bool m_transform = false;
    std::vector<ResourceView> m_resources;
    IdMap<std::size_t> m_index;
    IdMap<std::vector<std::size_t>> m_byType;
    std::set<std::string, std::less<>> m_samImplicit;
    ResourceReferences m_references;
    std::vector<Reference> m_otherReferences;
    std::vector<Reference> m_loopReferences;
    std::vector<IntrinsicUse> m_intrinsics;
    // Where each resource's intrinsic uses are in m_intrinsics (document order keeps them together).
    IdMap<std::pair<std::size_t, std::size_t>> m_intrinsicsOf;
    mutable std::mutex m_derivedMutex;
    mutable std::unordered_map<const void *, Derived> m_derived; // nodes stay put: slots outlive the lock
    const std::set<std::string, std::less<>> *m_focus = nullptr;
    std::vector<ResourceView> m_focused;
    std::vector<IntrinsicUse> m_focusedIntrinsics;
};

} // namespace sc
