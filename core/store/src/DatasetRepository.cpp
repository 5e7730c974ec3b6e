#include "flightdeck/store/DatasetRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

#include <sqlite3.h>

#include <set>

namespace flightdeck::store {

namespace {

constexpr const char* kVersionColumns =
    "id, dataset_id, parent_id, hash, source, row_count, feature_count, schema_json, note, "
    "created_at, task, data_hash";

DatasetVersionRecord readVersion(const Statement& st)
{
    DatasetVersionRecord v;
    v.id = st.int64(0);
    v.datasetId = st.int64(1);
    v.parentId = st.optionalInt64(2);
    v.hash = st.text(3);
    v.source = st.text(4);
    v.rows = st.int64(5);
    v.features = st.int64(6);
    v.schemaJson = st.text(7);
    v.note = st.text(8);
    v.createdAt = st.real(9);
    v.task = st.text(10);
    v.dataHash = st.text(11);
    return v;
}

constexpr const char* kSplitColumns =
    "id, version_id, seed, strategy, train_fraction, val_fraction, test_fraction, "
    "train_count, val_count, test_count, object_hash, created_at";

SplitRecord readSplit(const Statement& st)
{
    SplitRecord s;
    s.id = st.int64(0);
    s.versionId = st.int64(1);
    s.seed = sql::toUnsigned(st.int64(2));
    s.strategy = st.text(3);
    s.trainFraction = st.real(4);
    s.valFraction = st.real(5);
    s.testFraction = st.real(6);
    s.trainCount = st.int64(7);
    s.valCount = st.int64(8);
    s.testCount = st.int64(9);
    s.objectHash = st.text(10);
    s.createdAt = st.real(11);
    return s;
}

std::int64_t count(Database& db, const char* sql, Id id)
{
    auto st = db.prepare(sql);
    st.bind(1, id);
    st.step();
    return st.int64(0);
}

// Each query takes the ids as ?1 (one version at a time; a dataset sums its versions).
DatasetUsage usageOf(Database& db, const std::vector<Id>& versionIds)
{
    DatasetUsage u;
    u.versions = static_cast<std::int64_t>(versionIds.size());
    const std::set<Id> deleted(versionIds.begin(), versionIds.end());
    for (Id id : versionIds) {
        u.splits += count(db, "SELECT count(*) FROM splits WHERE version_id = ?1", id);
        u.labelEdits += count(db, "SELECT count(*) FROM label_events WHERE version_id = ?1", id);
        // A run names its version, and its split (a split of this version) says the same.
        u.runs += count(db, "SELECT count(*) FROM runs WHERE version_id = ?1 OR split_id IN "
                            "(SELECT id FROM splits WHERE version_id = ?1)", id);
        u.registeredModels += count(db, "SELECT count(*) FROM registered_models WHERE run_id IN "
                                        "(SELECT id FROM runs WHERE version_id = ?1 OR split_id IN "
                                        "(SELECT id FROM splits WHERE version_id = ?1))", id);
        u.sweeps += count(db, "SELECT count(*) FROM sweeps WHERE version_id = ?1 OR split_id IN "
                              "(SELECT id FROM splits WHERE version_id = ?1)", id);
        auto children = db.prepare("SELECT id FROM dataset_versions WHERE parent_id = ?1");
        children.bind(1, id);
        while (children.step())
            u.derivedVersions += deleted.count(children.int64(0)) ? 0 : 1;
    }
    return u;
}

[[noreturn]] void refuseInUse(const char* kind, Id id, const DatasetUsage& u)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, kind,
                          std::string(kind) + " " + std::to_string(id) + " is used by "
                              + std::to_string(u.runs) + " run(s) and " + std::to_string(u.sweeps)
                              + " sweep(s); delete those first"});
}

}  // namespace

DatasetRepository::DatasetRepository(Project& project) : project_(project) {}

