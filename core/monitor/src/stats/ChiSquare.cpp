// Pearson chi-squared tests as SciPy 1.10 computes them: chisquare (goodness of fit against
// expected counts, the form Evidently's "chisquare" drift test uses) and chi2_contingency (a
// table of counts, Yates' continuity correction when there is one degree of freedom).
#include "flightdeck/monitor/DriftStatistics.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cmath>

namespace flightdeck::monitor::stats {

namespace {

Error invalid(const char* field, std::string detail)
{
    return Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, std::move(detail)});
}

double pearsonStatistic(const std::vector<double>& observed, const std::vector<double>& expected)
{
    double stat = 0;
    for (std::size_t i = 0; i < observed.size(); ++i) {
        const double d = observed[i] - expected[i];
        stat += d * d / expected[i];  // x/0 -> inf, 0/0 -> nan, as NumPy
    }
    return stat;
}

}  // namespace

ChiSquareResult chiSquare(const std::vector<double>& observed, const std::vector<double>& expected)
{
    if (observed.size() != expected.size())
        throw invalid("chisquare", "observed and expected differ in length");
    if (observed.empty())
        throw invalid("chisquare", "no categories");
    double so = 0, se = 0;
    for (std::size_t i = 0; i < observed.size(); ++i) {
        so += observed[i];
        se += expected[i];
    }
    if (std::fabs(so - se) / std::min(so, se) > 1e-8)
        throw invalid("chisquare", "the sums of observed and expected frequencies differ");
    ChiSquareResult r;
    r.statistic = pearsonStatistic(observed, expected);
    r.dof = static_cast<double>(observed.size()) - 1;
    // SciPy: chi2.sf with dof 0 is NaN (a single category carries no information).
    r.pValue = r.dof > 0 ? chi2Sf(r.statistic, r.dof) : std::nan("");
    if (std::isinf(r.statistic) && r.statistic > 0 && r.dof > 0)
        r.pValue = 0;
    return r;
}

ChiSquareResult chiSquareCounts(const std::vector<double>& referenceCounts,
                                const std::vector<double>& currentCounts)
{
    if (referenceCounts.size() != currentCounts.size())
        throw invalid("chisquare", "reference and current categories differ");
    double nRef = 0, nCur = 0;
    for (std::size_t i = 0; i < referenceCounts.size(); ++i) {
        nRef += referenceCounts[i];
        nCur += currentCounts[i];
    }
    if (!(nRef > 0) || !(nCur > 0))
        throw invalid("chisquare", "an empty sample");
    const double kNorm = nCur / nRef;
    std::vector<double> expected(referenceCounts.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        expected[i] = referenceCounts[i] * kNorm;
    return chiSquare(currentCounts, expected);
}

ChiSquareResult chi2Contingency(const std::vector<double>& table, int rows, int cols,
                                bool correction)
{
    if (rows < 1 || cols < 1 || table.size() != static_cast<std::size_t>(rows) * cols)
        throw invalid("chi2_contingency", "table size does not match rows x cols");
    for (double v : table)
        if (!(v >= 0))
            throw invalid("chi2_contingency", "counts must be non-negative numbers");
    std::vector<double> rowSum(rows, 0.0), colSum(cols, 0.0);
    double total = 0;
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) {
            const double v = table[i * cols + j];
            rowSum[i] += v;
            colSum[j] += v;
            total += v;
        }
    ChiSquareResult r;
    r.expected.resize(table.size());
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) {
            const double e = rowSum[i] * colSum[j] / total;
            if (e == 0)
                throw invalid("chi2_contingency",
                              "the expected frequencies have a zero element (an empty row or "
                              "column)");
            r.expected[i * cols + j] = e;
        }
    r.dof = static_cast<double>(rows * cols - rows - cols + 1);
    if (r.dof == 0) {
        r.statistic = 0;
        r.pValue = 1;
        return r;
    }
    std::vector<double> observed = table;
    if (r.dof == 1 && correction) {
        for (std::size_t k = 0; k < observed.size(); ++k) {
            const double diff = r.expected[k] - observed[k];
            const double direction = diff > 0 ? 1.0 : (diff < 0 ? -1.0 : 0.0);
            observed[k] += std::min(0.5, std::fabs(diff)) * direction;
        }
    }
    r.statistic = pearsonStatistic(observed, r.expected);
    r.pValue = chi2Sf(r.statistic, r.dof);
    return r;
}

}  // namespace flightdeck::monitor::stats
