#include "TrainingSession.h"

#include "SessionData.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/model/detail/ModelImpl.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"

#include <chrono>
#include <cmath>
#include <thread>

namespace flightdeck::train::detail {

namespace {

[[noreturn]] void refuse(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, expected});
}

// FNV-1a over the parameters' and buffers' bytes (CPU, in module order): ranks that end with
// identical weights print the same number.
std::uint64_t weightsChecksum(torch::jit::Module& module)
{
    std::uint64_t h = 1469598103934665603ULL;
    auto add = [&](const torch::Tensor& t) {
        const auto c = t.detach().to(torch::kCPU).contiguous();
        const auto* p = static_cast<const unsigned char*>(c.data_ptr());
        for (std::size_t i = 0, n = c.nbytes(); i < n; ++i)
            h = (h ^ p[i]) * 1099511628211ULL;
    };
    for (const auto& t : module.parameters())
        add(t);
    for (const auto& t : module.buffers())
        add(t);
    return h;
}

}  // namespace

TrainingSession::TrainingSession(store::Project& project, const TrainCallbacks& callbacks,
                                 const WorldConfig& world)
    : project_(project), callbacks_(callbacks), world_(world), runs_(project)
{
    if (world_.distributed())
        dp_ = std::make_unique<DataParallel>(world_);
}

void TrainingSession::onEveryRank(const std::function<void()>& fn)
{
    if (!dp_) {
        fn();
        return;
    }
    try {
        fn();
    } catch (...) {
        try {
            dp_->allAgree(false);
        } catch (...) {
            // The others are gone already; this rank's own error is the one to report.
        }
        throw;
    }
    if (!dp_->allAgree(true))
        throw Error(ErrorCode::TrainingFailed,
                    "rank " + std::to_string(world_.rank) + " of " + std::to_string(world_.size) +
                        ": another rank failed to prepare the run (its own output says why)");
}

TrainingSession::~TrainingSession() = default;

bool TrainingSession::cancelled() const
{
    return callbacks_.cancel && callbacks_.cancel->load(std::memory_order_relaxed);
}

RunResult TrainingSession::start(store::Id versionId, store::Id splitId,
                                 store::Id architectureId, const TrainConfig& config)
{
    config_ = config;
    validate(config_);
    // Everything that can fail for a bad id or setting fails here, before the run row exists.
    onEveryRank([&] { prepare(versionId, splitId, architectureId); });
    if (!primary()) {
        // Trains in step with rank 0 and records nothing: no run row, lock or metrics.
        buildModel();
        seedStreams();
        return train();
    }

    store::RunRecord record;
    record.name = config_.runName;
    record.versionId = versionId;
    record.splitId = splitId;
    record.architectureId = architectureId;
    record.status = store::RunStatus::Running;
    record.device = data_->deviceName;
    record.blas = data_->runtime.blas;
    record.appVersion = appVersion();
    record.gitCommit = gitCommit();
    record.torchVersion = data_->runtime.torchVersion;
    record.startedAt = unixTimeNow();
    runId_ = runs_.createRun(record);   // an empty name becomes "run-<id>"
    try {
        // Held until the session ends: if the process dies, the run reads as interrupted.
        // Taken inside the try: a lock that cannot be made (`locks` is a file) fails the new
        // run with the reason instead of leaving it "running".
        lock_ = std::make_unique<store::RunLock>(project_, runId_);
        if (callbacks_.onStarted)
            callbacks_.onStarted(runId_);
        runs_.setParams(runId_, runParams());
        buildModel();
        seedStreams();
    } catch (const std::exception& e) {
        fail(e.what());
        throw;
    }
    return train();
}

void TrainingSession::seedStreams()
{
    // The batch order is the same on every rank (each takes its slice of it); dropout masks
    // differ per rank, as each rank's rows do.
    shuffleRng_.seed(config_.seed ^ 0x9E3779B97F4A7C15ULL);
    torch::manual_seed(config_.seed + static_cast<std::uint64_t>(world_.rank));
}

