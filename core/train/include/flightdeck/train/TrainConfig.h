#pragma once
// What a run trains with: the budget, the recipe (optimizer, schedule, regularisation,
// augmentation), the task and loss, and where it runs. Torch-free so the ui and the CLI fill it
// in; validate() is the one place its values are checked, and toJson/fromJson are what a run
// records (its parameters) and what a checkpoint carries to resume it.
#include "flightdeck/model/GraphSpec.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace flightdeck::train {

enum class OptimizerKind { Sgd, Adam, AdamW };
enum class ScheduleKind { Constant, Step, Cosine, OneCycle, ReduceOnPlateau };
enum class TaskKind { Auto, Classification, Regression };
enum class ClassWeighting { None, Balanced };

const char* optimizerName(OptimizerKind k);   // "sgd", "adam", "adamw"
const char* scheduleName(ScheduleKind k);     // "constant", "step", "cosine", "one_cycle", "plateau"
const char* taskKindName(TaskKind k);         // "auto", "classification", "regression"
const char* classWeightingName(ClassWeighting k);   // "none", "balanced"
// Error(InvalidArgument) naming the field and the choices.
OptimizerKind parseOptimizer(const std::string& s);
ScheduleKind parseSchedule(const std::string& s);
TaskKind parseTaskKind(const std::string& s);
ClassWeighting parseClassWeighting(const std::string& s);
model::LossType parseLossName(const std::string& s);   // cross_entropy, mse, l1, huber

struct TrainConfig {
    std::string runName;            // empty = "run-<id>"
    int epochs = 10;
    int batchSize = 64;
    double learningRate = 1e-3;     // the peak rate for one-cycle
    std::uint64_t seed = 42;        // model init, batch order, dropout, augmentation
    int threads = 0;                // 0 = all cores (torch::set_num_threads)
    std::string device = "auto";    // "auto" (CUDA if available), "cpu", "cuda"
    int logEverySteps = 1;          // train/loss is recorded every N steps

    // Optimizer (the formulas of torch.optim's SGD, Adam and AdamW).
    OptimizerKind optimizer = OptimizerKind::Adam;
    double momentum = 0.9;          // SGD
    bool nesterov = false;          // SGD, needs momentum > 0
    double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;   // Adam, AdamW
    // L2 penalty for SGD and Adam, decoupled decay for AdamW (torch's default 0.01 there when
    // left unset).
    std::optional<double> weightDecay;

    // Learning-rate schedule, applied every step (see LrSchedule.h for the exact formulas).
    ScheduleKind schedule = ScheduleKind::Constant;
    int warmupSteps = 0;            // linear warm-up before the schedule (not with one-cycle)
    double warmupStartFactor = 0.1; // the warm-up's first rate, as a fraction of learningRate
    int stepEpochs = 10;            // step: multiply by gamma every N epochs
    double gamma = 0.1;
    double minLearningRate = 0;     // cosine's floor, plateau's floor
    double oneCyclePctStart = 0.3;  // one-cycle: fraction of steps rising
    double oneCycleDivFactor = 25;  // initial rate = learningRate / div
    double oneCycleFinalDivFactor = 1e4;   // final rate = initial / final_div
    double plateauFactor = 0.1;     // reduce-on-plateau: rate *= factor ...
    int plateauPatience = 10;       // ... after this many epochs without improvement

    double clipGradNorm = 0;        // 0 = off; else the total L2 norm the gradients are cut to

    // Early stopping on a validation metric ("val/loss", "val/accuracy", "val/rmse", ...):
    // off while patience is 0. The stored model is then the best epoch's.
    std::string monitorMetric;      // empty = val/loss; also what "best" checkpoints track
    int earlyStopPatience = 0;
    double earlyStopMinDelta = 0;

    ClassWeighting classWeights = ClassWeighting::None;
    // Image augmentation on the train batches only: zero padding then a random crop back to
    // the image's size, and a horizontal flip with probability 0.5.
    int augmentCropPadding = 0;
    bool augmentFlip = false;

    TaskKind task = TaskKind::Auto;          // auto = the dataset version's task
    std::optional<model::LossType> loss;     // none = the graph's output loss, else by task
    double huberDelta = 1.0;

    bool checkpoints = true;        // every epoch, at the best epoch, and when cancelled
};

// Error(InvalidArgument) naming the field and what it accepts.
void validate(const TrainConfig& config);
double effectiveWeightDecay(const TrainConfig& config);

// Flat key -> text pairs, the run's parameters ("optimizer" = "adamw", ...).
std::map<std::string, std::string> toParams(const TrainConfig& config);
std::string toJson(const TrainConfig& config);
TrainConfig trainConfigFromJson(const std::string& json);   // Error(CorruptObject/InvalidArgument)

}  // namespace flightdeck::train
