#include "flightdeck/data/DatasetCatalog.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <future>
#include <map>

namespace flightdeck::data {

namespace {

store::DatasetVersionRecord baseRecord(store::DatasetRepository& repo, const std::string& name,
                                       const std::string& source, const VersionLineage& lineage)
{
    store::DatasetVersionRecord record;
    record.datasetId = repo.ensureDataset(name);
    record.source = source;
    record.parentId = lineage.parent;
    record.note = lineage.note;
    return record;
}

// Per-class counts go with every version, so a version list or a diff can show them without
// loading the data.
nlohmann::json classCounts(const std::vector<std::string>& classes,
                           const std::vector<std::int32_t>& labels)
{
    std::vector<std::int64_t> counts(classes.size(), 0);
    std::int64_t unlabeled = 0;
    for (auto l : labels)
        (l >= 0 && static_cast<std::size_t>(l) < counts.size() ? counts[static_cast<std::size_t>(l)]
                                                               : unlabeled)++;
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t c = 0; c < classes.size(); ++c)
        j[classes[c]] = counts[c];
    return nlohmann::json{{"class_counts", j}, {"unlabeled", unlabeled}};
}

std::string imageSchemaJson(const ImageSet& images)
{
    nlohmann::json j;
    j["image"] = {{"channels", images.channels},
                  {"height", images.height},
                  {"width", images.width}};
    j["label"] = "label";
    j["classes"] = images.classes;
    j["fixed_parts"] = images.hasFixedParts();
    j.update(classCounts(images.classes, images.labels));
    return j.dump();
}

}  // namespace

DatasetCatalog::DatasetCatalog(store::Project& project) : project_(project) {}

store::DatasetVersionRecord DatasetCatalog::addVersion(const std::string& datasetName,
                                                       const Table& table,
                                                       const std::string& source,
                                                       DatasetTask task,
                                                       const VersionLineage& lineage,
                                                       bool* created)
{
    if (task == DatasetTask::ImageClassification)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "task",
                              "a table is classification or regression, not an image task"});
    // The object goes in before the row that names it: a crash in between leaves an
    // unreferenced object, never a version pointing at nothing.
    // Put as parts, the arrays viewed in place: a serialized copy would double peak memory.
    std::string header;
    const std::string hash = project_.objects().put(tableParts(table, header));
    store::DatasetRepository repo(project_);
    store::DatasetVersionRecord record = baseRecord(repo, datasetName, source, lineage);
    record.hash = hash;
    record.rows = static_cast<std::int64_t>(table.rows());
    record.features = static_cast<std::int64_t>(table.cols());
    nlohmann::json schema = nlohmann::json::parse(tableSchemaJson(table));
    schema.update(classCounts(table.classes, table.labels));
    record.schemaJson = schema.dump();
    record.task = taskName(task);
    return repo.version(repo.addVersion(record, created));
}

store::DatasetVersionRecord DatasetCatalog::addImageVersion(const std::string& datasetName,
                                                            const ImageSet& images,
                                                            const std::string& source,
                                                            const VersionLineage& lineage,
                                                            bool* created)
{
    // The per-image SHA-256s (for the index) and the pixels object's own hash + write are two
    // passes over the same pixels; run side by side they cost the longer of the two, not the
    // sum (0.10 s beside ~0.2-0.5 s for 10,000 64x64 RGB images).
    auto hashes = std::async(std::launch::async, [&images] { return sampleHashes(images); });
    std::string header;
    const std::string pixels = project_.objects().put(pixelParts(images, header));
    const std::string hash =
        project_.objects().put(serializeImageIndex(images, pixels, hashes.get()));
    store::DatasetRepository repo(project_);
    store::DatasetVersionRecord record = baseRecord(repo, datasetName, source, lineage);
    record.hash = hash;
    record.dataHash = pixels;
    record.rows = static_cast<std::int64_t>(images.size());
    record.features = static_cast<std::int64_t>(images.imageBytes());
    record.schemaJson = imageSchemaJson(images);
    record.task = taskName(DatasetTask::ImageClassification);
    return repo.version(repo.addVersion(record, created));
}

std::optional<store::DatasetVersionRecord> DatasetCatalog::versionWithContent(const Table& table)
{
    const std::string hash = store::sha256Hex(serializeTable(table));
    for (auto& version : store::DatasetRepository(project_).allVersions())
        if (version.hash == hash)
            return std::move(version);
    return std::nullopt;
}

DatasetTask DatasetCatalog::task(store::Id versionId)
{
    return taskFromName(store::DatasetRepository(project_).version(versionId).task);
}

DatasetCatalog::ModelInput DatasetCatalog::modelInput(store::Id versionId)
{
    const auto record = store::DatasetRepository(project_).version(versionId);
    const auto schema = parseJson(record.schemaJson, "dataset version");
    ModelInput in;
    in.shape = {record.features};
    if (schema.contains("image"))
        in.shape = {schema["image"].value("channels", std::int64_t(1)),
                    schema["image"].value("height", std::int64_t(1)),
                    schema["image"].value("width", std::int64_t(1))};
    if (schema.contains("classes") && schema["classes"].is_array())
        in.classes = static_cast<std::int64_t>(schema["classes"].size());
    // A regression target's distinct values are not outputs: the model has one.
    if (taskFromName(record.task) == DatasetTask::TableRegression)
        in.classes = 1;
    return in;
}

