// Distances between two samples: Wasserstein-1, Jensen-Shannon, PSI, and the NumPy binning and
// quantile rules they rest on. Each follows the floating-point recipe of the SciPy / NumPy
// function it mirrors (see DriftStatistics.h), so results agree to rounding.
#include "flightdeck/monitor/DriftStatistics.h"

#include "flightdeck/common/Error.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace flightdeck::monitor::stats {

namespace {

void requireNonEmpty(std::size_t n, const char* what)
{
    if (n == 0)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, what, "empty sample"});
}

// scipy.special.rel_entr
double relEntr(double x, double y)
{
    if (std::isnan(x) || std::isnan(y))
        return std::nan("");
    if (x > 0 && y > 0)
        return x * std::log(x / y);
    if (x == 0 && y >= 0)
        return 0;
    return INFINITY;
}

}  // namespace

// scipy.stats._cdf_distance with p = 1: the area between the two ECDFs, summed over the gaps
// of the merged sorted values.
double wasserstein1(std::vector<double> u, std::vector<double> v)
{
    requireNonEmpty(u.size(), "u_values");
    requireNonEmpty(v.size(), "v_values");
    std::sort(u.begin(), u.end());
    std::sort(v.begin(), v.end());
    const double nu = static_cast<double>(u.size()), nv = static_cast<double>(v.size());
    // Only the last of a run of equal merged values has a non-zero gap, so walk the distinct
    // values: sum_t |Fu(x_t) - Fv(x_t)| * (x_{t+1} - x_t).
    long double sum = 0;
    std::size_t i = 0, j = 0;
    auto head = [&] { return (j >= v.size() || (i < u.size() && u[i] <= v[j])) ? u[i] : v[j]; };
    while (i < u.size() || j < v.size()) {
        const double x = head();
        while (i < u.size() && u[i] <= x)
            ++i;
        while (j < v.size() && v[j] <= x)
            ++j;
        if (i == u.size() && j == v.size())
            break;
        const double gap = head() - x;
        sum += std::fabs(static_cast<double>(i) / nu - static_cast<double>(j) / nv) * gap;
    }
    return static_cast<double>(sum);
}

double jensenShannon(const std::vector<double>& p, const std::vector<double>& q, double base)
{
    if (p.size() != q.size())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "jensenshannon",
                              "p and q differ in length"});
    requireNonEmpty(p.size(), "jensenshannon");
    long double sp = 0, sq = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        sp += p[i];
        sq += q[i];
    }
    const double tp = static_cast<double>(sp), tq = static_cast<double>(sq);
    long double left = 0, right = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double pi = p[i] / tp, qi = q[i] / tq;
        const double m = (pi + qi) / 2.0;
        left += relEntr(pi, m);
        right += relEntr(qi, m);
    }
    double js = static_cast<double>(left) + static_cast<double>(right);
    if (base > 0)
        js /= std::log(base);
    return std::sqrt(js / 2.0);
}

std::vector<double> histogramBinEdgesSturges(const std::vector<double>& values)
{
    requireNonEmpty(values.size(), "histogram_bin_edges");
    const auto [mnIt, mxIt] = std::minmax_element(values.begin(), values.end());
    double first = *mnIt, last = *mxIt;
    const double ptp = last - first;
    if (first == last) {
        first -= 0.5;
        last += 0.5;
    }
    const double width = ptp / (std::log2(static_cast<double>(values.size())) + 1.0);
    std::int64_t bins = 1;
    if (width != 0)
        bins = static_cast<std::int64_t>(std::ceil((last - first) / width));
    // numpy.linspace(first, last, bins + 1): i * step + first, the last edge set to `last`.
    const double step = (last - first) / static_cast<double>(bins);
    std::vector<double> edges(static_cast<std::size_t>(bins + 1));
    for (std::int64_t i = 0; i <= bins; ++i)
        edges[static_cast<std::size_t>(i)] = static_cast<double>(i) * step + first;
    edges.back() = last;
    return edges;
}

std::vector<double> histogramCounts(const std::vector<double>& sorted,
                                    const std::vector<double>& edges)
{
    std::vector<double> counts(edges.size() > 0 ? edges.size() - 1 : 0, 0.0);
    if (edges.size() < 2)
        return counts;
    // cumulative: searchsorted(edges[:-1], 'left') and searchsorted(edges[-1], 'right')
    std::vector<std::size_t> cum(edges.size());
    for (std::size_t i = 0; i + 1 < edges.size(); ++i)
        cum[i] = static_cast<std::size_t>(
            std::lower_bound(sorted.begin(), sorted.end(), edges[i]) - sorted.begin());
    cum.back() = static_cast<std::size_t>(
        std::upper_bound(sorted.begin(), sorted.end(), edges.back()) - sorted.begin());
    for (std::size_t i = 0; i + 1 < edges.size(); ++i)
        counts[i] = static_cast<double>(cum[i + 1]) - static_cast<double>(cum[i]);
    return counts;
}

