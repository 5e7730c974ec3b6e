#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/PerformanceEstimate.h"

#include <cmath>
#include <unordered_map>

namespace flightdeck::monitor {

CalibrationFit calibrationFromLog(const std::filesystem::path& log,
                                  const std::filesystem::path& groundTruth,
                                  const LogReadOptions& read, CalibrationMethod method, int bins)
{
    // Memory: one entry per labeled request id; a calibration reference is a held-out split's
    // predictions, not a production log.
    std::unordered_map<std::string, std::string> truth;
    ReadStats truthStats;
    readGroundTruth(groundTruth, GroundTruthMapping{},
                    [&](const std::string& id, const std::string& label) { truth[id] = label; },
                    truthStats);
    CalibrationFit fit;
    std::vector<double> confidence;
    std::vector<std::uint8_t> correct;
    ReadStats stats;
    LogReadOptions o = read;
    o.mapping.requireTimestamp = false;
    auto onRecord = [&](const PredictionRecord& r) {
        if (!(r.confidence >= 0 && r.confidence <= 1) || r.prediction.empty()) {
            ++fit.withoutConfidence;
            return;
        }
        const auto it = truth.find(r.requestId);
        if (r.requestId.empty() || it == truth.end()) {
            ++fit.withoutLabel;
            return;
        }
        confidence.push_back(r.confidence);
        correct.push_back(it->second == r.prediction ? 1 : 0);
    };
    std::error_code ec;
    if (std::filesystem::is_directory(log, ec))
        readLogFolder(log, o, onRecord, stats);
    else
        readLog(log, o, onRecord, stats);
    if (confidence.empty())
        throw Error(ErrorInfo{ErrorCode::TooFewRows, log.string(), 0, "calibration",
                              "no record has a prediction, a confidence in [0, 1] and a label in "
                                  + groundTruth.string()});
    fit.used = static_cast<std::int64_t>(confidence.size());
    fit.calibration = ConfidenceCalibration::fit(confidence, correct, method, bins);
    return fit;
}

}  // namespace flightdeck::monitor
