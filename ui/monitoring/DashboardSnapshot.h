#pragma once
// Everything the monitoring dashboard shows, computed in one go on its worker thread and handed
// to the GUI thread as an immutable value: the operational windows, drift per window and over
// the brushed range, reference vs current distributions, the label-free accuracy estimate and
// the alert rules' firing windows. Plain C++, no Qt.
#include "monitoring/LogAnalysis.h"

#include "flightdeck/monitor/AlertRules.h"
#include "flightdeck/monitor/DriftReport.h"
#include "flightdeck/monitor/PerformanceEstimate.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::ui {

// One column's reference vs current shares: numeric columns over `edges` (bins), categorical
// ones (and the predictions) per category.
struct FeatureDistribution {
    std::string name;
    bool categorical = false;
    std::vector<double> edges;              // numeric: bins + 1 edges
    std::vector<std::string> categories;    // categorical
    std::vector<double> reference, current; // shares, one per bin / category
    std::int64_t referenceCount = 0, currentCount = 0;
};

// Drift of consecutive windows of one width over the whole log (sparklines, the share plot).
struct DriftSeries {
    double width = 0;
    std::vector<double> starts;
    std::vector<std::int64_t> rows;
    std::vector<double> share;                             // NaN where nothing was evaluated
    std::map<std::string, std::vector<double>> statistic;  // per column, NaN where not evaluated
    std::map<std::string, std::vector<double>> psi;
};

struct AccuracySeries {
    bool calibrated = false;                 // the reference carries a calibration
    std::vector<flightdeck::monitor::EstimateWindow> estimate;
    std::vector<double> realizedStarts, realized;   // windows with ground truth
};

struct AlertState {
    flightdeck::monitor::AlertResult result;
    bool firingNow = false;   // the rule's latest window with a value satisfied it
};

struct DashboardSnapshot {
    std::uint64_t generation = 0;
    std::shared_ptr<const LogAnalysis> log;   // null before the first read
    std::string logError;                     // the log could not be read at all
    int rotations = 0, truncations = 0;

    // The reference.
    bool hasReference = false;
    std::string referenceSource, referenceKind, referenceError;
    std::int64_t referenceRows = 0;
    std::vector<std::string> referenceFeatures;

    // The log against the reference; drift is left out when they do not match.
    std::string mismatch;
    std::vector<std::string> notes;   // e.g. columns not tested and why

    // The brushed range (whole log when !ranged) and its drift.
    bool ranged = false;
    double rangeStart = 0, rangeEnd = 0;
    std::int64_t rangeRows = 0;
    std::optional<flightdeck::monitor::DriftResult> rangeDrift;
    std::vector<FeatureDistribution> distributions;   // features, then "prediction"

    DriftSeries drift;
    AccuracySeries accuracy;
    std::vector<AlertState> alerts;
    int firingNow() const {
        int n = 0;
        for (const AlertState& a : alerts)
            n += a.firingNow ? 1 : 0;
        return n;
    }
};

}  // namespace flightdeck::ui
