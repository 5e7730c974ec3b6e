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
#include <string>
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
    // Records whose features do not match the reference (another layout than the log's other
    // lines) are left out and counted here, the first one's reason kept; a log in which no
    // record matches is refused with that reason (Error(InvalidArgument)) by finish().
    std::int64_t mismatched() const { return mismatched_; }
    const std::string& firstMismatch() const { return firstMismatch_; }

private:
    bool check(const PredictionRecord& record);
    void close(std::int64_t key, detail::ColumnSet& set);

    const ReferenceSample& reference_;
    DriftWindowOptions options_;
    std::vector<DriftColumn> referenceColumns_;   // the reference's, prediction left out if asked
    std::map<std::int64_t, std::unique_ptr<detail::ColumnSet>> open_;
    std::vector<DriftWindowResult> finished_;
    std::int64_t finishedUpTo_;
    std::int64_t late_ = 0;
    std::int64_t matched_ = 0;
    std::int64_t mismatched_ = 0;
    std::string firstMismatch_;
    // The feature-name vector last checked, held so that its address cannot be reused by
    // another layout's vector (a raw pointer once matched a freed layout's verdict).
    std::shared_ptr<const std::vector<std::string>> checkedLayout_;
    std::size_t checkedCount_ = std::size_t(-1);
    bool checkedMatches_ = false;
};

}  // namespace flightdeck::monitor
