#pragma once
// Label-free performance estimate for classifiers (NannyML's CBPE idea): a model's confidence
// in its predicted class, once calibrated on a reference where the truth is known, is the
// probability that the prediction is right. So a window's expected accuracy is the mean
// calibrated confidence of its predictions, with no label needed.
//
// Calibration: isotonic regression of correctness (0/1) on confidence, as scikit-learn's
// IsotonicRegression(increasing=True, out_of_bounds='clip') fits and predicts it (pool adjacent
// violators over the distinct confidences, linear interpolation between them, clipped at the
// ends); or histogram binning (equal-width bins over [0, 1], each bin's share correct; an empty
// bin takes its bin centre, the uncalibrated guess).
//
// Interval: given calibrated p_i, the number of correct predictions is a sum of independent
// Bernoulli(p_i), so realized accuracy has mean m = mean(p_i) and standard deviation
// sqrt(sum p_i (1 - p_i)) / n; the interval is m -+ z sd (normal approximation), clipped to
// [0, 1]. It covers the sampling noise of the window, not the calibration's own error.
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/PredictionLog.h"

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace flightdeck::monitor {

enum class CalibrationMethod { Isotonic, HistogramBinning };
const char* calibrationMethodName(CalibrationMethod method);   // "isotonic", "histogram"

class ConfidenceCalibration {
public:
    // confidence[i] in [0, 1], correct[i] 0 or 1; Error(InvalidArgument) naming the index of a
    // value out of range, for mismatched lengths or no data.
    static ConfidenceCalibration fit(const std::vector<double>& confidence,
                                     const std::vector<std::uint8_t>& correct,
                                     CalibrationMethod method = CalibrationMethod::Isotonic,
                                     int bins = 10);
    // The calibrated probability that a prediction with this confidence is correct.
    double operator()(double confidence) const;

    CalibrationMethod method() const { return method_; }
    const std::vector<double>& x() const { return x_; }   // isotonic: knots; histogram: edges
    const std::vector<double>& y() const { return y_; }   // value per knot / per bin
    std::int64_t samples() const { return samples_; }
    double referenceAccuracy() const { return accuracy_; }

    std::string toJson() const;
    static ConfidenceCalibration fromJson(std::string_view text, const std::string& where = {});

private:
    CalibrationMethod method_ = CalibrationMethod::Isotonic;
    std::vector<double> x_, y_;
    std::int64_t samples_ = 0;
    double accuracy_ = 0;
};

struct EstimateWindow {
    double start = 0, width = 0;
    std::int64_t records = 0;      // predictions with a confidence in [0, 1]
    double expectedAccuracy = std::numeric_limits<double>::quiet_NaN();  // NaN without records
    double low = std::numeric_limits<double>::quiet_NaN();
    double high = std::numeric_limits<double>::quiet_NaN();
};

// Two-sided normal quantile for a confidence level in (0, 1): 0.95 -> 1.959963984540054.
double normalQuantileTwoSided(double level);

// Expected accuracy of one set of confidences (one window) under `calibration`.
EstimateWindow estimateAccuracy(const ConfidenceCalibration& calibration,
                                const std::vector<double>& confidences, double level = 0.95);

// Per time window, streaming: memory is three numbers per window.
class PerformanceEstimator {
public:
    PerformanceEstimator(ConfidenceCalibration calibration, double widthSeconds,
                         double level = 0.95);
    void add(const PredictionRecord& record);   // records without a confidence are ignored
    std::vector<EstimateWindow> windows() const;   // windows with at least one record
    std::int64_t outOfRange() const { return outOfRange_; }
    const ConfidenceCalibration& calibration() const { return calibration_; }

private:
    struct Sums { std::int64_t n = 0; long double p = 0, var = 0; };
    ConfidenceCalibration calibration_;
    double width_, level_;
    std::map<std::int64_t, Sums> windows_;
    std::int64_t outOfRange_ = 0;
};

// Fits a calibration on a reference log (prediction and confidence per record) and its ground
// truth joined by request id: correct = (prediction == label). Records without a confidence in
// [0, 1] or without a label are left out and counted. Error(TooFewRows) when none is left.
struct CalibrationFit {
    ConfidenceCalibration calibration;
    std::int64_t used = 0, withoutLabel = 0, withoutConfidence = 0;
};
CalibrationFit calibrationFromLog(const std::filesystem::path& log,
                                  const std::filesystem::path& groundTruth,
                                  const LogReadOptions& read = {},
                                  CalibrationMethod method = CalibrationMethod::Isotonic,
                                  int bins = 10);

}  // namespace flightdeck::monitor
