#pragma once
// Bootstrap confidence intervals for any metric, seeded and reproducible on every platform.
//
// Resample r draws n row indices uniformly with replacement from a SplitMix64 stream seeded by
// (seed, r) (Lemire's unbiased bounded integers, no std:: distribution, whose output differs
// between standard libraries). The interval is the percentile interval of the defined resample
// values (NumPy's linear percentile at (1 - confidence) / 2 and (1 + confidence) / 2).
// Resamples on which the metric is undefined (say, a single class drawn for ROC AUC) are left
// out and counted. If the estimate on all rows is undefined, or no resample is defined, the
// bounds are undefined with the reason.
#include "flightdeck/eval/Metric.h"
#include "flightdeck/eval/Predictions.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace flightdeck::eval {

struct BootstrapOptions {
    int resamples = 1000;
    double confidence = 0.95;
    std::uint64_t seed = 0;
};

struct ConfidenceInterval {
    Metric estimate;  // the metric on all rows
    Metric lower, upper;
    double confidence = 0;
    int resamples = 0;
    int undefinedResamples = 0;
};

// A metric evaluated on a multiset of rows.
using RowMetric = std::function<Metric(const std::vector<std::size_t>& rows)>;

ConfidenceInterval bootstrap(std::size_t samples, const RowMetric& metric,
                             const BootstrapOptions& options = {});
ConfidenceInterval bootstrap(const Predictions& predictions, const NamedMetric& metric,
                             const BootstrapOptions& options = {});

// The rows of resample `resample` (what bootstrap() evaluates), for tests and for reproducing
// an interval elsewhere.
void bootstrapRows(std::size_t samples, std::uint64_t seed, int resample,
                   std::vector<std::size_t>& rows);

}  // namespace flightdeck::eval
