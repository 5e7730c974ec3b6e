// The JSON evaluation report (see Report.h): every metric that fits the predictions.
#include "flightdeck/eval/Report.h"

#include "flightdeck/eval/Bootstrap.h"
#include "flightdeck/eval/Classification.h"
#include "flightdeck/eval/Ranking.h"
#include "flightdeck/eval/Regression.h"
#include "flightdeck/eval/Slices.h"

#include "Numeric.h"

#include <nlohmann/json.hpp>

namespace flightdeck::eval {

namespace {

using nlohmann::json;

void put(json& obj, const std::string& key, const Metric& m)
{
    if (m.defined) {
        obj[key] = m.value;
    } else {
        obj[key] = nullptr;
        obj[key + "_reason"] = m.reason;
    }
}

std::string className(const Predictions& p, std::size_t c)
{
    return c < p.classNames.size() ? p.classNames[c] : std::to_string(c);
}

std::string firstNonFinite(const std::vector<double>& v, std::size_t columns, const char* what)
{
    for (std::size_t i = 0; i < v.size(); ++i)
        if (!std::isfinite(v[i]))
            return std::string(what) + " row " + std::to_string(i / columns)
                   + (columns > 1 ? ", column " + std::to_string(i % columns) : std::string())
                   + ": " + (std::isnan(v[i]) ? "NaN" : "infinite") + " value";
    return {};
}

// Evenly spaced indices into m points, first and last kept.
std::vector<std::size_t> pick(std::size_t m, std::size_t max)
{
    std::vector<std::size_t> idx;
    if (max < 2 || m <= max) {
        for (std::size_t i = 0; i < m; ++i)
            idx.push_back(i);
        return idx;
    }
    for (std::size_t i = 0; i < max; ++i)
        idx.push_back(static_cast<std::size_t>(
            std::llround(static_cast<double>(i) * static_cast<double>(m - 1)
                         / static_cast<double>(max - 1))));
    return idx;
}

json curve(const std::vector<std::pair<const char*, const std::vector<double>*>>& arrays,
           const ReportOptions& o, const char* name, json& warnings)
{
    json out;
    std::size_t m = 0;
    for (const auto& a : arrays)
        m = std::max(m, a.second->size());
    const std::vector<std::size_t> idx = pick(m, o.maxCurvePoints);
    for (const auto& [key, values] : arrays) {
        json arr = json::array();
        for (const std::size_t i : idx)
            if (i < values->size())
                arr.push_back((*values)[i]);
        out[key] = std::move(arr);
    }
    out["points_total"] = m;
    if (idx.size() < m)
        warnings.push_back(std::string(name) + " curve: " + std::to_string(idx.size()) + " of "
                           + std::to_string(m) + " points shown (evenly spaced)");
    return out;
}

json calibrationJson(const CalibrationCurve& c, const ReportOptions& o, const char* kind)
{
    json out{{"kind", kind},
             {"strategy", o.calibrationStrategy == BinStrategy::Uniform ? "uniform" : "quantile"},
             {"bins", o.calibrationBins}};
    if (!c.defined) {
        out["prob_true"] = nullptr;
        out["prob_true_reason"] = c.reason;
        return out;
    }
    out["prob_true"] = c.probTrue;
    out["prob_pred"] = c.probPred;
    out["counts"] = c.counts;
    out["edges"] = c.edges;
    return out;
}

std::vector<double> column(const Predictions& p, std::size_t c)
{
    const auto k = static_cast<std::size_t>(p.numClasses);
    std::vector<double> out(p.truth.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = p.probs[i * k + c];
    return out;
}

void scoreMetrics(const Predictions& p, const ReportOptions& o, json& metrics, json& perClass,
                  json& curves, json& warnings)
{
    const auto k = static_cast<std::size_t>(p.numClasses);
    const std::size_t n = p.truth.size();
    for (std::size_t i = 0; i < n; ++i) {  // np.allclose(1, row sum), as roc_auc_score checks
        const double s = detail::npSum(k, [&](std::size_t c) { return p.probs[i * k + c]; });
        if (!(std::fabs(s - 1) <= 1e-8 + 1e-5)) {
            warnings.push_back("scores of row " + std::to_string(i) + " sum to "
                               + std::to_string(s) + ", not 1: log loss renormalizes each row, "
                               "one-vs-rest AUC ranks the raw scores");
            break;
        }
    }
    put(metrics, "log_loss", logLoss(p.truth, p.probs, p.numClasses));
    put(metrics, "ece", expectedCalibrationError(p.truth, p.probs, p.numClasses, o.eceBins));
    if (k == 2) {
        const std::int32_t pos = p.positiveClass;
        const std::vector<double> s = column(p, static_cast<std::size_t>(pos));
        put(metrics, "roc_auc", rocAuc(p.truth, s, pos));
        put(metrics, "average_precision", averagePrecision(p.truth, s, pos));
        put(metrics, "brier", brierScore(p.truth, s, pos));
        if (o.curves) {
            const RocCurve roc = rocCurve(p.truth, s, pos);
            if (roc.defined)
                curves["roc"] = curve({{"fpr", &roc.fpr}, {"tpr", &roc.tpr},
                                       {"thresholds", &roc.thresholds}}, o, "roc", warnings);
            else
                curves["roc"] = json{{"fpr", nullptr}, {"fpr_reason", roc.reason}};
            const PrCurve pr = precisionRecallCurve(p.truth, s, pos);
            if (pr.defined)
                curves["precision_recall"] =
                    curve({{"precision", &pr.precision}, {"recall", &pr.recall},
                           {"thresholds", &pr.thresholds}}, o, "precision-recall", warnings);
            else
                curves["precision_recall"] =
                    json{{"precision", nullptr}, {"precision_reason", pr.reason}};
            curves["calibration"] = calibrationJson(
                calibrationCurve(p.truth, s, pos, o.calibrationBins, o.calibrationStrategy), o,
                "positive_class");
        }
        return;
    }
    if (k < 2) {
        for (const char* key : {"roc_auc", "average_precision", "brier"})
            put(metrics, key, Metric::undefined("a single class: nothing to rank against"));
        return;
    }
    const OneVsRestRanking ranking = rankingOneVsRest(p.truth, p.probs, p.numClasses);
    const OneVsRest& auc = ranking.rocAuc;
    const OneVsRest& ap = ranking.averagePrecision;
    put(metrics, "roc_auc", auc.macro);
    put(metrics, "roc_auc_weighted", auc.weighted);
    put(metrics, "roc_auc_micro", auc.micro);
    put(metrics, "average_precision", ap.macro);
    put(metrics, "average_precision_weighted", ap.weighted);
    put(metrics, "average_precision_micro", ap.micro);
    if (!auc.note.empty())
        warnings.push_back("one-vs-rest: " + auc.note);
    put(metrics, "brier", brierScoreMulticlass(p.truth, p.probs, p.numClasses));
    for (const int t : o.topK)
        if (t >= 1 && static_cast<std::size_t>(t) < k)
            put(metrics, "top_" + std::to_string(t) + "_accuracy",
                topKAccuracy(p.truth, p.probs, p.numClasses, t));
    for (std::size_t c = 0; c < k; ++c) {
        put(perClass[c], "roc_auc", auc.perClass[c]);
        put(perClass[c], "average_precision", ap.perClass[c]);
    }
    if (o.curves)
        curves["calibration"] = calibrationJson(
            topLabelCalibrationCurve(p.truth, p.probs, p.numClasses, o.calibrationBins,
                                     o.calibrationStrategy),
            o, "top_label");
}

void classification(const Predictions& p, const ReportOptions& o, const ReportContext& ctx,
                    json& out, json& warnings)
{
    detail::checkNumClasses(p.numClasses);
    detail::checkLabels(p.truth, "truth", p.numClasses);
    if (!p.pred.empty()) {
        detail::checkSameLength(p.truth.size(), p.pred.size(), "pred", "true labels");
        detail::checkLabels(p.pred, "pred", p.numClasses);
    }
    const auto k = static_cast<std::size_t>(p.numClasses);
    if (!p.probs.empty() && p.probs.size() != p.truth.size() * k)
        detail::invalidArgument("probs", "expected rows x numClasses values");
    if (k == 2 && (p.positiveClass < 0 || p.positiveClass > 1))
        detail::invalidArgument("positiveClass", "must be 0 or 1 for two classes, got "
                                                     + std::to_string(p.positiveClass));

    json classes = json::array();
    for (std::size_t c = 0; c < k; ++c)
        classes.push_back(className(p, c));
    out["classes"] = classes;
    if (k == 2)
        out["positive_class"] = className(p, static_cast<std::size_t>(p.positiveClass));

    json metrics = json::object(), perClass = json::array(), curves = json::object();
    for (std::size_t c = 0; c < k; ++c)
        perClass.push_back(json{{"class", className(p, c)}});

    std::string labelsProblem = ctx.labelsProblem;
    if (labelsProblem.empty() && p.pred.empty() && !p.truth.empty())
        labelsProblem = "no predicted labels";
    if (labelsProblem.empty()) {
        put(metrics, "accuracy", accuracy(p.truth, p.pred, p.numClasses));
        put(metrics, "balanced_accuracy", balancedAccuracy(p.truth, p.pred, p.numClasses));
        const PrfScores avg =
            precisionRecallF1(p.truth, p.pred, p.numClasses, PrfOptions{{}, o.zeroDivision});
        for (const auto& [name, a] : {std::pair<const char*, const AveragedPrf*>{"macro", &avg.macro},
                                      {"micro", &avg.micro}, {"weighted", &avg.weighted}}) {
            put(metrics, std::string("precision_") + name, a->precision);
            put(metrics, std::string("recall_") + name, a->recall);
            put(metrics, std::string("f1_") + name, a->f1);
        }
        PrfOptions all{{}, o.zeroDivision};
        for (std::size_t c = 0; c < k; ++c)
            all.labels.push_back(static_cast<std::int32_t>(c));
        const PrfScores each = precisionRecallF1(p.truth, p.pred, p.numClasses, all);
        for (std::size_t c = 0; c < k; ++c) {
            perClass[c]["precision"] = each.precision[c];
            perClass[c]["recall"] = each.recall[c];
            perClass[c]["f1"] = each.f1[c];
            perClass[c]["support"] = each.support[c];
            perClass[c]["predicted"] = each.predicted[c];
            if (each.support[c] == 0 && each.predicted[c] > 0)
                warnings.push_back("class " + className(p, c) + " is predicted but never true: "
                                   "its recall is 0 (zero_division), and it is left out of "
                                   "balanced accuracy and of one-vs-rest macro averages");
        }
        if (p.numClasses <= kDenseConfusionMaxClasses) {
            const ConfusionCounts cm = confusionMatrix(p.truth, p.pred, p.numClasses);
            out["confusion_matrix"] = json{
                {"counts", cm},
                {"normalized_true", normalizeConfusion(cm, Normalize::True)},
                {"normalized_pred", normalizeConfusion(cm, Normalize::Pred)},
                {"normalized_all", normalizeConfusion(cm, Normalize::All)}};
        } else {
            // K x K would not fit in memory for an id-like label: the non-zero cells only.
            json cells = json::array();
            for (const auto& c : classificationReport(p.truth, p.pred, p.numClasses).cells)
                cells.push_back({c.t, c.p, c.count});
            out["confusion_matrix"] = json{{"cells", std::move(cells)}};
            warnings.push_back(std::to_string(k) + " classes: the confusion matrix is given as "
                               "its non-zero cells [true, predicted, count] only");
        }
    } else {
        for (const char* key : {"accuracy", "balanced_accuracy", "precision_macro",
                                "recall_macro", "f1_macro", "precision_micro", "recall_micro",
                                "f1_micro", "precision_weighted", "recall_weighted",
                                "f1_weighted"})
            put(metrics, key, Metric::undefined(labelsProblem));
    }

    std::string scoresProblem = ctx.scoresProblem;
    if (scoresProblem.empty() && p.probs.empty())
        scoresProblem = "no scores or probabilities given";
    if (scoresProblem.empty())
        scoresProblem = firstNonFinite(p.probs, k, "scores");
    if (scoresProblem.empty()) {
        scoreMetrics(p, o, metrics, perClass, curves, warnings);
    } else {
        for (const char* key : {"roc_auc", "average_precision", "log_loss", "brier", "ece"})
            put(metrics, key, Metric::undefined(scoresProblem));
    }
    out["metrics"] = std::move(metrics);
    out["per_class"] = std::move(perClass);
    if (!curves.empty())
        out["curves"] = std::move(curves);
}

void regression(const Predictions& p, const ReportContext& ctx, json& out, json& warnings)
{
    detail::checkSameLength(p.target.size(), p.estimate.size(), "estimate", "targets");
    std::string problem = ctx.scoresProblem;
    if (problem.empty())
        problem = firstNonFinite(p.target, 1, "targets");
    if (problem.empty())
        problem = firstNonFinite(p.estimate, 1, "estimates");
    json metrics = json::object();
    if (!problem.empty()) {
        for (const char* key : {"mse", "rmse", "mae", "r2", "mape", "explained_variance"})
            put(metrics, key, Metric::undefined(problem));
        out["metrics"] = std::move(metrics);
        return;
    }
    const RegressionMetrics m = regressionMetrics(p.target, p.estimate);
    put(metrics, "mse", m.mse);
    put(metrics, "rmse", m.rmse);
    put(metrics, "mae", m.mae);
    put(metrics, "r2", m.r2);
    put(metrics, "mape", m.mape);
    put(metrics, "explained_variance", m.explainedVariance);
    out["metrics"] = std::move(metrics);
    out["zero_targets"] = m.zeroTargets;
    if (m.zeroTargets > 0)
        warnings.push_back("mape: " + std::to_string(m.zeroTargets) + " zero target(s), each "
                           "divided by machine epsilon (2.22e-16) as scikit-learn does; the "
                           "value is dominated by them");
    json residuals{{"definition", "truth - estimate"}};
    put(residuals, "mean", m.residualMean);
    put(residuals, "std", m.residualStd);
    json pct = json::object();
    for (const auto& [q, v] : m.residualPercentiles)
        pct[std::to_string(static_cast<int>(q))] = v;
    residuals["percentiles"] = std::move(pct);
    out["residuals"] = std::move(residuals);
}

// A named metric on the report's data, undefined with the report's reason where its input is
// unusable (so NaN scores never reach a function that would throw on them).
NamedMetric guarded(const std::string& name, const Predictions& p, const ReportContext& ctx)
{
    NamedMetric m = namedMetric(name);
    std::string problem;
    if (m.input == MetricInput::Labels)
        problem = ctx.labelsProblem;
    else if (m.input == MetricInput::Scores)
        problem = !ctx.scoresProblem.empty()
                      ? ctx.scoresProblem
                      : firstNonFinite(p.probs, static_cast<std::size_t>(std::max(p.numClasses, 1)),
                                       "scores");
    else if (!ctx.scoresProblem.empty())
        problem = ctx.scoresProblem;
    else if (problem = firstNonFinite(p.target, 1, "targets"); problem.empty())
        problem = firstNonFinite(p.estimate, 1, "estimates");
    if (!problem.empty())
        m.compute = [problem](const Predictions&) { return Metric::undefined(problem); };
    return m;
}

}  // namespace

std::string metricsReportJson(const Predictions& p, const ReportOptions& o,
                              const ReportContext& ctx)
{
    json out;
    json warnings = json::array();
    const bool isRegression = p.task == Task::Regression;
    out["task"] = isRegression ? "regression" : "classification";
    if (!ctx.sourceJson.empty())
        out["source"] = json::parse(ctx.sourceJson);
    out["samples"] = p.size();
    if (isRegression)
        regression(p, ctx, out, warnings);
    else
        classification(p, o, ctx, out, warnings);

    if (o.bootstrapResamples > 0) {
        std::vector<std::string> names = o.bootstrapMetrics;
        if (names.empty())
            names = isRegression ? std::vector<std::string>{"rmse", "mae", "r2"}
                    : p.probs.empty()
                        ? std::vector<std::string>{"accuracy", "f1_macro"}
                        : std::vector<std::string>{"accuracy", "f1_macro", "roc_auc", "log_loss"};
        json cis = json::object();
        const BootstrapOptions bo{o.bootstrapResamples, o.confidence, o.seed};
        for (const std::string& name : names) {
            const ConfidenceInterval ci = bootstrap(p, guarded(name, p, ctx), bo);
            json entry;
            put(entry, "estimate", ci.estimate);
            put(entry, "lower", ci.lower);
            put(entry, "upper", ci.upper);
            entry["undefined_resamples"] = ci.undefinedResamples;
            cis[name] = std::move(entry);
        }
        out["confidence_intervals"] = json{{"method", "percentile bootstrap"},
                                           {"resamples", o.bootstrapResamples},
                                           {"confidence", o.confidence},
                                           {"seed", o.seed},
                                           {"metrics", std::move(cis)}};
    }

    if (!ctx.slice.empty()) {
        const std::string name =
            !o.sliceMetric.empty() ? o.sliceMetric : isRegression ? "rmse" : "accuracy";
        const NamedMetric metric = guarded(name, p, ctx);
        json slices = json::array();
        for (const SliceResult& s : metricBySlice(p, ctx.slice, metric)) {
            json entry{{"value", s.value}, {"count", s.count}};
            put(entry, name, s.metric);
            slices.push_back(std::move(entry));
        }
        out["slices"] = json{{"column", ctx.sliceName},
                             {"metric", name},
                             {"order", metric.direction == Direction::HigherIsBetter
                                           ? "ascending (worst first; higher is better)"
                                           : "descending (worst first; lower is better)"},
                             {"slices", std::move(slices)}};
    }
    out["warnings"] = std::move(warnings);
    return out.dump(2);
}

}  // namespace flightdeck::eval
