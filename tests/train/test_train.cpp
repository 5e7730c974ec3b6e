// core/train: end-to-end runs on a real project (SQLite + object store) with real libtorch,
// through the public API only (no torch header here: Qt's `slots` macro collides with it).
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/Table.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/RunEvaluator.h"
#include "flightdeck/train/Runtime.h"
#include "flightdeck/train/Trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <atomic>
#include <cmath>
#include <memory>
#include <random>
#include <set>

using namespace flightdeck;

namespace {

// Three well separated Gaussian blobs in 4 dimensions, 100 rows each, with feature scales that
// differ by orders of magnitude (the in-model standardization has to handle them).
data::Table blobs()
{
    data::Table t;
    t.featureNames = {"a", "b", "c", "d"};
    t.labelName = "blob";
    t.classes = {"left", "middle", "right"};
    const float centers[3][4] = {{-3, 0, 2, 0}, {0, 3, -2, 1}, {3, -3, 0, -1}};
    const float scale[4] = {1.0f, 100.0f, 0.01f, 1.0f};
    std::mt19937 rng(2024);
    std::normal_distribution<float> noise(0.0f, 0.6f);
    for (int i = 0; i < 300; ++i) {
        const int c = i % 3;
        for (int f = 0; f < 4; ++f)
            t.features.push_back((centers[c][f] + noise(rng)) * scale[f] + 5.0f);
        t.labels.push_back(c);
    }
    return t;
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<store::Project> project;
    store::DatasetVersionRecord version;
    store::SplitRecord split;
    store::Id architectureId = 0;

    Fixture()
    {
        project = std::make_unique<store::Project>(store::Project::create(dir.path().toStdString()));
        data::DatasetCatalog catalog(*project);
        version = catalog.addVersion("blobs", blobs(), "test_train");
        split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 11);
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"small","layers":[{"type":"linear","units":16},{"type":"relu"},)"
            R"({"type":"dropout","p":0.1},{"type":"linear","units":8},{"type":"relu"}]})");
        architectureId = store::ArchitectureRepository(*project).save(spec.name, spec.toJson(),
                                                                       spec.hash());
    }
};

train::TrainConfig smallConfig()
{
    train::TrainConfig c;
    c.epochs = 15;
    c.batchSize = 16;
    c.learningRate = 5e-3;
    c.seed = 3;
    c.threads = 2;
    c.device = "cpu";
    c.logEverySteps = 1;
    return c;
}

}  // namespace

class TestTrain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runtimeReportsItself();
    void trainsSeparableBlobs();
    void sameSeedIsBitForBitOnCpu();
    void cancelKeepsMetricsAndModel();
    void metricsAreVisibleToASecondConnectionDuringTraining();
    void metricsAreFlushedWithinAnEpoch();
    void badIdsThrowNotFound();
    void badSettingsAreRefused();
    void failureIsRecordedThenRethrown();
    void evaluatorStoresMatchingAccuracy();
};

void TestTrain::runtimeReportsItself()
{
    QCOMPARE(train::configureThreads(2), 2);
    const auto info = train::runtimeInfo();
    QVERIFY(!info.torchVersion.empty());
    QVERIFY(info.torchVersion[0] == '1' || info.torchVersion[0] == '2');
    QVERIFY(!info.blas.empty());
    QCOMPARE(info.threads, 2);
    QVERIFY(info.defaultDevice == "cpu" || info.defaultDevice == "cuda");
    QCOMPARE(info.defaultDevice == "cuda", info.cudaAvailable);
    qInfo("torch %s, BLAS: %s (reference: %d)", info.torchVersion.c_str(), info.blas.c_str(),
          int(info.blasIsReference));
    QVERIFY(train::configureThreads(0) >= 1);
}

