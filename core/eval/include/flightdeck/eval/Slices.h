#pragma once
// A metric per slice: per distinct value of a column (compared as text; an empty cell is its
// own slice), sorted worst first. Defined slices come first, ordered by the metric (ascending
// when higher is better, descending for losses), ties by larger slice then by value; slices on
// which the metric is undefined come last, by value, each with its reason.
#include "flightdeck/eval/Bootstrap.h"
#include "flightdeck/eval/Predictions.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::eval {

struct SliceResult {
    std::string value;
    std::int64_t count = 0;
    Metric metric;
};

std::vector<SliceResult> metricBySlice(const std::vector<std::string>& column,
                                       const RowMetric& metric, Direction direction);
// column has one entry per prediction row.
std::vector<SliceResult> metricBySlice(const Predictions& predictions,
                                       const std::vector<std::string>& column,
                                       const NamedMetric& metric);

}  // namespace flightdeck::eval
