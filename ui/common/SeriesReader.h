#pragma once
// Reads metric series from a project into the pyramids MetricSeriesStore holds: a run's whole
// series straight from the (run_id, key, step) index, or its stored summary (a finished run's
// first draw). Runs on the store's worker threads, never on the GUI thread.
#include "flightdeck/series/SeriesPyramid.h"
#include "flightdeck/store/Records.h"

#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace flightdeck::store {
class Project;
}

namespace flightdeck::ui {

// What a curve's x is. Relative time: seconds since the run started.
enum class XAxis { Step, Epoch, RelativeTime, WallTime };

struct SeriesKey {
    qint64 runId = 0;
    std::string key;   // "train/loss", ...
    XAxis axis = XAxis::Step;
    bool operator<(const SeriesKey& o) const
    {
        if (runId != o.runId) return runId < o.runId;
        if (axis != o.axis) return axis < o.axis;
        return key < o.key;
    }
    bool operator==(const SeriesKey& o) const
    {
        return runId == o.runId && axis == o.axis && key == o.key;
    }
};

// One series as drawn: its pyramid and where it ends, so streamed points continue it.
struct HeldSeries {
    series::SeriesPyramid pyramid;
    std::int64_t lastStep = -1;
    double lastX = 0;
    double lastValue = 0;
};

// A read task's result: the series it built and the start time (relative time's t0) per run.
struct LoadedSeries {
    std::map<SeriesKey, HeldSeries> series;
    std::map<qint64, double> startTimes;
};

class SeriesReader {
public:
    // `known`: start times already held, not read again. Null when cancelled.
    static std::shared_ptr<LoadedSeries> readWhole(store::Project& project, const std::vector<SeriesKey>& keys,
                                                   const std::map<qint64, double>& known,
                                                   const std::atomic<bool>& cancel);
    // Only the keys whose run has a stored summary; null when cancelled.
    static std::shared_ptr<LoadedSeries> readSummaries(store::Project& project, const std::vector<SeriesKey>& keys,
                                                       const std::map<qint64, double>& known,
                                                       const std::atomic<bool>& cancel);
    // Adds a point to a series; false when its step goes back (the series must be re-read).
    static bool add(HeldSeries& held, const store::MetricRecord& point, XAxis axis, double t0);
};

}  // namespace flightdeck::ui
