#pragma once
// Fixed-width time windows over prediction records (any width; 60 s to 86,400 s are the usual
// choices): request rate, error rate, latency percentiles, class counts, confidence histogram,
// and accuracy once ground truth is joined by request id.
//
// Percentiles are nearest rank. They are exact while a window holds at most
// WindowOptions::exactLatencyLimit latencies (memory: 8 bytes each); past that the window folds
// them into a QuantileSketch and its percentiles are within sketchRelativeError (relative) of
// the exact ones (WindowStats::latencyExact says which). So memory per window is bounded.
//
// Empty windows: windows() lists every window from the first to the last record, the empty ones
// with requests = 0, rates 0, latencies 0, latencyCount 0 and accuracy NaN (null in JSON).
// Records without a latency (NaN: the log has none) count as requests but not in latencies.
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/monitor/QuantileSketch.h"

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace flightdeck::monitor {

struct WindowStats {
    double start = 0;               // Unix seconds, aligned to the window width
    double width = 0;
    std::int64_t requests = 0;
    std::int64_t errors = 0;
    double requestsPerSecond = 0;
    double latencyMean = 0, latencyP50 = 0, latencyP95 = 0, latencyP99 = 0;
    std::map<std::string, std::int64_t> predictions;
    // Added with WindowOptions:
    std::int64_t latencyCount = 0;       // records with a latency
    bool latencyExact = true;            // false: percentiles from the sketch (bounded error)
    std::vector<std::int64_t> confidenceHistogram;  // confidenceBins equal bins over [0, 1]
    std::int64_t confidenceCount = 0;    // records with a confidence (out-of-range ones too;
                                         // the mean is over the ones in [0, 1])
    std::int64_t confidenceOutOfRange = 0;  // confidence < 0 or > 1 (not in the histogram)
    double confidenceMean = 0;
    std::int64_t labeled = 0, correct = 0;  // predictions whose ground truth has arrived
    double accuracy = std::numeric_limits<double>::quiet_NaN();  // correct / labeled
};

struct WindowOptions {
    double widthSeconds = 60;
    std::size_t exactLatencyLimit = 100000;  // per window; then the sketch takes over
    double sketchRelativeError = 0.01;
    int confidenceBins = 10;
    bool trackAccuracy = false;  // remember request ids so addGroundTruth can join them
};

class WindowAggregator {
public:
    explicit WindowAggregator(double windowSeconds);   // > 0, else Error(InvalidArgument)
    explicit WindowAggregator(const WindowOptions& options);
    void add(const PredictionRecord& record);
    // Ground truth for a request id, before or after its prediction (needs trackAccuracy):
    // the prediction's window counts it as labeled, and correct when the labels are equal.
    // Memory: one entry per request id not yet joined.
    void addGroundTruth(const std::string& requestId, const std::string& label);
    std::int64_t unmatchedGroundTruth() const { return static_cast<std::int64_t>(pendingTruth_.size()); }
    std::int64_t joinedGroundTruth() const { return joined_; }
    const WindowOptions& options() const { return options_; }
    // Windows in time order; windows with no data between the first and last are included
    // with zero requests so a plot shows the gap.
    std::vector<WindowStats> windows() const;

private:
    double width_;
    struct Bucket { std::int64_t errors = 0; std::vector<double> latencies;
                    std::map<std::string, std::int64_t> predictions;
                    std::int64_t requests = 0;
                    long double latencySum = 0;
                    std::int64_t latencyCount = 0;
                    std::optional<QuantileSketch> sketch;
                    std::vector<std::int64_t> confidence;
                    std::int64_t confidenceCount = 0, confidenceOutOfRange = 0;
                    long double confidenceSum = 0;
                    std::int64_t labeled = 0, correct = 0; };
    Bucket& bucketFor(double timestamp);
    WindowOptions options_;
    std::map<std::int64_t, Bucket> buckets_;
    struct Pending { std::int64_t key; std::string prediction; };
    std::unordered_map<std::string, Pending> pendingPrediction_;
    std::unordered_map<std::string, std::string> pendingTruth_;
    std::int64_t joined_ = 0;
};

// {"windows": [...], "lines", "records", "skipped", "problems", and since LogReader:
//  "too_long", "out_of_order", "non_finite", "bytes"}. Each window also carries
// "latency_count", "latency_exact", "confidence_histogram", "confidence_mean", "labeled",
// "correct", "accuracy" (null without labels).
std::string toJson(const std::vector<WindowStats>& windows, const ReadStats& stats);

}  // namespace flightdeck::monitor
