#pragma once
// What drift is measured against: the reference's feature columns (and its "prediction"
// column: a log's predictions, a dataset's labels or a profile's class sample), from any of
//   - a prediction log (JSONL / CSV file or a folder of rotated files), as before;
//   - a dataset CSV: a CSV with neither a timestamp nor a prediction column; its label column
//     (labelColumn, else the first named label / class / target / y, any case) becomes the
//     "prediction" column, every other column a feature;
//   - a reference_profile.json, or a folder (a bundle) that holds one: its row sample;
//   - a ReferenceProfile built in memory (the CLI builds one from a project's dataset version).
// core/monitor reads no project itself (it stays free of core/store): app/cli does that.
#include "flightdeck/monitor/DriftReport.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/ReferenceProfile.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::monitor {

enum class ReferenceKind { Log, DatasetCsv, Profile, Dataset };
const char* referenceKindName(ReferenceKind kind);  // "log", "dataset_csv", "profile", "dataset"

struct ReferenceSample {
    ReferenceKind kind = ReferenceKind::Log;
    std::string source;                 // the file, folder or "project:DIR:VERSION"
    std::vector<std::string> features;  // feature names, in the reference's order
    std::vector<DriftColumn> columns;   // the features, then "prediction" when there is one
    bool numericPrediction = false;     // a regression target: predictions compare as numbers
    std::int64_t rows = 0;              // rows of the reference data
    bool sampled = false;               // columns hold a sample of them
    ReadStats read;                     // logs and dataset CSVs
    std::string labelColumn;            // dataset CSV: the column read as "prediction"
};

struct ReferenceOptions {
    LogReadOptions read;                 // for a log reference (timestamps not required)
    bool includePrediction = true;
    std::size_t maxValuesPerColumn = 200000;   // as DriftJsonOptions
    std::string labelColumn;             // dataset CSV; empty = label / class / target / y
};

// Picks the kind from the path: a folder holding reference_profile.json or a .json file is a
// profile; a .csv / .tsv without timestamp and prediction columns is a dataset CSV; anything
// else a log. Error(TooFewRows) for a reference without readable rows.
ReferenceSample loadReference(const std::filesystem::path& path, const ReferenceOptions& options,
                              const std::atomic<bool>* cancel = nullptr);

// The profile's row sample as drift columns (exactly the data while it was not sampled).
ReferenceSample referenceFromProfile(const ReferenceProfile& profile, const std::string& source,
                                     bool includePrediction = true);

// The log's feature names against the reference's: "" when they match, else a sentence naming
// every column missing from the log and every one the reference lacks (DriftWindows throws it
// as Error(InvalidArgument, field "features")).
std::string featureMismatch(const std::vector<std::string>& reference,
                            const std::vector<std::string>& log);

}  // namespace flightdeck::monitor
