#pragma once
// A set of predictions on plain arrays, and metrics addressed by name, so that bootstrap
// intervals, slices and reports can evaluate "any metric" on any subset of rows.
#include "flightdeck/eval/Metric.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace flightdeck::eval {

enum class Task { Classification, Regression };

struct Predictions {
    Task task = Task::Classification;
    // Classification: class indices in [0, numClasses), and optionally scores (rows x
    // numClasses, row-major; probabilities for log loss, Brier and calibration). pred may be
    // empty when only scores exist (then label metrics are undefined).
    int numClasses = 0;
    std::vector<std::string> classNames;  // optional; numClasses entries
    std::vector<std::int32_t> truth, pred;
    std::vector<double> probs;
    // Binary problems score the class `positiveClass` (default 1, scikit-learn's pos_label).
    std::int32_t positiveClass = 1;
    // Regression.
    std::vector<double> target, estimate;

    std::size_t size() const { return task == Task::Regression ? target.size() : truth.size(); }
};

// The given rows (repeats allowed), into `out` so that a bootstrap loop reuses its memory.
void selectRows(const Predictions& from, const std::vector<std::size_t>& rows, Predictions& out);

// A metric addressed by name. Classification: accuracy, balanced_accuracy,
// {precision,recall,f1}_{macro,micro,weighted}, roc_auc (binary AUC, or one-vs-rest macro),
// roc_auc_weighted, roc_auc_micro, average_precision (binary, or one-vs-rest macro), log_loss,
// brier (binary brier_score_loss, or the multi-class Brier score), ece, top_<k>_accuracy.
// Regression: mse, rmse, mae, r2, mape, explained_variance.
// An unknown name throws Error(InvalidArgument, "metric") listing the known ones.
enum class MetricInput { Labels, Scores, Values };  // predicted labels, scores, regression
struct NamedMetric {
    std::string name;
    Direction direction = Direction::HigherIsBetter;
    MetricInput input = MetricInput::Labels;
    std::function<Metric(const Predictions&)> compute;
};
NamedMetric namedMetric(const std::string& name);
std::vector<std::string> metricNames(Task task);

}  // namespace flightdeck::eval