Id DatasetRepository::ensureDataset(const std::string& name)
{
    if (name.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "name",
                              "expected a dataset name, got an empty string"});
    auto& db = project_.db();
    db.prepare("INSERT INTO datasets (name, created_at) VALUES (?, ?) "
               "ON CONFLICT (name) DO NOTHING")
        .bind(1, name)
        .bind(2, unixTimeNow())
        .run();
    auto st = db.prepare("SELECT id FROM datasets WHERE name = ?");
    st.bind(1, name);
    st.step();
    return st.int64(0);
}

std::vector<DatasetRecord> DatasetRepository::datasets()
{
    auto st = project_.db().prepare("SELECT id, name, created_at FROM datasets ORDER BY name");
    std::vector<DatasetRecord> out;
    while (st.step())
        out.push_back({st.int64(0), st.text(1), st.real(2)});
    return out;
}

DatasetRecord DatasetRepository::dataset(Id datasetId)
{
    auto st = project_.db().prepare("SELECT id, name, created_at FROM datasets WHERE id = ?");
    st.bind(1, datasetId);
    return sql::readOne(st, [](const Statement& s) {
        return DatasetRecord{s.int64(0), s.text(1), s.real(2)};
    }, "dataset", datasetId);
}

void DatasetRepository::renameDataset(Id datasetId, const std::string& name)
{
    if (name.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "name",
                              "expected a dataset name, got an empty string"});
    auto& db = project_.db();
    Transaction tx(db);
    auto taken = db.prepare("SELECT id FROM datasets WHERE name = ? AND id <> ?");
    taken.bind(1, name).bind(2, datasetId);
    if (taken.step())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "name",
                              "a dataset named \"" + name + "\" exists"});
    db.prepare("UPDATE datasets SET name = ? WHERE id = ?").bind(1, name).bind(2, datasetId).run();
    if (sqlite3_changes(db.handle()) == 0)
        sql::notFound("dataset", datasetId);
    tx.commit();
}

