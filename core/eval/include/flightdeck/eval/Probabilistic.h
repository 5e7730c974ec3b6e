#pragma once
// Metrics of predicted probabilities: log loss, Brier score, top-k accuracy, calibration curves
// and expected calibration error. scikit-learn 1.2 semantics where it has the metric.
//
// probs is rows x numClasses, row-major; truth holds class indices in [0, numClasses).
// NaN or infinite scores throw Error(InvalidArgument, "probs"/"scores"). Scores outside [0, 1]
// make the Brier score and the calibration results undefined ("scores are not probabilities");
// log loss clips them to [eps, 1 - eps] as scikit-learn does.
#include "flightdeck/eval/Metric.h"

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::eval {

// log_loss(truth, probs, labels=range(numClasses)) with eps="auto" (float64 machine epsilon,
// 2.22e-16): clip to [eps, 1 - eps], renormalize each row to sum 1, mean of -ln p(true class).
// Undefined with fewer than two classes or no samples.
Metric logLoss(const std::vector<std::int32_t>& truth, const std::vector<double>& probs,
               int numClasses);
// log_loss(y, p) with one column of positive-class probabilities (y = truth == positiveClass).
Metric logLossBinary(const std::vector<std::int32_t>& truth, const std::vector<double>& pPositive,
                     std::int32_t positiveClass = 1);

// brier_score_loss: mean (y - p)^2 with y = truth == positiveClass.
Metric brierScore(const std::vector<std::int32_t>& truth, const std::vector<double>& pPositive,
                  std::int32_t positiveClass = 1);
// Multi-class Brier score (not in scikit-learn 1.2): mean over rows of sum_c (p_c - [y = c])^2.
// For two classes it is twice brierScore.
Metric brierScoreMulticlass(const std::vector<std::int32_t>& truth,
                            const std::vector<double>& probs, int numClasses);

// top_k_accuracy_score on a score matrix: a row is a hit when its true class is among the k
// highest scores. Ties rank the higher class index first (scikit-learn sorts with a stable
// argsort and reverses it). k >= numClasses gives 1. k < 1 throws.
Metric topKAccuracy(const std::vector<std::int32_t>& truth, const std::vector<double>& scores,
                    int numClasses, int k);

enum class BinStrategy { Uniform, Quantile };

// calibration_curve: bins over [0, 1] ("uniform": equal width; "quantile": edges at the
// percentiles of the probabilities, NumPy's linear method). A probability p goes to bin
// searchsorted(inner edges, p, side="left"), i.e. bins are (e_b, e_b+1] with the first one
// closed. Empty bins are dropped, as scikit-learn does; counts says how many samples each
// returned bin holds, edges has all nBins + 1 edges.
struct CalibrationCurve {
    bool defined = false;
    std::string reason;
    std::vector<double> probTrue, probPred;
    std::vector<std::int64_t> counts;
    std::vector<double> edges;
};
CalibrationCurve calibrationCurve(const std::vector<std::int32_t>& truth,
                                  const std::vector<double>& pPositive,
                                  std::int32_t positiveClass = 1, int nBins = 5,
                                  BinStrategy strategy = BinStrategy::Uniform);
// Top-label reliability curve for any number of classes: the confidence is the largest
// probability of a row, and a row is "positive" when its arg max (first maximum) is the true
// class.
CalibrationCurve topLabelCalibrationCurve(const std::vector<std::int32_t>& truth,
                                          const std::vector<double>& probs, int numClasses,
                                          int nBins = 10,
                                          BinStrategy strategy = BinStrategy::Uniform);

// Expected calibration error (not in scikit-learn). Defined here as the top-label ECE with
// uniform bins: sum over non-empty bins b of (n_b / n) * |accuracy_b - confidence_b|, using
// exactly the bins of topLabelCalibrationCurve(..., Uniform). Undefined when there are no
// samples or the scores are not probabilities.
Metric expectedCalibrationError(const std::vector<std::int32_t>& truth,
                                const std::vector<double>& probs, int numClasses,
                                int nBins = 10);

}  // namespace flightdeck::eval
