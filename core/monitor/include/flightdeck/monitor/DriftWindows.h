#pragma once
// Drift per time window against a ReferenceSample, fed one record at a time (monitorDriftJson,
// `monitor check`'s drift rules, and later the panel's follow mode).
//
// Features are matched by name; a log whose features are a JSON array takes the reference's
// names by position. A log whose feature names differ from the reference's is refused at its
// first such record: Error(InvalidArgument, field "features") naming every missing and every
// extra column. Windows are finished once a record lands `latenessWindows` past them; records
// older than a finished window are counted in late() and left out. Each column of a window keeps
// at most maxValuesPerColumn values (a seeded uniform reservoir past it).
#include "flightdeck/monitor/DriftReport.h"
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/monitor/ReferenceSample.h"

#include <map>
#include <memory>
#include <vector>

namespace flightdeck::monitor {

namespace detail { class ColumnSet; }

struct DriftWindowResult {
    double start = 0, width = 0;   // width 0: the whole log as one sample (start meaningless)
    std::int64_t rows = 0;         // records, all of them even when sampled
    bool sampled = false;
    DriftResult drift;
};

struct DriftWindowOptions {
    double windowSeconds = 0;      // 0: the whole log is one sample
    int latenessWindows = 1;
    std::size_t maxValuesPerColumn = 200000;
    bool includePrediction = true;
    DriftOptions drift;
};

class DriftWindows {
public:
    // `reference` must outlive this object.
    DriftWindows(const ReferenceSample& reference, DriftWindowOptions options);
    ~DriftWindows();
    DriftWindows(const DriftWindows&) = delete;
    DriftWindows& operator=(const DriftWindows&) = delete;

    void add(const PredictionRecord& record);
    // Windows finished since the last call, in time order.
    std::vector<DriftWindowResult> takeFinished();
    // Finishes every open window and returns all not yet taken.
    std::vector<DriftWindowResult> finish();
    std::int64_t late() const { return late_; }

private:
    void check(const PredictionRecord& record);
    void close(std::int64_t key, detail::ColumnSet& set);

    const ReferenceSample& reference_;
    DriftWindowOptions options_;
    std::vector<DriftColumn> referenceColumns_;   // the reference's, prediction left out if asked
    std::map<std::int64_t, std::unique_ptr<detail::ColumnSet>> open_;
    std::vector<DriftWindowResult> finished_;
    std::int64_t finishedUpTo_;
    std::int64_t late_ = 0;
    const void* checkedLayout_ = nullptr;   // the feature-name vector last checked
    std::size_t checkedCount_ = std::size_t(-1);
};

}  // namespace flightdeck::monitor
