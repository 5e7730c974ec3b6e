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

WindowAggregator::WindowAggregator(double windowSeconds)
    : WindowAggregator(WindowOptions{windowSeconds})
{
}

WindowAggregator::WindowAggregator(const WindowOptions& options)
    : width_(options.widthSeconds), options_(options)
{
    if (!(width_ > 0) || !std::isfinite(width_))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "windowSeconds",
                              "must be a positive number of seconds"});
    if (options.confidenceBins < 1)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "confidenceBins",
                              "must be at least 1"});
    QuantileSketch check(options.sketchRelativeError);  // validates the accuracy
    (void)check;
}

WindowAggregator::Bucket& WindowAggregator::bucketFor(double timestamp)
{
    const double key = std::floor(timestamp / width_);
    if (!std::isfinite(key) || std::fabs(key) > kMaxKey)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "timestamp",
                              "out of range: " + std::to_string(timestamp)});
    return buckets_[static_cast<std::int64_t>(key)];
}

void WindowAggregator::add(const PredictionRecord& record)
{
    // NaN latency means "the log has none"; an infinite one is a broken record.
    if (std::isinf(record.latencyMs))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "latency_ms",
                              "not a finite number"});
    const double key = std::floor(record.timestamp / width_);
    Bucket& b = bucketFor(record.timestamp);
    ++b.requests;
    if (!std::isnan(record.latencyMs)) {
        ++b.latencyCount;
        b.latencySum += record.latencyMs;
        if (b.sketch) {
            b.sketch->add(record.latencyMs);
        } else {
            b.latencies.push_back(record.latencyMs);
            if (b.latencies.size() > options_.exactLatencyLimit) {
                // Past the limit, trade exactness for bounded memory.
                b.sketch.emplace(options_.sketchRelativeError);
                for (double v : b.latencies)
                    b.sketch->add(v);
                std::vector<double>().swap(b.latencies);
            }
        }
    }
    if (record.error)
        ++b.errors;
    // A record without a prediction (a failed request) is not a class "" (README: left out).
    if (!record.prediction.empty())
        ++b.predictions[record.prediction];
    if (!std::isnan(record.confidence)) {
        ++b.confidenceCount;
        if (record.confidence < 0 || record.confidence > 1) {
            // Counted and reported, but not averaged: a 1.5 is a logging bug, not a confidence.
            ++b.confidenceOutOfRange;
        } else {
            b.confidenceSum += record.confidence;
            if (b.confidence.empty())
                b.confidence.assign(static_cast<std::size_t>(options_.confidenceBins), 0);
            const int bins = options_.confidenceBins;
            const int bin = std::min(bins - 1, static_cast<int>(record.confidence * bins));
            ++b.confidence[static_cast<std::size_t>(bin)];
        }
    }
    if (options_.trackAccuracy && !record.requestId.empty()) {
        const auto truth = pendingTruth_.find(record.requestId);
        if (truth != pendingTruth_.end()) {
            ++b.labeled;
            b.correct += truth->second == record.prediction;
            ++joined_;
            pendingTruth_.erase(truth);
        } else {
            pendingPrediction_[record.requestId] =
                Pending{static_cast<std::int64_t>(key), record.prediction};
        }
    }
}

void WindowAggregator::addGroundTruth(const std::string& requestId, const std::string& label)
{
    const auto it = pendingPrediction_.find(requestId);
    if (it == pendingPrediction_.end()) {
        pendingTruth_[requestId] = label;  // the prediction may come later
        return;
    }
    Bucket& b = buckets_[it->second.key];
    ++b.labeled;
    b.correct += it->second.prediction == label;
    ++joined_;
    pendingPrediction_.erase(it);
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
        w.confidenceHistogram.assign(static_cast<std::size_t>(options_.confidenceBins), 0);
        if (it != buckets_.end() && it->first == key) {
            const Bucket& b = it->second;
            w.requests = b.requests;
            w.errors = b.errors;
            w.latencyCount = b.latencyCount;
            if (b.latencyCount > 0)
                w.latencyMean = static_cast<double>(b.latencySum / b.latencyCount);
            if (b.sketch) {
                w.latencyExact = false;
                w.latencyP50 = b.sketch->percentile(50);
                w.latencyP95 = b.sketch->percentile(95);
                w.latencyP99 = b.sketch->percentile(99);
            } else if (!b.latencies.empty()) {
                sorted = b.latencies;  // windows() is const and may be called again
                std::sort(sorted.begin(), sorted.end());
                w.latencyMean = std::accumulate(sorted.begin(), sorted.end(), 0.0)
                                / static_cast<double>(sorted.size());
                w.latencyP50 = nearestRank(sorted, 50);
                w.latencyP95 = nearestRank(sorted, 95);
                w.latencyP99 = nearestRank(sorted, 99);
            }
            w.predictions = b.predictions;
            if (!b.confidence.empty())
                w.confidenceHistogram = b.confidence;
            w.confidenceCount = b.confidenceCount;
            w.confidenceOutOfRange = b.confidenceOutOfRange;
            if (b.confidenceCount > b.confidenceOutOfRange)
                w.confidenceMean = static_cast<double>(
                    b.confidenceSum / static_cast<double>(b.confidenceCount - b.confidenceOutOfRange));
            w.labeled = b.labeled;
            w.correct = b.correct;
            if (b.labeled > 0)
                w.accuracy = static_cast<double>(b.correct) / static_cast<double>(b.labeled);
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
            {"latency_count", w.latencyCount},
            {"latency_exact", w.latencyExact},
            {"confidence_histogram", w.confidenceHistogram},
            {"confidence_count", w.confidenceCount},
            {"confidence_out_of_range", w.confidenceOutOfRange},
            {"confidence_mean", w.confidenceMean},
            {"labeled", w.labeled},
            {"correct", w.correct},
            {"accuracy", std::isnan(w.accuracy) ? json(nullptr) : json(w.accuracy)},
        });
    }
    json problems = json::array();
    for (const LineProblem& p : stats.problems) {
        json problem{{"line", p.line}, {"problem", p.problem}};
        if (!p.file.empty())
            problem["file"] = p.file;
        problems.push_back(std::move(problem));
    }
    json out{{"windows", std::move(list)},
             {"lines", stats.lines},
             {"records", stats.records},
             {"skipped", stats.skipped},
             {"problems", std::move(problems)},
             {"too_long", stats.tooLong},
             {"out_of_order", stats.outOfOrder},
             {"non_finite", stats.nonFinite},
             {"bytes", stats.bytes}};
    // Compact: a long log gives thousands of windows and this is read by programs.
    return out.dump();
}

}  // namespace flightdeck::monitor
