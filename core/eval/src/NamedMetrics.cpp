// Metrics addressed by name over a Predictions set (used by bootstrap, slices and reports).
#include "flightdeck/eval/Predictions.h"

#include "flightdeck/eval/Classification.h"
#include "flightdeck/eval/Probabilistic.h"
#include "flightdeck/eval/Ranking.h"
#include "flightdeck/eval/Regression.h"

#include "Numeric.h"

namespace flightdeck::eval {

namespace {

using Compute = std::function<Metric(const Predictions&)>;

std::vector<double> column(const Predictions& p, std::int32_t c)
{
    if (c < 0 || c >= p.numClasses)
        detail::invalidArgument("positiveClass", std::to_string(c) + " outside [0, "
                                                     + std::to_string(p.numClasses) + ")");
    const auto k = static_cast<std::size_t>(p.numClasses);
    std::vector<double> out(p.truth.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = p.probs[i * k + static_cast<std::size_t>(c)];
    return out;
}

// Wrappers that turn a missing input or the wrong task into an undefined metric.
Compute onLabels(std::function<Metric(const Predictions&)> f)
{
    return [f](const Predictions& p) {
        if (p.task != Task::Classification)
            return Metric::undefined("a classification metric; these are regression predictions");
        if (p.pred.empty() && !p.truth.empty())
            return Metric::undefined("no predicted labels");
        return f(p);
    };
}

Compute onScores(std::function<Metric(const Predictions&)> f)
{
    return [f](const Predictions& p) {
        if (p.task != Task::Classification)
            return Metric::undefined("a classification metric; these are regression predictions");
        if (p.probs.empty() && !p.truth.empty())
            return Metric::undefined("no scores or probabilities given");
        return f(p);
    };
}

Compute onTargets(Metric (*f)(const std::vector<double>&, const std::vector<double>&))
{
    return [f](const Predictions& p) {
        if (p.task != Task::Regression)
            return Metric::undefined("a regression metric; these are classification predictions");
        return f(p.target, p.estimate);
    };
}

Compute prf(Metric AveragedPrf::*which, AveragedPrf PrfScores::*average)
{
    return onLabels([which, average](const Predictions& p) {
        return precisionRecallF1(p.truth, p.pred, p.numClasses).*average.*which;
    });
}

// Binary problems score the positive class; more classes use one-vs-rest.
Compute ranking(Metric (*binary)(const std::vector<std::int32_t>&, const std::vector<double>&,
                                 std::int32_t),
                OneVsRest (*ovr)(const std::vector<std::int32_t>&, const std::vector<double>&, int,
                                 bool),
                Metric OneVsRest::*average)
{
    return onScores([=](const Predictions& p) {
        if (p.numClasses == 2 && average != &OneVsRest::micro)
            return binary(p.truth, column(p, p.positiveClass), p.positiveClass);
        // The micro average sorts rows x classes scores: only computed when asked for.
        return ovr(p.truth, p.probs, p.numClasses, average == &OneVsRest::micro).*average;
    });
}

}  // namespace

void selectRows(const Predictions& from, const std::vector<std::size_t>& rows, Predictions& out)
{
    out.task = from.task;
    out.numClasses = from.numClasses;
    out.classNames = from.classNames;
    out.positiveClass = from.positiveClass;
    const std::size_t n = from.size();
    for (const std::size_t r : rows)
        if (r >= n)
            detail::invalidArgument("rows", "row " + std::to_string(r) + " of "
                                                + std::to_string(n));
    auto gather = [&rows](const auto& src, auto& dst, std::size_t width) {
        dst.resize(src.empty() ? 0 : rows.size() * width);
        if (src.empty())
            return;
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (std::size_t c = 0; c < width; ++c)
                dst[i * width + c] = src[rows[i] * width + c];
    };
    gather(from.truth, out.truth, 1);
    gather(from.pred, out.pred, 1);
    gather(from.probs, out.probs, static_cast<std::size_t>(std::max(from.numClasses, 1)));
    gather(from.target, out.target, 1);
    gather(from.estimate, out.estimate, 1);
}

NamedMetric namedMetric(const std::string& name)
{
    const auto H = Direction::HigherIsBetter, L = Direction::LowerIsBetter;
    const auto Lab = MetricInput::Labels, Sco = MetricInput::Scores, Val = MetricInput::Values;
    if (name == "accuracy")
        return {name, H, Lab, onLabels([](const Predictions& p) {
                    return accuracy(p.truth, p.pred, p.numClasses);
                })};
    if (name == "balanced_accuracy")
        return {name, H, Lab, onLabels([](const Predictions& p) {
                    return balancedAccuracy(p.truth, p.pred, p.numClasses);
                })};
    const std::pair<const char*, Metric AveragedPrf::*> parts[] = {
        {"precision", &AveragedPrf::precision}, {"recall", &AveragedPrf::recall},
        {"f1", &AveragedPrf::f1}};
    const std::pair<const char*, AveragedPrf PrfScores::*> averages[] = {
        {"macro", &PrfScores::macro}, {"micro", &PrfScores::micro},
        {"weighted", &PrfScores::weighted}};
    for (const auto& [part, which] : parts)
        for (const auto& [avg, average] : averages)
            if (name == std::string(part) + "_" + avg)
                return {name, H, Lab, prf(which, average)};
    if (name == "roc_auc")
        return {name, H, Sco, ranking(rocAuc, rocAucOneVsRest, &OneVsRest::macro)};
    if (name == "roc_auc_weighted")
        return {name, H, Sco, ranking(rocAuc, rocAucOneVsRest, &OneVsRest::weighted)};
    if (name == "roc_auc_micro")
        return {name, H, Sco, ranking(rocAuc, rocAucOneVsRest, &OneVsRest::micro)};
    if (name == "average_precision")
        return {name, H, Sco, ranking(averagePrecision, averagePrecisionOneVsRest, &OneVsRest::macro)};
    if (name == "log_loss")
        return {name, L, Sco, onScores([](const Predictions& p) {
                    return logLoss(p.truth, p.probs, p.numClasses);
                })};
    if (name == "brier")
        return {name, L, Sco, onScores([](const Predictions& p) {
                    if (p.numClasses == 2)
                        return brierScore(p.truth, column(p, p.positiveClass), p.positiveClass);
                    return brierScoreMulticlass(p.truth, p.probs, p.numClasses);
                })};
    if (name == "ece")
        return {name, L, Sco, onScores([](const Predictions& p) {
                    return expectedCalibrationError(p.truth, p.probs, p.numClasses);
                })};
    if (name.size() >= 14 && name.compare(0, 4, "top_") == 0
        && name.compare(name.size() - 9, 9, "_accuracy") == 0) {
        const std::string digits = name.substr(4, name.size() - 13);
        if (!digits.empty() && digits.size() < 6
            && digits.find_first_not_of("0123456789") == std::string::npos) {
            const int k = std::stoi(digits);
            if (k >= 1)
                return {name, H, Sco, onScores([k](const Predictions& p) {
                            return topKAccuracy(p.truth, p.probs, p.numClasses, k);
                        })};
        }
    }
    if (name == "mse")
        return {name, L, Val, onTargets(meanSquaredError)};
    if (name == "rmse")
        return {name, L, Val, onTargets(rootMeanSquaredError)};
    if (name == "mae")
        return {name, L, Val, onTargets(meanAbsoluteError)};
    if (name == "r2")
        return {name, H, Val, onTargets(r2Score)};
    if (name == "mape")
        return {name, L, Val, onTargets(meanAbsolutePercentageError)};
    if (name == "explained_variance")
        return {name, H, Val, onTargets(explainedVariance)};

    std::string known;
    for (const Task t : {Task::Classification, Task::Regression})
        for (const std::string& n : metricNames(t))
            known += (known.empty() ? "" : ", ") + n;
    detail::invalidArgument("metric", "unknown metric \"" + name + "\"; known: " + known);
}

std::vector<std::string> metricNames(Task task)
{
    if (task == Task::Regression)
        return {"mse", "rmse", "mae", "r2", "mape", "explained_variance"};
    return {"accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro",
            "precision_micro", "recall_micro", "f1_micro", "precision_weighted",
            "recall_weighted", "f1_weighted", "roc_auc", "roc_auc_weighted", "roc_auc_micro",
            "average_precision", "log_loss", "brier", "ece", "top_<k>_accuracy"};
}

}  // namespace flightdeck::eval
