#include "flightdeck/train/TrainConfig.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/MetricKeys.h"

#include "MetricSink.h"

#include <cmath>
#include <initializer_list>
#include <utility>

#include <nlohmann/json.hpp>

namespace flightdeck::train {

namespace {

using detail::num;   // the shortest text that reads back to the same double

[[noreturn]] void bad(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, expected});
}

template <typename E>
E parseChoice(const std::string& s, const char* field,
              std::initializer_list<std::pair<const char*, E>> choices)
{
    std::string names;
    for (const auto& [name, value] : choices) {
        if (s == name)
            return value;
        names += names.empty() ? "" : ", ";
        names += name;
    }
    bad(field, "one of " + names + ", got \"" + s + "\"");
}

void positive(double v, const char* field)
{
    if (!(v > 0) || !std::isfinite(v))
        bad(field, std::string("a positive number, got ") + num(v));
}

void inRange(double v, double lo, double hi, const char* field)
{
    if (!(v >= lo && v <= hi))
        bad(field, "a number from " + num(lo) + " to " + num(hi) + ", got " + num(v));
}

void atLeast(int v, int lo, const char* field)
{
    if (v < lo)
        bad(field, "at least " + std::to_string(lo) + ", got " + std::to_string(v));
}

}  // namespace

const char* optimizerName(OptimizerKind k)
{
    switch (k) {
    case OptimizerKind::Sgd: return "sgd";
    case OptimizerKind::Adam: return "adam";
    case OptimizerKind::AdamW: return "adamw";
    }
    return "adam";
}

const char* scheduleName(ScheduleKind k)
{
    switch (k) {
    case ScheduleKind::Constant: return "constant";
    case ScheduleKind::Step: return "step";
    case ScheduleKind::Cosine: return "cosine";
    case ScheduleKind::OneCycle: return "one_cycle";
    case ScheduleKind::ReduceOnPlateau: return "plateau";
    }
    return "constant";
}

const char* taskKindName(TaskKind k)
{
    switch (k) {
    case TaskKind::Auto: return "auto";
    case TaskKind::Classification: return "classification";
    case TaskKind::Regression: return "regression";
    }
    return "auto";
}

const char* classWeightingName(ClassWeighting k)
{
    return k == ClassWeighting::Balanced ? "balanced" : "none";
}

OptimizerKind parseOptimizer(const std::string& s)
{
    return parseChoice<OptimizerKind>(s, "optimizer", {{"sgd", OptimizerKind::Sgd},
                                                       {"adam", OptimizerKind::Adam},
                                                       {"adamw", OptimizerKind::AdamW}});
}

ScheduleKind parseSchedule(const std::string& s)
{
    return parseChoice<ScheduleKind>(s, "schedule", {{"constant", ScheduleKind::Constant},
                                                     {"step", ScheduleKind::Step},
                                                     {"cosine", ScheduleKind::Cosine},
                                                     {"one_cycle", ScheduleKind::OneCycle},
                                                     {"plateau", ScheduleKind::ReduceOnPlateau}});
}

TaskKind parseTaskKind(const std::string& s)
{
    return parseChoice<TaskKind>(s, "task", {{"auto", TaskKind::Auto},
                                             {"classification", TaskKind::Classification},
                                             {"regression", TaskKind::Regression}});
}

ClassWeighting parseClassWeighting(const std::string& s)
{
    return parseChoice<ClassWeighting>(s, "class_weights", {{"none", ClassWeighting::None},
                                                            {"balanced", ClassWeighting::Balanced}});
}

model::LossType parseLossName(const std::string& s)
{
    return parseChoice<model::LossType>(s, "loss", {{"cross_entropy", model::LossType::CrossEntropy},
                                                    {"mse", model::LossType::MSE},
                                                    {"l1", model::LossType::L1},
                                                    {"huber", model::LossType::Huber}});
}

double effectiveWeightDecay(const TrainConfig& c)
{
    if (c.weightDecay)
        return *c.weightDecay;
    return c.optimizer == OptimizerKind::AdamW ? 0.01 : 0.0;
}

