#pragma once
// Private: keeps a record whose timestamp is implausible out of the stream, reported as a
// skipped line, instead of letting it abort the report. Two kinds:
//  - outside 1970-01-01 .. 9999-12-31 (a 1e300, a negative time): skipped at once;
//  - more than a year away from the stream's other records (a stray 0 or 9999 in a 2026 log,
//    which once made the summary span 29 million windows and fail): skipped as a stray.
// "The other records" is decided by the majority: the first kHeld records are held and the
// ones within a year of their median pass; later, a record more than a year from the last
// accepted one is held, and kHeld such records that agree with each other are taken as the
// log moving on (a real gap), not as strays.
#include "flightdeck/monitor/LogReader.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace flightdeck::monitor::detail {

class StrayTimestamps {
public:
    static constexpr std::size_t kHeld = 8;
    static constexpr double kMaxGapSeconds = 366.0 * 86400.0;

    using Emit = std::function<void(const PredictionRecord&)>;
    using Reject = std::function<void(std::int64_t line, const std::string& file, std::string problem)>;

    // A decoded record at `line` of `file`; records with no timestamp (NaN) pass at once.
    void offer(const PredictionRecord& rec, std::int64_t line, const std::string& file,
               const Emit& emit, const Reject& reject);
    // The stream has caught up (follow mode) or ended: decides what is held. With `end`
    // false, held strays may still turn out to be a gap and stay held.
    void settle(bool end, const Emit& emit, const Reject& reject);

private:
    struct Held {
        PredictionRecord rec;
        std::int64_t line;
        std::string file;
    };
    void resolveByMedian(const Emit& emit, const Reject& reject);
    void rejectHeld(const Reject& reject);

    double anchor_ = 0;
    bool anchored_ = false;
    std::vector<Held> held_;
};

}  // namespace flightdeck::monitor::detail
