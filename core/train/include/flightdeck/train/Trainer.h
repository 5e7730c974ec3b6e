#pragma once
// Trains a run end to end on the calling thread (the ui runs it on a worker QThread, the CLI on
// its main thread): loads the dataset version and split, builds the model from the spec,
// trains with Adam on cross-entropy, records the run (params, step metrics, model artifact)
// in the project, and reports progress through callbacks. Cancellation is an atomic flag the
// trainer polls between batches; a cancelled run is recorded as "cancelled" and keeps its
// metrics.
#include "flightdeck/store/Records.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::train {

struct TrainConfig {
    std::string runName;            // empty = "run-<id>"
    int epochs = 10;
    int batchSize = 64;
    double learningRate = 1e-3;
    std::uint64_t seed = 42;        // model init and batch order
    int threads = 0;                // 0 = all cores (torch::set_num_threads)
    std::string device = "auto";    // "auto" (CUDA if available), "cpu", "cuda"
    int logEverySteps = 1;          // train/loss is recorded every N steps
};

struct TrainCallbacks {
    std::function<void(store::Id runId)> onStarted;
    // Called from the training thread for every recorded metric point.
    std::function<void(const store::MetricRecord&)> onMetric;
    std::function<void(std::int64_t step, std::int64_t totalSteps, int epoch)> onProgress;
    const std::atomic<bool>* cancel = nullptr;
};

struct RunResult {
    store::Id runId = 0;
    std::string status;             // "completed" or "cancelled"
    double finalTrainLoss = 0;
    // Empty when the split's val part is empty: an undefined metric, never a made-up 0.
    std::optional<double> finalValLoss;
    std::optional<double> finalValAccuracy;
    std::string modelObjectHash;    // TorchScript in the object store
    double samplesPerSecond = 0;
};

class Trainer {
public:
    explicit Trainer(store::Project& project);
    // Throws flightdeck::Error for bad ids or settings; a failure after the run row exists is
    // recorded as status "failed" with the message, then rethrown. A loss or metric that turns
    // NaN or infinite fails the run with Error(TrainingFailed) naming the step and epoch.
    RunResult run(store::Id versionId, store::Id splitId, store::Id architectureId,
                  const TrainConfig& config, const TrainCallbacks& callbacks = {});

private:
    store::Project& project_;
};

}  // namespace flightdeck::train
