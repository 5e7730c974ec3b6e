// core/train on image versions: an MLP trains on what was just labeled (the pixels flattened,
// standardized with train-split statistics inside the model), its predictions on every image
// feed the Labeling panel's queue, and a regression-task table is refused by name.
#include "common/ShapeImages.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/GraphTemplates.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/RunEvaluator.h"
#include "flightdeck/train/Trainer.h"
#include "flightdeck/train/VersionPredictor.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace flightdeck;

namespace {

// Batches of 16 on 2 CPU threads, every step logged.
train::TrainConfig cpuConfig(int epochs, double learningRate)
{
    train::TrainConfig c;
    c.epochs = epochs;
    c.batchSize = 16;
    c.learningRate = learningRate;
    c.threads = 2;
    c.device = "cpu";
    c.logEverySteps = 1;
    return c;
}

}  // namespace

class TestTrainImages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainsOnAnImageVersionAndPredictsIt()
    {
        QTemporaryDir dir;
        auto project = store::Project::create(dir.path().toStdString());
        data::DatasetCatalog catalog(project);
        const auto version = catalog.addImageVersion("shapes", testing::shapeImages(192, 3, 180), "test");
        const auto split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 1);
        QCOMPARE(split.trainCount + split.valCount + split.testCount, std::int64_t(180));
        const auto spec = model::defaultMlp();
        const auto arch = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
        const train::TrainConfig config = cpuConfig(12, 5e-3);
        const auto result = train::Trainer(project).run(version.id, split.id, arch, config, {});
        const auto run = store::RunRepository(project).run(result.runId);
        QCOMPARE(run.status, flightdeck::store::RunStatus::Completed);
        const auto eval = train::RunEvaluator(project).evaluate(result.runId, "test");
        QVERIFY2(eval.accuracy > 0.9, std::to_string(eval.accuracy).c_str());

        // Predictions on every image, the unlabeled ones included.
        const auto runs = train::runsThatCanPredict(project, version.id);
        QCOMPARE(runs.size(), std::size_t(1));
        const auto p = train::predictVersion(project, result.runId, version.id);
        QCOMPARE(p.rows, std::size_t(192));
        QCOMPARE(p.classes, (std::vector<std::string>{"left", "top", "centre"}));
        int right = 0;
        for (std::size_t r = 180; r < 192; ++r)
            right += p.predicted[r] == int(r % 3) ? 1 : 0;
        QVERIFY(right >= 10);
        for (std::size_t r = 0; r < p.rows; ++r) {
            double sum = 0;
            for (std::size_t c = 0; c < 3; ++c)
                sum += p.probability(r, c);
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
            QVERIFY(p.margin[r] >= 0 && p.margin[r] <= p.confidence[r]);
            QVERIFY(p.entropy[r] >= 0 && p.entropy[r] <= std::log(3.0) + 1e-5);
        }
        std::atomic<bool> cancel{true};
        QCOMPARE([&] {
            try {
                train::predictVersion(project, result.runId, version.id, &cancel);
            } catch (const Error& e) {
                return e.code();
            }
            return ErrorCode::Io;
        }(), ErrorCode::Cancelled);

        // A label commit keeps the width: the same model predicts the new version too.
        data::LabelHistory(project).record(version.id, {{180, "left", "", false,
                                                         store::LabelSource::User, 1.0}});
        const auto child = data::LabelHistory(project).commit(version.id, "one more");
        QCOMPARE(train::runsThatCanPredict(project, child.id).size(), std::size_t(1));
    }

    void cnnTemplateTrainsOnImages()
    {
        QTemporaryDir dir;
        auto project = store::Project::create(dir.path().toStdString());
        data::DatasetCatalog catalog(project);
        const auto version = catalog.addImageVersion("shapes", testing::shapeImages(192, 3, 180), "test");
        const auto split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 1);
        const model::GraphSpec cnn = model::graphTemplate("fashion_cnn");
        const auto arch = store::ArchitectureRepository(project).save(cnn.name, cnn.toJson(), cnn.hash());
        const train::TrainConfig config = cpuConfig(6, 1e-3);
        const auto result = train::Trainer(project).run(version.id, split.id, arch, config, {});
        store::RunRepository runs(project);
        QCOMPARE(runs.run(result.runId).status, flightdeck::store::RunStatus::Completed);
        std::vector<double> epochLoss;
        for (const auto& m : runs.metrics(result.runId))
            if (m.key == "train/epoch_loss")
                epochLoss.push_back(m.value);
        QCOMPARE(epochLoss.size(), std::size_t(6));
        QVERIFY2(epochLoss.back() < 0.5 * epochLoss.front(),
                 (std::to_string(epochLoss.front()) + " -> " + std::to_string(epochLoss.back())).c_str());
        const auto params = runs.params(result.runId);
        // [1, 8, 8]: 832 + 51,264 + (256 x 1024 + 1024) + (1024 x 3 + 3)
        QCOMPARE(params.at("parameters"), std::string("318339"));
        QVERIFY(train::RunEvaluator(project).evaluate(result.runId, "test").accuracy > 0.9);
    }

    void regressionTargetTrainsAsRegression()
    {
        QTemporaryDir dir;
        auto project = store::Project::create(dir.path().toStdString());
        data::Table t;
        t.featureNames = {"x"};
        for (int i = 0; i < 60; ++i) {
            t.features.push_back(float(i));
            t.classes.push_back(std::to_string(i * 0.5));
            t.labels.push_back(i);
        }
        data::DatasetCatalog catalog(project);
        const auto v = catalog.addVersion("r", t, "r.csv", data::DatasetTask::TableRegression);
        const auto split = catalog.createSplit(v.id, {0.7, 0.15, 0.15}, 1);
        const auto spec = model::defaultMlp();
        const auto arch = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
        train::TrainConfig config;
        config.epochs = 3;
        const auto result = train::Trainer(project).run(v.id, split.id, arch, config, {});
        QVERIFY(result.regression);
        QVERIFY(result.finalValRmse.has_value());
        QVERIFY(!result.finalValAccuracy.has_value());
        const auto params = store::RunRepository(project).params(result.runId);
        QCOMPARE(params.at("task"), std::string("regression"));
        QCOMPARE(params.at("loss"), std::string("mse"));
        // A cross-entropy loss does not fit a regression target: refused by name.
        config.loss = model::LossType::CrossEntropy;
        try {
            train::Trainer(project).run(v.id, split.id, arch, config, {});
            QFAIL("a regression target trained with cross-entropy");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QVERIFY(std::string(e.what()).find("regression") != std::string::npos);
        }
        QCOMPARE(store::RunRepository(project).runs().size(), std::size_t(1));

        // Targets near float32's limit (±3e38) are refused by the target's name before
        // training, not "diverged; try a lower learning rate" at step 1.
        data::Table huge = t;
        huge.labelName = "price";
        for (int i = 0; i < 60; ++i)
            huge.classes[static_cast<std::size_t>(i)] = i % 2 ? "3e38" : "-3e38";
        const auto hv = catalog.addVersion("huge", huge, "huge.csv", data::DatasetTask::TableRegression);
        const auto hs = catalog.createSplit(hv.id, {0.7, 0.15, 0.15}, 1);
        config.loss = model::LossType::MSE;
        try {
            train::Trainer(project).run(hv.id, hs.id, arch, config, {});
            QFAIL("targets of 3e38 were trained");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::BadValue);
            QCOMPARE(e.info().field, std::string("price"));
        }
        QCOMPARE(store::RunRepository(project).runs().size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestTrainImages)
#include "test_train_images.moc"
