// TrainingSession's epoch end (validation, schedule, early stopping) and its checkpoints.
#include "SessionData.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/detail/ModelImpl.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

#include <ATen/CPUGeneratorImpl.h>

#include <mutex>
#include <sstream>

namespace flightdeck::train::detail {

namespace {

constexpr std::int64_t kEvalChunkRows = 8192;
constexpr const char* kFormat = "flightdeck-checkpoint-1";

struct Validation {
    double loss = 0;
    std::map<std::string_view, double> metrics;   // val/accuracy or val/rmse, val/mae, val/r2
};

// The validation part in inference mode, in chunks of at most ~16M outputs. The loss is the
// training loss without class weights, so val/loss compares across weightings. In a
// data-parallel run each rank takes its slice of the rows and the sums are added up, so every
// rank gets the same metrics (and takes the same early-stopping and schedule decisions).
Validation validate(torch::jit::Module& module, const torch::Tensor& allX, const torch::Tensor& allY,
                    const Loss& trainLoss, std::int64_t outputs, DataParallel* dp)
{
    const std::int64_t rows = allX.size(0);
    const int rank = dp ? dp->world().rank : 0, world = dp ? dp->world().size : 1;
    const auto x = allX.slice(0, rows * rank / world, rows * (rank + 1) / world);
    const auto y = allY.slice(0, rows * rank / world, rows * (rank + 1) / world);
    const std::int64_t chunk = std::max<std::int64_t>(
        1, std::min<std::int64_t>(kEvalChunkRows, (std::int64_t(1) << 24) / outputs));
    Loss loss = trainLoss;
    loss.classWeights = torch::Tensor();
    Validation v;
    const std::int64_t n = x.size(0);
    // NoGrad, not InferenceMode: TorchScript caches tensors made here for later training steps.
    torch::NoGradGuard noGrad;
    module.eval();
    double lossSum = 0, correct = 0, sq = 0, abs = 0, ySum = 0, ySq = 0;
    for (std::int64_t b = 0; b < n; b += chunk) {
        const std::int64_t e = std::min(n, b + chunk);
        const auto xb = x.slice(0, b, e);
        const auto yb = y.slice(0, b, e);
        const auto out = module.forward({xb}).toTensor();
        lossSum += loss(out, yb).item<double>() * static_cast<double>(e - b);
        if (loss.regression()) {
            const auto err = (out.view({-1}) - yb).to(torch::kFloat64);
            const auto yd = yb.to(torch::kFloat64);
            sq += err.square().sum().item<double>();
            abs += err.abs().sum().item<double>();
            ySum += yd.sum().item<double>();
            ySq += yd.square().sum().item<double>();
        } else {
            correct += static_cast<double>(out.argmax(1).eq(yb).sum().item<std::int64_t>());
        }
    }
    module.train(true);
    if (dp) {
        std::vector<double> sums = {lossSum, correct, sq, abs, ySum, ySq};
        dp->sum(sums);
        lossSum = sums[0], correct = sums[1], sq = sums[2], abs = sums[3], ySum = sums[4], ySq = sums[5];
    }
    const double dn = static_cast<double>(rows);
    v.loss = lossSum / dn;
    if (loss.regression()) {
        v.metrics[metric::ValRmse] = std::sqrt(sq / dn);
        v.metrics[metric::ValMae] = abs / dn;
        const double total = ySq - ySum * ySum / dn;   // sum of squares about the mean
        // R^2 of a constant target is undefined; 0 says "no better than the mean".
        v.metrics[metric::ValR2] = total > 0 ? 1.0 - sq / total : 0.0;
    } else {
        v.metrics[metric::ValAccuracy] = correct / dn;
    }
    return v;
}

void writeTensor(torch::serialize::OutputArchive& a, const std::string& key, const torch::Tensor& t)
{
    a.write(key, t.detach().to(torch::kCPU), /*is_buffer=*/true);
}

torch::Tensor readTensor(torch::serialize::InputArchive& a, const std::string& key)
{
    torch::Tensor t;
    a.read(key, t, /*is_buffer=*/true);
    return t;
}

c10::IValue readValue(torch::serialize::InputArchive& a, const std::string& key)
{
    c10::IValue v;
    a.read(key, v);
    return v;
}

torch::serialize::InputArchive openArchive(const std::string& bytes)
{
    torch::serialize::InputArchive a;
    try {
        a.load_from(bytes.data(), bytes.size(), torch::kCPU);
        if (readValue(a, "format").toStringRef() != kFormat)
            throw Error(ErrorCode::CorruptObject, "not a Flightdeck checkpoint");
    } catch (const c10::Error& e) {
        throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, "checkpoint", e.what_without_backtrace()});
    }
    return a;
}

}  // namespace

TrainConfig checkpointConfig(const std::string& bytes)
{
    auto a = openArchive(bytes);
    return trainConfigFromJson(readValue(a, "config").toStringRef());
}

