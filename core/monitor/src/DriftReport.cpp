#include "flightdeck/monitor/DriftReport.h"

#include "flightdeck/common/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace flightdeck::monitor {

namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// Population standard deviation (NumPy's np.std, ddof = 0), two passes.
double populationStd(const std::vector<double>& v)
{
    long double mean = 0;
    for (double x : v)
        mean += x;
    mean /= static_cast<long double>(v.size());
    long double ss = 0;
    for (double x : v)
        ss += (x - mean) * (x - mean);
    return static_cast<double>(std::sqrt(ss / static_cast<long double>(v.size())));
}

std::size_t distinctCount(std::vector<double> a, const std::vector<double>& b, std::size_t cap)
{
    a.insert(a.end(), b.begin(), b.end());
    std::sort(a.begin(), a.end());
    std::size_t n = a.empty() ? 0 : 1;
    for (std::size_t i = 1; i < a.size() && n <= cap; ++i)
        n += a[i] != a[i - 1];
    return n;
}

// Category counts aligned over the union of both samples (ascending).
void alignedCounts(const DriftColumn& ref, const DriftColumn& cur, std::vector<double>* rc,
                   std::vector<double>* cc)
{
    std::map<std::string, std::pair<double, double>> counts;
    if (ref.categorical) {
        for (const auto& s : ref.labels)
            counts[s].first += 1;
        for (const auto& s : cur.labels)
            counts[s].second += 1;
    } else {
        // Numbers: categories in numeric order.
        std::map<double, std::pair<double, double>> byValue;
        for (double x : ref.numbers)
            byValue[x].first += 1;
        for (double x : cur.numbers)
            byValue[x].second += 1;
        for (const auto& [v, c] : byValue) {
            rc->push_back(c.first);
            cc->push_back(c.second);
        }
        return;
    }
    for (const auto& [k, c] : counts) {
        rc->push_back(c.first);
        cc->push_back(c.second);
    }
}

}  // namespace

const char* driftTestName(DriftTest test)
{
    switch (test) {
    case DriftTest::Auto: return "auto";
    case DriftTest::Ks: return "ks";
    case DriftTest::ChiSquare: return "chisquare";
    case DriftTest::Wasserstein: return "wasserstein";
    case DriftTest::JensenShannon: return "jensenshannon";
    case DriftTest::Psi: return "psi";
    }
    return "?";
}

