// TrainingSession::prepare: everything a run needs before its first step, checked before the
// run row exists so a bad id or setting leaves no failed run behind.
#include "SessionData.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/RunRepository.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace flightdeck::train::detail {

namespace {

[[noreturn]] void badSetting(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, expected});
}

// Values near float32's limit (3.4e38) train to NaN at the first step: the spread or a centred
// value overflows the model's float32 arithmetic. That is the data's scale, not the learning
// rate, so it is said before training. Below 1e38 the in-model standardization copes (the
// probe trained 1e37-scaled features fine).
void checkSpread(const std::string& column, double sd, double widest, const char* rescale)
{
    constexpr double kLimit = 1e38;
    if (sd <= kLimit && widest <= kLimit)
        return;
    char text[200];
    std::snprintf(text, sizeof text,
                  "values whose spread (standard deviation %.3g, farthest from the mean %.3g) "
                  "overflows float32 training arithmetic (about 3.4e38); rescale %s",
                  sd, widest, rescale);
    throw Error(ErrorInfo{ErrorCode::BadValue, {}, 0, column, text});
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
        const double sd = std::sqrt(sq[c] / n);
        double widest = 0;
        for (auto r : rows)
            widest = std::max(widest, std::abs(static_cast<double>(t.row(r)[c]) - sum[c]));
        checkSpread(c < t.featureNames.size() ? t.featureNames[c] : std::to_string(c), sd, widest,
                    "the column");
        (*mean)[c] = static_cast<float>(sum[c]);
        (*stddev)[c] = static_cast<float>(sd);
    }
}

// A regression target's value per class: the label column's text read back as a number.
std::vector<double> classValues(const data::Table& t)
{
    std::vector<double> values;
    for (const auto& name : t.classes) {
        char* end = nullptr;
        const double v = std::strtod(name.c_str(), &end);
        if (name.empty() || end != name.c_str() + name.size() || !std::isfinite(v))
            badSetting("task", "a numeric label column for regression; \"" + t.labelName +
                                   "\" holds \"" + name + "\", which is not a number");
        values.push_back(v);
    }
    return values;
}

torch::Tensor indexTensor(const std::vector<std::uint32_t>& rows)
{
    std::vector<std::int64_t> v(rows.begin(), rows.end());
    return torch::tensor(v, torch::kInt64);
}

bool fitsRegression(model::LossType t) { return t != model::LossType::CrossEntropy && t != model::LossType::BinaryCrossEntropy; }

}  // namespace

