// Two-sample Kolmogorov-Smirnov test, two-sided, with SciPy 1.10's choice of method:
// ks_2samp(method='auto') is exact when max(n1, n2) <= 10,000 and asymptotic otherwise. The exact
// p-value counts lattice paths (Hodges 1958): for n1 == n2 the closed alternating sum of
// _compute_prob_outside_square, otherwise the "inside" recursion computing 1 - p directly
// (Viehmann 2021), as SciPy's _compute_outer_prob_inside_method. The asymptotic p-value is
// kstwo.sf(d, round(n1 n2 / (n1 + n2))).
#include "flightdeck/monitor/DriftStatistics.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace flightdeck::monitor::stats {

namespace {

constexpr std::size_t kMaxAutoN = 10000;

// Pr(D_{n,n} >= h/n) = 2 (A0 (1 - A1 (1 - A2 (...)))) with A_k ratios of binomials.
double probOutsideSquare(std::int64_t n, std::int64_t h)
{
    double P = 0.0;
    std::int64_t k = static_cast<std::int64_t>(std::floor(static_cast<double>(n) / h));
    while (k >= 0) {
        double p1 = 1.0;
        for (std::int64_t j = 0; j < h; ++j)
            p1 = static_cast<double>(n - k * h - j) * p1 / static_cast<double>(n + k * h + j + 1);
        P = p1 * (1.0 - P);
        --k;
    }
    return 2 * P;
}

// The proportion of lattice paths from (0,0) to (m,n) that leave |x/m - y/n| < h/lcm.
double outerProbInside(std::int64_t m, std::int64_t n, std::int64_t g, std::int64_t h)
{
    if (m < n)
        std::swap(m, n);
    const std::int64_t mg = m / g, ng = n / g;
    std::int64_t minj = 0;
    std::int64_t maxj = std::min<std::int64_t>(
        static_cast<std::int64_t>(std::ceil(static_cast<double>(h) / mg)), n + 1);
    std::int64_t curlen = maxj - minj;
    const std::int64_t lenA = std::min(2 * maxj + 2, n + 1);
    std::vector<double> A(static_cast<std::size_t>(lenA), 1.0);
    std::fill(A.begin() + minj, A.begin() + std::min(maxj, lenA), 0.0);
    for (std::int64_t i = 1; i <= m; ++i) {
        const std::int64_t lastminj = minj, lastlen = curlen;
        minj = std::max<std::int64_t>(
            static_cast<std::int64_t>(std::floor(static_cast<double>(ng * i - h) / mg)) + 1, 0);
        minj = std::min(minj, n);
        maxj = std::min<std::int64_t>(
            static_cast<std::int64_t>(std::ceil(static_cast<double>(ng * i + h) / mg)), n + 1);
        if (maxj <= minj)
            return 1.0;
        double val = minj == 0 ? 0.0 : 1.0;
        for (std::int64_t jj = 0; jj < maxj - minj; ++jj) {
            const std::int64_t j = jj + minj;
            val = (A[jj + minj - lastminj] * static_cast<double>(i) + val * static_cast<double>(j))
                  / static_cast<double>(i + j);
            A[jj] = val;
        }
        curlen = maxj - minj;
        if (lastlen > curlen) {
            const std::int64_t from = maxj - minj;
            const std::int64_t to = std::min(from + (lastlen - curlen), lenA);
            for (std::int64_t t = from; t < to; ++t)
                A[t] = 1;
        }
    }
    return A[maxj - minj - 1];
}

// SciPy's _attempt_exact_2kssamp for the two-sided case: d is rounded to the lattice.
bool attemptExact(std::int64_t n1, std::int64_t n2, std::int64_t g, double* d, double* prob)
{
    const std::int64_t lcm = (n1 / g) * n2;
    const auto h = static_cast<std::int64_t>(std::nearbyint(*d * static_cast<double>(lcm)));
    *d = static_cast<double>(h) / static_cast<double>(lcm);
    if (h == 0) {
        *prob = 1.0;
        return true;
    }
    const double p = n1 == n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
    if (!std::isfinite(p) || !(0 <= p && p <= 1))
        return false;
    *prob = p;
    return true;
}

}  // namespace

KsResult ks2sampSorted(const double* a, std::size_t n1, const double* b, std::size_t n2,
                       KsMethod method)
{
    if (n1 == 0 || n2 == 0)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "ks_2samp",
                              "both samples must be non-empty"});
    // The ECDF difference at every observed value, evaluated with the same floating-point
    // operations as SciPy (searchsorted(side='right') / n): the maximum is attained at the
    // end of a run of ties, so a merge walk visits every candidate.
    const double dn1 = static_cast<double>(n1), dn2 = static_cast<double>(n2);
    double maxS = -2, minS = 2, locMax = 0, locMin = 0;
    std::size_t i = 0, j = 0;
    while (i < n1 || j < n2) {
        const double x = (j >= n2 || (i < n1 && a[i] <= b[j])) ? a[i] : b[j];
        while (i < n1 && a[i] <= x)
            ++i;
        while (j < n2 && b[j] <= x)
            ++j;
        const double diff = static_cast<double>(i) / dn1 - static_cast<double>(j) / dn2;
        if (diff > maxS) {
            maxS = diff;
            locMax = x;
        }
        if (diff < minS) {
            minS = diff;
            locMin = x;
        }
    }
    const double negMin = std::clamp(-minS, 0.0, 1.0);
    KsResult r;
    if (negMin > maxS) {
        r.statistic = negMin;
        r.location = locMin;
        r.sign = -1;
    } else {
        r.statistic = maxS;
        r.location = locMax;
        r.sign = 1;
    }

    const auto in1 = static_cast<std::int64_t>(n1), in2 = static_cast<std::int64_t>(n2);
    const std::int64_t g = std::gcd(in1, in2);
    bool exact;
    if (method == KsMethod::Auto)
        exact = std::max(n1, n2) <= kMaxAutoN;
    else if (method == KsMethod::Exact)
        // lcm(n1, n2) must fit SciPy's int32 lattice, else it switches to asymptotic.
        exact = static_cast<double>(in1 / g) < 2147483647.0 / static_cast<double>(in2 / g);
    else
        exact = false;

    if (exact) {
        double d = r.statistic, prob = 0;
        const bool ok = attemptExact(in1, in2, g, &d, &prob);
        r.statistic = d;  // SciPy keeps the lattice-rounded d even when it falls back
        if (ok) {
            r.pValue = std::clamp(prob, 0.0, 1.0);
            r.method = KsMethod::Exact;
            return r;
        }
    }
    const double m = std::max(dn1, dn2), n = std::min(dn1, dn2);
    const double en = m * n / (m + n);
    r.pValue = std::clamp(kstwoSf(r.statistic, static_cast<std::int64_t>(std::nearbyint(en))),
                          0.0, 1.0);
    r.method = KsMethod::Asymptotic;
    return r;
}

KsResult ks2samp(std::vector<double> a, std::vector<double> b, KsMethod method)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return ks2sampSorted(a.data(), a.size(), b.data(), b.size(), method);
}

}  // namespace flightdeck::monitor::stats
