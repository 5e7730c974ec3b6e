#pragma once
// Bridges in-memory datasets and the project store: a Table or an ImageSet becomes an
// immutable, content-addressed dataset version; splits are stored beside it.
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/data/ImageSet.h"
#include "flightdeck/data/Splitter.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/store/Records.h"

#include <optional>
#include <string>

namespace flightdeck::store { class Project; }

namespace flightdeck::data {

// Where a version comes from when it is not a fresh import (a label commit).
struct VersionLineage {
    std::optional<store::Id> parent;
    std::string note;
};

class DatasetCatalog {
public:
    explicit DatasetCatalog(store::Project& project);

    // Serializes the table into the object store and records a version of dataset `name`
    // (identical content -> the existing version). Returns the version record; `created`
    // (optional) says whether this call made it, as store::DatasetRepository::addVersion.
    store::DatasetVersionRecord addVersion(const std::string& datasetName, const Table& table,
                                           const std::string& source,
                                           DatasetTask task = DatasetTask::TableClassification,
                                           const VersionLineage& lineage = {},
                                           bool* created = nullptr);
    // Stores the pixels once (a version with the same images reuses the object) and the
    // index (names, labels, parts, sample hashes) as the version object.
    store::DatasetVersionRecord addImageVersion(const std::string& datasetName,
                                                const ImageSet& images, const std::string& source,
                                                const VersionLineage& lineage = {},
                                                bool* created = nullptr);

    // The version (of any dataset) whose content is this table, as addVersion would store it;
    // nothing is written. Hashes a serialized copy, so it briefly holds the table twice.
    std::optional<store::DatasetVersionRecord> versionWithContent(const Table& table);

    DatasetTask task(store::Id versionId);
    // What a model sees of one row: {C, H, W} for images, {features} for tables; and its
    // outputs: the class count, or 1 for a regression target. Read from the version row alone
    // (no data loaded).
    struct ModelInput {
        std::vector<std::int64_t> shape;
        std::int64_t classes = 0;
    };
    ModelInput modelInput(store::Id versionId);
    // Any version as a table (an image version flattened to [0, 1] pixels).
    Table load(store::Id versionId);
    ImageSet loadImages(store::Id versionId);       // with pixels
    ImageIndex loadImageIndex(store::Id versionId); // without pixels (cheap)

    // Stratified by class over the labeled rows (unlabeled images belong to no part). When the
    // version carries its source's own split (IDX train / t10k), the source's test images are
    // the test part and train/val are drawn from its training images in the ratio asked.
    store::SplitRecord createSplit(store::Id versionId, const SplitFractions& fractions,
                                   std::uint64_t seed);
    // A split decided by the caller (e.g. a retrain that keeps the old test rows as its test
    // part): every row labeled and in at most one part. `strategy` is recorded as given.
    store::SplitRecord addSplit(store::Id versionId, Split split, const std::string& strategy,
                                std::uint64_t seed, const SplitFractions& fractions);
    Split loadSplit(store::Id splitId);

private:
    store::SplitRecord storeSplit(store::Id versionId, Split split, const std::string& strategy,
                                  std::uint64_t seed, const SplitFractions& fractions);
    store::Project& project_;
};

}  // namespace flightdeck::data
