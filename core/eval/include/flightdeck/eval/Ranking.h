#pragma once
// Ranking metrics from scores: ROC and precision-recall curves, ROC AUC, average precision,
// binary and one-vs-rest. scikit-learn 1.2 semantics:
//  - roc_curve(drop_intermediate=True): collinear points dropped, thresholds[0] = max score + 1
//    (1.2 prepends thresholds[0] + 1, not inf);
//  - precision_recall_curve: every distinct threshold, ascending, plus the final point
//    (precision 1, recall 0); average precision is the step sum (R_n - R_{n-1}) P_n, not
//    interpolated;
//  - tied scores form one threshold (one diagonal segment of the ROC curve).
// O(n log n): one sort of the positive and one of the negative scores (radix sort for large n).
//
// Undefined results (never NaN): no samples; ROC with no positive or no negative sample ("only
// one class present in truth"); PR curve and AP with no positive sample (scikit-learn returns
// AP 0 with a warning there; recall is 0/0, so Flightdeck says undefined).
// Scores must be finite: NaN or infinity throws Error(InvalidArgument, "scores").
#include "flightdeck/eval/Metric.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::eval {

struct RocCurve {
    bool defined = false;
    std::string reason;
    std::vector<double> fpr, tpr, thresholds;  // thresholds decreasing
};

struct PrCurve {
    bool defined = false;
    std::string reason;
    // precision and recall have one entry more than thresholds (the final (1, 0) point);
    // thresholds increasing, recall decreasing, as scikit-learn returns them.
    std::vector<double> precision, recall, thresholds;
};

// Binary: sample i is positive when truth[i] == positiveClass; scores rank "more positive" high.
RocCurve rocCurve(const std::vector<std::int32_t>& truth, const std::vector<double>& scores,
                  std::int32_t positiveClass = 1, bool dropIntermediate = true);
Metric rocAuc(const std::vector<std::int32_t>& truth, const std::vector<double>& scores,
              std::int32_t positiveClass = 1);
PrCurve precisionRecallCurve(const std::vector<std::int32_t>& truth,
                             const std::vector<double>& scores, std::int32_t positiveClass = 1);
Metric averagePrecision(const std::vector<std::int32_t>& truth,
                        const std::vector<double>& scores, std::int32_t positiveClass = 1);

// One-vs-rest over numClasses columns of probs (rows x numClasses, row-major; any scores, they
// need not sum to 1). perClass[c] scores column c against truth == c. A class with no sample in
// truth has an undefined per-class value and is left out of the macro average (scikit-learn
// refuses such input for ROC AUC and counts it as 0 for AP); `note` says which classes.
// weighted = average weighted by support (roc_auc_score(average="weighted")); micro = one binary
// score over all rows x classes cells of the one-hot truth (average="micro"). The micro average
// sorts rows x classes scores; pass micro = false to skip it (it is then undefined, "not
// computed").
struct OneVsRest {
    std::vector<Metric> perClass;
    Metric macro, weighted, micro;
    std::string note;
};
OneVsRest rocAucOneVsRest(const std::vector<std::int32_t>& truth,
                          const std::vector<double>& probs, int numClasses, bool micro = true);
OneVsRest averagePrecisionOneVsRest(const std::vector<std::int32_t>& truth,
                                    const std::vector<double>& probs, int numClasses,
                                    bool micro = true);
// Both from one sort per class (what a report wants).
struct OneVsRestRanking {
    OneVsRest rocAuc, averagePrecision;
};
OneVsRestRanking rankingOneVsRest(const std::vector<std::int32_t>& truth,
                                  const std::vector<double>& probs, int numClasses,
                                  bool micro = true);

// auc(x, y): trapezoidal area under a monotonic curve (at least two points).
double areaUnderCurve(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace flightdeck::eval
