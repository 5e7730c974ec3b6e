// The exact distribution of the two-sided one-sample KS statistic D_n (scipy.stats.kstwo),
// following Simard & L'Ecuyer (2011) as SciPy's _ksstats.py does: Ruben-Gambino closed forms at
// the ends, the Durbin matrix (Marsaglia-Tsang-Wang) and Pomeranz recursions for small n, the
// Pelz-Good expansion for large n, and 2 * smirnov in the upper tail. The same cut-offs are used
// so each region is computed by the same method as SciPy's.
#include "flightdeck/monitor/DriftStatistics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace flightdeck::monitor::stats {

namespace {

using LD = long double;
constexpr double kPi = 3.14159265358979323846;
constexpr int kE128 = 128;
const LD kEP128 = std::ldexp(1.0L, kE128);
const LD kEM128 = std::ldexp(1.0L, -kE128);
constexpr double kMinLog = -708;

double clip01(LD p) { return std::clamp(static_cast<double>(p), 0.0, 1.0); }

double logNFactorialDivNPowN(double n)
{
    // log(n!/n^n) by Stirling's series.
    static const double coeffs[] = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
                                    -1.9175269175269175269e-3, 8.4175084175084175084e-4,
                                    -5.952380952380952381e-4, 7.9365079365079365079e-4,
                                    -2.7777777777777777778e-3, 8.3333333333333333333e-2};
    const double rn = 1.0 / n;
    double poly = 0;
    for (double c : coeffs)
        poly = poly * (rn / n) + c;
    return std::log(n) / 2 - n + std::log(2 * kPi) / 2 + rn * poly;
}

using Matrix = std::vector<double>;  // square, row-major

Matrix multiply(const Matrix& a, const Matrix& b, int m)
{
    Matrix c(static_cast<std::size_t>(m) * m, 0.0);
    for (int i = 0; i < m; ++i)
        for (int k = 0; k < m; ++k) {
            const double aik = a[i * m + k];
            if (aik == 0)
                continue;
            for (int j = 0; j < m; ++j)
                c[i * m + j] += aik * b[k * m + j];
        }
    return c;
}

// Pr(D_n <= d) by the Durbin matrix: the (k, k) entry of H^n, scaled by n!/n^n.
LD durbinMatrixCdf(std::int64_t n, double d)
{
    if (d >= 1.0)
        return 1;
    const double nd = n * d;
    if (nd <= 0.5)
        return 0;
    const int k = static_cast<int>(std::ceil(nd));
    const double h = k - nd;
    const int m = 2 * k - 1;
    Matrix H(static_cast<std::size_t>(m) * m, 0.0);
    std::vector<double> v(m), w(m);
    double fac = 1.0;
    for (int j = 1; j <= m; ++j) {
        w[j - 1] = fac;
        fac /= j;
        v[j - 1] = (1.0 - std::pow(h, j)) * fac;
    }
    const double tt = std::pow(std::max(2 * h - 1.0, 0.0), m) - 2 * std::pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    for (int i = 1; i < m; ++i)
        for (int r = i - 1; r < m; ++r)
            H[r * m + i] = w[r - (i - 1)];
    for (int r = 0; r < m; ++r)
        H[r * m] = v[r];
    for (int c = 0; c < m; ++c)
        H[(m - 1) * m + c] = v[m - 1 - c];

    Matrix P(static_cast<std::size_t>(m) * m, 0.0);
    for (int i = 0; i < m; ++i)
        P[i * m + i] = 1;
    std::int64_t nn = n;
    std::int64_t expnt = 0, hExpnt = 0;
    while (nn > 0) {
        if (nn % 2) {
            P = multiply(P, H, m);
            expnt += hExpnt;
        }
        H = multiply(H, H, m);
        hExpnt *= 2;
        if (std::fabs(H[(k - 1) * m + (k - 1)]) > static_cast<double>(kEP128)) {
            for (double& x : H)
                x /= static_cast<double>(kEP128);
            hExpnt += kE128;
        }
        nn /= 2;
    }
    LD p = P[(k - 1) * m + (k - 1)];
    for (std::int64_t i = 1; i <= n; ++i) {
        p = i * p / n;
        if (std::fabs(p) < kEM128) {
            p *= kEP128;
            expnt -= kE128;
        }
    }
    return std::ldexp(p, static_cast<int>(expnt));
}

