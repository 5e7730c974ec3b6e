#pragma once
// Alert rules: "p99 latency > 50 ms over 5 min", "a feature's PSI > 0.2 over an hour". A rule
// is evaluated on every window of its own width; it fires in each window whose value satisfies
// the comparison. A window without a value for the metric (no latencies, no labels, no drift
// result) neither fires nor clears; it is counted.
//
// JSON, one rule (the project's alert_rules.rule_json) or a file {"rules": [...]} / [...]:
//   {"name": "slow", "metric": "latency_p99", "op": ">", "threshold": 50, "window": "5m"}
//   {"name": "age moved", "metric": "feature_psi", "feature": "age", "op": ">=",
//    "threshold": 0.2, "window": 3600, "enabled": true}
// window: seconds (a number) or text with a unit: "90s", "5m", "1h", "1d". Unknown keys are
// refused (a misspelt "treshold" must not pass as a rule without a threshold).
#include "flightdeck/monitor/DriftReport.h"
#include "flightdeck/monitor/PerformanceEstimate.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::monitor {

enum class AlertMetric {
    LatencyP50, LatencyP95, LatencyP99,   // milliseconds
    ErrorRate,                            // errors / requests
    RequestRate,                          // requests per second (an empty window is 0)
    DriftShare,                           // share of drifting columns (needs a reference)
    FeaturePsi,                           // the named feature's PSI
    FeatureStatistic,                     // its test's statistic (KS D, chi-squared, distance)
    FeatureScore,                         // its test's score (p-value for KS / chi-squared)
    PredictionShift,                      // max |class share - reference class share|
    Accuracy,                             // realized, when ground truth is joined
    EstimatedAccuracy,                    // label-free (needs a calibration)
};
const char* alertMetricName(AlertMetric metric);     // "latency_p99", "feature_psi", ...
bool metricNeedsFeature(AlertMetric metric);
bool metricNeedsReference(AlertMetric metric);       // drift metrics and prediction_shift

enum class Comparison { Greater, GreaterEqual, Less, LessEqual };
const char* comparisonName(Comparison op);           // ">", ">=", "<", "<="
bool compare(double value, Comparison op, double threshold);

struct AlertRule {
    std::string name;
    AlertMetric metric = AlertMetric::LatencyP99;
    std::string feature;          // feature metrics only
    Comparison op = Comparison::Greater;
    double threshold = 0;
    double windowSeconds = 300;
    bool enabled = true;
};

// Error(BadValue) with file = where and field = "rules[<i>].<key>" (or "<key>" for one
// rule) saying what was expected. Rule names must be unique within a file.
std::vector<AlertRule> parseAlertRules(std::string_view json, const std::string& where = {});
AlertRule parseAlertRule(std::string_view json, const std::string& where = {});
std::string toJson(const AlertRule& rule);

// One window's measurements at one width.
struct MetricWindow {
    double start = 0, width = 0;
    std::optional<WindowStats> stats;
    std::optional<DriftResult> drift;
    std::optional<EstimateWindow> estimate;
};

struct AlertInputs {
    std::vector<MetricWindow> windows;   // any widths: a rule reads those of its own width
    std::map<std::string, double> referenceClassShares;   // for prediction_shift
};

struct AlertFiring {
    double start = 0, end = 0, value = 0;
};

struct AlertResult {
    AlertRule rule;
    std::vector<AlertFiring> firing;     // in time order
    std::int64_t windows = 0;            // windows of the rule's width
    std::int64_t withoutValue = 0;       // of those, windows where the metric had no value
    std::string note;                    // e.g. "feature \"x\" is not in the drift results"
};

std::optional<double> metricValue(const AlertRule& rule, const MetricWindow& window,
                                  const AlertInputs& inputs);
// Disabled rules are left out.
std::vector<AlertResult> evaluateAlerts(const std::vector<AlertRule>& rules,
                                        const AlertInputs& inputs);

}  // namespace flightdeck::monitor
