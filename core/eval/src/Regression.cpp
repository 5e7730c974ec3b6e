// Regression metrics (scikit-learn 1.2's _regression.py), with the same order of operations
// and NumPy's summation so that results agree to the last bit where the arithmetic allows.
#include "flightdeck/eval/Regression.h"

#include "Numeric.h"
#include "SortKeys.h"

#include <algorithm>
#include <cfloat>

namespace flightdeck::eval {

using detail::npMean;
using detail::npSum;

namespace {

// Checks and returns "" or the reason the metrics are undefined.
std::string check(const std::vector<double>& truth, const std::vector<double>& estimate)
{
    detail::checkSameLength(truth.size(), estimate.size(), "estimate", "targets");
    detail::checkFinite(truth, "truth");
    detail::checkFinite(estimate, "estimate");
    return truth.empty() ? detail::noSamples() : std::string();
}

// _assemble_r2_explained_variance with force_finite=True.
double assemble(double numerator, double denominator)
{
    if (denominator != 0 && numerator != 0)
        return 1 - numerator / denominator;
    if (numerator != 0)
        return 0.0;  // constant truth, imperfect prediction
    return 1.0;      // perfect prediction (constant truth or not)
}

double mse(const std::vector<double>& t, const std::vector<double>& e)
{
    return npMean(t.size(), [&](std::size_t i) {
        const double d = t[i] - e[i];
        return d * d;
    });
}

}  // namespace

Metric meanSquaredError(const std::vector<double>& truth, const std::vector<double>& estimate)
{
    const std::string why = check(truth, estimate);
    return why.empty() ? Metric::of(mse(truth, estimate)) : Metric::undefined(why);
}

Metric rootMeanSquaredError(const std::vector<double>& truth, const std::vector<double>& estimate)
{
    const std::string why = check(truth, estimate);
    return why.empty() ? Metric::of(std::sqrt(mse(truth, estimate))) : Metric::undefined(why);
}

Metric meanAbsoluteError(const std::vector<double>& truth, const std::vector<double>& estimate)
{
    const std::string why = check(truth, estimate);
    if (!why.empty())
        return Metric::undefined(why);
    return Metric::of(
        npMean(truth.size(), [&](std::size_t i) { return std::fabs(estimate[i] - truth[i]); }));
}

Metric r2Score(const std::vector<double>& truth, const std::vector<double>& estimate)
{
    const std::string why = check(truth, estimate);
    if (!why.empty())
        return Metric::undefined(why);
    const std::size_t n = truth.size();
    if (n < 2)
        return Metric::undefined("R^2 is not well-defined with fewer than two samples");
    const double numerator = npSum(n, [&](std::size_t i) {
        const double d = truth[i] - estimate[i];
        return 1.0 * (d * d);
    });
    const double mean = npMean(n, [&](std::size_t i) { return truth[i]; });
    const double denominator = npSum(n, [&](std::size_t i) {
        const double d = truth[i] - mean;
        return 1.0 * (d * d);
    });
    return Metric::of(assemble(numerator, denominator));
}

Metric meanAbsolutePercentageError(const std::vector<double>& truth,
                                   const std::vector<double>& estimate)
{
    const std::string why = check(truth, estimate);
    if (!why.empty())
        return Metric::undefined(why);
    return Metric::of(npMean(truth.size(), [&](std::size_t i) {
        return std::fabs(estimate[i] - truth[i]) / std::max(std::fabs(truth[i]), DBL_EPSILON);
    }));
}

Metric explainedVariance(const std::vector<double>& truth, const std::vector<double>& estimate)
{
    const std::string why = check(truth, estimate);
    if (!why.empty())
        return Metric::undefined(why);
    const std::size_t n = truth.size();
    const double diffMean = npMean(n, [&](std::size_t i) { return truth[i] - estimate[i]; });
    const double numerator = npMean(n, [&](std::size_t i) {
        const double d = truth[i] - estimate[i] - diffMean;
        return d * d;
    });
    const double mean = npMean(n, [&](std::size_t i) { return truth[i]; });
    const double denominator = npMean(n, [&](std::size_t i) {
        const double d = truth[i] - mean;
        return d * d;
    });
    return Metric::of(assemble(numerator, denominator));
}

std::vector<double> residuals(const std::vector<double>& truth, const std::vector<double>& estimate)
{
    check(truth, estimate);
    std::vector<double> r(truth.size());
    for (std::size_t i = 0; i < r.size(); ++i)
        r[i] = truth[i] - estimate[i];
    return r;
}

RegressionMetrics regressionMetrics(const std::vector<double>& truth,
                                    const std::vector<double>& estimate)
{
    RegressionMetrics m;
    m.samples = static_cast<std::int64_t>(truth.size());
    m.mse = meanSquaredError(truth, estimate);
    m.rmse = rootMeanSquaredError(truth, estimate);
    m.mae = meanAbsoluteError(truth, estimate);
    m.r2 = r2Score(truth, estimate);
    m.mape = meanAbsolutePercentageError(truth, estimate);
    m.explainedVariance = explainedVariance(truth, estimate);
    m.zeroTargets = std::count(truth.begin(), truth.end(), 0.0);
    if (truth.empty()) {
        m.residualMean = m.residualStd = Metric::undefined(detail::noSamples());
        return m;
    }
    const std::vector<double> r = residuals(truth, estimate);
    const std::size_t n = r.size();
    const double mean = npMean(n, [&](std::size_t i) { return r[i]; });
    m.residualMean = Metric::of(mean);
    m.residualStd = Metric::of(std::sqrt(npMean(n, [&](std::size_t i) {
        const double d = r[i] - mean;
        return d * d;
    })));
    std::vector<std::uint64_t> keys(n), scratch;
    for (std::size_t i = 0; i < n; ++i)
        keys[i] = detail::sortKey(r[i]);
    detail::radixSort(keys, scratch);
    auto at = [&](double q) {  // np.percentile(r, q), linear
        const double vi = static_cast<double>(n - 1) * (q / 100);
        const double lo = std::floor(vi);
        const auto i = static_cast<std::size_t>(lo);
        if (i + 1 >= n)
            return detail::fromSortKey(keys[n - 1]);
        const double a = detail::fromSortKey(keys[i]), b = detail::fromSortKey(keys[i + 1]);
        const double g = vi - lo, diff = b - a;
        return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
    };
    for (const double q : {0.0, 5.0, 25.0, 50.0, 75.0, 95.0, 100.0})
        m.residualPercentiles.emplace_back(q, at(q));
    return m;
}

}  // namespace flightdeck::eval