ColumnDrift columnDrift(const DriftColumn& reference, const DriftColumn& current,
                        const DriftOptions& o)
{
    ColumnDrift r;
    r.name = reference.name;
    r.categorical = reference.categorical;
    DriftColumn ref, cur;  // finite values only
    ref.categorical = cur.categorical = reference.categorical;
    if (reference.categorical) {
        ref.labels = reference.labels;
        cur.labels = current.labels;
    } else {
        for (double x : reference.numbers)
            std::isfinite(x) ? ref.numbers.push_back(x) : void(++r.nonFiniteReference);
        for (double x : current.numbers)
            std::isfinite(x) ? cur.numbers.push_back(x) : void(++r.nonFiniteCurrent);
    }
    const std::size_t nRef = ref.categorical ? ref.labels.size() : ref.numbers.size();
    const std::size_t nCur = cur.categorical ? cur.labels.size() : cur.numbers.size();
    r.referenceRows = static_cast<std::int64_t>(nRef);
    r.currentRows = static_cast<std::int64_t>(nCur);
    if (nRef == 0 || nCur == 0) {
        r.note = "no data";
        return r;
    }

    const bool numericLike =
        !ref.categorical
        && distinctCount(ref.numbers, cur.numbers, o.maxDistinctForCategorical)
               > o.maxDistinctForCategorical;
    DriftTest test = o.test;
    if (const auto it = o.columnTests.find(r.name); it != o.columnTests.end())
        test = it->second;
    if (test == DriftTest::Auto) {
        if (nRef <= o.smallReferenceRows)
            test = numericLike ? DriftTest::Ks : DriftTest::ChiSquare;
        else
            test = numericLike ? DriftTest::Wasserstein : DriftTest::JensenShannon;
    }
    if (ref.categorical && (test == DriftTest::Ks || test == DriftTest::Wasserstein
                            || test == DriftTest::Psi))
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, r.name,
                              std::string(driftTestName(test))
                                  + " needs a numeric column, this one is categorical"});
    // After the choice, so a test that cannot apply to the column is still refused.
    if (nRef < o.minReferenceRows) {
        r.note = "too few reference rows: " + std::to_string(nRef) + " of "
                 + std::to_string(o.minReferenceRows) + " needed";
        return r;
    }
    r.test = test;
    r.evaluated = true;
    switch (test) {
    case DriftTest::Ks: {
        const stats::KsResult ks = stats::ks2samp(ref.numbers, cur.numbers, o.ksMethod);
        r.statistic = ks.statistic;
        r.score = ks.pValue;
        r.threshold = o.pValueThreshold;
        r.drifted = ks.pValue < o.pValueThreshold;
        break;
    }
    case DriftTest::ChiSquare: {
        std::vector<double> rc, cc;
        alignedCounts(ref, cur, &rc, &cc);
        const stats::ChiSquareResult chi = stats::chiSquareCounts(rc, cc);
        r.statistic = chi.statistic;
        r.score = chi.pValue;
        r.threshold = o.pValueThreshold;
        r.drifted = chi.pValue < o.pValueThreshold;  // NaN (one category) is no drift
        if (std::isnan(chi.pValue))
            r.note = "one category in both samples: nothing to test";
        break;
    }
    case DriftTest::Wasserstein: {
        const double norm = std::max(populationStd(ref.numbers), 0.001);
        r.statistic = r.score = stats::wasserstein1(ref.numbers, cur.numbers) / norm;
        r.threshold = o.wassersteinThreshold;
        r.drifted = r.score >= o.wassersteinThreshold;
        break;
    }
    case DriftTest::JensenShannon: {
        std::vector<double> rp, cp;
        if (ref.categorical) {
            alignedCounts(ref, cur, &rp, &cp);
            for (double& x : rp)
                x /= static_cast<double>(nRef);
            for (double& x : cp)
                x /= static_cast<double>(nCur);
        } else {
            const stats::BinnedShares b =
                stats::binnedShares(ref.numbers, cur.numbers, o.jensenShannonMaxCategories);
            rp = b.reference;
            cp = b.current;
        }
        r.statistic = r.score = stats::jensenShannon(rp, cp, o.jensenShannonBase);
        r.threshold = o.jensenShannonThreshold;
        r.drifted = r.score >= o.jensenShannonThreshold;
        break;
    }
    case DriftTest::Psi:
        r.statistic = r.score =
            stats::psi(ref.numbers, cur.numbers, o.psiBins, o.psiEpsilon).psi;
        r.threshold = o.psiThreshold;
        r.drifted = r.score >= o.psiThreshold;
        break;
    case DriftTest::Auto:
        break;
    }
    if (!ref.categorical && o.reportPsi)
        r.psi = test == DriftTest::Psi
                    ? r.score
                    : stats::psi(ref.numbers, cur.numbers, o.psiBins, o.psiEpsilon).psi;
    return r;
}

DriftResult computeDrift(const std::vector<DriftColumn>& reference,
                         const std::vector<DriftColumn>& current, const DriftOptions& options)
{
    DriftResult result;
    for (const DriftColumn& cur : current) {
        const auto ref = std::find_if(reference.begin(), reference.end(),
                                      [&](const DriftColumn& c) { return c.name == cur.name; });
        if (ref == reference.end())
            continue;
        ColumnDrift d = columnDrift(*ref, cur, options);
        if (d.evaluated) {
            ++result.evaluated;
            result.drifted += d.drifted;
        }
        result.columns.push_back(std::move(d));
    }
    result.share = result.evaluated > 0
                       ? static_cast<double>(result.drifted) / result.evaluated
                       : 0.0;
    result.datasetDrift = result.evaluated > 0 && result.share >= options.datasetDriftShare;
    return result;
}

std::string toJson(const DriftResult& result)
{
    json columns = json::array();
    for (const ColumnDrift& c : result.columns) {
        json j{{"name", c.name},
               {"type", c.categorical ? "categorical" : "numeric"},
               {"evaluated", c.evaluated},
               {"test", driftTestName(c.test)},
               {"score", number(c.score)},
               {"statistic", number(c.statistic)},
               {"threshold", c.threshold},
               {"drifted", c.drifted},
               {"reference_rows", c.referenceRows},
               {"current_rows", c.currentRows},
               {"non_finite_reference", c.nonFiniteReference},
               {"non_finite_current", c.nonFiniteCurrent}};
        if (c.psi)
            j["psi"] = number(*c.psi);
        if (!c.note.empty())
            j["note"] = c.note;
        columns.push_back(std::move(j));
    }
    return json{{"columns", std::move(columns)},
                {"evaluated", result.evaluated},
                {"drifted", result.drifted},
                {"share", result.share},
                {"dataset_drift", result.datasetDrift}}
        .dump();
}

}  // namespace flightdeck::monitor
