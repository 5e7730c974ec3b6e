#pragma once
#include "flightdeck/store/Records.h"

#include <optional>
#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

// What deleting a version (or a whole dataset) would take with it or break, counted before a
// person is asked. Runs and sweeps keep their data's id for lineage and reproduction, so a
// version they used is never deleted under them (the registry's lineage runs through the run).
struct DatasetUsage {
    std::int64_t versions = 0;          // the dataset's versions (1 for a single version)
    std::int64_t splits = 0;            // go with the version
    std::int64_t labelEdits = 0;        // go with the version
    std::int64_t runs = 0;              // block the deletion
    std::int64_t registeredModels = 0;  // registry versions of those runs
    std::int64_t sweeps = 0;            // block the deletion
    std::int64_t derivedVersions = 0;   // other versions made from it: kept, unlinked
    bool deletable() const { return runs == 0 && sweeps == 0; }
};

class DatasetRepository {
public:
    explicit DatasetRepository(Project& project);

    // Returns the id of the dataset with this name, creating it if needed.
    Id ensureDataset(const std::string& name);
    std::vector<DatasetRecord> datasets();
    DatasetRecord dataset(Id datasetId);         // NotFound if absent
    // InvalidArgument (field "name") for an empty name or one another dataset has.
    void renameDataset(Id datasetId, const std::string& name);

    // Inserts the version row (its rows' labels live in its object). If a version with the
    // same hash already exists in this dataset, returns its id and writes nothing. `created`
    // says which, decided inside the write transaction: of two processes storing the same
    // content at once, exactly one is told it made the version.
    Id addVersion(const DatasetVersionRecord& version, bool* created = nullptr);
    std::vector<DatasetVersionRecord> versions(Id datasetId);
    std::vector<DatasetVersionRecord> allVersions();
    DatasetVersionRecord version(Id versionId);   // NotFound if absent


    Id addSplit(const SplitRecord& split);
    std::vector<SplitRecord> splits(Id versionId);
    SplitRecord split(Id splitId);                // NotFound if absent

    DatasetUsage versionUsage(Id versionId);
    DatasetUsage datasetUsage(Id datasetId);
    // Deletes the version with its splits and label edits in one transaction (versions derived
    // from it keep their rows and lose the link), then removes the objects nothing else refers
    // to; returns their hashes. Refused (InvalidArgument) while a run or sweep used it.
    std::vector<std::string> deleteVersion(Id versionId);
    // Every version as above, then the dataset; refused if any version is in use.
    std::vector<std::string> deleteDataset(Id datasetId);

private:
    std::vector<std::string> deleteVersions(const std::vector<Id>& versionIds,
                                            const std::optional<Id>& datasetId);
    Project& project_;
};

}  // namespace flightdeck::store
