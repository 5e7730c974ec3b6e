// The loop back from production through core's own APIs: a model trained and exported, a
// production log whose feature "x" shifts halfway, drift flagged on x (not y, z) in the windows
// after the shift against the bundle's reference profile, the shifted window's records turned
// into a fresh dataset version (labels joined from ground truth), a retrain with the old recipe
// that is compared with the old model on the old test rows and on held-out fresh rows, and the
// serving alias moved to the new model.
#include "common/ShiftedBlobs.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/loop/FreshData.h"
#include "flightdeck/loop/Retrain.h"
#include "flightdeck/model/GraphSpec.h"
#include "flightdeck/monitor/DriftWindows.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/LogSimulator.h"
#include "flightdeck/monitor/ReferenceProfile.h"
#include "flightdeck/monitor/ReferenceSample.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/RunEvaluator.h"
#include "flightdeck/train/Trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

#include <nlohmann/json.hpp>

using namespace flightdeck;
namespace fs = std::filesystem;

namespace {

constexpr double kStart = 1795392000, kShiftAt = 1800;

}  // namespace

class TestLoop : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void roundTheLoop()
    {
        auto project = store::Project::create(dir_.filePath("p").toStdString());
        data::DatasetCatalog catalog(project);
        const data::Table table = testing::threeBlobs(600);
        const auto version = catalog.addVersion("blobs", table, "blobs.csv");
        const auto split = catalog.createSplit(version.id, {0.6, 0.2, 0.2}, 3);
        const auto g = model::GraphSpec::fromJson(
            R"({"version":2,"name":"mlp","nodes":[{"id":"in","type":"input"},)"
            R"({"id":"h","type":"linear","inputs":["in"],"units":16},{"id":"r","type":"relu","inputs":["h"]},)"
            R"({"id":"out","type":"output","inputs":["r"],"loss":"cross_entropy"}]})");
        const auto arch = store::ArchitectureRepository(project).save("mlp", g.toJson(), g.hash());
        train::TrainConfig config;
        config.epochs = 8;
        config.batchSize = 32;
        config.learningRate = 5e-3;
        config.threads = 2;
        const auto first = train::Trainer(project).run(version.id, split.id, arch, config);
        const auto bundle = exporting::BundleExporter(project).exportRun(first.runId, "blobs");
        store::ModelRegistry(project).setAlias(bundle.registeredModelId, "production");

        // An hour of production; from 30 minutes on, x arrives 3 higher (a changed sensor).
        const monitor::SimulationSource source = testing::simulationSource(table);
        monitor::SimulationOptions sim;
        sim.start = kStart;
        sim.rate = 1;
        sim.covariate.push_back({"x", 3.0, 1.0, kShiftAt});
        const fs::path log = dir_.filePath("requests.jsonl").toStdString();
        const fs::path truth = dir_.filePath("truth.jsonl").toStdString();
        {
            std::ofstream out(log), gt(truth);
            monitor::simulateLog(source, sim, out, &gt);
        }

        // Drift against the deployed model's own reference profile, 10-minute windows.
        const auto profile = monitor::ReferenceProfile::load(*monitor::ReferenceProfile::locate(bundle.bundleDir));
        const auto reference = monitor::referenceFromProfile(profile, "bundle", false);
        monitor::DriftWindowOptions windows;
        windows.windowSeconds = 600;
        windows.includePrediction = false;
        monitor::DriftWindows drift(reference, windows);
        monitor::ReadStats stats;
        monitor::readLog(log, {}, [&](const monitor::PredictionRecord& r) { drift.add(r); }, stats);
        const auto results = drift.finish();
        QCOMPARE(results.size(), std::size_t(6));
        for (const auto& w : results) {
            const bool after = w.start >= kStart + kShiftAt;
            for (const auto& c : w.drift.columns) {
                const bool expect = after && c.name == "x";
                QVERIFY2(c.drifted == expect, qPrintable(QString("window %1, %2: drifted %3")
                                                             .arg(w.start - kStart).arg(c.name.c_str()).arg(c.drifted)));
            }
        }

        // The shifted half goes to labeling, labels joined from ground truth.
        loop::FreshDataOptions pick;
        pick.from = kStart + kShiftAt;
        pick.groundTruth = truth;
        const loop::FreshData fresh = loop::logToDatasetVersion(project, log, version.id, pick);
        QVERIFY(fresh.records > 1500);
        QCOMPARE(fresh.labeled, fresh.records);
        QVERIFY(fresh.outside > 1500);
        QCOMPARE(fresh.version.parentId.value_or(0), version.id);
        const data::Table freshTable = catalog.load(fresh.version.id);
        QCOMPARE(std::int64_t(freshTable.rows()), fresh.records);
        double meanX = 0;
        for (std::size_t r = 0; r < freshTable.rows(); ++r)
            meanX += freshTable.row(r)[0] / double(freshTable.rows());
        QVERIFY2(meanX > 4.0, qPrintable(QString::number(meanX)));   // the shifted values, as logged

        // Retrain with the old recipe; compare on the old test rows and the fresh held-out rows.
        const loop::RetrainResult again = loop::retrain(project, first.runId, fresh.version.id);
        QCOMPARE(again.status, store::RunStatus::Completed);
        QCOMPARE(again.addedRows, fresh.labeled);
        QCOMPARE(again.oldTest.rows, std::int64_t(data::DatasetCatalog(project).loadSplit(split.id).test.size()));
        QVERIFY(again.freshTest.rows > 200);
        QVERIFY2(again.freshTest.newAccuracy > again.freshTest.oldAccuracy + 0.1,
                 again.comparisonJson.c_str());
        // The old model's score on the old test rows is its own evaluation's (same rows, same
        // model); the new one is reported as it is: old and shifted x overlap, so it may be lower.
        QCOMPARE(again.oldTest.oldAccuracy, train::RunEvaluator(project).evaluate(first.runId, "test").accuracy);
        QVERIFY(again.oldTest.newAccuracy >= 0 && again.oldTest.newAccuracy <= 1);
        store::RunRepository runs(project);
        const auto params = runs.params(again.newRun);
        QCOMPARE(params.at("retrained_from"), std::to_string(first.runId));
        QCOMPARE(nlohmann::json::parse(params.at("comparison"))["fresh_test"]["rows"].get<std::int64_t>(),
                 again.freshTest.rows);
        QCOMPARE(train::Trainer(project).recipe(again.newRun).learningRate, config.learningRate);

        // Promote: the new model becomes what "production" serves.
        const auto second = exporting::BundleExporter(project).exportRun(again.newRun, "blobs");
        store::ModelRegistry(project).setAlias(second.registeredModelId, "production");
        for (const auto& m : store::ModelRegistry(project).models())
            QCOMPARE(m.alias == "production", m.id == second.registeredModelId);
    }

    // The retrain compares old and new models on the old test rows, so those rows must not be
    // trained on: the run's own version is refused, and fresh rows that copy an old val or test
    // row are left out and counted (a re-import of the same data once put 15 of 24 old test
    // rows into training).
    void retrainLeavesOutCopiesOfHeldOutRows()
    {
        auto project = store::Project::create(dir_.filePath("copies").toStdString());
        data::DatasetCatalog catalog(project);
        const data::Table table = testing::threeBlobs(40);
        const auto version = catalog.addVersion("blobs", table, "blobs.csv");
        const auto split = catalog.createSplit(version.id, {0.6, 0.2, 0.2}, 3);
        const auto g = model::GraphSpec::fromJson(
            R"({"version":2,"name":"mlp","nodes":[{"id":"in","type":"input"},)"
            R"({"id":"out","type":"output","inputs":["in"],"loss":"cross_entropy"}]})");
        const auto arch = store::ArchitectureRepository(project).save("mlp", g.toJson(), g.hash());
        train::TrainConfig config;
        config.epochs = 1;
        config.threads = 1;
        const auto first = train::Trainer(project).run(version.id, split.id, arch, config);

        try {
            loop::retrain(project, first.runId, version.id);
            QFAIL("the run's own version was taken as fresh data");
        } catch (const Error& e) {
            QCOMPARE(e.info().code, ErrorCode::InvalidArgument);
            QVERIFY2(e.info().detail.find("own training data") != std::string::npos, e.what());
        }

        // The same rows again plus three new ones, as a re-import with more data would be.
        data::Table again = table;
        for (int i = 0; i < 3; ++i) {
            for (std::size_t c = 0; c < table.cols(); ++c)
                again.features.push_back(100.0f + float(i) + float(c));
            again.labels.push_back(i % int(table.classes.size()));
        }
        const auto more = catalog.addVersion("blobs", again, "blobs-more.csv");
        const data::Split parts = catalog.loadSplit(split.id);
        const loop::RetrainResult r = loop::retrain(project, first.runId, more.id);
        QCOMPARE(r.heldOutCopies, std::int64_t(parts.val.size() + parts.test.size()));
        QCOMPARE(r.addedRows, std::int64_t(parts.train.size()) + 3);
        // No old test row (by its features) is in the new run's training part.
        const data::Table combined = catalog.load(r.combinedVersion);
        const data::Split newParts = catalog.loadSplit(r.split);
        for (const auto t : parts.test)
            for (const auto n : newParts.train)
                QVERIFY(!std::equal(table.row(t), table.row(t) + table.cols(), combined.row(n)));
    }

    void badInputIsNamed()
    {
        auto project = store::Project::create(dir_.filePath("q").toStdString());
        data::DatasetCatalog catalog(project);
        const auto version = catalog.addVersion("blobs", testing::threeBlobs(30), "blobs.csv");
        const fs::path log = dir_.filePath("other.jsonl").toStdString();
        std::ofstream(log) << R"({"timestamp": 1795392000, "features": {"x": 1, "w": 2, "z": 3}, "prediction": "a", "latency_ms": 3})" << "\n";
        try {
            loop::logToDatasetVersion(project, log, version.id);
            QFAIL("a log with other features was taken");
        } catch (const Error& e) {
            QVERIFY2(e.info().detail.find("missing: \"y\"") != std::string::npos, e.what());
            QVERIFY2(e.info().detail.find("not in the training data: \"w\"") != std::string::npos, e.what());
        }
        // Named features in another order are matched by name.
        std::ofstream(log) << R"({"timestamp": 1795392000, "features": {"z": 3, "x": 1, "y": 2}, "prediction": "a", "latency_ms": 3})" << "\n";
        const auto reordered = loop::logToDatasetVersion(project, log, version.id);
        const data::Table t = catalog.load(reordered.version.id);
        QCOMPARE(std::vector<float>(t.features.begin(), t.features.end()), (std::vector<float>{1, 2, 3}));
        loop::FreshDataOptions none;
        none.from = 1795392001;
        std::ofstream(log) << R"({"timestamp": 1795392000, "features": [1, 2, 3], "prediction": "a", "latency_ms": 3})" << "\n";
        QVERIFY_THROWS_EXCEPTION(Error, loop::logToDatasetVersion(project, log, version.id, none));
        // Without ground truth the rows come unlabeled, for the labeling panel.
        const auto fresh = loop::logToDatasetVersion(project, log, version.id);
        QCOMPARE(fresh.labeled, std::int64_t(0));
        QCOMPARE(catalog.load(fresh.version.id).labels, std::vector<std::int32_t>{-1});
    }
};

QTEST_GUILESS_MAIN(TestLoop)
#include "test_loop.moc"
