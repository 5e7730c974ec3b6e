#include "monitoring/DashboardMeasures.h"

#include "flightdeck/monitor/DriftWindows.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace flightdeck::ui {

namespace monitor = flightdeck::monitor;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void feed(const LogRecords& records, double from, double to,
          const std::function<void(const monitor::PredictionRecord&)>& visit) {
    records.forEach(from, to, visit);
}

std::vector<double> finite(const std::vector<double>& values) {
    std::vector<double> out;
    out.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v))
            out.push_back(v);
    return out;
}

FeatureDistribution numericDistribution(const std::string& name, const std::vector<double>& reference,
                                        const std::vector<double>& current) {
    FeatureDistribution d;
    d.name = name;
    const std::vector<double> ref = finite(reference), cur = finite(current);
    d.referenceCount = static_cast<std::int64_t>(ref.size());
    d.currentCount = static_cast<std::int64_t>(cur.size());
    if (ref.empty() && cur.empty())
        return d;
    double lo = INFINITY, hi = -INFINITY;
    for (const auto* values : {&ref, &cur})
        for (double v : *values) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (hi <= lo)
        hi = lo + 1;
    constexpr int kBins = 24;
    for (int i = 0; i <= kBins; ++i)
        d.edges.push_back(lo + (hi - lo) * i / kBins);
    auto shares = [&](const std::vector<double>& values) {
        std::vector<double> out(kBins, 0.0);
        for (double v : values)
            out[static_cast<std::size_t>(std::clamp(int((v - lo) / (hi - lo) * kBins), 0, kBins - 1))] += 1;
        for (double& share : out)
            share = values.empty() ? 0 : share / double(values.size());
        return out;
    };
    d.reference = shares(ref);
    d.current = shares(cur);
    return d;
}

FeatureDistribution categoricalDistribution(const std::string& name, const std::vector<std::string>& reference,
                                            const std::vector<std::string>& current) {
    FeatureDistribution d;
    d.name = name;
    d.categorical = true;
    std::map<std::string, double> ref, cur;
    for (const auto& v : reference)
        ref[v] += 1;
    for (const auto& v : current)
        if (!v.empty())   // failed requests carry no prediction
            cur[v] += 1;
    d.referenceCount = static_cast<std::int64_t>(reference.size());
    for (const auto& [label, n] : cur)
        d.currentCount += static_cast<std::int64_t>(n);
    std::set<std::string> all;
    for (const auto& [label, n] : ref)
        all.insert(label);
    for (const auto& [label, n] : cur)
        all.insert(label);
    d.categories.assign(all.begin(), all.end());
    std::sort(d.categories.begin(), d.categories.end(), [&](const std::string& a, const std::string& b) {
        return ref[a] != ref[b] ? ref[a] > ref[b] : a < b;
    });
    for (const auto& label : d.categories) {
        d.reference.push_back(d.referenceCount > 0 ? ref[label] / double(d.referenceCount) : 0);
        d.current.push_back(d.currentCount > 0 ? cur[label] / double(d.currentCount) : 0);
    }
    return d;
}

std::map<std::string, double> referenceClassShares(const monitor::ReferenceSample& reference) {
    std::map<std::string, double> shares;
    for (const monitor::DriftColumn& c : reference.columns)
        if (c.name == "prediction" && c.categorical && !c.labels.empty()) {
            for (const std::string& label : c.labels)
                shares[label] += 1;
            for (auto& [label, share] : shares)
                share /= static_cast<double>(c.labels.size());
        }
    return shares;
}

}  // namespace

DriftSeries driftSeries(const LogRecords& records, const monitor::ReferenceSample& reference, double width) {
    DriftSeries series;
    series.width = width;
    monitor::DriftWindowOptions options;
    options.windowSeconds = width;
    monitor::DriftWindows windows(reference, options);
    feed(records, -INFINITY, INFINITY, [&](const monitor::PredictionRecord& r) { windows.add(r); });
    const auto results = windows.finish();
    for (const auto& c : reference.columns) {
        series.statistic[c.name] = {};
        series.psi[c.name] = {};
    }
    for (const monitor::DriftWindowResult& w : results) {
        series.starts.push_back(w.start);
        series.rows.push_back(w.rows);
        series.share.push_back(w.drift.evaluated > 0 ? w.drift.share : kNaN);
        for (auto& [name, values] : series.statistic) {
            const auto it = std::find_if(w.drift.columns.begin(), w.drift.columns.end(),
                                         [&](const monitor::ColumnDrift& c) { return c.name == name; });
            const bool ok = it != w.drift.columns.end() && it->evaluated;
            values.push_back(ok ? it->statistic : kNaN);
            series.psi[name].push_back(ok && it->psi ? *it->psi : kNaN);
        }
    }
    return series;
}

