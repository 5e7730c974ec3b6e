#pragma once
// Fixed-width time windows over prediction records: request rate, error rate, latency
// percentiles (exact, nearest-rank on the window's latencies), class counts.
#include "flightdeck/monitor/PredictionLog.h"

#include <map>
#include <string>
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
};

class WindowAggregator {
public:
    explicit WindowAggregator(double windowSeconds);   // > 0, else Error(InvalidArgument)
    void add(const PredictionRecord& record);
    // Windows in time order; windows with no data between the first and last are included
    // with zero requests so a plot shows the gap.
    std::vector<WindowStats> windows() const;

private:
    double width_;
    struct Bucket { std::int64_t errors = 0; std::vector<double> latencies;
                    std::map<std::string, std::int64_t> predictions; };
    std::map<std::int64_t, Bucket> buckets_;
};

std::string toJson(const std::vector<WindowStats>& windows, const ReadStats& stats);

}  // namespace flightdeck::monitor
