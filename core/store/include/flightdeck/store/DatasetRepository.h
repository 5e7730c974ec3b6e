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

    // Inserts the version row (its rows' labels live in its object). If a version with the
    // same hash already exists in this dataset, returns its id and writes nothing.
    Id addVersion(const DatasetVersionRecord& version);
    std::vector<DatasetVersionRecord> versions(Id datasetId);
    std::vector<DatasetVersionRecord> allVersions();
    DatasetVersionRecord version(Id versionId);   // NotFound if absent


    Id addSplit(const SplitRecord& split);
    std::vector<SplitRecord> splits(Id versionId);
    SplitRecord split(Id splitId);                // NotFound if absent

private:
    Project& project_;
};

}  // namespace flightdeck::store