monitor::DriftResult rangeDrift(const LogRecords& records, const monitor::ReferenceSample& reference,
                                double from, double to) {
    monitor::DriftWindowOptions options;
    options.windowSeconds = 0;
    monitor::DriftWindows windows(reference, options);
    feed(records, from, to, [&](const monitor::PredictionRecord& r) { windows.add(r); });
    auto results = windows.finish();
    return results.empty() ? monitor::DriftResult{} : std::move(results.front().drift);
}

std::vector<FeatureDistribution> distributions(const LogRecords& records, const monitor::ReferenceSample& reference,
                                               double from, double to) {
    // Position of each reference feature in a record (by name, or by position for array
    // features, as DriftWindows matches them), per layout: a log can hold records of another
    // shape, which DriftWindows leaves out, and so do these distributions.
    std::map<const std::vector<std::string>*, std::optional<std::vector<int>>> positions;
    auto positionsOf = [&](const monitor::PredictionRecord& r) -> const std::optional<std::vector<int>>& {
        const std::vector<std::string>* names = r.featureNames.get();
        auto it = positions.find(names);
        if (it != positions.end())
            return it->second;
        std::optional<std::vector<int>> p;
        if (!names) {
            if (r.features.size() == reference.features.size()) {
                p.emplace();
                for (std::size_t f = 0; f < reference.features.size(); ++f)
                    p->push_back(static_cast<int>(f));
            }
        } else if (monitor::featureMismatch(reference.features, *names).empty()) {
            p.emplace();
            for (const std::string& wanted : reference.features)
                p->push_back(static_cast<int>(std::find(names->begin(), names->end(), wanted) - names->begin()));
        }
        return positions.emplace(names, std::move(p)).first->second;
    };
    std::vector<std::vector<double>> current(reference.features.size());
    std::vector<std::string> predictions;
    feed(records, from, to, [&](const monitor::PredictionRecord& r) {
        const auto& position = positionsOf(r);
        if (!r.features.empty() && !position)
            return;
        if (position)
            for (std::size_t f = 0; f < position->size(); ++f)
                if (static_cast<std::size_t>((*position)[f]) < r.features.size())
                    current[f].push_back(r.features[static_cast<std::size_t>((*position)[f])]);
        if (!r.error)
            predictions.push_back(r.prediction);
    });
    std::vector<FeatureDistribution> out;
    for (const monitor::DriftColumn& c : reference.columns) {
        if (c.name == "prediction") {
            if (c.categorical)
                out.push_back(categoricalDistribution(c.name, c.labels, predictions));
            else {
                std::vector<double> numbers;
                for (const auto& p : predictions)
                    numbers.push_back(std::strtod(p.c_str(), nullptr));
                out.push_back(numericDistribution(c.name, c.numbers, numbers));
            }
            continue;
        }
        const auto it = std::find(reference.features.begin(), reference.features.end(), c.name);
        const auto f = static_cast<std::size_t>(it - reference.features.begin());
        if (c.categorical) {
            std::vector<std::string> labels;
            if (f < current.size())
                for (double v : current[f])
                    labels.push_back(std::to_string(v));
            out.push_back(categoricalDistribution(c.name, c.labels, labels));
        } else
            out.push_back(numericDistribution(c.name, c.numbers, f < current.size() ? current[f]
                                                                                    : std::vector<double>{}));
    }
    return out;
}

