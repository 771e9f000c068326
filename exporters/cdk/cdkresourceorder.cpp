#include "exporters/cdk/cdkresourceorder.h"

#include <map>

namespace sc {

std::vector<std::string> dependencyOrder(
    const Json &section, const std::function<std::set<std::string>(const std::string &, const Json &)> &dependencies)
{
    std::vector<std::string> keys;
    std::map<std::string, std::size_t> index;
    for (auto it = section.begin(); it != section.end(); ++it) {
        index[it.key()] = keys.size();
        keys.push_back(it.key());
    }
    std::vector<std::set<std::size_t>> waitsFor(keys.size());
    std::vector<std::vector<std::size_t>> dependents(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        for (const std::string &d : dependencies(keys[i], section[keys[i]])) {
            const auto it = index.find(d);
            if (it == index.end() || it->second == i)
                continue;
            if (waitsFor[i].insert(it->second).second)
                dependents[it->second].push_back(i);
        }
    }
    std::vector<std::string> order;
    std::set<std::size_t> ready, done;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (waitsFor[i].empty())
            ready.insert(i);
    while (done.size() < keys.size()) {
        std::size_t next;
        if (!ready.empty()) {
            next = *ready.begin();
            ready.erase(ready.begin());
        } else {
            next = 0; // a cycle: take the earliest entry still waiting
            while (done.count(next))
                ++next;
        }
        done.insert(next);
        order.push_back(keys[next]);
        for (const std::size_t d : dependents[next]) {
            waitsFor[d].erase(next);
            if (waitsFor[d].empty() && !done.count(d))
                ready.insert(d);
        }
        waitsFor[next].clear();
    }
    return order;
}

} // namespace sc
