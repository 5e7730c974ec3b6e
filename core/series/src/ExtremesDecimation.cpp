#include "flightdeck/series/ExtremesDecimation.h"

#include <algorithm>
#include <cmath>

namespace flightdeck::series {

std::vector<std::size_t> keepExtremes(const double* values, std::size_t n, std::size_t buckets)
{
    buckets = std::max<std::size_t>(1, buckets);
    std::vector<std::size_t> kept;
    if (n <= 4 * buckets) {
        kept.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            kept[i] = i;
        return kept;
    }
    kept.reserve(4 * buckets);
    for (std::size_t b = 0; b < buckets; ++b) {
        // Runs of n / buckets points, the remainder spread over the first ones.
        const std::size_t begin = b * n / buckets, end = (b + 1) * n / buckets;
        std::size_t lo = end, hi = end;
        for (std::size_t i = begin; i < end; ++i) {
            if (!std::isfinite(values[i]))
                continue;
            if (lo == end || values[i] < values[lo])
                lo = i;
            if (hi == end || values[i] > values[hi])
                hi = i;
        }
        std::size_t run[4] = {begin, lo, hi, end - 1};
        std::sort(run, run + 4);
        for (const std::size_t i : run)
            if (i < end && (kept.empty() || kept.back() != i))
                kept.push_back(i);
    }
    return kept;
}

}  // namespace flightdeck::series