void TestTrain::trainsSeparableBlobs()
{
    Fixture fx;
    QVERIFY(fx.dir.isValid());
    std::vector<store::MetricRecord> seen;
    std::int64_t lastStep = 0, totalSteps = 0, progressCalls = 0;
    store::Id startedId = 0;
    train::TrainCallbacks cb;
    cb.onStarted = [&](store::Id id) { startedId = id; };
    cb.onMetric = [&](const store::MetricRecord& m) { seen.push_back(m); };
    cb.onProgress = [&](std::int64_t step, std::int64_t total, int) {
        QCOMPARE(step, lastStep + 1);
        lastStep = step;
        totalSteps = total;
        ++progressCalls;
    };
    auto config = smallConfig();
    config.runName = "blobs-run";
    const auto result = train::Trainer(*fx.project).run(fx.version.id, fx.split.id,
                                                        fx.architectureId, config, cb);
    QCOMPARE(result.status, flightdeck::store::RunStatus::Completed);
    QCOMPARE(result.runId, startedId);
    const std::int64_t stepsPerEpoch = (fx.split.trainCount + 15) / 16;
    QCOMPARE(totalSteps, stepsPerEpoch * config.epochs);
    QCOMPARE(progressCalls, totalSteps);
    QVERIFY(result.samplesPerSecond > 0);
    QVERIFY(result.finalValAccuracy.has_value() && result.finalValLoss.has_value());
    QVERIFY2(*result.finalValAccuracy > 0.9, qPrintable(QString::number(*result.finalValAccuracy)));

    store::RunRepository runs(*fx.project);
    const auto run = runs.run(result.runId);
    QCOMPARE(run.status, flightdeck::store::RunStatus::Completed);
    QCOMPARE(run.name, std::string("blobs-run"));
    QCOMPARE(run.device, std::string("cpu"));
    QVERIFY(!run.blas.empty());
    QVERIFY(!run.torchVersion.empty());
    QVERIFY(!run.appVersion.empty());
    QVERIFY(!run.gitCommit.empty());
    QVERIFY(run.endedAt.has_value());

    // Loss falls substantially.
    const auto epochLoss = runs.metrics(result.runId, "train/epoch_loss");
    QCOMPARE(epochLoss.size(), std::size_t(config.epochs));
    QVERIFY2(epochLoss.back().value < 0.25 * epochLoss.front().value,
             qPrintable(QStringLiteral("%1 -> %2").arg(epochLoss.front().value).arg(epochLoss.back().value)));
    QCOMPARE(epochLoss.back().value, result.finalTrainLoss);

    const auto valAcc = runs.metrics(result.runId, "val/accuracy");
    QCOMPARE(valAcc.size(), std::size_t(config.epochs));
    QVERIFY(valAcc.back().value > 0.9);
    QCOMPARE(valAcc.back().value, *result.finalValAccuracy);
    QCOMPARE(runs.metrics(result.runId, "val/loss").size(), std::size_t(config.epochs));

    // One train/loss point per step, steps ordered and increasing, epochs 1-based.
    const auto loss = runs.metrics(result.runId, "train/loss");
    QCOMPARE(static_cast<std::int64_t>(loss.size()), totalSteps);
    for (std::size_t i = 0; i < loss.size(); ++i) {
        QCOMPARE(loss[i].step, static_cast<std::int64_t>(i + 1));
        QCOMPARE(loss[i].epoch, static_cast<int>(i / stepsPerEpoch) + 1);
        QVERIFY(loss[i].wallTime > 1.6e9);
        if (i > 0)
            QVERIFY(loss[i].wallTime >= loss[i - 1].wallTime);
    }
    // The run's end wrote the curves' summaries for a plot's first draw (short: whole).
    const auto summary = runs.metricSummary(result.runId, "train/loss");
    QCOMPARE(summary.size(), loss.size());
    QCOMPARE(summary.back().value, loss.back().value);
    QCOMPARE(runs.metricSummary(result.runId, "val/accuracy").size(), valAcc.size());
    for (std::size_t e = 0; e < valAcc.size(); ++e) {
        QCOMPARE(valAcc[e].epoch, static_cast<int>(e) + 1);
        QCOMPARE(valAcc[e].step, stepsPerEpoch * static_cast<std::int64_t>(e + 1));
    }
    // Every stored point went through onMetric.
    QCOMPARE(seen.size(), runs.metrics(result.runId).size());

    // The reproducibility contract's parameters.
    const auto params = runs.params(result.runId);
    for (const char* key : {"epochs", "batch_size", "learning_rate", "seed", "threads", "device",
                            "split_id", "split_seed", "dataset_version_hash", "spec_hash", "spec",
                            "optimizer", "log_every_steps"})
        QVERIFY2(params.count(key), key);
    QCOMPARE(params.at("epochs"), std::string("15"));
    QCOMPARE(params.at("batch_size"), std::string("16"));
    QCOMPARE(params.at("learning_rate"), std::string("0.005"));
    QCOMPARE(params.at("seed"), std::string("3"));
    QCOMPARE(params.at("split_id"), std::to_string(fx.split.id));
    QCOMPARE(params.at("split_seed"), std::string("11"));
    QCOMPARE(params.at("dataset_version_hash"), fx.version.hash);
    QCOMPARE(params.at("spec_hash"),
             store::ArchitectureRepository(*fx.project).get(fx.architectureId).specHash);

    // The model artifact is stored and loads, beside the last and the best checkpoints.
    const auto artifacts = runs.artifacts(result.runId);
    QCOMPARE(artifacts.size(), std::size_t(3));
    QCOMPARE(artifacts.back().kind, std::string("model"));
    QCOMPARE(artifacts.back().objectHash, result.modelObjectHash);
    std::set<std::string> checkpoints;
    for (const auto& a : artifacts)
        if (a.kind == "checkpoint" && fx.project->objects().contains(a.objectHash))
            checkpoints.insert(a.name);
    QCOMPARE(checkpoints, (std::set<std::string>{"best", "last"}));
    QVERIFY(fx.project->objects().contains(result.modelObjectHash));
    const auto m = model::Model::loadFromBytes(fx.project->objects().get(result.modelObjectHash));
    QCOMPARE(m.inputs(), std::int64_t(4));
    QCOMPARE(m.classes(), std::int64_t(3));
}