void validate(const TrainConfig& c)
{
    atLeast(c.epochs, 1, "epochs");
    atLeast(c.batchSize, 1, "batch_size");
    positive(c.learningRate, "learning_rate");
    atLeast(c.threads, 0, "threads");
    atLeast(c.logEverySteps, 1, "log_every_steps");
    if (c.device != "auto" && c.device != "cpu" && c.device != "cuda")
        bad("device", "\"auto\", \"cpu\" or \"cuda\", got \"" + c.device + "\"");
    inRange(c.momentum, 0, 1, "momentum");
    if (c.nesterov && !(c.momentum > 0))
        bad("nesterov", "a momentum above 0 (Nesterov momentum with momentum 0 is plain SGD)");
    inRange(c.beta1, 0, 0.999999, "beta1");
    inRange(c.beta2, 0, 0.999999, "beta2");
    positive(c.eps, "eps");
    if (c.weightDecay)
        inRange(*c.weightDecay, 0, 1, "weight_decay");
    atLeast(c.warmupSteps, 0, "warmup_steps");
    inRange(c.warmupStartFactor, 0, 1, "warmup_start_factor");
    if (c.schedule == ScheduleKind::OneCycle && c.warmupSteps > 0)
        bad("warmup_steps", "0 with one_cycle, which rises from a low rate by itself");
    atLeast(c.stepEpochs, 1, "step_epochs");
    inRange(c.gamma, 1e-9, 1, "gamma");
    inRange(c.minLearningRate, 0, c.learningRate, "min_learning_rate");
    inRange(c.oneCyclePctStart, 0.01, 0.99, "one_cycle_pct_start");
    if (!(c.oneCycleDivFactor >= 1))
        bad("one_cycle_div_factor", "at least 1, got " + num(c.oneCycleDivFactor));
    if (!(c.oneCycleFinalDivFactor >= 1))
        bad("one_cycle_final_div_factor", "at least 1, got " + num(c.oneCycleFinalDivFactor));
    inRange(c.plateauFactor, 1e-6, 0.999999, "plateau_factor");
    atLeast(c.plateauPatience, 0, "plateau_patience");
    if (!(c.clipGradNorm >= 0) || !std::isfinite(c.clipGradNorm))
        bad("clip_grad_norm", "0 (off) or a positive norm, got " + num(c.clipGradNorm));
    if (!c.monitorMetric.empty() && c.monitorMetric.rfind("val/", 0) != 0)
        bad("monitor", "a validation metric such as val/loss, val/accuracy or val/rmse, got \"" +
                           c.monitorMetric + "\"");
    atLeast(c.earlyStopPatience, 0, "early_stop_patience");
    if (!(c.earlyStopMinDelta >= 0))
        bad("early_stop_min_delta", "0 or more, got " + num(c.earlyStopMinDelta));
    atLeast(c.augmentCropPadding, 0, "augment_crop_padding");
    positive(c.huberDelta, "huber_delta");
    if (c.loss == model::LossType::BinaryCrossEntropy)
        bad("loss", "cross_entropy for classes (BCE needs a one-unit output, which the trainer "
                    "does not build yet), or mse, l1, huber for regression");
}

std::string toJson(const TrainConfig& c)
{
    nlohmann::json j;
    j["run_name"] = c.runName;
    j["epochs"] = c.epochs;
    j["batch_size"] = c.batchSize;
    j["learning_rate"] = c.learningRate;
    j["seed"] = c.seed;
    j["threads_requested"] = c.threads;
    j["device_requested"] = c.device;
    j["log_every_steps"] = c.logEverySteps;
    j["optimizer"] = optimizerName(c.optimizer);
    j["momentum"] = c.momentum;
    j["nesterov"] = c.nesterov;
    j["beta1"] = c.beta1;
    j["beta2"] = c.beta2;
    j["eps"] = c.eps;
    j["weight_decay"] = effectiveWeightDecay(c);
    j["schedule"] = scheduleName(c.schedule);
    j["warmup_steps"] = c.warmupSteps;
    j["warmup_start_factor"] = c.warmupStartFactor;
    j["step_epochs"] = c.stepEpochs;
    j["gamma"] = c.gamma;
    j["min_learning_rate"] = c.minLearningRate;
    j["one_cycle_pct_start"] = c.oneCyclePctStart;
    j["one_cycle_div_factor"] = c.oneCycleDivFactor;
    j["one_cycle_final_div_factor"] = c.oneCycleFinalDivFactor;
    j["plateau_factor"] = c.plateauFactor;
    j["plateau_patience"] = c.plateauPatience;
    j["clip_grad_norm"] = c.clipGradNorm;
    j["monitor"] = c.monitorMetric.empty() ? std::string(metric::ValLoss) : c.monitorMetric;
    j["early_stop_patience"] = c.earlyStopPatience;
    j["early_stop_min_delta"] = c.earlyStopMinDelta;
    j["class_weights"] = classWeightingName(c.classWeights);
    j["augment_crop_padding"] = c.augmentCropPadding;
    j["augment_flip"] = c.augmentFlip;
    j["task_requested"] = taskKindName(c.task);
    j["loss_requested"] = c.loss ? model::lossName(*c.loss) : "auto";
    j["huber_delta"] = c.huberDelta;
    j["checkpoints"] = c.checkpoints;
    return j.dump();
}

