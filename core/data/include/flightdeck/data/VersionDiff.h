#pragma once
// What changed between two versions of a dataset: samples added and removed (matched by
// content: an image's pixel hash, a table row's feature values), labels changed, and the
// per-class counts before and after.
#include "flightdeck/store/Records.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::data {

struct ClassCountChange {
    std::string className;
    std::int64_t before = 0, after = 0;
};

struct RelabeledSample {
    std::string name;        // in the newer version
    std::string before, after;
};

struct VersionDiff {
    std::int64_t added = 0, removed = 0, relabeled = 0, unchanged = 0;
    std::vector<ClassCountChange> classes;      // every class of either version, by name
    std::vector<RelabeledSample> examples;      // the first few relabeled samples
};

// `maxExamples` caps `examples`.
VersionDiff diffVersions(store::Project& project, store::Id from, store::Id to,
                         std::size_t maxExamples = 20);

}  // namespace flightdeck::data