void TestTrain::sameSeedIsBitForBitOnCpu()
{
    Fixture fx;
    auto config = smallConfig();
    config.epochs = 4;
    train::Trainer trainer(*fx.project);
    const auto a = trainer.run(fx.version.id, fx.split.id, fx.architectureId, config);
    const auto b = trainer.run(fx.version.id, fx.split.id, fx.architectureId, config);
    QVERIFY(a.runId != b.runId);
    QCOMPARE(a.finalTrainLoss, b.finalTrainLoss);   // exact double equality
    QVERIFY(a.finalValLoss.has_value());
    QCOMPARE(*a.finalValLoss, *b.finalValLoss);
    store::RunRepository runs(*fx.project);
    const auto la = runs.metrics(a.runId, "train/loss");
    const auto lb = runs.metrics(b.runId, "train/loss");
    QCOMPARE(la.size(), lb.size());
    for (std::size_t i = 0; i < la.size(); ++i)
        QCOMPARE(la[i].value, lb[i].value);
    // The models agree exactly on their outputs too.
    const auto ma = model::Model::loadFromBytes(fx.project->objects().get(a.modelObjectHash));
    const auto mb = model::Model::loadFromBytes(fx.project->objects().get(b.modelObjectHash));
    const auto t = blobs();
    QVERIFY(ma.logits(t.features.data(), t.rows()) == mb.logits(t.features.data(), t.rows()));

    // A different seed gives a different trajectory.
    config.seed = 4;
    const auto c = trainer.run(fx.version.id, fx.split.id, fx.architectureId, config);
    QVERIFY(c.finalTrainLoss != a.finalTrainLoss);
}

void TestTrain::cancelKeepsMetricsAndModel()
{
    Fixture fx;
    std::atomic<bool> cancel{false};
    std::int64_t lastStep = 0;
    store::Id startedRun = 0;
    bool lockedWhileTraining = false;
    train::TrainCallbacks cb;
    cb.cancel = &cancel;
    cb.onStarted = [&](store::Id id) { startedRun = id; };
    cb.onProgress = [&](std::int64_t step, std::int64_t, int) {
        lastStep = step;
        if (step == 1)   // the run is owned by this live process while it trains
            lockedWhileTraining = store::RunLock::isHeld(fx.project->folder(), startedRun);
        if (step == 20)
            cancel = true;
    };
    const auto result = train::Trainer(*fx.project).run(fx.version.id, fx.split.id,
                                                        fx.architectureId, smallConfig(), cb);
    QCOMPARE(result.status, flightdeck::store::RunStatus::Cancelled);
    QCOMPARE(lastStep, std::int64_t(20));
    QVERIFY(lockedWhileTraining);
    QVERIFY(!store::RunLock::isHeld(fx.project->folder(), result.runId));
    store::RunRepository runs(*fx.project);
    const auto run = runs.run(result.runId);
    QCOMPARE(run.status, flightdeck::store::RunStatus::Cancelled);
    QVERIFY(run.endedAt.has_value());
    QCOMPARE(runs.metrics(result.runId, "train/loss").size(), std::size_t(20));
    // 20 steps of 14 per epoch: one full epoch was recorded, the partial one was not.
    QCOMPARE(runs.metrics(result.runId, "val/accuracy").size(), std::size_t(1));
    // The model as it stood, and a checkpoint where it stopped (the run can be resumed).
    const auto artifacts = runs.artifacts(result.runId);
    QCOMPARE(artifacts.back().kind, std::string("model"));
    QVERIFY(fx.project->objects().contains(artifacts.back().objectHash));
    QVERIFY(std::any_of(artifacts.begin(), artifacts.end(), [](const store::ArtifactRecord& a) {
        return a.kind == "checkpoint" && a.name == "last";
    }));
}

