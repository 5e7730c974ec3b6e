#include "flightdeck/train/Trainer.h"

#include "flightdeck/common/BuildInfo.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/model/detail/ModelImpl.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Runtime.h"

#include "MetricSink.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

namespace flightdeck::train {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kEvalChunkRows = 8192;

[[noreturn]] void badSetting(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, expected});
}

using detail::diverged;
using detail::MetricSink;
using detail::num;

void validate(const TrainConfig& c)
{
    if (c.epochs < 1)
        badSetting("epochs", "at least 1, got " + std::to_string(c.epochs));
    if (c.batchSize < 1)
        badSetting("batch_size", "at least 1, got " + std::to_string(c.batchSize));
    if (!(c.learningRate > 0.0) || !std::isfinite(c.learningRate))
        badSetting("learning_rate", "a positive number, got " + num(c.learningRate));
    if (c.threads < 0)
        badSetting("threads", "0 (all cores) or more, got " + std::to_string(c.threads));
    if (c.logEverySteps < 1)
        badSetting("log_every_steps", "at least 1, got " + std::to_string(c.logEverySteps));
    if (c.device != "auto" && c.device != "cpu" && c.device != "cuda")
        badSetting("device", "\"auto\", \"cpu\" or \"cuda\", got \"" + c.device + "\"");
}

// Population mean and standard deviation per column over the given rows, in double.
void columnStats(const data::Table& t, const std::vector<std::uint32_t>& rows,
                 std::vector<float>* mean, std::vector<float>* stddev)
{
    const std::size_t cols = t.cols();
    std::vector<double> sum(cols, 0.0), sq(cols, 0.0);
    for (auto r : rows) {
        const float* x = t.row(r);
        for (std::size_t c = 0; c < cols; ++c)
            sum[c] += x[c];
    }
    const double n = static_cast<double>(std::max<std::size_t>(rows.size(), 1));
    for (std::size_t c = 0; c < cols; ++c)
        sum[c] /= n;
    for (auto r : rows) {
        const float* x = t.row(r);
        for (std::size_t c = 0; c < cols; ++c) {
            const double d = x[c] - sum[c];
            sq[c] += d * d;
        }
    }
    mean->resize(cols);
    stddev->resize(cols);
    for (std::size_t c = 0; c < cols; ++c) {
        (*mean)[c] = static_cast<float>(sum[c]);
        (*stddev)[c] = static_cast<float>(std::sqrt(sq[c] / n));
    }
}

