#include "model/template/templateparts.h"

#include "model/template/processheap.h"

#include <algorithm>
#include <string_view>
#include <system_error>
#include <thread>
#include <unordered_set>

namespace sc::templateparts {

bool readAtOnce(std::vector<Part> &parts, std::size_t heapPerByte, const std::function<void(Part &)> &read)
{
    try {
        std::vector<std::jthread> threads;
        threads.reserve(parts.size());
        for (std::size_t i = 1; i < parts.size(); ++i) {
            threads.emplace_back([&read, &part = parts[i], heapPerByte] {
                processheap::reserve(part.text.size() * heapPerByte);
                read(part);
            });
        }
        // The first part is read on the calling thread, which has reserved for the whole text.
        read(parts.front());
    } catch (const std::system_error &) {
        return false; // no thread to be had: the whole text on this one
    }
    return true;
}

std::optional<Template> join(std::vector<Part> &parts, std::size_t wrapperNodes, const ReadLimits &limits)
{
    if (parts.empty() || std::any_of(parts.begin(), parts.end(), [](const Part &p) { return !p.tree; }))
        return std::nullopt;
    Template whole = std::move(*parts[0].tree);
    std::size_t nodes = parts[0].nodes;
    // Appended with sets of the names so far: ordered_map::emplace searches every key, and a
    // vector of pair<const string, Json> that grows copies its trees (the key cannot move), so
    // the vectors are sized first, the top level by moving its sections into a new one. The sets
    // view the parts' keys, which live as long as `parts`.
    std::size_t entryCount = 0, sectionCount = whole.root.size();
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const Json &part = parts[i].tree->root;
        if (part.empty() || part.begin().key() != "Resources" || !part.begin()->is_object())
            return std::nullopt;
        entryCount += part.begin()->size();
        sectionCount += part.size() - 1;
    }
    const auto reserveMoving = [](Json::object_t &object, std::size_t size) {
        Json::object_t sized;
        sized.reserve(size);
        for (auto &[key, value] : object)
            sized.Json::object_t::Container::emplace_back(key, std::move(value));
        object.swap(sized);
    };
    auto &top = whole.root.get_ref<Json::object_t &>();
    reserveMoving(top, sectionCount);
    const auto resources = whole.root.find("Resources");
    if (resources == whole.root.end() || !resources->is_object())
        return std::nullopt;
    auto &into = resources->get_ref<Json::object_t &>();
    reserveMoving(into, into.size() + entryCount);
    std::unordered_set<std::string_view> names, sections;
    names.reserve(into.size() + entryCount);
    for (const auto &entry : into)
        names.insert(entry.first);
    for (const auto &section : top)
        sections.insert(section.first);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        Template &part = *parts[i].tree;
        for (auto &[name, value] : part.root.begin()->get_ref<Json::object_t &>()) {
            if (!names.insert(name).second)
                return std::nullopt; // an entry written twice: the whole text names both lines
            into.Json::object_t::Container::emplace_back(name, std::move(value));
        }
        for (auto it = std::next(part.root.begin()); it != part.root.end(); ++it) {
            if (!sections.insert(it.key()).second)
                return std::nullopt;
            top.Json::object_t::Container::emplace_back(it.key(), std::move(it.value()));
        }
        nodes += parts[i].nodes - wrapperNodes;
        whole.positions.merge(std::move(part.positions));
    }
    if (nodes > limits.maxNodes)
        return std::nullopt;
    return whole;
}

} // namespace sc::templateparts
