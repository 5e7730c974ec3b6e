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

using Clock = std::chrono::steady_clock;

[[noreturn]] void refuse(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, expected});
}

// Fisher-Yates on our own mt19937_64 stream: the batch order depends only on the seed, not on
// the standard library's shuffle or distribution implementations.
void shuffle(std::vector<std::int64_t>& v, std::mt19937_64& rng)
{
    for (std::size_t i = v.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i);
        std::swap(v[i - 1], v[j]);
    }
}

}  // namespace

TrainingSession::TrainingSession(store::Project& project, const TrainCallbacks& callbacks)
    : project_(project), callbacks_(callbacks), runs_(project)
{
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
    prepare(versionId, splitId, architectureId);

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
    // Held until the session ends: if the process dies, the run reads as interrupted.
    lock_ = std::make_unique<store::RunLock>(project_, runId_);
    try {
        if (callbacks_.onStarted)
            callbacks_.onStarted(runId_);
        runs_.setParams(runId_, runParams());
        buildModel();
        shuffleRng_.seed(config_.seed ^ 0x9E3779B97F4A7C15ULL);
        torch::manual_seed(config_.seed);   // dropout masks
    } catch (const std::exception& e) {
        fail(e.what());
        throw;
    }
    return train();
}

RunResult TrainingSession::resume(store::Id runId)
{
    const store::RunRecord run = runs_.run(runId);
    if (run.status == store::RunStatus::Completed)
        refuse("run", "a run that did not finish; run " + std::to_string(runId) +
                          " completed (train a new run to go further)");
    if (store::RunLock::isHeld(project_.folder(), runId))
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
    prepare(run.versionId, run.splitId, run.architectureId);

    runId_ = runId;
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
        sink_ = std::make_unique<MetricSink>(runs_, runId_, callbacks_, config_.learningRate);
        result_.runId = runId_;
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

bool TrainingSession::epoch()
{
    const Data& d = *data_;
    if (pos_.order.empty()) {
        pos_.order.resize(static_cast<std::size_t>(d.nTrain));
        for (std::int64_t i = 0; i < d.nTrain; ++i)
            pos_.order[static_cast<std::size_t>(i)] = i;
        shuffle(pos_.order, shuffleRng_);
    }
    const auto perm = torch::tensor(pos_.order, torch::kInt64).to(device_);
    auto& module = model_->impl().module;
    const std::int64_t batch = config_.batchSize;
    // On the CPU reading the loss is free; on CUDA it would sync every step, so the epoch sum
    // stays on the device there.
    const bool onCpu = device_.is_cpu();
    auto deviceLoss = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat64).device(device_));
    double lastRate = -1;
    auto segmentStart = Clock::now();
    auto closeSegment = [&] {
        pos_.epochSeconds += std::chrono::duration<double>(Clock::now() - segmentStart).count();
        if (!onCpu)
            pos_.epochLossSum += deviceLoss.item<double>();
        deviceLoss.zero_();
    };
    for (std::int64_t b = pos_.next; b < d.nTrain; b += batch) {
        if (callbacks_.pause && callbacks_.pause->load(std::memory_order_relaxed)) {
            closeSegment();
            waitWhilePaused();
            segmentStart = Clock::now();
        }
        if (cancelled()) {
            closeSegment();
            return false;
        }
        const std::int64_t e = std::min(d.nTrain, b + batch);
        const auto idx = perm.slice(0, b, e);
        auto xb = d.trainX.index_select(0, idx);
        const auto yb = d.trainY.index_select(0, idx);
        if (augmenter_->active())
            xb = augmenter_->apply(xb);

        const double rate = schedule_->at(pos_.step);
        if (rate != lastRate) {
            setLearningRate(*optimizer_, rate);
            lastRate = rate;
        }
        optimizer_->zero_grad();
        auto loss = loss_(module.forward({xb}).toTensor(), yb);
        loss.backward();
        if (config_.clipGradNorm > 0)
            torch::nn::utils::clip_grad_norm_(params_, config_.clipGradNorm);
        optimizer_->step();

        const std::int64_t n = e - b;
        double lossValue = 0;
        if (onCpu) {
            lossValue = loss.item<double>();
            // Checked every step: the update is applied, and a NaN spreads into every weight
            // at the next one; the last checkpoint holds the last good weights.
            if (!std::isfinite(lossValue))
                diverged(std::string(metric::TrainLoss), lossValue, pos_.step + 1, pos_.epoch, rate);
            pos_.epochLossSum += lossValue * static_cast<double>(n);
        } else {
            deviceLoss += loss.detach().to(torch::kFloat64) * static_cast<double>(n);
        }
        pos_.epochSamples += n;
        pos_.next = e;
        ++pos_.step;
        if (pos_.step % config_.logEverySteps == 0) {
            sink_->record(metric::TrainLoss, pos_.step, pos_.epoch, onCpu ? lossValue : loss.item<double>());
            sink_->flushIfDue();
        }
        if (callbacks_.onProgress)
            callbacks_.onProgress(pos_.step, d.totalSteps, pos_.epoch);
    }
    closeSegment();
    return true;
}

RunResult TrainingSession::finish(bool stopped)
{
    auto& module = model_->impl().module;
    if (stopped)
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
    result_.modelObjectHash = project_.objects().put(model_->saveToBytes());
    store::ArtifactRecord artifact;
    artifact.runId = runId_;
    artifact.kind = "model";
    artifact.objectHash = result_.modelObjectHash;
    artifact.name = "model.pt";
    runs_.addArtifact(artifact);

    result_.samplesPerSecond =
        pos_.trainSeconds > 0 ? static_cast<double>(pos_.samples) / pos_.trainSeconds : 0;
    std::map<std::string, std::string> params = {
        {"samples_per_second", num(result_.samplesPerSecond)},
        {"model_epoch", std::to_string(result_.modelEpoch)}};
    if (result_.stoppedEarlyAtEpoch)
        params["stopped_early_at_epoch"] = std::to_string(*result_.stoppedEarlyAtEpoch);
    runs_.setParams(runId_, params);
    result_.status = stopped ? store::RunStatus::Cancelled : store::RunStatus::Completed;
    runs_.finishRun(runId_, result_.status);
    return result_;
}

void TrainingSession::fail(const std::string& message)
{
    try {
        if (sink_)
            sink_->flush();
    } catch (...) {
    }
    try {
        runs_.finishRun(runId_, store::RunStatus::Failed, message);
    } catch (...) {
        // The database cannot take it now (a full disk): the lock file's reserved space
        // carries the reason until the project is next checked.
        if (lock_)
            lock_->recordFailure(message);
    }
}

}  // namespace flightdeck::train::detail
