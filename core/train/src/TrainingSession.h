#pragma once
// Private to core/train (torch): one run from prepare to finish, in the order a reader follows
// it: prepare (data, model, optimizer, run row), epochs (steps, validation, schedule, early
// stopping), checkpoints (every epoch, at the best epoch, when stopped) and finish (the model
// artifact, the status). Trainer::run and Trainer::resume are thin calls into it.
#include "flightdeck/model/Model.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/LrSchedule.h"
#include "flightdeck/train/Trainer.h"

#include "DataParallel.h"
#include "MetricSink.h"
#include "Recipe.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <functional>
#include <memory>
#include <optional>
#include <random>

namespace flightdeck::store { class Project; class RunLock; }

namespace flightdeck::train::detail {

// Where a run stands between two batches: what a checkpoint stores besides the weights and the
// optimizer, so a resumed run takes the very same next step.
struct Position {
    int epoch = 1;                       // the epoch in progress (1-based)
    std::int64_t next = 0;               // index into `order` of the next batch's first row
    std::int64_t step = 0;               // optimizer steps taken
    std::vector<std::int64_t> order;     // this epoch's shuffled train rows (empty: not drawn)
    double epochLossSum = 0;
    std::int64_t epochSamples = 0;
    double epochSeconds = 0;
    double trainSeconds = 0;             // the whole run's, for samples/s
    std::int64_t samples = 0;
    // Early stopping and "best" bookkeeping on the monitored metric.
    std::optional<double> best;
    int bestEpoch = 0;
    int badEpochs = 0;
};

class TrainingSession {
public:
    // A world of size 1 is a plain run; otherwise this process is one rank of a data-parallel
    // run and only rank 0 writes to the project.
    TrainingSession(store::Project& project, const TrainCallbacks& callbacks,
                    const WorldConfig& world = {});
    ~TrainingSession();

    RunResult start(store::Id versionId, store::Id splitId, store::Id architectureId,
                    const TrainConfig& config);
    RunResult resume(store::Id runId);

private:
    struct Data;
    void prepare(store::Id versionId, store::Id splitId, store::Id architectureId);
    std::string resumeCheckpoint(store::Id runId, store::RunRecord* run);
    void buildModel();
    void seedStreams();
    std::map<std::string, std::string> runParams() const;
    RunResult train();
    bool epoch();                        // false when cancelled part-way
    void endEpoch();                     // validation, schedule, early stopping, checkpoints
    void waitWhilePaused();
    bool cancelled() const;
    bool primary() const { return world_.primary(); }
    // Runs `fn` on every rank; if it throws on any, all throw (none waits for the failed one).
    void onEveryRank(const std::function<void()>& fn);
    std::int64_t globalBatch() const { return std::int64_t(config_.batchSize) * world_.size; }
    void checkpoint(const char* name);
    void restore(const std::string& bytes);
    RunResult finish(bool cancelled);
    void fail(const std::string& message);
    void summarizeCurves();   // after the run ended: RunRepository::summarizeMetrics, best effort

    store::Project& project_;
    TrainCallbacks callbacks_;
    WorldConfig world_;
    std::unique_ptr<DataParallel> dp_;   // null for a single process
    store::RunRepository runs_;
    TrainConfig config_;
    std::unique_ptr<Data> data_;
    std::unique_ptr<model::Model> model_;
    std::unique_ptr<torch::optim::Optimizer> optimizer_;
    std::vector<torch::Tensor> params_;
    Loss loss_;
    std::unique_ptr<LrSchedule> schedule_;
    std::unique_ptr<Augmenter> augmenter_;
    std::mt19937_64 shuffleRng_;
    std::unique_ptr<MetricSink> sink_;
    std::unique_ptr<store::RunLock> lock_;
    torch::Device device_{torch::kCPU};
    store::Id runId_ = 0;
    Position pos_;
    RunResult result_;
    bool stopEarly_ = false;
    std::vector<torch::Tensor> bestState_;   // early stopping: the best epoch's weights
};

}  // namespace flightdeck::train::detail
