#include "flightdeck/data/DatasetCatalog.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

namespace flightdeck::data {

DatasetCatalog::DatasetCatalog(store::Project& project) : project_(project) {}

store::DatasetVersionRecord DatasetCatalog::addVersion(const std::string& datasetName,
                                                       const Table& table,
                                                       const std::string& source)
{
    // The object goes in before the row that names it: a crash in between leaves an
    // unreferenced object, never a version pointing at nothing.
    const std::string hash = project_.objects().put(serializeTable(table));
    store::DatasetRepository repo(project_);
    store::DatasetVersionRecord record;
    record.datasetId = repo.ensureDataset(datasetName);
    record.hash = hash;
    record.source = source;
    record.rows = static_cast<std::int64_t>(table.rows());
    record.features = static_cast<std::int64_t>(table.cols());
    record.schemaJson = tableSchemaJson(table);
    std::vector<std::string> labels;
    labels.reserve(table.rows());
    for (std::int32_t label : table.labels)
        labels.push_back(table.classes.at(static_cast<std::size_t>(label)));
    return repo.version(repo.addVersion(record, labels));
}

Table DatasetCatalog::load(store::Id versionId)
{
    store::DatasetRepository repo(project_);
    return deserializeTable(project_.objects().get(repo.version(versionId).hash));
}

store::SplitRecord DatasetCatalog::createSplit(store::Id versionId,
                                               const SplitFractions& fractions,
                                               std::uint64_t seed)
{
    const Table table = load(versionId);
    const Split split =
        stratifiedSplit(table.labels, static_cast<int>(table.classes.size()), fractions, seed);
    const std::string hash = project_.objects().put(serializeSplit(split));
    store::DatasetRepository repo(project_);
    // Same assignments under the same seed and fractions: reuse the record rather than pile up
    // identical splits that runs would then disagree about.
    for (const auto& existing : repo.splits(versionId))
        if (existing.objectHash == hash && existing.seed == seed
            && existing.trainFraction == fractions.train && existing.valFraction == fractions.val
            && existing.testFraction == fractions.test)
            return existing;
    store::SplitRecord record;
    record.versionId = versionId;
    record.seed = seed;
    record.strategy = "stratified";
    record.trainFraction = fractions.train;
    record.valFraction = fractions.val;
    record.testFraction = fractions.test;
    record.trainCount = static_cast<std::int64_t>(split.train.size());
    record.valCount = static_cast<std::int64_t>(split.val.size());
    record.testCount = static_cast<std::int64_t>(split.test.size());
    record.objectHash = hash;
    return repo.split(repo.addSplit(record));
}

Split DatasetCatalog::loadSplit(store::Id splitId)
{
    store::DatasetRepository repo(project_);
    return deserializeSplit(project_.objects().get(repo.split(splitId).objectHash));
}

}  // namespace flightdeck::data
