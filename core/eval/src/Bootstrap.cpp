// Seeded bootstrap percentile intervals (see Bootstrap.h for the exact procedure).
#include "flightdeck/eval/Bootstrap.h"

#include "Numeric.h"

#include <algorithm>
#include <cmath>

namespace flightdeck::eval {

namespace {

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Lemire's nearly divisionless unbiased integer in [0, n).
std::uint64_t bounded(std::uint64_t& state, std::uint64_t n)
{
    unsigned __int128 m = static_cast<unsigned __int128>(splitmix64(state)) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<unsigned __int128>(splitmix64(state)) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

// np.percentile(sorted, q) with the linear method.
double percentile(const std::vector<double>& sorted, double q)
{
    const double n1 = static_cast<double>(sorted.size() - 1);
    const double vi = n1 * (q / 100);
    if (vi >= n1)
        return sorted.back();
    if (vi < 0)
        return sorted.front();
    const double lo = std::floor(vi);
    const auto i = static_cast<std::size_t>(lo);
    const double g = vi - lo, a = sorted[i], b = sorted[i + 1], diff = b - a;
    return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

}  // namespace

void bootstrapRows(std::size_t samples, std::uint64_t seed, int resample,
                   std::vector<std::size_t>& rows)
{
    // An independent stream per resample: mix the seed and the resample number.
    std::uint64_t mix = seed ^ (0xd1b54a32d192ed03ULL * (static_cast<std::uint64_t>(resample) + 1));
    std::uint64_t state = splitmix64(mix);
    rows.resize(samples);
    for (std::size_t i = 0; i < samples; ++i)
        rows[i] = static_cast<std::size_t>(bounded(state, samples));
}

ConfidenceInterval bootstrap(std::size_t samples, const RowMetric& metric,
                             const BootstrapOptions& options)
{
    if (options.resamples < 1)
        detail::invalidArgument("resamples", "must be at least 1, got "
                                                 + std::to_string(options.resamples));
    if (!(options.confidence > 0 && options.confidence < 1))
        detail::invalidArgument("confidence", "must be in (0, 1), got "
                                                  + std::to_string(options.confidence));
    ConfidenceInterval ci;
    ci.confidence = options.confidence;
    ci.resamples = options.resamples;
    std::vector<std::size_t> rows(samples);
    for (std::size_t i = 0; i < samples; ++i)
        rows[i] = i;
    ci.estimate = metric(rows);
    if (!ci.estimate.defined) {
        ci.lower = ci.upper = Metric::undefined(ci.estimate.reason);
        return ci;
    }
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(options.resamples));
    std::string lastReason;
    for (int r = 0; r < options.resamples; ++r) {
        bootstrapRows(samples, options.seed, r, rows);
        const Metric m = metric(rows);
        if (m.defined) {
            values.push_back(m.value);
        } else {
            ++ci.undefinedResamples;
            lastReason = m.reason;
        }
    }
    if (values.empty()) {
        ci.lower = ci.upper =
            Metric::undefined("the metric is undefined on every resample: " + lastReason);
        return ci;
    }
    std::sort(values.begin(), values.end());
    ci.lower = Metric::of(percentile(values, (1 - options.confidence) / 2 * 100));
    ci.upper = Metric::of(percentile(values, (1 + options.confidence) / 2 * 100));
    return ci;
}

ConfidenceInterval bootstrap(const Predictions& predictions, const NamedMetric& metric,
                             const BootstrapOptions& options)
{
    Predictions subset;
    return bootstrap(
        predictions.size(),
        [&](const std::vector<std::size_t>& rows) {
            selectRows(predictions, rows, subset);
            return metric.compute(subset);
        },
        options);
}

}  // namespace flightdeck::eval
