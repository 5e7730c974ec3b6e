#pragma once
// The loop's first step back from production: records of a prediction log (a time window, or
// those the model was unsure of) become a new dataset version derived from the model's training
// version, their features as the server logged them, labeled where ground truth was joined by
// request id and unlabeled (-1) otherwise, ready for the labeling panel. Rows come most
// uncertain first, so labeling in row order labels what the model needs most.
#include "flightdeck/store/Records.h"

#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::loop {

struct FreshDataOptions {
    // Log timestamps (Unix seconds), [from, to).
    double from = -std::numeric_limits<double>::infinity();
    double to = std::numeric_limits<double>::infinity();
    // Keep records whose confidence is below this (1.01 keeps all, records without one too).
    double belowConfidence = 1.01;
    std::filesystem::path groundTruth;   // (request id, label) JSONL/CSV; empty = none
    std::size_t maxRecords = 0;          // 0 = all; else the most uncertain ones
};

struct FreshData {
    store::DatasetVersionRecord version;
    std::int64_t records = 0;     // rows of the new version
    std::int64_t labeled = 0;     // of them, with a ground-truth label
    std::int64_t outside = 0;     // records outside the window or above the confidence bound
    std::int64_t failed = 0;      // error responses: no prediction, nothing to label
    std::int64_t skipped = 0;     // log lines that are not records (see problems)
    std::vector<std::string> problems;   // the first 20, each naming its line or request
};

// Error(InvalidArgument) when the log's features do not fit the training version (count or
// names, said per column), for a regression or image version, or when nothing is selected.
FreshData logToDatasetVersion(store::Project& project, const std::filesystem::path& log,
                              store::Id trainingVersion, const FreshDataOptions& options = {});

}  // namespace flightdeck::loop
