// core/store schema 5: sweeps and their trial rows (SweepRepository), the best trial by the
// objective's direction, a sweep whose process died marked interrupted, a trial going with its
// run, and a schema 4 project migrating with its runs intact.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunCurationRepository.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/store/SweepRepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace flightdeck;
using namespace flightdeck::store;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

namespace {

Id addRun(Project& p, const std::string& name)
{
    RunRecord r;
    r.name = name;
    r.status = RunStatus::Completed;
    return RunRepository(p).createRun(r);
}

}  // namespace

class TestStoreSweeps : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sweepAndTrialsRoundTrip()
    {
        QTemporaryDir dir;
        Project p = Project::create(toPath(dir.path()));
        SweepRepository sweeps(p);
        SweepRecord s;
        s.kind = SweepKind::Random;
        s.specJson = R"({"kind":"random"})";
        s.objective = "val/accuracy";
        const Id id = sweeps.create(s);
        const SweepRecord back = sweeps.sweep(id);
        QCOMPARE(back.name, "sweep-" + std::to_string(id));
        QCOMPARE(back.kind, SweepKind::Random);
        QCOMPARE(back.status, RunStatus::Running);
        QVERIFY(back.createdAt > 0);
        QVERIFY(!back.endedAt);
        QCOMPARE(back.versionId, Id(0));

        const Id a = addRun(p, "a"), b = addRun(p, "b"), c = addRun(p, "c");
        sweeps.addTrial({a, id, 0, R"({"learning_rate":0.001})", {}});
        sweeps.addTrial({b, id, 1, R"({"learning_rate":0.01})", {}});
        sweeps.addTrial({c, id, 2, R"({"learning_rate":0.1})", {}});
        QVERIFY(!sweeps.best(id));   // nothing scored yet
        sweeps.setScore(a, 0.80);
        sweeps.setScore(b, 0.92);
        sweeps.setScore(c, std::nan(""));   // not a score: stored as none
        const auto trials = sweeps.trials(id);
        QCOMPARE(trials.size(), std::size_t(3));
        QCOMPARE(trials[1].assignmentJson, std::string(R"({"learning_rate":0.01})"));
        QCOMPARE(*trials[1].score, 0.92);
        QVERIFY(!trials[2].score);
        QCOMPARE(sweeps.best(id)->runId, b);
        QCOMPARE(sweeps.allTrials().size(), std::size_t(3));

        sweeps.finish(id, RunStatus::Completed);
        QCOMPARE(sweeps.sweep(id).status, RunStatus::Completed);
        QVERIFY(sweeps.sweep(id).endedAt.has_value());
        QCOMPARE(sweeps.sweeps().size(), std::size_t(1));

        // A run is in one sweep once, and a trial number is taken once.
        QCOMPARE(expectError([&] { sweeps.addTrial({a, id, 5, "{}", {}}); }).code, ErrorCode::InvalidArgument);
        const Id d = addRun(p, "d");
        QCOMPARE(expectError([&] { sweeps.addTrial({d, id, 1, "{}", {}}); }).code, ErrorCode::InvalidArgument);
        QCOMPARE(expectError([&] { sweeps.sweep(999); }).code, ErrorCode::NotFound);
        QCOMPARE(expectError([&] { sweeps.setScore(d, 1.0); }).code, ErrorCode::NotFound);
        QCOMPARE(expectError([&] { sweeps.finish(999, RunStatus::Completed); }).code, ErrorCode::NotFound);
        SweepRecord noObjective;
        QCOMPARE(expectError([&] { sweeps.create(noObjective); }).field, std::string("objective"));
    }

    void bestFollowsTheObjectivesDirection()
    {
        std::vector<SweepTrialRecord> trials = {
            {1, 1, 0, "{}", 0.5}, {2, 1, 1, "{}", 0.2}, {3, 1, 2, "{}", 0.9}, {4, 1, 3, "{}", 0.2}};
        QCOMPARE(bestTrial(trials, "val/accuracy")->runId, Id(3));
        QCOMPARE(bestTrial(trials, "val/r2")->runId, Id(3));
        QCOMPARE(bestTrial(trials, "val/loss")->runId, Id(2));   // a tie goes to the earlier trial
        QCOMPARE(bestTrial(trials, "val/rmse")->runId, Id(2));
        QVERIFY(!bestTrial({{1, 1, 0, "{}", std::nullopt}}, "val/loss"));
    }

    void sweepsLeftRunningByADeadProcessAreInterrupted()
    {
        QTemporaryDir dir;
        Project p = Project::create(toPath(dir.path()));
        SweepRepository sweeps(p);
        SweepRecord s;
        s.objective = "val/accuracy";
        s.createdAt = unixTimeNow() - 600;
        const Id dead = sweeps.create(s), alive = sweeps.create(s), finished = sweeps.create(s);
        sweeps.finish(finished, RunStatus::Completed);
        s.createdAt = 0;   // now: its runner may not hold its lock yet
        const Id young = sweeps.create(s);
        {
            const RunLock lock(p, alive, "sweep");
            QVERIFY(RunLock::isHeld(p.folder(), alive, "sweep"));
            QVERIFY(!RunLock::isHeld(p.folder(), alive));   // a run's lock is another file
            QCOMPARE(sweeps.markInterruptedSweeps(), std::vector<Id>{dead});
        }
        QCOMPARE(sweeps.sweep(dead).status, RunStatus::Interrupted);
        QCOMPARE(sweeps.sweep(alive).status, RunStatus::Running);
        QCOMPARE(sweeps.sweep(finished).status, RunStatus::Completed);
        QCOMPARE(sweeps.sweep(young).status, RunStatus::Running);
        QCOMPARE(sweeps.markInterruptedSweeps(), std::vector<Id>{alive});   // its lock is gone now
    }

    void deletingARunDeletesItsTrial()
    {
        QTemporaryDir dir;
        Project p = Project::create(toPath(dir.path()));
        SweepRepository sweeps(p);
        SweepRecord s;
        s.objective = "val/loss";
        const Id id = sweeps.create(s);
        const Id a = addRun(p, "a"), b = addRun(p, "b");
        sweeps.addTrial({a, id, 0, "{}", 0.3});
        sweeps.addTrial({b, id, 1, "{}", 0.1});
        RunCurationRepository(p).deleteRun(b);
        QCOMPARE(sweeps.trials(id).size(), std::size_t(1));
        QCOMPARE(sweeps.best(id)->runId, a);
    }

    void schemaFourMigratesKeepingRuns()
    {
        QTemporaryDir dir;
        const auto folder = toPath(dir.path());
        Id id = 0;
        {
            // A project as schema 4 left it: no sweeps.
            Project p = Project::create(folder);
            id = addRun(p, "old");
            RunCurationRepository(p).setTags(id, {"kept"});
            p.db().exec("DROP TABLE metric_summaries; DROP TABLE sweep_runs; DROP TABLE sweeps;");
            p.db().setUserVersion(4);
        }
        Project p = Project::open(folder);
        QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
        QCOMPARE(RunRepository(p).run(id).name, std::string("old"));
        QCOMPARE(RunCurationRepository(p).get(id).tags, std::vector<std::string>{"kept"});
        SweepRepository sweeps(p);
        QVERIFY(sweeps.sweeps().empty());
        SweepRecord s;
        s.objective = "val/accuracy";
        const Id sweepId = sweeps.create(s);
        sweeps.addTrial({id, sweepId, 0, "{}", 0.7});
        QCOMPARE(sweeps.best(sweepId)->runId, id);
    }
};

QTEST_GUILESS_MAIN(TestStoreSweeps)
#include "test_store_sweeps.moc"
