#pragma once
// The metric keys the trainer records and the panels and the CLI read: one declaration, so a
// plot never waits for a key spelled differently where it is written.
#include <string_view>

namespace flightdeck::metric {

inline constexpr std::string_view TrainLoss = "train/loss";              // every N steps
inline constexpr std::string_view TrainEpochLoss = "train/epoch_loss";   // sample-weighted mean
inline constexpr std::string_view TrainSamplesPerSecond = "train/samples_per_second";
inline constexpr std::string_view LearningRate = "train/learning_rate";  // per epoch
inline constexpr std::string_view ValLoss = "val/loss";
inline constexpr std::string_view ValAccuracy = "val/accuracy";          // classification
inline constexpr std::string_view ValRmse = "val/rmse";                  // regression
inline constexpr std::string_view ValMae = "val/mae";
inline constexpr std::string_view ValR2 = "val/r2";

// Whether a larger value of `key` is better (accuracy, R^2) or a smaller one (losses, errors):
// what early stopping, reduce-on-plateau and "best checkpoint" optimise.
inline bool higherIsBetter(std::string_view key)
{
    return key == ValAccuracy || key == ValR2;
}

}  // namespace flightdeck::metric
