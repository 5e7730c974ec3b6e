#pragma once
// The result type of every metric in core/eval: a value, or "undefined" with the reason.
//
// A metric can be undefined for reasons that are properties of the data, not bugs: no samples,
// one class only (ROC AUC), fewer than two samples (R^2), scores that are not probabilities
// (log loss, Brier). Such a metric is reported as undefined with a one-line English reason; it is
// never a NaN that a printer would show as a number. JSON writers put null plus "<key>_reason".
//
// Structural misuse (arrays of different lengths, a label outside [0, numClasses), NaN or
// infinite scores) throws flightdeck::Error(InvalidArgument, field, detail) instead, because it
// means the caller's data is broken (scikit-learn raises ValueError for the same inputs).
#include <string>
#include <utility>

namespace flightdeck::eval {

struct Metric {
    double value = 0;
    bool defined = false;
    std::string reason;  // why the metric is undefined; empty when defined

    static Metric of(double v) { return Metric{v, true, {}}; }
    static Metric undefined(std::string why) { return Metric{0, false, std::move(why)}; }
    explicit operator bool() const { return defined; }
};

// How per-class scores are combined (scikit-learn's `average`).
enum class Average { Macro, Micro, Weighted };

// scikit-learn's zero_division: the value of precision or recall whose denominator is 0.
enum class ZeroDivision { Zero, One };

// Whether a larger value of a metric is better (accuracy) or worse (log loss); used to sort
// slices worst first.
enum class Direction { HigherIsBetter, LowerIsBetter };

}  // namespace flightdeck::eval