void TrainingSession::endEpoch()
{
    const Data& d = *data_;
    auto& module = model_->impl().module;
    const int epoch = pos_.epoch;
    result_.epochsRun = epoch;
    pos_.trainSeconds += pos_.epochSeconds;
    pos_.samples += pos_.epochSamples;
    if (pos_.epochSamples > 0) {
        result_.finalTrainLoss = pos_.epochLossSum / static_cast<double>(pos_.epochSamples);
        sink_->record(metric::TrainEpochLoss, pos_.step, epoch, result_.finalTrainLoss);
        if (pos_.epochSeconds > 0)
            sink_->record(metric::TrainSamplesPerSecond, pos_.step, epoch,
                          static_cast<double>(pos_.epochSamples) / pos_.epochSeconds);
    }
    sink_->record(metric::LearningRate, pos_.step, epoch, schedule_->at(std::max<std::int64_t>(pos_.step - 1, 0)));

    std::optional<double> monitored;
    if (d.valRows > 0) {
        const Validation v = validate(module, d.valX, d.valY, loss_, d.outputs, dp_.get());
        result_.finalValLoss = v.loss;
        sink_->record(metric::ValLoss, pos_.step, epoch, v.loss);
        for (const auto& [key, value] : v.metrics)
            sink_->record(key, pos_.step, epoch, value);
        const auto at = [&](std::string_view k) -> std::optional<double> {
            const auto it = v.metrics.find(k);
            return it == v.metrics.end() ? std::nullopt : std::optional<double>(it->second);
        };
        result_.finalValAccuracy = at(metric::ValAccuracy);
        result_.finalValRmse = at(metric::ValRmse);
        result_.finalValR2 = at(metric::ValR2);
        const std::string key = config_.monitorMetric.empty() ? std::string(metric::ValLoss)
                                                              : config_.monitorMetric;
        monitored = key == metric::ValLoss ? std::optional<double>(v.loss) : at(key);
    }
    schedule_->epochEnded(monitored);

    bool best = false;
    if (monitored) {
        const bool higher = metric::higherIsBetter(config_.monitorMetric);
        const double delta = config_.earlyStopMinDelta;
        best = !pos_.best || (higher ? *monitored > *pos_.best + delta : *monitored < *pos_.best - delta);
        if (best) {
            pos_.best = monitored;
            pos_.bestEpoch = epoch;
            pos_.badEpochs = 0;
            if (config_.earlyStopPatience > 0) {
                bestState_.clear();
                for (const auto& t : module.parameters())
                    bestState_.push_back(t.detach().clone());
                for (const auto& t : module.buffers())
                    bestState_.push_back(t.detach().clone());
            }
        } else if (config_.earlyStopPatience > 0 && ++pos_.badEpochs >= config_.earlyStopPatience) {
            stopEarly_ = true;
            result_.stoppedEarlyAtEpoch = epoch;
        }
    }

    // The next epoch starts here: a checkpoint taken now resumes at its first batch.
    pos_.epoch = epoch + 1;
    pos_.next = 0;
    pos_.order.clear();
    pos_.epochLossSum = 0;
    pos_.epochSamples = 0;
    pos_.epochSeconds = 0;
    sink_->flush();
    checkpoint("last");
    if (best)
        checkpoint("best");
}

void TrainingSession::checkpoint(const char* name)
{
    if (!config_.checkpoints || !primary())
        return;
    auto& module = model_->impl().module;
    torch::serialize::OutputArchive a;
    a.write("format", c10::IValue(std::string(kFormat)));
    // The run id makes every run's checkpoints distinct objects, so replacing one can delete
    // the old object without asking which other run shares it.
    a.write("run_id", c10::IValue(static_cast<std::int64_t>(runId_)));
    a.write("config", c10::IValue(toJson(config_)));
    for (const auto& p : module.named_parameters())
        writeTensor(a, "param." + p.name, p.value);
    for (const auto& b : module.named_buffers())
        writeTensor(a, "buffer." + b.name, b.value);
    torch::serialize::OutputArchive opt;
    optimizer_->save(opt);
    a.write("optimizer", opt);
    a.write("epoch", c10::IValue(static_cast<std::int64_t>(pos_.epoch)));
    a.write("next", c10::IValue(pos_.next));
    a.write("step", c10::IValue(pos_.step));
    writeTensor(a, "order", torch::tensor(pos_.order.empty() ? std::vector<std::int64_t>{-1} : pos_.order, torch::kInt64));
    a.write("order_drawn", c10::IValue(!pos_.order.empty()));
    a.write("epoch_loss_sum", c10::IValue(pos_.epochLossSum));
    a.write("epoch_samples", c10::IValue(pos_.epochSamples));
    a.write("epoch_seconds", c10::IValue(pos_.epochSeconds));
    a.write("train_seconds", c10::IValue(pos_.trainSeconds));
    a.write("samples", c10::IValue(pos_.samples));
    a.write("has_best", c10::IValue(pos_.best.has_value()));
    a.write("best", c10::IValue(pos_.best.value_or(0.0)));
    a.write("best_epoch", c10::IValue(static_cast<std::int64_t>(pos_.bestEpoch)));
    a.write("bad_epochs", c10::IValue(static_cast<std::int64_t>(pos_.badEpochs)));
    std::ostringstream shuffleState;
    shuffleState << shuffleRng_;
    a.write("shuffle_rng", c10::IValue(shuffleState.str()));
    a.write("augment_rng", c10::IValue(augmenter_->state()));
    {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> guard(generator.mutex());
        writeTensor(a, "torch_rng", generator.get_state());
    }
    const auto plateau = schedule_->plateauState();
    a.write("plateau_rate", c10::IValue(plateau.rate));
    a.write("plateau_best", c10::IValue(plateau.best));
    a.write("plateau_has_best", c10::IValue(plateau.hasBest));
    a.write("plateau_bad", c10::IValue(static_cast<std::int64_t>(plateau.badEpochs)));
    std::ostringstream out;
    a.save_to(out);

    store::ArtifactRecord artifact;
    artifact.runId = runId_;
    artifact.kind = "checkpoint";
    artifact.name = name;
    artifact.objectHash = project_.objects().put(out.str());   // atomic: the old one survives a failure
    for (const auto& old : runs_.replaceArtifact(artifact))
        project_.objects().remove(old);
}

