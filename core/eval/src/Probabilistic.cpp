// Log loss, Brier score, top-k accuracy, calibration curves and ECE (scikit-learn 1.2:
// _classification.py log_loss / brier_score_loss, _ranking.py top_k_accuracy_score,
// calibration.py calibration_curve).
#include "flightdeck/eval/Probabilistic.h"

#include "Numeric.h"
#include "SortKeys.h"

#include <algorithm>
#include <cfloat>

namespace flightdeck::eval {

using detail::npMean;
using detail::npSum;

namespace {

constexpr double kEps = DBL_EPSILON;  // np.finfo(np.float64).eps, log_loss's eps="auto"

double clip(double p) { return std::min(std::max(p, kEps), 1 - kEps); }

void checkBinary(const std::vector<std::int32_t>& truth, const std::vector<double>& p,
                 const char* field)
{
    detail::checkSameLength(truth.size(), p.size(), field, "true labels");
    detail::checkFinite(p, field);
}

void checkMatrix(const std::vector<std::int32_t>& truth, const std::vector<double>& probs,
                 int numClasses, const char* field)
{
    detail::checkScoreMatrix(probs, truth.size(), numClasses, field);
    detail::checkLabels(truth, "truth", numClasses);
}

// np.linspace(0, 1, nBins + 1): i * (1 / nBins) + 0, the last one exactly 1.
std::vector<double> linspace01(int nBins)
{
    std::vector<double> v;
    const double step = 1.0 / nBins;
    for (int i = 0; i <= nBins; ++i)
        v.push_back(static_cast<double>(i) * step + 0.0);
    v.back() = 1.0;
    return v;
}

// np.percentile(sorted, q * 100) with the default linear method, bit for bit.
double percentileLinear(const std::vector<double>& sorted, double q100)
{
    const double q = q100 / 100;
    const double n1 = static_cast<double>(sorted.size() - 1);
    const double vi = n1 * q;
    if (vi >= n1)
        return sorted.back();
    if (vi < 0)
        return sorted.front();
    const double prev = std::floor(vi);
    const auto at = static_cast<std::size_t>(prev);
    const double gamma = vi - prev;
    const double a = sorted[at], b = sorted[at + 1];
    const double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

// calibration_curve on (positive(i), prob(i)), i < n, probabilities already checked.
template <class IsPositive, class Prob>
CalibrationCurve calibrate(std::size_t n, const IsPositive& positive, const Prob& prob,
                           int nBins, BinStrategy strategy)
{
    CalibrationCurve c;
    if (n == 0) {
        c.reason = detail::noSamples();
        return c;
    }
    if (strategy == BinStrategy::Uniform) {
        c.edges = linspace01(nBins);
    } else {
        std::vector<std::uint64_t> keys(n), scratch;
        for (std::size_t i = 0; i < n; ++i)
            keys[i] = detail::sortKey(prob(i));
        detail::radixSort(keys, scratch);
        std::vector<double> sorted(n);
        for (std::size_t i = 0; i < n; ++i)
            sorted[i] = detail::fromSortKey(keys[i]);
        for (const double q : linspace01(nBins))
            c.edges.push_back(percentileLinear(sorted, q * 100));
    }
    const auto inner = c.edges.begin() + 1, innerEnd = c.edges.end() - 1;
    const auto bins = static_cast<std::size_t>(nBins);
    std::vector<double> sums(bins, 0), trues(bins, 0);
    std::vector<std::int64_t> totals(bins, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const double p = prob(i);
        const auto b = static_cast<std::size_t>(std::lower_bound(inner, innerEnd, p) - inner);
        sums[b] += p;
        trues[b] += positive(i) ? 1.0 : 0.0;
        ++totals[b];
    }
    for (std::size_t b = 0; b < bins; ++b) {
        if (totals[b] == 0)
            continue;
        const auto t = static_cast<double>(totals[b]);
        c.probTrue.push_back(trues[b] / t);
        c.probPred.push_back(sums[b] / t);
        c.counts.push_back(totals[b]);
    }
    c.defined = true;
    return c;
}

void checkBins(int nBins)
{
    if (nBins < 1)
        detail::invalidArgument("nBins", "must be at least 1, got " + std::to_string(nBins));
}

// Top-label confidence and correctness per row (np.argmax: the first maximum).
void topLabel(const std::vector<std::int32_t>& truth, const std::vector<double>& probs,
              std::size_t k, std::vector<double>& confidence, std::vector<char>& correct)
{
    const std::size_t n = truth.size();
    confidence.resize(n);
    correct.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double* row = probs.data() + i * k;
        std::size_t best = 0;
        for (std::size_t c = 1; c < k; ++c)
            if (row[c] > row[best])
                best = c;
        confidence[i] = row[best];
        correct[i] = static_cast<std::size_t>(truth[i]) == best;
    }
}

}  // namespace

Metric logLoss(const std::vector<std::int32_t>& truth, const std::vector<double>& probs,
               int numClasses)
{
    checkMatrix(truth, probs, numClasses, "probs");
    if (numClasses < 2)
        return Metric::undefined("log loss needs at least two classes");
    if (truth.empty())
        return Metric::undefined(detail::noSamples());
    const auto k = static_cast<std::size_t>(numClasses);
    return Metric::of(npMean(truth.size(), [&](std::size_t i) {
        const double* row = probs.data() + i * k;
        const double sum = npSum(k, [&](std::size_t c) { return clip(row[c]); });
        return -std::log(clip(row[truth[i]]) / sum);
    }));
}

Metric logLossBinary(const std::vector<std::int32_t>& truth, const std::vector<double>& pPositive,
                     std::int32_t positiveClass)
{
    checkBinary(truth, pPositive, "pPositive");
    if (truth.empty())
        return Metric::undefined(detail::noSamples());
    return Metric::of(npMean(truth.size(), [&](std::size_t i) {
        const double c = clip(pPositive[i]);
        const double sum = (1 - c) + c;
        return -std::log((truth[i] == positiveClass ? c : 1 - c) / sum);
    }));
}

Metric brierScore(const std::vector<std::int32_t>& truth, const std::vector<double>& pPositive,
                  std::int32_t positiveClass)
{
    checkBinary(truth, pPositive, "pPositive");
    if (truth.empty())
        return Metric::undefined(detail::noSamples());
    const std::string bad = detail::notProbabilities(pPositive);
    if (!bad.empty())
        return Metric::undefined(bad);
    return Metric::of(npMean(truth.size(), [&](std::size_t i) {
        const double d = (truth[i] == positiveClass ? 1.0 : 0.0) - pPositive[i];
        return d * d;
    }));
}

Metric brierScoreMulticlass(const std::vector<std::int32_t>& truth,
                            const std::vector<double>& probs, int numClasses)
{
    checkMatrix(truth, probs, numClasses, "probs");
    if (truth.empty())
        return Metric::undefined(detail::noSamples());
    const std::string bad = detail::notProbabilities(probs, static_cast<std::size_t>(numClasses));
    if (!bad.empty())
        return Metric::undefined(bad);
    const auto k = static_cast<std::size_t>(numClasses);
    return Metric::of(npMean(truth.size(), [&](std::size_t i) {
        const double* row = probs.data() + i * k;
        const auto t = static_cast<std::size_t>(truth[i]);
        return npSum(k, [&](std::size_t c) {
            const double d = row[c] - (c == t ? 1.0 : 0.0);
            return d * d;
        });
    }));
}

Metric topKAccuracy(const std::vector<std::int32_t>& truth, const std::vector<double>& scores,
                    int numClasses, int k)
{
    checkMatrix(truth, scores, numClasses, "scores");
    if (k < 1)
        detail::invalidArgument("k", "must be at least 1, got " + std::to_string(k));
    if (truth.empty())
        return Metric::undefined(detail::noSamples());
    const auto K = static_cast<std::size_t>(numClasses);
    const auto kk = static_cast<std::size_t>(k);
    std::int64_t hits = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const double* row = scores.data() + i * K;
        const auto t = static_cast<std::size_t>(truth[i]);
        const double s = row[t];
        // Rank of the true class in a stable ascending argsort, reversed: every higher score,
        // and every equal score at a higher class index, comes first.
        std::size_t ahead = 0;
        for (std::size_t c = 0; c < K && ahead < kk; ++c)
            ahead += row[c] > s || (row[c] == s && c > t);
        hits += ahead < kk;
    }
    return Metric::of(static_cast<double>(hits) / static_cast<double>(truth.size()));
}

