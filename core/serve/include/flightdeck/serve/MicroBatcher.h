#pragma once
// Runs concurrent requests' rows through the model together. A request that arrives while the
// forward passes are busy waits and joins the next pass, with every other request that queued
// meanwhile. A pass about to start also waits (at most maxWait) while fewer requests are queued
// than clients are connected (Client): on a machine whose cores are all busy, the other
// clients' requests cannot be read while the forward runs, so without the wait every pass would
// carry one row. A lone client is never made to wait. A busy server's cost per row falls with
// the batch. Why it pays: a small model's forward is bound by
// reading its weights (784-256-128-10: 0.8 MB per pass), so one row costs about as much as
// sixteen (measured 151 us vs 196 us with one torch thread).
#include "flightdeck/serve/BundleModel.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace flightdeck::serve {

struct BatchStats {
    std::int64_t forwards = 0;   // passes through the model
    std::int64_t rows = 0;       // rows they carried
};

class MicroBatcher {
public:
    // count rows of `width` values -> one prediction per row, each depending on its row alone.
    using Forward = std::function<std::vector<Prediction>(const float* rows, std::size_t count)>;

    // maxRows: the most rows one pass carries (a request larger than it runs alone);
    // passes: how many forward passes may run at once; maxWait: the longest a pass waits for
    // connected clients' requests (0: never).
    MicroBatcher(const BundleModel& model, std::size_t maxRows, int passes,
                 std::chrono::microseconds maxWait = {});
    MicroBatcher(Forward forward, std::size_t width, std::size_t maxRows, int passes,
                 std::chrono::microseconds maxWait = {});

    // A connected client (an HTTP keep-alive connection being served): it may send a request
    // at any moment, one at a time.
    class Client {
    public:
        explicit Client(MicroBatcher& batcher);
        ~Client();
        Client(const Client&) = delete;
        Client& operator=(const Client&) = delete;

    private:
        MicroBatcher& batcher_;
    };

    // count x width values; blocks until this request's predictions are made.
    // Thread-safe; rethrows the model's error for the pass the request was in.
    std::vector<Prediction> predict(const float* rows, std::size_t count);

    BatchStats stats() const;
    std::size_t queued() const;   // requests waiting for a pass now

private:
    struct Job;
    void runPass(const std::vector<Job*>& batch);
    void handOnSlot();   // with the lock held

    const Forward forward_;
    const std::size_t width_;
    const std::size_t maxRows_;
    const int passes_;
    const std::chrono::microseconds maxWait_;
    mutable std::mutex mutex_;
    std::condition_variable arrived_;
    std::deque<Job*> queue_;
    std::size_t queuedRows_ = 0;
    std::size_t inPasses_ = 0;   // requests in the passes running now
    int running_ = 0;
    int clients_ = 0;
    std::atomic<std::int64_t> forwards_{0}, rows_{0};
};

}  // namespace flightdeck::serve
