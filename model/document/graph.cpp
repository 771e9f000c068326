#include "model/document/graph.h"

#include "model/template/sourcemap.h"

namespace sc {

Graph Graph::build(const Json &root)
{
    Graph graph;
    const auto resources = root.find("Resources");
    if (resources == root.end() || !resources->is_object())
        return graph;
    for (const auto &[id, resource] : resources->items()) {
        graph.m_index.emplace(id, graph.m_nodes.size());
        const auto type = resource.is_object() ? resource.find("Type") : resource.end();
        graph.m_nodes.push_back({id, type != resource.end() && type->is_string() ? type->get<std::string>() : std::string()});
    }
    for (const auto &[id, resource] : resources->items()) {
        const std::string base = SourceMap::join("/Resources", id);
        for (Reference &ref : resourceReferences(resource, id)) {
            if (!graph.m_index.count(ref.target))
                continue; // parameters, pseudo parameters, unknown names: not edges
            GraphEdge edge;
            edge.source = id;
            edge.target = std::move(ref.target);
            edge.kind = ref.kind;
            edge.attribute = std::move(ref.attribute);
            edge.label = ref.pointer.substr(base.size() + 1);
            edge.pointer = std::move(ref.pointer);
            graph.m_edges.push_back(std::move(edge));
        }
    }
    return graph;
}

const GraphNode *Graph::node(const std::string &id) const
{
    auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &m_nodes[it->second];
}

std::vector<const GraphEdge *> Graph::edgesFrom(const std::string &id) const
{
    std::vector<const GraphEdge *> out;
    for (const GraphEdge &e : m_edges) {
        if (e.source == id)
            out.push_back(&e);
    }
    return out;
}

std::vector<const GraphEdge *> Graph::edgesTo(const std::string &id) const
{
    std::vector<const GraphEdge *> out;
    for (const GraphEdge &e : m_edges) {
        if (e.target == id)
            out.push_back(&e);
    }
    return out;
}

} // namespace sc