// The checks a resume makes and the checkpoint it continues from (its config becomes the
// session's).
std::string TrainingSession::resumeCheckpoint(store::Id runId, store::RunRecord* run)
{
    *run = runs_.run(runId);
    if (run->status == store::RunStatus::Completed)
        refuse("run", "a run that did not finish; run " + std::to_string(runId) +
                          " completed (train a new run to go further)");
    // Rank 0 takes the lock: the other ranks of a resumed data-parallel run skip the check,
    // which could see it held by rank 0 already.
    if (primary() && store::RunLock::isHeld(project_.folder(), runId))
        refuse("run", "a run no process is training; run " + std::to_string(runId) +
                          " is being trained by another process");
    std::string checkpointHash;
    for (const auto& a : runs_.artifacts(runId))
        if (a.kind == "checkpoint" && a.name == "last")
            checkpointHash = a.objectHash;
    if (checkpointHash.empty())
        refuse("run", "a run with a checkpoint; run " + std::to_string(runId) +
                          " has none (it ended before its first epoch, or ran without "
                          "checkpoints)");
    const std::string bytes = project_.objects().get(checkpointHash);
    config_ = checkpointConfig(bytes);
    validate(config_);
    return bytes;
}

RunResult TrainingSession::resume(store::Id runId)
{
    std::string bytes;
    store::RunRecord run;
    onEveryRank([&] {
        bytes = resumeCheckpoint(runId, &run);
        prepare(run.versionId, run.splitId, run.architectureId);
    });
    runId_ = runId;   // read by restore(); only rank 0 writes to it
    if (!primary()) {
        buildModel();
        restore(bytes);
        return train();
    }
    lock_ = std::make_unique<store::RunLock>(project_, runId_);
    try {
        runs_.reopenRun(runId_);
        buildModel();
        restore(bytes);
        // Points the stopped process recorded after its checkpoint are drawn again from here.
        runs_.deleteMetricsAfter(runId_, pos_.step);
        runs_.setParams(runId_, {{"resumed_from_step", std::to_string(pos_.step)}});
        if (callbacks_.onStarted)
            callbacks_.onStarted(runId_);
    } catch (const std::exception& e) {
        fail(e.what());
        throw;
    }
    return train();
}

void TrainingSession::buildModel()
{
    const Data& d = *data_;
    model::Model built =
        d.isGraph ? model::Model::build(d.graph, d.inputShape, d.outputs, config_.seed, d.mean, d.stddev)
                  : model::Model::build(d.spec, d.inputs, d.outputs, config_.seed, d.mean, d.stddev);
    if (d.regression)
        built = model::Model::withOutputScale(std::move(built), d.targetMean, d.targetStd);
    model_ = std::make_unique<model::Model>(std::move(built));
    auto& module = model_->impl().module;
    module.to(device_);
    module.train(true);
    params_.clear();
    for (const auto& p : module.parameters())
        params_.push_back(p);
    if (dp_) {
        // Every rank builds the same weights from the seed; rank 0's are copied anyway, as
        // DDP does, so a rank can never start from its own.
        std::vector<torch::Tensor> state = params_;
        for (const auto& b : module.buffers())
            state.push_back(b);
        dp_->broadcast(state);
    }
    optimizer_ = makeOptimizer(params_, config_);
    schedule_ = std::make_unique<LrSchedule>(config_, d.stepsPerEpoch);
    augmenter_ = std::make_unique<Augmenter>(config_, d.inputShape);
    loss_.type = d.loss;
    loss_.huberDelta = config_.huberDelta;
    if (config_.classWeights == ClassWeighting::Balanced && !d.regression)
        loss_.classWeights = balancedClassWeights(d.trainY, d.outputs).to(device_);
}

