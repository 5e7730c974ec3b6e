#include "CardEvaluation.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/eval/Bootstrap.h"
#include "flightdeck/eval/Classification.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace flightdeck::exporting::card {

namespace {

using nlohmann::json;

// Two-sided normal quantile for kConfidence (scipy.stats.norm.ppf(0.975)).
constexpr double kZ = 1.959963984540054;

std::string num(double v, int decimals = 4)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Both report formats: a number; RunEvaluator's {"undefined": reason}; core/eval's null with a
// sibling "<key>_reason".
eval::Metric metricField(const json& doc, const std::string& key)
{
    if (!doc.contains(key))
        return eval::Metric::undefined("not in the report");
    const json& v = doc[key];
    if (v.is_number())
        return eval::Metric::of(v.get<double>());
    if (v.is_object() && v.contains("undefined") && v["undefined"].is_string())
        return eval::Metric::undefined(v["undefined"].get<std::string>());
    const std::string reasonKey = key + "_reason";
    if (doc.contains(reasonKey) && doc[reasonKey].is_string())
        return eval::Metric::undefined(doc[reasonKey].get<std::string>());
    return eval::Metric::undefined("not a number in the report");
}

std::optional<Interval> definedInterval(const eval::ConfidenceInterval& ci)
{
    if (!ci.lower.defined || !ci.upper.defined)
        return std::nullopt;
    return Interval{ci.lower.value, ci.upper.value};
}

std::string bootstrapWords(std::size_t rows, const std::string& what)
{
    return "percentile bootstrap (core/eval) over " + what + " (" + std::to_string(rows) +
           " rows, " + std::to_string(kBootstrapResamples) + " resamples, seed " +
           std::to_string(kBootstrapSeed) + ")";
}

// 1. Intervals already in the report (core/eval's "confidence_intervals" object).
bool readStoredIntervals(const json& doc, EvaluationView& view)
{
    if (!doc.contains("confidence_intervals") || !doc["confidence_intervals"].is_object())
        return false;
    const json& ci = doc["confidence_intervals"];
    if (!ci.contains("metrics") || !ci["metrics"].is_object())
        return false;
    for (const auto& [name, entry] : ci["metrics"].items()) {
        if (!entry.is_object())
            continue;
        MetricRow row{name, metricField(entry, "estimate"), std::nullopt, "stored"};
        const eval::Metric lo = metricField(entry, "lower"), hi = metricField(entry, "upper");
        if (lo && hi)
            row.interval = Interval{lo.value, hi.value};
        view.metrics.push_back(std::move(row));
    }
    const double confidence = ci.value("confidence", 0.0);
    view.methods.push_back(
        "Intervals as stored in the evaluation report: " + ci.value("method", std::string("?")) +
        ", " + std::to_string(ci.value("resamples", 0)) + " resamples, confidence " +
        num(confidence, 2) + ", seed " + std::to_string(ci.value("seed", 0)) + ".");
    if (confidence != kConfidence)
        view.warnings.push_back("The stored intervals are at confidence " + num(confidence, 2) +
                                ", not 0.95.");
    return true;
}

// 2. Per-sample predictions: bootstrap every headline metric.
void bootstrapPredictions(const eval::Predictions& p, EvaluationView& view)
{
    std::vector<std::string> names;
    if (view.regression)
        names = {"rmse", "mae", "r2"};
    else if (p.probs.empty())
        names = {"accuracy", "f1_macro"};
    else
        names = {"accuracy", "f1_macro", "roc_auc", "log_loss"};
    const eval::BootstrapOptions options{kBootstrapResamples, kConfidence, kBootstrapSeed};
    for (const auto& name : names) {
        const auto ci = eval::bootstrap(p, eval::namedMetric(name), options);
        view.metrics.push_back({name, ci.estimate, definedInterval(ci), "bootstrap"});
    }
    view.methods.push_back("Metric intervals: " +
                           bootstrapWords(p.size(), "the per-sample predictions") + ".");
}

struct Counts {
    std::int64_t correct = 0;
    std::vector<std::int64_t> diagonal, predicted;   // per class
};

Counts counts(const eval::ClassificationReport& r)
{
    Counts k;
    k.diagonal.assign(static_cast<std::size_t>(r.numClasses), 0);
    k.predicted.assign(static_cast<std::size_t>(r.numClasses), 0);
    for (const auto& c : r.cells) {
        k.predicted[static_cast<std::size_t>(c.p)] += c.count;
        if (c.t == c.p) {
            k.correct += c.count;
            k.diagonal[static_cast<std::size_t>(c.t)] += c.count;
        }
    }
    return k;
}

void perClassWilson(const Counts& k, EvaluationView& view)
{
    for (std::size_t c = 0; c < view.classes.size() && c < k.diagonal.size(); ++c) {
        view.classes[c].recallInterval = wilson(k.diagonal[c], view.classes[c].support);
        view.classes[c].precisionInterval = wilson(k.diagonal[c], k.predicted[c]);
    }
}

// 3. Confusion counts: Wilson for proportions, bootstrap over the rebuilt pairs for macro F1.
void countIntervals(const eval::ClassificationReport& r, EvaluationView& view)
{
    std::vector<std::int32_t> truth, pred;
    truth.reserve(static_cast<std::size_t>(std::max<std::int64_t>(r.samples, 0)));
    pred.reserve(truth.capacity());
    for (const auto& c : r.cells) {
        truth.insert(truth.end(), static_cast<std::size_t>(c.count), c.t);
        pred.insert(pred.end(), static_cast<std::size_t>(c.count), c.p);
    }
    const Counts k = counts(r);
    view.metrics.push_back({"accuracy", eval::Metric::of(r.accuracy),
                            wilson(k.correct, static_cast<std::int64_t>(truth.size())), "Wilson"});

    // Over every class, as the report's own macro F1 (a class absent from a resample scores 0).
    eval::PrfOptions all;
    for (int c = 0; c < r.numClasses; ++c)
        all.labels.push_back(c);
    std::vector<std::int32_t> t, p;
    const auto macroF1 = [&](const std::vector<std::size_t>& rows) {
        t.clear();
        p.clear();
        for (auto i : rows) {
            t.push_back(truth[i]);
            p.push_back(pred[i]);
        }
        return eval::precisionRecallF1(t, p, r.numClasses, all).macro.f1;
    };
    const auto ci = eval::bootstrap(truth.size(), macroF1,
                                    {kBootstrapResamples, kConfidence, kBootstrapSeed});
    view.metrics.push_back({"f1_macro", eval::Metric::of(r.macroF1), definedInterval(ci),
                            "bootstrap"});
    perClassWilson(k, view);
    view.methods.push_back(
        "Accuracy and per-class recall and precision: Wilson score intervals from the counts "
        "in the stored confusion matrix (the report holds neither intervals nor per-sample "
        "predictions).");
    view.methods.push_back("Macro F1: " +
                           bootstrapWords(truth.size(), "the (true, predicted) pairs rebuilt "
                                                        "from the confusion matrix, which label "
                                                        "metrics depend on alone") +
                           ".");
}

void readClassification(const store::EvaluationRecord& record, const json& doc,
                        const std::optional<eval::Predictions>& predictions, bool usePredictions,
                        EvaluationView& view)
{
    std::vector<std::string> names;
    const auto r = eval::reportFromJson(record.reportJson, &names);
    view.samples = r.samples;
    for (int c = 0; c < r.numClasses; ++c) {
        const auto uc = static_cast<std::size_t>(c);
        view.classes.push_back({uc < names.size() ? names[uc] : std::to_string(c),
                                r.precision.at(uc), r.recall.at(uc), r.f1.at(uc),
                                r.support.at(uc), std::nullopt, std::nullopt});
    }
    if (readStoredIntervals(doc, view))
        return;
    if (usePredictions) {
        bootstrapPredictions(*predictions, view);
        // Per-class proportions keep their closed form.
        perClassWilson(counts(r), view);
        view.methods.push_back("Per-class recall and precision: Wilson score intervals from "
                               "the stored counts.");
        return;
    }
    countIntervals(r, view);
}

void readRegression(const json& doc, const std::optional<eval::Predictions>& predictions,
                    bool usePredictions, EvaluationView& view)
{
    if (doc.contains("samples") && doc["samples"].is_number_integer())
        view.samples = doc["samples"].get<std::int64_t>();
    if (readStoredIntervals(doc, view))
        return;
    if (usePredictions) {
        bootstrapPredictions(*predictions, view);
        view.metrics.push_back({"mape", metricField(doc, "mape"), std::nullopt, "none"});
        return;
    }
    for (const char* key : {"rmse", "mae", "r2", "mape", "explained_variance"})
        view.metrics.push_back({key, metricField(doc, key), std::nullopt, "none"});
    view.methods.push_back(
        "No intervals: the stored regression report holds neither intervals nor per-sample "
        "predictions, and RMSE, MAE and R² have no interval from summary values alone.");
}

}  // namespace

