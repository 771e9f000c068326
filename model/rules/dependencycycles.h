#pragma once
// Circular dependencies between the resources of a template, found in time and memory linear in
// the template (a 10,000-resource ring of DependsOn is one pass), and each reported once.
//
// The edges are the references a resource makes (Ref, Fn::GetAtt, ${} in Fn::Sub, DependsOn)
// to another resource. Two kinds of edges from AWS SAM resources are set apart, because the SAM
// transform rewrites the resource into several before CloudFormation orders anything:
//   - edges the transform is known to move into separate generated resources (a function's
//     DeploymentPreference and Events, a GraphQL API's data sources, functions and resolvers)
//     are not dependencies of the resource at all;
//   - the other edges from SAM resources are uncertain: they usually survive the transform,
//     but a cycle through one cannot be proven from the template as written.

#include "model/rules/rulecontext.h"

#include <string>
#include <vector>

namespace sc {

struct DependencyCycle {
    std::vector<std::string> path; // one shortest cycle, from its first member in the template
    std::size_t members = 0;       // resources that depend on each other (the whole component)
    bool certain = true;           // false when it needs an edge from a SAM resource
};

// Cycles in template order of their first member: every strongly connected component of the
// certain edges, then every component that only the uncertain edges close.
std::vector<DependencyCycle> dependencyCycles(const RuleContext &context);

// "A -> B -> C -> A", with the middle of a long cycle elided ("... 9,990 more ...").
std::string describeCycle(const DependencyCycle &cycle);

} // namespace sc
