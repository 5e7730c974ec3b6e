#include "flightdeck/data/VersionDiff.h"

#include "flightdeck/data/DatasetCatalog.h"

#include <deque>
#include <functional>
#include <map>
#include <string_view>
#include <unordered_map>

namespace flightdeck::data {

namespace {

// Each row's identity and label, whatever the kind of version.
struct Keyed {
    std::vector<std::string> keys, names, labels;   // label "" = none
};

Keyed keyed(DatasetCatalog& catalog, store::Id version)
{
    Keyed k;
    auto className = [](const std::vector<std::string>& classes, std::int32_t l) {
        return l < 0 ? std::string() : classes.at(static_cast<std::size_t>(l));
    };
    if (catalog.task(version) == DatasetTask::ImageClassification) {
        ImageIndex index = catalog.loadImageIndex(version);
        k.keys = std::move(index.sampleHashes);
        k.names = std::move(index.images.names);
        for (auto l : index.images.labels)
            k.labels.push_back(className(index.images.classes, l));
        return k;
    }
    const Table t = catalog.load(version);
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const std::string_view bytes(reinterpret_cast<const char*>(t.row(r)),
                                     t.cols() * sizeof(float));
        k.keys.push_back(std::to_string(std::hash<std::string_view>{}(bytes)) + ":"
                         + std::to_string(bytes.size()));
        k.names.push_back("row " + std::to_string(r + 1));
        k.labels.push_back(className(t.classes, t.labels[r]));
    }
    return k;
}

}  // namespace

VersionDiff diffVersions(store::Project& project, store::Id from, store::Id to,
                         std::size_t maxExamples)
{
    DatasetCatalog catalog(project);
    const Keyed a = keyed(catalog, from);
    const Keyed b = keyed(catalog, to);
    VersionDiff diff;
    std::map<std::string, ClassCountChange> counts;
    for (const auto& l : a.labels)
        if (!l.empty())
            ++counts[l].before;
    for (const auto& l : b.labels)
        if (!l.empty())
            ++counts[l].after;
    for (auto& [name, change] : counts) {
        change.className = name;
        diff.classes.push_back(change);
    }

    // Duplicates match in order: the n-th copy in one version pairs with the n-th in the other.
    std::unordered_map<std::string, std::deque<std::size_t>> unmatched;
    for (std::size_t r = 0; r < a.keys.size(); ++r)
        unmatched[a.keys[r]].push_back(r);
    for (std::size_t r = 0; r < b.keys.size(); ++r) {
        auto it = unmatched.find(b.keys[r]);
        if (it == unmatched.end() || it->second.empty()) {
            ++diff.added;
            continue;
        }
        const std::size_t old = it->second.front();
        it->second.pop_front();
        if (a.labels[old] == b.labels[r]) {
            ++diff.unchanged;
            continue;
        }
        ++diff.relabeled;
        if (diff.examples.size() < maxExamples)
            diff.examples.push_back({b.names[r], a.labels[old], b.labels[r]});
    }
    for (const auto& [key, rows] : unmatched)
        diff.removed += static_cast<std::int64_t>(rows.size());
    return diff;
}

}  // namespace flightdeck::data
