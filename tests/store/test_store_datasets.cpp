// core/store: dataset versions (deduplicated, with their task and pixels object), label edits
// as an append-only history, and the schema 1 -> 2 migration that introduced them.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/LabelRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace flightdeck;
using namespace flightdeck::store;
namespace fs = std::filesystem;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

Q_DECLARE_METATYPE(flightdeck::ErrorCode)

namespace {

// First column of the first row, as text (counts and pragmas alike).
std::string scalar(Project& p, const std::string& sql)
{
    auto st = p.db().prepare(sql);
    return st.step() ? st.text(0) : std::string("<no row>");
}

std::int64_t countRows(Project& p, const std::string& table)
{
    return std::stoll(scalar(p, "SELECT count(*) FROM " + table));
}

}  // namespace

class TestStoreDatasets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void datasetVersionsDeduplicateAndLabels();
    void schemaOneMigratesKeepingVersions();
};

void TestStoreDatasets::datasetVersionsDeduplicateAndLabels()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    DatasetRepository repo(p);
    const Id ds = repo.ensureDataset("digits");
    QCOMPARE(repo.ensureDataset("digits"), ds);
    DatasetVersionRecord v;
    v.datasetId = ds;
    v.hash = sha256Hex("v1");
    v.source = "/tmp/digits.csv";
    v.rows = 3;
    v.features = 2;
    v.schemaJson = R"({"classes":["a","b"]})";
    v.task = "image_classification";
    v.dataHash = sha256Hex("pixels");
    const Id first = repo.addVersion(v);
    QCOMPARE(repo.addVersion(v), first);
    QCOMPARE(repo.versions(ds).size(), std::size_t(1));
    // From schema 2 an import writes no per-row rows: its labels live in the version object.
    QCOMPARE(countRows(p, "samples"), std::int64_t(0));
    QCOMPARE(countRows(p, "labels"), std::int64_t(0));
    const auto back = repo.version(first);
    QVERIFY(back.hash == v.hash && back.source == v.source && back.schemaJson == v.schemaJson);
    QCOMPARE(back.rows, std::int64_t(3));
    QCOMPARE(back.task, std::string("image_classification"));
    QCOMPARE(back.dataHash, v.dataHash);
    QVERIFY(!back.parentId.has_value() && back.createdAt > 0);

    // Label edits: the latest event per row wins; the whole history stays.
    LabelRepository labels(p);
    LabelEventRecord e;
    e.row = 1;
    e.className = "b";
    e.previous = "a";
    labels.addEvents(first, {e});
    e.className = "c";
    e.previous = "b";
    e.verified = true;
    e.seconds = 2.5;
    e.source = LabelSource::Model;
    LabelEventRecord other;
    other.row = 2;
    other.className = "";
    other.previous = "a";
    labels.addEvents(first, {e, other});
    const auto latest = labels.latestEvents(first);
    QCOMPARE(latest.size(), std::size_t(2));
    QCOMPARE(latest[0].row, std::int64_t(1));
    QCOMPARE(latest[0].className, std::string("c"));
    QCOMPARE(latest[0].previous, std::string("b"));
    QVERIFY(latest[0].verified && latest[0].source == LabelSource::Model);
    QCOMPARE(latest[0].seconds, 2.5);
    QCOMPARE(latest[1].className, std::string(""));
    QCOMPARE(labels.events(first).size(), std::size_t(3));
    QCOMPARE(labels.eventCount(first), std::int64_t(3));
    // A row past the end refuses the whole action.
    e.row = 3;
    QCOMPARE(expectError([&] { labels.addEvents(first, {other, e}); }).code,
             ErrorCode::InvalidArgument);
    QCOMPARE(labels.eventCount(first), std::int64_t(3));
    labels.addClass(first, "zebra");
    labels.addClass(first, "ant");
    labels.addClass(first, "zebra");
    QCOMPARE(labels.classes(first), (std::vector<std::string>{"zebra", "ant"}));

    v.hash = sha256Hex("v2");
    v.parentId = first;
    const Id second = repo.addVersion(v);
    QVERIFY(second != first);
    QCOMPARE(repo.version(second).parentId, std::optional<Id>(first));
    QCOMPARE(repo.allVersions().size(), std::size_t(2));

    v.task = "sound";   // the schema refuses a task nobody defined
    v.hash = sha256Hex("v3");
    ErrorInfo info = expectError([&] { repo.addVersion(v); });
    QCOMPARE(info.code, ErrorCode::Database);
    info = expectError([&] { repo.version(4242); });
    QCOMPARE(info.code, ErrorCode::NotFound);
    QCOMPARE(info.field, std::string("dataset version"));

    SplitRecord split{0, first, 0xfedcba9876543210ull, "stratified", 0.7, 0.2, 0.1, 7, 2, 1,
                      sha256Hex("assignments"), 0};   // seed above INT64_MAX survives SQLite
    const SplitRecord back2 = repo.split(repo.addSplit(split));
    QCOMPARE(back2.seed, split.seed);
    QCOMPARE(back2.valFraction, 0.2);
    QCOMPARE(back2.testCount, std::int64_t(1));
    QCOMPARE(back2.objectHash, split.objectHash);
    QCOMPARE(repo.splits(first).size(), std::size_t(1));
    QCOMPARE(expectError([&] { repo.split(999); }).code, ErrorCode::NotFound);
}

void TestStoreDatasets::schemaOneMigratesKeepingVersions()
{
    QTemporaryDir dir;
    const fs::path folder = toPath(dir.path());
    {
        // Take a fresh project back to what schema 1 looked like, with one imported version.
        Project p = Project::create(folder);
        p.db().exec("DROP TABLE metric_summaries; DROP TABLE sweep_runs; DROP TABLE sweeps; "
                    "DROP TABLE run_tags; ALTER TABLE runs DROP COLUMN note; "
                    "ALTER TABLE runs DROP COLUMN archived; "
                    "DROP TABLE alias_events; DROP TABLE alert_rules; "
                    "DROP TABLE label_events; DROP TABLE label_classes; "
                    "ALTER TABLE dataset_versions DROP COLUMN task; "
                    "ALTER TABLE dataset_versions DROP COLUMN data_hash; "
                    "INSERT INTO datasets (id, name, created_at) VALUES (1, 'iris', 1); "
                    "INSERT INTO dataset_versions (id, dataset_id, hash, row_count, "
                    "feature_count, schema_json, created_at) VALUES (1, 1, 'h', 3, 4, '{}', 1); "
                    "INSERT INTO samples (version_id, row_index) VALUES (1, 0);");
        p.db().setUserVersion(1);
    }
    Project p = Project::open(folder);
    QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
    const auto v = DatasetRepository(p).version(1);
    QCOMPARE(v.task, std::string("table_classification"));
    QCOMPARE(v.dataHash, std::string());
    QCOMPARE(v.rows, std::int64_t(3));
    QCOMPARE(countRows(p, "samples"), std::int64_t(1));
    LabelEventRecord e;
    e.className = "a";
    LabelRepository(p).addEvents(1, {e});
    QCOMPARE(LabelRepository(p).latestEvents(1).size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestStoreDatasets)
#include "test_store_datasets.moc"
