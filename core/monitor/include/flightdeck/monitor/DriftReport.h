#pragma once
// Column and dataset drift of a current sample against a reference sample, choosing the test
// per column as Evidently does by default (evidently/calculations/stattests/registry.py):
//   reference <= smallReferenceRows (1,000):
//     numeric with > 5 distinct values (reference and current together): two-sample KS,
//     drift when p < 0.05;
//     otherwise (categorical, or <= 5 distinct values): chi-squared on the category counts
//     (expected = reference counts scaled to the current size), drift when p < 0.05.
//     (Evidently uses a z-test for exactly two categories; we keep chi-squared there.)
//   larger reference:
//     numeric with > 5 distinct values: Wasserstein-1 / max(std(reference), 0.001) >= 0.1;
//     otherwise: Jensen-Shannon distance (natural log, Evidently's binning) >= 0.1.
// The dataset drifts when at least datasetDriftShare (0.5) of the evaluated columns drift.
// Every threshold is an option. PSI (quantile bins of the reference) is reported alongside for
// numeric columns. Non-finite values (NaN, Inf) are left out of every statistic and counted in
// `nonFiniteReference` / `nonFiniteCurrent`; a column with no finite value on either side is
// not evaluated (`evaluated` false, note "no data") and does not count towards the share.
#include "flightdeck/monitor/DriftStatistics.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flightdeck::monitor {

enum class DriftTest { Auto, Ks, ChiSquare, Wasserstein, JensenShannon, Psi };
const char* driftTestName(DriftTest test);  // "ks", "chisquare", "wasserstein", ...

struct DriftOptions {
    std::size_t smallReferenceRows = 1000;
    // Fewer finite reference values than this: the column is not tested (note "too few
    // reference rows: N of M needed") rather than reported with a meaningless p-value; 5 is
    // chi-squared's usual least expected count per category.
    std::size_t minReferenceRows = 5;
    std::size_t maxDistinctForCategorical = 5;  // numeric columns with at most this many values
    double pValueThreshold = 0.05;              // KS and chi-squared: drift when p < this
    double wassersteinThreshold = 0.1;          // normed Wasserstein: drift when >= this
    double jensenShannonThreshold = 0.1;        // drift when >= this
    int jensenShannonMaxCategories = 20;        // Evidently's binning rule (BinnedShares)
    double jensenShannonBase = 0;               // 0 = natural log, as Evidently
    int psiBins = 10;
    double psiEpsilon = 1e-4;
    double psiThreshold = 0.1;                  // when PSI is the test: drift when >= this
    bool reportPsi = true;                      // PSI next to the chosen test (numeric columns)
    double datasetDriftShare = 0.5;
    stats::KsMethod ksMethod = stats::KsMethod::Auto;
    DriftTest test = DriftTest::Auto;           // one test for every column
    std::map<std::string, DriftTest> columnTests;  // per column, overrides `test`
};

// One column of a sample: numbers, or labels for a categorical column.
struct DriftColumn {
    std::string name;
    bool categorical = false;
    std::vector<double> numbers;
    std::vector<std::string> labels;
};

struct ColumnDrift {
    std::string name;
    bool categorical = false;
    bool evaluated = false;
    DriftTest test = DriftTest::Auto;
    double score = 0;        // the p-value (KS, chi-squared) or the distance (others)
    double statistic = 0;    // KS D, chi-squared statistic, or the distance again
    double threshold = 0;
    bool drifted = false;
    std::optional<double> psi;
    std::int64_t referenceRows = 0, currentRows = 0;          // finite values used
    std::int64_t nonFiniteReference = 0, nonFiniteCurrent = 0;
    std::string note;
};

struct DriftResult {
    std::vector<ColumnDrift> columns;
    int evaluated = 0, drifted = 0;
    double share = 0;
    bool datasetDrift = false;
};

ColumnDrift columnDrift(const DriftColumn& reference, const DriftColumn& current,
                        const DriftOptions& options);
// Columns are matched by name; a current column missing from the reference is skipped.
DriftResult computeDrift(const std::vector<DriftColumn>& reference,
                         const std::vector<DriftColumn>& current, const DriftOptions& options);

std::string toJson(const DriftResult& result);

}  // namespace flightdeck::monitor
