#include "monitoring/LogAnalysis.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace flightdeck::ui {

int LogAnalysis::autoWidthIndex() const {
    for (std::size_t i = 0; i < kWidths.size(); ++i)
        if (available[i] && span() / kWidths[i] + 1.0 <= 200.0)
            return static_cast<int>(i);
    for (std::size_t i = kWidths.size(); i-- > 0;)
        if (available[i])
            return static_cast<int>(i);
    return static_cast<int>(kWidths.size()) - 1;
}

LogAnalysis analyzeLog(const std::filesystem::path& file, std::atomic<bool>& stop,
                       const std::atomic<bool>* external) {
    namespace monitor = flightdeck::monitor;
    LogAnalysis result;
    std::vector<std::unique_ptr<monitor::WindowAggregator>> aggregators;
    for (double width : LogAnalysis::kWidths)
        aggregators.push_back(std::make_unique<monitor::WindowAggregator>(width));
    bool first = true;
    result.completed = monitor::readPredictionLog(
        file,
        [&](const monitor::PredictionRecord& record) {
            if (external && external->load(std::memory_order_relaxed))
                stop.store(true, std::memory_order_relaxed);
            if (first) {
                result.firstTimestamp = result.lastTimestamp = record.timestamp;
                first = false;
            }
            result.firstTimestamp = std::min(result.firstTimestamp, record.timestamp);
            result.lastTimestamp = std::max(result.lastTimestamp, record.timestamp);
            result.errors += record.error ? 1 : 0;
            if (std::isfinite(record.latencyMs)) {
                result.latencySum += record.latencyMs;
                result.latencyMax = std::max(result.latencyMax, record.latencyMs);
            }
            ++result.classes[record.prediction];
            for (auto& aggregator : aggregators)
                aggregator->add(record);
        },
        result.stats, &stop);
    if (!result.completed)
        return result;
    for (std::size_t i = 0; i < LogAnalysis::kWidths.size(); ++i) {
        result.available[i] = result.span() / LogAnalysis::kWidths[i] <= LogAnalysis::kMaxWindows;
        if (result.available[i] && result.stats.records > 0)
            result.windows[i] = aggregators[i]->windows();
        aggregators[i].reset();   // free its latencies before the next width's windows
    }
    return result;
}

}  // namespace flightdeck::ui
