#include "flightdeck/monitor/AlertRules.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace flightdeck::monitor {

namespace {

using nlohmann::json;

constexpr std::array<AlertMetric, 12> kMetrics = {
    AlertMetric::LatencyP50,       AlertMetric::LatencyP95,  AlertMetric::LatencyP99,
    AlertMetric::ErrorRate,        AlertMetric::RequestRate, AlertMetric::DriftShare,
    AlertMetric::FeaturePsi,       AlertMetric::FeatureStatistic, AlertMetric::FeatureScore,
    AlertMetric::PredictionShift,  AlertMetric::Accuracy,    AlertMetric::EstimatedAccuracy};
constexpr std::array<Comparison, 4> kComparisons = {Comparison::Greater, Comparison::GreaterEqual,
                                                    Comparison::Less, Comparison::LessEqual};

class RuleParser {
public:
    RuleParser(std::string where, std::string prefix)
        : where_(std::move(where)), prefix_(std::move(prefix))
    {
    }
    [[noreturn]] void fail(const std::string& key, const std::string& detail) const
    {
        throw Error(ErrorInfo{ErrorCode::BadValue, where_, 0,
                              prefix_.empty() ? key : prefix_ + "." + key, detail});
    }

    AlertRule parse(const json& j) const
    {
        if (!j.is_object())
            fail("", "expected an object {\"name\", \"metric\", \"op\", \"threshold\", \"window\"}");
        static const std::set<std::string> known{"name", "metric", "feature", "op",
                                                 "threshold", "window", "enabled"};
        for (const auto& item : j.items())
            if (!known.count(item.key()))
                fail(item.key(), "unknown key (expected name, metric, feature, op, threshold, "
                                 "window, enabled)");
        AlertRule r;
        r.name = text(j, "name");
        if (r.name.empty())
            fail("name", "expected a non-empty name");
        const std::string metric = text(j, "metric");
        const auto m = std::find_if(kMetrics.begin(), kMetrics.end(),
                                    [&](AlertMetric x) { return metric == alertMetricName(x); });
        if (m == kMetrics.end()) {
            std::string names;
            for (AlertMetric x : kMetrics)
                names += (names.empty() ? "" : ", ") + std::string(alertMetricName(x));
            fail("metric", "expected one of " + names + ", got \"" + metric + "\"");
        }
        r.metric = *m;
        if (metricNeedsFeature(r.metric)) {
            r.feature = text(j, "feature");
            if (r.feature.empty())
                fail("feature", "expected the feature's name");
        } else if (j.contains("feature")) {
            fail("feature", std::string("only feature_psi, feature_statistic and feature_score "
                                        "name a feature, not ") + metric);
        }
        const std::string op = text(j, "op");
        const auto c = std::find_if(kComparisons.begin(), kComparisons.end(),
                                    [&](Comparison x) { return op == comparisonName(x); });
        if (c == kComparisons.end())
            fail("op", "expected >, >=, < or <=, got \"" + op + "\"");
        r.op = *c;
        const json& t = field(j, "threshold");
        if (!t.is_number() || !std::isfinite(t.get<double>()))
            fail("threshold", "expected a finite number");
        r.threshold = t.get<double>();
        r.windowSeconds = window(field(j, "window"));
        if (j.contains("enabled")) {
            if (!j["enabled"].is_boolean())
                fail("enabled", "expected true or false");
            r.enabled = j["enabled"].get<bool>();
        }
        return r;
    }

private:
    const json& field(const json& j, const char* key) const
    {
        if (!j.contains(key))
            fail(key, "missing");
        return j[key];
    }
    std::string text(const json& j, const char* key) const
    {
        const json& v = field(j, key);
        if (!v.is_string())
            fail(key, "expected text");
        return v.get<std::string>();
    }
    // Seconds, or "<number><unit>" with s, m, h or d.
    double window(const json& v) const
    {
        double seconds = 0;
        if (v.is_number()) {
            seconds = v.get<double>();
        } else if (v.is_string()) {
            const std::string s = v.get<std::string>();
            std::size_t used = 0;
            double n = 0;
            try {
                n = std::stod(s, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            const std::string unit = used > 0 ? s.substr(used) : "?";
            const double scale = unit == "s" || unit.empty() ? 1
                                 : unit == "m"                ? 60
                                 : unit == "h"                ? 3600
                                 : unit == "d"                ? 86400
                                                              : 0;
            if (scale == 0)
                fail("window", "expected seconds or a number with s, m, h or d (\"5m\"), got \""
                                   + s + "\"");
            seconds = n * scale;
        } else {
            fail("window", "expected seconds or text such as \"5m\"");
        }
        if (!(seconds >= 1 && seconds <= 31 * 86400.0))
            fail("window", "expected 1 s .. 31 days, got " + nlohmann::json(seconds).dump() + " s");
        return seconds;
    }

    std::string where_, prefix_;
};

const ColumnDrift* findColumn(const DriftResult& d, const std::string& name)
{
    for (const ColumnDrift& c : d.columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

}  // namespace

const char* alertMetricName(AlertMetric metric)
{
    switch (metric) {
    case AlertMetric::LatencyP50: return "latency_p50";
    case AlertMetric::LatencyP95: return "latency_p95";
    case AlertMetric::LatencyP99: return "latency_p99";
    case AlertMetric::ErrorRate: return "error_rate";
    case AlertMetric::RequestRate: return "request_rate";
    case AlertMetric::DriftShare: return "drift_share";
    case AlertMetric::FeaturePsi: return "feature_psi";
    case AlertMetric::FeatureStatistic: return "feature_statistic";
    case AlertMetric::FeatureScore: return "feature_score";
    case AlertMetric::PredictionShift: return "prediction_shift";
    case AlertMetric::Accuracy: return "accuracy";
    case AlertMetric::EstimatedAccuracy: return "estimated_accuracy";
    }
    return "?";
}

bool metricNeedsFeature(AlertMetric m)
{
    return m == AlertMetric::FeaturePsi || m == AlertMetric::FeatureStatistic
           || m == AlertMetric::FeatureScore;
}

bool metricNeedsReference(AlertMetric m)
{
    return metricNeedsFeature(m) || m == AlertMetric::DriftShare
           || m == AlertMetric::PredictionShift;
}

const char* comparisonName(Comparison op)
{
    switch (op) {
    case Comparison::Greater: return ">";
    case Comparison::GreaterEqual: return ">=";
    case Comparison::Less: return "<";
    case Comparison::LessEqual: return "<=";
    }
    return "?";
}

bool compare(double v, Comparison op, double t)
{
    switch (op) {
    case Comparison::Greater: return v > t;
    case Comparison::GreaterEqual: return v >= t;
    case Comparison::Less: return v < t;
    case Comparison::LessEqual: return v <= t;
    }
    return false;
}

AlertRule parseAlertRule(std::string_view text, const std::string& where)
{
    return RuleParser(where, {}).parse(parseJson(std::string(text), where));
}

std::vector<AlertRule> parseAlertRules(std::string_view text, const std::string& where)
{
    const json doc = parseJson(std::string(text), where);
    const json* list = &doc;
    if (doc.is_object()) {
        if (!doc.contains("rules") || doc.size() != 1)
            throw Error(ErrorInfo{ErrorCode::BadValue, where, 0, "rules",
                                  "expected {\"rules\": [...]} or an array of rules"});
        list = &doc["rules"];
    }
    if (!list->is_array())
        throw Error(ErrorInfo{ErrorCode::BadValue, where, 0, "rules", "expected an array"});
    std::vector<AlertRule> rules;
    std::set<std::string> names;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const RuleParser parser(where, "rules[" + std::to_string(i) + "]");
        rules.push_back(parser.parse((*list)[i]));
        if (!names.insert(rules.back().name).second)
            parser.fail("name", "\"" + rules.back().name + "\" names an earlier rule too");
    }
    return rules;
}

std::string toJson(const AlertRule& r)
{
    json j{{"name", r.name},
           {"metric", alertMetricName(r.metric)},
           {"op", comparisonName(r.op)},
           {"threshold", r.threshold},
           {"window", r.windowSeconds},
           {"enabled", r.enabled}};
    if (metricNeedsFeature(r.metric))
        j["feature"] = r.feature;
    return j.dump();
}

std::optional<double> metricValue(const AlertRule& rule, const MetricWindow& w,
                                  const AlertInputs& inputs)
{
    const WindowStats* s = w.stats ? &*w.stats : nullptr;
    switch (rule.metric) {
    case AlertMetric::LatencyP50:
    case AlertMetric::LatencyP95:
    case AlertMetric::LatencyP99:
        if (!s || s->latencyCount == 0)
            return std::nullopt;
        return rule.metric == AlertMetric::LatencyP50   ? s->latencyP50
               : rule.metric == AlertMetric::LatencyP95 ? s->latencyP95
                                                        : s->latencyP99;
    case AlertMetric::ErrorRate:
        if (!s || s->requests == 0)
            return std::nullopt;
        return static_cast<double>(s->errors) / static_cast<double>(s->requests);
    case AlertMetric::RequestRate:
        if (!s)
            return std::nullopt;
        return s->requestsPerSecond;
    case AlertMetric::DriftShare:
        if (!w.drift || w.drift->evaluated == 0)
            return std::nullopt;
        return w.drift->share;
    case AlertMetric::FeaturePsi:
    case AlertMetric::FeatureStatistic:
    case AlertMetric::FeatureScore: {
        const ColumnDrift* c = w.drift ? findColumn(*w.drift, rule.feature) : nullptr;
        if (!c || !c->evaluated)
            return std::nullopt;
        const std::optional<double> v = rule.metric == AlertMetric::FeaturePsi ? c->psi
                                        : rule.metric == AlertMetric::FeatureStatistic
                                            ? std::optional<double>(c->statistic)
                                            : std::optional<double>(c->score);
        if (!v || std::isnan(*v))
            return std::nullopt;
        return v;
    }
    case AlertMetric::PredictionShift: {
        if (!s || inputs.referenceClassShares.empty())
            return std::nullopt;
        std::int64_t total = 0;
        for (const auto& [cls, n] : s->predictions)
            total += cls.empty() ? 0 : n;   // error records carry no prediction
        if (total == 0)
            return std::nullopt;
        double shift = 0;
        for (const auto& [cls, share] : inputs.referenceClassShares) {
            const auto it = s->predictions.find(cls);
            const double now = it == s->predictions.end() ? 0 : double(it->second) / double(total);
            shift = std::max(shift, std::fabs(now - share));
        }
        for (const auto& [cls, n] : s->predictions)
            if (!cls.empty() && !inputs.referenceClassShares.count(cls))
                shift = std::max(shift, double(n) / double(total));
        return shift;
    }
    case AlertMetric::Accuracy:
        if (!s || s->labeled == 0)
            return std::nullopt;
        return s->accuracy;
    case AlertMetric::EstimatedAccuracy:
        if (!w.estimate || w.estimate->records == 0)
            return std::nullopt;
        return w.estimate->expectedAccuracy;
    }
    return std::nullopt;
}

std::vector<AlertResult> evaluateAlerts(const std::vector<AlertRule>& rules,
                                        const AlertInputs& inputs)
{
    std::vector<AlertResult> out;
    for (const AlertRule& rule : rules) {
        if (!rule.enabled)
            continue;
        AlertResult r;
        r.rule = rule;
        bool featureSeen = false;
        for (const MetricWindow& w : inputs.windows) {
            if (w.width != rule.windowSeconds)
                continue;
            ++r.windows;
            if (metricNeedsFeature(rule.metric) && w.drift && findColumn(*w.drift, rule.feature))
                featureSeen = true;
            const std::optional<double> v = metricValue(rule, w, inputs);
            if (!v) {
                ++r.withoutValue;
                continue;
            }
            if (compare(*v, rule.op, rule.threshold))
                r.firing.push_back({w.start, w.start + w.width, *v});
        }
        if (metricNeedsFeature(rule.metric) && !featureSeen)
            r.note = "feature \"" + rule.feature + "\" is not in the drift results";
        std::sort(r.firing.begin(), r.firing.end(),
                  [](const AlertFiring& a, const AlertFiring& b) { return a.start < b.start; });
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace flightdeck::monitor
