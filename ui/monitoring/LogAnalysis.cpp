#include "monitoring/LogAnalysis.h"

#include "monitoring/LogRecords.h"

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

LogAnalysis analyzeRecords(const LogRecords& records, const flightdeck::monitor::ReadStats& stats) {
    namespace monitor = flightdeck::monitor;
    LogAnalysis result;
    result.stats = stats;
    result.completed = true;
    if (records.size() == 0)
        return result;
    result.firstTimestamp = records.firstTime();
    result.lastTimestamp = records.lastTime();
    for (std::size_t i = 0; i < LogAnalysis::kWidths.size(); ++i)
        result.available[i] = result.span() / LogAnalysis::kWidths[i] <= LogAnalysis::kMaxWindows;
    // A thinned store stands for `stride` records each; totals are scaled back up.
    const double weight = records.stride();
    std::vector<std::unique_ptr<monitor::WindowAggregator>> aggregators(LogAnalysis::kWidths.size());
    for (std::size_t i = 0; i < LogAnalysis::kWidths.size(); ++i)
        if (result.available[i])
            aggregators[i] = std::make_unique<monitor::WindowAggregator>(LogAnalysis::kWidths[i]);
    double latencySum = 0, latencyMax = 0;
    std::int64_t errors = 0;
    records.forEach(-INFINITY, INFINITY, [&](const monitor::PredictionRecord& r) {
        errors += r.error ? 1 : 0;
        if (std::isfinite(r.latencyMs)) {
            latencySum += r.latencyMs;
            latencyMax = std::max(latencyMax, r.latencyMs);
        }
        ++result.classes[r.prediction];
        for (auto& aggregator : aggregators)
            if (aggregator)
                aggregator->add(r);
    });
    result.errors = static_cast<std::int64_t>(std::llround(double(errors) * weight));
    result.latencySum = latencySum * weight;
    result.latencyMax = latencyMax;
    if (weight > 1)
        for (auto& [name, count] : result.classes)
            count = static_cast<std::int64_t>(std::llround(double(count) * weight));
    for (std::size_t i = 0; i < LogAnalysis::kWidths.size(); ++i)
        if (aggregators[i])
            result.windows[i] = aggregators[i]->windows();
    return result;
}

}  // namespace flightdeck::ui