void pomeranzBounds(std::int64_t i, std::int64_t n, std::int64_t ll, int ceilf, int roundf,
                    std::int64_t* j1, std::int64_t* j2)
{
    std::int64_t a, b;
    if (i == 0) {
        a = -ll - ceilf - 1;
        b = ll + ceilf - 1;
    } else {
        const std::int64_t half = (i + 1) / 2;
        if ((i + 1) % 2 == 0) {  // i odd
            if (half == n + 1) {
                a = n - ll - ceilf - 1;
                b = n + ll + ceilf - 1;
            } else {
                a = half - 1 - ll - roundf - 1;
                b = half + ll - 1 + ceilf - 1;
            }
        } else {
            a = half - 1 - ll - 1;
            b = half + ll + roundf - 1;
        }
    }
    *j1 = std::max<std::int64_t>(a + 2, 0);
    *j2 = std::min(b, n);
}

// Pr(D_n <= x) by Pomeranz's recursion (1974).
LD pomeranzCdf(std::int64_t n, double x)
{
    const double t = n * x;
    const auto ll = static_cast<std::int64_t>(std::floor(t));
    const double f = t - ll;
    const double g = std::min(f, 1.0 - f);
    const int ceilf = f > 0 ? 1 : 0;
    const int roundf = f > 0.5 ? 1 : 0;
    const std::int64_t npwrs = 2 * (ll + 1);
    std::vector<double> gpower(npwrs), twogpower(npwrs), onem2gpower(npwrs);
    gpower[0] = twogpower[0] = onem2gpower[0] = 1.0;
    const double gOverN = g / n, twoGOverN = 2 * g / n, oneMinus = (1 - 2 * g) / n;
    for (std::int64_t m = 1; m < npwrs; ++m) {
        gpower[m] = gpower[m - 1] * gOverN / m;
        twogpower[m] = twogpower[m - 1] * twoGOverN / m;
        onem2gpower[m] = onem2gpower[m - 1] * oneMinus / m;
    }
    std::vector<double> V0(npwrs, 0.0), V1(npwrs, 0.0);
    V1[0] = 1;
    std::int64_t V0s = 0, V1s = 0, expnt = 0;
    std::int64_t j1, j2;
    pomeranzBounds(0, n, ll, ceilf, roundf, &j1, &j2);
    std::vector<double> conv;
    for (std::int64_t i = 1; i < 2 * n + 2; ++i) {
        const std::int64_t k1 = j1;
        std::swap(V0, V1);
        std::swap(V0s, V1s);
        std::fill(V1.begin(), V1.end(), 0.0);
        pomeranzBounds(i, n, ll, ceilf, roundf, &j1, &j2);
        const std::vector<double>& pwrs =
            (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 ? twogpower : onem2gpower);
        const std::int64_t ln2 = j2 - k1 + 1;
        if (ln2 > 0) {
            // conv = convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]); only the entries
            // [j1 - k1, j2 - k1] are used.
            const std::int64_t start = j1 - k1, len = j2 - j1 + 1;
            // NumPy slices stop at the array's end: missing entries act as zeros.
            const double* a = V0.data() + (k1 - V0s);
            const std::int64_t aLen = std::min(ln2, npwrs - (k1 - V0s));
            const std::int64_t pLen = std::min(ln2, npwrs);
            for (std::int64_t c = 0; c < len; ++c) {
                const std::int64_t idx = start + c;
                double s = 0;
                for (std::int64_t q = std::max<std::int64_t>(0, idx - (pLen - 1));
                     q <= std::min(idx, aLen - 1); ++q)
                    s += a[q] * pwrs[idx - q];
                V1[c] = s;
            }
            const double mx = *std::max_element(V1.begin(), V1.end());
            if (0 < mx && mx < static_cast<double>(kEM128)) {
                for (double& v : V1)
                    v *= static_cast<double>(kEP128);
                expnt -= kE128;
            }
            V1s = V0s + j1 - k1;
        }
    }
    LD ans = V1[n - V1s];
    for (std::int64_t m = 1; m <= n; ++m) {
        if (std::fabs(ans) > kEP128) {
            ans *= kEM128;
            expnt += kE128;
        }
        ans *= m;
    }
    return std::ldexp(ans, static_cast<int>(expnt));
}

