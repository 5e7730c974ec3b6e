// Metrics per slice, worst first (see Slices.h for the order).
#include "flightdeck/eval/Slices.h"

#include "Numeric.h"

#include <algorithm>
#include <unordered_map>

namespace flightdeck::eval {

std::vector<SliceResult> metricBySlice(const std::vector<std::string>& column,
                                       const RowMetric& metric, Direction direction)
{
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::vector<std::size_t>> rows;
    std::vector<SliceResult> out;
    for (std::size_t i = 0; i < column.size(); ++i) {
        const auto [it, inserted] = index.emplace(column[i], rows.size());
        if (inserted) {
            rows.emplace_back();
            out.push_back(SliceResult{column[i], 0, {}});
        }
        rows[it->second].push_back(i);
    }
    for (std::size_t s = 0; s < out.size(); ++s) {
        out[s].count = static_cast<std::int64_t>(rows[s].size());
        out[s].metric = metric(rows[s]);
    }
    const bool higherIsBetter = direction == Direction::HigherIsBetter;
    std::sort(out.begin(), out.end(), [higherIsBetter](const SliceResult& a, const SliceResult& b) {
        if (a.metric.defined != b.metric.defined)
            return a.metric.defined;
        if (a.metric.defined && a.metric.value != b.metric.value)
            return higherIsBetter ? a.metric.value < b.metric.value
                                  : a.metric.value > b.metric.value;
        if (a.metric.defined && a.count != b.count)
            return a.count > b.count;
        return a.value < b.value;
    });
    return out;
}

std::vector<SliceResult> metricBySlice(const Predictions& predictions,
                                       const std::vector<std::string>& column,
                                       const NamedMetric& metric)
{
    detail::checkSameLength(predictions.size(), column.size(), "column", "predictions");
    Predictions subset;
    return metricBySlice(
        column,
        [&](const std::vector<std::size_t>& rows) {
            selectRows(predictions, rows, subset);
            return metric.compute(subset);
        },
        metric.direction);
}

}  // namespace flightdeck::eval