AccuracySeries accuracySeries(const LogRecords& records, const monitor::ConfidenceCalibration* calibration,
                              const GroundTruth& truth, double width) {
    AccuracySeries series;
    series.calibrated = calibration != nullptr;
    if (records.size() == 0)
        return series;
    if (calibration) {
        monitor::PerformanceEstimator estimator(*calibration, width);
        feed(records, -INFINITY, INFINITY, [&](const monitor::PredictionRecord& r) { estimator.add(r); });
        series.estimate = estimator.windows();
    }
    if (!truth.empty()) {
        monitor::WindowOptions options;
        options.widthSeconds = width;
        options.trackAccuracy = true;
        monitor::WindowAggregator windows(options);
        feed(records, -INFINITY, INFINITY, [&](const monitor::PredictionRecord& r) { windows.add(r); });
        for (const auto& [id, label] : truth)
            windows.addGroundTruth(id, label);
        for (const monitor::WindowStats& w : windows.windows())
            if (w.labeled > 0) {
                series.realizedStarts.push_back(w.start);
                series.realized.push_back(w.accuracy);
            }
    }
    return series;
}

std::vector<AlertState> evaluateRules(const LogRecords& records, const std::vector<monitor::AlertRule>& rules,
                                      const monitor::ReferenceSample* reference,
                                      const monitor::ConfidenceCalibration* calibration, const GroundTruth& truth) {
    monitor::AlertInputs inputs;
    std::set<double> widths;
    for (const monitor::AlertRule& rule : rules)
        if (rule.enabled && rule.windowSeconds > 0)
            widths.insert(rule.windowSeconds);
    for (double width : widths) {
        if (records.size() == 0)
            break;
        std::map<double, monitor::MetricWindow> byStart;
        monitor::WindowOptions options;
        options.widthSeconds = width;
        options.trackAccuracy = !truth.empty();
        monitor::WindowAggregator stats(options);
        std::optional<monitor::DriftWindows> drift;
        if (reference) {
            monitor::DriftWindowOptions driftOptions;
            driftOptions.windowSeconds = width;
            drift.emplace(*reference, driftOptions);
        }
        std::optional<monitor::PerformanceEstimator> estimate;
        if (calibration)
            estimate.emplace(*calibration, width);
        feed(records, -INFINITY, INFINITY, [&](const monitor::PredictionRecord& r) {
            stats.add(r);
            if (drift)
                drift->add(r);
            if (estimate)
                estimate->add(r);
        });
        for (const auto& [id, label] : truth)
            stats.addGroundTruth(id, label);
        auto at = [&](double start) -> monitor::MetricWindow& {
            monitor::MetricWindow& m = byStart[start];
            m.start = start;
            m.width = width;
            return m;
        };
        for (const monitor::WindowStats& s : stats.windows())
            at(s.start).stats = s;
        if (drift)
            for (monitor::DriftWindowResult& d : drift->finish())
                at(d.start).drift = std::move(d.drift);
        if (estimate)
            for (const monitor::EstimateWindow& e : estimate->windows())
                at(e.start).estimate = e;
        for (auto& [start, m] : byStart)
            inputs.windows.push_back(std::move(m));
    }
    if (reference)
        inputs.referenceClassShares = referenceClassShares(*reference);
    std::vector<AlertState> out;
    for (monitor::AlertResult& result : monitor::evaluateAlerts(rules, inputs)) {
        AlertState state;
        const monitor::AlertRule& rule = result.rule;
        if (monitor::metricNeedsReference(rule.metric) && !reference && result.note.empty())
            result.note = "needs a reference that matches the log";
        else if (rule.metric == monitor::AlertMetric::EstimatedAccuracy && !calibration && result.note.empty())
            result.note = "needs a reference with a confidence calibration";
        else if (rule.metric == monitor::AlertMetric::Accuracy && truth.empty() && result.note.empty())
            result.note = "needs ground truth";
        // Firing now: the latest window that had a value satisfied the rule (an empty window
        // neither fires nor clears).
        for (const monitor::MetricWindow& w : inputs.windows)
            if (w.width == rule.windowSeconds)
                if (const auto value = monitor::metricValue(rule, w, inputs))
                    state.firingNow = monitor::compare(*value, rule.op, rule.threshold);
        state.result = std::move(result);
        out.push_back(std::move(state));
    }
    return out;
}

}  // namespace flightdeck::ui
