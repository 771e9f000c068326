#include "exporters/cdk/cdkresourceorder.h"

#include <algorithm>
#include <queue>
#include <string_view>
#include <unordered_map>

namespace sc {

std::vector<std::string> dependencyOrder(
    const Json &section, const std::function<std::set<std::string>(const std::string &, const Json &)> &dependencies)
{
    // Entries are looked up by name through a hash of views of the section's keys: the section's
    // own lookup walks every key.
    std::vector<const std::string *> keys;
    std::vector<const Json *> values;
    std::unordered_map<std::string_view, std::size_t> index;
    keys.reserve(section.size());
    values.reserve(section.size());
    index.reserve(section.size());
    for (auto it = section.begin(); it != section.end(); ++it) {
        index.try_emplace(it.key(), keys.size());
        keys.push_back(&it.key());
        values.push_back(&it.value());
    }
    // How many distinct entries each one still waits for, and who waits for it.
    std::vector<std::size_t> waiting(keys.size(), 0);
    std::vector<std::vector<std::size_t>> dependents(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::vector<std::size_t> waitsFor;
        for (const std::string &d : dependencies(*keys[i], *values[i])) {
            const auto it = index.find(d);
            if (it != index.end() && it->second != i)
                waitsFor.push_back(it->second);
        }
        std::sort(waitsFor.begin(), waitsFor.end());
        waitsFor.erase(std::unique(waitsFor.begin(), waitsFor.end()), waitsFor.end());
        waiting[i] = waitsFor.size();
        for (const std::size_t w : waitsFor)
            dependents[w].push_back(i);
    }
    // The earliest ready entry goes next; in a cycle, the earliest entry not yet written.
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (waiting[i] == 0)
            ready.push(i);
    std::vector<bool> done(keys.size(), false);
    std::vector<std::string> order;
    order.reserve(keys.size());
    std::size_t earliestLeft = 0;
    while (order.size() < keys.size()) {
        std::size_t next;
        if (!ready.empty()) {
            next = ready.top();
            ready.pop();
        } else {
            while (done[earliestLeft])
                ++earliestLeft;
            next = earliestLeft;
        }
        done[next] = true;
        order.push_back(*keys[next]);
        for (const std::size_t d : dependents[next])
            if (!done[d] && --waiting[d] == 0)
                ready.push(d);
    }
    return order;
}

} // namespace sc
