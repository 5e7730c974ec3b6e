#pragma once
// Bridges in-memory tables and the project store: a Table becomes an immutable,
// content-addressed dataset version; splits are stored beside it.
#include "flightdeck/data/Splitter.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/store/Records.h"

#include <string>

namespace flightdeck::store { class Project; }

namespace flightdeck::data {

class DatasetCatalog {
public:
    explicit DatasetCatalog(store::Project& project);

    // Serializes the table into the object store and records a version of dataset `name`
    // (identical content -> the existing version). Returns the version record.
    store::DatasetVersionRecord addVersion(const std::string& datasetName, const Table& table,
                                           const std::string& source);
    Table load(store::Id versionId);

    store::SplitRecord createSplit(store::Id versionId, const SplitFractions& fractions,
                                   std::uint64_t seed);
    Split loadSplit(store::Id splitId);

private:
    store::Project& project_;
};

}  // namespace flightdeck::data
