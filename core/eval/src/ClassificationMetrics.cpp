// Label-based classification metrics with scikit-learn 1.2's exact semantics (accuracy_score,
// balanced_accuracy_score, precision_recall_fscore_support, confusion_matrix). Sums go through
// npSum so that results agree with scikit-learn to the last bit where the arithmetic allows.
#include "flightdeck/eval/Classification.h"

#include "Numeric.h"

namespace flightdeck::eval {

using detail::npMean;
using detail::npSum;

namespace {

struct Counts {
    std::vector<std::int64_t> tp, predicted, actual;
};

void checkPair(const std::vector<std::int32_t>& truth, const std::vector<std::int32_t>& pred,
               int numClasses)
{
    detail::checkNumClasses(numClasses);
    detail::checkSameLength(truth.size(), pred.size(), "pred", "true labels");
    detail::checkLabels(truth, "truth", numClasses);
    detail::checkLabels(pred, "pred", numClasses);
}

// One pass: true positives, predicted and true counts per class.
Counts count(const std::vector<std::int32_t>& truth, const std::vector<std::int32_t>& pred,
             int numClasses)
{
    const auto k = static_cast<std::size_t>(numClasses);
    Counts c{std::vector<std::int64_t>(k, 0), std::vector<std::int64_t>(k, 0),
             std::vector<std::int64_t>(k, 0)};
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const auto t = static_cast<std::size_t>(truth[i]);
        const auto p = static_cast<std::size_t>(pred[i]);
        ++c.actual[t];
        ++c.predicted[p];
        if (t == p)
            ++c.tp[t];
    }
    return c;
}

// sklearn's _prf_divide: a zero denominator gives the zero_division value.
double prfDivide(double num, double den, ZeroDivision zd)
{
    if (den == 0.0)
        return zd == ZeroDivision::One ? 1.0 : 0.0;
    return num / den;
}

// F1 as precision_recall_fscore_support computes it with beta = 1.
double fScore(double precision, double recall)
{
    double denom = precision + recall;
    if (denom == 0.0)
        denom = 1;
    return 2.0 * precision * recall / denom;
}

}  // namespace

Metric accuracy(const std::vector<std::int32_t>& truth, const std::vector<std::int32_t>& pred,
                int numClasses)
{
    checkPair(truth, pred, numClasses);
    if (truth.empty())
        return Metric::undefined(detail::noSamples());
    std::int64_t correct = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        correct += truth[i] == pred[i];
    return Metric::of(static_cast<double>(correct) / static_cast<double>(truth.size()));
}

Metric balancedAccuracy(const std::vector<std::int32_t>& truth,
                        const std::vector<std::int32_t>& pred, int numClasses)
{
    checkPair(truth, pred, numClasses);
    if (truth.empty())
        return Metric::undefined(detail::noSamples());
    const Counts c = count(truth, pred, numClasses);
    std::vector<double> recall;
    for (std::size_t k = 0; k < c.actual.size(); ++k)
        if (c.actual[k] > 0)
            recall.push_back(static_cast<double>(c.tp[k]) / static_cast<double>(c.actual[k]));
    return Metric::of(npMean(recall.size(), [&](std::size_t i) { return recall[i]; }));
}