void TrainingSession::prepare(store::Id versionId, store::Id splitId, store::Id architectureId)
{
    data_ = std::make_unique<Data>();
    Data& d = *data_;
    d.versionId = versionId;
    d.splitId = splitId;
    d.architectureId = architectureId;
    store::DatasetRepository datasets(project_);
    d.version = datasets.version(versionId);
    const data::DatasetTask task = data::taskFromName(d.version.task);
    d.regression = config_.task == TaskKind::Auto ? task == data::DatasetTask::TableRegression
                                                  : config_.task == TaskKind::Regression;
    if (d.regression && task == data::DatasetTask::ImageClassification)
        badSetting("task", "classification for an image version (images carry classes)");
    d.splitRecord = datasets.split(splitId);
    if (d.splitRecord.versionId != versionId)
        badSetting("split", "a split of dataset version " + std::to_string(versionId) + " (split " +
                                std::to_string(splitId) + " belongs to version " +
                                std::to_string(d.splitRecord.versionId) + ")");
    d.arch = store::ArchitectureRepository(project_).get(architectureId);
    // A version-1 stack keeps its own build (bit for bit what it trained before); a version-2
    // graph is built node by node.
    d.isGraph = parseJson(d.arch.specJson, "architecture").value("version", 1) >= 2;
    if (d.isGraph)
        d.graph = model::GraphSpec::fromJson(d.arch.specJson);
    else
        d.spec = model::ArchitectureSpec::fromJson(d.arch.specJson);

    // The loss: the config's, else the graph output's when it fits the task, else the task's.
    std::optional<model::LossType> graphLoss;
    if (d.isGraph)
        for (const auto& n : d.graph.nodes)
            if (n.type == model::NodeType::Output)
                graphLoss = n.loss;
    if (config_.loss) {
        if (fitsRegression(*config_.loss) != d.regression)
            badSetting("loss", d.regression ? "mse, l1 or huber for a regression target"
                                            : "cross_entropy for a classification target");
        d.loss = *config_.loss;
    } else if (graphLoss && fitsRegression(*graphLoss) == d.regression &&
               *graphLoss != model::LossType::BinaryCrossEntropy) {
        d.loss = *graphLoss;
    } else {
        d.loss = d.regression ? model::LossType::MSE : model::LossType::CrossEntropy;
    }

    data::DatasetCatalog catalog(project_);
    const data::Table table = catalog.load(versionId);
    const data::Split split = catalog.loadSplit(splitId);
    d.inputs = static_cast<std::int64_t>(table.cols());
    d.classNames = table.classes;
    d.outputs = d.regression ? 1 : static_cast<std::int64_t>(table.classes.size());
    if (!d.regression && d.outputs < 2)
        badSetting("classes", "at least 2 classes to classify, got " + std::to_string(d.outputs) +
                                  " (a numeric target trains with --task regression)");
    if (split.train.empty())
        throw Error(ErrorInfo{ErrorCode::TooFewRows, {}, 0, "split", "the split's train part is empty"});
    for (const auto* part : {&split.train, &split.val, &split.test})
        for (auto r : *part)
            if (r >= table.rows())
                throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, d.splitRecord.objectHash,
                                      "split row " + std::to_string(r) + " >= " +
                                          std::to_string(table.rows()) + " rows"});
    if ((config_.earlyStopPatience > 0 || config_.schedule == ScheduleKind::ReduceOnPlateau) &&
        split.val.empty())
        badSetting(config_.earlyStopPatience > 0 ? "early_stop_patience" : "schedule",
                   "a split with validation rows: early stopping and reduce-on-plateau watch a "
                   "validation metric, and this split's val part is empty");
    const std::string monitor = config_.monitorMetric;
    if (!monitor.empty() && monitor != metric::ValLoss &&
        (d.regression ? (monitor != metric::ValRmse && monitor != metric::ValMae && monitor != metric::ValR2)
                      : monitor != metric::ValAccuracy))
        badSetting("monitor", d.regression ? "val/loss, val/rmse, val/mae or val/r2 for regression"
                                           : "val/loss or val/accuracy for classification");
    // The input as the graph sees it: [C, H, W] for images (the rows hold their pixels in that
    // order), [F] for tables.
    d.inputShape = catalog.modelInput(versionId).shape;
    if ((config_.augmentCropPadding > 0 || config_.augmentFlip) && d.inputShape.size() != 3)
        badSetting("augment", "an image dataset (crop and flip need [C, H, W] inputs)");
    d.parameters = d.isGraph ? model::checkedShapes(d.graph, d.inputShape, d.outputs).parameters
                             : model::parameterCount(model::inferShapes(d.spec, d.inputs, d.outputs));

    // Ranks on one machine share its cores: "all cores" means this rank's share of them.
    const int threads = config_.threads == 0 && world_.localSize > 1
                            ? std::max(1, availableCores() / world_.localSize)
                            : config_.threads;
    d.threads = configureThreads(threads);
    d.runtime = runtimeInfo();
    d.deviceName = config_.device == "auto" ? d.runtime.defaultDevice : config_.device;
    if (d.deviceName == "cuda" && !d.runtime.cudaAvailable)
        badSetting("device", "a CUDA device, but libtorch sees none (use \"cpu\" or \"auto\")");
    device_ = torch::Device(d.deviceName == "cuda" ? torch::kCUDA : torch::kCPU);

    columnStats(table, split.train, &d.mean, &d.stddev);
    const auto all = torch::from_blob(const_cast<float*>(table.features.data()),
                                      {static_cast<std::int64_t>(table.rows()), d.inputs},
                                      torch::kFloat32);
    torch::Tensor allY;
    if (d.regression) {
        const std::vector<double> values = classValues(table);
        std::vector<float> y(table.rows());
        for (std::size_t r = 0; r < y.size(); ++r)
            y[r] = static_cast<float>(values.at(static_cast<std::size_t>(table.labels[r])));
        allY = torch::tensor(y, torch::kFloat32);
        double sum = 0, sq = 0;
        for (auto r : split.train)
            sum += y[r];
        d.targetMean = sum / static_cast<double>(split.train.size());
        for (auto r : split.train)
            sq += (y[r] - d.targetMean) * (y[r] - d.targetMean);
        d.targetStd = std::sqrt(sq / static_cast<double>(split.train.size()));
        double widest = 0;
        for (auto r : split.train)
            widest = std::max(widest, std::abs(static_cast<double>(y[r]) - d.targetMean));
        checkSpread(table.labelName, d.targetStd, widest, "the target");
    } else {
        std::vector<std::int64_t> labels64(table.labels.begin(), table.labels.end());
        allY = torch::tensor(labels64, torch::kInt64);
    }
    const auto trainIdx = indexTensor(split.train);
    const auto valIdx = indexTensor(split.val);
    d.trainX = all.index_select(0, trainIdx).to(device_);
    d.trainY = allY.index_select(0, trainIdx).to(device_);
    d.valX = all.index_select(0, valIdx).to(device_);
    d.valY = allY.index_select(0, valIdx).to(device_);
    d.trainRows = static_cast<std::int64_t>(split.train.size());
    d.valRows = static_cast<std::int64_t>(split.val.size());
    d.testRows = static_cast<std::int64_t>(split.test.size());
    d.nTrain = d.trainRows;
    d.stepsPerEpoch = (d.nTrain + globalBatch() - 1) / globalBatch();
    d.totalSteps = d.stepsPerEpoch * config_.epochs;
}