std::map<std::string, std::string> toParams(const TrainConfig& c)
{
    std::map<std::string, std::string> out;
    const nlohmann::json j = nlohmann::json::parse(toJson(c));   // outlives items()
    for (const auto& [key, value] : j.items())
        out[key] = value.is_string() ? value.get<std::string>() : value.dump();
    return out;
}

TrainConfig trainConfigFromJson(const std::string& text)
{
    const nlohmann::json j = parseJson(text, "train config");
    TrainConfig c;
    try {
        c.runName = j.value("run_name", c.runName);
        c.epochs = j.value("epochs", c.epochs);
        c.batchSize = j.value("batch_size", c.batchSize);
        c.learningRate = j.value("learning_rate", c.learningRate);
        c.seed = j.value("seed", c.seed);
        c.threads = j.value("threads_requested", c.threads);
        c.device = j.value("device_requested", c.device);
        c.logEverySteps = j.value("log_every_steps", c.logEverySteps);
        c.optimizer = parseOptimizer(j.value("optimizer", std::string("adam")));
        c.momentum = j.value("momentum", c.momentum);
        c.nesterov = j.value("nesterov", c.nesterov);
        c.beta1 = j.value("beta1", c.beta1);
        c.beta2 = j.value("beta2", c.beta2);
        c.eps = j.value("eps", c.eps);
        if (j.contains("weight_decay"))
            c.weightDecay = j.at("weight_decay").get<double>();
        c.schedule = parseSchedule(j.value("schedule", std::string("constant")));
        c.warmupSteps = j.value("warmup_steps", c.warmupSteps);
        c.warmupStartFactor = j.value("warmup_start_factor", c.warmupStartFactor);
        c.stepEpochs = j.value("step_epochs", c.stepEpochs);
        c.gamma = j.value("gamma", c.gamma);
        c.minLearningRate = j.value("min_learning_rate", c.minLearningRate);
        c.oneCyclePctStart = j.value("one_cycle_pct_start", c.oneCyclePctStart);
        c.oneCycleDivFactor = j.value("one_cycle_div_factor", c.oneCycleDivFactor);
        c.oneCycleFinalDivFactor = j.value("one_cycle_final_div_factor", c.oneCycleFinalDivFactor);
        c.plateauFactor = j.value("plateau_factor", c.plateauFactor);
        c.plateauPatience = j.value("plateau_patience", c.plateauPatience);
        c.clipGradNorm = j.value("clip_grad_norm", c.clipGradNorm);
        c.monitorMetric = j.value("monitor", c.monitorMetric);
        c.earlyStopPatience = j.value("early_stop_patience", c.earlyStopPatience);
        c.earlyStopMinDelta = j.value("early_stop_min_delta", c.earlyStopMinDelta);
        c.classWeights = parseClassWeighting(j.value("class_weights", std::string("none")));
        c.augmentCropPadding = j.value("augment_crop_padding", c.augmentCropPadding);
        c.augmentFlip = j.value("augment_flip", c.augmentFlip);
        c.task = parseTaskKind(j.value("task_requested", std::string("auto")));
        const std::string loss = j.value("loss_requested", std::string("auto"));
        if (loss != "auto")
            c.loss = parseLossName(loss);
        c.huberDelta = j.value("huber_delta", c.huberDelta);
        c.checkpoints = j.value("checkpoints", c.checkpoints);
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorInfo{ErrorCode::CorruptObject, {}, 0, "train config", e.what()});
    }
    return c;
}

}  // namespace flightdeck::train
