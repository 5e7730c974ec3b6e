#pragma once
#include "flightdeck/store/Records.h"

#include <string>
#include <vector>

namespace flightdeck::store {

class Project;

class DatasetRepository {
public:
    explicit DatasetRepository(Project& project);

    // Returns the id of the dataset with this name, creating it if needed.
    Id ensureDataset(const std::string& name);
    std::vector<DatasetRecord> datasets();

    // Inserts the version and one sample row per entry of `labels` (row_index = position,
    // one labels row with source "import" each) in one transaction. If a version with the same
    // hash already exists in this dataset, returns its id and writes nothing.
    Id addVersion(const DatasetVersionRecord& version, const std::vector<std::string>& labels);
    std::vector<DatasetVersionRecord> versions(Id datasetId);
    std::vector<DatasetVersionRecord> allVersions();
    DatasetVersionRecord version(Id versionId);   // NotFound if absent
    std::vector<std::string> currentLabels(Id versionId);  // latest label per row, by row_index

    Id addSplit(const SplitRecord& split);
    std::vector<SplitRecord> splits(Id versionId);
    SplitRecord split(Id splitId);                // NotFound if absent

private:
    Project& project_;
};

}  // namespace flightdeck::store
