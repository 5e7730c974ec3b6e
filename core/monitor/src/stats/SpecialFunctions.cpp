// Special functions behind the drift tests: the regularized upper incomplete gamma (chi-squared
// survival), the limiting Kolmogorov survival function and the one-sided Smirnov survival
// function. Written from the formulas (Numerical Recipes' series / continued fraction for the
// gamma; the Jacobi-theta series for Kolmogorov; the Birnbaum-Tingey sum for Smirnov), in
// long double so that 1e-9 relative agreement with SciPy holds with a wide margin.
#include "flightdeck/monitor/DriftStatistics.h"

#include "flightdeck/common/Error.h"

#include <cfloat>
#include <cmath>
#include <limits>

namespace flightdeck::monitor::stats {

namespace {

using LD = long double;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr LD kPi = 3.141592653589793238462643383279502884L;
// cephes' MINLOG, log(2^-1075): exp() of anything below underflows a double.
constexpr double kMinLog = -7.451332191019412076235E2;

// log(x^a e^-x / Gamma(a)), the prefactor of both expansions.
LD logPrefactor(LD a, LD x) { return a * std::log(x) - x - std::lgamma(a); }

// P(a, x) by its power series; converges fast for x < a + 1.
LD lowerSeries(LD a, LD x)
{
    LD term = 1 / a, sum = term, ap = a;
    for (int i = 0; i < 100000; ++i) {
        ap += 1;
        term *= x / ap;
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * LDBL_EPSILON)
            break;
    }
    return sum * std::exp(logPrefactor(a, x));
}

// Q(a, x) by its continued fraction (modified Lentz); converges fast for x >= a + 1.
LD upperContinuedFraction(LD a, LD x)
{
    constexpr LD tiny = 1e-4000L;
    LD b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 100000; ++i) {
        const LD an = -i * (i - a);
        b += 2;
        d = an * d + b;
        if (std::fabs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::fabs(c) < tiny)
            c = tiny;
        d = 1 / d;
        const LD delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1) < LDBL_EPSILON)
            break;
    }
    return std::exp(logPrefactor(a, x)) * h;
}

}  // namespace

