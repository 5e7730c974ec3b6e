#pragma once
// Private to core/train (torch): what a TrainingSession prepares before its first step, and
// the checkpoint format's reader of the config (to resume with what the run started with).
#include "TrainingSession.h"

#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/model/GraphSpec.h"
#include "flightdeck/store/Records.h"
#include "flightdeck/train/Runtime.h"

#include <string>
#include <vector>

namespace flightdeck::train::detail {

struct TrainingSession::Data {
    store::Id versionId = 0, splitId = 0, architectureId = 0;
    store::DatasetVersionRecord version;
    store::SplitRecord splitRecord;
    store::ArchitectureRecord arch;
    bool isGraph = false;
    model::ArchitectureSpec spec;
    model::GraphSpec graph;

    bool regression = false;
    model::LossType loss = model::LossType::CrossEntropy;
    std::vector<std::int64_t> inputShape;   // [F] or [C, H, W]
    std::int64_t inputs = 0;                // flat width
    std::int64_t outputs = 0;               // classes, or 1 for regression
    std::int64_t parameters = 0;
    std::vector<std::string> classNames;
    std::vector<float> mean, stddev;        // input standardization (train rows)
    double targetMean = 0, targetStd = 1;   // regression target standardization

    torch::Tensor trainX, trainY, valX, valY;   // on the device; Y int64 or float
    std::int64_t trainRows = 0, valRows = 0, testRows = 0;
    std::int64_t nTrain = 0, stepsPerEpoch = 0, totalSteps = 0;

    int threads = 1;
    RuntimeInfo runtime;
    std::string deviceName;
};

// The TrainConfig a checkpoint was written with (Error(CorruptObject) for other bytes).
TrainConfig checkpointConfig(const std::string& bytes);

}  // namespace flightdeck::train::detail
