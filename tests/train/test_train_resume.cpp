// core/train's recipe end to end (issue 8): checkpoints, a run cancelled or SIGKILLed and
// resumed ending with the very weights of the same run left alone, resume refusals, early
// stopping keeping the best epoch, and regression on scikit-learn's diabetes data beating the
// mean predictor. Real projects, real libtorch, the real CLI for the killed process.
#include "../common/CliRunner.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <csignal>
#include <cmath>
#include <random>

using namespace flightdeck;

namespace {

data::Table blobs(int rows)
{
    data::Table t;
    t.featureNames = {"a", "b", "c", "d"};
    t.labelName = "blob";
    t.classes = {"left", "middle", "right"};
    const float centers[3][4] = {{-1, 0, 1, 0}, {0, 1, -1, 1}, {1, -1, 0, -1}};
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.0f, 0.9f);
    for (int i = 0; i < rows; ++i) {
        const int c = i % 3;
        for (int f = 0; f < 4; ++f)
            t.features.push_back(centers[c][f] + noise(rng));
        t.labels.push_back(c);
    }
    return t;
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<store::Project> project;
    store::Id version = 0, split = 0, arch = 0;
    std::vector<float> probe;   // rows the models are compared on

    explicit Fixture(int rows = 600)
    {
        project = std::make_unique<store::Project>(store::Project::create(dir.path().toStdString()));
        data::DatasetCatalog catalog(*project);
        const auto table = blobs(rows);
        version = catalog.addVersion("blobs", table, "test").id;
        split = catalog.createSplit(version, {0.7, 0.15, 0.15}, 3).id;
        // Dropout: the resumed run must also continue torch's random stream.
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"mlp","layers":[{"type":"linear","units":32},{"type":"relu"},)"
            R"({"type":"dropout","p":0.2},{"type":"linear","units":16},{"type":"relu"}]})");
        arch = store::ArchitectureRepository(*project).save(spec.name, spec.toJson(), spec.hash());
        probe.assign(table.features.begin(), table.features.begin() + 4 * 64);
    }

    std::vector<float> logitsOf(store::Id runId) const
    {
        std::string hash;
        for (const auto& a : store::RunRepository(*project).artifacts(runId))
            if (a.kind == "model")
                hash = a.objectHash;
        const auto m = model::Model::loadFromBytes(project->objects().get(hash));
        return m.logits(probe.data(), probe.size() / 4);
    }
};

train::TrainConfig recipe()
{
    train::TrainConfig c;
    c.epochs = 5;
    c.batchSize = 16;
    c.learningRate = 0.02;
    c.seed = 9;
    c.threads = 1;
    c.device = "cpu";
    c.optimizer = train::OptimizerKind::AdamW;
    c.schedule = train::ScheduleKind::Cosine;
    c.warmupSteps = 10;
    c.clipGradNorm = 1.0;
    return c;
}

void expectRefused(const std::function<void()>& f, const char* why)
{
    try {
        f();
        QFAIL(qPrintable(QStringLiteral("not refused: ") + QLatin1String(why)));
    } catch (const Error& e) {
        QVERIFY2(e.code() == ErrorCode::InvalidArgument, e.what());
    }
}

}  // namespace

