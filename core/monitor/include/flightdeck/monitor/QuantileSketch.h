#pragma once
// A relative-error quantile sketch (DDSketch's logarithmic buckets) for latencies: bucket i
// holds values in (g^(i-1), g^i] with g = (1 + a) / (1 - a), and reports 2 g^i / (g + 1).
// Bound (tested in test_windows.cpp): for any percentile, the value returned is within a
// relative error `a` of the exact nearest-rank percentile of the values added, because both
// lie in the same bucket. Values <= 1e-9 (and 0) share one bucket reported as 0. Memory is one
// counter per occupied bucket: at most log(max/min) / log(g), ~1,200 for a = 0.01 across
// 1 ns .. 1 day in milliseconds, whatever the number of values.
#include <cstdint>
#include <map>

namespace flightdeck::monitor {

class QuantileSketch {
public:
    explicit QuantileSketch(double relativeError = 0.01);  // 0 < a < 1, else InvalidArgument
    void add(double value, std::int64_t count = 1);         // value >= 0 and finite
    void merge(const QuantileSketch& other);                // same relative error required
    std::int64_t count() const { return count_; }
    double relativeError() const { return alpha_; }
    // Nearest rank, like WindowAggregator's exact percentiles: the smallest bucket whose
    // cumulative count reaches ceil(percent / 100 * n). 0 when empty.
    double percentile(double percent) const;
    std::size_t bucketCount() const { return bins_.size(); }

private:
    double alpha_, gamma_, logGamma_;
    std::int64_t zeros_ = 0, count_ = 0;
    std::map<int, std::int64_t> bins_;
};

}  // namespace flightdeck::monitor
