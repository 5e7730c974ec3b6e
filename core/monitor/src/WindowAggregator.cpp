#include "flightdeck/monitor/WindowAggregator.h"

#include "flightdeck/common/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace flightdeck::monitor {

namespace {

// windows() fills gaps, so one stray timestamp (a 0, or milliseconds read as seconds) could
// ask for billions of windows. Past this many (~250 MB of WindowStats) we refuse and say why
// rather than exhaust memory; a month at 1 s windows is 2.6 M, so real choices stay below.
constexpr std::int64_t kMaxWindows = 2'000'000;

// Keys must stay exact in both int64 and double (2^53) so start = key * width is faithful.
constexpr double kMaxKey = 9.0e15;

// Nearest-rank percentile: the smallest sample such that at least p% of the samples are <= it,
// i.e. sorted[ceil(p/100 * n) - 1]. It always returns an observed latency (no interpolation),
// which is what operators expect of "p99 = 840 ms". Integer arithmetic for the rank avoids
// 0.95 * 100 landing a hair above 95 and shifting the rank by one.
double nearestRank(const std::vector<double>& sorted, int percent)
{
    if (sorted.empty())
        return 0;
    const auto n = static_cast<std::int64_t>(sorted.size());
    std::int64_t rank = (percent * n + 99) / 100;  // ceil(percent * n / 100)
    rank = std::clamp<std::int64_t>(rank, 1, n);
    return sorted[static_cast<std::size_t>(rank - 1)];
}

}  // namespace

WindowAggregator::WindowAggregator(double windowSeconds) : width_(windowSeconds)
{
    if (!(windowSeconds > 0) || !std::isfinite(windowSeconds))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "windowSeconds",
                              "must be a positive number of seconds"});
}

void WindowAggregator::add(const PredictionRecord& record)
{
    const double key = std::floor(record.timestamp / width_);
    if (!std::isfinite(key) || std::fabs(key) > kMaxKey)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "timestamp",
                              "out of range: " + std::to_string(record.timestamp)});
    if (!std::isfinite(record.latencyMs))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "latency_ms",
                              "not a finite number"});
    Bucket& b = buckets_[static_cast<std::int64_t>(key)];
    b.latencies.push_back(record.latencyMs);
    if (record.error)
        ++b.errors;
    ++b.predictions[record.prediction];
}

std::vector<WindowStats> WindowAggregator::windows() const
{
    std::vector<WindowStats> out;
    if (buckets_.empty())
        return out;
    const std::int64_t first = buckets_.begin()->first;
    const std::int64_t last = buckets_.rbegin()->first;
    const std::int64_t count = last - first + 1;
    if (count > kMaxWindows)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "windowSeconds",
                              "the records span " + std::to_string(count) + " windows of "
                                  + std::to_string(width_) + " s (at most "
                                  + std::to_string(kMaxWindows) + "); use wider windows"});
    out.reserve(static_cast<std::size_t>(count));

    auto it = buckets_.begin();
    std::vector<double> sorted;
    for (std::int64_t key = first; key <= last; ++key) {
        WindowStats w;
        w.start = static_cast<double>(key) * width_;
        w.width = width_;
        if (it != buckets_.end() && it->first == key) {
            const Bucket& b = it->second;
            sorted = b.latencies;  // windows() is const and may be called again
            std::sort(sorted.begin(), sorted.end());
            w.requests = static_cast<std::int64_t>(sorted.size());
            w.errors = b.errors;
            w.latencyMean = std::accumulate(sorted.begin(), sorted.end(), 0.0)
                            / static_cast<double>(sorted.size());
            w.latencyP50 = nearestRank(sorted, 50);
            w.latencyP95 = nearestRank(sorted, 95);
            w.latencyP99 = nearestRank(sorted, 99);
            w.predictions = b.predictions;
            ++it;
        }
        // Gap windows keep requests = 0 and all latencies 0: a plot shows the outage as a dip.
        w.requestsPerSecond = static_cast<double>(w.requests) / width_;
        out.push_back(std::move(w));
    }
    return out;
}

std::string toJson(const std::vector<WindowStats>& windows, const ReadStats& stats)
{
    using nlohmann::json;
    json list = json::array();
    for (const WindowStats& w : windows) {
        list.push_back({
            {"start", w.start},
            {"width", w.width},
            {"requests", w.requests},
            {"errors", w.errors},
            {"error_rate", w.requests > 0
                               ? static_cast<double>(w.errors) / static_cast<double>(w.requests)
                               : 0.0},
            {"requests_per_second", w.requestsPerSecond},
            {"latency_mean", w.latencyMean},
            {"latency_p50", w.latencyP50},
            {"latency_p95", w.latencyP95},
            {"latency_p99", w.latencyP99},
            {"predictions", w.predictions},
        });
    }
    json problems = json::array();
    for (const LineProblem& p : stats.problems)
        problems.push_back({{"line", p.line}, {"problem", p.problem}});
    json out{{"windows", std::move(list)},
             {"lines", stats.lines},
             {"records", stats.records},
             {"skipped", stats.skipped},
             {"problems", std::move(problems)}};
    // Compact: a long log gives thousands of windows and this is read by programs.
    return out.dump();
}

}  // namespace flightdeck::monitor
