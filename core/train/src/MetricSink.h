#pragma once
// Private to core/train, torch-free: the trainer's metric buffer (one transaction per flush,
// at every epoch end and at least every 0.5 s) and its divergence check.
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::train::detail {

// The shortest text that reads back to the same double (run parameters, messages).
std::string num(double v);

// Error(TrainingFailed) naming the metric, the value, the step and the learning rate.
[[noreturn]] void diverged(const std::string& what, double value, std::int64_t step, int epoch,
                           double learningRate);

// Buffers metric points and appends them in one transaction per flush. A NaN or infinite
// value fails the run (diverged) instead of reaching the database. Run id 0 (a data-parallel
// rank other than 0) checks the values and writes nothing.
class MetricSink {
public:
    MetricSink(store::RunRepository& runs, store::Id runId, const TrainCallbacks& cb,
               double learningRate);
    void record(std::string_view key, std::int64_t step, int epoch, double value);
    // Flushes when 0.5 s have passed; a database busy with another writer keeps the points
    // for the next flush (only the run's final flush may fail it).
    void flushIfDue();
    void flush();

private:
    using Clock = std::chrono::steady_clock;
    store::RunRepository& runs_;
    store::Id runId_;
    const TrainCallbacks& cb_;
    double learningRate_;
    std::vector<store::MetricRecord> buffer_;
    Clock::time_point lastFlush_;
};

}  // namespace flightdeck::train::detail