void TestTrain::metricsAreVisibleToASecondConnectionDuringTraining()
{
    Fixture fx;
    // A watcher (as the GUI would be) with its own connection on the same folder.
    auto watcher = store::Project::open(fx.dir.path().toStdString());
    store::RunRepository watching(watcher);
    store::Id runId = 0;
    std::size_t seenDuringEpoch3 = 0;
    train::TrainCallbacks cb;
    cb.onStarted = [&](store::Id id) {
        runId = id;
        QCOMPARE(watching.run(id).status, flightdeck::store::RunStatus::Running);
    };
    cb.onProgress = [&](std::int64_t, std::int64_t, int epoch) {
        if (epoch == 3 && seenDuringEpoch3 == 0)
            seenDuringEpoch3 = watching.metrics(runId, "val/loss").size();
    };
    auto config = smallConfig();
    config.epochs = 3;
    train::Trainer(*fx.project).run(fx.version.id, fx.split.id, fx.architectureId, config, cb);
    QCOMPARE(seenDuringEpoch3, std::size_t(2));
    QCOMPARE(watching.run(runId).status, flightdeck::store::RunStatus::Completed);
}

void TestTrain::metricsAreFlushedWithinAnEpoch()
{
    // Slow steps (as with a big model): the watcher must not wait for the epoch to end.
    Fixture fx;
    auto watcher = store::Project::open(fx.dir.path().toStdString());
    store::RunRepository watching(watcher);
    store::Id runId = 0;
    std::size_t seenAtStep12 = 0;
    train::TrainCallbacks cb;
    cb.onStarted = [&](store::Id id) { runId = id; };
    cb.onProgress = [&](std::int64_t step, std::int64_t, int) {
        QThread::msleep(70);
        if (step == 12)   // ~0.8 s into the first 14-step epoch
            seenAtStep12 = watching.metrics(runId, "train/loss").size();
    };
    auto config = smallConfig();
    config.epochs = 1;
    train::Trainer(*fx.project).run(fx.version.id, fx.split.id, fx.architectureId, config, cb);
    QVERIFY2(seenAtStep12 >= 5, qPrintable(QString::number(seenAtStep12)));
}

void TestTrain::badIdsThrowNotFound()
{
    Fixture fx;
    train::Trainer trainer(*fx.project);
    const auto config = smallConfig();
    const auto expectNotFound = [&](store::Id v, store::Id s, store::Id a) {
        try {
            trainer.run(v, s, a, config);
            QFAIL("expected Error(NotFound)");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::NotFound);
        }
    };
    expectNotFound(999, fx.split.id, fx.architectureId);
    expectNotFound(fx.version.id, 999, fx.architectureId);
    expectNotFound(fx.version.id, fx.split.id, 999);
    // None of them left a run behind.
    QVERIFY(store::RunRepository(*fx.project).runs().empty());

    try {
        train::RunEvaluator(*fx.project).evaluate(12345);
        QFAIL("expected Error(NotFound)");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::NotFound);
    }
}

void TestTrain::badSettingsAreRefused()
{
    Fixture fx;
    train::Trainer trainer(*fx.project);
    std::vector<train::TrainConfig> bad(5, smallConfig());
    bad[0].epochs = 0;
    bad[1].batchSize = 0;
    bad[2].learningRate = -1;
    bad[3].device = "tpu";
    bad[4].logEverySteps = 0;
    for (const auto& c : bad) {
        try {
            trainer.run(fx.version.id, fx.split.id, fx.architectureId, c);
            QFAIL("expected Error(InvalidArgument)");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        }
    }
    QVERIFY(store::RunRepository(*fx.project).runs().empty());

    // Features near float32's limit overflow once centred: refused naming the column, not
    // blamed on the learning rate after a NaN at step 1.
    data::Table huge = blobs();
    for (std::size_t i = 0; i < huge.rows(); ++i)
        huge.features[i * 4 + 1] = (i % 2 ? 3e38f : -3e38f);
    data::DatasetCatalog catalog(*fx.project);
    const auto v = catalog.addVersion("huge", huge, "test_train");
    const auto split = catalog.createSplit(v.id, {0.7, 0.15, 0.15}, 11);
    try {
        trainer.run(v.id, split.id, fx.architectureId, smallConfig());
        QFAIL("features at 3e38 were trained");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::BadValue);
        QCOMPARE(e.info().field, std::string("b"));
        QVERIFY2(std::string(e.what()).find("rescale") != std::string::npos, e.what());
    }
    QVERIFY(store::RunRepository(*fx.project).runs().empty());

    // 1e37-scaled features are fine (the in-model standardization copes): not refused.
    data::Table large = blobs();
    for (std::size_t i = 0; i < large.rows(); ++i)
        large.features[i * 4 + 1] *= 1e35f;
    const auto lv = catalog.addVersion("large", large, "test_train");
    const auto ls = catalog.createSplit(lv.id, {0.7, 0.15, 0.15}, 11);
    auto quick = smallConfig();
    quick.epochs = 2;
    const auto done = trainer.run(lv.id, ls.id, fx.architectureId, quick);
    QCOMPARE(done.status, store::RunStatus::Completed);
}

