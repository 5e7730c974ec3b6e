#include "flightdeck/monitor/AlertCheck.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/monitor/DriftWindows.h"
#include "flightdeck/monitor/WindowAggregator.h"
#include "ReadStatsJson.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>

namespace flightdeck::monitor {

namespace {

using nlohmann::json;

[[noreturn]] void needs(const AlertRule& rule, const std::string& what)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, rule.name,
                          "the rule's " + std::string(alertMetricName(rule.metric)) + " needs "
                              + what});
}

// What one window width measures.
struct Width {
    std::unique_ptr<WindowAggregator> windows;
    std::unique_ptr<DriftWindows> drift;
    std::unique_ptr<PerformanceEstimator> estimate;
};

bool isDrift(AlertMetric m)
{
    return metricNeedsFeature(m) || m == AlertMetric::DriftShare;
}

}  // namespace

AlertCheck checkAlerts(const std::filesystem::path& log, const std::vector<AlertRule>& rules,
                       const AlertCheckOptions& options, const std::atomic<bool>* cancel)
{
    const ReferenceSample* ref = options.reference;
    std::map<double, Width> widths;
    for (const AlertRule& rule : rules) {
        if (!rule.enabled)
            continue;
        if (metricNeedsReference(rule.metric) && !ref)
            needs(rule, "a reference (--reference)");
        if (metricNeedsFeature(rule.metric)
            && std::find(ref->features.begin(), ref->features.end(), rule.feature)
                   == ref->features.end())
            needs(rule, "a feature the reference has; \"" + rule.feature + "\" is not one of its "
                            + std::to_string(ref->features.size()) + " columns");
        if (rule.metric == AlertMetric::Accuracy && options.groundTruth.empty())
            needs(rule, "ground truth (--ground-truth)");
        if (rule.metric == AlertMetric::EstimatedAccuracy && !options.calibration)
            needs(rule, "a calibration (--calibration)");
        Width& w = widths[rule.windowSeconds];
        if (!w.windows) {
            WindowOptions wo;
            wo.widthSeconds = rule.windowSeconds;
            wo.trackAccuracy = !options.groundTruth.empty();
            w.windows = std::make_unique<WindowAggregator>(wo);
        }
        if (isDrift(rule.metric) && !w.drift) {
            DriftWindowOptions d;
            d.windowSeconds = rule.windowSeconds;
            d.latenessWindows = options.latenessWindows;
            d.maxValuesPerColumn = options.maxValuesPerColumn;
            d.drift = options.drift;
            w.drift = std::make_unique<DriftWindows>(*ref, d);
        }
        if (rule.metric == AlertMetric::EstimatedAccuracy && !w.estimate)
            w.estimate = std::make_unique<PerformanceEstimator>(
                *options.calibration, rule.windowSeconds, options.estimateLevel);
    }

    AlertCheck check;
    check.complete = [&] {
        auto onRecord = [&](const PredictionRecord& r) {
            for (auto& [width, w] : widths) {
                w.windows->add(r);
                if (w.drift)
                    w.drift->add(r);
                if (w.estimate)
                    w.estimate->add(r);
            }
        };
        std::error_code ec;
        return std::filesystem::is_directory(log, ec)
                   ? readLogFolder(log, options.read, onRecord, check.read, cancel)
                   : readLog(log, options.read, onRecord, check.read, cancel);
    }();
    check.complete = check.complete && check.read.whole();
    if (!options.groundTruth.empty()) {
        ReadStats truthStats;
        readGroundTruth(options.groundTruth, options.groundTruthMapping,
                        [&](const std::string& id, const std::string& label) {
                            for (auto& [width, w] : widths)
                                w.windows->addGroundTruth(id, label);
                        },
                        truthStats, cancel);
    }

    for (auto& [width, w] : widths) {
        std::map<double, MetricWindow> byStart;
        for (const WindowStats& s : w.windows->windows()) {
            MetricWindow& m = byStart[s.start];
            m.start = s.start;
            m.width = width;
            m.stats = s;
        }
        if (w.drift) {
            for (DriftWindowResult& d : w.drift->finish()) {
                MetricWindow& m = byStart[d.start];
                m.start = d.start;
                m.width = width;
                m.drift = std::move(d.drift);
            }
            check.lateRecords += w.drift->late();
        }
        if (w.estimate)
            for (const EstimateWindow& e : w.estimate->windows()) {
                MetricWindow& m = byStart[e.start];
                m.start = e.start;
                m.width = width;
                m.estimate = e;
            }
        for (auto& [start, m] : byStart)
            check.inputs.windows.push_back(std::move(m));
    }
    if (ref)
        for (const DriftColumn& c : ref->columns)
            if (c.name == "prediction" && c.categorical && !c.labels.empty()) {
                for (const std::string& label : c.labels)
                    check.inputs.referenceClassShares[label] += 1;
                for (auto& [label, share] : check.inputs.referenceClassShares)
                    share /= static_cast<double>(c.labels.size());
            }
    check.results = evaluateAlerts(rules, check.inputs);
    return check;
}

std::string toJson(const AlertCheck& check)
{
    json alerts = json::array();
    int firing = 0;
    for (const AlertResult& r : check.results) {
        json list = json::array();
        for (const AlertFiring& f : r.firing)
            list.push_back({{"start", f.start},
                            {"end", f.end},
                            {"value", f.value},
                            {"start_iso", isoTimeUtc(f.start)}});
        json a = json::parse(toJson(r.rule));
        a["firing"] = std::move(list);
        a["windows"] = r.windows;
        a["windows_without_value"] = r.withoutValue;
        if (!r.note.empty())
            a["note"] = r.note;
        firing += !r.firing.empty();
        alerts.push_back(std::move(a));
    }
    return json{{"alerts", std::move(alerts)},
                {"firing", firing},
                {"late_records", check.lateRecords},
                {"complete", check.complete},
                {"read", detail::readStatsJson(check.read)}}
        .dump();
}

}  // namespace flightdeck::monitor
