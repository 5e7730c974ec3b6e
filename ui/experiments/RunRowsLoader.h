#pragma once
// The Experiments panel's reads, done on a worker's own project connection (never the GUI's):
// the table's rows, the metric keys of some runs, and a cheap change signature that tells
// whether another process (the CLI) wrote runs or metrics since the last look.
#include "experiments/RunRow.h"

#include "flightdeck/store/RunStatus.h"


#include <atomic>
#include <map>
#include <string>
#include <vector>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

struct ChangeSignature {
    qint64 runs = 0, maxRunId = 0, running = 0, lastMetricId = 0;
    double lastEnd = 0;
    bool sameRuns(const ChangeSignature& o) const
    {
        return runs == o.runs && maxRunId == o.maxRunId && running == o.running && lastEnd == o.lastEnd;
    }
};
// Two indexed aggregates: O(log n) for metrics, a pass over the runs table (1,000 rows).
ChangeSignature loadChangeSignature(store::Project& project);

struct RunRows {
    std::vector<RunRow> rows;   // newest first
    std::vector<bool> fresh;    // false: the caller's cached row of a finished run stands
    ChangeSignature signature;  // taken before the rows were read
};

// Rows for every run; a finished run whose status is `cached` is left for the caller's cache.
// atStep > 0 also reads each summarized metric's last value at or before that step.
RunRows loadRunRows(store::Project& project, const std::map<qint64, store::RunStatus>& cached,
                    const std::atomic<bool>& cancel, std::int64_t atStep = 0);
// The union of the runs' metric keys, sorted.
std::vector<std::string> loadMetricKeys(store::Project& project, const std::vector<qint64>& runIds);

}  // namespace flightdeck::ui
