// core/store: managing datasets as a person does in the Data panel. Renaming refuses an empty
// or taken name; deleting a version takes its splits, label edits and the objects nothing else
// holds, unlinks versions derived from it, and is refused while a run (and through it the
// registry) or a sweep used the version; deleting a dataset is all of its versions or nothing.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/LabelRepository.h"
#include "flightdeck/store/ModelRegistry.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace flightdeck;
using namespace flightdeck::store;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

namespace {

std::int64_t countRows(Project& p, const std::string& sql)
{
    auto st = p.db().prepare(sql);
    st.step();
    return st.int64(0);
}

// A version whose content object is really in the store, as an import leaves it.
Id addVersion(Project& p, Id datasetId, const std::string& content, std::optional<Id> parent = {})
{
    DatasetVersionRecord v;
    v.datasetId = datasetId;
    v.hash = p.objects().put(content);
    v.rows = 3;
    v.features = 2;
    v.schemaJson = R"({"classes":["a","b"]})";
    v.parentId = parent;
    return DatasetRepository(p).addVersion(v);
}

Id addSplit(Project& p, Id versionId, const std::string& content)
{
    SplitRecord s;
    s.versionId = versionId;
    s.strategy = "stratified";
    s.trainFraction = 1;
    s.objectHash = p.objects().put(content);
    return DatasetRepository(p).addSplit(s);
}

}  // namespace

class TestDatasetManage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void renameRefusesEmptyAndTakenNames();
    void deleteVersionTakesItsSplitsAndObjects();
    void versionUsedByARunIsRefused();
    void deleteDatasetIsAllOrNothing();
};

void TestDatasetManage::renameRefusesEmptyAndTakenNames()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    DatasetRepository repo(p);
    const Id iris = repo.ensureDataset("iris");
    const Id wine = repo.ensureDataset("wine");
    repo.renameDataset(iris, "iris-2024");
    QCOMPARE(repo.dataset(iris).name, std::string("iris-2024"));
    QCOMPARE(repo.ensureDataset("iris-2024"), iris);
    repo.renameDataset(iris, "iris-2024");   // its own name: nothing to refuse

    const ErrorInfo taken = expectError([&] { repo.renameDataset(iris, "wine"); });
    QCOMPARE(taken.code, ErrorCode::InvalidArgument);
    QCOMPARE(taken.field, std::string("name"));
    QCOMPARE(expectError([&] { repo.renameDataset(wine, ""); }).field, std::string("name"));
    QCOMPARE(expectError([&] { repo.renameDataset(999, "x"); }).code, ErrorCode::NotFound);
    QCOMPARE(repo.dataset(wine).name, std::string("wine"));
}

void TestDatasetManage::deleteVersionTakesItsSplitsAndObjects()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    DatasetRepository repo(p);
    const Id ds = repo.ensureDataset("iris");
    const Id v1 = addVersion(p, ds, "rows of v1");
    const Id v2 = addVersion(p, ds, "rows of v2", v1);   // derived, e.g. labeled from v1
    const Id other = addVersion(p, repo.ensureDataset("copy"), "rows of v1");   // same bytes
    const Id split = addSplit(p, v1, "assignments of v1");
    LabelEventRecord edit;
    edit.versionId = v1;
    edit.row = 0;
    edit.className = "b";
    LabelRepository(p).addEvents(v1, {edit});

    const DatasetUsage usage = repo.versionUsage(v1);
    QCOMPARE(usage.splits, std::int64_t(1));
    QCOMPARE(usage.labelEdits, std::int64_t(1));
    QCOMPARE(usage.derivedVersions, std::int64_t(1));
    QCOMPARE(usage.runs, std::int64_t(0));
    QVERIFY(usage.deletable());

    const std::string splitHash = repo.split(split).objectHash;
    const std::string contentHash = repo.version(v1).hash;
    const auto removed = repo.deleteVersion(v1);
    // The split's object went; the content stays: the other dataset's version is those bytes.
    QCOMPARE(removed, std::vector<std::string>{splitHash});
    QVERIFY(!p.objects().contains(splitHash));
    QVERIFY(p.objects().contains(contentHash));
    QCOMPARE(expectError([&] { repo.version(v1); }).code, ErrorCode::NotFound);
    QCOMPARE(countRows(p, "SELECT count(*) FROM splits"), std::int64_t(0));
    QCOMPARE(countRows(p, "SELECT count(*) FROM label_events"), std::int64_t(0));
    QVERIFY(!repo.version(v2).parentId.has_value());
    QCOMPARE(repo.version(other).hash, contentHash);

    // The last holder of the bytes goes: so do they.
    QCOMPARE(repo.deleteVersion(other), std::vector<std::string>{contentHash});
    QVERIFY(!p.objects().contains(contentHash));
    QCOMPARE(expectError([&] { repo.deleteVersion(v1); }).code, ErrorCode::NotFound);
}

void TestDatasetManage::versionUsedByARunIsRefused()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    DatasetRepository repo(p);
    const Id ds = repo.ensureDataset("iris");
    const Id v = addVersion(p, ds, "rows");
    const Id split = addSplit(p, v, "assignments");
    RunRecord run;
    run.name = "mlp";
    run.splitId = split;   // through its split only: still this version's run
    run.status = RunStatus::Completed;
    const Id runId = RunRepository(p).createRun(run);
    ModelRegistry(p).registerModel("iris-mlp", runId, "/tmp/bundle", "abc");

    const DatasetUsage usage = repo.versionUsage(v);
    QCOMPARE(usage.runs, std::int64_t(1));
    QCOMPARE(usage.registeredModels, std::int64_t(1));
    QVERIFY(!usage.deletable());
    const ErrorInfo refused = expectError([&] { repo.deleteVersion(v); });
    QCOMPARE(refused.code, ErrorCode::InvalidArgument);
    QCOMPARE(refused.field, std::string("dataset version"));
    QCOMPARE(repo.version(v).id, v);
    QCOMPARE(repo.splits(v).size(), std::size_t(1));
    QVERIFY(p.objects().contains(repo.split(split).objectHash));
}

void TestDatasetManage::deleteDatasetIsAllOrNothing()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    DatasetRepository repo(p);
    const Id ds = repo.ensureDataset("iris");
    const Id v1 = addVersion(p, ds, "one");
    const Id v2 = addVersion(p, ds, "two", v1);
    RunRecord run;
    run.name = "mlp";
    run.versionId = v2;
    run.status = RunStatus::Failed;
    const Id runId = RunRepository(p).createRun(run);

    QCOMPARE(repo.datasetUsage(ds).versions, std::int64_t(2));
    QCOMPARE(repo.datasetUsage(ds).runs, std::int64_t(1));
    // v2 derives from v1 inside the same dataset: nothing outside is unlinked.
    QCOMPARE(repo.datasetUsage(ds).derivedVersions, std::int64_t(0));
    QCOMPARE(expectError([&] { repo.deleteDataset(ds); }).field, std::string("dataset"));
    QCOMPARE(repo.versions(ds).size(), std::size_t(2));   // v1 was not taken on its own

    p.db().prepare("DELETE FROM runs WHERE id = ?").bind(1, runId).run();
    QCOMPARE(repo.deleteDataset(ds).size(), std::size_t(2));
    QVERIFY(repo.datasets().empty());
    QCOMPARE(countRows(p, "SELECT count(*) FROM dataset_versions"), std::int64_t(0));
    QCOMPARE(expectError([&] { repo.deleteDataset(ds); }).code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestDatasetManage)
#include "test_dataset_manage.moc"
