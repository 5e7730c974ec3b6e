#pragma once
// Library side of `flightdeck-cli monitor summary|drift`: read a log (a file, or a folder of
// rotated files) and return the JSON the command prints.
#include "flightdeck/monitor/DriftReport.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/PerformanceEstimate.h"
#include "flightdeck/monitor/ReferenceSample.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include <atomic>
#include <filesystem>
#include <string>

namespace flightdeck::monitor {

struct SummaryOptions {
    LogReadOptions read;
    WindowOptions windows;                 // widthSeconds: 60 .. 86,400 are the usual choices
    std::filesystem::path groundTruth;     // optional: (request id, label) for accuracy
    GroundTruthMapping groundTruthMapping;
    // With a calibration, each window also carries "estimated_accuracy": {"value", "low",
    // "high", "records", "level"} (PerformanceEstimate.h), beside the realized "accuracy".
    std::optional<ConfidenceCalibration> calibration;
    double estimateLevel = 0.95;
};

// toJson(windows, stats) of the log, plus "ground_truth": {"joined", "unmatched", problems}
// when a ground truth file is given. Memory: per window (bounded by the percentile sketch), plus
// one entry per request id awaiting its label when accuracy is joined.
std::string monitorSummaryJson(const std::filesystem::path& log, const SummaryOptions& options,
                               const std::atomic<bool>* cancel = nullptr);

struct DriftJsonOptions {
    LogReadOptions read;           // the current log
    LogReadOptions reference;      // the reference sample (timestamps not required)
    double windowSeconds = 0;      // 0: the whole log is one current sample
    int latenessWindows = 1;       // windows kept open for out-of-order records
    bool includePrediction = true; // the prediction is a categorical column too
    // Each column of the reference and of each window keeps at most this many values: a
    // uniform sample (reservoir, Algorithm R, fixed seed) past it, so memory is bounded
    // whatever the log size (a 1.95 GB log once took 1.17 GB). The statistics are then those
    // of the sample: for KS, D is within about 1.36 / sqrt(n) of the whole column's at 95 %
    // (0.003 at the default). 0 = keep every value.
    std::size_t maxValuesPerColumn = 200000;
    DriftOptions drift;
    std::string referenceLabel;    // a dataset CSV reference's label column (ReferenceSample.h)
};

// The reference is any kind ReferenceSample.h reads (a log, a dataset CSV, a profile or a
// bundle folder). {"reference": {"kind", "source", "rows", "sampled", "columns"}, "windows": [{"start", "width", "rows", "dataset_drift",
//  "share", "evaluated", "drifted", "columns": [...per feature...]}], "late_records", "read"}.
// Features are matched by name (JSON object keys, CSV columns; arrays are "feature_<i>").
// Windows are finished once a record lands latenessWindows past them; records older than a
// finished window are counted in "late_records" and left out. Windows without records are not
// listed. Memory: the reference plus the open windows' values, each column at most
// maxValuesPerColumn; a sampled window says so ("sampled": true, "rows" counts all records).
std::string monitorDriftJson(const std::filesystem::path& log,
                             const std::filesystem::path& reference,
                             const DriftJsonOptions& options,
                             const std::atomic<bool>* cancel = nullptr);
// The same against a reference already loaded (a project's dataset version, read by the CLI).
std::string monitorDriftJson(const std::filesystem::path& log, const ReferenceSample& reference,
                             const DriftJsonOptions& options,
                             const std::atomic<bool>* cancel = nullptr);

}  // namespace flightdeck::monitor