void TrainingSession::waitWhilePaused()
{
    if (!callbacks_.pause || !callbacks_.pause->load(std::memory_order_relaxed))
        return;
    sink_->flush();   // a paused run's curve is complete up to where it stopped
    while (callbacks_.pause->load(std::memory_order_relaxed) && !cancelled())
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

RunResult TrainingSession::train()
{
    try {
        sink_ = std::make_unique<MetricSink>(runs_, primary() ? runId_ : 0, callbacks_,
                                             config_.learningRate);
        result_.runId = runId_;
        result_.rank = world_.rank;
        result_.worldSize = world_.size;
        result_.regression = data_->regression;
        bool stopped = false;
        while (pos_.epoch <= config_.epochs && !stopEarly_) {
            if (!epoch()) {
                stopped = true;
                break;
            }
            endEpoch();
        }
        return finish(stopped);
    } catch (const std::exception& e) {
        std::string message = e.what();
        if (const auto* c10e = dynamic_cast<const c10::Error*>(&e))
            message = c10e->what_without_backtrace();
        fail(message);
        if (dynamic_cast<const Error*>(&e))
            throw;
        throw Error(ErrorCode::TrainingFailed, message);
    }
}

RunResult TrainingSession::finish(bool stopped)
{
    auto& module = model_->impl().module;
    if (stopped && primary())
        checkpoint("last");   // where a resume continues
    sink_->flush();
    result_.modelEpoch = pos_.epoch - 1;
    if (!stopped && config_.earlyStopPatience > 0 && !bestState_.empty()) {
        // Early stopping keeps the best epoch's weights, not the last (patience) epochs'.
        torch::NoGradGuard noGrad;
        std::size_t i = 0;
        for (const auto& t : module.parameters())
            t.copy_(bestState_[i++]);
        for (const auto& t : module.buffers())
            t.copy_(bestState_[i++]);
        result_.modelEpoch = pos_.bestEpoch;
    }
    // The stored model lives on the CPU so it loads anywhere.
    module.to(torch::kCPU);
    module.eval();
    result_.weightsChecksum = weightsChecksum(module);
    result_.samplesPerSecond =
        pos_.trainSeconds > 0 ? static_cast<double>(pos_.samples) / pos_.trainSeconds : 0;
    result_.status = stopped ? store::RunStatus::Cancelled : store::RunStatus::Completed;
    if (!primary())
        return result_;   // rank 0 records the run
    result_.modelObjectHash = project_.objects().put(model_->saveToBytes());
    store::ArtifactRecord artifact;
    artifact.runId = runId_;
    artifact.kind = "model";
    artifact.objectHash = result_.modelObjectHash;
    artifact.name = "model.pt";
    runs_.addArtifact(artifact);

    std::map<std::string, std::string> params = {
        {"samples_per_second", num(result_.samplesPerSecond)},
        {"model_epoch", std::to_string(result_.modelEpoch)}};
    if (result_.stoppedEarlyAtEpoch)
        params["stopped_early_at_epoch"] = std::to_string(*result_.stoppedEarlyAtEpoch);
    runs_.setParams(runId_, params);
    runs_.finishRun(runId_, result_.status);
    summarizeCurves();
    return result_;
}

void TrainingSession::summarizeCurves()
{
    // A cache for the plots' first draw: a run whose summary cannot be written (a full disk)
    // is still a finished run, drawn from its metrics.
    try {
        runs_.summarizeMetrics(runId_);
    } catch (...) {
    }
}

void TrainingSession::fail(const std::string& message)
{
    if (!primary())
        return;
    try {
        if (sink_)
            sink_->flush();
    } catch (...) {
    }
    try {
        runs_.finishRun(runId_, store::RunStatus::Failed, message);
        summarizeCurves();
    } catch (...) {
        // The database cannot take it now (a full disk): the lock file's reserved space
        // carries the reason until the project is next checked.
        if (lock_)
            lock_->recordFailure(message);
    }
}

}  // namespace flightdeck::train::detail