std::map<std::string, std::string> TrainingSession::runParams() const
{
    const Data& d = *data_;
    std::map<std::string, std::string> p = toParams(config_);
    const std::map<std::string, std::string> facts = {
        {"threads", std::to_string(d.threads)},
        {"device", d.deviceName},
        {"loss", model::lossName(d.loss)},
        {"task", d.regression ? "regression" : "classification"},
        {"shuffle", "mt19937_64 fisher-yates per epoch"},
        {"dataset_version_id", std::to_string(d.versionId)},
        {"dataset_version_hash", d.version.hash},
        {"split_id", std::to_string(d.splitId)},
        {"split_seed", std::to_string(d.splitRecord.seed)},
        {"split_strategy", d.splitRecord.strategy},
        {"split_fractions", num(d.splitRecord.trainFraction) + "/" + num(d.splitRecord.valFraction) +
                                "/" + num(d.splitRecord.testFraction)},
        {"architecture_id", std::to_string(d.architectureId)},
        {"architecture_name", d.arch.name},
        {"spec", d.isGraph ? d.graph.toJson(false) : d.spec.toJson()},
        {"spec_hash", d.isGraph ? d.graph.hash() : d.spec.hash()},
        {"inputs", std::to_string(d.inputs)},
        {"classes", std::to_string(d.regression ? 0 : static_cast<std::int64_t>(d.classNames.size()))},
        {"parameters", std::to_string(d.parameters)},
        {"train_rows", std::to_string(d.trainRows)},
        {"val_rows", std::to_string(d.valRows)},
        {"test_rows", std::to_string(d.testRows)},
        {"blas", d.runtime.blas},
    };
    for (const auto& [k, v] : facts)
        p[k] = v;
    p["world_size"] = std::to_string(world_.size);
    if (dp_) {
        // batch_size stays the per-rank batch, as in PyTorch DDP.
        p["global_batch_size"] = std::to_string(globalBatch());
        p["dist_backend"] = "gloo";
        p["dist_timeout_s"] = std::to_string(world_.timeoutSeconds);
        p["threads_per_rank"] = std::to_string(d.threads);
    }
    if (d.regression) {
        p["target_mean"] = num(d.targetMean);
        p["target_std"] = num(d.targetStd);
    }
    return p;
}

}  // namespace flightdeck::train::detail
