#pragma once
// A hyperparameter sweep before it runs: a base recipe (train::TrainConfig), the axes it
// varies and how it walks them. A grid is the cartesian product of the axes' values; random
// search draws `trials` combinations from a seed (the same seed, the same trials, on every
// platform), the learning rate either from its list or log-uniformly from a range. validate()
// is the one place a plan is checked; its errors name the field. Torch-free and Qt-free, so
// the CLI and the ui fill it in.
#include "flightdeck/store/Records.h"
#include "flightdeck/store/SweepRepository.h"
#include "flightdeck/train/TrainConfig.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::sweep {

// What a plan may vary, in the order a grid nests them (the last varies fastest).
enum class Axis { Architecture, LearningRate, BatchSize, Optimizer, Epochs, WeightDecay };
const char* axisName(Axis axis);   // "architecture", "learning_rate", ... (the run parameters' keys)

struct LogRange {
    double low = 0, high = 0;      // 0 < low < high
};

struct SweepPlan {
    store::SweepKind kind = store::SweepKind::Grid;
    train::TrainConfig base;                       // everything the axes leave alone
    std::vector<store::Id> architectures;          // at least one
    std::vector<double> learningRates;             // empty: the base's
    std::optional<LogRange> learningRateRange;     // random search only, instead of the list
    std::vector<int> batchSizes;
    std::vector<train::OptimizerKind> optimizers;
    std::vector<int> epochs;
    std::vector<double> weightDecays;
    int trials = 0;                                // random search: how many runs
    std::uint64_t seed = 0;                        // random search: the draws' seed
    // The validation metric the sweep ranks by; empty = val/accuracy, or val/rmse when the
    // data is a regression (the runner decides from the dataset version).
    std::string objective;
};

// One run of the plan: its place, what it trains and the values the axes gave it.
struct Trial {
    int index = 0;
    store::Id architectureId = 0;
    train::TrainConfig config;
    // {"architecture": 3, "learning_rate": 0.003, ...}: the axes the plan varies, no others.
    std::string assignmentJson;
};

// A sweep larger than this is refused: a typo in a list should not queue a week of runs.
constexpr int kMaxTrials = 1000;

// Error(InvalidArgument) naming the field ("learning_rate", "batch_size", "optimizer",
// "epochs", "weight_decay", "architecture", "trials", "objective") and what it accepts; every
// trial's config also passes train::validate.
void validate(const SweepPlan& plan);
// The number of runs the plan makes (a grid's product, or a random search's trials).
int trialCount(const SweepPlan& plan);
// validate(), then every trial in order.
std::vector<Trial> expand(const SweepPlan& plan);
// The plan as the sweeps table stores it: its kind, axes, trials, seed, objective and base
// recipe (train::toJson).
std::string toJson(const SweepPlan& plan);

// "1e-3, 3e-3" -> {0.001, 0.003}; "adam,sgd" -> {Adam, Sgd}. Error(InvalidArgument) naming
// `field` and the item that is not a value. Shared by the CLI and the ui's text fields.
std::vector<double> parseNumberList(const std::string& text, const char* field);
std::vector<int> parseIntList(const std::string& text, const char* field);
std::vector<train::OptimizerKind> parseOptimizerList(const std::string& text);
// "1e-4..1e-1" -> a log range (random search).
LogRange parseLogRange(const std::string& text, const char* field);

}  // namespace flightdeck::sweep
