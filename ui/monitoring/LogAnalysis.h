#pragma once
// The operational side of a production log (worker thread): reading statistics, totals, the
// predicted class distribution and the time windows for every width the Monitoring panel
// offers, so switching the width never re-reads the file. Plain C++, no Qt.
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace flightdeck::ui {

class LogRecords;

struct LogAnalysis {
    static constexpr std::array<double, 5> kWidths = {60.0, 300.0, 900.0, 3600.0, 86400.0};
    // A width that would give more windows than this is not offered (the plot would be noise).
    static constexpr double kMaxWindows = 20000;

    flightdeck::monitor::ReadStats stats;
    bool completed = false;                    // false: cancelled part-way
    std::int64_t errors = 0;
    double firstTimestamp = 0, lastTimestamp = 0;
    double latencySum = 0, latencyMax = 0;
    std::map<std::string, std::int64_t> classes;
    std::array<std::vector<flightdeck::monitor::WindowStats>, kWidths.size()> windows;
    std::array<bool, kWidths.size()> available{};

    double span() const { return stats.records > 0 ? lastTimestamp - firstTimestamp : 0; }
    double errorRate() const { return stats.records > 0 ? double(errors) / double(stats.records) : 0; }
    // Index of the width giving at most ~200 windows (the finest such width).
    int autoWidthIndex() const;
};

// From the records kept so far and the reader's statistics.
LogAnalysis analyzeRecords(const LogRecords& records, const flightdeck::monitor::ReadStats& stats);

}  // namespace flightdeck::ui