double gammaincc(double a, double x)
{
    if (std::isnan(a) || std::isnan(x) || a < 0 || x < 0)
        return kNaN;
    if (a == 0)
        return x > 0 ? 0.0 : kNaN;
    if (x == 0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    if (std::isinf(a))
        return 1.0;
    if (x < a + 1)
        return static_cast<double>(1 - lowerSeries(a, x));
    return static_cast<double>(upperContinuedFraction(a, x));
}

double chi2Sf(double x, double dof)
{
    if (std::isnan(x) || !(dof > 0))
        return kNaN;
    if (x <= 0)
        return 1.0;
    return gammaincc(dof / 2, x / 2);
}

// scipy.special.kolmogorov: 1 - K(x), K the limiting distribution of sqrt(n) D_n.
double kolmogorovSf(double x)
{
    if (std::isnan(x))
        return kNaN;
    // Below pi / sqrt(8 * 746) the CDF underflows: survival is exactly 1.
    if (x <= 0 || x <= static_cast<double>(kPi) / std::sqrt(-(-708.0 - 38) * 8))
        return 1.0;
    LD sf;
    if (x <= 0.82) {
        // K(x) = sqrt(2 pi)/x * sum_k exp(-(2k-1)^2 pi^2 / (8 x^2)).
        const LD xl = x;
        const LD w = std::sqrt(2 * kPi) / xl;
        const LD logu8 = -kPi * kPi / (xl * xl);
        const LD u = std::exp(logu8 / 8);
        const LD u8 = std::exp(logu8);
        // 1 + u^8 + u^24 + u^48 + u^80 (the next term is far below precision)
        const LD p = 1 + u8 * (1 + u8 * u8 * (1 + u8 * u8 * u8 * (1 + u8 * u8 * u8 * u8)));
        sf = 1 - w * u * p;
    } else {
        // 1 - K(x) = 2 sum_k (-1)^(k-1) exp(-2 k^2 x^2).
        const LD v = std::exp(-2 * static_cast<LD>(x) * x);
        LD p = 0;
        for (int k = 12; k >= 1; --k) {
            const LD sign = (k % 2) ? 1 : -1;
            p += sign * std::pow(v, static_cast<LD>(k) * k);
        }
        sf = 2 * p;
    }
    return std::fmin(1.0, std::fmax(0.0, static_cast<double>(sf)));
}

// scipy.special.smirnov(n, x) = P(D_n^+ >= x), Birnbaum and Tingey:
//   x * sum_{v=0}^{floor(n(1-x))} C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1)
// All terms are positive, so the sum keeps full relative precision, also in the far tail.
double smirnovSf(int n, double x)
{
    if (std::isnan(x) || n <= 0 || x < 0 || x > 1)
        return kNaN;
    if (n == 1)
        return 1 - x;
    if (x == 0)
        return 1.0;
    if (x == 1)
        return 0.0;
    // floor(n x) and the remainder alpha, exactly (fma), as cephes' modNX does.
    double nxfl = std::floor(static_cast<double>(n) * x);
    double alpha = std::fma(static_cast<double>(n), x, -nxfl);
    if (alpha < 0) {
        nxfl -= 1;
        alpha += 1;
    }
    if (alpha >= 1) {
        nxfl += 1;
        alpha = 0;
    }
    const auto fl = static_cast<std::int64_t>(nxfl);
    if (fl == 0 || (fl == 1 && alpha == 0)) {
        // x <= 1/n: cdf = x (1 + x)^(n-1)
        const LD cdf = x * std::pow(1 + static_cast<LD>(x), static_cast<LD>(n - 1));
        return static_cast<double>(1 - cdf);
    }
    if (-2.0 * n * x * x < kMinLog)
        return 0.0;
    if (fl >= n - 1)  // x >= 1 - 1/n
        return static_cast<double>(std::pow(1 - static_cast<LD>(x), static_cast<LD>(n)));
    if (n > 1000000) {
        // cephes' approximation for huge n: p ~ exp(-(6nx+1)^2 / 18n)
        const double logp = -std::pow(6.0 * n * x + 1, 2) / 18.0 / n;
        if (logp < -M_LN2)
            return std::exp(logp);
        return 1 - (-std::expm1(logp));
    }
    const LD nl = n;
    const LD logN = std::log(nl);
    const LD lgN1 = std::lgamma(nl + 1);
    const std::int64_t last = n - fl - 1;  // the v = n(1-x) term is zero when alpha == 0
    auto logTerm = [&](std::int64_t v) {
        const LD vl = static_cast<LD>(v);
        const LD lower = (nl - nxfl - vl) - alpha;  // n (1 - x - v/n), without cancellation
        const LD upper = (nxfl + vl) + alpha;       // n (x + v/n)
        return lgN1 - std::lgamma(vl + 1) - std::lgamma(nl - vl + 1)
               + (nl - vl) * (std::log(lower) - logN) + (vl - 1) * (std::log(upper) - logN);
    };
    // The terms are log-concave in v (binomial times two concave powers), so they rise to one
    // peak and fall: find it by ternary search, then sum outwards until the terms no longer
    // matter. For n = 10^6 that is a few thousand terms instead of a million.
    std::int64_t lo = 0, hi = last;
    while (hi - lo > 2) {
        const std::int64_t m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
        if (logTerm(m1) < logTerm(m2))
            lo = m1 + 1;
        else
            hi = m2;
    }
    std::int64_t peak = lo;
    LD peakLog = logTerm(lo);
    for (std::int64_t v = lo + 1; v <= hi; ++v)
        if (const LD t = logTerm(v); t > peakLog) {
            peak = v;
            peakLog = t;
        }
    // Outwards from the peak, the binomial is updated by its ratio (one log per term instead
    // of two lgamma calls); the error this accumulates stays far below 1e-12.
    constexpr LD kNegligible = 1e-24L;  // relative to the peak term, itself <= the sum
    const LD logC0 = lgN1 - std::lgamma(static_cast<LD>(peak) + 1)
                     - std::lgamma(nl - static_cast<LD>(peak) + 1);
    auto rest = [&](std::int64_t v, LD logC) {
        const LD vl = static_cast<LD>(v);
        return logC + (nl - vl) * (std::log((nl - nxfl - vl) - alpha) - logN)
               + (vl - 1) * (std::log((nxfl + vl) + alpha) - logN);
    };
    LD scaled = 1;
    LD logC = logC0;
    for (std::int64_t v = peak + 1; v <= last; ++v) {
        logC += std::log((nl - (v - 1)) / static_cast<LD>(v));
        const LD t = std::exp(rest(v, logC) - peakLog);
        scaled += t;
        if (t < kNegligible)
            break;
    }
    logC = logC0;
    for (std::int64_t v = peak - 1; v >= 0; --v) {
        logC -= std::log((nl - v) / static_cast<LD>(v + 1));
        const LD t = std::exp(rest(v, logC) - peakLog);
        scaled += t;
        if (t < kNegligible)
            break;
    }
    const LD sum = scaled * std::exp(peakLog);
    const double sf = static_cast<double>(x * sum);
    return std::fmin(1.0, std::fmax(0.0, sf));
}

}  // namespace flightdeck::monitor::stats
