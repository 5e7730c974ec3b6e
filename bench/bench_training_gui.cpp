// bench_training_gui: the worst GUI-thread stall while a fast training run streams its metrics
// into the Training panel (target < 16 ms). A temporary project holds Fashion-MNIST (or a
// synthetic set of the same shape) with a 90/10 split and the MLP 784-256-128-10; a
// ProjectSession, TrainingController and TrainingPanel are set up as the main window does and
// shown at 1280x720 (offscreen unless QT_QPA_PLATFORM is set), the run is started through the
// controller (batch 128, train/loss every step, 2 threads), and GuiProbe.h's 1 ms timer
// measures the gaps on the GUI thread until the run finishes.
//
//   bench_training_gui [--epochs E] [--threads N] [--limit ROWS] [--data DIR] [--log-every N]
#include "GuiProbe.h"

#include "common/ProjectSession.h"
#include "common/TrainingController.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "training/TrainingPanel.h"

#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>

using namespace flightdeck;
using namespace flightdeck::bench;

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int epochs = 3, threads = 2, logEvery = 1;
    std::size_t limit = 0;
    std::string dataDir = "/usr/share/datasets/fashion-mnist";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--epochs") epochs = std::stoi(v);
        else if (a == "--threads") threads = std::stoi(v);
        else if (a == "--limit") limit = std::stoull(v);
        else if (a == "--data") dataDir = v;
        else if (a == "--log-every") logEvery = std::stoi(v);
        else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 2;
        }
    }
    TimedApplication app(argc, argv);
    QTemporaryDir dir;
    const QString folder = dir.path() + QStringLiteral("/project");
    store::Id versionId = 0, splitId = 0, archId = 0;
    {
        const std::filesystem::path images = std::filesystem::path(dataDir) / "train-images-idx3-ubyte.gz";
        const std::filesystem::path labels = std::filesystem::path(dataDir) / "train-labels-idx1-ubyte.gz";
        data::Table table;
        if (std::filesystem::exists(images) && std::filesystem::exists(labels)) {
            table = data::readIdxPair(images, labels, limit);
        } else {
            const std::size_t rows = limit ? limit : 60000;
            for (int i = 0; i < 784; ++i)
                table.featureNames.push_back("px" + std::to_string(i));
            table.labelName = "label";
            for (int c = 0; c < 10; ++c)
                table.classes.push_back(std::to_string(c));
            std::mt19937_64 rng(42);
            table.features.resize(rows * 784);
            for (auto& f : table.features)
                f = float(rng() % 256) / 255.0f;
            for (std::size_t r = 0; r < rows; ++r)
                table.labels.push_back(std::int32_t(rng() % 10));
        }
        auto project = store::Project::create(folder.toStdString());
        data::DatasetCatalog catalog(project);
        versionId = catalog.addVersion("fashion-mnist", table, "bench").id;
        splitId = catalog.createSplit(versionId, {0.9, 0.1, 0.0}, 1).id;
        const auto spec = model::ArchitectureSpec::fromJson(
            R"({"name":"mlp-256-128","layers":[{"type":"linear","units":256},{"type":"relu"},)"
            R"({"type":"linear","units":128},{"type":"relu"}]})");
        archId = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
        std::printf("data: %zu rows; run: MLP, %d epochs, batch 128, %d threads, train/loss every "
                    "%d step(s)\n", table.rows(), epochs, threads, logEvery);
    }

    ui::ProjectSession session;
    QString error;
    if (!session.openProject(folder, false, &error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 1;
    }
    session.setCurrentVersion(versionId);
    session.setCurrentSplit(splitId);
    session.setCurrentArchitecture(archId);
    ui::TrainingController controller(&session);
    ui::TrainingPanel panel(&session, &controller);
    panel.resize(1280, 720);
    panel.show();
    waitFor([] { return false; }, 300);   // first layout and paint

    bool done = false;
    double samplesPerSecond = 0;
    std::size_t batches = 0, points = 0;
    QObject::connect(&controller, &ui::TrainingController::metricsArrived, &panel,
                     [&](qint64, const std::vector<store::MetricRecord>& p) {
                         ++batches;
                         points += p.size();
                     });
    QObject::connect(&controller, &ui::TrainingController::finished, &panel,
                     [&](qint64, const auto&, double sps) {
                         samplesPerSecond = sps;
                         done = true;
                     });
    QObject::connect(&controller, &ui::TrainingController::failed, &panel, [&](const QString& m) {
        std::fprintf(stderr, "run failed: %s\n", qPrintable(m));
        done = true;
    });

    train::TrainConfig config;
    config.epochs = epochs;
    config.batchSize = 128;
    config.learningRate = 1e-3;
    config.threads = threads;
    config.device = "cpu";
    config.logEverySteps = logEvery;
    Probe probe;
    const double wait0 = runQueueWaitMs(), cpu0 = threadCpuMs();
    probe.start();
    QElapsedTimer wall;
    wall.start();
    if (!controller.start(versionId, splitId, archId, config)) {
        std::fprintf(stderr, "the controller refused to start\n");
        return 1;
    }
    waitFor([&] { return done; }, 1800000);
    const double seconds = double(wall.elapsed()) / 1e3;
    probe.stop();
    std::printf("run: %.1f s, %.0f samples/s; %zu metricsArrived deliveries, %zu points\n", seconds,
                samplesPerSecond, batches, points);
    std::printf("GUI-thread gaps (1 ms timer): %s\n", probe.gaps.text().c_str());
    std::printf("worst gap %.2f ms, GUI-thread CPU in it %.2f ms (max CPU in any gap %.2f ms)\n",
                probe.worstGap, probe.worstGapCpu, probe.gapCpu.max());
    std::printf("GUI thread: %.0f ms CPU, %.0f ms waiting for a core\n", threadCpuMs() - cpu0,
                runQueueWaitMs() - wait0);
    std::printf("slowest event deliveries:\n%s", timedApp()->top(6).c_str());
    return 0;
}