// Pelz-Good (1976) approximation to Pr(D_n <= x).
LD pelzGoodCdf(std::int64_t n, double x)
{
    if (x <= 0.0)
        return 0;
    if (x >= 1.0)
        return 1;
    const double pi2 = kPi * kPi, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
    const double z = std::sqrt(static_cast<double>(n)) * x;
    const double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
    const double qlog = -pi2 / 8 / z2;
    if (qlog < kMinLog)
        return 0;
    double q = std::exp(qlog);
    const double k1a = -z2, k1b = pi2 / 4;
    const double k2a = 6 * z6 + 2 * z4, k2b = (2 * z4 - 5 * z2) * pi2 / 4,
                 k2c = pi4 * (1 - 2 * z2) / 16;
    const double k3d = pi6 * (5 - 30 * z2) / 64, k3c = pi4 * (-60 * z2 + 212 * z4) / 16,
                 k3b = pi2 * (135 * z4 - 96 * z6) / 4, k3a = -30 * z6 - 90 * std::pow(z, 8);
    double K[4] = {0, 0, 0, 0};
    const int maxk = static_cast<int>(std::ceil(16 * z / kPi));
    for (int k = maxk; k >= 1; --k) {
        const double m = 2.0 * k - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
        const double qpower = std::pow(q, 8.0 * k);
        const double coeffs[4] = {1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4,
                                  k3a + k3b * m2 + k3c * m4 + k3d * m6};
        for (int i = 0; i < 4; ++i)
            K[i] = K[i] * qpower + coeffs[i];
    }
    const double sqrt2pi = std::sqrt(2 * kPi);
    const double div[4] = {z, 6 * z4, 72 * std::pow(z, 7), 6480 * std::pow(z, 10)};
    for (int i = 0; i < 4; ++i)
        K[i] = K[i] * q * sqrt2pi / div[i];
    q = std::exp(-pi2 / 2 / z2);
    double k2extra = 0, k3extra = 0;
    const double sqrt3z = std::sqrt(3.0) * z;
    for (int k = maxk; k >= 1; --k) {
        const double ks2 = static_cast<double>(k) * k;
        const double qp = std::pow(q, ks2);
        const double kspi = kPi * k;
        k2extra += ks2 * qp;
        k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ks2 * qp;
    }
    K[2] += k2extra * pi2 * sqrt2pi / (-36 * z3);
    K[3] += k3extra * pi2 * sqrt2pi / (216 * z6);
    double sum = 0;
    for (int i = 0; i < 4; ++i)
        sum += K[i] / std::pow(static_cast<double>(n), i / 2.0);
    return sum;
}

}  // namespace

double kstwoSf(double x, std::int64_t n)
{
    if (std::isnan(x) || n <= 0)
        return std::nan("");
    if (x >= 1.0)
        return 0.0;
    if (x <= 0.0)
        return 1.0;
    const double t = n * x;
    if (t <= 1.0) {  // Ruben-Gambino: 1/2n <= x <= 1/n
        if (t <= 0.5)
            return 1.0;
        double prob;
        if (n <= 140) {
            prob = 1.0;
            for (std::int64_t i = 1; i <= n; ++i)
                prob *= i * (1.0 / n) * (2 * t - 1);
        } else {
            prob = std::exp(logNFactorialDivNPowN(n) + n * std::log(2 * t - 1));
        }
        return clip01(1.0L - prob);
    }
    if (t >= n - 1)  // Ruben-Gambino
        return clip01(2 * std::pow(1.0 - x, static_cast<double>(n)));
    if (x >= 0.5)
        return clip01(2.0L * smirnovSf(static_cast<int>(n), x));
    const double nxsquared = t * x;
    if (n <= 140) {
        if (nxsquared <= 0.754693)
            return clip01(1 - durbinMatrixCdf(n, x));
        if (nxsquared <= 4)
            return clip01(1 - pomeranzCdf(n, x));
        return clip01(2.0L * smirnovSf(static_cast<int>(n), x));
    }
    if (nxsquared >= 370.0)
        return 0.0;
    if (nxsquared >= 2.2)
        return clip01(2.0L * smirnovSf(static_cast<int>(n), x));
    LD cdf;
    if (nxsquared >= 18.0)
        cdf = 1;
    else if (n <= 100000 && n * std::pow(x, 1.5) <= 1.4)
        cdf = durbinMatrixCdf(n, x);
    else
        cdf = pelzGoodCdf(n, x);
    return clip01(1 - cdf);
}

}  // namespace flightdeck::monitor::stats
