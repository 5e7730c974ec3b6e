#pragma once
// Classification metrics on plain arrays (torch-free). Conventions follow scikit-learn:
// precision/recall/F1 of a class with no predicted (resp. true) samples is 0 (zero_division=0).
#include "flightdeck/eval/Metric.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::eval {

// Up to this many classes a report carries the dense K x K matrix; beyond it only the non-zero
// cells, so memory stays O(samples + K) (a float label imported as 49,999 classes once asked
// for a 20 GB matrix).
constexpr int kDenseConfusionMaxClasses = 256;

// One non-zero confusion cell: `count` samples of true class t predicted as p.
struct ConfusionCell {
    std::int32_t t = 0;
    std::int32_t p = 0;
    std::int64_t count = 0;
    bool operator==(const ConfusionCell& o) const { return t == o.t && p == o.p && count == o.count; }
};

struct ClassificationReport {
    int numClasses = 0;
    std::int64_t samples = 0;
    double accuracy = 0;
    // confusion[t][p]: rows are true classes, columns predicted (sklearn's layout). Empty when
    // numClasses > kDenseConfusionMaxClasses; `cells` always holds the non-zero entries.
    std::vector<std::vector<std::int64_t>> confusion;
    std::vector<ConfusionCell> cells;   // sorted by (t, p)
    std::vector<double> precision, recall, f1;
    std::vector<std::int64_t> support;
    double macroPrecision = 0, macroRecall = 0, macroF1 = 0;
    double weightedF1 = 0;
};

// truth and pred must have equal length; values outside [0, numClasses) throw
// Error(InvalidArgument). Empty input gives samples = 0 and accuracy 0.
ClassificationReport classificationReport(const std::vector<std::int32_t>& truth,
                                          const std::vector<std::int32_t>& pred, int numClasses);

// JSON with class names: {"accuracy":..,"samples":..,"classes":[..],"confusion":[[..]] (or, past
// kDenseConfusionMaxClasses, "confusion_cells":[[t,p,count],..]),
// "per_class":[{"class":..,"precision":..,"recall":..,"f1":..,"support":..}],"macro":{..},
// "weighted_f1":..}
std::string toJson(const ClassificationReport& report, const std::vector<std::string>& classNames);
ClassificationReport reportFromJson(const std::string& json, std::vector<std::string>* classNames);

// ---- Metrics on label arrays, scikit-learn 1.2 semantics --------------------------------------
// truth and pred hold class indices in [0, numClasses) and have equal length; anything else
// throws Error(InvalidArgument). No samples gives undefined metrics ("no samples").

// accuracy_score.
Metric accuracy(const std::vector<std::int32_t>& truth, const std::vector<std::int32_t>& pred,
                int numClasses);

// balanced_accuracy_score: the mean recall over the classes present in truth. A class that is
// predicted but never true has no recall and is left out, as scikit-learn does (it warns).
Metric balancedAccuracy(const std::vector<std::int32_t>& truth,
                        const std::vector<std::int32_t>& pred, int numClasses);

struct PrfOptions {
    // The classes to score. Empty = scikit-learn's default: the classes present in truth or
    // pred, ascending. Give 0..numClasses-1 to count classes absent from both as well.
    std::vector<std::int32_t> labels;
    ZeroDivision zeroDivision = ZeroDivision::Zero;
};

struct AveragedPrf {
    Metric precision, recall, f1;
};

// precision_recall_fscore_support (beta = 1) per class and with average = macro, micro and
// weighted. Per-class entries follow `labels`.
struct PrfScores {
    std::vector<std::int32_t> labels;
    std::vector<double> precision, recall, f1;
    std::vector<std::int64_t> support;  // true samples per class
    std::vector<std::int64_t> predicted;  // predicted samples per class
    AveragedPrf macro, micro, weighted;
};
PrfScores precisionRecallF1(const std::vector<std::int32_t>& truth,
                            const std::vector<std::int32_t>& pred, int numClasses,
                            const PrfOptions& options = {});

// confusion_matrix(labels=range(numClasses)): counts[t][p], rows true, columns predicted.
using ConfusionCounts = std::vector<std::vector<std::int64_t>>;
ConfusionCounts confusionMatrix(const std::vector<std::int32_t>& truth,
                                const std::vector<std::int32_t>& pred, int numClasses);

// confusion_matrix(normalize=...): "true" divides each row by its sum, "pred" each column, "all"
// by the total. A row, column or matrix that sums to 0 gives 0 cells (scikit-learn's nan_to_num).
enum class Normalize { True, Pred, All };
std::vector<std::vector<double>> normalizeConfusion(const ConfusionCounts& counts, Normalize how);

}  // namespace flightdeck::eval
