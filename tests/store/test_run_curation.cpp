// core/store schema 4: a run's tags, note and archived flag (RunCurationRepository), an older
// project migrating to it with its runs intact, and deleting a run with its rows and the
// objects only it referenced.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunCurationRepository.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace flightdeck;
using namespace flightdeck::store;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

namespace {

std::int64_t count(Project& p, const std::string& sql)
{
    auto st = p.db().prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

Id addRun(Project& p, const std::string& name)
{
    RunRepository runs(p);
    RunRecord r;
    r.name = name;
    r.status = RunStatus::Completed;
    const Id id = runs.createRun(r);
    runs.setParams(id, {{"learning_rate", "0.001"}});
    runs.appendMetrics(id, {{"train/loss", 0, 1, 1, 2.0}, {"train/loss", 1, 1, 2, 1.0}});
    return id;
}

}  // namespace

class TestRunCuration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tagsNoteAndArchiveRoundTrip()
    {
        QTemporaryDir dir;
        Project p = Project::create(toPath(dir.path()));
        const Id a = addRun(p, "a"), b = addRun(p, "b");
        RunCurationRepository curation(p);
        curation.setTags(a, {" baseline ", "lr-sweep", "", "baseline"});
        curation.setNote(a, "diverged after epoch 3");
        curation.setArchived(b, true);

        const RunCuration ca = curation.get(a);
        QCOMPARE(ca.tags, (std::vector<std::string>{"baseline", "lr-sweep"}));
        QCOMPARE(ca.note, std::string("diverged after epoch 3"));
        QVERIFY(!ca.archived);
        const auto all = curation.all();
        QCOMPARE(all.size(), std::size_t(2));
        QVERIFY(all.at(b).archived);
        QVERIFY(all.at(b).tags.empty());
        QCOMPARE(all.at(a).tags.size(), std::size_t(2));

        curation.setTags(a, {"kept"});   // replaces, does not add
        QCOMPARE(curation.get(a).tags, std::vector<std::string>{"kept"});
        curation.setArchived(b, false);
        QVERIFY(!curation.get(b).archived);
        QCOMPARE(expectError([&] { curation.setNote(999, "x"); }).code, ErrorCode::NotFound);
        QCOMPARE(expectError([&] { curation.setTags(999, {"x"}); }).code, ErrorCode::NotFound);
        QCOMPARE(count(p, "SELECT count(*) FROM run_tags WHERE run_id = 999"), 0);
    }

    void schemaThreeMigratesKeepingRuns()
    {
        QTemporaryDir dir;
        const auto folder = toPath(dir.path());
        Id id = 0;
        {
            // A project as schema 3 left it: no note, archived or run_tags.
            Project p = Project::create(folder);
            id = addRun(p, "old");
            p.db().exec("DROP TABLE metric_summaries; DROP TABLE sweep_runs; DROP TABLE sweeps; "
                        "DROP TABLE run_tags; ALTER TABLE runs DROP COLUMN note; "
                        "ALTER TABLE runs DROP COLUMN archived;");
            p.db().setUserVersion(3);
        }
        Project p = Project::open(folder);
        QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
        QCOMPARE(RunRepository(p).run(id).name, std::string("old"));
        QCOMPARE(RunRepository(p).metrics(id).size(), std::size_t(2));
        const RunCuration c = RunCurationRepository(p).get(id);
        QVERIFY(c.tags.empty() && c.note.empty() && !c.archived);
        RunCurationRepository(p).setTags(id, {"migrated"});
        QCOMPARE(RunCurationRepository(p).get(id).tags, std::vector<std::string>{"migrated"});
    }

    void deleteRemovesRowsAndUnsharedObjects()
    {
        QTemporaryDir dir;
        Project p = Project::create(toPath(dir.path()));
        RunRepository runs(p);
        const Id doomed = addRun(p, "doomed"), other = addRun(p, "other");
        const std::string own = p.objects().put("the doomed run's model");
        const std::string shared = p.objects().put("a checkpoint both runs point at");
        runs.addArtifact({0, doomed, "model", own, "model", 0});
        runs.addArtifact({0, doomed, "checkpoint", shared, "last", 0});
        runs.addArtifact({0, other, "checkpoint", shared, "last", 0});
        runs.addEvaluation({0, doomed, "test", 0.9, "{}", 0});
        RunCurationRepository curation(p);
        curation.setTags(doomed, {"x"});

        const std::vector<std::string> removed = curation.deleteRun(doomed);
        QCOMPARE(removed, std::vector<std::string>{own});
        QVERIFY(!p.objects().contains(own));
        QVERIFY(p.objects().contains(shared));
        for (const char* table : {"run_params", "metrics", "artifacts", "evaluations", "run_tags"})
            QCOMPARE(count(p, std::string("SELECT count(*) FROM ") + table + " WHERE run_id = "
                                  + std::to_string(doomed)), 0);
        QCOMPARE(runs.runs().size(), std::size_t(1));
        QCOMPARE(runs.metrics(other).size(), std::size_t(2));
        QCOMPARE(expectError([&] { runs.run(doomed); }).code, ErrorCode::NotFound);
        QCOMPARE(expectError([&] { curation.deleteRun(doomed); }).code, ErrorCode::NotFound);
    }

    void deleteRefusesTrainedOrRegisteredRuns()
    {
        QTemporaryDir dir;
        Project p = Project::create(toPath(dir.path()));
        const Id training = addRun(p, "training"), registered = addRun(p, "registered");
        RunCurationRepository curation(p);
        {
            RunLock lock(p, training);
            const ErrorInfo e = expectError([&] { curation.deleteRun(training); });
            QCOMPARE(e.code, ErrorCode::InvalidArgument);
            QVERIFY2(e.detail.find("trained") != std::string::npos, e.detail.c_str());
        }
        ModelRegistry(p).registerModel("iris", registered, "exports/iris", "abc");
        const ErrorInfo e = expectError([&] { curation.deleteRun(registered); });
        QCOMPARE(e.code, ErrorCode::InvalidArgument);
        QVERIFY2(e.detail.find("iris version 1") != std::string::npos, e.detail.c_str());
        QCOMPARE(RunRepository(p).runs().size(), std::size_t(2));
        curation.deleteRun(training);   // its lock is released now
        QCOMPARE(RunRepository(p).runs().size(), std::size_t(1));
    }
};

QTEST_MAIN(TestRunCuration)
#include "test_run_curation.moc"
