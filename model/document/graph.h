#pragma once
// The resource graph derived from a template: one node per resource, one edge per reference
// from one resource to another (Ref, Fn::GetAtt, ${X} in Fn::Sub, DependsOn), labelled with the
// property path that holds it. Rebuilt from the tree, never edited directly.

#include "model/template/json.h"
#include "model/template/references.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

struct GraphNode {
    std::string id;
    std::string type;
};

struct GraphEdge {
    std::string source;    // the resource that holds the reference
    std::string target;    // the resource referred to
    Reference::Kind kind = Reference::Kind::Ref;
    std::string attribute; // for GetAtt and ${X.Attr}
    std::string pointer;   // full JSON pointer of the reference
    std::string label;     // the pointer relative to the resource: "Properties/VpcId"

    friend bool operator==(const GraphEdge &, const GraphEdge &) = default;
};

class Graph {
public:
    static Graph build(const Json &root);

    const std::vector<GraphNode> &nodes() const { return m_nodes; }
    const std::vector<GraphEdge> &edges() const { return m_edges; }
    const GraphNode *node(const std::string &id) const;
    std::vector<const GraphEdge *> edgesFrom(const std::string &id) const;
    std::vector<const GraphEdge *> edgesTo(const std::string &id) const;

private:
    std::vector<GraphNode> m_nodes;
    std::vector<GraphEdge> m_edges;
    std::unordered_map<std::string, std::size_t> m_index;
};

} // namespace sc
