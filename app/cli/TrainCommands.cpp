// The commands that need libtorch (train, evaluate, info, loop). They live in their own
// executable, flightdeck-cli-torch: flightdeck-cli itself never loads libtorch (0.6 s and
// 165 MB before doing anything) and hands these commands over with exec.
#include "CliCommands.h"
#include "CliSupport.h"
#include "StopSignals.h"
#include "TrainConfigOptions.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/monitor/WindowAggregator.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/train/RunEvaluator.h"
#include "flightdeck/train/Runtime.h"
#include "flightdeck/train/Trainer.h"
#include "flightdeck/train/World.h"

#include <cmath>
#include <iomanip>
#include <sstream>
#include <iostream>

namespace flightdeck::cli {

train::TrainConfig trainConfigFrom(const LoopOptions& options)
{
    const RecipeOptions& r = options.recipe;
    train::TrainConfig config;
    config.epochs = options.epochs;
    config.batchSize = options.batchSize;
    config.learningRate = options.learningRate;
    config.seed = options.seed;
    config.threads = options.threads;
    config.device = options.device;
    config.optimizer = train::parseOptimizer(r.optimizer);
    config.momentum = r.momentum;
    config.nesterov = r.nesterov;
    if (r.weightDecayGiven)
        config.weightDecay = r.weightDecay;
    config.schedule = train::parseSchedule(r.schedule);
    config.warmupSteps = r.warmupSteps;
    config.stepEpochs = r.stepEpochs;
    config.gamma = r.gamma;
    config.minLearningRate = r.minLr;
    config.plateauPatience = r.plateauPatience;
    config.clipGradNorm = r.clipGradNorm;
    config.monitorMetric = r.monitor;
    config.earlyStopPatience = r.patience;
    config.earlyStopMinDelta = r.minDelta;
    config.classWeights = train::parseClassWeighting(r.classWeights);
    config.augmentCropPadding = r.cropPadding;
    config.augmentFlip = r.flip;
    config.task = train::parseTaskKind(r.task);
    if (r.loss != "auto")
        config.loss = train::parseLossName(r.loss);
    config.huberDelta = r.huberDelta;
    config.checkpoints = !r.noCheckpoints;
    train::validate(config);
    return config;
}

namespace {

void printResult(const train::RunResult& result)
{
    if (result.worldSize > 1) {
        // Every rank prints its weights' checksum: equal numbers say the ranks stayed in step.
        std::cout << "rank " << result.rank << " of " << result.worldSize << ": " << result.status
                  << ", weights checksum " << std::hex << result.weightsChecksum << std::dec << "\n";
        if (result.rank != 0)
            return;   // rank 0 reports the run
    }
    std::cout << "run " << result.runId << " " << result.status << ": train loss "
              << result.finalTrainLoss;
    if (result.finalValLoss) {
        std::cout << ", val loss " << *result.finalValLoss;
        if (result.finalValAccuracy)
            std::cout << ", val accuracy " << *result.finalValAccuracy;
        if (result.finalValRmse)
            std::cout << ", val RMSE " << *result.finalValRmse << ", val R^2 " << *result.finalValR2;
    } else {
        std::cout << ", no val metrics (the split's val part is empty)";
    }
    std::cout << " (" << std::fixed << std::setprecision(0) << result.samplesPerSecond
              << " samples/s)\n";
    if (result.stoppedEarlyAtEpoch)
        std::cout << "stopped early at epoch " << *result.stoppedEarlyAtEpoch
                  << "; the model holds epoch " << result.modelEpoch << "'s weights\n";
    if (StopSignals::received())
        std::cout << "stopped by signal " << StopSignals::received() << ": run " << result.runId
                  << " is recorded as " << result.status
                  << " with its metrics, model and a checkpoint (flightdeck-cli train "
                     "PROJECT --resume "
                  << result.runId << " continues it)\n";
    std::cout << std::setprecision(6) << std::defaultfloat;
}

train::RunResult trainRun(store::Project& project, store::Id versionId, store::Id splitId,
                          store::Id archId, const LoopOptions& options,
                          const train::WorldConfig& world = {})
{
    const train::TrainConfig config = trainConfigFrom(options);
    train::TrainCallbacks callbacks;
    const StopSignals stop;
    callbacks.cancel = stop.flag();
    int lastEpoch = -1;
    callbacks.onMetric = [&](const store::MetricRecord& m) {
        if (!world.primary())
            return;
        const bool shown = m.key == metric::ValAccuracy || m.key == metric::ValRmse;
        if (shown && m.epoch != lastEpoch) {
            lastEpoch = m.epoch;
            std::cout << "  epoch " << m.epoch << "  " << m.key << " " << std::fixed
                      << std::setprecision(4) << m.value << "\n" << std::defaultfloat;
        }
    };
    const auto result =
        options.recipe.resumeRun > 0
            ? train::Trainer(project, world).resume(options.recipe.resumeRun, callbacks)
            : train::Trainer(project, world).run(versionId, splitId, archId, config, callbacks);
    printResult(result);
    return result;
}

}  // namespace

int cmdInfo()
{
    train::configureThreads(0);
    const auto info = train::runtimeInfo();
    std::cout << "libtorch " << info.torchVersion << "\nBLAS     " << info.blas
              << (info.blasIsReference ? "  (WARNING: reference BLAS is ~30x slower; install "
                                         "libopenblas0-openmp)"
                                       : "")
              << "\ndevice   " << info.defaultDevice << (info.cudaAvailable ? " (CUDA available)" : "")
              << "\nthreads  " << info.threads << "\n";
    return 0;
}

int cmdTrain(const std::string& folder, std::int64_t versionId, std::int64_t splitId,
             std::int64_t archId, const LoopOptions& options)
{
    if (options.recipe.resumeRun == 0 && (versionId == 0 || splitId == 0 || archId == 0))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "train",
                              "--version, --split and --arch (a new run), or --resume RUN"});
    train::WorldConfig world = train::worldFromEnvironment();
    if (options.distTimeout > 0)
        world.timeoutSeconds = options.distTimeout;
    if (world.distributed() && world.primary())
        std::cout << "data-parallel: " << world.size << " ranks (Gloo via " << world.masterAddr
                  << ":" << world.masterPort << ", timeout " << world.timeoutSeconds
                  << " s), " << options.batchSize << " rows per rank per step, a global batch of "
                  << static_cast<std::int64_t>(options.batchSize) * world.size << std::endl;
    // Only rank 0 writes; the others read the data (a read-only project is fine for them).
    auto project = world.primary() ? openForWriting(folder) : openProject(folder);
    trainRun(project, versionId, splitId, archId, options, world);
    return StopSignals::received() ? 128 + StopSignals::received() : 0;
}

