#pragma once
// Two-sample drift statistics, each defined to agree with one SciPy 1.10 / NumPy 1.24 function
// (parity tested to 1e-9 relative in tests/monitor/test_drift_parity.cpp):
//   ks2samp            scipy.stats.ks_2samp(a, b, alternative='two-sided', method=...)
//   kolmogorovSf       scipy.special.kolmogorov          (limiting two-sided KS survival)
//   smirnovSf          scipy.special.smirnov             (one-sided D_n^+ survival)
//   kstwoSf            scipy.stats.kstwo.sf              (exact two-sided D_n survival)
//   gammaincc          scipy.special.gammaincc           (regularized upper incomplete gamma)
//   chi2Sf             scipy.stats.chi2.sf
//   chiSquare          scipy.stats.chisquare(f_obs, f_exp)
//   chi2Contingency    scipy.stats.chi2_contingency(table, correction)
//   wasserstein1       scipy.stats.wasserstein_distance(u, v)
//   jensenShannon      scipy.spatial.distance.jensenshannon(p, q, base)
//   histogramBinEdgesSturges / histogramCounts   numpy.histogram_bin_edges(x, 'sturges'), numpy.histogram
//   quantileLinear     numpy.quantile(x, q) (method='linear')
//   psi                the NumPy computation written out in the function's comment
// Inputs must be finite: callers (DriftReport) drop NaN/Inf first and count them. Functions
// throw flightdeck::Error(InvalidArgument) for empty samples or mismatched lengths.
#include <cstdint>
#include <vector>

namespace flightdeck::monitor::stats {

// ---- Kolmogorov-Smirnov --------------------------------------------------------------------
enum class KsMethod { Auto, Exact, Asymptotic };

struct KsResult {
    double statistic = 0;    // D = sup |F1 - F2|
    double pValue = 1;
    KsMethod method = KsMethod::Auto;  // the method actually used: Exact or Asymptotic
    double location = 0;     // the value where the ECDF difference is largest
    int sign = 1;            // +1 when F1 > F2 there, -1 otherwise
};

// Two-sided two-sample KS. Auto follows SciPy: exact when max(n1, n2) <= 10,000, else the
// asymptotic kstwo distribution with n = round(n1 n2 / (n1 + n2)); an exact attempt that fails
// numerically (probability outside [0, 1]) falls back to asymptotic, as SciPy does.
KsResult ks2samp(std::vector<double> a, std::vector<double> b, KsMethod method = KsMethod::Auto);
// Same, for samples already sorted ascending (no copy).
KsResult ks2sampSorted(const double* a, std::size_t n1, const double* b, std::size_t n2,
                       KsMethod method = KsMethod::Auto);

double kolmogorovSf(double x);
double smirnovSf(int n, double x);
double kstwoSf(double d, std::int64_t n);

// ---- chi-squared ---------------------------------------------------------------------------
double gammaincc(double a, double x);
double chi2Sf(double x, double dof);

struct ChiSquareResult {
    double statistic = 0;
    double pValue = 1;
    double dof = 0;
    std::vector<double> expected;   // chi2Contingency only: the expected table, row-major
};

// Pearson's goodness of fit, ddof = 0, dof = k - 1. Like SciPy 1.10, the observed and expected
// totals must agree to 1e-8 relative (else Error(InvalidArgument)); an expected 0 with a
// positive observation gives statistic = inf and p = 0.
ChiSquareResult chiSquare(const std::vector<double>& observed, const std::vector<double>& expected);
// Evidently's chi-squared drift test on category counts aligned by category: expected =
// reference counts scaled to the current total, then chiSquare(current, expected).
ChiSquareResult chiSquareCounts(const std::vector<double>& referenceCounts,
                                const std::vector<double>& currentCounts);
// rows x cols table, row-major. Yates' correction when dof == 1 and correction is true.
ChiSquareResult chi2Contingency(const std::vector<double>& table, int rows, int cols,
                                bool correction = true);

// ---- distances -----------------------------------------------------------------------------
double wasserstein1(std::vector<double> u, std::vector<double> v);
// base <= 0 means natural logarithm (SciPy's base=None, which Evidently uses).
double jensenShannon(const std::vector<double>& p, const std::vector<double>& q, double base = 0);

std::vector<double> histogramBinEdgesSturges(const std::vector<double>& values);
// Counts per bin for `edges` (numpy.histogram: half-open bins, last bin closed, values outside
// ignored). `sorted` must be ascending.
std::vector<double> histogramCounts(const std::vector<double>& sorted,
                                    const std::vector<double>& edges);
// numpy.quantile(sorted, q, method='linear'); `sorted` ascending, non-empty.
double quantileLinear(const std::vector<double>& sorted, double q);

// Evidently's get_binned_data(..., feel_zeroes=False): when the reference has more than
// `maxCategories` distinct values, Sturges bins over both samples (numpy.histogram_bin_edges on
// the concatenation) and shares per bin; otherwise every distinct value of either sample is a
// category (ascending) and `edges` lists those values. Shares divide by each sample's size.
struct BinnedShares {
    bool categorical = false;
    std::vector<double> edges;
    std::vector<double> reference, current;
};
BinnedShares binnedShares(std::vector<double> reference, std::vector<double> current,
                          int maxCategories = 20);

struct PsiResult {
    double psi = 0;
    std::vector<double> edges;            // the distinct reference quantiles, ascending
    std::vector<double> referenceShare;   // per bin, before the epsilon floor
    std::vector<double> currentShare;
};

// Population Stability Index with quantile bins from the reference:
//   edges = unique(quantile(ref, linspace(0, 1, bins + 1)));  inner = edges[1:-1]
//   bin(x) = searchsorted(inner, x, side='right')   (outer bins open-ended)
//   r, c = bincount / n, floored at epsilon;  psi = sum((c - r) * ln(c / r))
// Tied quantiles collapse bins, so a constant reference gives one bin and psi = 0.
PsiResult psi(std::vector<double> reference, std::vector<double> current, int bins = 10,
              double epsilon = 1e-4);

}  // namespace flightdeck::monitor::stats