PrfScores precisionRecallF1(const std::vector<std::int32_t>& truth,
                            const std::vector<std::int32_t>& pred, int numClasses,
                            const PrfOptions& options)
{
    checkPair(truth, pred, numClasses);
    detail::checkLabels(options.labels, "labels", numClasses);
    const Counts c = count(truth, pred, numClasses);
    const ZeroDivision zd = options.zeroDivision;

    PrfScores s;
    s.labels = options.labels;
    if (s.labels.empty())
        for (std::int32_t k = 0; k < numClasses; ++k)
            if (c.actual[k] > 0 || c.predicted[k] > 0)
                s.labels.push_back(k);

    std::int64_t tpSum = 0, predSum = 0, trueSum = 0;
    for (const std::int32_t k : s.labels) {
        const double tp = static_cast<double>(c.tp[k]);
        const double p = prfDivide(tp, static_cast<double>(c.predicted[k]), zd);
        const double r = prfDivide(tp, static_cast<double>(c.actual[k]), zd);
        s.precision.push_back(p);
        s.recall.push_back(r);
        s.f1.push_back(fScore(p, r));
        s.support.push_back(c.actual[k]);
        s.predicted.push_back(c.predicted[k]);
        tpSum += c.tp[k];
        predSum += c.predicted[k];
        trueSum += c.actual[k];
    }

    if (truth.empty() || s.labels.empty()) {
        const Metric none = Metric::undefined(detail::noSamples());
        s.macro = s.micro = s.weighted = AveragedPrf{none, none, none};
        return s;
    }

    const std::size_t n = s.labels.size();
    auto mean = [n](const std::vector<double>& v) {
        return Metric::of(npMean(n, [&](std::size_t i) { return v[i]; }));
    };
    s.macro = AveragedPrf{mean(s.precision), mean(s.recall), mean(s.f1)};

    const double microP = prfDivide(static_cast<double>(tpSum), static_cast<double>(predSum), zd);
    const double microR = prfDivide(static_cast<double>(tpSum), static_cast<double>(trueSum), zd);
    s.micro = AveragedPrf{Metric::of(microP), Metric::of(microR),
                          Metric::of(fScore(microP, microR))};

    if (trueSum == 0) {
        // None of the scored classes occurs in truth: scikit-learn's special case.
        const double zdv = zd == ZeroDivision::One ? 1.0 : 0.0;
        if (predSum == 0)
            s.weighted = AveragedPrf{Metric::of(zdv), Metric::of(zdv), Metric::of(zdv)};
        else
            s.weighted = AveragedPrf{Metric::of(0.0), Metric::of(zdv), Metric::of(0.0)};
    } else {
        // np.average(x, weights=support): sum(x * w) / sum(w).
        const double scale =
            npSum(n, [&](std::size_t i) { return static_cast<double>(s.support[i]); });
        auto weighted = [&](const std::vector<double>& v) {
            return Metric::of(npSum(n, [&](std::size_t i) {
                                  return v[i] * static_cast<double>(s.support[i]);
                              }) / scale);
        };
        s.weighted = AveragedPrf{weighted(s.precision), weighted(s.recall), weighted(s.f1)};
    }
    return s;
}

ConfusionCounts confusionMatrix(const std::vector<std::int32_t>& truth,
                                const std::vector<std::int32_t>& pred, int numClasses)
{
    checkPair(truth, pred, numClasses);
    const auto k = static_cast<std::size_t>(numClasses);
    ConfusionCounts m(k, std::vector<std::int64_t>(k, 0));
    for (std::size_t i = 0; i < truth.size(); ++i)
        ++m[static_cast<std::size_t>(truth[i])][static_cast<std::size_t>(pred[i])];
    return m;
}

std::vector<std::vector<double>> normalizeConfusion(const ConfusionCounts& counts, Normalize how)
{
    const std::size_t k = counts.size();
    for (const auto& row : counts)
        if (row.size() != k)
            detail::invalidArgument("counts", "the confusion matrix is not square");
    std::vector<double> rowSum(k, 0), colSum(k, 0);
    double total = 0;
    for (std::size_t t = 0; t < k; ++t)
        for (std::size_t p = 0; p < k; ++p) {
            const auto v = static_cast<double>(counts[t][p]);
            rowSum[t] += v;
            colSum[p] += v;
            total += v;
        }
    std::vector<std::vector<double>> out(k, std::vector<double>(k, 0));
    for (std::size_t t = 0; t < k; ++t)
        for (std::size_t p = 0; p < k; ++p) {
            const double den = how == Normalize::True ? rowSum[t]
                               : how == Normalize::Pred ? colSum[p]
                                                        : total;
            out[t][p] = den == 0 ? 0.0 : static_cast<double>(counts[t][p]) / den;
        }
    return out;
}

}  // namespace flightdeck::eval