Table DatasetCatalog::load(store::Id versionId)
{
    store::DatasetRepository repo(project_);
    const auto record = repo.version(versionId);
    if (taskFromName(record.task) == DatasetTask::ImageClassification)
        return flattenImages(loadImages(versionId));
    return deserializeTable(project_.objects().get(record.hash));
}

ImageIndex DatasetCatalog::loadImageIndex(store::Id versionId)
{
    const auto record = store::DatasetRepository(project_).version(versionId);
    if (taskFromName(record.task) != DatasetTask::ImageClassification)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "version",
                              "dataset version " + std::to_string(versionId)
                                  + " holds a table, not images"});
    ImageIndex index = deserializeImageIndex(project_.objects().get(record.hash));
    if (index.pixelsHash != record.dataHash)
        throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, record.hash,
                              "the index names pixels " + index.pixelsHash
                                  + ", the version row " + record.dataHash});
    return index;
}

ImageSet DatasetCatalog::loadImages(store::Id versionId)
{
    ImageIndex index = loadImageIndex(versionId);
    attachPixels(index.images, project_.objects().get(index.pixelsHash));
    return std::move(index.images);
}

store::SplitRecord DatasetCatalog::createSplit(store::Id versionId,
                                               const SplitFractions& fractions,
                                               std::uint64_t seed)
{
    std::vector<std::int32_t> labels;
    std::vector<SamplePart> parts;
    std::size_t classCount = 0;
    if (task(versionId) == DatasetTask::ImageClassification) {
        ImageIndex index = loadImageIndex(versionId);
        labels = std::move(index.images.labels);
        parts = std::move(index.images.parts);
        classCount = index.images.classes.size();
    } else {
        Table table = load(versionId);
        labels = std::move(table.labels);
        classCount = table.classes.size();
    }
    // The rows each stratified draw sees; unlabeled rows and a source's test rows stay out.
    std::vector<std::uint32_t> drawn, fixedTest;
    std::vector<std::int32_t> drawnLabels;
    for (std::size_t r = 0; r < labels.size(); ++r) {
        if (labels[r] < 0)
            continue;
        if (!parts.empty() && parts[r] == SamplePart::Test) {
            fixedTest.push_back(static_cast<std::uint32_t>(r));
            continue;
        }
        drawn.push_back(static_cast<std::uint32_t>(r));
        drawnLabels.push_back(labels[r]);
    }
    if (drawn.empty())
        throw Error(ErrorInfo{ErrorCode::TooFewRows, {}, 0, "labels",
                              "dataset version " + std::to_string(versionId)
                                  + " has no labeled rows to split"});
    SplitFractions draw = fractions;
    const bool fixed = !parts.empty();
    if (fixed) {
        // The source decided the test part; train and val keep the ratio that was asked.
        const double kept = fractions.train + fractions.val;
        draw = kept > 0 ? SplitFractions{fractions.train / kept, fractions.val / kept, 0.0}
                        : SplitFractions{1.0, 0.0, 0.0};
    }
    // A regression target's values are not classes: stratifying over them leaves a value held
    // by one row in train only, so val and test come out nearly empty. One stratum = random.
    const bool regression = task(versionId) == DatasetTask::TableRegression;
    if (regression) {
        std::fill(drawnLabels.begin(), drawnLabels.end(), 0);
        classCount = 1;
    }
    Split local = stratifiedSplit(drawnLabels, static_cast<int>(classCount), draw, seed);
    Split split;
    for (auto* part : {&local.train, &local.val, &local.test})
        for (auto& r : *part)
            r = drawn[r];
    split.train = std::move(local.train);
    split.val = std::move(local.val);
    split.test = fixed ? std::move(fixedTest) : std::move(local.test);
    return storeSplit(versionId, std::move(split), fixed ? "fixed_test" : regression ? "random" : "stratified",
                      seed, fractions);
}

store::SplitRecord DatasetCatalog::addSplit(store::Id versionId, Split split, const std::string& strategy,
                                            std::uint64_t seed, const SplitFractions& fractions)
{
    std::vector<std::int32_t> labels;
    if (task(versionId) == DatasetTask::ImageClassification)
        labels = loadImageIndex(versionId).images.labels;
    else
        labels = load(versionId).labels;
    std::vector<std::uint8_t> seen(labels.size(), 0);
    for (const auto* part : {&split.train, &split.val, &split.test})
        for (auto r : *part) {
            if (r >= labels.size() || labels[r] < 0 || seen[r]++)
                throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "split",
                                      "labeled rows of version " + std::to_string(versionId)
                                          + ", each in one part; row " + std::to_string(r)
                                          + (r >= labels.size() ? " does not exist"
                                             : labels[r] < 0    ? " is unlabeled"
                                                                : " is in two parts")});
        }
    return storeSplit(versionId, std::move(split), strategy, seed, fractions);
}

store::SplitRecord DatasetCatalog::storeSplit(store::Id versionId, Split split, const std::string& strategy,
                                              std::uint64_t seed, const SplitFractions& fractions)
{
    for (auto* part : {&split.train, &split.val, &split.test})
        std::sort(part->begin(), part->end());

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
    record.strategy = strategy;
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
