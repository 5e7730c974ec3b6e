#include "flightdeck/store/DatasetRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/store/Project.h"

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

Id DatasetRepository::addVersion(const DatasetVersionRecord& version)
{
    auto& db = project_.db();
    Transaction tx(db);
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

}  // namespace flightdeck::store
