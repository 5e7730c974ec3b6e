#pragma once
// Internal helpers of core/eval: NumPy-identical summation and argument checks.
#include "flightdeck/common/Error.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace flightdeck::eval::detail {

[[noreturn]] inline void invalidArgument(const std::string& field, const std::string& detail)
{
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, field, detail});
}

// NumPy's pairwise summation (numpy/core/src/umath/loops_utils.h.src) of term(begin..end-1):
// fewer than 8 terms summed in order, up to 128 with eight accumulators, else split in halves
// at a multiple of 8.
template <class Term>
double pairwiseSum(std::size_t begin, std::size_t end, const Term& term)
{
    const std::size_t n = end - begin;
    if (n < 8) {
        double res = 0.;
        for (std::size_t i = begin; i < end; ++i)
            res += term(i);
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (std::size_t j = 0; j < 8; ++j)
            r[j] = term(begin + j);
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (std::size_t j = 0; j < 8; ++j)
                r[j] += term(begin + i + j);
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += term(begin + i);
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(begin, begin + n2, term) + pairwiseSum(begin + n2, end, term);
}

// np.sum of a contiguous float64 array of n terms, bit for bit: NumPy reduces in buffers of
// 8192 elements, each summed pairwise, the partial sums added in order (checked against NumPy
// 1.24). Matching it makes parity with scikit-learn exact rather than merely close.
template <class Term>
double npSum(std::size_t n, const Term& term)
{
    constexpr std::size_t kBuffer = 8192;
    double res = 0.;
    for (std::size_t b = 0; b < n; b += kBuffer)
        res += pairwiseSum(b, b + kBuffer < n ? b + kBuffer : n, term);
    return res;
}

// np.mean; n must be > 0.
template <class Term>
double npMean(std::size_t n, const Term& term)
{
    return npSum(n, term) / static_cast<double>(n);
}

inline void checkSameLength(std::size_t expected, std::size_t got, const char* field,
                            const char* reference)
{
    if (expected != got)
        invalidArgument(field, std::to_string(got) + " values but " + std::to_string(expected)
                                   + " " + reference);
}

inline void checkNumClasses(int numClasses)
{
    if (numClasses <= 0)
        invalidArgument("numClasses", "must be at least 1, got " + std::to_string(numClasses));
}

// Every label in [0, numClasses).
inline void checkLabels(const std::vector<std::int32_t>& labels, const char* field,
                        int numClasses)
{
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] < 0 || labels[i] >= numClasses)
            invalidArgument(field, "index " + std::to_string(i) + ": label "
                                       + std::to_string(labels[i]) + " outside [0, "
                                       + std::to_string(numClasses) + ")");
}

// NaN and infinities are broken data, never a score: Error(InvalidArgument) naming the first.
inline void checkFinite(const std::vector<double>& values, const char* field,
                        std::size_t columns = 1)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) {
            std::string where = columns > 1 ? "row " + std::to_string(i / columns) + ", column "
                                                  + std::to_string(i % columns)
                                            : "index " + std::to_string(i);
            invalidArgument(field, where + ": " + (std::isnan(values[i]) ? "NaN" : "infinite")
                                       + " value");
        }
    }
}

// probs holds rows x numClasses values, row-major.
inline void checkScoreMatrix(const std::vector<double>& probs, std::size_t rows, int numClasses,
                             const char* field)
{
    checkNumClasses(numClasses);
    const std::size_t expected = rows * static_cast<std::size_t>(numClasses);
    if (probs.size() != expected)
        invalidArgument(field, std::to_string(probs.size()) + " values, expected " +
                                   std::to_string(rows) + " rows x " +
                                   std::to_string(numClasses) + " classes");
    checkFinite(probs, field, static_cast<std::size_t>(numClasses));
}

// The first value outside [0, 1], as a reason text; empty if all are probabilities.
inline std::string notProbabilities(const std::vector<double>& values, std::size_t columns = 1)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i] < 0 || values[i] > 1) {
            std::string where = columns > 1 ? "row " + std::to_string(i / columns) + ", column "
                                                  + std::to_string(i % columns)
                                            : "index " + std::to_string(i);
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.17g", values[i]);
            return "scores are not probabilities (" + where + ": " + buf + " outside [0, 1])";
        }
    }
    return {};
}

inline const char* noSamples() { return "no samples"; }

}  // namespace flightdeck::eval::detail
