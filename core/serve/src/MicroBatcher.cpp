#include "flightdeck/serve/MicroBatcher.h"

#include <algorithm>
#include <exception>
#include <stdexcept>
#include <string>

namespace flightdeck::serve {

struct MicroBatcher::Job {
    const float* rows = nullptr;
    std::size_t count = 0;
    std::vector<Prediction> out;
    std::exception_ptr error;
    bool done = false;
    // Each request sleeps on its own: waking every waiter after each pass (one shared condition)
    // made context switches the server's largest cost at 64 clients.
    std::condition_variable wake;
};

MicroBatcher::MicroBatcher(const BundleModel& model, std::size_t maxRows, int passes,
                           std::chrono::microseconds maxWait)
    : MicroBatcher([&model](const float* rows, std::size_t count) { return model.predict(rows, count); },
                   static_cast<std::size_t>(model.info().inputs), maxRows, passes, maxWait)
{
}

MicroBatcher::MicroBatcher(Forward forward, std::size_t width, std::size_t maxRows, int passes,
                           std::chrono::microseconds maxWait)
    : forward_(std::move(forward)), width_(width), maxRows_(std::max<std::size_t>(1, maxRows)),
      passes_(std::max(1, passes)), maxWait_(std::max(std::chrono::microseconds(0), maxWait))
{
}

MicroBatcher::Client::Client(MicroBatcher& batcher) : batcher_(batcher)
{
    std::lock_guard<std::mutex> lock(batcher_.mutex_);
    ++batcher_.clients_;
}

MicroBatcher::Client::~Client()
{
    std::lock_guard<std::mutex> lock(batcher_.mutex_);
    --batcher_.clients_;
    batcher_.arrived_.notify_all();
}

std::vector<Prediction> MicroBatcher::predict(const float* rows, std::size_t count)
{
    Job job;
    job.rows = rows;
    job.count = count;
    std::unique_lock<std::mutex> lock(mutex_);
    queue_.push_back(&job);
    queuedRows_ += count;
    arrived_.notify_all();
    // No batcher thread: whichever waiting request finds a pass free runs one for everybody
    // queued (its own job may go to a later pass when this one is full).
    while (!job.done) {
        if (running_ >= passes_ || queue_.empty()) {
            job.wake.wait(lock);
            continue;
        }
        ++running_;   // this pass's slot, held while it waits for the other clients
        auto othersMayCome = [&] {
            return queue_.size() + inPasses_ < static_cast<std::size_t>(std::max(clients_, 0)) &&
                   queuedRows_ < maxRows_;
        };
        if (maxWait_.count() > 0 && othersMayCome()) {
            const auto deadline = std::chrono::steady_clock::now() + maxWait_;
            while (othersMayCome() && arrived_.wait_until(lock, deadline) != std::cv_status::timeout) {
            }
        }
        std::vector<Job*> batch;
        std::size_t total = 0;
        while (!queue_.empty() && (batch.empty() || total + queue_.front()->count <= maxRows_)) {
            total += queue_.front()->count;
            batch.push_back(queue_.front());
            queue_.pop_front();
        }
        queuedRows_ -= total;
        inPasses_ += batch.size();
        handOnSlot();
        lock.unlock();
        runPass(batch);
        lock.lock();
        --running_;
        inPasses_ -= batch.size();
        for (Job* j : batch) {
            j->done = true;
            if (j != &job)
                j->wake.notify_one();
        }
        handOnSlot();
    }
    if (job.error)
        std::rethrow_exception(job.error);
    return std::move(job.out);
}

void MicroBatcher::handOnSlot()
{
    // The oldest waiting request runs the next pass when a slot is free.
    if (!queue_.empty() && running_ < passes_)
        queue_.front()->wake.notify_one();
}

void MicroBatcher::runPass(const std::vector<Job*>& batch)
{
    std::size_t total = 0;
    for (const Job* j : batch)
        total += j->count;
    forwards_.fetch_add(1, std::memory_order_relaxed);
    rows_.fetch_add(static_cast<std::int64_t>(total), std::memory_order_relaxed);
    try {
        if (batch.size() == 1) {
            batch.front()->out = forward_(batch.front()->rows, total);
            return;
        }
        std::vector<float> joined;
        joined.reserve(total * width_);
        for (const Job* j : batch)
            joined.insert(joined.end(), j->rows, j->rows + j->count * width_);
        std::vector<Prediction> all = forward_(joined.data(), total);
        if (all.size() != total)
            throw std::logic_error("the forward pass returned " + std::to_string(all.size()) +
                                   " predictions for " + std::to_string(total) + " rows");
        auto from = all.begin();
        for (Job* j : batch) {
            j->out.assign(std::make_move_iterator(from), std::make_move_iterator(from + std::ptrdiff_t(j->count)));
            from += std::ptrdiff_t(j->count);
        }
    } catch (...) {
        for (Job* j : batch)
            j->error = std::current_exception();
    }
}

std::size_t MicroBatcher::queued() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return queue_.size();
}

BatchStats MicroBatcher::stats() const
{
    return {forwards_.load(std::memory_order_relaxed), rows_.load(std::memory_order_relaxed)};
}

}  // namespace flightdeck::serve