class TestTrainResume : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cancelledRunResumesToTheSameWeights()
    {
        Fixture fx;
        auto config = recipe();
        config.schedule = train::ScheduleKind::ReduceOnPlateau;
        config.plateauPatience = 0;
        config.warmupSteps = 0;
        config.optimizer = train::OptimizerKind::Sgd;
        config.nesterov = true;
        train::Trainer trainer(*fx.project);
        const auto alone = trainer.run(fx.version, fx.split, fx.arch, config);

        // Stopped mid-epoch (27 steps per epoch), then continued from that very batch.
        std::atomic<bool> cancel{false};
        train::TrainCallbacks cb;
        cb.cancel = &cancel;
        cb.onProgress = [&](std::int64_t step, std::int64_t, int) { cancel = step == 40; };
        const auto stopped = trainer.run(fx.version, fx.split, fx.arch, config, cb);
        QCOMPARE(stopped.status, store::RunStatus::Cancelled);
        const auto resumed = trainer.resume(stopped.runId);
        QCOMPARE(resumed.runId, stopped.runId);
        QCOMPARE(resumed.status, store::RunStatus::Completed);
        QVERIFY(fx.logitsOf(resumed.runId) == fx.logitsOf(alone.runId));

        // One curve: every step once, in order, as many as the run left alone recorded.
        store::RunRepository runs(*fx.project);
        const auto curve = runs.metrics(resumed.runId, std::string(metric::TrainLoss));
        QCOMPARE(curve.size(), runs.metrics(alone.runId, std::string(metric::TrainLoss)).size());
        for (std::size_t i = 0; i < curve.size(); ++i)
            QCOMPARE(curve[i].step, std::int64_t(i + 1));
        QCOMPARE(runs.metrics(resumed.runId, std::string(metric::ValLoss)).size(), std::size_t(5));
        QCOMPARE(runs.run(resumed.runId).status, store::RunStatus::Completed);

        // A completed run is not resumed again.
        expectRefused([&] { trainer.resume(resumed.runId); }, "completed run");
    }

    void killedRunResumesToTheSameWeights()
    {
        Fixture fx(6000);
        const QStringList args = {QStringLiteral("train"), fx.dir.path(),
                                  QStringLiteral("--version"), QString::number(fx.version),
                                  QStringLiteral("--split"), QString::number(fx.split),
                                  QStringLiteral("--arch"), QString::number(fx.arch),
                                  QStringLiteral("--epochs"), QStringLiteral("6"),
                                  QStringLiteral("--batch-size"), QStringLiteral("16"),
                                  QStringLiteral("--lr"), QStringLiteral("0.01"),
                                  QStringLiteral("--seed"), QStringLiteral("4"),
                                  QStringLiteral("--threads"), QStringLiteral("1"),
                                  QStringLiteral("--device"), QStringLiteral("cpu"),
                                  QStringLiteral("--optimizer"), QStringLiteral("adamw"),
                                  QStringLiteral("--schedule"), QStringLiteral("cosine"),
                                  QStringLiteral("--warmup-steps"), QStringLiteral("50")};
        const auto alone = testing::runCli(args);
        CLI_OK(alone);
        const store::Id aloneRun = store::RunRepository(*fx.project).runs().front().id;

        QProcess child;
        child.start(testing::cliPath(), args);
        QVERIFY(child.waitForStarted());
        // Killed at a random moment after its first checkpoint, before it finishes.
        store::Id runId = 0;
        bool checkpointed = false;
        for (int i = 0; i < 3000 && !checkpointed && child.state() == QProcess::Running; ++i) {
            QThread::msleep(5);
            store::RunRepository runs(*fx.project);
            const auto all = runs.runs();
            if (all.size() < 2)
                continue;
            runId = all.front().id;
            for (const auto& a : runs.artifacts(runId))
                checkpointed = checkpointed || a.kind == "checkpoint";
        }
        QVERIFY2(checkpointed, "the child never wrote a checkpoint");
        QThread::msleep(QRandomGenerator::global()->bounded(200));
        QVERIFY2(child.state() == QProcess::Running, "the run ended before it could be killed");
        ::kill(pid_t(child.processId()), SIGKILL);
        child.waitForFinished();

        store::RunRepository runs(*fx.project);
        runs.markInterruptedRuns(0);
        QCOMPARE(runs.run(runId).status, store::RunStatus::Interrupted);
        {
            // A second process resuming the same run at the same time is refused.
            store::RunLock held(*fx.project, runId);
            expectRefused([&] { train::Trainer(*fx.project).resume(runId); }, "a held run");
        }
        const auto resumed = testing::runCli({QStringLiteral("train"), fx.dir.path(),
                                              QStringLiteral("--resume"), QString::number(runId)});
        CLI_OK(resumed);
        QCOMPARE(runs.run(runId).status, store::RunStatus::Completed);
        QVERIFY(fx.logitsOf(runId) == fx.logitsOf(aloneRun));
    }

    void earlyStoppingKeepsTheBestEpoch()
    {
        Fixture fx;
        auto config = recipe();
        config.epochs = 60;
        config.learningRate = 0.05;
        config.earlyStopPatience = 3;
        const auto result = train::Trainer(*fx.project).run(fx.version, fx.split, fx.arch, config);
        QVERIFY(result.stoppedEarlyAtEpoch.has_value());
        QVERIFY(*result.stoppedEarlyAtEpoch < 60);
        QCOMPARE(result.modelEpoch, *result.stoppedEarlyAtEpoch - 3);
        const auto val = store::RunRepository(*fx.project).metrics(result.runId, std::string(metric::ValLoss));
        QCOMPARE(static_cast<int>(val.size()), *result.stoppedEarlyAtEpoch);
        const auto best = std::min_element(val.begin(), val.end(), [](const auto& a, const auto& b) {
            return a.value < b.value;
        });
        QCOMPARE(best->epoch, result.modelEpoch);
        const auto params = store::RunRepository(*fx.project).params(result.runId);
        QCOMPARE(params.at("model_epoch"), std::to_string(result.modelEpoch));
    }

    void regressionBeatsTheMeanOnDiabetes()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("diabetes.csv"));
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral("-c"),
                      QStringLiteral("import sys; from sklearn.datasets import load_diabetes; "
                                     "d = load_diabetes(as_frame=True, scaled=False).frame; "
                                     "d.to_csv(sys.argv[1], index=False)"),
                      csv});
        if (!python.waitForFinished(60000) || python.exitCode() != 0)
            QSKIP("python3-sklearn (the diabetes data) is not installed: scripts/setup.sh installs it");
        auto project = store::Project::create(dir.filePath(QStringLiteral("p")).toStdString());
        data::CsvOptions options;
        options.labelColumn = "target";
        const auto table = data::importCsv(csv.toStdString(), options);
        QCOMPARE(data::detectTableTask(table), data::DatasetTask::TableRegression);
        data::DatasetCatalog catalog(project);
        const auto version = catalog.addVersion("diabetes", table, "diabetes.csv",
                                                data::DatasetTask::TableRegression);
        const auto split = catalog.createSplit(version.id, {0.7, 0.3, 0.0}, 1);
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"reg","layers":[{"type":"linear","units":32},{"type":"relu"}]})");
        const auto arch = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
        auto config = recipe();
        config.epochs = 60;
        config.learningRate = 0.01;
        config.loss = model::LossType::Huber;
        config.huberDelta = 30;
        const auto result = train::Trainer(project).run(version.id, split.id, arch, config);
        QVERIFY(result.regression);
        // The mean predictor's RMSE on val is the val targets' spread about the train mean,
        // about 77; R^2 > 0.3 means a clear gain over it (linear models reach ~0.45).
        QVERIFY2(*result.finalValR2 > 0.3, qPrintable(QString::number(*result.finalValR2)));
        QVERIFY(*result.finalValRmse < 70);
        qInfo("diabetes: val RMSE %.1f, R^2 %.3f", *result.finalValRmse, *result.finalValR2);
        const auto params = store::RunRepository(project).params(result.runId);
        QCOMPARE(params.at("loss"), std::string("huber"));
        // The stored model predicts in the target's units (de-standardized inside it).
        std::string hash;
        for (const auto& a : store::RunRepository(project).artifacts(result.runId))
            if (a.kind == "model")
                hash = a.objectHash;
        const auto m = model::Model::loadFromBytes(project.objects().get(hash));
        QCOMPARE(m.classes(), std::int64_t(1));
        const auto y = m.logits(table.row(0), 1);
        QVERIFY(y[0] > 25 && y[0] < 346);
    }
};

QTEST_GUILESS_MAIN(TestTrainResume)
#include "test_train_resume.moc"