void TestTrain::failureIsRecordedThenRethrown()
{
    Fixture fx;
    train::TrainCallbacks cb;
    int metricCalls = 0;
    cb.onMetric = [&](const store::MetricRecord&) {
        if (++metricCalls == 5)
            throw std::runtime_error("boom from a callback");
    };
    auto config = smallConfig();
    config.runName.clear();
    try {
        train::Trainer(*fx.project).run(fx.version.id, fx.split.id, fx.architectureId, config, cb);
        QFAIL("expected the failure to be rethrown");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::TrainingFailed);
        QVERIFY(std::string(e.what()).find("boom") != std::string::npos);
    }
    const auto runs = store::RunRepository(*fx.project).runs();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].status, flightdeck::store::RunStatus::Failed);
    QVERIFY(runs[0].error.find("boom") != std::string::npos);
    QCOMPARE(runs[0].name, "run-" + std::to_string(runs[0].id));

    // A run lock that cannot be made (`locks` is a file) fails the new run with the reason;
    // the row used to stay "running" and turn "interrupted" half a minute later.
    std::filesystem::remove_all(fx.project->folder() / "locks");
    std::ofstream(fx.project->folder() / "locks") << "in the way\n";
    QVERIFY_THROWS_EXCEPTION(Error, train::Trainer(*fx.project).run(fx.version.id, fx.split.id,
                                                                    fx.architectureId, config));
    const auto after = store::RunRepository(*fx.project).runs();
    QCOMPARE(after.size(), std::size_t(2));
    const auto& locked = after[0].id > after[1].id ? after[0] : after[1];
    QCOMPARE(locked.status, flightdeck::store::RunStatus::Failed);
    QVERIFY2(locked.error.find("locks") != std::string::npos, locked.error.c_str());
}

void TestTrain::evaluatorStoresMatchingAccuracy()
{
    Fixture fx;
    auto config = smallConfig();
    config.epochs = 8;
    const auto result = train::Trainer(*fx.project).run(fx.version.id, fx.split.id,
                                                        fx.architectureId, config);
    train::RunEvaluator evaluator(*fx.project);
    const auto ev = evaluator.evaluate(result.runId);   // "test"
    QVERIFY(ev.evaluationId > 0);
    QVERIFY(ev.accuracy > 0.9);

    // Recompute independently: load the model, predict the split's test rows.
    data::DatasetCatalog catalog(*fx.project);
    const auto table = catalog.load(fx.version.id);
    const auto split = catalog.loadSplit(fx.split.id);
    const auto m = model::Model::loadFromBytes(fx.project->objects().get(result.modelObjectHash));
    std::int64_t correct = 0;
    for (auto r : split.test)
        correct += m.predict(table.row(r), 1)[0] == table.labels[r];
    QCOMPARE(ev.accuracy, static_cast<double>(correct) / static_cast<double>(split.test.size()));

    store::RunRepository runs(*fx.project);
    const auto stored = runs.evaluations(result.runId);
    QCOMPARE(stored.size(), std::size_t(1));
    QCOMPARE(stored[0].id, ev.evaluationId);
    QCOMPARE(stored[0].split, std::string("test"));
    QCOMPARE(stored[0].accuracy, ev.accuracy);
    std::vector<std::string> names;
    const auto report = eval::reportFromJson(stored[0].reportJson, &names);
    QCOMPARE(names, table.classes);
    QCOMPARE(report.samples, static_cast<std::int64_t>(split.test.size()));
    QCOMPARE(report.accuracy, ev.accuracy);

    const auto onVal = evaluator.evaluate(result.runId, "val");
    QVERIFY(onVal.accuracy > 0.9);
    QCOMPARE(runs.evaluations(result.runId).size(), std::size_t(2));
    try {
        evaluator.evaluate(result.runId, "holdout");
        QFAIL("expected Error(InvalidArgument)");
    } catch (const Error& e) {
        QCOMPARE(e.code(), ErrorCode::InvalidArgument);
    }
}

QTEST_GUILESS_MAIN(TestTrain)
#include "test_train.moc"
