#pragma once
// A trained run's predictions on every row of a dataset version: what the Labeling panel
// orders its queue by (least confident first), pre-labels with, and compares with the labels
// to find label noise. Torch stays behind model::Model.
#include "flightdeck/store/Records.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::train {

struct VersionPredictions {
    std::vector<std::string> classes;     // the model's outputs, by the run's class names
    std::size_t rows = 0;
    std::vector<float> probabilities;     // rows x classes, softmax of the logits
    std::vector<std::int32_t> predicted;  // argmax per row
    std::vector<float> confidence;        // the top probability
    std::vector<float> margin;            // top minus second probability
    std::vector<float> entropy;           // in nats

    float probability(std::size_t row, std::size_t cls) const
    {
        return probabilities[row * classes.size() + cls];
    }
};

// The run's model on `versionId` (any version with the same input width as the run's, e.g. a
// newer one of the same dataset). InvalidArgument when the widths differ; NotFound without a
// model; Cancelled when `cancel` is set (checked between chunks).
VersionPredictions predictVersion(store::Project& project, store::Id runId, store::Id versionId,
                                  const std::atomic<bool>* cancel = nullptr);

// Completed runs with a model whose input width fits the version, newest first.
std::vector<store::RunRecord> runsThatCanPredict(store::Project& project, store::Id versionId);

}  // namespace flightdeck::train
