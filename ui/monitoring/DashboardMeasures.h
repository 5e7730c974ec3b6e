#pragma once
// The dashboard's measurements over kept records (DashboardEngine's helpers), each through
// core/monitor's own engines (DriftWindows, PerformanceEstimator, WindowAggregator,
// evaluateAlerts) so the panel agrees with `flightdeck-cli monitor drift|check`.
#include "monitoring/DashboardSnapshot.h"
#include "monitoring/LogRecords.h"

#include "flightdeck/monitor/ReferenceSample.h"

#include <string>
#include <utility>
#include <vector>

namespace flightdeck::ui {

using GroundTruth = std::vector<std::pair<std::string, std::string>>;

DriftSeries driftSeries(const LogRecords& records, const flightdeck::monitor::ReferenceSample& reference,
                        double width);
// Drift of the records in [from, to) as one sample.
flightdeck::monitor::DriftResult rangeDrift(const LogRecords& records,
                                            const flightdeck::monitor::ReferenceSample& reference,
                                            double from, double to);
// Reference vs current shares of every reference column over [from, to).
std::vector<FeatureDistribution> distributions(const LogRecords& records,
                                               const flightdeck::monitor::ReferenceSample& reference,
                                               double from, double to);
AccuracySeries accuracySeries(const LogRecords& records,
                              const flightdeck::monitor::ConfidenceCalibration* calibration,
                              const GroundTruth& truth, double width);
// Rules that need a reference, ground truth or a calibration that is not there get a note.
std::vector<AlertState> evaluateRules(const LogRecords& records,
                                      const std::vector<flightdeck::monitor::AlertRule>& rules,
                                      const flightdeck::monitor::ReferenceSample* reference,
                                      const flightdeck::monitor::ConfidenceCalibration* calibration,
                                      const GroundTruth& truth);

}  // namespace flightdeck::ui
