// TrainingSession::epoch: one pass over the shuffled train rows, step by step. In a
// data-parallel run every rank draws the same order and each step covers world x batch rows
// (PyTorch DDP's per-rank batch): rank r takes its contiguous slice of them, and the averaged
// gradient is exactly the single-process gradient of those rows' mean loss.
#include "SessionData.h"

#include "flightdeck/model/detail/ModelImpl.h"
#include "flightdeck/store/MetricKeys.h"

#include <chrono>
#include <cmath>

namespace flightdeck::train::detail {

namespace {

using Clock = std::chrono::steady_clock;

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
    const std::int64_t batch = globalBatch();
    const std::int64_t world = world_.size, rank = world_.rank;
    // On the CPU reading the loss is free; on CUDA it would sync every step, so the epoch sum
    // stays on the device there. A data-parallel step reads it anyway (it travels with the
    // gradients).
    const bool hostLoss = device_.is_cpu() || dp_;
    auto deviceLoss = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat64).device(device_));
    double lastRate = -1;
    auto segmentStart = Clock::now();
    auto closeSegment = [&] {
        pos_.epochSeconds += std::chrono::duration<double>(Clock::now() - segmentStart).count();
        if (!hostLoss)
            pos_.epochLossSum += deviceLoss.item<double>();
        deviceLoss.zero_();
    };
    for (std::int64_t b = pos_.next; b < d.nTrain; b += batch) {
        // Pausing is the workbench's (one process); ranks pausing alone would time out.
        if (!dp_ && callbacks_.pause && callbacks_.pause->load(std::memory_order_relaxed)) {
            closeSegment();
            waitWhilePaused();
            segmentStart = Clock::now();
        }
        // A data-parallel run stops where every rank learns of the request: after this step's
        // collective, before its update.
        const bool stop = cancelled();
        if (stop && !dp_) {
            closeSegment();
            return false;
        }
        const std::int64_t e = std::min(d.nTrain, b + batch);
        const std::int64_t lo = b + (e - b) * rank / world, hi = b + (e - b) * (rank + 1) / world;

        const double rate = schedule_->at(pos_.step);
        if (rate != lastRate) {
            setLearningRate(*optimizer_, rate);
            lastRate = rate;
        }
        optimizer_->zero_grad();
        torch::Tensor loss;
        if (hi > lo) {   // the last step of an epoch may leave a rank without rows
            const auto idx = perm.slice(0, lo, hi);
            auto xb = d.trainX.index_select(0, idx);
            const auto yb = d.trainY.index_select(0, idx);
            if (augmenter_->active())
                xb = augmenter_->apply(xb);
            loss = loss_(module.forward({xb}).toTensor(), yb);
            loss.backward();
        }
        std::int64_t n = hi - lo;
        double lossValue = 0;
        if (dp_) {
            const double localSum = n > 0 ? loss.item<double>() * static_cast<double>(n) : 0.0;
            const StepTotals totals = dp_->averageGradients(params_, n, localSum, stop);
            if (totals.stop) {
                closeSegment();
                return false;   // the step is dropped on every rank alike
            }
            n = totals.rows;
            lossValue = totals.lossSum / static_cast<double>(std::max<std::int64_t>(n, 1));
        } else if (hostLoss) {
            lossValue = loss.item<double>();
        }
        if (config_.clipGradNorm > 0)
            torch::nn::utils::clip_grad_norm_(params_, config_.clipGradNorm);
        optimizer_->step();

        if (hostLoss) {
            // Checked every step: the update is applied, and a NaN spreads into every weight
            // at the next one; the last checkpoint holds the last good weights. Every rank
            // sees the same global loss, so all fail at the same step.
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
            sink_->record(metric::TrainLoss, pos_.step, pos_.epoch, hostLoss ? lossValue : loss.item<double>());
            sink_->flushIfDue();
        }
        if (callbacks_.onProgress)
            callbacks_.onProgress(pos_.step, d.totalSteps, pos_.epoch);
    }
    closeSegment();
    return true;
}

}  // namespace flightdeck::train::detail
