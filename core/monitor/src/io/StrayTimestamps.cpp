#include "StrayTimestamps.h"

#include "flightdeck/common/Json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace flightdeck::monitor::detail {

namespace {

constexpr double kLatestSeconds = 253402300800.0;   // 10000-01-01T00:00:00Z

std::string days(double seconds)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(seconds) / 86400.0);
    return buf;
}

std::string strayProblem(double ts, double anchor)
{
    return "timestamp " + isoTimeUtc(ts) + " is " + days(ts - anchor) +
           " days from the log's other records (" + isoTimeUtc(anchor) + "): skipped as a stray";
}

}  // namespace

void StrayTimestamps::offer(const PredictionRecord& rec, std::int64_t line,
                            const std::string& file, const Emit& emit, const Reject& reject)
{
    const double ts = rec.timestamp;
    if (std::isnan(ts)) {
        emit(rec);
        return;
    }
    if (!(ts >= 0 && ts < kLatestSeconds)) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.6g", ts);
        reject(line, file,
               std::string("timestamp is outside 1970-01-01 .. 9999-12-31 (read as ") + buf +
                   " s since 1970): skipped");
        return;
    }
    if (!anchored_) {
        held_.push_back({rec, line, file});
        if (held_.size() >= kHeld)
            resolveByMedian(emit, reject);
        return;
    }
    if (std::fabs(ts - anchor_) <= kMaxGapSeconds) {
        rejectHeld(reject);   // what was held apart from the stream did not start a new era
        anchor_ = ts;
        emit(rec);
        return;
    }
    held_.push_back({rec, line, file});
    if (held_.size() >= kHeld)
        resolveByMedian(emit, reject);
}

void StrayTimestamps::settle(bool end, const Emit& emit, const Reject& reject)
{
    if (held_.empty())
        return;
    if (!anchored_)
        resolveByMedian(emit, reject);
    else if (end)
        rejectHeld(reject);
}

void StrayTimestamps::resolveByMedian(const Emit& emit, const Reject& reject)
{
    std::vector<double> ts;
    for (const auto& h : held_)
        ts.push_back(h.rec.timestamp);
    std::nth_element(ts.begin(), ts.begin() + static_cast<std::ptrdiff_t>(ts.size() / 2), ts.end());
    const double median = ts[ts.size() / 2];
    std::vector<Held> held;
    held.swap(held_);
    for (const auto& h : held) {
        if (std::fabs(h.rec.timestamp - median) <= kMaxGapSeconds) {
            anchor_ = h.rec.timestamp;
            anchored_ = true;
            emit(h.rec);
        } else {
            reject(h.line, h.file, strayProblem(h.rec.timestamp, median));
        }
    }
}

void StrayTimestamps::rejectHeld(const Reject& reject)
{
    for (const auto& h : held_)
        reject(h.line, h.file, strayProblem(h.rec.timestamp, anchor_));
    held_.clear();
}

}  // namespace flightdeck::monitor::detail
