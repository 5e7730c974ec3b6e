#pragma once
// Library side of `flightdeck-cli monitor check`: reads a log once, measures every window width
// the rules ask for (operations, drift against a reference, accuracy against ground truth, the
// label-free estimate), and evaluates the rules (AlertRules.h).
#include "flightdeck/monitor/AlertRules.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/PerformanceEstimate.h"
#include "flightdeck/monitor/ReferenceSample.h"

#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::monitor {

struct AlertCheckOptions {
    LogReadOptions read;
    const ReferenceSample* reference = nullptr;   // drift and prediction_shift rules need it
    std::filesystem::path groundTruth;           // accuracy rules need it
    GroundTruthMapping groundTruthMapping;
    std::optional<ConfidenceCalibration> calibration;   // estimated_accuracy rules need it
    double estimateLevel = 0.95;
    std::size_t maxValuesPerColumn = 200000;
    int latenessWindows = 1;
    DriftOptions drift;
};

struct AlertCheck {
    AlertInputs inputs;
    std::vector<AlertResult> results;
    ReadStats read;
    bool complete = true;
    std::int64_t lateRecords = 0;     // drift windows' late records (DriftWindows.h)
};

// Error(InvalidArgument, field = the rule's name) when a rule needs an input that was not
// given, or names a feature the reference does not have.
AlertCheck checkAlerts(const std::filesystem::path& log, const std::vector<AlertRule>& rules,
                       const AlertCheckOptions& options,
                       const std::atomic<bool>* cancel = nullptr);

// {"alerts": [{"name", "metric", "feature"?, "op", "threshold", "window", "firing": [{"start",
//  "end", "value", "start_iso"}], "windows", "windows_without_value", "note"?}], "firing": number
//  of rules firing, "late_records", "complete", "read"}
std::string toJson(const AlertCheck& check);

}  // namespace flightdeck::monitor