Id DatasetRepository::addVersion(const DatasetVersionRecord& version, bool* created)
{
    auto& db = project_.db();
    Transaction tx(db);
    if (created)
        *created = false;
    {
        auto existing =
            db.prepare("SELECT id FROM dataset_versions WHERE dataset_id = ? AND hash = ?");
        existing.bind(1, version.datasetId).bind(2, version.hash);
        if (existing.step())
            return existing.int64(0);   // identical content: same version, nothing written
    }
    db.prepare("INSERT INTO dataset_versions (dataset_id, parent_id, hash, source, row_count, "
               "feature_count, schema_json, note, created_at, task, data_hash) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, version.datasetId)
        .bind(2, version.parentId)
        .bind(3, version.hash)
        .bind(4, version.source)
        .bind(5, version.rows)
        .bind(6, version.features)
        .bind(7, version.schemaJson)
        .bind(8, version.note)
        .bind(9, sql::timeOrNow(version.createdAt))
        .bind(10, version.task)
        .bind(11, version.dataHash)
        .run();
    const Id versionId = db.lastInsertId();
    tx.commit();
    if (created)
        *created = true;
    return versionId;
}

std::vector<DatasetVersionRecord> DatasetRepository::versions(Id datasetId)
{
    auto st = project_.db().prepare(std::string("SELECT ") + kVersionColumns
                                    + " FROM dataset_versions WHERE dataset_id = ? ORDER BY id");
    st.bind(1, datasetId);
    return sql::readAll(st, readVersion);
}

std::vector<DatasetVersionRecord> DatasetRepository::allVersions()
{
    auto st = project_.db().prepare(std::string("SELECT ") + kVersionColumns
                                    + " FROM dataset_versions ORDER BY id");
    return sql::readAll(st, readVersion);
}

DatasetVersionRecord DatasetRepository::version(Id versionId)
{
    auto st = project_.db().prepare(std::string("SELECT ") + kVersionColumns
                                    + " FROM dataset_versions WHERE id = ?");
    st.bind(1, versionId);
    return sql::readOne(st, readVersion, "dataset version", versionId);
}

Id DatasetRepository::addSplit(const SplitRecord& split)
{
    auto& db = project_.db();
    db.prepare("INSERT INTO splits (version_id, seed, strategy, train_fraction, val_fraction, "
               "test_fraction, train_count, val_count, test_count, object_hash, created_at) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, split.versionId)
        .bind(2, sql::toSigned(split.seed))
        .bind(3, split.strategy)
        .bind(4, split.trainFraction)
        .bind(5, split.valFraction)
        .bind(6, split.testFraction)
        .bind(7, split.trainCount)
        .bind(8, split.valCount)
        .bind(9, split.testCount)
        .bind(10, split.objectHash)
        .bind(11, sql::timeOrNow(split.createdAt))
        .run();
    return db.lastInsertId();
}

std::vector<SplitRecord> DatasetRepository::splits(Id versionId)
{
    auto st = project_.db().prepare(std::string("SELECT ") + kSplitColumns
                                    + " FROM splits WHERE version_id = ? ORDER BY id");
    st.bind(1, versionId);
    return sql::readAll(st, readSplit);
}

SplitRecord DatasetRepository::split(Id splitId)
{
    auto st = project_.db().prepare(std::string("SELECT ") + kSplitColumns
                                    + " FROM splits WHERE id = ?");
    st.bind(1, splitId);
    return sql::readOne(st, readSplit, "split", splitId);
}

DatasetUsage DatasetRepository::versionUsage(Id versionId)
{
    return usageOf(project_.db(), {version(versionId).id});
}

DatasetUsage DatasetRepository::datasetUsage(Id datasetId)
{
    std::vector<Id> ids;
    for (const auto& v : versions(dataset(datasetId).id))
        ids.push_back(v.id);
    return usageOf(project_.db(), ids);
}

std::vector<std::string> DatasetRepository::deleteVersion(Id versionId)
{
    return deleteVersions({versionId}, std::nullopt);
}

std::vector<std::string> DatasetRepository::deleteDataset(Id datasetId)
{
    std::vector<Id> ids;
    for (const auto& v : versions(dataset(datasetId).id))
        ids.push_back(v.id);
    return deleteVersions(ids, datasetId);
}

std::vector<std::string> DatasetRepository::deleteVersions(const std::vector<Id>& versionIds,
                                                           const std::optional<Id>& datasetId)
{
    auto& db = project_.db();
    std::vector<std::string> unreferenced;
    {
        Transaction tx(db);
        // Counted inside the transaction: a run started in between cannot slip under it.
        const DatasetUsage usage = usageOf(db, versionIds);
        if (!usage.deletable())
            refuseInUse(datasetId ? "dataset" : "dataset version",
                        datasetId ? *datasetId : versionIds.front(), usage);
        std::set<std::string> hashes;
        for (Id id : versionIds) {
            auto objects = db.prepare("SELECT hash, data_hash FROM dataset_versions WHERE id = ?1 "
                                      "UNION ALL SELECT object_hash, '' FROM splits WHERE version_id = ?1");
            objects.bind(1, id);
            bool found = false;
            while (objects.step()) {
                found = true;
                for (int c : {0, 1})
                    if (!objects.text(c).empty())
                        hashes.insert(objects.text(c));
            }
            if (!found)
                sql::notFound("dataset version", id);
        }
        for (Id id : versionIds) {
            db.prepare("UPDATE dataset_versions SET parent_id = NULL WHERE parent_id = ?").bind(1, id).run();
            // Splits, samples, labels, label events and label classes go with the row.
            db.prepare("DELETE FROM dataset_versions WHERE id = ?").bind(1, id).run();
        }
        if (datasetId) {
            db.prepare("DELETE FROM datasets WHERE id = ?").bind(1, *datasetId).run();
            if (sqlite3_changes(db.handle()) == 0)
                sql::notFound("dataset", *datasetId);
        }
        // Another version (in any dataset) may hold the same bytes, and an image version's
        // pixels are shared by the versions labeled from it.
        unreferenced = sql::unreferencedObjects(db, hashes);
        tx.commit();
    }
    for (const std::string& hash : unreferenced)
        project_.objects().remove(hash);
    return unreferenced;
}

}  // namespace flightdeck::store