torch::Tensor indexTensor(const std::vector<std::uint32_t>& rows)
{
    std::vector<std::int64_t> v(rows.begin(), rows.end());
    return torch::tensor(v, torch::kInt64);
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

struct EvalResult {
    double loss = 0;
    double accuracy = 0;
};

EvalResult evaluate(torch::jit::Module& module, const torch::Tensor& x, const torch::Tensor& y,
                    std::int64_t classes)
{
    // Chunks of at most ~16M logits whatever the class count.
    const std::int64_t chunk =
        std::max<std::int64_t>(1, std::min<std::int64_t>(kEvalChunkRows, (std::int64_t(1) << 24) / classes));
    EvalResult r;
    const std::int64_t n = x.size(0);
    if (n == 0)
        return r;
    torch::NoGradGuard noGrad;
    module.eval();
    double lossSum = 0;
    std::int64_t correct = 0;
    for (std::int64_t b = 0; b < n; b += chunk) {
        const std::int64_t e = std::min(n, b + chunk);
        auto xb = x.slice(0, b, e);
        auto yb = y.slice(0, b, e);
        auto logits = module.forward({xb}).toTensor();
        lossSum += torch::nn::functional::cross_entropy(
                       logits, yb,
                       torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                       .item<double>();
        correct += logits.argmax(1).eq(yb).sum().item<std::int64_t>();
    }
    module.train(true);
    r.loss = lossSum / static_cast<double>(n);
    r.accuracy = static_cast<double>(correct) / static_cast<double>(n);
    return r;
}

}  // namespace

Trainer::Trainer(store::Project& project) : project_(project) {}

RunResult Trainer::run(store::Id versionId, store::Id splitId, store::Id architectureId,
                       const TrainConfig& config, const TrainCallbacks& callbacks)
{
    validate(config);

    // Everything that can fail for a bad id or setting fails here, before the run row exists.
    store::DatasetRepository datasets(project_);
    store::RunRepository runs(project_);
    const store::DatasetVersionRecord version = datasets.version(versionId);
    if (data::taskFromName(version.task) == data::DatasetTask::TableRegression)
        badSetting("version", "a classification dataset; version " + std::to_string(versionId) +
                                  " holds a regression target (re-import it with --task "
                                  "classification to train its values as classes)");
    const store::SplitRecord splitRecord = datasets.split(splitId);
    if (splitRecord.versionId != versionId)
        badSetting("split", "a split of dataset version " + std::to_string(versionId) +
                                " (split " + std::to_string(splitId) + " belongs to version " +
                                std::to_string(splitRecord.versionId) + ")");
    const store::ArchitectureRecord arch = store::ArchitectureRepository(project_).get(architectureId);
    // A version-1 stack keeps its own build (bit for bit what it trained before); a version-2
    // graph is built node by node.
    const bool isGraph = parseJson(arch.specJson, "architecture").value("version", 1) >= 2;
    const model::ArchitectureSpec spec =
        isGraph ? model::ArchitectureSpec{} : model::ArchitectureSpec::fromJson(arch.specJson);
    const model::GraphSpec graph =
        isGraph ? model::GraphSpec::fromJson(arch.specJson) : model::GraphSpec{};

    data::DatasetCatalog catalog(project_);
    const data::Table table = catalog.load(versionId);
    const data::Split split = catalog.loadSplit(splitId);
    const auto inputs = static_cast<std::int64_t>(table.cols());
    const auto classes = static_cast<std::int64_t>(table.classes.size());
    if (split.train.empty())
        throw Error(ErrorInfo{ErrorCode::TooFewRows, {}, 0, "split",
                              "the split's train part is empty"});
    for (const auto* part : {&split.train, &split.val, &split.test})
        for (auto r : *part)
            if (r >= table.rows())
                throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, splitRecord.objectHash,
                                      "split row " + std::to_string(r) + " >= " +
                                          std::to_string(table.rows()) + " rows"});
    // The input as the graph sees it: [C, H, W] for images (the rows hold their pixels in
    // that order), [F] for tables.
    const std::vector<std::int64_t> inputShape = catalog.modelInput(versionId).shape;
    const std::int64_t parameters =
        isGraph ? model::checkedShapes(graph, inputShape, classes).parameters
                : model::parameterCount(model::inferShapes(spec, inputs, classes));

    const int threads = configureThreads(config.threads);
    const RuntimeInfo runtime = runtimeInfo();
    std::string deviceName = config.device == "auto" ? runtime.defaultDevice : config.device;
    if (deviceName == "cuda" && !runtime.cudaAvailable)
        badSetting("device", "a CUDA device, but libtorch sees none (use \"cpu\" or \"auto\")");
    const torch::Device device(deviceName == "cuda" ? torch::kCUDA : torch::kCPU);

    std::vector<float> mean, stddev;
    columnStats(table, split.train, &mean, &stddev);

    store::RunRecord record;
    record.name = config.runName;
    record.versionId = versionId;
    record.splitId = splitId;
    record.architectureId = architectureId;
    record.status = "running";
    record.device = deviceName;
    record.blas = runtime.blas;
    record.appVersion = appVersion();
    record.gitCommit = gitCommit();
    record.torchVersion = runtime.torchVersion;
    record.startedAt = unixTimeNow();

    const store::Id runId = runs.createRun(record);   // an empty name becomes "run-<id>"
    // Held until this function returns: if the process dies, the run reads as interrupted.
    store::RunLock runLock(project_, runId);

    std::optional<MetricSink> sink;
    try {
        if (callbacks.onStarted)
            callbacks.onStarted(runId);

        runs.setParams(runId, {
            {"epochs", std::to_string(config.epochs)},
            {"batch_size", std::to_string(config.batchSize)},
            {"learning_rate", num(config.learningRate)},
            {"seed", std::to_string(config.seed)},
            {"threads", std::to_string(threads)},
            {"threads_requested", std::to_string(config.threads)},
            {"device", deviceName},
            {"device_requested", config.device},
            {"log_every_steps", std::to_string(config.logEverySteps)},
            {"optimizer", "adam"},
            {"loss", "cross_entropy"},
            {"shuffle", "mt19937_64 fisher-yates per epoch"},
            {"dataset_version_id", std::to_string(versionId)},
            {"dataset_version_hash", version.hash},
            {"split_id", std::to_string(splitId)},
            {"split_seed", std::to_string(splitRecord.seed)},
            {"split_strategy", splitRecord.strategy},
            {"split_fractions", num(splitRecord.trainFraction) + "/" +
                                    num(splitRecord.valFraction) + "/" +
                                    num(splitRecord.testFraction)},
            {"architecture_id", std::to_string(architectureId)},
            {"architecture_name", arch.name},
            {"spec", isGraph ? graph.toJson(false) : spec.toJson()},
            {"spec_hash", isGraph ? graph.hash() : spec.hash()},
            {"inputs", std::to_string(inputs)},
            {"classes", std::to_string(classes)},
            {"parameters", std::to_string(parameters)},
            {"train_rows", std::to_string(split.train.size())},
            {"val_rows", std::to_string(split.val.size())},
            {"test_rows", std::to_string(split.test.size())},
            {"blas", runtime.blas},
        });

        // Model and data on the device. The hot loop only slices a permutation and gathers
        // rows from these pre-built tensors.
        model::Model model =
            isGraph ? model::Model::build(graph, inputShape, classes, config.seed, mean, stddev)
                    : model::Model::build(spec, inputs, classes, config.seed, mean, stddev);
        torch::jit::Module& module = model.impl().module;
        torch::manual_seed(config.seed);   // dropout masks
        module.to(device);
        module.train(true);

        const auto all = torch::from_blob(const_cast<float*>(table.features.data()),
                                          {static_cast<std::int64_t>(table.rows()), inputs},
                                          torch::kFloat32);
        std::vector<std::int64_t> labels64(table.labels.begin(), table.labels.end());
        const auto allY = torch::tensor(labels64, torch::kInt64);
        const auto trainIdx = indexTensor(split.train);
        const auto valIdx = indexTensor(split.val);
        const auto trainX = all.index_select(0, trainIdx).to(device);
        const auto trainY = allY.index_select(0, trainIdx).to(device);
        const auto valX = all.index_select(0, valIdx).to(device);
        const auto valY = allY.index_select(0, valIdx).to(device);

        std::vector<torch::Tensor> params;
        for (const auto& p : module.parameters())
            params.push_back(p);
        torch::optim::Adam optimizer(params, torch::optim::AdamOptions(config.learningRate));

        const std::int64_t nTrain = trainX.size(0);
        const std::int64_t batch = config.batchSize;
        const std::int64_t stepsPerEpoch = (nTrain + batch - 1) / batch;
        const std::int64_t totalSteps = stepsPerEpoch * config.epochs;

        std::mt19937_64 rng(config.seed ^ 0x9E3779B97F4A7C15ULL);
        std::vector<std::int64_t> order(static_cast<std::size_t>(nTrain));

        sink.emplace(runs, runId, callbacks, config.learningRate);
        RunResult result;
        result.runId = runId;
        std::int64_t step = 0;
        std::int64_t samples = 0;
        double trainSeconds = 0;
        bool cancelled = false;

        for (int epoch = 1; epoch <= config.epochs && !cancelled; ++epoch) {
            for (std::int64_t i = 0; i < nTrain; ++i)
                order[static_cast<std::size_t>(i)] = i;
            shuffle(order, rng);
            const auto perm = torch::tensor(order, torch::kInt64).to(device);

            // On the CPU reading the loss is free; on CUDA it would sync every step, so the
            // epoch sum stays on the device there.
            const bool onCpu = device.is_cpu();
            double epochLossCpu = 0;
            auto epochLoss = torch::zeros({}, torch::TensorOptions().dtype(torch::kFloat64).device(device));
            std::int64_t epochSamples = 0;
            const auto epochStart = Clock::now();
            for (std::int64_t b = 0; b < nTrain; b += batch) {
                if (callbacks.cancel && callbacks.cancel->load(std::memory_order_relaxed)) {
                    cancelled = true;
                    break;
                }
                const std::int64_t e = std::min(nTrain, b + batch);
                const auto idx = perm.slice(0, b, e);
                const auto xb = trainX.index_select(0, idx);
                const auto yb = trainY.index_select(0, idx);

                optimizer.zero_grad();
                auto loss = torch::nn::functional::cross_entropy(module.forward({xb}).toTensor(), yb);
                loss.backward();
                optimizer.step();

                const std::int64_t n = e - b;
                double lossValue = 0;
                if (onCpu) {
                    lossValue = loss.item<double>();
                    // Checked every step: Adam has already applied this step's update, and a
                    // NaN spreads into every weight at the next one.
                    if (!std::isfinite(lossValue))
                        diverged("train/loss", lossValue, step + 1, epoch, config.learningRate);
                    epochLossCpu += lossValue * static_cast<double>(n);
                } else {
                    epochLoss += loss.detach().to(torch::kFloat64) * static_cast<double>(n);
                }
                epochSamples += n;
                ++step;
                if (step % config.logEverySteps == 0) {
                    sink->record("train/loss", step, epoch, onCpu ? lossValue : loss.item<double>());
                    sink->flushIfDue();
                }
                if (callbacks.onProgress)
                    callbacks.onProgress(step, totalSteps, epoch);
            }
            const double epochSeconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
            trainSeconds += epochSeconds;
            samples += epochSamples;

            if (epochSamples > 0) {
                const double lossSum = onCpu ? epochLossCpu : epochLoss.item<double>();
                result.finalTrainLoss = lossSum / static_cast<double>(epochSamples);
                if (!cancelled) {
                    sink->record("train/epoch_loss", step, epoch, result.finalTrainLoss);
                    if (epochSeconds > 0)
                        sink->record("train/samples_per_second", step, epoch,
                                     static_cast<double>(epochSamples) / epochSeconds);
                    if (valX.size(0) > 0) {
                        const EvalResult val = evaluate(module, valX, valY, classes);
                        result.finalValLoss = val.loss;
                        result.finalValAccuracy = val.accuracy;
                        sink->record("val/loss", step, epoch, val.loss);
                        sink->record("val/accuracy", step, epoch, val.accuracy);
                    }
                }
            }
            sink->flush();
        }
        sink->flush();

        // The stored model lives on the CPU so it loads anywhere.
        module.to(torch::kCPU);
        module.eval();
        const std::string bytes = model.saveToBytes();
        result.modelObjectHash = project_.objects().put(bytes);
        store::ArtifactRecord artifact;
        artifact.runId = runId;
        artifact.kind = "model";
        artifact.objectHash = result.modelObjectHash;
        artifact.name = "model.pt";
        runs.addArtifact(artifact);

        result.samplesPerSecond = trainSeconds > 0 ? static_cast<double>(samples) / trainSeconds : 0;
        runs.setParams(runId, {{"samples_per_second", num(result.samplesPerSecond)}});
        result.status = cancelled ? "cancelled" : "completed";
        runs.finishRun(runId, result.status);
        return result;
    } catch (const std::exception& e) {
        std::string message = e.what();
        if (const auto* c10e = dynamic_cast<const c10::Error*>(&e))
            message = c10e->what_without_backtrace();
        try {
            if (sink)
                sink->flush();
        } catch (...) {
        }
        try {
            runs.finishRun(runId, "failed", message);
        } catch (...) {
            // The database cannot take it now (a full disk): the lock file's reserved space
            // carries the reason until the project is next checked.
            runLock.recordFailure(message);
        }
        if (dynamic_cast<const Error*>(&e))
            throw;
        throw Error(ErrorCode::TrainingFailed, message);
    } catch (...) {
        try {
            runs.finishRun(runId, "failed", "unknown error");
        } catch (...) {
            runLock.recordFailure("unknown error");
        }
        throw;
    }
}

}  // namespace flightdeck::train
