#include "MetricSink.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace flightdeck::train::detail {

namespace {

// Metrics reach the database at every epoch end and at least this often, so a second
// connection (the GUI's, another process) sees a long epoch progress.
constexpr double kFlushIntervalSeconds = 0.5;

}  // namespace

std::string num(double v)
{
    return nlohmann::json(v).dump();
}

void diverged(const std::string& what, double value, std::int64_t step, int epoch,
              double learningRate)
{
    throw Error(ErrorInfo{ErrorCode::TrainingFailed, {}, 0, what,
                          std::string("became ") +
                              (std::isnan(value) ? "NaN" : value > 0 ? "+infinity" : "-infinity") +
                              " at step " + std::to_string(step) + " (epoch " +
                              std::to_string(epoch) + "): training diverged; try a lower "
                              "learning rate than " + num(learningRate)});
}

MetricSink::MetricSink(store::RunRepository& runs, store::Id runId, const TrainCallbacks& cb,
                       double learningRate)
    : runs_(runs), runId_(runId), cb_(cb), learningRate_(learningRate), lastFlush_(Clock::now())
{
}

void MetricSink::record(std::string_view key, std::int64_t step, int epoch, double value)
{
    if (!std::isfinite(value))
        diverged(std::string(key), value, step, epoch, learningRate_);
    store::MetricRecord m{std::string(key), step, epoch, unixTimeNow(), value};
    if (cb_.onMetric)
        cb_.onMetric(m);
    buffer_.push_back(std::move(m));
}

void MetricSink::flushIfDue()
{
    if (std::chrono::duration<double>(Clock::now() - lastFlush_).count() < kFlushIntervalSeconds)
        return;
    try {
        flush();
    } catch (const Error& e) {
        // Another connection (e.g. a large import) may hold the write lock longer than the
        // busy timeout: keep the points and retry at the next flush.
        if (e.code() != ErrorCode::Database)
            throw;
    }
}

void MetricSink::flush()
{
    lastFlush_ = Clock::now();
    if (buffer_.empty())
        return;
    if (runId_ == 0) {   // a data-parallel rank other than 0: rank 0 records the run
        buffer_.clear();
        return;
    }
    runs_.appendMetrics(runId_, buffer_);
    buffer_.clear();
}

}  // namespace flightdeck::train::detail
