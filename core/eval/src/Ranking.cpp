// ROC / precision-recall curves, ROC AUC and average precision (scikit-learn 1.2's _ranking.py:
// _binary_clf_curve, roc_curve, precision_recall_curve, average_precision_score, auc).
#include "flightdeck/eval/Ranking.h"

#include "Numeric.h"
#include "SortKeys.h"

#include <tuple>

namespace flightdeck::eval {

using detail::npSum;

namespace {

// _binary_clf_curve: per distinct score, from the highest down, the cumulative false and true
// positives (exact integers held as doubles) and the score.
struct ClfCurve {
    std::vector<double> fps, tps, thresholds;
    double positives = 0, negatives = 0;
};

struct Keys {
    std::vector<std::uint64_t> pos, neg, scratch;
    void clear()
    {
        pos.clear();
        neg.clear();
    }
};

// Walks the distinct thresholds from the highest score down (both key lists sorted ascending),
// calling visit(threshold key, true positives, false positives) with cumulative counts: the
// binary_clf_curve sweep that ROC, PR and AP are all built from.
template <typename Visit>
void sweepThresholds(const Keys& keys, Visit&& visit)
{
    std::size_t i = keys.pos.size(), j = keys.neg.size();
    std::int64_t tp = 0, fp = 0;
    while (i > 0 || j > 0) {
        std::uint64_t v = i > 0 ? keys.pos[i - 1] : 0;
        if (j > 0 && (i == 0 || keys.neg[j - 1] > v))
            v = keys.neg[j - 1];
        while (i > 0 && keys.pos[i - 1] == v) {
            ++tp;
            --i;
        }
        while (j > 0 && keys.neg[j - 1] == v) {
            ++fp;
            --j;
        }
        visit(v, tp, fp);
    }
}

ClfCurve buildCurve(Keys& keys)
{
    detail::radixSort(keys.pos, keys.scratch);
    detail::radixSort(keys.neg, keys.scratch);
    ClfCurve c;
    c.positives = static_cast<double>(keys.pos.size());
    c.negatives = static_cast<double>(keys.neg.size());
    sweepThresholds(keys, [&](std::uint64_t v, std::int64_t tp, std::int64_t fp) {
        c.fps.push_back(static_cast<double>(fp));
        c.tps.push_back(static_cast<double>(tp));
        c.thresholds.push_back(detail::fromSortKey(v));
    });
    return c;
}

void checkBinary(const std::vector<std::int32_t>& truth, const std::vector<double>& scores)
{
    detail::checkSameLength(truth.size(), scores.size(), "scores", "true labels");
    detail::checkFinite(scores, "scores");
}

void binaryKeys(const std::vector<std::int32_t>& truth, const std::vector<double>& scores,
                std::int32_t positiveClass, Keys& keys)
{
    keys.clear();
    for (std::size_t i = 0; i < truth.size(); ++i)
        (truth[i] == positiveClass ? keys.pos : keys.neg).push_back(detail::sortKey(scores[i]));
}

std::string rocUndefined(const ClfCurve& c)
{
    if (c.positives + c.negatives == 0)
        return detail::noSamples();
    if (c.positives == 0)
        return "only one class present in truth (no positive samples): ROC AUC is undefined";
    if (c.negatives == 0)
        return "only one class present in truth (no negative samples): ROC AUC is undefined";
    return {};
}

std::string prUndefined(const ClfCurve& c)
{
    if (c.positives + c.negatives == 0)
        return detail::noSamples();
    if (c.positives == 0)
        return "no positive samples in truth: recall and average precision are undefined";
    return {};
}

RocCurve rocFromCurve(const ClfCurve& c, bool dropIntermediate)
{
    RocCurve r;
    r.reason = rocUndefined(c);
    if (!r.reason.empty())
        return r;
    r.defined = true;
    const std::size_t m = c.fps.size();
    const double fpsLast = c.fps[m - 1], tpsLast = c.tps[m - 1];
    auto keep = [&](std::size_t i) {
        if (!dropIntermediate || m <= 2 || i == 0 || i == m - 1)
            return true;
        // np.diff(x, 2) != 0 at i - 1: the point is a corner of the curve.
        return c.fps[i + 1] - 2 * c.fps[i] + c.fps[i - 1] != 0
               || c.tps[i + 1] - 2 * c.tps[i] + c.tps[i - 1] != 0;
    };
    r.fpr.push_back(0);
    r.tpr.push_back(0);
    r.thresholds.push_back(c.thresholds[0] + 1);
    for (std::size_t i = 0; i < m; ++i) {
        if (!keep(i))
            continue;
        r.fpr.push_back(c.fps[i] / fpsLast);
        r.tpr.push_back(c.tps[i] / tpsLast);
        r.thresholds.push_back(c.thresholds[i]);
    }
    return r;
}

// np.trapz(y, x) with x non-decreasing, as auc() calls it.
double trapezoid(const std::vector<double>& x, const std::vector<double>& y)
{
    return npSum(x.size() - 1,
                 [&](std::size_t i) { return (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0; });
}

// ROC AUC and AP straight from sorted keys, without materializing the curves: one walk over the
// distinct scores, from the highest. AUC is np.trapz over roc_curve's points after
// drop_intermediate (same points, same order, same sum); AP is average_precision_score's
// -sum(diff(recall) * precision[:-1]) in its (reversed) order.
struct Scorer {
    std::vector<double> aucTerms, apTerms;  // reused between calls

    std::pair<Metric, Metric> operator()(Keys& keys)
    {
        detail::radixSort(keys.pos, keys.scratch);
        detail::radixSort(keys.neg, keys.scratch);
        const auto P = static_cast<double>(keys.pos.size());
        const auto N = static_cast<double>(keys.neg.size());
        ClfCurve sizes;
        sizes.positives = P;
        sizes.negatives = N;
        const std::string rocWhy = rocUndefined(sizes), prWhy = prUndefined(sizes);
        aucTerms.clear();
        apTerms.clear();
        // drop_intermediate needs one point of look-ahead: `cur` is decided when `next` comes.
        double prevFp = 0, prevTp = 0, curFp = 0, curTp = 0;  // last two points
        double keptX = 0, keptY = 0;                          // last kept point (starts at 0, 0)
        std::size_t points = 0;
        auto keep = [&](double fp, double tp) {
            const double x = fp / N, y = tp / P;
            aucTerms.push_back((x - keptX) * (y + keptY) / 2.0);
            keptX = x;
            keptY = y;
        };
        double lastRecall = 0;
        sweepThresholds(keys, [&](std::uint64_t, std::int64_t tp, std::int64_t fp) {
            const auto dfp = static_cast<double>(fp), dtp = static_cast<double>(tp);
            if (points == 1)
                keep(curFp, curTp);  // the first point is always kept
            else if (points >= 2 && (dfp - 2 * curFp + prevFp != 0 || dtp - 2 * curTp + prevTp != 0))
                keep(curFp, curTp);
            prevFp = curFp;
            prevTp = curTp;
            curFp = dfp;
            curTp = dtp;
            ++points;
            if (P > 0) {
                const double recall = dtp / P;
                apTerms.push_back((lastRecall - recall) * (dtp / (dtp + dfp)));
                lastRecall = recall;
            }
        });
        if (points > 0)
            keep(curFp, curTp);  // the last point is always kept
        Metric auc = rocWhy.empty() ? Metric::of(npSum(aucTerms.size(), [&](std::size_t t) {
                                          return aucTerms[t];
                                      }))
                                    : Metric::undefined(rocWhy);
        const std::size_t m = apTerms.size();
        Metric ap = prWhy.empty() ? Metric::of(-npSum(m, [&](std::size_t t) {
                                        return apTerms[m - 1 - t];
                                    }))
                                  : Metric::undefined(prWhy);
        return {std::move(auc), std::move(ap)};
    }
};

// Per-class scores, macro over present classes, support-weighted, and micro over all cells.
OneVsRestRanking oneVsRest(const std::vector<std::int32_t>& truth,
                           const std::vector<double>& probs, int numClasses, bool micro)
{
    detail::checkScoreMatrix(probs, truth.size(), numClasses, "probs");
    detail::checkLabels(truth, "truth", numClasses);
    const auto k = static_cast<std::size_t>(numClasses);
    const std::size_t n = truth.size();
    OneVsRestRanking out;
    OneVsRest& auc = out.rocAuc;
    OneVsRest& ap = out.averagePrecision;
    if (n == 0) {
        for (OneVsRest* o : {&auc, &ap}) {
            o->perClass.assign(k, Metric::undefined(detail::noSamples()));
            o->macro = o->weighted = o->micro = Metric::undefined(detail::noSamples());
        }
        return out;
    }
    std::vector<double> support(k, 0);
    for (const std::int32_t t : truth)
        support[static_cast<std::size_t>(t)] += 1;

    Keys keys;
    keys.pos.reserve(n);
    keys.neg.reserve(n);
    Scorer score;
    std::vector<std::size_t> absent;
    for (std::size_t c = 0; c < k; ++c) {
        if (support[c] == 0) {
            absent.push_back(c);
            const Metric none =
                Metric::undefined("class " + std::to_string(c) + " has no samples in truth");
            auc.perClass.push_back(none);
            ap.perClass.push_back(none);
            continue;
        }
        keys.clear();
        for (std::size_t i = 0; i < n; ++i)
            (static_cast<std::size_t>(truth[i]) == c ? keys.pos : keys.neg)
                .push_back(detail::sortKey(probs[i * k + c]));
        auto [a, p] = score(keys);
        auc.perClass.push_back(std::move(a));
        ap.perClass.push_back(std::move(p));
    }

    const std::size_t present = k - absent.size();
    std::string note;
    if (!absent.empty() && present >= 2) {
        note = absent.size() > 1 ? "classes " : "class ";
        for (std::size_t a = 0; a < absent.size(); ++a)
            note += (a ? ", " : "") + std::to_string(absent[a]);
        note += absent.size() > 1 ? " have" : " has";
        note += " no samples in truth and are left out of the macro average";
    }
    for (OneVsRest* o : {&auc, &ap}) {
        o->note = note;
        std::vector<double> defined;
        for (const Metric& m : o->perClass)
            if (m.defined)
                defined.push_back(m.value);
        if (present < 2) {
            o->macro = o->weighted = Metric::undefined(
                "only one class present in truth: one-vs-rest scores are undefined");
        } else {
            o->macro = Metric::of(
                detail::npMean(defined.size(), [&](std::size_t i) { return defined[i]; }));
            // np.average(score, weights=support) with absent classes scored 0 at weight 0.
            const double scale = npSum(k, [&](std::size_t c) { return support[c]; });
            o->weighted = Metric::of(npSum(k, [&](std::size_t c) {
                                         const Metric& m = o->perClass[c];
                                         return (m.defined ? m.value : 0.0) * support[c];
                                     }) / scale);
        }
    }

    if (!micro) {
        auc.micro = ap.micro = Metric::undefined("not computed");
    } else if (k < 2) {
        auc.micro = ap.micro = Metric::undefined("a single class: one-vs-rest scores are undefined");
    } else {
        keys.clear();
        keys.pos.reserve(n);
        keys.neg.reserve(n * (k - 1));
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t c = 0; c < k; ++c)
                (static_cast<std::size_t>(truth[i]) == c ? keys.pos : keys.neg)
                    .push_back(detail::sortKey(probs[i * k + c]));
        std::tie(auc.micro, ap.micro) = score(keys);
    }
    return out;
}

}  // namespace

RocCurve rocCurve(const std::vector<std::int32_t>& truth, const std::vector<double>& scores,
                  std::int32_t positiveClass, bool dropIntermediate)
{
    checkBinary(truth, scores);
    Keys keys;
    binaryKeys(truth, scores, positiveClass, keys);
    return rocFromCurve(buildCurve(keys), dropIntermediate);
}

Metric rocAuc(const std::vector<std::int32_t>& truth, const std::vector<double>& scores,
              std::int32_t positiveClass)
{
    checkBinary(truth, scores);
    Keys keys;
    binaryKeys(truth, scores, positiveClass, keys);
    return Scorer()(keys).first;
}

PrCurve precisionRecallCurve(const std::vector<std::int32_t>& truth,
                             const std::vector<double>& scores, std::int32_t positiveClass)
{
    checkBinary(truth, scores);
    Keys keys;
    binaryKeys(truth, scores, positiveClass, keys);
    const ClfCurve c = buildCurve(keys);
    PrCurve r;
    r.reason = prUndefined(c);
    if (!r.reason.empty())
        return r;
    r.defined = true;
    const std::size_t m = c.tps.size();
    for (std::size_t j = 0; j < m; ++j) {
        const std::size_t i = m - 1 - j;
        r.precision.push_back(c.tps[i] / (c.tps[i] + c.fps[i]));
        r.recall.push_back(c.tps[i] / c.tps[m - 1]);
        r.thresholds.push_back(c.thresholds[i]);
    }
    r.precision.push_back(1);
    r.recall.push_back(0);
    return r;
}

Metric averagePrecision(const std::vector<std::int32_t>& truth,
                        const std::vector<double>& scores, std::int32_t positiveClass)
{
    checkBinary(truth, scores);
    Keys keys;
    binaryKeys(truth, scores, positiveClass, keys);
    return Scorer()(keys).second;
}

OneVsRest rocAucOneVsRest(const std::vector<std::int32_t>& truth,
                          const std::vector<double>& probs, int numClasses, bool micro)
{
    return oneVsRest(truth, probs, numClasses, micro).rocAuc;
}

OneVsRest averagePrecisionOneVsRest(const std::vector<std::int32_t>& truth,
                                    const std::vector<double>& probs, int numClasses, bool micro)
{
    return oneVsRest(truth, probs, numClasses, micro).averagePrecision;
}

OneVsRestRanking rankingOneVsRest(const std::vector<std::int32_t>& truth,
                                  const std::vector<double>& probs, int numClasses, bool micro)
{
    return oneVsRest(truth, probs, numClasses, micro);
}

double areaUnderCurve(const std::vector<double>& x, const std::vector<double>& y)
{
    detail::checkSameLength(x.size(), y.size(), "y", "x values");
    if (x.size() < 2)
        detail::invalidArgument("x", "at least 2 points are needed to compute an area, got "
                                         + std::to_string(x.size()));
    bool increasing = true, decreasing = true;
    for (std::size_t i = 1; i < x.size(); ++i) {
        increasing = increasing && x[i] >= x[i - 1];
        decreasing = decreasing && x[i] <= x[i - 1];
    }
    if (!increasing && !decreasing)
        detail::invalidArgument("x", "neither increasing nor decreasing");
    // np.trapz sums signed steps; a decreasing x gives a negative sum that auc() flips.
    const double area = trapezoid(x, y);
    return increasing ? area : -area;
}

}  // namespace flightdeck::eval
