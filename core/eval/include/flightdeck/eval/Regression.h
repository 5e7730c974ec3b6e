#pragma once
// Regression metrics on plain arrays, scikit-learn 1.2 semantics (single output, no weights).
// truth and estimate must have equal length and finite values (else Error(InvalidArgument)).
//
// Undefined cases and the chosen values:
//  - no samples: every metric undefined ("no samples");
//  - R^2 with fewer than two samples: undefined (scikit-learn returns NaN with a warning);
//  - constant truth (zero variance): R^2 and explained variance follow scikit-learn's
//    force_finite=True: 1.0 for a perfect prediction, else 0.0;
//  - MAPE with zero targets: each zero target is divided by machine epsilon (2.22e-16) as
//    scikit-learn does, so the value is finite but huge; zeroTargets counts them so reports can
//    warn.
#include "flightdeck/eval/Metric.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace flightdeck::eval {

Metric meanSquaredError(const std::vector<double>& truth, const std::vector<double>& estimate);
Metric rootMeanSquaredError(const std::vector<double>& truth,
                            const std::vector<double>& estimate);  // mean_squared_error(squared=False)
Metric meanAbsoluteError(const std::vector<double>& truth, const std::vector<double>& estimate);
Metric r2Score(const std::vector<double>& truth, const std::vector<double>& estimate);
Metric meanAbsolutePercentageError(const std::vector<double>& truth,
                                   const std::vector<double>& estimate);
Metric explainedVariance(const std::vector<double>& truth, const std::vector<double>& estimate);

// truth[i] - estimate[i] (positive: the model predicted too low).
std::vector<double> residuals(const std::vector<double>& truth,
                              const std::vector<double>& estimate);

struct RegressionMetrics {
    std::int64_t samples = 0;
    std::int64_t zeroTargets = 0;  // targets equal to 0 (MAPE divides them by epsilon)
    Metric mse, rmse, mae, r2, mape, explainedVariance;
    // Residual summary: mean, standard deviation (population), min, max and the 5/25/50/75/95th
    // percentiles (NumPy's linear method).
    Metric residualMean, residualStd;
    std::vector<std::pair<double, double>> residualPercentiles;  // (percent, value)
};
RegressionMetrics regressionMetrics(const std::vector<double>& truth,
                                    const std::vector<double>& estimate);

}  // namespace flightdeck::eval