std::optional<Interval> wilson(std::int64_t successes, std::int64_t trials)
{
    if (trials <= 0 || successes < 0 || successes > trials)
        return std::nullopt;
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = kZ * kZ;
    const double denom = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denom;
    const double half = kZ / denom * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return Interval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

EvaluationView readEvaluation(const store::EvaluationRecord& record, bool regression,
                              const std::optional<eval::Predictions>& predictions)
{
    EvaluationView view;
    view.regression = regression;
    view.split = record.split;
    view.createdAt = record.createdAt;
    json doc;
    try {
        doc = parseJson(record.reportJson, "evaluation report");
    } catch (const Error& e) {
        view.warnings.push_back(std::string("The stored evaluation report could not be read: ") +
                                e.what());
        return view;
    }
    if (doc.is_object() && doc.value("task", std::string()) == "regression")
        view.regression = true;
    const std::int64_t reportSamples =
        doc.is_object() && doc.contains("samples") && doc["samples"].is_number_integer()
            ? doc["samples"].get<std::int64_t>()
            : -1;
    bool usePredictions = false;
    if (predictions) {
        const bool sameTask = (predictions->task == eval::Task::Regression) == view.regression;
        const auto n = static_cast<std::int64_t>(predictions->size());
        usePredictions = sameTask && n > 0 && (reportSamples < 0 || reportSamples == n);
        if (!usePredictions)
            view.warnings.push_back(
                "The per-sample predictions given (" + std::to_string(n) + " rows" +
                (sameTask ? "" : ", another task") + ") do not match the report (" +
                std::to_string(reportSamples) + " samples); they were not used.");
    }
    try {
        if (view.regression)
            readRegression(doc, predictions, usePredictions, view);
        else
            readClassification(record, doc, predictions, usePredictions, view);
    } catch (const Error& e) {
        view.warnings.push_back(std::string("The stored evaluation report could not be read: ") +
                                e.what());
    }
    return view;
}

}  // namespace flightdeck::exporting::card
