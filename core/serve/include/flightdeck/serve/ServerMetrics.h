#pragma once
// What GET /metrics says, in Prometheus' text format and naming conventions: counters end in
// _total, durations are _seconds histograms with cumulative le buckets, requests are counted by
// HTTP status code, label values escaped as the text format requires. Lock-free counters: every
// request thread records without waiting.
#include <array>
#include <atomic>
#include <cstdint>
#include <string>

namespace flightdeck::serve {

struct BatchStats {
    std::int64_t forwards = 0;   // passes through the model
    std::int64_t rows = 0;       // rows they carried
};

class ServerMetrics {
public:
    void record(int status, double seconds, std::int64_t predictions);
    void rejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }
    void forward(std::int64_t rows)
    {
        forwards_.fetch_add(1, std::memory_order_relaxed);
        rows_.fetch_add(rows, std::memory_order_relaxed);
    }
    BatchStats batches() const { return {forwards_.load(), rows_.load()}; }
    // logErrors: prediction log lines lost (RequestLog::errors()).
    std::string text(const std::string& model, int version, std::int64_t logErrors = 0) const;

private:
    static constexpr std::array<double, 14> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                        0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    static constexpr std::array<int, 12> kCodes = {200, 400, 401, 404, 405, 408, 413, 422, 500, 503, 505, 0};
    std::array<std::atomic<std::int64_t>, kBuckets.size() + 1> buckets_{};   // last = +Inf
    std::array<std::atomic<std::int64_t>, kCodes.size()> byCode_{};           // 0 = other
    std::atomic<std::int64_t> count_{0}, predictions_{0}, rejected_{0}, forwards_{0}, rows_{0};
    std::atomic<std::int64_t> sumMicros_{0};
};

}  // namespace flightdeck::serve
