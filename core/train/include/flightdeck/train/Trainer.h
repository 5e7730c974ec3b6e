#pragma once
// Trains a run end to end on the calling thread (the ui runs it on a worker QThread, the CLI on
// its main thread): loads the dataset version and split, builds the model from the spec,
// trains it with the config's recipe, records the run (parameters, step metrics, checkpoints,
// the model artifact) in the project, and reports progress through callbacks. Cancellation and
// pausing are atomic flags the trainer polls between batches; a cancelled run is recorded as
// "cancelled", keeps its metrics and a checkpoint, and can be resumed.
#include "flightdeck/store/Records.h"
#include "flightdeck/train/TrainConfig.h"
#include "flightdeck/train/World.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::train {

struct TrainCallbacks {
    std::function<void(store::Id runId)> onStarted;
    // Called from the training thread for every recorded metric point.
    std::function<void(const store::MetricRecord&)> onMetric;
    std::function<void(std::int64_t step, std::int64_t totalSteps, int epoch)> onProgress;
    const std::atomic<bool>* cancel = nullptr;
    const std::atomic<bool>* pause = nullptr;   // while set, the run waits between batches
};

struct RunResult {
    store::Id runId = 0;
    store::RunStatus status = store::RunStatus::Completed;   // completed or cancelled
    bool regression = false;
    double finalTrainLoss = 0;
    // Empty when the split's val part is empty: an undefined metric, never a made-up 0.
    std::optional<double> finalValLoss;
    std::optional<double> finalValAccuracy;   // classification
    std::optional<double> finalValRmse;       // regression
    std::optional<double> finalValR2;
    int epochsRun = 0;
    std::optional<int> stoppedEarlyAtEpoch;   // early stopping ended the run there
    int modelEpoch = 0;                       // whose weights the model artifact holds
    std::string modelObjectHash;    // TorchScript in the object store
    double samplesPerSecond = 0;   // a data-parallel run's: every rank's rows together
    int rank = 0, worldSize = 1;   // runId is 0 on ranks other than 0 (they record nothing)
    // FNV-1a of the final weights and buffers: equal on every rank of a data-parallel run.
    std::uint64_t weightsChecksum = 0;
};

class Trainer {
public:
    // With a world of more than one process, this process is one rank of a data-parallel run
    // (see World.h): every rank calls run (or resume) with the same arguments, which joins the others; only rank 0 writes to the project.
    explicit Trainer(store::Project& project, const WorldConfig& world = {});
    // Throws flightdeck::Error for bad ids or settings; a failure after the run row exists is
    // recorded as status "failed" with the message, then rethrown. A loss or metric that turns
    // NaN or infinite fails the run with Error(TrainingFailed) naming the step and epoch; its
    // last checkpoint stays.
    RunResult run(store::Id versionId, store::Id splitId, store::Id architectureId,
                  const TrainConfig& config, const TrainCallbacks& callbacks = {});
    // Continues a cancelled, interrupted or failed run from its last checkpoint with the
    // config it started with: the same run, its curve continuing. On the CPU with the same
    // thread count it ends with the weights it would have had if left alone. Refused
    // (InvalidArgument) for a completed run, one without a checkpoint, or one another process
    // is training.
    RunResult resume(store::Id runId, const TrainCallbacks& callbacks = {});
    // The config a run was started with, read from its last checkpoint (or its best one):
    // what "retrain with the same recipe" starts from. InvalidArgument for a run without one.
    TrainConfig recipe(store::Id runId);

private:
    store::Project& project_;
    WorldConfig world_;
};

}  // namespace flightdeck::train