double quantileLinear(const std::vector<double>& sorted, double q)
{
    requireNonEmpty(sorted.size(), "quantile");
    const std::size_t n = sorted.size();
    const double virtualIndex = static_cast<double>(n - 1) * q;
    if (virtualIndex >= static_cast<double>(n - 1))
        return sorted.back();
    if (virtualIndex < 0)
        return sorted.front();
    const double prevIndex = std::floor(virtualIndex);
    const auto lo = static_cast<std::size_t>(prevIndex);
    const double a = sorted[lo], b = sorted[lo + 1];
    const double t = virtualIndex - prevIndex;
    // numpy's _lerp: a + (b-a) t, or b - (b-a)(1-t) for t >= 0.5
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

BinnedShares binnedShares(std::vector<double> reference, std::vector<double> current,
                          int maxCategories)
{
    requireNonEmpty(reference.size(), "reference");
    requireNonEmpty(current.size(), "current");
    std::sort(reference.begin(), reference.end());
    std::sort(current.begin(), current.end());
    const double nRef = static_cast<double>(reference.size());
    const double nCur = static_cast<double>(current.size());
    std::size_t nDistinct = reference.empty() ? 0 : 1;
    for (std::size_t i = 1; i < reference.size(); ++i)
        nDistinct += reference[i] != reference[i - 1];
    BinnedShares r;
    if (nDistinct > static_cast<std::size_t>(maxCategories)) {
        std::vector<double> both;
        both.reserve(reference.size() + current.size());
        both.insert(both.end(), reference.begin(), reference.end());
        both.insert(both.end(), current.begin(), current.end());
        r.edges = histogramBinEdgesSturges(both);
        r.reference = histogramCounts(reference, r.edges);
        r.current = histogramCounts(current, r.edges);
    } else {
        r.categorical = true;
        std::merge(reference.begin(), reference.end(), current.begin(), current.end(),
                   std::back_inserter(r.edges));
        r.edges.erase(std::unique(r.edges.begin(), r.edges.end()), r.edges.end());
        auto counts = [&](const std::vector<double>& sorted) {
            std::vector<double> c(r.edges.size(), 0.0);
            std::size_t k = 0;
            for (double x : sorted) {
                while (r.edges[k] != x)
                    ++k;
                c[k] += 1;
            }
            return c;
        };
        r.reference = counts(reference);
        r.current = counts(current);
    }
    for (double& x : r.reference)
        x /= nRef;
    for (double& x : r.current)
        x /= nCur;
    return r;
}

PsiResult psi(std::vector<double> reference, std::vector<double> current, int bins,
              double epsilon)
{
    requireNonEmpty(reference.size(), "reference");
    requireNonEmpty(current.size(), "current");
    if (bins < 1)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "psi bins", "must be >= 1"});
    if (!(epsilon > 0))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "psi epsilon", "must be > 0"});
    // Only the order statistics the quantiles need: select them (nth_element, ascending) rather
    // than sort, and bin both samples by binary search over the few edges.
    const std::size_t n = reference.size();
    std::vector<std::size_t> needed;
    const double step = 1.0 / bins;  // numpy.linspace(0, 1, bins + 1)
    std::vector<double> qs(static_cast<std::size_t>(bins) + 1);
    for (int i = 0; i <= bins; ++i) {
        qs[static_cast<std::size_t>(i)] = i == bins ? 1.0 : static_cast<double>(i) * step;
        const double vi = static_cast<double>(n - 1) * qs[static_cast<std::size_t>(i)];
        const auto lo = static_cast<std::size_t>(std::min(std::floor(vi), static_cast<double>(n - 1)));
        needed.push_back(lo);
        if (lo + 1 < n)
            needed.push_back(lo + 1);
    }
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
    std::size_t from = 0;
    for (std::size_t idx : needed) {
        std::nth_element(reference.begin() + static_cast<std::ptrdiff_t>(from),
                         reference.begin() + static_cast<std::ptrdiff_t>(idx), reference.end());
        from = idx + 1;
    }
    // quantileLinear reads only positions lo and lo + 1, now in their sorted places.
    PsiResult r;
    for (int i = 0; i <= bins; ++i) {
        const double e = quantileLinear(reference, qs[static_cast<std::size_t>(i)]);
        if (r.edges.empty() || e != r.edges.back())  // numpy.unique on an ascending array
            r.edges.push_back(e);
    }
    const std::size_t nb = r.edges.size() > 2 ? r.edges.size() - 1 : 1;
    const std::vector<double> inner(r.edges.begin() + 1,
                                    r.edges.size() > 2 ? r.edges.end() - 1 : r.edges.begin() + 1);
    auto shares = [&](const std::vector<double>& values) {
        // searchsorted(inner, x, side='right')
        std::vector<double> counts(nb, 0.0);
        for (double x : values)
            counts[static_cast<std::size_t>(std::upper_bound(inner.begin(), inner.end(), x)
                                            - inner.begin())] += 1;
        for (double& c : counts)
            c /= static_cast<double>(values.size());
        return counts;
    };
    r.referenceShare = shares(reference);
    r.currentShare = shares(current);
    double sum = 0;
    for (std::size_t b = 0; b < nb; ++b) {
        const double ref = std::max(r.referenceShare[b], epsilon);
        const double cur = std::max(r.currentShare[b], epsilon);
        sum += (cur - ref) * std::log(cur / ref);
    }
    r.psi = sum;
    return r;
}

}  // namespace flightdeck::monitor::stats
