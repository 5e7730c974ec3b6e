// core/sweep's runner on a real project (SQLite + object store) through the real Trainer: a
// sweep of 4 tiny runs records each run with its sweep, trial and parameters and scores it on
// the objective; the best is the one the stored metrics say; a trial that cannot train does not
// stop the sweep; cancelling mid-sweep stops the run in progress and starts no other.
#include "common/ErrorExpectations.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/store/SweepRepository.h"
#include "flightdeck/sweep/SweepRunner.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cmath>
#include <memory>
#include <random>

using namespace flightdeck;
using flightdeck::testing::toPath;

namespace {

// Two overlapping Gaussian blobs: easy enough to learn in two epochs, hard enough that the
// learning rate and optimizer change the validation accuracy.
data::Table blobs()
{
    data::Table t;
    t.featureNames = {"a", "b"};
    t.labelName = "side";
    t.classes = {"left", "right"};
    std::mt19937 rng(5);
    std::normal_distribution<float> noise(0.0f, 1.2f);
    for (int i = 0; i < 200; ++i) {
        const int c = i % 2;
        t.features.push_back((c ? 1.0f : -1.0f) + noise(rng));
        t.features.push_back((c ? -0.5f : 0.5f) + noise(rng));
        t.labels.push_back(c);
    }
    return t;
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<store::Project> project;
    store::DatasetVersionRecord version;
    store::SplitRecord split;
    store::Id arch = 0;

    Fixture()
    {
        project = std::make_unique<store::Project>(store::Project::create(toPath(dir.path())));
        data::DatasetCatalog catalog(*project);
        version = catalog.addVersion("blobs", blobs(), "test_sweep");
        split = catalog.createSplit(version.id, {0.6, 0.3, 0.1}, 3);
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"tiny","layers":[{"type":"linear","units":8},{"type":"relu"}]})");
        arch = store::ArchitectureRepository(*project).save(spec.name, spec.toJson(), spec.hash());
    }

    sweep::SweepPlan plan() const
    {
        sweep::SweepPlan p;
        p.base.epochs = 2;
        p.base.batchSize = 16;
        p.base.threads = 1;
        p.base.device = "cpu";
        p.base.seed = 4;
        p.base.checkpoints = false;
        p.architectures = {arch};
        p.learningRates = {1e-4, 3e-2};
        p.optimizers = {train::OptimizerKind::Adam, train::OptimizerKind::Sgd};
        return p;
    }
};

double lastValue(store::RunRepository& runs, store::Id runId, std::string_view key)
{
    const auto points = runs.metrics(runId, std::string(key));
    return points.empty() ? std::nan("") : points.back().value;
}

}  // namespace

class TestSweepRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sweepProducesTheExpectedRuns()
    {
        Fixture fx;
        int started = 0, finished = 0;
        std::vector<store::Id> startedRuns;
        sweep::SweepCallbacks callbacks;
        callbacks.onSweepStarted = [&](store::Id, int trials) { QCOMPARE(trials, 4); };
        callbacks.onTrialStarted = [&](const sweep::Trial&, store::Id runId) {
            ++started;
            startedRuns.push_back(runId);
        };
        callbacks.onTrialFinished = [&](const sweep::TrialOutcome&) { ++finished; };
        const sweep::SweepResult result =
            sweep::SweepRunner(*fx.project).run(fx.plan(), fx.version.id, fx.split.id, "lr-opt", callbacks);
        QCOMPARE(started, 4);
        QCOMPARE(finished, 4);
        QCOMPARE(result.status, store::RunStatus::Completed);
        QCOMPARE(result.objective, std::string("val/accuracy"));   // a classification version
        QCOMPARE(result.outcomes.size(), std::size_t(4));

        store::SweepRepository sweeps(*fx.project);
        store::RunRepository runs(*fx.project);
        const store::SweepRecord s = sweeps.sweep(result.sweepId);
        QCOMPARE(s.name, std::string("lr-opt"));
        QCOMPARE(s.status, store::RunStatus::Completed);
        QVERIFY(s.endedAt.has_value());
        QCOMPARE(s.versionId, fx.version.id);
        QCOMPARE(s.objective, std::string("val/accuracy"));
        QCOMPARE(runs.runs().size(), std::size_t(4));

        const auto trials = sweeps.trials(result.sweepId);
        QCOMPARE(trials.size(), std::size_t(4));
        const char* expected[4][2] = {{"0.0001", "adam"}, {"0.0001", "sgd"}, {"0.03", "adam"}, {"0.03", "sgd"}};
        std::optional<double> bestScore;
        store::Id bestRun = 0;
        for (std::size_t i = 0; i < trials.size(); ++i) {
            const store::SweepTrialRecord& t = trials[i];
            QCOMPARE(t.trial, static_cast<int>(i));
            QCOMPARE(t.runId, startedRuns[i]);
            QCOMPARE(result.outcomes[i].runId, t.runId);
            const store::RunRecord run = runs.run(t.runId);
            QCOMPARE(run.status, store::RunStatus::Completed);
            QCOMPARE(run.name, "lr-opt #" + std::to_string(i + 1));
            QCOMPARE(run.architectureId, fx.arch);
            // The run's own parameters say what the plan assigned.
            const auto params = runs.params(t.runId);
            QCOMPARE(params.at("learning_rate"), std::string(expected[i][0]));
            QCOMPARE(params.at("optimizer"), std::string(expected[i][1]));
            QCOMPARE(params.at("seed"), std::string("4"));
            const auto a = nlohmann::json::parse(t.assignmentJson);
            QCOMPARE(a.at("optimizer").get<std::string>(), std::string(expected[i][1]));
            // No early stopping: the model is the last epoch's, so is the score.
            QVERIFY(t.score.has_value());
            QCOMPARE(*t.score, lastValue(runs, t.runId, metric::ValAccuracy));
            QCOMPARE(result.outcomes[i].score, t.score);
            if (!bestScore || *t.score > *bestScore) {
                bestScore = t.score;
                bestRun = t.runId;
            }
        }
        QVERIFY(result.best.has_value());
        QCOMPARE(result.outcomes[*result.best].runId, bestRun);
        QCOMPARE(sweeps.best(result.sweepId)->runId, bestRun);
        // The scores differ: the axes changed what was learned.
        QVERIFY(*trials[0].score != *trials[3].score || *trials[1].score != *trials[2].score);
    }

    void lowerIsBetterObjectivePicksTheLowest()
    {
        Fixture fx;
        sweep::SweepPlan p = fx.plan();
        p.objective = "val/loss";
        const auto result = sweep::SweepRunner(*fx.project).run(p, fx.version.id, fx.split.id, {});
        store::RunRepository runs(*fx.project);
        double lowest = 1e300;
        store::Id lowestRun = 0;
        for (const auto& o : result.outcomes)
            if (const double v = lastValue(runs, o.runId, metric::ValLoss); v < lowest) {
                lowest = v;
                lowestRun = o.runId;
            }
        QCOMPARE(result.outcomes[*result.best].runId, lowestRun);
        QCOMPARE(store::SweepRepository(*fx.project).sweep(result.sweepId).name,
                 "sweep-" + std::to_string(result.sweepId));
    }

    void aTrialThatCannotTrainDoesNotStopTheSweep()
    {
        Fixture fx;
        sweep::SweepPlan p = fx.plan();
        p.architectures = {999, fx.arch};   // no architecture 999: refused before a run exists
        p.learningRates = {1e-2};
        p.optimizers.clear();
        const auto result = sweep::SweepRunner(*fx.project).run(p, fx.version.id, fx.split.id, "mixed");
        QCOMPARE(result.outcomes.size(), std::size_t(2));
        QCOMPARE(result.outcomes[0].status, store::RunStatus::Failed);
        QCOMPARE(result.outcomes[0].runId, store::Id(0));
        QVERIFY(!result.outcomes[0].error.empty());
        QCOMPARE(result.outcomes[1].status, store::RunStatus::Completed);
        QCOMPARE(result.status, store::RunStatus::Completed);
        QCOMPARE(*result.best, std::size_t(1));
        QCOMPARE(store::SweepRepository(*fx.project).trials(result.sweepId).size(), std::size_t(1));
    }

    void cancelMidSweepStopsTheRunAndSkipsTheRest()
    {
        Fixture fx;
        std::atomic<bool> cancel{false};
        sweep::SweepCallbacks callbacks;
        callbacks.cancel = &cancel;
        callbacks.onProgress = [&](int trial, std::int64_t step, std::int64_t, int) {
            if (trial == 1 && step >= 2)
                cancel = true;   // in the second run's first epoch
        };
        int trialsStarted = 0;
        callbacks.onTrialStarted = [&](const sweep::Trial&, store::Id) { ++trialsStarted; };
        const auto result =
            sweep::SweepRunner(*fx.project).run(fx.plan(), fx.version.id, fx.split.id, "stopped", callbacks);
        QCOMPARE(trialsStarted, 2);
        QCOMPARE(result.status, store::RunStatus::Cancelled);
        QCOMPARE(result.outcomes.size(), std::size_t(2));
        QCOMPARE(result.outcomes[0].status, store::RunStatus::Completed);
        QCOMPARE(result.outcomes[1].status, store::RunStatus::Cancelled);
        QVERIFY(!result.outcomes[1].score.has_value());
        store::RunRepository runs(*fx.project);
        QCOMPARE(runs.runs().size(), std::size_t(2));
        QCOMPARE(runs.run(result.outcomes[1].runId).status, store::RunStatus::Cancelled);
        store::SweepRepository sweeps(*fx.project);
        QCOMPARE(sweeps.sweep(result.sweepId).status, store::RunStatus::Cancelled);
        const auto trials = sweeps.trials(result.sweepId);
        QCOMPARE(trials.size(), std::size_t(2));
        QVERIFY(trials[0].score.has_value());
        QVERIFY(!trials[1].score.has_value());
        QCOMPARE(sweeps.best(result.sweepId)->runId, result.outcomes[0].runId);
    }

    void badPlanWritesNothing()
    {
        Fixture fx;
        sweep::SweepPlan p = fx.plan();
        p.batchSizes = {0};
        const ErrorInfo e = flightdeck::testing::expectError(
            [&] { sweep::SweepRunner(*fx.project).run(p, fx.version.id, fx.split.id, {}); });
        QCOMPARE(e.field, std::string("batch_size"));
        QVERIFY(store::SweepRepository(*fx.project).sweeps().empty());
    }
};

QTEST_GUILESS_MAIN(TestSweepRunner)
#include "test_sweep_runner.moc"