void TrainingSession::restore(const std::string& bytes)
{
    auto a = openArchive(bytes);
    auto& module = model_->impl().module;
    torch::NoGradGuard noGrad;
    for (const auto& p : module.named_parameters())
        p.value.copy_(readTensor(a, "param." + p.name));
    for (const auto& b : module.named_buffers())
        b.value.copy_(readTensor(a, "buffer." + b.name));
    torch::serialize::InputArchive opt;
    a.read("optimizer", opt);
    optimizer_->load(opt);
    pos_.epoch = static_cast<int>(readValue(a, "epoch").toInt());
    pos_.next = readValue(a, "next").toInt();
    pos_.step = readValue(a, "step").toInt();
    pos_.order.clear();
    if (readValue(a, "order_drawn").toBool()) {
        const auto order = readTensor(a, "order").contiguous();
        pos_.order.assign(order.data_ptr<std::int64_t>(), order.data_ptr<std::int64_t>() + order.numel());
        if (static_cast<std::int64_t>(pos_.order.size()) != data_->nTrain)
            throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, "checkpoint",
                                  "its batch order does not fit the split's train part"});
    }
    pos_.epochLossSum = readValue(a, "epoch_loss_sum").toDouble();
    pos_.epochSamples = readValue(a, "epoch_samples").toInt();
    pos_.epochSeconds = readValue(a, "epoch_seconds").toDouble();
    pos_.trainSeconds = readValue(a, "train_seconds").toDouble();
    pos_.samples = readValue(a, "samples").toInt();
    if (readValue(a, "has_best").toBool())
        pos_.best = readValue(a, "best").toDouble();
    pos_.bestEpoch = static_cast<int>(readValue(a, "best_epoch").toInt());
    pos_.badEpochs = static_cast<int>(readValue(a, "bad_epochs").toInt());
    std::istringstream shuffleState(readValue(a, "shuffle_rng").toStringRef());
    shuffleState >> shuffleRng_;
    augmenter_->restore(readValue(a, "augment_rng").toStringRef());
    {
        at::Generator generator = at::detail::getDefaultCPUGenerator();
        std::lock_guard<std::mutex> guard(generator.mutex());
        generator.set_state(readTensor(a, "torch_rng"));
    }
    LrSchedule::PlateauState plateau;
    plateau.rate = readValue(a, "plateau_rate").toDouble();
    plateau.best = readValue(a, "plateau_best").toDouble();
    plateau.hasBest = readValue(a, "plateau_has_best").toBool();
    plateau.badEpochs = static_cast<int>(readValue(a, "plateau_bad").toInt());
    schedule_->restore(plateau);
    result_.epochsRun = pos_.epoch - 1;
    if (config_.earlyStopPatience > 0 && pos_.bestEpoch > 0) {
        // The best epoch's weights are in the "best" checkpoint.
        for (const auto& art : runs_.artifacts(runId_))
            if (art.kind == "checkpoint" && art.name == "best") {
                auto best = openArchive(project_.objects().get(art.objectHash));
                bestState_.clear();
                for (const auto& p : module.named_parameters())
                    bestState_.push_back(readTensor(best, "param." + p.name).to(device_));
                for (const auto& b : module.named_buffers())
                    bestState_.push_back(readTensor(best, "buffer." + b.name).to(device_));
            }
    }
}

}  // namespace flightdeck::train::detail
