#pragma once
// The model card's reading of a stored evaluation: the headline metrics with 95 % intervals,
// per-class results, and which method the intervals came from.
//
// The interval method depends on what is available, best first:
//  1. the report already holds intervals ("confidence_intervals", core/eval's report format):
//     printed as stored;
//  2. per-sample predictions are given (CardInput::predictions): core/eval's seeded percentile
//     bootstrap over them;
//  3. a classification report's confusion counts (what RunEvaluator stores today): Wilson score
//     intervals for accuracy and for each class's recall and precision, and for macro F1 (a
//     mean of ratios, with no closed form) the same bootstrap over the (true, predicted) pairs
//     rebuilt from the confusion matrix, which is exact because label metrics depend on nothing
//     else;
//  4. a regression report without either: the values, and no interval, said so.
#include "flightdeck/eval/Metric.h"
#include "flightdeck/eval/Predictions.h"
#include "flightdeck/store/Records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::exporting::card {

constexpr double kConfidence = 0.95;
constexpr int kBootstrapResamples = 1000;
constexpr std::uint64_t kBootstrapSeed = 0;

struct Interval {
    double lower = 0, upper = 0;
};

struct MetricRow {
    std::string name;              // "accuracy", "f1_macro", "rmse", ...
    eval::Metric value;
    std::optional<Interval> interval;
    std::string method;            // short: "Wilson", "bootstrap", "stored", "none"
};

struct ClassRow {
    std::string name;
    double precision = 0, recall = 0, f1 = 0;
    std::int64_t support = 0;
    std::optional<Interval> precisionInterval, recallInterval;
};

struct EvaluationView {
    bool regression = false;
    std::string split;
    double createdAt = 0;
    std::int64_t samples = 0;
    std::vector<MetricRow> metrics;
    std::vector<ClassRow> classes;
    std::vector<std::string> methods;   // full sentences: which method produced which interval
    std::vector<std::string> warnings;  // e.g. the report could not be read
};

// Wilson score interval for `successes` out of `trials` at kConfidence; nullopt for 0 trials.
std::optional<Interval> wilson(std::int64_t successes, std::int64_t trials);

// `predictions` (optional) must describe the same rows as the report; a sample count that
// differs from the report's is ignored with a warning rather than trusted.
EvaluationView readEvaluation(const store::EvaluationRecord& record, bool regression,
                              const std::optional<eval::Predictions>& predictions);

}  // namespace flightdeck::exporting::card