CalibrationCurve calibrationCurve(const std::vector<std::int32_t>& truth,
                                  const std::vector<double>& pPositive,
                                  std::int32_t positiveClass, int nBins, BinStrategy strategy)
{
    checkBinary(truth, pPositive, "pPositive");
    checkBins(nBins);
    const std::string bad = detail::notProbabilities(pPositive);
    if (!bad.empty() && !truth.empty()) {
        CalibrationCurve c;
        c.reason = bad;
        return c;
    }
    return calibrate(
        truth.size(), [&](std::size_t i) { return truth[i] == positiveClass; },
        [&](std::size_t i) { return pPositive[i]; }, nBins, strategy);
}

CalibrationCurve topLabelCalibrationCurve(const std::vector<std::int32_t>& truth,
                                          const std::vector<double>& probs, int numClasses,
                                          int nBins, BinStrategy strategy)
{
    checkMatrix(truth, probs, numClasses, "probs");
    checkBins(nBins);
    const std::string bad = detail::notProbabilities(probs, static_cast<std::size_t>(numClasses));
    if (!bad.empty() && !truth.empty()) {
        CalibrationCurve c;
        c.reason = bad;
        return c;
    }
    std::vector<double> confidence;
    std::vector<char> correct;
    topLabel(truth, probs, static_cast<std::size_t>(numClasses), confidence, correct);
    return calibrate(
        truth.size(), [&](std::size_t i) { return correct[i] != 0; },
        [&](std::size_t i) { return confidence[i]; }, nBins, strategy);
}

Metric expectedCalibrationError(const std::vector<std::int32_t>& truth,
                                const std::vector<double>& probs, int numClasses, int nBins)
{
    const CalibrationCurve c =
        topLabelCalibrationCurve(truth, probs, numClasses, nBins, BinStrategy::Uniform);
    if (!c.defined)
        return Metric::undefined(c.reason);
    const auto n = static_cast<double>(truth.size());
    double ece = 0;
    for (std::size_t b = 0; b < c.counts.size(); ++b)
        ece += static_cast<double>(c.counts[b]) / n * std::fabs(c.probTrue[b] - c.probPred[b]);
    return Metric::of(ece);
}

}  // namespace flightdeck::eval