namespace {

// A regression run has no accuracy: its line gives RMSE and R^2 instead of a 0.
template <class Evaluation>
std::string scoreText(const Evaluation& result)
{
    std::ostringstream score;
    if (result.regression)
        score << "RMSE " << result.rmse.value_or(NAN) << ", R^2 " << result.r2.value_or(NAN);
    else
        score << "accuracy " << result.accuracy;
    return score.str();
}

}  // namespace

int cmdEvaluate(const std::string& folder, std::int64_t runId, const std::string& split)
{
    auto project = openProject(folder);
    const auto result = train::RunEvaluator(project).evaluate(runId, split);
    std::cout << result.reportJson << "\n";
    if (project.readOnly())
        std::cout << "evaluation of run " << runId << " on " << split << ": " << scoreText(result)
                  << " (not stored: the project is read-only here)\n";
    else
        std::cout << "evaluation " << result.evaluationId << " of run " << runId << " on "
                  << split << ": " << scoreText(result) << "\n";
    return 0;
}

int cmdLoop(const LoopOptions& options)
{
    auto project = store::Project::create(options.project);
    std::cout << "project    " << project.folder().string() << "\n";
    const auto version = importInto(project, options.csv, {}, options.label);
    const auto split = splitInto(project, version.id, data::SplitFractions{}, options.seed);
    const auto archId = saveArchitecture(project, model::defaultMlp());
    const auto run = trainRun(project, version.id, split.id, archId, options);
    if (StopSignals::received())
        return 128 + StopSignals::received();
    const auto evaluation = train::RunEvaluator(project).evaluate(run.runId, "test");
    std::cout << "evaluation " << evaluation.evaluationId << ": test " << scoreText(evaluation)
              << " (stored in " << project.databasePath().string() << ")\n";
    const auto exported = exporting::BundleExporter(project).exportRun(run.runId, "model");
    std::cout << "export     " << exported.bundleDir.string() << " (model v" << exported.version
              << ", manifest.json lists " << exported.files.size() << " files)\n";
    if (!options.log.empty()) {
        monitor::WindowAggregator aggregator(60);
        monitor::ReadStats stats;
        monitor::readPredictionLog(
            options.log, [&](const monitor::PredictionRecord& r) { aggregator.add(r); }, stats);
        std::cout << "monitor    " << options.log << ": " << stats.records << " predictions in "
                  << aggregator.windows().size() << " one-minute windows, " << stats.skipped
                  << " broken lines skipped\n";
    }
    return 0;
}

}  // namespace flightdeck::cli
